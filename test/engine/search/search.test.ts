/**
 * loadApp and runSavedSearch over an app folder: the saved search runs over its own
 * dispatch window relative to "now" (savedsearches.conf `dispatch.earliest_time` /
 * `dispatch.latest_time`, https://help.splunk.com/en/data-management/splunk-enterprise-admin-manual/10.0/10.0.0-configuration-file-reference/savedsearches.conf),
 * with the app's macros and lookups.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadApp, type App } from '../../../src/engine/app';
import { runSavedSearch, runSearch, SplError } from '../../../src/engine/search';
import { ev } from '../spl/helpers';

const NOW = 1773482400;
let dir: string;
let app: App;
const events = [
  ev({ _time: NOW - 600, process_name: 'cmd.exe', host: 'web01' }),
  ev({ _time: NOW - 7200, process_name: 'cmd.exe', host: 'web02' }),
  ev({ _time: NOW - 60, process_name: 'notepad.exe', host: 'web01' }),
];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 't1505-app-'));
  mkdirSync(join(dir, 'default'));
  mkdirSync(join(dir, 'lookups'));
  writeFileSync(join(dir, 'default', 'macros.conf'), '[shells]\ndefinition = process_name IN ("cmd.exe", "powershell.exe")\n');
  writeFileSync(join(dir, 'default', 'transforms.conf'), '[roles_lookup]\nfilename = roles.csv\nmatch_type = WILDCARD(host)\n');
  writeFileSync(join(dir, 'lookups', 'roles.csv'), 'host,role\nweb*,web\n');
  writeFileSync(
    join(dir, 'default', 'savedsearches.conf'),
    [
      '[Shells last hour]',
      'search = index=main `shells` \\',
      '| lookup roles_lookup host OUTPUT role \\',
      '| table host role',
      'dispatch.earliest_time = -1h',
      'dispatch.latest_time = now',
      '',
      '[Shells today]',
      'search = index=main `shells` | stats count',
      'dispatch.earliest_time = @d',
      '',
    ].join('\n'),
  );
  app = loadApp(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadApp and runSavedSearch', () => {
  test('loads saved searches in file order with their windows', () => {
    expect(app.savedSearches.map((s) => [s.name, s.earliest, s.latest])).toEqual([
      ['Shells last hour', '-1h', 'now'],
      ['Shells today', '@d', undefined],
    ]);
  });
  test('a saved search runs over its window relative to now, with the app macros and lookups', () => {
    expect(runSavedSearch(app, 'Shells last hour', events, NOW).results).toEqual([{ host: 'web01', role: 'web' }]);
  });
  test('a window snapped to the day', () => {
    expect(runSavedSearch(app, 'Shells today', events, NOW).results).toEqual([{ count: 2 }]);
  });
  test('the form runSavedSearch(name, { app, events, now }) gives the same result', () => {
    expect(runSavedSearch('Shells last hour', { app, events, now: NOW }).results).toEqual([{ host: 'web01', role: 'web' }]);
  });
  test('an unknown saved search is an SplError naming it', () => {
    expect(() => runSavedSearch(app, 'Nope', events, NOW)).toThrow(SplError);
    expect(() => runSavedSearch(app, 'Nope', events, NOW)).toThrow(/no saved search named "Nope"/);
  });
  test('runSearch without a window searches every event; messages report truncation', () => {
    const many = Array.from({ length: 10001 }, (_, i) => ev({ _time: i, n: String(i) }));
    const r = runSearch('index=main | sort n', { app, events: many, now: NOW });
    expect(r.results).toHaveLength(10000);
    expect(r.messages).toEqual(['sort: kept the first 10000 of 10001 results (default limit; use sort 0 for all)']);
  });
  test('an unknown time zone is an SplError', () => {
    expect(() => runSearch('index=main', { app, events, now: NOW, timezone: 'Mars/Olympus' })).toThrow(/unknown time zone "Mars\/Olympus"/);
  });
  test('a malformed conf file is reported with its file and line', () => {
    const bad = mkdtempSync(join(tmpdir(), 't1505-bad-'));
    mkdirSync(join(bad, 'default'));
    writeFileSync(join(bad, 'default', 'macros.conf'), '[ok]\ndefinition = x\nthis line has no equals sign\n');
    try {
      expect(() => loadApp(bad)).toThrow(/macros\.conf:3: expected "key = value"/);
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
  });
});
