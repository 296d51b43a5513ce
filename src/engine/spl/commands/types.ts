/** What a command module provides: a parser (used by lint too) that returns a runnable command. */
import type { Zone } from 'luxon';
import type { Row, SplunkEvent } from '../../event';
import type { EvalContext } from '../functions/types';
import type { CommandNode, PipelineNode } from '../pipeline';
import type { LookupResolver } from '../lookup/table';
import type { SearchNode } from '../searchExpr';
import type { EvalNode } from '../evalExpr';
import type { MacroTable } from '../macros';

/** What the parser needs: the search text, time settings and the app's knowledge objects. */
export interface ParseContext {
  text: string;
  node: CommandNode;
  now: number;
  zone: Zone;
  lookups: LookupResolver;
  macros: MacroTable;
  /** True for the first command of a pipeline. */
  first: boolean;
  /** Turns a search string into an expression (searchmatch(), subsearch results). */
  parseSearchString(search: string): SearchNode;
  evalContext: EvalContext;
  /** Compiles SPL text that filters given rows (its first command is a piped search). */
  compilePiped(spl: string): CompiledPipeline;
}

/** What running needs. */
export interface RunContext {
  now: number;
  zone: Zone;
  /** All loaded events, newest first. */
  events: readonly SplunkEvent[];
  /** Dispatch window (epoch seconds); absent = unbounded. */
  earliest?: number;
  latest?: number;
  messages: string[];
  /** Runs a subsearch pipeline and returns its rows. */
  runSubsearch(pipeline: PipelineNode): Row[];
  /** Formats a subsearch result as a search expression (the implicit `format`). */
  subsearchExpression(pipeline: PipelineNode): SearchNode;
  /** Per-event-set cache shared by the searches of one run (data-model selections). */
  cache: Map<string, Row[]>;
}

/** The expressions a command holds, for lint (which reads them without running). */
export interface CommandExpressions {
  /**
   * Search-language expressions; `base` marks those that retrieve events (initial search, tstats
   * where); `own` holds their top-level earliest=/latest=, resolved when the command was compiled.
   */
  searches?: Array<{ node: SearchNode; base: boolean; own?: { earliest?: number; latest?: number } }>;
  evals?: EvalNode[];
}

export interface Command {
  readonly name: string;
  readonly expressions?: CommandExpressions;
  /** Produces rows without input (tstats, inputlookup, makeresults, the initial search). */
  readonly generating?: boolean;
  run(input: Row[], ctx: RunContext): Row[];
}

export interface CommandDefinition {
  readonly name: string;
  readonly aliases?: readonly string[];
  /** Must be (true) or may be (undefined) the first command; false: never first. */
  readonly generating?: boolean;
  parse(ctx: ParseContext): Command;
}

/** A compiled pipeline (used by tstats for data-model constraints, and by subsearches). */
export interface CompiledPipeline {
  run(input: Row[], ctx: RunContext): Row[];
}
