/**
 * `search` (initial and piped). The initial search selects loaded events inside the
 * dispatch window; `earliest=`/`latest=` in its top level replace the window's bounds
 * (search command page, time modifiers). Piped, it filters the rows.
 */
import type { Row } from '../../event';
import { TokenStream } from '../args';
import { ParseFailure } from '../errors';
import { compileSearch, type RowPredicate } from '../searchMatch';
import { parseSearchExpression, topLevelTimes, walkSearch, type SearchNode } from '../searchExpr';
import { resolveTimeModifier } from '../time/relative';
import { TimeError } from '../time/zone';
import { candidateEvents } from '../eventIndex';
import type { Command, CommandDefinition, ParseContext, RunContext } from './types';

export function parseSearchArgs(ctx: ParseContext): SearchNode {
  const stream = TokenStream.forCommand(ctx.text, ctx.node);
  const node = parseSearchExpression(stream);
  stream.expectEnd();
  return node;
}

function hasSubsearch(node: SearchNode): boolean {
  let found = false;
  walkSearch(node, (n) => {
    if (n.kind === 'subsearch') found = true;
  });
  return found;
}

export const searchCommand: CommandDefinition = {
  name: 'search',
  parse(ctx): Command {
    const expr = parseSearchArgs(ctx);
    if (ctx.first && expr.kind === 'all') throw new ParseFailure('empty search: give search terms, e.g. index=main', ctx.node.start);
    const evalCtx = { now: ctx.now, zone: ctx.zone };
    let predicate: RowPredicate | undefined = hasSubsearch(expr) ? undefined : compileSearch(expr, evalCtx);
    const times = topLevelTimes(expr);
    const resolve = (spec: string | undefined, at: string): number | undefined => {
      if (spec === undefined) return undefined;
      try {
        return resolveTimeModifier(spec, ctx.now, ctx.zone);
      } catch (e) {
        if (e instanceof TimeError) throw new ParseFailure(`${at}: ${e.message}`, ctx.node.argsStart);
        throw e;
      }
    };
    const ownEarliest = resolve(times.earliest, 'earliest');
    const ownLatest = resolve(times.latest, 'latest');
    const first = ctx.first;
    return {
      name: 'search',
      generating: first,
      expressions: { searches: [{ node: expr, base: first }] },
      run(input: Row[], run: RunContext): Row[] {
        const test = predicate ?? compileSearch(expr, { now: run.now, zone: run.zone, resolveSubsearch: (sub) => run.subsearchExpression(sub.pipeline) });
        if (!hasSubsearch(expr)) predicate = test;
        if (!first) {
          // Data-model constraints filter the whole event set: let the index narrow it.
          const source = (input as readonly Row[]) === run.events ? candidateEvents(run.events, expr) : input;
          return source.filter(test);
        }
        const lo = ownEarliest ?? run.earliest;
        const hi = ownLatest ?? run.latest;
        return candidateEvents(run.events, expr, lo, hi).filter(test);
      },
    };
  },
};
