/**
 * `npm run bench:engine -- [--events N] [--seed S] [--keep]`: generates N realistic mixed
 * events, then measures in separate processes (a) a bare pass that only reads and parses
 * them into events and (b) the same ingest plus every saved search of the app over them.
 * Prints events per second, the ratio of (b) to (a), and peak memory (RSS and heap).
 * Targets: (b) within 3x of (a); peak RSS under 2 GB at 10^6 events. Both passes run with a
 * V8 heap limit (default 1800 MB, env T1505_BENCH_HEAP_MB) so that peak RSS reflects the
 * live set rather than garbage V8 had no reason to collect.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseArgs } from 'util';
import type { SplunkEvent } from '../src/engine/event';
import { ingestFile } from '../src/engine/ingest';
import { REPO_ROOT } from '../src/app-identity/identity';
import { defaultEngine } from '../src/cli/engine-default';
import { defaultNow } from '../src/cli/hunt';
import { generateEvents, type GeneratedInput } from './generate-events';

/** V8 heap limit of the measured processes: a live set that does not fit fails the run instead of inflating RSS with uncollected garbage. */
const HEAP_MB = Number(process.env.T1505_BENCH_HEAP_MB ?? 1800);
/** End of the generated time range: fixed, so runs are comparable. */
const END = Date.UTC(2026, 2, 14, 12, 0, 0) / 1000;

interface PhaseResult {
  phase: 'bare' | 'full';
  events: number;
  rejected: number;
  ingestMs: number;
  searchMs: number;
  searches: number;
  searchErrors: string[];
  results: number;
  /** Ingest time and event count per sourcetype. */
  bySourcetype: Record<string, { ms: number; events: number; bytes: number }>;
  maxRssMb: number;
  peakHeapMb: number;
  note?: string;
}

function runPhase(phase: 'bare' | 'full', inputs: GeneratedInput[]): PhaseResult {
  let peakHeap = 0;
  const sampleHeap = () => {
    const h = process.memoryUsage().heapUsed;
    if (h > peakHeap) peakHeap = h;
  };
  const started = process.hrtime.bigint();
  const events: SplunkEvent[] = [];
  let rejected = 0;
  const bySourcetype: PhaseResult['bySourcetype'] = {};
  for (const input of inputs) {
    const t0 = process.hrtime.bigint();
    const r = ingestFile(input.file, { sourcetype: input.sourcetype });
    const stats = (bySourcetype[input.sourcetype] ??= { ms: 0, events: 0, bytes: 0 });
    stats.ms += Number(process.hrtime.bigint() - t0) / 1e6;
    stats.events += r.events.length;
    stats.bytes += fs.statSync(input.file).size;
    for (const e of r.events) events.push(e);
    rejected += r.rejected.length;
    sampleHeap();
  }
  const ingestMs = Number(process.hrtime.bigint() - started) / 1e6;
  const result: PhaseResult = { phase, events: events.length, rejected, ingestMs, searchMs: 0, searches: 0, searchErrors: [], results: 0, maxRssMb: 0, peakHeapMb: 0, bySourcetype };
  if (phase === 'full') {
    const now = defaultNow(events);
    const t0 = process.hrtime.bigint();
    try {
      const app = defaultEngine().loadApp(REPO_ROOT);
      const names = app.savedSearchNames();
      if (names.length === 0) result.note = 'the app has no saved searches yet (default/savedsearches.conf): the full pass ran ingest only';
      for (const name of names) {
        result.searches++;
        try {
          result.results += app.runSavedSearch(name, events, now).results.length;
        } catch (err) {
          result.searchErrors.push(`${name}: ${(err as Error).message}`);
        }
        sampleHeap();
      }
    } catch (err) {
      result.note = `the searches could not run: ${(err as Error).message.split('\n')[0]}`;
    }
    result.searchMs = Number(process.hrtime.bigint() - t0) / 1e6;
  }
  sampleHeap();
  result.maxRssMb = process.resourceUsage().maxRSS / 1024;
  result.peakHeapMb = peakHeap / 1048576;
  return result;
}

