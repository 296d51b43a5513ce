/**
 * Conformance: the search command (initial and piped).
 * Pages cited per block; each case follows a rule or example stated there.
 */
import { ev, run, searchMatches, splError } from '../helpers';

// https://help.splunk.com/en/splunk-enterprise/search/search-manual/9.3/expressions-and-predicates
// ("Boolean expressions with logical operators": implied AND, capitalised operators,
//  NOT applies to the next term, search evaluates OR before AND)
describe('search: Boolean operators', () => {
  const events = [
    ev({ _raw: 'web error', a: '1' }),
    ev({ _raw: 'web ok', a: '2' }),
    ev({ _raw: 'db error', a: '3' }),
    ev({ _raw: 'db ok', a: '4' }),
  ];
  const ids = (spl: string) => run(`index=main ${spl} | sort a`, events).map((r) => r.a);

  test('terms are ANDed implicitly ("web error" is "web AND error")', () => {
    expect(ids('web error')).toEqual(['1']);
    expect(ids('web AND error')).toEqual(['1']);
  });
  test('OR binds tighter than AND: "web error OR ok" is "web AND (error OR ok)"', () => {
    expect(ids('web error OR ok')).toEqual(['1', '2']);
  });
  test('NOT applies only to the next term', () => {
    expect(ids('NOT web error')).toEqual(['3']);
  });
  test('NOT applies to a parenthesised group', () => {
    expect(ids('NOT (web error)')).toEqual(['2', '3', '4']);
  });
  test('parentheses override the order', () => {
    expect(ids('(web error) OR (db ok)')).toEqual(['1', '4']);
  });
  test('lower-case "or" is a search term, not an operator', () => {
    expect(ids('web or error')).toEqual([]);
  });
  test('OR between field comparisons', () => {
    expect(ids('a=1 OR a=4')).toEqual(['1', '4']);
  });
  test('NOT before OR binds to the next term only: NOT web OR ok', () => {
    expect(ids('NOT web OR ok')).toEqual(['2', '3', '4']);
  });
});

// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.2/search-commands/search
// (field=value, wildcards, quotes, comparison operators, IN, CIDR)
describe('search: field comparisons', () => {
  test('field values match case-insensitively', () => {
    expect(searchMatches('user=ADMIN', { user: 'admin' })).toBe(true);
  });
  test('field names are case-sensitive', () => {
    expect(searchMatches('User=admin', { user: 'admin' })).toBe(false);
  });
  test('the value must match the whole field value', () => {
    expect(searchMatches('process_name=cmd', { process_name: 'cmd.exe' })).toBe(false);
  });
  test('a trailing wildcard matches any ending', () => {
    expect(searchMatches('process_name=cmd*', { process_name: 'cmd.exe' })).toBe(true);
  });
  test('a wildcard inside quotes still works', () => {
    expect(searchMatches('sourcetype="access_*"', { sourcetype: 'access_combined' })).toBe(true);
  });
  test('a wildcard in the middle matches any run of characters', () => {
    expect(searchMatches('path="C:\\\\inetpub\\\\*\\\\shell.aspx"', { path: 'C:\\inetpub\\wwwroot\\aspnet_client\\shell.aspx' })).toBe(true);
  });
  test('field=* means the field exists', () => {
    expect(searchMatches('user=*', { user: 'x' })).toBe(true);
    expect(searchMatches('user=*', {})).toBe(false);
  });
  test('a quoted value with spaces matches exactly', () => {
    expect(searchMatches('msg="access denied"', { msg: 'Access Denied' })).toBe(true);
    expect(searchMatches('msg="access denied"', { msg: 'access denied twice' })).toBe(false);
  });
  test('a multivalue field matches when any value matches', () => {
    expect(searchMatches('tag=process', { tag: ['report', 'process'] })).toBe(true);
  });
  test('numeric comparison when both sides are numbers', () => {
    expect(searchMatches('bytes>900', { bytes: '1000' })).toBe(true);
    expect(searchMatches('bytes<900', { bytes: '1000' })).toBe(false);
  });
  test('comparison of non-numbers is lexicographic (unverified)', () => {
    expect(searchMatches('name>b', { name: 'c' })).toBe(true);
    expect(searchMatches('name>b', { name: 'a' })).toBe(false);
  });
  test('<= and >= include equality', () => {
    expect(searchMatches('status>=500', { status: '500' })).toBe(true);
    expect(searchMatches('status<=499', { status: '500' })).toBe(false);
  });
  test('IN matches any listed value, with wildcards and quotes', () => {
    expect(searchMatches('status IN (400, 5*, "404")', { status: '503' })).toBe(true);
    expect(searchMatches('status IN (400, 5*, "404")', { status: '200' })).toBe(false);
  });
  test('a CIDR value matches addresses in the range', () => {
    expect(searchMatches('src=10.0.0.0/8', { src: '10.1.2.3' })).toBe(true);
    expect(searchMatches('src=10.0.0.0/8', { src: '11.1.2.3' })).toBe(false);
  });
  test('== is accepted like = (unverified in search)', () => {
    expect(searchMatches('user==bob', { user: 'Bob' })).toBe(true);
  });
});

