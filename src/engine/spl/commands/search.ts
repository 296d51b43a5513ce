/**
 * `search` (initial and piped). The initial search selects loaded events inside the
 * dispatch window; `earliest=`/`latest=` in its top level replace the window's bounds
 * (search command page, time modifiers). Piped, it filters the rows.
 */
import type { Row } from '../../event';
import { TokenStream } from '../args';
import { ParseFailure } from '../errors';
import { compileSearch, type RowPredicate } from '../searchMatch';
import { containsSubsearch, parseSearchExpression, type SearchNode } from '../searchExpr';
import { candidateEvents } from '../eventIndex';
import { ownTimeBounds } from './helpers';
import type { Command, CommandDefinition, ParseContext, RunContext } from './types';

export function parseSearchArgs(ctx: ParseContext): SearchNode {
  const stream = TokenStream.forCommand(ctx.text, ctx.node);
  const node = parseSearchExpression(stream);
  stream.expectEnd();
  return node;
}

export const searchCommand: CommandDefinition = {
  name: 'search',
  parse(ctx): Command {
    const expr = parseSearchArgs(ctx);
    if (ctx.first && expr.kind === 'all') throw new ParseFailure('empty search: give search terms, e.g. index=main', ctx.node.start);
    const predicate: RowPredicate | undefined = containsSubsearch(expr) ? undefined : compileSearch(expr, { now: ctx.now, zone: ctx.zone });
    const own = ownTimeBounds(expr, ctx, (which) => which);
    const first = ctx.first;
    return {
      name: 'search',
      generating: first,
      expressions: { searches: [{ node: expr, base: first, own }] },
      run(input: Row[], run: RunContext): Row[] {
        const test = predicate ?? compileSearch(expr, { now: run.now, zone: run.zone, resolveSubsearch: (sub) => run.subsearchExpression(sub.pipeline) });
        if (!first) {
          // Data-model constraints filter the whole event set: let the index narrow it.
          const source = (input as readonly Row[]) === run.events ? candidateEvents(run.events, expr) : input;
          return source.filter(test);
        }
        const lo = own.earliest ?? run.earliest;
        const hi = own.latest ?? run.latest;
        return candidateEvents(run.events, expr, lo, hi).filter(test);
      },
    };
  },
};
