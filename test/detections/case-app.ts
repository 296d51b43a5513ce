/**
 * The app a test case runs against: the repository's app, plus the rows the case adds to
 * its lookups (`tests[].lookups`, appended to lookups/<name>.csv for that case only), built
 * as `t1505 hunt --lookup <name>.csv=<fixture>` builds it (src/cli/lookup-rows.ts).
 */
import { join } from 'node:path';
import { appWithRows, type LookupRows } from '../../src/cli/lookup-rows';
import type { LoadedDetection } from '../../src/detections/load';
import type { DetectionTest } from '../../src/detections/schema';
import type { EngineApp } from './engine';

export function caseLookupRows(root: string, loaded: LoadedDetection, test: Pick<DetectionTest, 'lookups'>): LookupRows[] {
  return Object.entries(test.lookups ?? {}).map(([name, file]) => ({ file: `${name}.csv`, csvPath: join(root, loaded.dir, file) }));
}

/** `--lookup FILE=CSV` arguments of `t1505 hunt` that give a case its lookup rows. */
export function huntLookupArgs(rows: readonly LookupRows[]): string[] {
  return rows.flatMap((r) => ['--lookup', `${r.file}=${r.csvPath}`]);
}

/** The shared app when no rows are added, else one built with them (cached by the rows). */
export function caseAppFactory(root: string, shared: () => EngineApp): (rows: readonly LookupRows[]) => EngineApp {
  const built = new Map<string, EngineApp>();
  return (rows) => {
    if (rows.length === 0) return shared();
    const key = JSON.stringify(rows);
    let app = built.get(key);
    if (!app) {
      app = appWithRows(root, [...rows]);
      built.set(key, app);
    }
    return app;
  };
}