// https://docs.splunk.com/Documentation/Splunk/9.0.2/Search/NOTexpressions
// ("Difference between NOT and !=": != needs the field; NOT also returns events without it)
describe('search: != versus NOT', () => {
  const events = [ev({ n: '1', color: 'red' }), ev({ n: '2', color: 'blue' }), ev({ n: '3' })];
  const ids = (spl: string) => run(`index=main ${spl} | sort n`, events).map((r) => r.n);
  test('field!=value returns only events that have the field', () => {
    expect(ids('color!=red')).toEqual(['2']);
  });
  test('NOT field=value also returns events without the field', () => {
    expect(ids('NOT color=red')).toEqual(['2', '3']);
  });
  test('field!=* returns nothing', () => {
    expect(ids('color!=*')).toEqual([]);
  });
  test('NOT field=* returns the events without the field', () => {
    expect(ids('NOT color=*')).toEqual(['3']);
  });
});

// https://help.splunk.com/splunk-enterprise/search/search-manual/10.0/search-primer/event-segmentation-and-searching
// (terms match indexed segments: major and minor breakers)
describe('search: keywords against _raw', () => {
  test('a keyword matches a whole segment, not a substring', () => {
    expect(searchMatches('error', { _raw: 'fatal errors occurred' })).toBe(false);
    expect(searchMatches('error', { _raw: 'fatal error occurred' })).toBe(true);
  });
  test('a trailing wildcard matches longer segments', () => {
    expect(searchMatches('error*', { _raw: 'fatal errors occurred' })).toBe(true);
  });
  test('keywords are case-insensitive', () => {
    expect(searchMatches('ERROR', { _raw: 'fatal error' })).toBe(true);
  });
  test('minor breakers split segments: a keyword matches a part of a.b/c', () => {
    expect(searchMatches('inetpub', { _raw: 'path=C:\\inetpub\\wwwroot\\x.aspx' })).toBe(true);
  });
  test('a keyword with minor breakers matches as a whole', () => {
    expect(searchMatches('10.1.2.3', { _raw: 'src=10.1.2.3 port=80' })).toBe(true);
    expect(searchMatches('10.1.2.3', { _raw: 'src=110.1.2.3 port=80' })).toBe(false);
  });
  test('a quoted phrase matches the phrase', () => {
    expect(searchMatches('"access denied"', { _raw: 'user bob: access denied.' })).toBe(true);
    expect(searchMatches('"access denied"', { _raw: 'denied access' })).toBe(false);
  });
  test('* alone matches every event', () => {
    expect(run('index=main *', [ev({ _raw: 'a' }), ev({ _raw: 'b' })])).toHaveLength(2);
  });
});

