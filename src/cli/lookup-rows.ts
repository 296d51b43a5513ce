/**
 * `t1505 hunt --lookup FILE=CSV`: extra rows for one of the app's lookup files, for this run
 * only (site data such as server roles, change windows or baselines, which the app ships
 * header-only). The rows are appended to the app's CSV; the headers must be the same.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { createApp, type App, type AppSources } from '../engine/app';
import type { LookupRows } from './engine-port';

export type { LookupRows };

export class LookupRowsError extends Error {}

function readCsv(file: string, what: string): string[][] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new LookupRowsError(`cannot read ${what} "${file}": ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  try {
    return parse(text, { bom: true, skip_empty_lines: true, relax_column_count: false }) as string[][];
  } catch (err) {
    throw new LookupRowsError(`${what} "${file}" is not valid CSV: ${(err as Error).message}`);
  }
}

/** The app's conf files and lookup CSVs, with the extra rows appended, as sources for createApp. */
export function appSourcesWithRows(appDir: string, extra: LookupRows[]): AppSources {
  const read = (rel: string) => {
    const p = path.join(appDir, rel);
    return fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : undefined;
  };
  const lookupsDir = path.join(appDir, 'lookups');
  const lookups: Record<string, string> = {};
  if (fs.existsSync(lookupsDir)) {
    for (const f of fs.readdirSync(lookupsDir)) if (f.toLowerCase().endsWith('.csv')) lookups[f] = fs.readFileSync(path.join(lookupsDir, f), 'utf8');
  }
  for (const { file, csvPath } of extra) {
    if (lookups[file] === undefined) {
      const known = Object.keys(lookups).sort().join(', ') || '(none)';
      throw new LookupRowsError(`--lookup ${file}=…: the app has no lookup file lookups/${file}; lookup files: ${known}`);
    }
    const base = parse(lookups[file], { bom: true, skip_empty_lines: true }) as string[][];
    const rows = readCsv(csvPath, `--lookup ${file} rows file`);
    const header = base[0] ?? [];
    if (rows.length === 0 || rows[0].join('\u0000') !== header.join('\u0000')) {
      throw new LookupRowsError(`--lookup ${file}=${csvPath}: its header (${(rows[0] ?? []).join(',')}) differs from lookups/${file} (${header.join(',')})`);
    }
    lookups[file] = stringify([...base, ...rows.slice(1)]);
  }
  return {
    macros: read('default/macros.conf'),
    transforms: read('default/transforms.conf'),
    savedsearches: read('default/savedsearches.conf'),
    lookups,
  };
}

export function appWithRows(appDir: string, extra: LookupRows[]): App {
  return createApp(appSourcesWithRows(appDir, extra));
}
