/**
 * Conformance: PCRE as Splunk uses it (rex, regex, match(), replace()) translated to
 * JavaScript. PCRE semantics from the PCRE2 pattern documentation
 * (https://www.pcre.org/current/doc/html/pcre2pattern.html) and the Splunk "SPL and
 * regular expressions" page
 * (https://help.splunk.com/splunk-enterprise/search/search-manual/9.4/search-primer/spl-and-regular-expressions).
 */
import { compilePcre, RegexError, translatePcre } from '../../../../src/engine/spl/regex';
import { evalX, splError } from '../helpers';

const matches = (pattern: string, text: string) => compilePcre(pattern).regex.test(text);

describe('translated PCRE', () => {
  test('(?P<name>…) and (?<name>…) named groups', () => {
    expect(compilePcre('(?P<a>x)(?<b>y)').groupNames).toEqual(['a', 'b']);
  });
  test('(?P=name) back-reference', () => {
    expect(matches('(?P<q>["\'])x(?P=q)', '"x"')).toBe(true);
    expect(matches('(?P<q>["\'])x(?P=q)', '"x\'')).toBe(false);
  });
  test('leading (?i) makes the whole pattern case-insensitive', () => {
    expect(matches('(?i)^cmd', 'CMD.exe')).toBe(true);
  });
  test('(?s) lets . match a newline; without it . does not', () => {
    expect(matches('a.b', 'a\nb')).toBe(false);
    expect(matches('(?s)a.b', 'a\nb')).toBe(true);
  });
  test('. matches a carriage return (PCRE newline is \\n only)', () => {
    expect(matches('^a.b$', 'a\rb')).toBe(true);
  });
  test('(?m) makes ^ and $ match at line breaks', () => {
    expect(matches('(?m)^b$', 'a\nb\nc')).toBe(true);
    expect(matches('^b$', 'a\nb\nc')).toBe(false);
  });
  test('(?x) ignores whitespace and # comments', () => {
    expect(matches('(?x) a \\d+  # digits\n b', 'a12b')).toBe(true);
  });
  test('$ also matches before a final newline', () => {
    expect(matches('abc$', 'abc\n')).toBe(true);
  });
  test('\\A and \\z anchor at the very start and end', () => {
    expect(matches('\\Aabc\\z', 'abc')).toBe(true);
    expect(matches('\\Aabc\\z', 'abc\n')).toBe(false);
    expect(matches('abc\\Z', 'abc\n')).toBe(true);
  });
  test('\\Q…\\E quotes metacharacters', () => {
    expect(matches('\\Qa.b*\\E', 'a.b*')).toBe(true);
    expect(matches('\\Qa.b*\\E', 'axbb')).toBe(false);
  });
  test('POSIX classes', () => {
    expect(matches('^[[:alpha:]]+[[:digit:]]$', 'abc1')).toBe(true);
  });
  test('\\h matches horizontal space', () => {
    expect(matches('a\\hb', 'a\tb')).toBe(true);
  });
  test('(?#comment) is dropped', () => {
    expect(matches('a(?#note)b', 'ab')).toBe(true);
  });
  test.each([
    ['\\R matches \\r\\n as one newline sequence', '^a\\Rb$', 'a\r\nb', true],
    ['\\R matches U+2028', '^a\\Rb$', 'a\u2028b', true],
    ['\\R does not match a space', '^a\\Rb$', 'a b', false],
    ['\\e is escape and \\a is bell', '^\\e\\[31m\\a$', '\x1b[31m\x07', true],
    ['\\e and \\a inside a class', '^[\\e\\a]+$', '\x07\x1b', true],
    ['\\e and \\a inside a class are not the letters e and a', '^[\\e\\a]+$', 'ea', false],
  ])('%s', (_what, pattern, text, expected) => {
    expect(matches(pattern, text)).toBe(expected);
  });
  test('anchor escapes inside a class are passed through as written (what PCRE does with them: unverified)', () => {
    expect(translatePcre('[\\A\\z]').source).toBe('[\\A\\z]');
  });
});

describe('refused PCRE', () => {
  const refused = (pattern: string, what: RegExp) => {
    expect(() => translatePcre(pattern)).toThrow(RegexError);
    expect(() => translatePcre(pattern)).toThrow(what);
  };
  test('possessive quantifiers', () => refused('a++b', /possessive/));
  test('atomic groups', () => refused('(?>ab)', /atomic/));
  test('recursion', () => refused('a(?R)?b', /recursion/));
  test('\\K', () => refused('foo\\Kbar', /\\K/));
  test('inline options that are not at the start', () => refused('a(?i)b', /not at the start/));
  test('conditionals', () => refused('(a)?(?(1)b|c)', /conditional/));
  test('a refused regex fails the search with its position', () => {
    const e = splError('| makeresults | rex field=x "(?<a>\\d++)"');
    expect(e.message).toMatch(/possessive quantifier/);
    expect(e.position?.column).toBe(29);
  });
  test('an invalid regex is reported', () => {
    expect(() => compilePcre('(a')).toThrow(/not valid/);
  });
});

// SPL string escaping: "\\d" in SPL is \d in the regex; an unknown escape such as \d
// written once also reaches the regex unchanged.
// https://help.splunk.com/splunk-enterprise/search/search-manual/9.4/search-primer/backslashes
describe('SPL string escaping before the regex', () => {
  test('"\\\\d+" and "\\d+" both reach the regex as \\d+', () => {
    expect(evalX('if(match("a1", "\\\\d"), 1, 0)')).toBe(1);
    expect(evalX('if(match("a1", "\\d"), 1, 0)')).toBe(1);
  });
  test('a literal backslash needs four backslashes in SPL', () => {
    expect(evalX('replace("a\\\\b", "\\\\\\\\", "/")')).toBe('a/b');
  });
});
