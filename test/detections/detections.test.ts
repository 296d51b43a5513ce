/**
 * Replays every detection's recorded test cases through the generated saved search and the
 * SPL engine. Run one detection with `npx jest test/detections -t <id>`.
 */
import { resolve } from 'node:path';
import { STANDARD_FIELDS } from '../../src/detections/checks';
import { loadDetectionSetLenient, type LoadedDetection } from '../../src/detections/load';
import { formatProblem } from '../../src/detections/problems';
import { primaryTechnique, savedSearchName } from '../../src/detections/wrap';
import type { Row, SplunkEvent } from '../../src/engine/event';
import { caseAppFactory, caseLookupRows } from './case-app';
import { describeRows, ingestCase, unmatchedRows, type Expected } from './cases';
import { loadApp, runSavedSearch, savedSearchNames, savedSearchRanges, type EngineApp } from './engine';
import { eventsOutside } from './time-window';

const root = resolve(__dirname, '..', '..');
const { set, problems } = loadDetectionSetLenient(root);
const detections: LoadedDetection[] = set?.detections ?? [];

let app: EngineApp;
beforeAll(() => {
  app = loadApp(root);
});
const appWith = caseAppFactory(root, () => app);

test('detection sources have no problems', () => {
  expect(problems.map(formatProblem)).toEqual([]);
});

test('the app has detections to test', () => {
  expect(detections.length).toBeGreaterThan(0);
});

test('every detection has its saved search in default/savedsearches.conf (else run npm run generate:detections)', () => {
  const names = new Set(savedSearchNames(app));
  expect(detections.map((l) => savedSearchName(l.detection)).filter((name) => !names.has(name))).toEqual([]);
});

function checkStandardFields(loaded: LoadedDetection, rows: Row[]): string[] {
  const failures: string[] = [];
  const d = loaded.detection;
  rows.forEach((row, i) => {
    for (const field of STANDARD_FIELDS) {
      const value = row[field];
      if (value === undefined || value === '') failures.push(`row ${i}: ${field} is missing`);
    }
    if (typeof row._time !== 'number' && !/^\d+(\.\d+)?$/.test(String(row._time))) failures.push(`row ${i}: _time is not epoch seconds (${String(row._time)})`);
    if (row.technique_id !== primaryTechnique(d)) failures.push(`row ${i}: technique_id ${String(row.technique_id)} is not ${primaryTechnique(d)}`);
    if (row.detection !== savedSearchName(d)) failures.push(`row ${i}: detection ${String(row.detection)} is not "${savedSearchName(d)}"`);
  });
  return failures;
}

