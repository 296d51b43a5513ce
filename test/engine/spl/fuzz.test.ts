/**
 * Fuzz: random and malformed SPL, macros and event values never crash the engine (only
 * SplError escapes) and never hang (inputs are bounded; each property runs a few
 * hundred cases inside the test timeout).
 */
import fc from 'fast-check';
import { createApp } from '../../../src/engine/app';
import type { SplunkEvent } from '../../../src/engine/event';
import { runSearch, SplError } from '../../../src/engine/search';
import { ev } from './helpers';

const app = createApp({
  macros: '[m]\ndefinition = index=main\n[a(1)]\nargs = x\ndefinition = eval y=$x$\n[bad]\ndefinition = | eval (\n[loop]\ndefinition = `loop`\n',
  transforms: '[roles_lookup]\nfilename = roles.csv\nmatch_type = WILDCARD(host)\n',
  lookups: { 'roles.csv': 'host,role\nweb*,web\n' },
});
const events: SplunkEvent[] = [
  ev({ _raw: 'GET /shell.aspx?cmd=whoami 200', user: 'bob', status: '200', tag: ['web', 'proxy'], n: '42' }),
  ev({ _raw: 'error: x\ny', host: 'web01', status: '500', process: 'cmd.exe /c "dir"', n: '-1.5e3' }),
  ev({ _raw: '', user: ['a', 'b', 'c'], empty: '' }),
];

/** Runs SPL; returns 'ok' or 'spl-error'; anything else fails the property. */
function attempt(spl: string, evs: SplunkEvent[] = events): 'ok' | 'spl-error' {
  try {
    runSearch(spl, { app, events: evs, now: 1773482400 });
    return 'ok';
  } catch (e) {
    if (e instanceof SplError) return 'spl-error';
    throw new Error(`non-SplError for ${JSON.stringify(spl)}: ${(e as Error).stack}`);
  }
}

const PIECES = [
  'index=main', '|', ' ', '"', "'", '`', '```', '[', ']', '(', ')', ',', '=', '!=', '<', '>=', '*', 'OR', 'AND', 'NOT', 'IN',
  'search', 'eval', 'where', 'stats', 'count', 'by', 'as', 'AS', 'table', 'rex', 'field=', 'tstats', 'from', 'datamodel=Endpoint.Processes',
  'lookup', 'roles_lookup', 'inputlookup', 'sort', '-', 'dedup', 'head', 'bin', 'span=1h', '_time', 'user', 'status', 'x', '1', '0.5',
  'if(', 'match(', 'replace(', '"(?<a>\\\\w+)"', '`m`', '`a(1)`', '`bad`', '`loop`', '`nope`', 'mvindex(', 'strftime(', '"%Y"', '.', '+',
  'values(', 'eval(', 'earliest=-1h', 'latest=now', 'TERM(', 'CASE(', 'makeresults', 'append', 'return', 'format', 'mvexpand', 'streamstats',
  'window=2', 'convert', 'ctime(', 'fillnull', 'value=', '\\', '\n', '$x$', 'nodename=', '{', '}', '%', 'LIKE', 'XOR',
];

