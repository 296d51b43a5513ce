/**
 * What the command line needs from the SPL engine. The CLI is written against this
 * port so that its argument handling, ingest reporting and output can be tested with a
 * small fake; `engine-default.ts` binds it to the real engine.
 */
import type { Row, SplunkEvent } from '../engine/event';

export interface SearchRun {
  results: Row[];
}

export interface LintFinding {
  /** Saved search or dashboard search the finding is about. */
  search: string;
  /** File holding the search, and the 1-based line of the search in it (when known). */
  file?: string;
  line?: number;
  severity: 'error' | 'warning';
  message: string;
  /** Where in the search, as the engine describes it (e.g. "line 1, column 14"). */
  position?: string;
  /** Rule identifier. */
  rule: string;
}

export interface LoadedApp {
  /** Saved search names in file order. */
  savedSearchNames(): string[];
  /** Runs one saved search over its own dispatch window relative to `now`. */
  runSavedSearch(name: string, events: SplunkEvent[], now: number): SearchRun;
  /** Runs an ad-hoc search (the app's macros and lookups available) over all events unless it sets its own time bounds. */
  runSearch(spl: string, events: SplunkEvent[], now: number): SearchRun;
}

/** Extra rows for a lookup file of the app, for one run (`--lookup FILE=CSV`). */
export interface LookupRows {
  /** Lookup file name in the app's lookups/ folder, e.g. t1505_server_roles.csv. */
  file: string;
  /** CSV file with the same header whose rows are added. */
  csvPath: string;
}

export interface EnginePort {
  /** Throws an Error with a readable message when the app cannot be loaded. */
  loadApp(appDir: string, lookupRows?: LookupRows[]): LoadedApp;
  lintApp(appDir: string): LintFinding[];
}
