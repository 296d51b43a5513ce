import { parseConf, serializeConf, ConfSyntaxError } from '../../src/conf/conf';

// Semantics: https://help.splunk.com/en/splunk-enterprise/administer/admin-manual/9.4/administer-splunk-enterprise-with-configuration-files/configuration-file-structure
describe('conf files', () => {
  it('reads stanzas, comments, continuations and repeated keys', () => {
    const conf = parseConf(
      [
        'global = 1',
        '# comment = ignored',
        '[macro_a]',
        'definition = index=main \\',
        '| stats count',
        'iseval = 0',
        'iseval = 1',
        '',
        '[macro_b(2)]',
        'args = x, y',
      ].join('\n'),
    );
    expect([...conf.keys()]).toEqual(['default', 'macro_a', 'macro_b(2)']);
    expect(conf.get('default')!.settings.get('global')).toBe('1');
    expect(conf.get('macro_a')!.settings.get('definition')).toBe('index=main \n| stats count');
    expect(conf.get('macro_a')!.settings.get('iseval')).toBe('1');
    expect(conf.get('macro_b(2)')!.line).toBe(9);
    expect(conf.get('macro_a')!.settingLines.get('definition')).toBe(4);
    expect(conf.get('macro_a')!.settingLines.get('iseval')).toBe(7);
  });

  it('names file and line of a malformed line', () => {
    expect(() => parseConf('[a]\nno equals sign', 'macros.conf')).toThrow(ConfSyntaxError);
    expect(() => parseConf('[a]\nno equals sign', 'macros.conf')).toThrow('macros.conf:2');
    expect(() => parseConf('[a\nk=v', 'x.conf')).toThrow('x.conf:1');
  });

  it('round-trips multi-line values', () => {
    const text = serializeConf([{ name: 's', settings: [['search', 'a\n| b\n| c']] }], 'generated');
    expect(text.startsWith('# generated\n')).toBe(true);
    expect(parseConf(text).get('s')!.settings.get('search')).toBe('a\n| b\n| c');
  });
});
