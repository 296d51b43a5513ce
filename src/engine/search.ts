/**
 * Runs SPL over loaded events: `runSearch` for one search string, `runSavedSearch` for a
 * stanza of the app's savedsearches.conf over its dispatch window.
 *
 * Events are searched newest first, as Splunk returns them (Search Manual, "About
 * retrieving events": results come in reverse time order), so callers may pass them in
 * any order. "Now" is explicit; times are epoch seconds; the time zone is UTC unless given.
 */
import type { Zone } from 'luxon';
import type { App } from './app';
import type { Row, SplunkEvent } from './event';
import type { ParseContext, RunContext } from './spl/commands/types';
import { compileEval } from './spl/evalCompile';
import { parseEvalExpression } from './spl/evalExpr';
import { ParseFailure, SplError } from './spl/errors';
import { compilePipeline, type CompileEnv, type Program } from './spl/executor';
import { TokenStream } from './spl/args';
import { lexSearch } from './spl/lexer';
import { expandMacros } from './spl/macros';
import { parsePipeline, type PipelineNode, type SubsearchNode } from './spl/pipeline';
import { compileSearch } from './spl/searchMatch';
import { parseSearchExpression, type SearchNode } from './spl/searchExpr';
import { ExpandedSearch } from './spl/source';
import { formatRows } from './spl/commands/subsearch';
import { resolveTimeModifier } from './spl/time/relative';
import { resolveZone, TimeError } from './spl/time/zone';

export { SplError } from './spl/errors';

export interface SearchOptions {
  app: App;
  events: readonly SplunkEvent[];
  /** Epoch seconds. */
  now: number;
  /** Dispatch window: time modifiers (`-24h@h`) or epoch seconds; absent = unbounded. */
  earliest?: string | number;
  latest?: string | number;
  /** IANA time zone (default UTC). */
  timezone?: string;
}

export interface SearchResult {
  results: Row[];
  messages: string[];
}

/** Subsearch result limit (limits.conf [subsearch] maxout). */
const SUBSEARCH_MAXOUT = 10000;

const sortedCache = new WeakMap<readonly SplunkEvent[], SplunkEvent[]>();
const runCaches = new WeakMap<readonly SplunkEvent[], Map<string, Row[]>>();

/** Events newest first (stable for equal times). */
export function newestFirst(events: readonly SplunkEvent[]): SplunkEvent[] {
  let sorted = sortedCache.get(events);
  if (!sorted) {
    let ordered = true;
    for (let i = 1; i < events.length && ordered; i++) if (events[i]._time > events[i - 1]._time) ordered = false;
    sorted = ordered ? (events as SplunkEvent[]) : events.map((e, i) => ({ e, i })).sort((a, b) => b.e._time - a.e._time || a.i - b.i).map((x) => x.e);
    sortedCache.set(events, sorted);
  }
  return sorted;
}

/** Parses a search-language string (subsearch results, searchmatch()) into an expression. */
function parseSearchString(search: string): SearchNode {
  const source = ExpandedSearch.plain(search);
  return source.wrap(() => {
    const stream = new TokenStream(lexSearch(search, 0, search.length), search.length, 'search');
    const node = parseSearchExpression(stream);
    stream.expectEnd();
    return node;
  });
}

function environment(app: App, now: number, zone: Zone): CompileEnv {
  const evalContext: ParseContext['evalContext'] = {
    now,
    zone,
    compileSearch: (search: string) => compileSearch(parseSearchString(search), { now, zone }),
  };
  return { now, zone, lookups: app.lookups, macros: app.macros, evalContext, parseSearchString };
}

/** Evaluates an eval expression with no fields (macro `iseval` definitions and `validation`). */
function evaluateConstant(expression: string, env: CompileEnv): unknown {
  const source = ExpandedSearch.plain(expression);
  const node = source.wrap(() => parseEvalExpression(expression, 0, expression.length, 'macro'));
  const fn = source.wrap(() => compileEval(node, env.evalContext));
  const v = fn({});
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? v.text : v;
}

