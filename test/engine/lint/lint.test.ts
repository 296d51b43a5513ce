/**
 * lintApp over a small app written to a temporary folder: every rule fires on a
 * search that breaks it and stays quiet on the corrected search.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatFinding, lintApp, type LintFinding } from '../../../src/engine/lint';
import { longestCronGap } from '../../../src/engine/lint/rules/dispatch';

const SCHEDULED = 'enableSched = 1\ncron_schedule = */15 * * * *\ndispatch.earliest_time = -20m@m\ndispatch.latest_time = now\n';

function stanza(name: string, search: string, settings = SCHEDULED): string {
  return `[${name}]\nsearch = ${search.split('\n').join('\\\n')}\n${settings}\n`;
}

let dir: string;
let findings: LintFinding[];
const of = (name: string) => findings.filter((f) => f.search === name);
const rules = (name: string) => of(name).map((f) => f.rule);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 't1505-lint-'));
  mkdirSync(join(dir, 'default', 'data', 'ui', 'views'), { recursive: true });
  mkdirSync(join(dir, 'lookups'));
  mkdirSync(join(dir, 'src', 'pages', 'demo'), { recursive: true });
  writeFileSync(
    join(dir, 'default', 'macros.conf'),
    '[web_logs]\ndefinition = index=main (sourcetype=access_combined OR sourcetype=ms:iis:auto)\n[inventory(1)]\nargs = kind\ndefinition = sourcetype=t1505:inventory:$kind$\n[mixed]\ndefinition = a b OR c\n',
  );
  writeFileSync(join(dir, 'default', 'transforms.conf'), '[roles_lookup]\nfilename = roles.csv\n');
  writeFileSync(join(dir, 'lookups', 'roles.csv'), 'host,role\nweb01,web\n');
  const searches = [
    stanza('clean', '`web_logs` status=200 | lookup roles_lookup host OUTPUT role | where isnotnull(role) AND (status=200 OR status=304) | stats count by host'),
    stanza('unknown macro', 'index=main `nope` | stats count'),
    stanza('unknown lookup', 'index=main | lookup missing_lookup host'),
    stanza('bad field', '| tstats count from datamodel=Endpoint.Processes by Processes.nosuchfield'),
    stanza('no window', 'index=main | stats count', 'enableSched = 1\n'),
    stanza('all time', 'index=main | stats count', 'dispatch.earliest_time = 0\n'),
    stanza('gap', 'index=main | stats count', 'enableSched = 1\ncron_schedule = 0 * * * *\ndispatch.earliest_time = -15m@m\n'),
    stanza('too wide', 'index=main | stats count', 'dispatch.earliest_time = -120d@d\n'),
    stanza('join', 'index=main | join host [search index=main]'),
    stanza('join allowed', 'index=main ```lint-allow transaction: grouping needs maxspan here``` | transaction host maxspan=5m'),
    stanza('leading wildcard', 'index=main process=*whoami.exe | stats count'),
    stanza('leading wildcard tstats', '| tstats count from datamodel=Endpoint.Processes where Processes.process_name=*.exe'),
    stanza('wildcard after retrieval', 'index=main | search process=*whoami.exe | stats count'),
    stanza('mixed search', 'index=main a b OR c'),
    stanza('mixed in macro', 'index=main `mixed`'),
    stanza('mixed where', 'index=main | where a=1 AND b=2 OR c=3'),
    stanza('mixed in subsearch', 'index=main [search index=main x OR y z | fields host]'),
    stanza('broken subsearches', 'index=main [search index=main | lookup missing_lookup host] [search index=main [search index=main | frob] | where a=1 AND b=2 OR c=3 | fields host]'),
    stanza('quoted arg', '`inventory("sql_server")` | stats count'),
    stanza('unquoted arg', '`inventory(sql_server)` | stats count'),
  ];
  writeFileSync(join(dir, 'default', 'savedsearches.conf'), searches.join('\n'));
  writeFileSync(join(dir, 'default', 'data', 'ui', 'views', 'old.xml'), '<dashboard><row><panel><table><search><query>index=main | frob</query></search></table></panel></row></dashboard>');
  writeFileSync(
    join(dir, 'src', 'pages', 'demo', 'searches.ts'),
    "export const GOOD_SEARCH = '| inputlookup roles_lookup';\nexport const BAD_SEARCH = '| inputlookup nope_lookup';\nconst name = 'x';\nexport const DYNAMIC_SEARCH = `| inputlookup ${name}`;\n",
  );
  findings = lintApp(dir);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('lintApp', () => {
  test('a clean search has no findings', () => {
    expect(of('clean')).toEqual([]);
  });
  test('unknown macro, with its position and file line', () => {
    const [f] = of('unknown macro');
    expect(f).toMatchObject({ rule: 'unknown-macro', severity: 'error', file: join('default', 'savedsearches.conf') });
    expect(f.position).toBe('line 1, column 12');
    expect(f.line).toBe(10); // [clean] takes lines 1-8
  });
  test('unknown lookup', () => {
    expect(rules('unknown lookup')).toEqual(['unknown-lookup']);
  });
  test('a data-model field the dataset lacks', () => {
    expect(rules('bad field')).toEqual(['datamodel-field']);
  });
  test('dispatch window: missing, all time, gaps between runs, too wide', () => {
    expect(of('no window')).toMatchObject([{ rule: 'dispatch-window', severity: 'error' }]);
    expect(of('all time')).toMatchObject([{ rule: 'dispatch-window', severity: 'error' }]);
    expect(of('gap')).toMatchObject([{ rule: 'dispatch-window', severity: 'warning' }]);
    expect(of('gap')[0].message).toMatch(/shorter than the 60 minutes between runs/);
    expect(of('too wide')).toMatchObject([{ rule: 'dispatch-window', severity: 'warning' }]);
  });
  test('join is forbidden; a lint-allow comment with a reason permits it', () => {
    expect(rules('join')).toEqual(['forbidden-command']);
    expect(of('join allowed')).toEqual([]);
  });
  test('leading wildcards in the base search and in tstats where', () => {
    expect(rules('leading wildcard')).toEqual(['leading-wildcard']);
    expect(rules('leading wildcard tstats')).toEqual(['leading-wildcard']);
  });
  test('a leading wildcard after retrieval is fine', () => {
    expect(of('wildcard after retrieval')).toEqual([]);
  });
  test('AND and OR mixed without parentheses: search, macro, where, subsearch', () => {
    expect(rules('mixed search')).toEqual(['and-or-mix']);
    const [inMacro] = of('mixed in macro');
    expect(inMacro.rule).toBe('and-or-mix');
    expect(inMacro.position).toMatch(/in macro `mixed`/);
    expect(rules('mixed where')).toEqual(['and-or-mix']);
    expect(rules('mixed in subsearch')).toEqual(['and-or-mix']);
  });
  test('a subsearch that does not compile is a finding; its siblings and the subsearch around it are still checked (outer first)', () => {
    const spl = 'index=main [search index=main | lookup missing_lookup host] [search index=main [search index=main | frob] | where a=1 AND b=2 OR c=3 | fields host]';
    expect(of('broken subsearches').map((f) => [f.rule, f.message, f.offset])).toEqual([
      ['unknown-lookup', 'subsearch: lookup: unknown lookup "missing_lookup": no transforms.conf stanza and no lookups/missing_lookup', spl.indexOf('missing_lookup')],
      ['and-or-mix', expect.stringMatching(/^AND inside OR/), spl.indexOf('AND b=2')],
      ['parse', 'subsearch: unknown command "frob"', spl.indexOf('frob')],
    ]);
  });
  test('a quoted macro argument glued into a term', () => {
    expect(rules('quoted arg')).toEqual(['quoted-macro-argument']);
    expect(of('unquoted arg')).toEqual([]);
  });
  test('Simple XML <query> searches are linted', () => {
    expect(of(`${join('default', 'data', 'ui', 'views', 'old.xml')}: query 1`)).toMatchObject([{ rule: 'parse', severity: 'error' }]);
  });
  test('page searches: exported *_SEARCH constants', () => {
    const page = join('src', 'pages', 'demo', 'searches.ts');
    expect(of(`${page}: GOOD_SEARCH`)).toEqual([]);
    expect(rules(`${page}: BAD_SEARCH`)).toEqual(['unknown-lookup']);
    expect(of(`${page}: DYNAMIC_SEARCH`)).toMatchObject([{ rule: 'dashboard-search', severity: 'warning' }]);
  });
  test('one line per finding names file, line, rule, search and position', () => {
    const [f] = of('unknown macro');
    expect(formatFinding(f)).toBe(`${join('default', 'savedsearches.conf')}:10: error [unknown-macro] unknown macro: unknown macro \`nope\` (line 1, column 12)`);
  });
});

describe('cron gaps', () => {
  test('every 15 minutes, hourly, twice an hour, daily', () => {
    expect(longestCronGap('*/15 * * * *')).toBe(900);
    expect(longestCronGap('7 * * * *')).toBe(3600);
    expect(longestCronGap('9,39 * * * *')).toBe(1800);
    expect(longestCronGap('15 7 * * *')).toBe(86400);
  });
  test('schedules restricted by day are not judged', () => {
    expect(longestCronGap('0 0 * * 1')).toBeUndefined();
  });
});
