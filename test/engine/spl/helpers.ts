/** Builds events and runs SPL through the engine for the SPL tests. */
import { createApp, type App, type AppSources } from '../../../src/engine/app';
import type { FieldValue, Row, SplunkEvent } from '../../../src/engine/event';
import { runSearch, SplError } from '../../../src/engine/search';

/** 2026-03-14T10:00:00Z, the "now" of the tests unless a test gives its own. */
export const NOW = 1773482400;

let counter = 0;

/** An event as ingest produces it: default fields plus the given ones. */
export function ev(fields: Record<string, FieldValue> & { _time?: number; _raw?: string } = {}): SplunkEvent {
  counter++;
  return {
    _time: NOW - counter,
    _raw: '',
    host: 'web01.corp.example.com',
    source: 'XmlWinEventLog:Security',
    sourcetype: 'XmlWinEventLog',
    index: 'main',
    linecount: 1,
    ...fields,
  } as SplunkEvent;
}

export interface RunOptions {
  app?: App;
  sources?: AppSources;
  now?: number;
  earliest?: string | number;
  latest?: string | number;
  timezone?: string;
}

export function run(spl: string, events: SplunkEvent[] = [], options: RunOptions = {}): Row[] {
  const app = options.app ?? createApp(options.sources ?? {});
  return runSearch(spl, { app, events, now: options.now ?? NOW, earliest: options.earliest, latest: options.latest, timezone: options.timezone }).results;
}

/** Runs and returns one field of every row. */
export function column(spl: string, field: string, events: SplunkEvent[] = [], options: RunOptions = {}): Array<FieldValue | undefined> {
  return run(spl, events, options).map((r) => r[field]);
}

/** Evaluates `eval x=<expr>` on one `makeresults` row and returns x. */
export function evalX(expression: string, options: RunOptions = {}): FieldValue | undefined {
  return run(`| makeresults | eval x=${expression}`, [], options)[0]?.x;
}

/** Evaluates `eval x=<expr>` on an event holding `fields`. */
export function evalOn(expression: string, fields: Record<string, FieldValue>, options: RunOptions = {}): FieldValue | undefined {
  return run(`index=main | eval x=${expression} | table x`, [ev(fields)], options)[0]?.x;
}

/** Whether a where clause keeps an event holding `fields`. */
export function whereKeeps(predicate: string, fields: Record<string, FieldValue>): boolean {
  return run(`index=main | where ${predicate}`, [ev(fields)]).length === 1;
}

/** Whether a search expression selects an event holding `fields`. */
export function searchMatches(expression: string, fields: Record<string, FieldValue> & { _raw?: string }): boolean {
  return run(`index=main ${expression}`, [ev(fields)]).length === 1;
}

/** The SplError a search throws (fails the test when it does not throw one). */
export function splError(spl: string, events: SplunkEvent[] = [], options: RunOptions = {}): SplError {
  try {
    run(spl, events, options);
  } catch (e) {
    if (e instanceof SplError) return e;
    throw new Error(`expected an SplError, got ${(e as Error).stack}`);
  }
  throw new Error(`expected "${spl}" to fail`);
}
