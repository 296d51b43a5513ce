/**
 * Statistical functions of stats, eventstats, streamstats and tstats
 * (https://help.splunk.com/splunk-enterprise/spl-search-reference/9.2/search-commands/stats ;
 * event order functions: https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/statistical-and-charting-functions/event-order-functions ;
 * multivalue functions: https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/statistical-and-charting-functions/multivalue-stats-and-chart-functions):
 * count, count(f) (values of f), dc, values (distinct, lexicographic), list (first 100
 * in order), min/max (numeric when any value is numeric, else lexicographic —
 * unverified for mixes), sum, avg, median, mode, range, stdev, var, perc<N>,
 * first/last (in result order), earliest/latest (by _time), earliest_time/latest_time.
 */
import type { FieldValue, Row } from '../event';
import type { EvalFn } from './functions/types';
import { truth } from './functions/conditional';
import { fieldTexts, parseNumber } from './value';

export interface Aggregator {
  add(row: Row): void;
  result(): FieldValue | undefined;
}

export interface AggregateSpec {
  /** Canonical function name (`count`, `dc`, `values`, `perc`, …). */
  func: string;
  /** Field argument (absent for bare `count`). */
  field?: string;
  /** `func(eval(expr))`: the expression replaces the field. */
  expr?: EvalFn;
  /** Percentile for perc<N>. */
  percentile?: number;
  /** Output field name. */
  as: string;
}

const ALIASES: Record<string, string> = { c: 'count', distinct_count: 'dc', mean: 'avg' };

export const AGGREGATE_FUNCTIONS = new Set([
  'count', 'dc', 'values', 'list', 'min', 'max', 'sum', 'avg', 'median', 'mode', 'range', 'stdev', 'stdevp', 'var', 'varp',
  'first', 'last', 'earliest', 'latest', 'earliest_time', 'latest_time', 'perc', 'sumsq',
]);

/** Canonical name and percentile of a written function name; undefined when unknown. */
export function canonicalAggregate(name: string): { func: string; percentile?: number } | undefined {
  const lower = name.toLowerCase();
  const perc = /^(?:perc|p|exactperc|upperperc)(\d+(?:\.\d+)?)$/.exec(lower);
  if (perc) return { func: 'perc', percentile: Number(perc[1]) };
  const func = ALIASES[lower] ?? lower;
  return AGGREGATE_FUNCTIONS.has(func) ? { func } : undefined;
}

/** Values an aggregate sees for one row: the field's values, or the eval result. */
function valuesOf(spec: AggregateSpec, row: Row): string[] {
  if (spec.expr) {
    const v = spec.expr(row);
    if (v === null) return [];
    if (typeof v === 'boolean') return v ? ['1'] : [];
    if (Array.isArray(v)) return v;
    return fieldTexts(typeof v === 'object' ? v.text : v);
  }
  return spec.field === undefined ? [] : fieldTexts(row[spec.field]);
}

function timeOf(row: Row): number {
  const t = row._time;
  return typeof t === 'number' ? t : typeof t === 'string' ? Number(t) : NaN;
}

function numbers(values: string[]): number[] {
  const out: number[] = [];
  for (const v of values) {
    const n = parseNumber(v);
    if (!Number.isNaN(n)) out.push(n);
  }
  return out;
}

function mv(values: string[]): FieldValue | undefined {
  return values.length === 0 ? undefined : values.length === 1 ? values[0] : values;
}

