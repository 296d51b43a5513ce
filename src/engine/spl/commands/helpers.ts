/** Small helpers shared by command modules. */
import type { FieldValue, Row } from '../../event';
import { ParseFailure } from '../errors';
import { topLevelTimes, type SearchNode } from '../searchExpr';
import { resolveTimeModifier } from '../time/relative';
import { TimeError } from '../time/zone';
import { fieldTexts } from '../value';
import { wildcardRegex } from '../wildcard';
import type { ParseContext } from './types';

/** Combinations of by-field values for a row (one per multivalue combination); null when a field is missing. */
export function groupCombos(row: Row, fields: readonly string[]): string[][] | null {
  let combos: string[][] = [[]];
  for (const f of fields) {
    const values = fieldTexts(row[f]);
    if (values.length === 0) return null;
    if (values.length === 1) {
      for (const c of combos) c.push(values[0]);
    } else {
      const next: string[][] = [];
      for (const c of combos) for (const v of values) next.push([...c, v]);
      combos = next;
    }
  }
  return combos;
}

export function keyOf(values: readonly string[]): string {
  return values.length === 1 ? values[0] : values.join('\u0000');
}

/** Wildcard field-name pattern (`Processes.*`, `*_time`); returns the captured parts or null. */
export function fieldPattern(pattern: string): RegExp {
  return wildcardRegex(pattern, '', '(.*)');
}

/** Field names of a row set in first-seen order. */
export function fieldNames(rows: readonly Row[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const k in row) if (row[k] !== undefined) seen.add(k);
  return [...seen];
}

export function setField(row: Row, name: string, value: FieldValue | undefined): void {
  if (value === undefined) delete row[name];
  else row[name] = value;
}

/**
 * The top-level `earliest=`/`latest=` of a base search (they replace the dispatch window's
 * bounds), resolved against the search's now; a bad modifier fails at the command, its
 * message prefixed with `label(which)`.
 */
export function ownTimeBounds(node: SearchNode, ctx: ParseContext, label: (which: 'earliest' | 'latest') => string): { earliest?: number; latest?: number } {
  const times = topLevelTimes(node);
  const resolve = (which: 'earliest' | 'latest'): number | undefined => {
    const spec = times[which];
    if (spec === undefined) return undefined;
    try {
      return resolveTimeModifier(spec, ctx.now, ctx.zone);
    } catch (e) {
      if (e instanceof TimeError) throw new ParseFailure(`${label(which)}: ${e.message}`, ctx.node.argsStart);
      throw e;
    }
  };
  return { earliest: resolve('earliest'), latest: resolve('latest') };
}
