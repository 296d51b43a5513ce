/** Conformance: field, row, lookup and subsearch commands. Pages cited per block. */
import { ev, run, splError } from '../helpers';

const opts = { now: 1000 };

// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/rename
describe('rename', () => {
  test('renames a field', () => {
    expect(run('index=main | rename user AS account | table user account', [ev({ user: 'bob' })], opts)).toEqual([{ account: 'bob' }]);
  });
  test('wildcards carry over: rename Processes.* AS *', () => {
    expect(run('index=main | rename Processes.* AS * | table dest user', [ev({ 'Processes.dest': 'd', 'Processes.user': 'u' })], opts)).toEqual([{ dest: 'd', user: 'u' }]);
  });
  test('the renamed field replaces an existing field of the new name', () => {
    expect(run('index=main | rename a AS b | table b', [ev({ a: '1', b: '2' })], opts)).toEqual([{ b: '1' }]);
  });
  test('several renamings separated by commas', () => {
    expect(run('index=main | rename a AS x, b AS y | table x y', [ev({ a: '1', b: '2' })], opts)).toEqual([{ x: '1', y: '2' }]);
  });
  test('quoted names with spaces', () => {
    expect(run('index=main | rename a AS "new name" | table "new name"', [ev({ a: '1' })], opts)).toEqual([{ 'new name': '1' }]);
  });
});

// https://help.splunk.com/splunk-cloud-platform/spl-search-reference/10.1.2507/search-commands/fields
describe('fields', () => {
  const e = () => [ev({ _raw: 'r', a: '1', b: '2', c: '3' })];
  test('keeps the listed fields plus _raw and _time', () => {
    expect(Object.keys(run('index=main | fields a b', e(), opts)[0]).sort()).toEqual(['_raw', '_time', 'a', 'b']);
  });
  test('fields - removes the listed fields', () => {
    const row = run('index=main | fields - a b', e(), opts)[0];
    expect(row.a).toBeUndefined();
    expect(row.c).toBe('3');
  });
  test('wildcards select several fields', () => {
    expect(Object.keys(run('index=main | fields - _* host source* index linecount', e(), opts)[0]).sort()).toEqual(['a', 'b', 'c']);
  });
});

// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/table
describe('table', () => {
  test('keeps only the listed fields, in that order', () => {
    expect(Object.keys(run('index=main | table c a', [ev({ a: '1', b: '2', c: '3' })], opts)[0])).toEqual(['c', 'a']);
  });
  test('a missing field is left out of the row', () => {
    expect(run('index=main | table a zz', [ev({ a: '1' })], opts)).toEqual([{ a: '1' }]);
  });
});

// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.0/search-commands/sort
describe('sort', () => {
  const rows = [ev({ n: '10', s: 'b' }), ev({ n: '9', s: 'a' }), ev({ n: '100', s: 'c' }), ev({ s: 'd' })];
  test('numbers sort numerically', () => {
    expect(run('index=main | sort n | table n', rows, opts).map((r) => r.n)).toEqual(['9', '10', '100', undefined]);
  });
  test('- sorts descending; rows without the field still come last', () => {
    expect(run('index=main | sort - n | table n', rows, opts).map((r) => r.n)).toEqual(['100', '10', '9', undefined]);
  });
  test('-field works without a space', () => {
    expect(run('index=main | sort -n | table n', rows, opts).map((r) => r.n)[0]).toBe('100');
  });
  test('str() sorts lexicographically', () => {
    expect(run('index=main n=* | sort str(n) | table n', rows, opts).map((r) => r.n)).toEqual(['10', '100', '9']);
  });
  test('sort N keeps the first N rows', () => {
    expect(run('index=main | sort 2 s | table s', rows, opts).map((r) => r.s)).toEqual(['a', 'b']);
  });
  test('a leading N overrides limit= (unverified)', () => {
    expect(run('index=main | sort limit=1 2 s | table s', rows, opts).map((r) => r.s)).toEqual(['a', 'b']);
    expect(run('index=main | sort limit=1 s | table s', rows, opts).map((r) => r.s)).toEqual(['a']);
  });
  test('sort keeps at most 10000 rows by default; sort 0 keeps all', () => {
    const many = Array.from({ length: 10005 }, (_, i) => ev({ _time: i, n: String(i) }));
    expect(run('index=main | sort n', many, { now: 20000 })).toHaveLength(10000);
    expect(run('index=main | sort 0 n', many, { now: 20000 })).toHaveLength(10005);
  });
  test('several keys', () => {
    const r = [ev({ a: '1', b: 'y' }), ev({ a: '2', b: 'x' }), ev({ a: '1', b: 'x' })];
    expect(run('index=main | sort a, -b | table a b', r, opts).map((x) => `${x.a}${x.b}`)).toEqual(['1y', '1x', '2x']);
  });
});

