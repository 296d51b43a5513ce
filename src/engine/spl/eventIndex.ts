/**
 * Narrows the events a base search has to test, as Splunk's index does: the dispatch
 * window by binary search over the newest-first events, and `sourcetype`, `source`,
 * `index`, `host` and `tag` conditions of the search by per-value buckets built once per
 * event set. The result is a superset of the matching events (the search's own
 * predicate still decides), in the original order.
 */
import type { Row } from '../event';
import type { SearchNode } from './searchExpr';
import { fieldTexts } from './value';
import { wildcardRegex } from './wildcard';

const INDEXED = new Set(['sourcetype', 'source', 'index', 'host', 'tag']);

type Buckets = Map<string, number[]>;

const indexes = new WeakMap<readonly Row[], Map<string, Buckets>>();

function bucketsFor(events: readonly Row[], field: string): Buckets {
  let perField = indexes.get(events);
  if (!perField) {
    perField = new Map();
    indexes.set(events, perField);
  }
  let buckets = perField.get(field);
  if (!buckets) {
    buckets = new Map();
    for (let i = 0; i < events.length; i++) {
      for (const v of fieldTexts(events[i][field])) {
        const key = v.toLowerCase();
        let list = buckets.get(key);
        if (!list) buckets.set(key, (list = []));
        if (list[list.length - 1] !== i) list.push(i);
      }
    }
    perField.set(field, buckets);
  }
  return buckets;
}

function wildcardTest(value: string): (key: string) => boolean {
  const re = wildcardRegex(value.toLowerCase());
  return (key) => re.test(key);
}

/** Positions (ascending) that may match `value` of an indexed field; undefined = no narrowing. */
function positionsForValue(events: readonly Row[], field: string, value: string): number[] | undefined {
  if (value === '*') return undefined;
  const buckets = bucketsFor(events, field);
  if (!value.includes('*')) return buckets.get(value.toLowerCase()) ?? [];
  const test = wildcardTest(value);
  const lists: number[][] = [];
  for (const [key, list] of buckets) if (test(key)) lists.push(list);
  return mergeSorted(lists);
}

function mergeSorted(lists: number[][]): number[] {
  if (lists.length === 0) return [];
  if (lists.length === 1) return lists[0];
  const out = ([] as number[]).concat(...lists);
  out.sort((a, b) => a - b);
  const unique: number[] = [];
  for (const n of out) if (unique[unique.length - 1] !== n) unique.push(n);
  return unique;
}

/** Positions that may satisfy `node`; undefined when the node cannot narrow. */
function positions(events: readonly Row[], node: SearchNode): number[] | undefined {
  switch (node.kind) {
    case 'compare':
      if (node.op !== '=' || node.caseSensitive || !INDEXED.has(node.field)) return undefined;
      return positionsForValue(events, node.field, node.value);
    case 'in': {
      if (!INDEXED.has(node.field)) return undefined;
      const lists: number[][] = [];
      for (const v of node.values) {
        const p = positionsForValue(events, node.field, v);
        if (!p) return undefined;
        lists.push(p);
      }
      return mergeSorted(lists);
    }
    case 'and': {
      let best: number[] | undefined;
      for (const item of node.items) {
        const p = positions(events, item);
        if (p && (!best || p.length < best.length)) best = p;
      }
      return best;
    }
    case 'or': {
      const lists: number[][] = [];
      for (const item of node.items) {
        const p = positions(events, item);
        if (!p) return undefined;
        lists.push(p);
      }
      return mergeSorted(lists);
    }
    default:
      return undefined;
  }
}

function timeOf(row: Row): number {
  const t = row._time;
  return typeof t === 'number' ? t : Number(t);
}

/** First position whose _time is < bound (events newest first). */
function firstBefore(events: readonly Row[], bound: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (timeOf(events[mid]) < bound) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Events (newest first) within [earliest, latest) that may satisfy `node`. `events` must be
 * sorted newest first.
 */
export function candidateEvents<T extends Row>(events: readonly T[], node: SearchNode, earliest?: number, latest?: number): T[] {
  const start = latest === undefined ? 0 : firstBefore(events, latest);
  const end = earliest === undefined ? events.length : firstBefore(events, earliest);
  const narrowed = positions(events, node);
  if (!narrowed) return events.slice(start, end);
  const out: T[] = [];
  let i = lowerBound(narrowed, start);
  for (; i < narrowed.length && narrowed[i] < end; i++) out.push(events[narrowed[i]]);
  return out;
}

function lowerBound(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
