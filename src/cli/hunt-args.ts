/** Parses the `t1505 hunt` command line. Repeated --input options keep their own options. */
import * as path from 'path';
import { parseArgs } from 'util';
import { parseIsoTime } from '../engine/ingest/time';
import type { LookupRows } from './engine-port';
import { HUNT_USAGE, UsageError } from './usage';

export interface HuntInput {
  file: string;
  sourcetype: string;
  source?: string;
  host?: string;
  index?: string;
}

export interface HuntArgs {
  inputs: HuntInput[];
  /** `--lookup FILE=CSV`: rows appended to the app's lookups/FILE for this run. */
  lookupRows: LookupRows[];
  searches: string[];
  spl?: string;
  /** Epoch seconds; undefined means "one second after the latest event". */
  now?: number;
  format: 'json' | 'table';
  appDir: string;
  help: boolean;
}

const PER_INPUT = ['sourcetype', 'source', 'host', 'index'] as const;

export function parseHuntArgs(argv: string[], defaultAppDir: string): HuntArgs {
  let tokens;
  try {
    tokens = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      tokens: true,
      options: {
        input: { type: 'string', multiple: true },
        sourcetype: { type: 'string', multiple: true },
        source: { type: 'string', multiple: true },
        host: { type: 'string', multiple: true },
        index: { type: 'string', multiple: true },
        search: { type: 'string', multiple: true },
        lookup: { type: 'string', multiple: true },
        spl: { type: 'string', multiple: true },
        now: { type: 'string', multiple: true },
        format: { type: 'string', multiple: true },
        app: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    }).tokens;
  } catch (err) {
    throw new UsageError((err as Error).message, HUNT_USAGE);
  }
  const args: HuntArgs = { inputs: [], lookupRows: [], searches: [], format: 'table', appDir: defaultAppDir, help: false };
  const once = new Map<string, string>();
  let current: HuntInput | undefined;
  for (const t of tokens ?? []) {
    if (t.kind !== 'option') continue;
    const value = t.value ?? '';
    if (t.name === 'help') {
      args.help = true;
    } else if (t.name === 'input') {
      if (current) finishInput(current);
      current = { file: value, sourcetype: '' };
      args.inputs.push(current);
    } else if ((PER_INPUT as readonly string[]).includes(t.name)) {
      const key = t.name as (typeof PER_INPUT)[number];
      if (!current) throw new UsageError(`--${key} must follow the --input it belongs to`, HUNT_USAGE);
      if (current[key]) throw new UsageError(`--${key} given twice for --input ${current.file}`, HUNT_USAGE);
      current[key] = value;
    } else if (t.name === 'search') {
      args.searches.push(value);
    } else if (t.name === 'lookup') {
      const eq = value.indexOf('=');
      if (eq <= 0 || eq === value.length - 1) throw new UsageError(`--lookup needs FILE=CSV (a lookup file of the app and a CSV with its header), got "${value}"`, HUNT_USAGE);
      args.lookupRows.push({ file: value.slice(0, eq), csvPath: value.slice(eq + 1) });
    } else {
      if (once.has(t.name)) throw new UsageError(`--${t.name} may be given only once`, HUNT_USAGE);
      once.set(t.name, value);
    }
  }
  if (args.help) return args;
  if (current) finishInput(current);
  if (args.inputs.length === 0) throw new UsageError('no --input given: name at least one events file with its --sourcetype', HUNT_USAGE);

  const spl = once.get('spl');
  if (spl !== undefined) {
    if (spl.trim() === '') throw new UsageError('--spl needs a search', HUNT_USAGE);
    args.spl = spl;
  }
  const format = once.get('format');
  if (format !== undefined) {
    if (format !== 'json' && format !== 'table') throw new UsageError(`--format must be json or table, got "${format}"`, HUNT_USAGE);
    args.format = format;
  }
  const now = once.get('now');
  if (now !== undefined) args.now = parseNow(now);
  const app = once.get('app');
  if (app !== undefined) args.appDir = path.resolve(app);
  return args;
}

function finishInput(input: HuntInput): void {
  if (input.file === '') throw new UsageError('--input needs a file name', HUNT_USAGE);
  if (!input.sourcetype) throw new UsageError(`--input ${input.file} has no --sourcetype (give it right after the --input)`, HUNT_USAGE);
}

/** `--now`: epoch seconds (`1773483600`, `1773483600.5`) or an ISO 8601 date-time (UTC unless it has an offset). */
export function parseNow(text: string): number {
  const t = text.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  const iso = parseIsoTime(t);
  if (iso === undefined) throw new UsageError(`--now "${text}" is neither epoch seconds nor an ISO 8601 time like 2026-03-14T10:15:00Z`, HUNT_USAGE);
  return iso;
}