export function createAggregator(spec: AggregateSpec): Aggregator {
  const vals = (row: Row) => valuesOf(spec, row);
  switch (spec.func) {
    case 'count': {
      let n = 0;
      if (spec.field === undefined && !spec.expr) return { add: () => void n++, result: () => n };
      if (spec.expr) {
        const expr = spec.expr;
        return {
          add(row) {
            const v = expr(row);
            if (typeof v === 'boolean' ? truth(v) === true : v !== null) n++;
          },
          result: () => n,
        };
      }
      return { add: (row) => void (n += vals(row).length), result: () => n };
    }
    case 'dc': {
      const seen = new Set<string>();
      return { add: (row) => vals(row).forEach((v) => seen.add(v)), result: () => seen.size };
    }
    case 'values': {
      const seen = new Set<string>();
      return { add: (row) => vals(row).forEach((v) => seen.add(v)), result: () => mv([...seen].sort()) };
    }
    case 'list': {
      const list: string[] = [];
      return {
        add(row) {
          for (const v of vals(row)) if (list.length < 100) list.push(v);
        },
        result: () => mv(list),
      };
    }
    case 'min':
    case 'max': {
      const sign = spec.func === 'max' ? 1 : -1;
      let bestNum: number | undefined;
      let bestNumText = '';
      let bestStr: string | undefined;
      return {
        add(row) {
          for (const v of vals(row)) {
            const n = parseNumber(v);
            if (!Number.isNaN(n)) {
              if (bestNum === undefined || (n - bestNum) * sign > 0) {
                bestNum = n;
                bestNumText = v;
              }
            } else if (bestStr === undefined || (v > bestStr ? 1 : v < bestStr ? -1 : 0) * sign > 0) bestStr = v;
          }
        },
        result: () => (bestNum !== undefined ? (Number.isInteger(bestNum) ? bestNum : Number(bestNumText)) : bestStr),
      };
    }
    case 'sum':
    case 'sumsq': {
      let sum = 0;
      let any = false;
      const sq = spec.func === 'sumsq';
      return {
        add(row) {
          for (const n of numbers(vals(row))) {
            sum += sq ? n * n : n;
            any = true;
          }
        },
        result: () => (any ? sum : undefined),
      };
    }
    case 'avg': {
      let sum = 0;
      let count = 0;
      return {
        add(row) {
          for (const n of numbers(vals(row))) {
            sum += n;
            count++;
          }
        },
        result: () => (count ? sum / count : undefined),
      };
    }
    case 'range': {
      let lo = Infinity;
      let hi = -Infinity;
      return {
        add(row) {
          for (const n of numbers(vals(row))) {
            if (n < lo) lo = n;
            if (n > hi) hi = n;
          }
        },
        result: () => (lo === Infinity ? undefined : hi - lo),
      };
    }
    case 'median':
    case 'perc': {
      const all: number[] = [];
      const p = spec.func === 'median' ? 50 : (spec.percentile as number);
      return {
        add: (row) => void all.push(...numbers(vals(row))),
        result() {
          if (!all.length) return undefined;
          const sorted = [...all].sort((a, b) => a - b);
          // nearest-rank on the sorted values (unverified: Splunk's perc approximates)
          const rank = Math.max(0, Math.min(sorted.length - 1, Math.round((p / 100) * (sorted.length - 1))));
          return sorted[rank];
        },
      };
    }
    case 'mode': {
      const counts = new Map<string, number>();
      return {
        add: (row) => vals(row).forEach((v) => counts.set(v, (counts.get(v) ?? 0) + 1)),
        result() {
          let best: string | undefined;
          let n = 0;
          for (const [v, c] of counts) if (c > n) [best, n] = [v, c];
          return best;
        },
      };
    }
    case 'stdev':
    case 'stdevp':
    case 'var':
    case 'varp': {
      const all: number[] = [];
      const population = spec.func.endsWith('p');
      const root = spec.func.startsWith('stdev');
      return {
        add: (row) => void all.push(...numbers(vals(row))),
        result() {
          const n = all.length;
          if (n === 0 || (!population && n < 2)) return undefined;
          const mean = all.reduce((a, b) => a + b, 0) / n;
          const ss = all.reduce((a, b) => a + (b - mean) ** 2, 0);
          const variance = ss / (population ? n : n - 1);
          return root ? Math.sqrt(variance) : variance;
        },
      };
    }
    case 'first': {
      let value: FieldValue | undefined;
      return {
        add(row) {
          if (value !== undefined) return;
          const v = vals(row);
          if (v.length) value = mv(v);
        },
        result: () => value,
      };
    }
    case 'last': {
      let value: FieldValue | undefined;
      return {
        add(row) {
          const v = vals(row);
          if (v.length) value = mv(v);
        },
        result: () => value,
      };
    }
    case 'earliest':
    case 'latest':
    case 'earliest_time':
    case 'latest_time': {
      const wantLatest = spec.func.startsWith('latest');
      const timeOnly = spec.func.endsWith('_time');
      let bestTime: number | undefined;
      let value: FieldValue | undefined;
      return {
        add(row) {
          const v = vals(row);
          if (!v.length) return;
          const t = timeOf(row);
          if (Number.isNaN(t)) return;
          if (bestTime === undefined || (wantLatest ? t > bestTime : t < bestTime)) {
            bestTime = t;
            value = mv(v);
          }
        },
        result: () => (timeOnly ? bestTime : value),
      };
    }
    default:
      throw new Error(`no aggregator for ${spec.func}`);
  }
}