function expandWith(spl: string, app: App, env: CompileEnv): ExpandedSearch {
  return expandMacros(spl, app.macros, (expr) => evaluateConstant(expr, env));
}

/** Expands the app's macros in a search (iseval and validation evaluated with `now`). */
export function expandSearch(spl: string, app: App, now = 0): ExpandedSearch {
  const zone = resolveZone(undefined);
  return expandWith(spl, app, environment(app, now, zone));
}

export interface CompiledSearch {
  source: ExpandedSearch;
  pipeline: PipelineNode;
  program: Program;
  /** The time zone it was compiled for. */
  zone: Zone;
  /** Compiles a subsearch of this search (lint compiles them without running). */
  compileSubsearch(pipeline: PipelineNode): Program;
}

/** Expands macros, parses and compiles a search (no events needed): what lint uses. */
export function compileSearchText(spl: string, app: App, now = 0, timezone?: string): CompiledSearch {
  let zone: Zone;
  try {
    zone = resolveZone(timezone);
  } catch (e) {
    throw new SplError((e as Error).message);
  }
  const env = environment(app, now, zone);
  const source = expandWith(spl, app, env);
  const pipeline = source.wrap(() => parsePipeline(source.text));
  if (pipeline.commands.length === 0) throw source.error('empty search', 0);
  const program = compilePipeline(source, pipeline, env);
  return { source, pipeline, program, zone, compileSubsearch: (sub) => compilePipeline(source, sub, env) };
}

/**
 * Calls `visit` with the program of the search, then with those of its subsearches, depth
 * first. A subsearch that does not compile goes to `onSubsearchError` (rethrown without one)
 * and its own subsearches are skipped.
 */
export function forEachProgram(compiled: CompiledSearch, visit: (program: Program) => void, onSubsearchError?: (error: unknown, sub: SubsearchNode) => void): void {
  const walk = (pipeline: PipelineNode, program: Program): void => {
    visit(program);
    for (const node of pipeline.commands) {
      for (const sub of node.subsearches) {
        let subProgram: Program;
        try {
          subProgram = compiled.compileSubsearch(sub.pipeline);
        } catch (e) {
          if (!onSubsearchError) throw e;
          onSubsearchError(e, sub);
          continue;
        }
        walk(sub.pipeline, subProgram);
      }
    }
  };
  walk(compiled.pipeline, compiled.program);
}

function resolveBound(value: string | number | undefined, now: number, zone: Zone, what: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'number') return value;
  try {
    const t = resolveTimeModifier(value, now, zone);
    return what === 'earliest' && t === 0 ? undefined : t;
  } catch (e) {
    if (e instanceof TimeError) throw new SplError(`${what} time "${value}": ${e.message}`);
    throw e;
  }
}

export function runSearch(spl: string, options: SearchOptions): SearchResult {
  const { app, now } = options;
  const compiled = compileSearchText(spl, app, now, options.timezone);
  const { zone } = compiled;
  const events = newestFirst(options.events);
  let cache = runCaches.get(events);
  if (!cache) {
    cache = new Map();
    runCaches.set(events, cache);
  }
  const messages: string[] = [];
  const subPrograms = new Map<PipelineNode, Program>();
  const ctx: RunContext = {
    now,
    zone,
    events,
    earliest: resolveBound(options.earliest, now, zone, 'earliest'),
    latest: resolveBound(options.latest, now, zone, 'latest'),
    messages,
    cache,
    runSubsearch(pipeline) {
      let program = subPrograms.get(pipeline);
      if (!program) {
        program = compiled.compileSubsearch(pipeline);
        subPrograms.set(pipeline, program);
      }
      const rows = program.run([], ctx);
      if (rows.length > SUBSEARCH_MAXOUT) {
        messages.push(`subsearch returned ${rows.length} results; kept the first ${SUBSEARCH_MAXOUT} (limits.conf [subsearch] maxout)`);
        return rows.slice(0, SUBSEARCH_MAXOUT);
      }
      return rows;
    },
    subsearchExpression(pipeline) {
      const text = formatRows(ctx.runSubsearch(pipeline));
      try {
        return parseSearchString(text);
      } catch (e) {
        if (e instanceof SplError) throw compiled.source.error(`subsearch result "${text.slice(0, 200)}" is not a valid search: ${e.reason}`, pipeline.start);
        throw e;
      }
    },
  };
  const results = compiled.program.run([], ctx);
  return { results, messages };
}

