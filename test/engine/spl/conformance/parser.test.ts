/**
 * Conformance: pipeline parsing and diagnostics. Syntax rules from the search command
 * page (https://help.splunk.com/splunk-enterprise/spl-search-reference/9.2/search-commands/search:
 * quotes, pipes, generating commands start with a pipe) and "About subsearches"
 * (https://help.splunk.com/splunk-enterprise/search/search-manual/9.4/subsearches/about-subsearches).
 * Every error names its line and column in the expanded search.
 */
import { ev, run, splError } from '../helpers';

const opts = { now: 1000 };

describe('pipeline syntax', () => {
  test('a pipe inside quotes does not split commands', () => {
    expect(run('index=main | eval x="a|b" | table x', [ev({})], opts)).toEqual([{ x: 'a|b' }]);
  });
  test('a pipe inside a subsearch does not split the outer pipeline', () => {
    expect(run('index=main [search index=main | head 1 | fields n] | table n', [ev({ n: '1' }), ev({ n: '2' })], opts)).toHaveLength(1);
  });
  test('an escaped quote inside a string', () => {
    expect(run('index=main | eval x="say \\"hi\\"" | table x', [ev({})], opts)).toEqual([{ x: 'say "hi"' }]);
  });
  test('searches may span lines', () => {
    expect(run('index=main\n| eval x=1\n| table x', [ev({})], opts)).toEqual([{ x: 1 }]);
  });
  test('command names are case-insensitive (unverified)', () => {
    expect(run('index=main | EVAL x=1 | TABLE x', [ev({})], opts)).toEqual([{ x: 1 }]);
  });
});

describe('diagnostics', () => {
  test('unbalanced quotes', () => {
    const e = splError('index=main | eval x="abc');
    expect(e.message).toMatch(/unbalanced quotes/);
    expect(e.position).toMatchObject({ line: 1, column: 21 });
  });
  test('unbalanced quotes inside a subsearch name the opening quote', () => {
    const e = splError('index=main [search user="adm] | head 1');
    expect(e.message).toMatch(/unbalanced quotes: this string has no closing "/);
    expect(e.position).toMatchObject({ line: 1, column: 25 });
  });
  test('unbalanced brackets: [ without ]', () => {
    expect(splError('index=main [search index=main').message).toMatch(/"\[" has no matching "\]"/);
  });
  test('unbalanced brackets: ] without [', () => {
    expect(splError('index=main ]').message).toMatch(/"\]" without a matching "\["/);
  });
  test('unbalanced parentheses in search', () => {
    expect(splError('index=main (a OR b').message).toMatch(/"\(" has no matching "\)"/);
  });
  test('unbalanced parentheses in eval', () => {
    expect(splError('index=main | eval x=if(a=1, 2, 3').message).toMatch(/unbalanced parentheses/);
  });
  test('an unknown command names itself and its position', () => {
    const e = splError('index=main\n| frobnicate x');
    expect(e.message).toMatch(/unknown command "frobnicate"/);
    expect(e.position).toMatchObject({ line: 2, column: 3 });
  });
  test('a real Splunk command the engine does not run is named as unsupported', () => {
    expect(splError('index=main | transaction user').message).toBe('command not supported by the offline engine: transaction (line 1, column 14)');
  });
  test('an empty command between pipes', () => {
    expect(splError('index=main | | head').message).toMatch(/empty command/);
  });
  test('a leading pipe needs a generating command', () => {
    expect(splError('| eval x=1').message).toMatch(/cannot start a search/);
  });
  test('an unknown option', () => {
    expect(splError('index=main | rex foo=1 "(?<a>x)"').message).toMatch(/unknown option "foo"/);
  });
  test('a missing argument', () => {
    expect(splError('index=main | rename a AS').message).toMatch(/expected the new field name/);
  });
  test('OR without a right-hand term', () => {
    expect(splError('index=main a OR').message).toMatch(/OR needs a term after it/);
  });
  test('eval without "="', () => {
    expect(splError('index=main | eval x').message).toMatch(/expected "=" after "x"/);
  });
  test('a comma between search terms is reported', () => {
    expect(splError('index=main a, b').message).toMatch(/unexpected ","/);
  });
  test('errors in a later line report that line', () => {
    expect(splError('index=main\n| eval a=1\n| eval b=nosuch(a)').position).toMatchObject({ line: 3, column: 10 });
  });
});