// https://help.splunk.com/splunk-cloud-platform/spl-search-reference/10.0.2503/search-commands/dedup
describe('dedup', () => {
  const rows = () => [ev({ _time: 3, src: 'a', n: '1' }), ev({ _time: 2, src: 'a', n: '2' }), ev({ _time: 1, src: 'b', n: '3' }), ev({ _time: 0.5, n: '4' })];
  test('keeps the first row of each value in result order', () => {
    expect(run('index=main | dedup src | table n', rows(), opts).map((r) => r.n)).toEqual(['1', '3']);
  });
  test('drops rows where the field is missing', () => {
    expect(run('index=main | dedup src | table n', rows(), opts).map((r) => r.n)).not.toContain('4');
  });
  test('keepempty=true keeps them', () => {
    expect(run('index=main | dedup src keepempty=true | table n', rows(), opts).map((r) => r.n)).toEqual(['1', '3', '4']);
  });
  test('dedup N keeps the first N of each value', () => {
    expect(run('index=main | dedup 2 src | table n', rows(), opts).map((r) => r.n)).toEqual(['1', '2', '3']);
  });
  test('N must be at least 1; a lone number is the field to dedup on (unverified)', () => {
    expect(splError('index=main | dedup 0 src', rows(), opts).reason).toBe('dedup: expected an integer of at least 1, found 0');
    const numbered = [ev({ _time: 3, '2': 'x', n: '1' }), ev({ _time: 2, '2': 'x', n: '2' }), ev({ _time: 1, n: '3' })];
    expect(run('index=main | dedup 2 | table n', numbered, opts).map((r) => r.n)).toEqual(['1']);
  });
  test('consecutive=true removes only consecutive duplicates', () => {
    const r = [ev({ _time: 4, v: 'x' }), ev({ _time: 3, v: 'y' }), ev({ _time: 2, v: 'x' }), ev({ _time: 1, v: 'x' })];
    expect(run('index=main | dedup v consecutive=true | table v', r, opts).map((x) => x.v)).toEqual(['x', 'y', 'x']);
  });
  test('sortby orders the remaining rows', () => {
    expect(run('index=main | dedup src sortby -n | table n', rows(), opts).map((r) => r.n)).toEqual(['3', '1']);
  });
});

// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/head
// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/tail
describe('head and tail', () => {
  const rows = Array.from({ length: 12 }, (_, i) => ev({ _time: 100 - i, n: String(i) }));
  test('head defaults to 10', () => {
    expect(run('index=main | head', rows, opts)).toHaveLength(10);
  });
  test('head N and limit=N', () => {
    expect(run('index=main | head 3 | table n', rows, opts).map((r) => r.n)).toEqual(['0', '1', '2']);
    expect(run('index=main | head limit=2 | table n', rows, opts).map((r) => r.n)).toEqual(['0', '1']);
  });
  test('tail returns the last N in reverse order', () => {
    expect(run('index=main | tail 3 | table n', rows, opts).map((r) => r.n)).toEqual(['11', '10', '9']);
  });
  test('tail defaults to 10', () => {
    expect(run('index=main | tail', rows, opts)).toHaveLength(10);
  });
});

// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.1/search-commands/rex
describe('rex', () => {
  test('named groups from _raw become fields', () => {
    expect(run('index=main | rex "From: (?<from>\\S+) To: (?<to>\\S+)" | table from to', [ev({ _raw: 'From: a@x To: b@y' })], opts)).toEqual([{ from: 'a@x', to: 'b@y' }]);
  });
  // A literal backslash in a regex is \\ in SPL (the string unescapes to \\, the regex to \):
  // https://help.splunk.com/splunk-enterprise/search/search-manual/9.4/search-primer/backslashes
  test('field= extracts from another field', () => {
    expect(run('index=main | rex field=path "\\\\\\\\(?<file>[^\\\\\\\\]+)$" | table file', [ev({ path: 'C:\\inetpub\\x.aspx' })], opts)).toEqual([{ file: 'x.aspx' }]);
  });
  test('max_match=0 collects every match as a multivalue', () => {
    expect(run('index=main | rex max_match=0 "(?<d>\\d+)" | table d', [ev({ _raw: 'a1 b22 c333' })], opts)).toEqual([{ d: ['1', '22', '333'] }]);
  });
  test('a row that does not match keeps its fields', () => {
    expect(run('index=main | rex "(?<user>nomatch\\d)" | table user', [ev({ _raw: 'x', user: 'bob' })], opts)).toEqual([{ user: 'bob' }]);
  });
  test('Python-style (?P<name>…) groups', () => {
    expect(run('index=main | rex "id=(?P<id>\\d+)" | table id', [ev({ _raw: 'id=42' })], opts)).toEqual([{ id: '42' }]);
  });
  test('mode=sed replaces text', () => {
    expect(run('index=main | rex field=ssn mode=sed "s/\\d{3}-\\d{2}/XXX-XX/g" | table ssn', [ev({ ssn: '123-45-6789' })], opts)).toEqual([{ ssn: 'XXX-XX-6789' }]);
  });
  test('mode=sed: without g only the first match, with a number only that match; \\1 back-references', () => {
    const sed = (expr: string) => run(`index=main | rex field=u mode=sed "${expr}" | table u`, [ev({ u: 'a@x b@y c@z' })], opts)[0].u;
    expect(sed('s/(\\w)@(\\w)/\\2:\\1/')).toBe('x:a b@y c@z');
    expect(sed('s/(\\w)@(\\w)/\\2:\\1/2')).toBe('a@x y:b c@z');
    expect(sed('s/(\\w)@(\\w)/\\2:\\1/g')).toBe('x:a y:b z:c');
  });
  test('a regex without named groups is an error', () => {
    expect(splError('index=main | rex "abc"', [], opts).message).toMatch(/no named group/);
  });
});

// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/regex
describe('regex', () => {
  const rows = [ev({ n: '1', _raw: 'GET /a.php' }), ev({ n: '2', _raw: 'GET /b.html' })];
  test('keeps rows whose _raw matches', () => {
    expect(run('index=main | regex "\\.php" | table n', rows, opts)).toEqual([{ n: '1' }]);
  });
  test('field!= keeps rows whose field does not match', () => {
    expect(run('index=main | regex _raw!="\\.php" | table n', rows, opts)).toEqual([{ n: '2' }]);
  });
});

// https://help.splunk.com/splunk-cloud-platform/spl-search-reference/10.0.2503/search-commands/fillnull
describe('fillnull', () => {
  test('fills listed fields with 0 by default', () => {
    expect(run('index=main | fillnull a b | table a b', [ev({ a: 'x' })], opts)).toEqual([{ a: 'x', b: '0' }]);
  });
  test('value= sets the fill value', () => {
    expect(run('index=main | fillnull value=unknown user | table user', [ev({})], opts)).toEqual([{ user: 'unknown' }]);
  });
  test('without fields, fills every field some row has', () => {
    expect(run('index=main | table a b | fillnull', [ev({ a: '1' }), ev({ b: '2' })], opts)).toEqual([
      { a: '1', b: '0' },
      { a: '0', b: '2' },
    ]);
  });
});

// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/mvexpand
// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/makemv
describe('mvexpand and makemv', () => {
  test('mvexpand makes one row per value', () => {
    expect(run('index=main | mvexpand v | table v', [ev({ v: ['a', 'b'] })], opts)).toEqual([{ v: 'a' }, { v: 'b' }]);
  });
  test('mvexpand drops rows without the field', () => {
    expect(run('index=main | mvexpand v', [ev({})], opts)).toEqual([]);
  });
  test('mvexpand limit=N', () => {
    expect(run('index=main | mvexpand v limit=1 | table v', [ev({ v: ['a', 'b'] })], opts)).toEqual([{ v: 'a' }]);
  });
  test('makemv delim= splits a value', () => {
    expect(run('index=main | makemv delim="," v | table v', [ev({ v: 'a,b,c' })], opts)).toEqual([{ v: ['a', 'b', 'c'] }]);
  });
  test('makemv splits on spaces by default', () => {
    expect(run('index=main | makemv v | table v', [ev({ v: 'a b' })], opts)).toEqual([{ v: ['a', 'b'] }]);
  });
  test('makemv tokenizer= takes the first group of each match', () => {
    expect(run('index=main | makemv tokenizer="([^,]+),?" v | table v', [ev({ v: 'x,y' })], opts)).toEqual([{ v: ['x', 'y'] }]);
  });
});

// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/bin
describe('bin', () => {
  test('floors _time to the span', () => {
    expect(run('index=main | bin _time span=1h | table _time', [ev({ _time: 7260 })], { now: 10000 })).toEqual([{ _time: 7200 }]);
  });
  test('span=1d snaps to the day in the time zone', () => {
    const t = Date.UTC(2026, 2, 14, 3, 0) / 1000;
    expect(run('index=main | bin _time span=1d | table _time', [ev({ _time: t })], { now: t + 10, timezone: 'America/New_York' })).toEqual([{ _time: Date.UTC(2026, 2, 13, 4, 0) / 1000 }]);
  });
  test('a numeric field becomes a range', () => {
    expect(run('index=main | bin size span=10 | table size', [ev({ size: '23' })], opts)).toEqual([{ size: '20-30' }]);
  });
  test('bucket is an alias; AS names a new field', () => {
    expect(run('index=main | bucket _time span=1m AS minute | table minute', [ev({ _time: 125 })], opts)).toEqual([{ minute: 120 }]);
  });
  test('automatic bins are refused with a clear message', () => {
    expect(splError('index=main | bin _time bins=10', [], opts).message).toMatch(/bins= is not supported/);
  });
});

// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/convert
describe('convert', () => {
  test('ctime() uses %m/%d/%Y %H:%M:%S by default', () => {
    expect(run('index=main | convert ctime(_time) AS t | table t', [ev({ _time: 1773482400 })], { now: 1773482401 })).toEqual([{ t: '03/14/2026 10:00:00' }]);
  });
  test('timeformat= changes the format', () => {
    expect(run('index=main | convert timeformat="%Y-%m-%dT%H:%M:%S" ctime(first) | table first', [ev({ first: '1773482400' })], opts)).toEqual([{ first: '2026-03-14T10:00:00' }]);
  });
  test('mktime() parses text into epoch', () => {
    expect(run('index=main | convert timeformat="%Y-%m-%d" mktime(d) | table d', [ev({ d: '2026-03-14' })], opts)).toEqual([{ d: 1773446400 }]);
  });
  test('dur2sec(), rmcomma(), num()', () => {
    expect(run('index=main | convert dur2sec(d) rmcomma(c) num(n) | table d c n', [ev({ d: '01:02:03', c: '1,234', n: '12abc' })], opts)).toEqual([{ d: 3723, c: '1234', n: 12 }]);
  });
  test('a wildcard field converts every matching field in place; AS is ignored then (unverified)', () => {
    const rows = run('index=main | convert rmcomma(bytes_*) AS total | table bytes_in bytes_out other total', [ev({ bytes_in: '1,024', bytes_out: '2,048,000', other: '3,000' })], opts);
    expect(rows).toEqual([{ bytes_in: '1024', bytes_out: '2048000', other: '3,000' }]);
  });
});

