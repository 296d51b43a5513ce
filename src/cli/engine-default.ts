/**
 * Binds the CLI's engine port to the SPL engine (`src/engine/app.ts`,
 * `src/engine/search.ts`, `src/engine/lint`). Loaded lazily so that `t1505 --help` and
 * usage errors work even when a part of the engine fails to load.
 */
import type { EnginePort, LintFinding, LoadedApp, SearchRun } from './engine-port';
import type { Row, SplunkEvent } from '../engine/event';

type AnyFn = (...args: unknown[]) => unknown;

function engineModule(name: string): Record<string, unknown> {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(name) as Record<string, unknown>;
  } catch (err) {
    throw new Error(`the SPL engine module ${name} cannot be loaded: ${(err as Error).message}`);
  }
}

function fn(mod: Record<string, unknown>, name: string, where: string): AnyFn {
  const f = mod[name];
  if (typeof f !== 'function') throw new Error(`${where} does not export ${name}()`);
  return f as AnyFn;
}

export function defaultEngine(): EnginePort {
  return {
    loadApp(appDir: string): LoadedApp {
      const appModule = engineModule('../engine/app');
      const searchModule = engineModule('../engine/search');
      const app = fn(appModule, 'loadApp', 'src/engine/app.ts')(appDir) as { savedSearches?: unknown };
      const runSavedSearch = fn(searchModule, 'runSavedSearch', 'src/engine/search.ts');
      const runSearch = fn(searchModule, 'runSearch', 'src/engine/search.ts');
      return {
        savedSearchNames: () => savedSearchNames(app.savedSearches),
        runSavedSearch: (name: string, events: SplunkEvent[], now: number) => asRun(runSavedSearch(name, { app, events, now })),
        runSearch: (spl: string, events: SplunkEvent[], now: number) => asRun(runSearch(spl, { app, events, now })),
      };
    },
    lintApp(appDir: string): LintFinding[] {
      const lintModule = engineModule('../engine/lint');
      return fn(lintModule, 'lintApp', 'src/engine/lint')(appDir) as LintFinding[];
    },
  };
}

function savedSearchNames(saved: unknown): string[] {
  if (saved instanceof Map) return [...saved.keys()].map(String);
  if (Array.isArray(saved)) return saved.map((s) => String((s as { name: unknown }).name));
  if (saved && typeof saved === 'object') return Object.keys(saved);
  return [];
}

function asRun(value: unknown): SearchRun {
  const results = (value as { results?: unknown }).results;
  if (!Array.isArray(results)) throw new Error('the engine returned no results array');
  return { results: results as Row[] };
}