function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

function main(): void {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { events: { type: 'string', default: '100000' }, seed: { type: 'string', default: '1505' }, keep: { type: 'boolean', default: false }, phase: { type: 'string' }, inputs: { type: 'string' } },
  });
  if (values.phase) {
    const inputs = JSON.parse(fs.readFileSync(values.inputs!, 'utf8')) as GeneratedInput[];
    process.stdout.write(JSON.stringify(runPhase(values.phase as 'bare' | 'full', inputs)) + '\n');
    return;
  }
  const total = Number(values.events);
  if (!Number.isInteger(total) || total <= 0) throw new Error(`--events must be a positive integer, got "${values.events}"`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 't1505-bench-'));
  try {
    const g0 = Date.now();
    const inputs = generateEvents(dir, total, Number(values.seed), END);
    const bytes = inputs.reduce((n, i) => n + fs.statSync(i.file).size, 0);
    const inputsFile = path.join(dir, 'inputs.json');
    fs.writeFileSync(inputsFile, JSON.stringify(inputs));
    console.log(`V8 heap limit of the measured processes: ${HEAP_MB} MB (T1505_BENCH_HEAP_MB)`);
    console.log(`generated ${fmt(total)} events (${fmt(bytes / 1048576, 1)} MiB in ${inputs.length} files, seed ${values.seed}) in ${fmt((Date.now() - g0) / 1000, 1)} s`);
    const phases: PhaseResult[] = [];
    for (const phase of ['bare', 'full'] as const) {
      const child = spawnSync(process.execPath, [...process.execArgv, __filename, '--phase', phase, '--inputs', inputsFile], {
        encoding: 'utf8',
        maxBuffer: 1 << 24,
        env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=${HEAP_MB}`.trim() },
      });
      if (child.status !== 0) throw new Error(`${phase} pass failed (exit ${child.status}):\n${child.stderr}`);
      phases.push(JSON.parse(child.stdout.trim().split('\n').pop()!) as PhaseResult);
    }
    const [bare, full] = phases;
    const bareMs = bare.ingestMs;
    const fullMs = full.ingestMs + full.searchMs;
    console.log('');
    console.log(`bare pass (read + parse):          ${fmt(bareMs / 1000, 2)} s  ${fmt(bare.events / (bareMs / 1000))} events/s  peak RSS ${fmt(bare.maxRssMb)} MB  peak heap ${fmt(bare.peakHeapMb)} MB  (${fmt(bare.events)} events, ${bare.rejected} rejected)`);
    console.log(`full pass (ingest + ${full.searches} saved searches): ${fmt(fullMs / 1000, 2)} s  ${fmt(full.events / (fullMs / 1000))} events/s  peak RSS ${fmt(full.maxRssMb)} MB  peak heap ${fmt(full.peakHeapMb)} MB  (searches ${fmt(full.searchMs / 1000, 2)} s, ${full.results} result rows, ${full.searchErrors.length} search errors)`);
    for (const [st, x] of Object.entries(bare.bySourcetype)) {
      console.log(`  bare ingest ${st.padEnd(30)} ${fmt(x.events).padStart(9)} events  ${fmt(x.events / (x.ms / 1000)).padStart(8)} events/s  ${fmt(x.bytes / 1048576 / (x.ms / 1000), 1).padStart(6)} MiB/s`);
    }
    console.log(`ratio full / bare: ${fmt(fullMs / bareMs, 2)}x (target <= 3x); peak RSS ${fmt(Math.max(bare.maxRssMb, full.maxRssMb))} MB (target < 2048 MB at 10^6 events)`);
    if (full.note) console.log(`note: ${full.note}`);
    for (const e of full.searchErrors.slice(0, 20)) console.log(`search error: ${e}`);
  } finally {
    if (!values.keep) fs.rmSync(dir, { recursive: true, force: true });
    else console.log(`kept the generated files in ${dir}`);
  }
}

main();
