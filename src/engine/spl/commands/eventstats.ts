/**
 * `eventstats <aggregates> [BY fields]`: the stats of the whole result set (or of each
 * BY group) added to every row; rows without a BY field get nothing (unverified)
 * (https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/eventstats).
 */
import type { Row } from '../../event';
import { TokenStream } from '../args';
import { parseAggregates, parseBy } from '../statsArgs';
import { groupCombos, keyOf } from './helpers';
import { aggregate, aggregateAll, putAggregates } from './stats';
import type { Command, CommandDefinition } from './types';

export const eventstatsCommand: CommandDefinition = {
  name: 'eventstats',
  generating: false,
  parse(ctx): Command {
    const stream = TokenStream.forCommand(ctx.text, ctx.node);
    stream.options(['allnum'], false);
    const specs = parseAggregates(stream, ctx.text, ctx.evalContext, ['by']);
    if (specs.length === 0) stream.fail('expected at least one statistical function, e.g. count');
    const by = parseBy(stream).map((t) => t.value);
    stream.expectEnd();
    return {
      name: 'eventstats',
      run(input: Row[]): Row[] {
        if (by.length === 0) {
          const results = aggregateAll(input, specs).aggregators.map((a) => a.result());
          return input.map((row) => putAggregates({ ...row }, specs, results));
        }
        const groups = new Map(aggregate(input, specs, by).map((g) => [keyOf(g.values), g.aggregators.map((a) => a.result())]));
        return input.map((row) => {
          const combos = groupCombos(row, by);
          if (!combos) return row;
          const results = groups.get(keyOf(combos[0]));
          if (!results) return row;
          return putAggregates({ ...row }, specs, results);
        });
      },
    };
  },
};
