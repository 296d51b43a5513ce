/**
 * Replays a detection's test case: ingests its inputs as the CLI does, picks `now`, and
 * compares result rows with the expectation (subset match, values compared as strings, a
 * multivalue expectation as an ordered list).
 */
import { join, posix } from 'node:path';
import type { FieldValue, Rejection, Row, SplunkEvent } from '../../src/engine/event';
import { ingestFile } from '../../src/engine/ingest';
import type { LoadedDetection } from '../../src/detections/load';
import type { DetectionTest } from '../../src/detections/schema';
import type { InputEvents } from './time-window';

export interface CaseInput {
  events: SplunkEvent[];
  rejected: Rejection[];
  now: number;
  /** The events of each input file, for messages that name the file and line. */
  inputs: InputEvents[];
}

export function ingestCase(root: string, loaded: LoadedDetection, test: DetectionTest): CaseInput {
  const events: SplunkEvent[] = [];
  const rejected: Rejection[] = [];
  const inputs: InputEvents[] = [];
  for (const input of test.inputs) {
    const path = join(root, loaded.dir, input.file);
    const result = ingestFile(path, {
      sourcetype: input.sourcetype,
      source: input.source,
      host: input.host,
      index: input.index,
    });
    events.push(...result.events);
    rejected.push(...result.rejected);
    inputs.push({ file: posix.join(loaded.dir, input.file), path, events: result.events });
  }
  return { events, rejected, now: caseNow(test, events), inputs };
}

/** The case's `now`, else one second after the latest event (as `t1505 hunt` does). */
export function caseNow(test: Pick<DetectionTest, 'now'>, events: SplunkEvent[]): number {
  if (typeof test.now === 'number') return test.now;
  if (typeof test.now === 'string') return Date.parse(test.now) / 1000;
  return events.reduce((latest, e) => Math.max(latest, e._time), -Infinity) + 1;
}

export type Expected = Record<string, string | number | boolean | Array<string | number>>;

export function valueMatches(actual: FieldValue | undefined, expected: Expected[string]): boolean {
  if (actual === undefined) return false;
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && actual.every((v, i) => String(v) === String(expected[i]));
  }
  return !Array.isArray(actual) && String(actual) === String(expected);
}

export function rowMatches(row: Row, expected: Expected): boolean {
  return Object.entries(expected).every(([field, value]) => valueMatches(row[field], value));
}

/** Expected rows that no distinct result row matches (greedy, in order). */
export function unmatchedRows(results: Row[], expected: Expected[]): Expected[] {
  const used = new Set<number>();
  const missing: Expected[] = [];
  for (const want of expected) {
    const index = results.findIndex((row, i) => !used.has(i) && rowMatches(row, want));
    if (index < 0) missing.push(want);
    else used.add(index);
  }
  return missing;
}

export function describeRows(rows: Row[]): string {
  return rows.length ? rows.map((r) => `  ${JSON.stringify(r)}`).join('\n') : '  (no rows)';
}
