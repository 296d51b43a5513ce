/**
 * The same proof through the command line: `t1505 hunt` over each detection's true-positive
 * fixtures reports that detection, and over all benign fixtures together reports no TTP
 * detection (the CLI's argument handling, ingest, `--lookup` rows and default `now`).
 */
import { join, resolve } from 'node:path';
import { runCli } from '../../src/cli/cli';
import { defaultEngine } from '../../src/cli/engine-default';
import type { HuntReport } from '../../src/cli/hunt';
import { loadDetectionSetLenient } from '../../src/detections/load';
import type { DetectionTest } from '../../src/detections/schema';
import { savedSearchName } from '../../src/detections/wrap';
import { caseLookupRows, huntLookupArgs } from './case-app';

const root = resolve(__dirname, '..', '..');
const detections = loadDetectionSetLenient(root).set?.detections ?? [];

function inputArgs(dir: string, test: DetectionTest): string[] {
  return test.inputs.flatMap((input) => [
    '--input', join(root, dir, input.file), '--sourcetype', input.sourcetype,
    ...(input.source ? ['--source', input.source] : []),
    ...(input.host ? ['--host', input.host] : []),
    ...(input.index ? ['--index', input.index] : []),
  ]);
}

function hunt(args: string[]): HuntReport {
  let stdout = '';
  let stderr = '';
  const code = runCli(['hunt', ...args, '--format', 'json', '--app', root], defaultEngine, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, root);
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  return JSON.parse(stdout) as HuntReport;
}

const truePositives = detections.flatMap((loaded) =>
  loaded.detection.tests.filter((t) => t.kind === 'true_positive').map((t) => [`${loaded.detection.id} › ${t.name}`, loaded, t] as const),
);

test.each(truePositives)('t1505 hunt reports %s', (_label, loaded, test) => {
  const name = savedSearchName(loaded.detection);
  const now = test.now === undefined ? [] : ['--now', String(test.now)];
  const report = hunt([...inputArgs(loaded.dir, test), ...huntLookupArgs(caseLookupRows(root, loaded, test)), ...now, '--search', name]);
  expect(report.ingest.rejected).toEqual([]);
  const outcome = report.searches.find((s) => s.name === name);
  expect(outcome?.error).toBeNull();
  expect(outcome?.results.length).toBe(test.expect.count);
});

test('t1505 hunt over all benign fixtures together reports no TTP detection', () => {
  const args = detections.flatMap((loaded) =>
    loaded.detection.tests.filter((t) => t.kind === 'benign').flatMap((t) => [...inputArgs(loaded.dir, t), ...huntLookupArgs(caseLookupRows(root, loaded, t))]),
  );
  expect(args.length).toBeGreaterThan(0);
  const report = hunt(args);
  const ttpNames = new Set(detections.filter((l) => l.detection.type === 'TTP').map((l) => savedSearchName(l.detection)));
  const fired = report.searches.filter((s) => ttpNames.has(s.name) && (s.results.length > 0 || s.error)).map((s) => `${s.name}: ${s.error ?? `${s.results.length} rows`}`);
  expect(report.ingest.rejected).toEqual([]);
  expect(fired).toEqual([]);
});
