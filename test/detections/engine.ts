/**
 * The SPL engine as the detection tests use it: `loadApp(appDir)` (src/engine/app.ts),
 * `runSavedSearch(app, name, events, now)`, `runSearch(spl, { app, events, now })` and
 * `savedSearchRanges(app, name, now)` (src/engine/search.ts). One place to adapt if the
 * engine's surface changes.
 */
import type { Row, SplunkEvent } from '../../src/engine/event';
import type { TimeRange } from './time-window';

export interface EngineApp {
  readonly savedSearches: ReadonlyArray<{ name: string }>;
}

interface AppModule {
  loadApp(appDir: string): EngineApp;
}

interface SearchModule {
  runSavedSearch(app: EngineApp, name: string, events: SplunkEvent[], now: number): { results: Row[] };
  runSearch(spl: string, options: { app: EngineApp; events: SplunkEvent[]; now: number }): { results: Row[] };
  savedSearchRanges(app: EngineApp, name: string, now: number): TimeRange[];
}

// Loaded at run time so the type check of the rest of the tests does not depend on the
// engine's progress.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const appModule = (): AppModule => require('../../src/engine/app') as AppModule;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const searchModule = (): SearchModule => require('../../src/engine/search') as SearchModule;

export function loadApp(appDir: string): EngineApp {
  return appModule().loadApp(appDir);
}

export function runSavedSearch(app: EngineApp, name: string, events: SplunkEvent[], now: number): Row[] {
  return searchModule().runSavedSearch(app, name, events, now).results;
}

export function runSearch(app: EngineApp, spl: string, events: SplunkEvent[], now: number): Row[] {
  return searchModule().runSearch(spl, { app, events, now }).results;
}

/** The time ranges the saved search reads at `now` (dispatch window and the search's own earliest=/latest=). */
export function savedSearchRanges(app: EngineApp, name: string, now: number): TimeRange[] {
  return searchModule().savedSearchRanges(app, name, now);
}

export function savedSearchNames(app: EngineApp): string[] {
  return app.savedSearches.map((s) => s.name);
}