describe('fuzz', () => {
  test('random token soup never crashes', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 25 }), (parts) => {
        attempt(parts.join(' '));
        attempt(parts.join(''));
      }),
      { numRuns: 600, seed: 1505 },
    );
  });

  test('pipelines built from valid command forms run (or fail with SplError) on any order', () => {
    const field = fc.constantFrom('user', 'status', 'n', 'host', '_time', 'missing', 'tag', 'process');
    const value = fc.constantFrom('bob', '200', '"a b"', '1.5', '*', 'web*', '-1');
    const command = fc.oneof(
      fc.tuple(field, value).map(([f, v]) => `search ${f}=${v}`),
      fc.tuple(field, field).map(([a, b]) => `eval ${a}=coalesce(${b}, "x") . "-" . len(${a})`),
      fc.tuple(field, value).map(([f, v]) => `where isnotnull(${f}) OR ${f}=${v.startsWith('"') ? v : `"${v}"`}`),
      fc.tuple(field, field).map(([a, b]) => `stats count values(${a}) as v dc(${b}) as d by ${b}`),
      fc.tuple(field, field).map(([a, b]) => `eventstats count as c by ${a} | streamstats window=2 sum(c) as s by ${b}`),
      field.map((f) => `sort - ${f}`),
      field.map((f) => `dedup ${f} keepempty=true`),
      field.map((f) => `mvexpand ${f}`),
      field.map((f) => `makemv delim="," ${f}`),
      field.map((f) => `rex field=${f} "(?<part>\\w+)" max_match=0`),
      field.map((f) => `fillnull value=0 ${f}`),
      field.map((f) => `rename ${f} AS renamed`),
      field.map((f) => `table ${f} renamed part v d c s`),
      field.map((f) => `bin ${f} span=10`),
      fc.constant('head 2'),
      fc.constant('tail 2'),
      fc.constant('lookup roles_lookup host OUTPUTNEW role'),
      fc.constant('append [| makeresults | eval user="appended"]'),
    );
    fc.assert(
      fc.property(fc.array(command, { minLength: 1, maxLength: 8 }), (commands) => {
        attempt(`index=main | ${commands.join(' | ')}`);
      }),
      { numRuns: 400, seed: 99 },
    );
  });

  test('random printable text never crashes', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        attempt(text);
        attempt(`index=main | ${text}`);
        attempt(`| makeresults | eval x=${text}`);
      }),
      { numRuns: 400, seed: 42 },
    );
  });

  test('random regular expressions in rex, regex, match and replace never crash', () => {
    const regexChars = fc.constantFrom('a', 'b', '.', '*', '+', '?', '(', ')', '[', ']', '{', '}', '^', '$', '|', '\\', 'd', 'w', 's', '<', '>', 'P', 'K', '?<n>', '(?i)', ',', '1', '2', '-', ':', '=', '!');
    fc.assert(
      fc.property(fc.array(regexChars, { maxLength: 16 }), (chars) => {
        const pattern = chars.join('').replace(/"/g, '');
        attempt(`index=main | rex "${pattern}"`);
        attempt(`index=main | regex "${pattern}"`);
        attempt(`index=main | where match(_raw, "${pattern}")`);
        attempt(`index=main | eval z=replace(_raw, "${pattern}", "x")`);
      }),
      { numRuns: 400, seed: 7 },
    );
  });

  test('random time modifiers never crash', () => {
    const parts = fc.constantFrom('-', '+', '@', '1', '24', 'h', 'd', 'w0', 'w9', 'mon', 'q', 'y', 'x', 'now', '0', 'rt', ':', '/', '2026');
    fc.assert(
      fc.property(fc.array(parts, { minLength: 1, maxLength: 6 }), (p) => {
        const m = p.join('');
        attempt(`index=main earliest=${m}`);
        attempt(`| makeresults | eval t=relative_time(now(), "${m}")`);
      }),
      { numRuns: 300, seed: 3 },
    );
  });

  test('odd field values (empty, unicode, long, multivalue, numeric-looking) never crash the searches', () => {
    const value = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom('', ' ', '1e400', '-0', 'NaN', '0x1F', '\u0000', '\uFFFD\uD83D\uDE00', '*', '"', '\\'),
      fc.array(fc.string({ maxLength: 8 }), { minLength: 2, maxLength: 4 }),
      fc.string({ minLength: 1000, maxLength: 3000 }),
    );
    const searches = [
      'index=main user=* | stats count values(user) dc(n) sum(n) avg(n) min(n) max(n) by status',
      'index=main | eval a=len(user).lower(user), b=tonumber(n)+1, c=mvcount(user), d=substr(user, 2, 3) | table a b c d',
      'index=main | sort - n | dedup user | head 2',
      'index=main | lookup roles_lookup host AS user OUTPUT role | fillnull value=none role',
      'index=main | rex field=user "(?<first>\\w)" | mvexpand user | streamstats count by user',
      'index=main | bin n span=10 | convert ctime(n) | where n!="x"',
    ];
    fc.assert(
      fc.property(fc.record({ user: value, n: value, status: value, _raw: fc.string({ maxLength: 200 }) }), (fields) => {
        const evs = [ev(fields as Record<string, string | string[]>), ...events];
        for (const s of searches) expect(attempt(s, evs)).toBe('ok');
      }),
      { numRuns: 150, seed: 11 },
    );
  });
});
