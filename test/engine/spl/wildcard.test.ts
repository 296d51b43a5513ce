/**
 * Wildcard patterns: `*` matches any run of characters (search command page, "Wildcards",
 * https://help.splunk.com/splunk-enterprise/search/search-manual/9.3/search-primer/wildcards);
 * every other character, regex metacharacters included, matches itself.
 */
import { wildcardRegex } from '../../../src/engine/spl/wildcard';

describe('wildcardRegex', () => {
  test('* matches any run, also an empty one and one with newlines; the pattern is anchored', () => {
    const re = wildcardRegex('C:\\inetpub\\*\\*.aspx');
    expect(re.test('C:\\inetpub\\wwwroot\\aspnet_client\\shell.aspx')).toBe(true);
    expect(re.test('C:\\inetpub\\\\.aspx')).toBe(true);
    expect(re.test('C:\\inetpub\\a\nb\\c.aspx')).toBe(true);
    expect(re.test('D:\\C:\\inetpub\\x\\y.aspx')).toBe(false);
    expect(re.test('C:\\inetpub\\x\\y.aspx.txt')).toBe(false);
  });
  test('regex metacharacters match themselves', () => {
    const re = wildcardRegex('(a+b)?[c]{2}|^$./*');
    expect(re.test('(a+b)?[c]{2}|^$./anything')).toBe(true);
    expect(re.test('aab[c]{2}|^$./')).toBe(false);
  });
  test('flags apply; without i the match is case-sensitive', () => {
    expect(wildcardRegex('W3WP*').test('w3wp.exe')).toBe(false);
    expect(wildcardRegex('W3WP*', 'i').test('w3wp.exe')).toBe(true);
  });
  test('a given star text replaces the default (field-name patterns capture the parts)', () => {
    expect(wildcardRegex('Processes.*', '', '(.*)').exec('Processes.process_name')?.[1]).toBe('process_name');
  });
});