// https://help.splunk.com/splunk-enterprise/search/search-manual/9.0/search-primer/use-case-and-term-to-match-phrases
describe('search: CASE() and TERM()', () => {
  test('CASE() makes a keyword case-sensitive', () => {
    expect(searchMatches('CASE(Error)', { _raw: 'an error here' })).toBe(false);
    expect(searchMatches('CASE(Error)', { _raw: 'an Error here' })).toBe(true);
  });
  test('field=CASE(value) is case-sensitive', () => {
    expect(searchMatches('user=CASE(Bob)', { user: 'bob' })).toBe(false);
    expect(searchMatches('user=CASE(Bob)', { user: 'Bob' })).toBe(true);
  });
  test('TERM() matches only when bounded by major breakers', () => {
    expect(searchMatches('TERM(10.1.2.3)', { _raw: 'ip 10.1.2.3 seen' })).toBe(true);
    expect(searchMatches('TERM(1.2.3)', { _raw: 'ip 10.1.2.3 seen' })).toBe(false);
  });
});

// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/time-format-variables-and-modifiers/time-modifiers
describe('search: time bounds', () => {
  const NOW = 1773482400; // 2026-03-14T10:00:00Z
  const events = [ev({ _time: NOW - 30 * 60, n: 'a' }), ev({ _time: NOW - 3 * 3600, n: 'b' }), ev({ _time: NOW - 3 * 86400, n: 'c' })];
  test('the dispatch window selects events (earliest inclusive, latest exclusive)', () => {
    expect(run('index=main', events, { now: NOW, earliest: '-1h', latest: 'now' }).map((r) => r.n)).toEqual(['a']);
    expect(run('index=main', events, { now: NOW, earliest: NOW - 30 * 60, latest: NOW }).map((r) => r.n)).toEqual(['a']);
  });
  test('earliest= in the search replaces the dispatch earliest', () => {
    expect(run('index=main earliest=-4h', events, { now: NOW, earliest: '-1h' }).map((r) => r.n)).toEqual(['a', 'b']);
  });
  test('latest= in the search bounds the end', () => {
    expect(run('index=main earliest=0 latest=-1h', events, { now: NOW }).map((r) => r.n)).toEqual(['b', 'c']);
  });
  test('snap to the day: earliest=@d', () => {
    expect(run('index=main earliest=@d', events, { now: NOW }).map((r) => r.n)).toEqual(['a', 'b']);
  });
  test('a bad time modifier fails at its term; with a subsearch (compiled at run time), at the search, naming the bound', () => {
    const spl = 'index=main earliest=-1h latest=yesterday';
    const e = splError(spl, events, { now: NOW });
    expect(e.reason).toMatch(/^invalid time modifier "yesterday"/);
    expect(e.position?.offset).toBe(spl.indexOf('latest='));
    const withSubsearch = 'index=main latest=yesterday [| makeresults | eval n="a" | fields n]';
    const s = splError(withSubsearch, events, { now: NOW });
    expect(s.reason).toMatch(/^latest: invalid time modifier "yesterday"/);
    expect(s.position?.offset).toBe(0);
    expect(splError('index=main earliest=-1x [| makeresults | eval n="a" | fields n]', events, { now: NOW }).reason).toMatch(/^earliest: /);
  });
});

// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.2/search-commands/search
describe('search: piped and result order', () => {
  test('a piped search filters results with the same syntax', () => {
    const rows = run('index=main | eval k="v" | search k=v n>1', [ev({ n: '1' }), ev({ n: '2' })]);
    expect(rows.map((r) => r.n)).toEqual(['2']);
  });
  test('events come newest first whatever the input order', () => {
    const rows = run('index=main', [ev({ _time: 1, n: 'old' }), ev({ _time: 3, n: 'new' }), ev({ _time: 2, n: 'mid' })], { now: 10 });
    expect(rows.map((r) => r.n)).toEqual(['new', 'mid', 'old']);
  });
  test('a keyword in a piped search after stats matches field values (unverified)', () => {
    const rows = run('index=main | stats count by user | search bob', [ev({ user: 'bob' }), ev({ user: 'eve' })]);
    expect(rows.map((r) => r.user)).toEqual(['bob']);
  });
  test('an empty initial search is an error', () => {
    expect(splError('   ').message).toMatch(/empty search/);
  });
});
