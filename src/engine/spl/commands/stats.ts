/**
 * `stats <aggregates> [BY fields]`: one row per distinct combination of the BY values
 * (a multivalue BY field puts the row in a group per value — unverified), rows with a
 * missing BY field are left out, output rows hold the BY fields then the aggregates,
 * ordered by the BY values (stats command page,
 * https://help.splunk.com/splunk-enterprise/spl-search-reference/9.2/search-commands/stats).
 */
import type { FieldValue, Row } from '../../event';
import { createAggregator, type AggregateSpec, type Aggregator } from '../aggregate';
import { TokenStream } from '../args';
import { parseAggregates, parseBy } from '../statsArgs';
import { naturalCompare } from '../value';
import { groupCombos, keyOf } from './helpers';
import type { Command, CommandDefinition } from './types';

export interface Group {
  values: string[];
  /** The BY values as output: numbers stay numbers (e.g. a binned _time). */
  output?: Array<string | number>;
  aggregators: Aggregator[];
}

/** Groups rows and feeds every aggregator; returns groups in first-seen order. */
export function aggregate(rows: readonly Row[], specs: readonly AggregateSpec[], by: readonly string[], fill?: string): Group[] {
  const groups = new Map<string, Group>();
  for (const row of rows) {
    let combos = groupCombos(row, by);
    if (combos === null) {
      if (fill === undefined) continue;
      combos = groupCombos(fillBy(row, by, fill), by) as string[][];
    }
    for (const combo of combos) {
      const key = keyOf(combo);
      let g = groups.get(key);
      if (!g) {
        g = { values: combo, output: by.map((f, i) => (typeof row[f] === 'number' ? (row[f] as number) : combo[i])), aggregators: specs.map(createAggregator) };
        groups.set(key, g);
      }
      for (const a of g.aggregators) a.add(row);
    }
  }
  return [...groups.values()];
}

/** Stats without BY: one group of all rows, there (count=0) even when there are none. */
export function aggregateAll(rows: readonly Row[], specs: readonly AggregateSpec[]): Group {
  const aggregators = specs.map(createAggregator);
  for (const row of rows) for (const a of aggregators) a.add(row);
  return { values: [], aggregators };
}

/** Writes each aggregate's result into `row` under its output name (an undefined result writes nothing); returns `row`. */
export function putAggregates(row: Row, specs: readonly AggregateSpec[], results: readonly (FieldValue | undefined)[]): Row {
  specs.forEach((s, i) => {
    if (results[i] !== undefined) row[s.as] = results[i];
  });
  return row;
}

function fillBy(row: Row, by: readonly string[], fill: string): Row {
  const copy: Row = { ...row };
  for (const f of by) if (copy[f] === undefined) copy[f] = fill;
  return copy;
}

export function compareGroups(a: Group, b: Group): number {
  for (let i = 0; i < a.values.length; i++) {
    const c = naturalCompare(a.values[i], b.values[i]);
    if (c !== 0) return c;
  }
  return 0;
}

export function groupRows(groups: Group[], specs: readonly AggregateSpec[], by: readonly string[], sort = true): Row[] {
  const ordered = sort ? [...groups].sort(compareGroups) : groups;
  return ordered.map((g) => {
    const row: Row = {};
    by.forEach((f, i) => (row[f] = g.output?.[i] ?? g.values[i]));
    return putAggregates(row, specs, g.aggregators.map((a) => a.result()));
  });
}

export const statsCommand: CommandDefinition = {
  name: 'stats',
  generating: false,
  parse(ctx): Command {
    const stream = TokenStream.forCommand(ctx.text, ctx.node);
    stream.options(['partitions', 'allnum', 'delim', 'dedup_splitvals'], false);
    const specs = parseAggregates(stream, ctx.text, ctx.evalContext, ['by']);
    if (specs.length === 0) stream.fail('expected at least one statistical function, e.g. count');
    const by = parseBy(stream).map((t) => t.value);
    stream.expectEnd();
    return {
      name: 'stats',
      run(input: Row[]): Row[] {
        return groupRows(by.length === 0 ? [aggregateAll(input, specs)] : aggregate(input, specs, by), specs, by);
      },
    };
  },
};
