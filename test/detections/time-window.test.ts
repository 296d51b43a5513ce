/**
 * The time range a saved search reads (`retrievalRanges` / `savedSearchRanges` in
 * src/engine/search.ts) and the runner's check that every event of a case lies inside it
 * (test/detections/time-window.ts).
 *
 * Splunk semantics relied on:
 * - a saved search runs over `dispatch.earliest_time` / `dispatch.latest_time` relative to its
 *   run time (savedsearches.conf,
 *   https://help.splunk.com/en/data-management/splunk-enterprise-admin-manual/10.0/10.0.0-configuration-file-reference/savedsearches.conf);
 * - `earliest=`/`latest=` written in a search override the time range it was given, the
 *   given range still applies to subsearches, and a base search's own modifiers do not
 *   (https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/time-format-variables-and-modifiers/time-modifiers,
 *   "Time modifiers and the Time Range Picker", "Time ranges and subsearches");
 * - a range holds events with earliest <= _time < latest (stated on the SPL2 time-modifiers page,
 *   https://help.splunk.com/?resourceId=SCS_Search_Timemodifiers; the SPL page says only
 *   "beginning, ending, or between", so for SPL this is (unverified) beyond the engine's behaviour).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../../src/engine/app';
import { ingestFile } from '../../src/engine/ingest';
import { retrievalRanges, savedSearchRanges, SplError } from '../../src/engine/search';
import { eventLines, eventsOutside, inRange, type InputEvents } from './time-window';

/** 2026-03-14T10:07:30Z */
const NOW = Date.UTC(2026, 2, 14, 10, 7, 30) / 1000;
const at = (iso: string): number => Date.parse(iso) / 1000;

function appWith(savedsearches: string): App {
  return createApp({
    macros: '[t1505_index_web]\ndefinition = index=main\n',
    savedsearches,
  });
}

describe('retrievalRanges', () => {
  test('a saved search reads its dispatch window relative to now', () => {
    const app = appWith('[Shells]\nsearch = `t1505_index_web` sourcetype=ms:iis:auto cs_uri_query=*\ndispatch.earliest_time = -20m@m\ndispatch.latest_time = now\n');
    expect(savedSearchRanges(app, 'Shells', NOW)).toEqual([{ command: 'search', offset: 0, earliest: at('2026-03-14T09:47:00Z'), latest: NOW }]);
  });

  test('without dispatch.latest_time the window ends at now', () => {
    const app = appWith('[Day]\nsearch = `t1505_index_web` sourcetype=ms:iis:auto\ndispatch.earliest_time = @d\n');
    expect(savedSearchRanges(app, 'Day', NOW)).toEqual([expect.objectContaining({ earliest: at('2026-03-14T00:00:00Z'), latest: NOW })]);
  });

  test("the search's own earliest= replaces the dispatch earliest; latest stays the window's", () => {
    const ranges = retrievalRanges('index=main sourcetype=ms:iis:auto earliest=-7d@d', { app: appWith(''), now: NOW, earliest: '-20m@m', latest: 'now' });
    expect(ranges).toEqual([expect.objectContaining({ command: 'search', earliest: at('2026-03-07T00:00:00Z'), latest: NOW })]);
  });

  test('tstats with its own earliest= in the where clause', () => {
    const ranges = retrievalRanges('| tstats count from datamodel=Web.Web where Web.status=200 earliest=-4h by Web.dest', { app: appWith(''), now: NOW, earliest: '-20m@m' });
    expect(ranges).toEqual([expect.objectContaining({ command: 'tstats', earliest: NOW - 4 * 3600 })]);
  });

  test("a subsearch reads the dispatch window, or its own earliest=; the base search's own does not reach it", () => {
    const spl = 'index=main sourcetype=ms:iis:auto earliest=-1h | append [search index=main sourcetype=XmlWinEventLog] | append [search index=main sourcetype=XmlWinEventLog earliest=-30d@d]';
    const ranges = retrievalRanges(spl, { app: appWith(''), now: NOW, earliest: '-20m@m', latest: 'now' });
    expect(ranges.map((r) => [r.command, r.earliest, r.latest])).toEqual([
      ['search', NOW - 3600, NOW],
      ['search', at('2026-03-14T09:47:00Z'), NOW],
      ['search', at('2026-02-12T00:00:00Z'), NOW],
    ]);
  });

  test('a pipeline that reads no events (makeresults) has no range', () => {
    expect(retrievalRanges('| makeresults count=1', { app: appWith(''), now: NOW, earliest: '-20m@m' })).toEqual([]);
  });

  test('an unknown saved search is an error naming it', () => {
    expect(() => savedSearchRanges(appWith(''), 'Nope', NOW)).toThrow(SplError);
    expect(() => savedSearchRanges(appWith(''), 'Nope', NOW)).toThrow(/no saved search named "Nope"/);
  });
});

