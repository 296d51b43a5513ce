/** `t1505 hunt`: load events, run saved searches or ad-hoc SPL, print the results. */
import type { Rejection, Row, SplunkEvent } from '../engine/event';
import { ingestFile, IngestError } from '../engine/ingest';
import type { EnginePort, LoadedApp } from './engine-port';
import { parseHuntArgs, type HuntArgs } from './hunt-args';
import { renderHuntTable } from './table';
import { HUNT_USAGE, UsageError } from './usage';

export interface SearchOutcome {
  name: string;
  results: Row[];
  error: string | null;
  elapsed_ms: number;
}

export interface HuntReport {
  ingest: { events: number; rejected: Rejection[] };
  searches: SearchOutcome[];
}

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Name under which an `--spl` search appears in the output. */
export const AD_HOC_NAME = 'ad-hoc search';

/** A failure that ends the command with exit code 2 and this message. */
class HuntFailure extends Error {}

interface PlannedSearch {
  name: string;
  run: () => Row[];
}

export function runHunt(argv: string[], engine: EnginePort, io: CliIo, defaultAppDir: string): number {
  let args: HuntArgs;
  try {
    args = parseHuntArgs(argv, defaultAppDir);
  } catch (err) {
    return usageFailure(err, io);
  }
  if (args.help) {
    io.stdout(HUNT_USAGE + '\n');
    return 0;
  }
  try {
    const { events, rejected } = loadInputs(args);
    const app = loadApp(engine, args);
    const now = args.now ?? defaultNow(events);
    const planned = planSearches(args, app, events, now);
    const report: HuntReport = { ingest: { events: events.length, rejected }, searches: planned.map(runTimed) };
    io.stdout(args.format === 'json' ? JSON.stringify(report, null, 2) + '\n' : renderHuntTable(report, now));
    if (planned.length === 0) io.stderr(`t1505 hunt: the app in ${args.appDir} has no saved searches; use --spl to run a search\n`);
    return 0;
  } catch (err) {
    if (err instanceof HuntFailure) {
      io.stderr(`t1505 hunt: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}

function loadInputs(args: HuntArgs): { events: SplunkEvent[]; rejected: Rejection[] } {
  const events: SplunkEvent[] = [];
  const rejected: Rejection[] = [];
  for (const input of args.inputs) {
    try {
      const r = ingestFile(input.file, { sourcetype: input.sourcetype, source: input.source, host: input.host, index: input.index });
      for (const e of r.events) events.push(e);
      for (const x of r.rejected) rejected.push(x);
    } catch (err) {
      if (err instanceof IngestError) throw new HuntFailure(err.message);
      throw err;
    }
  }
  return { events, rejected };
}

function loadApp(engine: EnginePort, args: HuntArgs): LoadedApp {
  try {
    return engine.loadApp(args.appDir, args.lookupRows);
  } catch (err) {
    throw new HuntFailure(`cannot load the app in ${args.appDir}: ${(err as Error).message}`);
  }
}

/** The named saved searches (or all of them when neither --search nor --spl is given), then --spl. */
function planSearches(args: HuntArgs, app: LoadedApp, events: SplunkEvent[], now: number): PlannedSearch[] {
  const available = app.savedSearchNames();
  const unknown = args.searches.filter((s) => !available.includes(s));
  if (unknown.length > 0) {
    const list = available.length > 0 ? available.map((n) => `  ${n}`).join('\n') : '  (none)';
    throw new HuntFailure(`no saved search named ${unknown.map((u) => `"${u}"`).join(', ')} in ${args.appDir}/default/savedsearches.conf; saved searches:\n${list}`);
  }
  const names = args.searches.length > 0 || args.spl !== undefined ? args.searches : available;
  const planned: PlannedSearch[] = names.map((name) => ({ name, run: () => app.runSavedSearch(name, events, now).results }));
  const spl = args.spl;
  if (spl !== undefined) planned.push({ name: AD_HOC_NAME, run: () => app.runSearch(spl, events, now).results });
  return planned;
}

/** Runs one search; an error of the search is its outcome, not the command's. */
function runTimed({ name, run }: PlannedSearch): SearchOutcome {
  const started = process.hrtime.bigint();
  let results: Row[] = [];
  let error: string | null = null;
  try {
    results = run();
  } catch (err) {
    error = err instanceof Error ? err.message : String(err);
  }
  const elapsed_ms = Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100;
  return { name, results, error, elapsed_ms };
}

/** One second after the latest event; the current time when nothing was loaded. */
export function defaultNow(events: SplunkEvent[]): number {
  let latest = -Infinity;
  for (const e of events) if (e._time > latest) latest = e._time;
  return latest === -Infinity ? Math.floor(Date.now() / 1000) : latest + 1;
}

export function usageFailure(err: unknown, io: CliIo): number {
  if (err instanceof UsageError) {
    io.stderr(`t1505: ${err.message}\n\n${err.usage}\n`);
    return 2;
  }
  throw err;
}
