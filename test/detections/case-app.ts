/**
 * The app a test case runs against: the repository's app, plus the rows the case adds to
 * its lookups (`tests[].lookups`, appended to lookups/<name>.csv for that case only), built
 * as `t1505 hunt --lookup <name>.csv=<fixture>` builds it (src/cli/lookup-rows.ts). For the
 * `suppressed_by` replay, named lookups are emptied down to their header.
 */
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { appSourcesWithRows, type LookupRows } from '../../src/cli/lookup-rows';
import type { LoadedDetection } from '../../src/detections/load';
import type { DetectionTest } from '../../src/detections/schema';
import { createApp } from '../../src/engine/app';
import type { EngineApp } from './engine';

export function caseLookupRows(root: string, loaded: Pick<LoadedDetection, 'dir'>, test: Pick<DetectionTest, 'lookups'>): LookupRows[] {
  return Object.entries(test.lookups ?? {}).map(([name, file]) => ({ file: `${name}.csv`, csvPath: join(root, loaded.dir, file) }));
}

/** `--lookup FILE=CSV` arguments of `t1505 hunt` that give a case its lookup rows. */
export function huntLookupArgs(rows: readonly LookupRows[]): string[] {
  return rows.flatMap((r) => ['--lookup', `${r.file}=${r.csvPath}`]);
}

function headerOnly(text: string): string {
  const [header] = parse(text, { bom: true, skip_empty_lines: true, to_line: 1 }) as string[][];
  return stringify([header ?? []]);
}

/**
 * The shared app when nothing is added or emptied, else one built with the rows appended
 * and the `emptied` lookups (names without .csv) left with their header only; cached.
 */
export function caseAppFactory(root: string, shared: () => EngineApp): (rows: readonly LookupRows[], emptied?: readonly string[]) => EngineApp {
  const built = new Map<string, EngineApp>();
  return (rows, emptied = []) => {
    if (rows.length === 0 && emptied.length === 0) return shared();
    const key = JSON.stringify([rows, emptied]);
    let app = built.get(key);
    if (!app) {
      const sources = appSourcesWithRows(root, [...rows]);
      const lookups = sources.lookups ?? {};
      for (const name of emptied) {
        const file = `${name}.csv`;
        if (lookups[file] === undefined) throw new Error(`cannot empty lookups/${file}: the app has no such lookup file`);
        lookups[file] = headerOnly(lookups[file]);
      }
      app = createApp({ ...sources, lookups });
      built.set(key, app);
    }
    return app;
  };
}