describe.each(detections.map((loaded) => [loaded.detection.id, loaded] as const))('%s', (id, loaded) => {
  const d = loaded.detection;
  const name = savedSearchName(d);

  test(`${id} has a true_positive and a benign case`, () => {
    expect(d.tests.filter((t) => t.kind === 'true_positive').length).toBeGreaterThanOrEqual(1);
    expect(d.tests.filter((t) => t.kind === 'benign').length).toBeGreaterThanOrEqual(1);
  });

  test.each(d.tests.map((t) => [`${id} › ${t.kind}: ${t.name}`, t] as const))('%s', (_label, testCase) => {
    const input = ingestCase(root, loaded, testCase);
    expect(input.rejected.map((r) => `${r.file}:${r.line}: ${r.reason}`)).toEqual([]);
    expect(input.events.length).toBeGreaterThan(0);
    const caseApp = appWith(caseLookupRows(root, loaded, testCase));
    // An event the search never reads proves nothing: every one must be inside its time range.
    expect(eventsOutside(input.inputs, savedSearchRanges(caseApp, name, input.now))).toEqual([]);
    const rows = runSavedSearch(caseApp, name, input.events, input.now);
    const context = `"${name}" at now=${input.now} returned:\n${describeRows(rows)}`;
    if (testCase.kind === 'true_positive') expect(rows.length).toBeGreaterThanOrEqual(1);
    expect({ count: rows.length, context }).toEqual({ count: testCase.expect.count, context });
    const missing = unmatchedRows(rows, (testCase.expect.rows ?? []) as Expected[]);
    expect({ missing, context }).toEqual({ missing: [], context });
    expect(checkStandardFields(loaded, rows)).toEqual([]);
    if (testCase.kind === 'true_positive') truePositiveRows.push(...rows);
  });

  // A benign case that names the lookups suppressing it must fire once they are emptied:
  // proof that its events reach that logic rather than falling out earlier.
  const suppressedCases = d.tests.filter((t) => t.kind === 'benign' && t.suppressed_by);
  if (suppressedCases.length) test.each(suppressedCases.map((t) => [`${id} › benign: ${t.name} › fires with ${t.suppressed_by!.join(', ')} emptied`, t] as const))('%s', (_label, testCase) => {
    const input = ingestCase(root, loaded, testCase);
    const rows = runSavedSearch(appWith(caseLookupRows(root, loaded, testCase), testCase.suppressed_by), name, input.events, input.now);
    expect(rows.length).toBeGreaterThanOrEqual(1);
  });

  // An evidence field may be empty on some rows or in some cases (a field only one data source
  // has), but one that no true-positive row carries is a typo or a lost field.
  const truePositiveRows: Row[] = [];
  test(`${id} › every evidence field appears in the true-positive results`, () => {
    expect(truePositiveRows.length).toBeGreaterThan(0);
    expect(d.output.evidence.filter((field) => !truePositiveRows.some((row) => row[field] !== undefined && row[field] !== ''))).toEqual([]);
  });
});

/**
 * No TTP detection fires on any benign fixture: every benign case replayed through every
 * TTP search (each at the case's own `now`), and all benign events together at one `now`
 * as `npx t1505 hunt` over them does.
 */
describe('benign fixtures', () => {
  const ttps = detections.filter((l) => l.detection.type === 'TTP');
  /**
   * One entry per TTP search that returned rows or failed to run. Searches not generated yet
   * are left to the test above, so one stale file does not fail every benign case.
   */
  const firedTtps = (caseApp: EngineApp, events: SplunkEvent[], now: number): string[] =>
    ttps.flatMap((l) => {
      const name = savedSearchName(l.detection);
      if (!savedSearchNames(app).includes(name)) return [];
      try {
        const rows = runSavedSearch(caseApp, name, events, now);
        return rows.length ? [`${name}:\n${describeRows(rows)}`] : [];
      } catch (error) {
        return [`${name}: could not run: ${(error as Error).message}`];
      }
    });
  const benignCases = detections.flatMap((loaded) =>
    loaded.detection.tests.filter((t) => t.kind === 'benign').map((t) => ({ loaded, test: t, label: `${loaded.detection.id} › ${t.name}` })),
  );

  test.each(benignCases.map((c) => [c.label, c] as const))('no TTP detection fires on %s', (_label, c) => {
    const input = ingestCase(root, c.loaded, c.test);
    expect(firedTtps(appWith(caseLookupRows(root, c.loaded, c.test)), input.events, input.now)).toEqual([]);
  });

  // With the lookup rows of every benign case at once, as one site's data would hold them
  // (each case is also checked above with only its own rows).
  test('no TTP detection fires on all benign fixtures together (t1505 hunt)', () => {
    const events: SplunkEvent[] = benignCases.flatMap((c) => ingestCase(root, c.loaded, c.test).events);
    const now = events.reduce((latest, e) => Math.max(latest, e._time), -Infinity) + 1;
    expect(benignCases.length).toBeGreaterThan(0);
    expect(firedTtps(appWith(benignCases.flatMap((c) => caseLookupRows(root, c.loaded, c.test))), events, now)).toEqual([]);
  });
});
