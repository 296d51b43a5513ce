/**
 * Conformance: search macros — macros.conf.spec
 * (https://help.splunk.com/en/data-management/splunk-enterprise-admin-manual/10.0/10.0.0-configuration-file-reference/macros.conf),
 * "Use search macros in searches"
 * (https://help.splunk.com/en/splunk-enterprise/manage-knowledge-objects/knowledge-management-manual/10.0/search-macros),
 * "Define search macros in Settings"
 * (https://help.splunk.com/splunk-enterprise/manage-knowledge-objects/knowledge-management-manual/9.0/search-macros/define-search-macros-in-settings).
 */
import { createApp } from '../../../../src/engine/app';
import { expandSearch } from '../../../../src/engine/search';
import { ev, run, splError } from '../helpers';

const macros = [
  '[web_index]',
  'definition = index=main sourcetype=access*',
  '[status_is(1)]',
  'args = code',
  'definition = status=$code$',
  '[pair(2)]',
  'args = a, b',
  'definition = eval a=$a$, b=$b$',
  '[pair(1)]',
  'args = a',
  'definition = eval a=$a$',
  '[nested]',
  'definition = `web_index` `status_is(404)`',
  '[quoted(1)]',
  'args = v',
  'definition = eval q="prefix-$v$"',
  '[computed(1)]',
  'args = n',
  'iseval = true',
  'definition = "head " . tostring($n$ * 2)',
  '[checked(1)]',
  'args = n',
  'definition = head $n$',
  'validation = isint($n$) AND $n$ > 0',
  'errormsg = n must be a positive integer',
  '[loop_a]',
  'definition = `loop_b`',
  '[loop_b]',
  'definition = `loop_a`',
].join('\n');
const app = createApp({ macros });
const events = [ev({ sourcetype: 'access_combined', status: '404', n: '1' }), ev({ sourcetype: 'access_combined', status: '200', n: '2' }), ev({ sourcetype: 'syslog', status: '404', n: '3' })];
const opts = { app, now: 1000 };

describe('macro expansion', () => {
  test('a macro without arguments is replaced by its definition', () => {
    expect(run('`web_index` | table n', events, opts)).toEqual([{ n: '1' }, { n: '2' }]);
  });
  test('$arg$ is replaced by the argument', () => {
    expect(run('`web_index` `status_is(404)` | table n', events, opts)).toEqual([{ n: '1' }]);
  });
  test('macros overload by the number of arguments: name(N)', () => {
    expect(run('| makeresults | `pair(1, 2)` | table a b', [], opts)).toEqual([{ a: 1, b: 2 }]);
    expect(run('| makeresults | `pair(7)` | table a', [], opts)).toEqual([{ a: 7 }]);
  });
  test('named arguments bind by name', () => {
    expect(run('| makeresults | `pair(b=2, a=1)` | table a b', [], opts)).toEqual([{ a: 1, b: 2 }]);
  });
  test('macros nest', () => {
    expect(run('`nested` | table n', events, opts)).toEqual([{ n: '1' }]);
  });
  test('$arg$ is replaced inside quotes of the definition', () => {
    expect(run('| makeresults | `quoted(x)` | table q', [], opts)).toEqual([{ q: 'prefix-x' }]);
  });
  test('an argument keeps its quotes (unverified)', () => {
    expect(expandSearch('`status_is("404")`', app).text).toBe('status="404"');
  });
  test('a macro call inside a quoted value is not expanded', () => {
    expect(expandSearch('search "audit`web_index`local"', app).text).toBe('search "audit`web_index`local"');
  });
  test('iseval = true evaluates the definition to get the expansion', () => {
    expect(expandSearch('index=main | `computed(2)`', app).text).toBe('index=main | head 4');
  });
  test('validation failing gives errormsg', () => {
    expect(splError('index=main | `checked(0)`', events, opts).message).toMatch(/n must be a positive integer/);
    expect(run('index=main | `checked(1)`', events, opts)).toHaveLength(1);
  });
  test('an unknown macro is an error at its backtick', () => {
    const e = splError('index=main | `nope(1)`', events, opts);
    expect(e.message).toMatch(/unknown macro `nope\(1\)`/);
    expect(e.position?.column).toBe(14);
  });
  test('a call with the wrong number of arguments names the defined arities', () => {
    expect(splError('`status_is(1, 2)`', events, opts).message).toMatch(/unknown macro `status_is\(2\)` \(defined: status_is\(1\)\)/);
  });
  test('a macro that expands into itself is an error', () => {
    expect(splError('`loop_a`', events, opts).message).toMatch(/expands into itself/);
  });
  test('an unbalanced backtick is an error', () => {
    expect(splError('index=main `web_index', events, opts).message).toMatch(/unbalanced backtick/);
  });
  test('an error inside a macro expansion names the macro', () => {
    const bad = createApp({ macros: '[bad]\ndefinition = | frobnicate x\n' });
    const e = splError('index=main `bad`', events, { app: bad, now: 1000 });
    expect(e.position?.macro).toBe('bad');
    expect(e.position?.sourceOffset).toBe(11);
  });
  test('drop_dm_object_name(1) is available as in the CIM add-on', () => {
    expect(run('| makeresults | eval Web.url="/x" | `drop_dm_object_name(Web)` | table url', [], opts)).toEqual([{ url: '/x' }]);
  });
});

// Comments: three backticks ("Add comments to searches", Search Manual,
// https://help.splunk.com/splunk-enterprise/search/search-manual/9.4/search-primer/add-comments-to-searches)
describe('comments', () => {
  test('a ```comment``` is ignored, even with backticks and pipes inside', () => {
    expect(run('index=main ```only `web_index` | here``` status=404 | table n', events, opts)).toEqual([{ n: '1' }, { n: '3' }]);
  });
  test('an unterminated comment is an error', () => {
    expect(splError('index=main ```oops', events, opts).message).toMatch(/unterminated comment/);
  });
});
