/**
 * Every detection case that reads Windows XML (XmlWinEventLog) or Sysmon for Linux events,
 * replayed with field values as Splunk gives them: XML entities kept (`&quot;` `&amp;` `&lt;`
 * `&gt;`), because Splunk_TA_windows' indexed extraction skips values holding an encoded
 * character (props.conf XML_IE_SKIP_XML_ENCODED_VALS, default true,
 * https://help.splunk.com/en/data-management/splunk-enterprise-admin-manual/10.0/10.0.0-configuration-file-reference/props.conf)
 * and its search-time regexes capture the raw text (docs/sourcetypes.md, "XmlWinEventLog").
 * The engine's `T1505_XML_VALUES=raw` switch selects that behaviour; detections.test.ts runs
 * the same cases with the engine default. Sysmon for Linux writing the same entities is
 * (unverified): its events are XML like Windows', so the detections accept both forms.
 */
import { resolve } from 'node:path';
import { loadDetectionSetLenient, type LoadedDetection } from '../../src/detections/load';
import { savedSearchName } from '../../src/detections/wrap';
import type { SplunkEvent } from '../../src/engine/event';
import { caseAppFactory, caseLookupRows } from './case-app';
import { describeRows, ingestCase, unmatchedRows, type Expected } from './cases';
import { loadApp, runSavedSearch, type EngineApp } from './engine';

const root = resolve(__dirname, '..', '..');
const detections: LoadedDetection[] = loadDetectionSetLenient(root).set?.detections ?? [];
const XML_SOURCETYPES = new Set(['XmlWinEventLog', 'sysmon:linux']);
const readsXml = (loaded: LoadedDetection): boolean =>
  loaded.detection.tests.some((t) => t.inputs.some((input) => XML_SOURCETYPES.has(input.sourcetype)));
const xmlDetections = detections.filter(readsXml);

let app: EngineApp;
let previousMode: string | undefined;
beforeAll(() => {
  previousMode = process.env.T1505_XML_VALUES;
  process.env.T1505_XML_VALUES = 'raw';
  app = loadApp(root);
});
const appWith = caseAppFactory(root, () => app);
afterAll(() => {
  if (previousMode === undefined) delete process.env.T1505_XML_VALUES;
  else process.env.T1505_XML_VALUES = previousMode;
});

test('the replay keeps XML entities in Windows field values (else this file tests nothing)', () => {
  const loaded = detections.find((l) => l.detection.id === 'iis_module_installed_via_command_line');
  const testCase = loaded?.detection.tests.find((t) => t.name.startsWith('ISAPI filter added'));
  expect(testCase).toBeDefined();
  const events = ingestCase(root, loaded!, testCase!).events;
  const commandLines = events.map((e) => String(e.CommandLine ?? ''));
  expect(commandLines.some((c) => c.includes('&quot;C:\\Windows\\system32\\inetsrv\\appcmd.exe&quot;'))).toBe(true);
  expect(commandLines.some((c) => c.includes('"'))).toBe(false);
});

test('detections read Windows XML or Sysmon for Linux events', () => {
  expect(xmlDetections.length).toBeGreaterThan(20);
});

describe.each(xmlDetections.map((loaded) => [loaded.detection.id, loaded] as const))('%s with encoded values', (id, loaded) => {
  const name = savedSearchName(loaded.detection);
  test.each(loaded.detection.tests.map((t) => [`${id} › ${t.kind}: ${t.name}`, t] as const))('%s', (_label, testCase) => {
    const input = ingestCase(root, loaded, testCase);
    expect(input.rejected).toEqual([]);
    const rows = runSavedSearch(appWith(caseLookupRows(root, loaded, testCase)), name, input.events, input.now);
    const context = `"${name}" at now=${input.now} with T1505_XML_VALUES=raw returned:\n${describeRows(rows)}`;
    expect({ count: rows.length, context }).toEqual({ count: testCase.expect.count, context });
    expect({ missing: unmatchedRows(rows, (testCase.expect.rows ?? []) as Expected[]), context }).toEqual({ missing: [], context });
  });
});

test('no TTP detection fires on any benign case with encoded values', () => {
  const ttps = detections.filter((l) => l.detection.type === 'TTP');
  const benign = xmlDetections.flatMap((loaded) => loaded.detection.tests.filter((t) => t.kind === 'benign').map((t) => ({ loaded, test: t })));
  expect(benign.length).toBeGreaterThan(0);
  const fired = benign.flatMap(({ loaded, test }) => {
    const input = ingestCase(root, loaded, test);
    const caseApp = appWith(caseLookupRows(root, loaded, test));
    return ttps.flatMap((ttp) => {
      const rows = runSavedSearch(caseApp, savedSearchName(ttp.detection), input.events as SplunkEvent[], input.now);
      return rows.length ? [`${savedSearchName(ttp.detection)} on ${loaded.detection.id} › ${test.name}:\n${describeRows(rows)}`] : [];
    });
  });
  expect(fired).toEqual([]);
});