/**
 * Runs a saved search of the app over its dispatch window relative to `now`:
 * `runSavedSearch(app, name, events, now[, timezone])`. The form
 * `runSavedSearch(name, { app, events, now, timezone? })` is accepted too (the CLI uses it).
 */
export function runSavedSearch(app: App, name: string, events: readonly SplunkEvent[], now: number, timezone?: string): SearchResult;
export function runSavedSearch(name: string, options: Omit<SearchOptions, 'earliest' | 'latest'>): SearchResult;
export function runSavedSearch(
  appOrName: App | string,
  nameOrOptions: string | Omit<SearchOptions, 'earliest' | 'latest'>,
  events?: readonly SplunkEvent[],
  now?: number,
  timezone?: string,
): SearchResult {
  if (typeof appOrName === 'string') {
    const o = nameOrOptions as Omit<SearchOptions, 'earliest' | 'latest'>;
    return savedSearch(o.app, appOrName, o.events, o.now, o.timezone);
  }
  return savedSearch(appOrName, nameOrOptions as string, events ?? [], now ?? Date.now() / 1000, timezone);
}

function savedSearch(app: App, name: string, events: readonly SplunkEvent[], now: number, timezone?: string): SearchResult {
  const { search, earliest, latest } = dispatchOf(app, name);
  return runSearch(search, { app, events, now, earliest, latest, timezone });
}

/** A saved search of the app and its dispatch window (latest defaults to now). */
function dispatchOf(app: App, name: string): { search: string; earliest?: string; latest: string } {
  const saved = app.savedSearches.find((s) => s.name === name);
  if (!saved) throw new SplError(`no saved search named "${name}" in ${app.files.savedsearches}`);
  return { search: saved.search, earliest: saved.earliest, latest: saved.latest ?? 'now' };
}

/** The time range one event-retrieving command reads: `[earliest, latest)`, an absent bound is open. */
export interface RetrievalRange {
  /** `search` (the initial search of a pipeline) or `tstats`. */
  command: string;
  /** Offset of the command in the expanded search. */
  offset: number;
  earliest?: number;
  latest?: number;
}

/**
 * The time ranges a search reads events from, one per event-retrieving command (the initial
 * search or tstats of the main search and of every subsearch): the dispatch window, with a
 * bound replaced by the command's own top-level `earliest=`/`latest=` as the commands do when
 * they run. An event outside all of them is never seen by the search.
 */
export function retrievalRanges(spl: string, options: Omit<SearchOptions, 'events'>): RetrievalRange[] {
  const { app, now } = options;
  const compiled = compileSearchText(spl, app, now, options.timezone);
  const { zone } = compiled;
  const dispatchEarliest = resolveBound(options.earliest, now, zone, 'earliest');
  const dispatchLatest = resolveBound(options.latest, now, zone, 'latest');
  const ranges: RetrievalRange[] = [];
  forEachProgram(compiled, (program) => {
    for (const c of program.commands) {
      for (const s of c.command.expressions?.searches ?? []) {
        if (s.base) ranges.push({ command: c.name, offset: c.start, earliest: s.own?.earliest ?? dispatchEarliest, latest: s.own?.latest ?? dispatchLatest });
      }
    }
  });
  return ranges;
}

/** `retrievalRanges` of a saved search of the app, over its dispatch window relative to `now`. */
export function savedSearchRanges(app: App, name: string, now: number, timezone?: string): RetrievalRange[] {
  const { search, earliest, latest } = dispatchOf(app, name);
  return retrievalRanges(search, { app, now, earliest, latest, timezone });
}

export { ParseFailure };
