/** MITRE description markup -> text blocks (never HTML). */
import { parseInline, parseMitreText } from '../../src/ui/mitre-text';

describe('parseMitreText', () => {
  it('splits paragraphs on blank lines and joins wrapped lines', () => {
    expect(parseMitreText('First line\ncontinued.\n\nSecond.')).toEqual([
      { kind: 'paragraph', segments: [{ kind: 'text', text: 'First line continued.' }] },
      { kind: 'paragraph', segments: [{ kind: 'text', text: 'Second.' }] },
    ]);
  });

  it('turns "* " lines into a list', () => {
    const [list] = parseMitreText('* VIB payload: a `.vgz` archive  \n* Signature file');
    expect(list).toEqual({
      kind: 'list',
      items: [
        [
          { kind: 'text', text: 'VIB payload: a ' },
          { kind: 'code', text: '.vgz' },
          { kind: 'text', text: ' archive' },
        ],
        [{ kind: 'text', text: 'Signature file' }],
      ],
    });
  });

  it('keeps links to attack.mitre.org, turns other links into their label, drops citations', () => {
    expect(
      parseInline('Use [China Chopper](https://attack.mitre.org/software/S0020) or [a blog](https://evil.example/x).(Citation: Lee 2013)'),
    ).toEqual([
      { kind: 'text', text: 'Use ' },
      { kind: 'link', text: 'China Chopper', href: 'https://attack.mitre.org/software/S0020' },
      { kind: 'text', text: ' or a blog.' },
    ]);
  });

  it('reads <code> tags as code and leaves any other markup as literal text', () => {
    expect(parseInline('run <code> esxcli software vib install --force</code> then <img src=x onerror=alert(1)>')).toEqual([
      { kind: 'text', text: 'run ' },
      { kind: 'code', text: 'esxcli software vib install --force' },
      { kind: 'text', text: ' then <img src=x onerror=alert(1)>' },
    ]);
  });
});
