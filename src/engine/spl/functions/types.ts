import type { Zone } from 'luxon';
import type { Row } from '../../event';
import type { EvalNode } from '../evalExpr';
import type { RowPredicate } from '../searchMatch';
import type { EvalValue } from '../value';

export type EvalFn = (row: Row) => EvalValue;

export interface EvalContext {
  /** Search start time ("now()"), epoch seconds. */
  now: number;
  zone: Zone;
  /** Compiles a search-language string (searchmatch()). */
  compileSearch?: (search: string) => RowPredicate;
}

/** Result kind, for the static checks (where needs a boolean, eval must not store one). */
export type ResultKind = 'boolean' | 'value' | 'any';

export interface FunctionSpec {
  min: number;
  max: number;
  result: ResultKind;
  compile(args: EvalFn[], nodes: EvalNode[], ctx: EvalContext, fail: (message: string, node?: EvalNode) => never): EvalFn;
}

/** A function whose arguments are all evaluated first. */
export function eager(min: number, max: number, fn: (values: EvalValue[], ctx: EvalContext) => EvalValue, result: ResultKind = 'value'): FunctionSpec {
  return {
    min,
    max,
    result,
    compile(args, _nodes, ctx) {
      if (args.length === 1) {
        const [a] = args;
        return (row) => fn([a(row)], ctx);
      }
      if (args.length === 2) {
        const [a, b] = args;
        return (row) => fn([a(row), b(row)], ctx);
      }
      return (row) => fn(args.map((a) => a(row)), ctx);
    },
  };
}

/** Evaluation failure that carries the SPL-level message (the search fails with it). */
export class EvalRuntimeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EvalRuntimeError';
  }
}
