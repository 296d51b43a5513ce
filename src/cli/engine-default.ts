/**
 * Binds the CLI's engine port to the SPL engine: `loadApp` (src/engine/app.ts),
 * `runSavedSearch`/`runSearch` (src/engine/search.ts) and `lintApp` (src/engine/lint).
 */
import type { SplunkEvent } from '../engine/event';
import { loadApp } from '../engine/app';
import { runSavedSearch, runSearch } from '../engine/search';
import type { EnginePort, LintFinding, LoadedApp, LookupRows } from './engine-port';
import { appWithRows } from './lookup-rows';

export function defaultEngine(): EnginePort {
  return {
    loadApp(appDir: string, lookupRows: LookupRows[] = []): LoadedApp {
      const app = lookupRows.length > 0 ? appWithRows(appDir, lookupRows) : loadApp(appDir);
      return {
        savedSearchNames: () => app.savedSearches.map((s) => s.name),
        runSavedSearch: (name: string, events: SplunkEvent[], now: number) => runSavedSearch(app, name, events, now),
        runSearch: (spl: string, events: SplunkEvent[], now: number) => runSearch(spl, { app, events, now }),
      };
    },
    lintApp(appDir: string): LintFinding[] {
      return lintModule().lintApp(appDir);
    },
  };
}

/** The linter is loaded on first use, so that `hunt` works even while the linter is broken or missing. */
function lintModule(): { lintApp: (appDir: string) => LintFinding[] } {
  let mod: { lintApp?: unknown };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require('../engine/lint') as { lintApp?: unknown };
  } catch (err) {
    throw new Error(`the linter (src/engine/lint) cannot be loaded: ${(err as Error).message.split('\n')[0]}`);
  }
  if (typeof mod.lintApp !== 'function') throw new Error('src/engine/lint does not export lintApp()');
  return mod as { lintApp: (appDir: string) => LintFinding[] };
}
