/** Conformance: stats, eventstats, streamstats and their functions. */
import { ev, run, splError } from '../helpers';

const web = [
  ev({ _time: 100, host: 'www1', status: '200', bytes: '100', user: 'bob', action: 'view' }),
  ev({ _time: 200, host: 'www1', status: '404', bytes: '300', user: 'eve', action: 'view' }),
  ev({ _time: 300, host: 'www2', status: '200', bytes: '50', user: 'bob', action: 'purchase' }),
  ev({ _time: 400, host: 'www2', status: '500', bytes: 'n/a' }),
];
const opts = { now: 1000 };

// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.2/search-commands/stats
describe('stats', () => {
  test('count without BY gives one row', () => {
    expect(run('index=main | stats count', web, opts)).toEqual([{ count: 4 }]);
  });
  test('count over no events is 0', () => {
    expect(run('index=main nosuchterm | stats count', web, opts)).toEqual([{ count: 0 }]);
  });
  test('BY gives one row per value, ordered by the BY values', () => {
    expect(run('index=main | stats count by host', web, opts)).toEqual([
      { host: 'www1', count: 2 },
      { host: 'www2', count: 2 },
    ]);
  });
  test('rows whose BY field is missing are left out', () => {
    expect(run('index=main | stats count by user', web, opts)).toEqual([
      { user: 'bob', count: 2 },
      { user: 'eve', count: 1 },
    ]);
  });
  test('several BY fields', () => {
    expect(run('index=main | stats count by host status', web, opts).map((r) => `${r.host}/${r.status}/${r.count}`)).toEqual(['www1/200/1', 'www1/404/1', 'www2/200/1', 'www2/500/1']);
  });
  test('count(field) counts rows where the field exists', () => {
    expect(run('index=main | stats count(user) as n', web, opts)).toEqual([{ n: 3 }]);
  });
  test('AS renames; the default name is func(field)', () => {
    expect(Object.keys(run('index=main | stats dc(user)', web, opts)[0])).toEqual(['dc(user)']);
  });
  test('dc() counts distinct values', () => {
    expect(run('index=main | stats dc(user) as users', web, opts)).toEqual([{ users: 2 }]);
  });
  test('sum() and avg() ignore non-numeric values', () => {
    expect(run('index=main | stats sum(bytes) as s avg(bytes) as a', web, opts)).toEqual([{ s: 450, a: 150 }]);
  });
  test('min() and max() are numeric for numbers', () => {
    expect(run('index=main | stats min(bytes) as lo max(bytes) as hi', web, opts)).toEqual([{ lo: 50, hi: 300 }]);
  });
  test('min() and max() of strings are lexicographic', () => {
    expect(run('index=main | stats min(user) as lo max(user) as hi', web, opts)).toEqual([{ lo: 'bob', hi: 'eve' }]);
  });
  test('range()', () => {
    expect(run('index=main | stats range(_time) as r', web, opts)).toEqual([{ r: 300 }]);
  });
  test('count(eval(…)) counts rows where the expression is true; AS is required', () => {
    expect(run('index=main | stats count(eval(status="200")) as ok', web, opts)).toEqual([{ ok: 2 }]);
    expect(splError('index=main | stats count(eval(status="200"))', web, opts).message).toMatch(/needs AS/);
  });
  test('c() and distinct_count() are aliases', () => {
    expect(run('index=main | stats c as n distinct_count(host) as h', web, opts)).toEqual([{ n: 4, h: 2 }]);
  });
  test('an unknown function is an error', () => {
    expect(splError('index=main | stats frob(x)', web, opts).message).toMatch(/unknown statistical function "frob"/);
  });
  test('stats output keeps only the BY fields and the aggregates', () => {
    expect(Object.keys(run('index=main | stats count by host', web, opts)[0]).sort()).toEqual(['count', 'host']);
  });
  test('a multivalue BY field counts the row in each of its values (unverified)', () => {
    expect(run('index=main | stats count by tag', [ev({ tag: ['a', 'b'] }), ev({ tag: 'a' })], opts)).toEqual([
      { tag: 'a', count: 2 },
      { tag: 'b', count: 1 },
    ]);
  });
  test('median, mode, stdev, var, perc', () => {
    const nums = [1, 2, 3, 4, 10].map((n) => ev({ n: String(n) }));
    expect(run('index=main | stats median(n) as med mode(n) as mo var(n) as v perc50(n) as p', nums, opts)).toEqual([{ med: 3, mo: '1', v: 12.5, p: 3 }]);
    expect(run('index=main | stats stdev(n) as sd', nums, opts)[0].sd).toBeCloseTo(Math.sqrt(12.5), 10);
  });
});

// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/statistical-and-charting-functions/multivalue-stats-and-chart-functions
describe('values() and list()', () => {
  test('values() returns distinct values in lexicographic order', () => {
    expect(run('index=main | stats values(status) as s', web, opts)).toEqual([{ s: ['200', '404', '500'] }]);
  });
  test('values() of a single value is that value', () => {
    expect(run('index=main host=www1 | stats values(host) as h', web, opts)).toEqual([{ h: 'www1' }]);
  });
  test('list() keeps every value in result order', () => {
    expect(run('index=main | stats list(status) as s', web, opts)).toEqual([{ s: ['500', '200', '404', '200'] }]);
  });
  test('list() keeps at most 100 values', () => {
    const many = Array.from({ length: 150 }, (_, i) => ev({ _time: i + 1, n: String(i) }));
    const s = run('index=main | stats list(n) as s', many, opts)[0].s as string[];
    expect(s).toHaveLength(100);
  });
  test('values() takes each value of a multivalue field', () => {
    expect(run('index=main | stats values(tag) as t', [ev({ tag: ['b', 'a'] }), ev({ tag: 'c' })], opts)).toEqual([{ t: ['a', 'b', 'c'] }]);
  });
});

// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/statistical-and-charting-functions/event-order-functions
describe('first, last, earliest, latest', () => {
  test('first() is the first in result order (newest first by default)', () => {
    expect(run('index=main | stats first(status) as f last(status) as l', web, opts)).toEqual([{ f: '500', l: '200' }]);
  });
  test('earliest() and latest() go by _time', () => {
    expect(run('index=main | sort _time | stats earliest(status) as e latest(status) as l', web, opts)).toEqual([{ e: '200', l: '500' }]);
  });
  test('earliest_time() and latest_time()', () => {
    expect(run('index=main | stats earliest_time(status) as e latest_time(status) as l', web, opts)).toEqual([{ e: 100, l: 400 }]);
  });
});

// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/eventstats
describe('eventstats', () => {
  test('adds the aggregate to every row', () => {
    expect(run('index=main | eventstats count as total | table host total', web, opts).map((r) => r.total)).toEqual([4, 4, 4, 4]);
  });
  test('by group, keeping every row and its fields', () => {
    const rows = run('index=main | eventstats sum(bytes) as host_bytes by host | table host bytes host_bytes', web, opts);
    expect(rows.map((r) => `${r.host}:${r.host_bytes}`)).toEqual(['www2:50', 'www2:50', 'www1:400', 'www1:400']);
  });
  test('an aggregate without a value (avg of no numbers) adds no field, with or without BY (unverified)', () => {
    expect(run('index=main status=500 | eventstats avg(bytes) as avg_bytes count as n | table status bytes avg_bytes n', web, opts)).toEqual([{ status: '500', bytes: 'n/a', n: 1 }]);
    expect(run('index=main status=500 | eventstats avg(bytes) as avg_bytes count as n by host | table host avg_bytes n', web, opts)).toEqual([{ host: 'www2', n: 1 }]);
  });
  test('rows without the BY field get no value (unverified)', () => {
    const rows = run('index=main | eventstats count as n by user | table user n', web, opts);
    expect(rows.find((r) => r.user === undefined)).toEqual({});
  });
});

// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/streamstats
describe('streamstats', () => {
  const seq = [1, 2, 3, 4].map((n) => ev({ _time: n * 10, n: String(n), g: n % 2 ? 'odd' : 'even' }));
  const asc = (extra: string) => run(`index=main | sort _time | streamstats ${extra} | table n g c`, seq, opts);
  test('running count in result order', () => {
    expect(asc('count as c').map((r) => r.c)).toEqual([1, 2, 3, 4]);
  });
  test('current=false leaves out the row itself', () => {
    expect(asc('current=false sum(n) as c').map((r) => r.c)).toEqual([undefined, 1, 3, 6]);
  });
  test('window=N keeps the last N rows', () => {
    expect(asc('window=2 sum(n) as c').map((r) => r.c)).toEqual([1, 3, 5, 7]);
  });
  test('BY keeps separate running statistics', () => {
    expect(asc('count as c by g').map((r) => r.c)).toEqual([1, 1, 2, 2]);
  });
  test('time_window keeps rows within the span of the current one', () => {
    expect(asc('time_window=15s count as c').map((r) => r.c)).toEqual([1, 2, 2, 2]);
  });
  test('reset_on_change restarts when the BY value changes', () => {
    expect(asc('reset_on_change=true count as c by g').map((r) => r.c)).toEqual([1, 1, 1, 1]);
  });
});