describe('inRange', () => {
  const range = { command: 'search', earliest: 100, latest: 200 };
  test('earliest is inside, latest is outside', () => {
    expect([99.999, 100, 199.999, 200].map((t) => inRange(t, range))).toEqual([false, true, true, false]);
  });
  test('an absent bound is open', () => {
    expect(inRange(1, { command: 'search', latest: 200 })).toBe(true);
    expect(inRange(5e9, { command: 'search', earliest: 100 })).toBe(true);
  });
});

const W3C = [
  '#Software: Microsoft Internet Information Services 10.0',
  '#Version: 1.0',
  '#Date: 2026-03-14 09:20:11',
  '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken',
  '2026-03-14 09:20:11 10.10.40.12 GET /portal/default.aspx - 443 CORP\\jdoe 10.20.14.31 Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64) - 200 0 0 31',
  '2026-03-14 09:47:00 10.10.40.12 GET /portal/hr/leave.aspx - 443 CORP\\jdoe 10.20.14.31 Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64) - 200 0 0 44',
  '2026-03-14 10:07:29 10.10.40.12 GET /portal/default.aspx - 443 CORP\\asmith 10.20.15.102 Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64) - 200 0 0 27',
  '2026-03-14 10:07:29 10.10.40.12 GET /portal/default.aspx - 443 CORP\\asmith 10.20.15.102 Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64) - 200 0 0 27',
  '2026-03-14 10:07:30 10.10.40.12 GET /portal/api/status.ashx - 443 CORP\\asmith 10.20.15.102 Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64) - 200 0 0 12',
  '',
].join('\n');

function w3cInput(): InputEvents {
  const dir = mkdtempSync(join(tmpdir(), 't1505-window-'));
  const path = join(dir, 'app02_portal.w3c');
  writeFileSync(path, W3C);
  const { events, rejected } = ingestFile(path, { sourcetype: 'ms:iis:auto', host: 'APP02' });
  expect(rejected).toEqual([]);
  return { file: 'detections/T1505.003_web_shell/example/app02_portal.w3c', path, events };
}

describe('eventLines', () => {
  test('each event gets the line its text starts on, repeated lines in file order', () => {
    const input = w3cInput();
    expect(input.events.map((e) => e._time)).toEqual([at('2026-03-14T09:20:11Z'), at('2026-03-14T09:47:00Z'), NOW - 1, NOW - 1, NOW]);
    expect(eventLines(W3C, input.events)).toEqual([5, 6, 7, 8, 9]);
  });

  test('an event whose text is not in the file gets 0 (reported by its position instead)', () => {
    const input = w3cInput();
    expect(eventLines('#Fields: date time\n', input.events.slice(0, 1))).toEqual([0]);
  });
});

describe('eventsOutside', () => {
  test('names file, line and time of each event outside the window, and the window', () => {
    const input = w3cInput();
    const window = { command: 'search', earliest: at('2026-03-14T09:47:00Z'), latest: NOW };
    expect(eventsOutside([input], [window])).toEqual([
      'detections/T1505.003_web_shell/example/app02_portal.w3c:5: event at 2026-03-14T09:20:11Z is outside the search\'s time range search [2026-03-14T09:47:00Z, 2026-03-14T10:07:30Z)',
      'detections/T1505.003_web_shell/example/app02_portal.w3c:9: event at 2026-03-14T10:07:30Z is outside the search\'s time range search [2026-03-14T09:47:00Z, 2026-03-14T10:07:30Z)',
    ]);
  });

  test('an event inside any one of several ranges is seen', () => {
    const input = w3cInput();
    const ranges = [
      { command: 'tstats', earliest: at('2026-03-14T10:00:00Z'), latest: NOW + 1 },
      { command: 'search', earliest: at('2026-03-14T09:00:00Z'), latest: at('2026-03-14T09:30:00Z') },
    ];
    expect(eventsOutside([input], ranges)).toEqual([
      'detections/T1505.003_web_shell/example/app02_portal.w3c:6: event at 2026-03-14T09:47:00Z is outside the search\'s time range tstats [2026-03-14T10:00:00Z, 2026-03-14T10:07:31Z) or search [2026-03-14T09:00:00Z, 2026-03-14T09:30:00Z)',
    ]);
  });

  test('a search that reads no events sees none of them', () => {
    expect(eventsOutside([w3cInput()], [])).toHaveLength(5);
    expect(eventsOutside([w3cInput()], [])[0]).toMatch(/\(the search reads no events\)$/);
  });
});