// https://help.splunk.com/splunk-enterprise/spl-search-reference/10.0/search-commands/lookup
// https://help.splunk.com/splunk-enterprise/manage-knowledge-objects/knowledge-management-manual/9.4/use-the-configuration-files-to-configure-lookups/add-field-matching-rules-to-your-lookup-configuration
describe('lookup', () => {
  const sources = {
    transforms: [
      '[procs_lookup]',
      'filename = procs.csv',
      '[wild_lookup]',
      'filename = wild.csv',
      'match_type = WILDCARD(pattern)',
      'case_sensitive_match = false',
      '[nets_lookup]',
      'filename = nets.csv',
      'match_type = CIDR(cidr)',
      '[one_lookup]',
      'filename = procs.csv',
      'max_matches = 1',
      '[default_lookup]',
      'filename = procs.csv',
      'min_matches = 1',
      'default_match = unknown',
    ].join('\n'),
    lookups: {
      'procs.csv': 'name,category,os\ncmd.exe,shell,windows\ncmd.exe,interpreter,windows\nbash,shell,linux\n',
      'wild.csv': 'pattern,zone\nC:\\inetpub\\*,iis\n/var/www/*,web\n',
      'nets.csv': 'cidr,site\n10.1.0.0/16,hq\n10.0.0.0/8,corp\n',
    },
  };
  const o = { ...opts, sources };
  test('OUTPUT adds the matching row; matching is case-sensitive by default', () => {
    expect(run('index=main | lookup procs_lookup name AS p OUTPUT os | table p os', [ev({ p: 'bash' }), ev({ p: 'BASH' })], o)).toEqual([{ p: 'bash', os: 'linux' }, { p: 'BASH' }]);
  });
  test('several matching rows give a multivalue field', () => {
    expect(run('index=main | lookup procs_lookup name AS p OUTPUT category | table category', [ev({ p: 'cmd.exe' })], o)).toEqual([{ category: ['shell', 'interpreter'] }]);
  });
  test('max_matches=1 keeps the first match in file order', () => {
    expect(run('index=main | lookup one_lookup name AS p OUTPUT category | table category', [ev({ p: 'cmd.exe' })], o)).toEqual([{ category: 'shell' }]);
  });
  test('without OUTPUT, every non-key column is added', () => {
    expect(run('index=main | lookup procs_lookup name AS p | table category os', [ev({ p: 'bash' })], o)).toEqual([{ category: 'shell', os: 'linux' }]);
  });
  test('OUTPUT overwrites an existing field, OUTPUTNEW does not', () => {
    expect(run('index=main | lookup procs_lookup name AS p OUTPUT os | table os', [ev({ p: 'bash', os: 'x' })], o)).toEqual([{ os: 'linux' }]);
    expect(run('index=main | lookup procs_lookup name AS p OUTPUTNEW os | table os', [ev({ p: 'bash', os: 'x' })], o)).toEqual([{ os: 'x' }]);
  });
  test('OUTPUT field AS new name', () => {
    expect(run('index=main | lookup procs_lookup name AS p OUTPUT os AS platform | table platform', [ev({ p: 'bash' })], o)).toEqual([{ platform: 'linux' }]);
  });
  test('WILDCARD match type with case_sensitive_match=false', () => {
    expect(run('index=main | lookup wild_lookup pattern AS f OUTPUT zone | table zone', [ev({ f: 'c:\\INETPUB\\wwwroot\\x.aspx' })], o)).toEqual([{ zone: 'iis' }]);
  });
  test('CIDR match type', () => {
    expect(run('index=main | lookup nets_lookup cidr AS ip OUTPUT site | table site', [ev({ ip: '10.1.2.3' }), ev({ ip: '10.9.9.9' })], o)).toEqual([{ site: ['hq', 'corp'] }, { site: 'corp' }]);
  });
  test('min_matches with default_match fills when nothing matches', () => {
    expect(run('index=main | lookup default_lookup name AS p OUTPUT os | table os', [ev({ p: 'zsh' })], o)).toEqual([{ os: 'unknown' }]);
  });
  test('a CSV file name works as a lookup name', () => {
    expect(run('index=main | lookup procs.csv name AS p OUTPUT os | table os', [ev({ p: 'bash' })], o)).toEqual([{ os: 'linux' }]);
  });
  test('an unknown lookup is an error naming it', () => {
    expect(splError('index=main | lookup nope_lookup a', [], o).message).toMatch(/unknown lookup "nope_lookup"/);
  });
  test('lookup and inputlookup report an unknown lookup at its name, prefixed with the command', () => {
    const piped = 'index=main | lookup nope_lookup a';
    const e = splError(piped, [], o);
    expect(e.reason).toBe('lookup: unknown lookup "nope_lookup": no transforms.conf stanza and no lookups/nope_lookup');
    expect(e.position?.offset).toBe(piped.indexOf('nope_lookup'));
    const generating = '| inputlookup nope_lookup';
    const g = splError(generating, [], o);
    expect(g.reason).toBe('inputlookup: unknown lookup "nope_lookup": no transforms.conf stanza and no lookups/nope_lookup');
    expect(g.position?.offset).toBe(generating.indexOf('nope_lookup'));
  });
  test('an unknown column is an error', () => {
    expect(splError('index=main | lookup procs_lookup nosuch', [], o).message).toMatch(/has no column "nosuch"/);
  });
});

// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/inputlookup
describe('inputlookup', () => {
  const sources = { transforms: '[procs_lookup]\nfilename = procs.csv\n', lookups: { 'procs.csv': 'name,os\ncmd.exe,windows\nbash,linux\n' } };
  test('returns the rows of the table', () => {
    expect(run('| inputlookup procs_lookup', [], { ...opts, sources })).toEqual([
      { name: 'cmd.exe', os: 'windows' },
      { name: 'bash', os: 'linux' },
    ]);
  });
  test('WHERE filters with search syntax', () => {
    expect(run('| inputlookup procs_lookup where os=LINUX', [], { ...opts, sources })).toEqual([{ name: 'bash', os: 'linux' }]);
  });
  test('max= limits the rows', () => {
    expect(run('| inputlookup max=1 procs_lookup', [], { ...opts, sources })).toHaveLength(1);
  });
  test('must start the search unless append=true', () => {
    expect(splError('index=main | inputlookup procs_lookup', [], { ...opts, sources }).message).toMatch(/must start the search/);
  });
});

// https://help.splunk.com/en/splunk-enterprise/search/search-manual/9.2/subsearches/change-the-format-of-subsearch-results
// https://help.splunk.com/splunk-cloud-platform/spl-search-reference/10.0.2503/search-commands/format
// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/return
// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/append
describe('subsearches, format, return, append', () => {
  const events = [ev({ user: 'bob', action: 'login' }), ev({ user: 'eve', action: 'login' }), ev({ user: 'bob', action: 'delete' }), ev({ user: 'mallory', action: 'delete' })];
  test('a subsearch result becomes (field=value) conditions', () => {
    expect(run('index=main action=delete [search index=main action=login | fields user] | table user', events, opts)).toEqual([{ user: 'bob' }]);
  });
  test('format writes ( ( a="1" AND b="2" ) OR ( … ) )', () => {
    expect(run('| makeresults count=2 | eval a=1, b="x" | fields - _time | format', [], opts)).toEqual([{ search: '( ( a="1" AND b="x" ) OR ( a="1" AND b="x" ) )' }]);
  });
  test('format of no results is NOT ( ), which matches nothing', () => {
    expect(run('index=main nosuch | format', events, opts)).toEqual([{ search: 'NOT ( )' }]);
    expect(run('index=main [search index=main nosuch | fields user]', events, opts)).toEqual([]);
  });
  test('format ignores fields that start with an underscore', () => {
    expect(run('index=main user=eve | fields user _time | format', events, opts)).toEqual([{ search: '( ( user="eve" ) )' }]);
  });
  test('a field named search is used as it is', () => {
    expect(run('index=main [| makeresults | eval search="user=eve" | fields search] | table user', events, opts)).toEqual([{ user: 'eve' }]);
  });
  test('return field, alias=field and $field', () => {
    expect(run('index=main user=eve action=login | return user', events, opts)).toEqual([{ search: 'user="eve"' }]);
    expect(run('index=main user=eve action=login | return account=user', events, opts)).toEqual([{ search: 'account="eve"' }]);
    expect(run('index=main user=eve action=login | return $user', events, opts)).toEqual([{ search: 'eve' }]);
  });
  test('return N joins rows with OR', () => {
    expect(run('index=main action=login | return 2 user', events, opts)).toEqual([{ search: '(user="bob") OR (user="eve")' }]);
  });
  test('return 0 is an error (N is at least 1)', () => {
    expect(splError('index=main action=login | return 0 user', events, opts).reason).toBe('return: expected an integer of at least 1, found 0');
  });
  test('append adds the subsearch rows after the current rows', () => {
    const rows = run('index=main action=login | stats count as logins | append [search index=main action=delete | stats count as deletes]', events, opts);
    expect(rows).toEqual([{ logins: 2 }, { deletes: 2 }]);
  });
  test('makeresults count=N', () => {
    expect(run('| makeresults count=3', [], opts)).toHaveLength(3);
  });
});
