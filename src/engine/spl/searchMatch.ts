/**
 * Compiles a search expression into a predicate over rows, once per search.
 * Semantics (search command, https://help.splunk.com/splunk-enterprise/spl-search-reference/9.2/search-commands/search ;
 * "Difference between NOT and !=", https://docs.splunk.com/Documentation/Splunk/9.0.2/Search/NOTexpressions):
 * - `field=value` matches the whole value, case-insensitively, `*` matching any run of
 *   characters; a multivalue field matches when any value matches; `field=*` means the
 *   field exists; an IPv4/IPv6 CIDR value matches addresses in the range;
 * - `field!=value` needs the field to exist (and no value to match); `NOT field=value`
 *   also keeps events without the field;
 * - `< <= > >=` compare numerically when both sides are numbers, else as strings;
 * - bare terms and quoted phrases match `_raw` by segmentation (segment.ts); when a row
 *   has no `_raw` (after a transforming command) they match any field value (unverified);
 * - earliest=/latest= filter on `_time`.
 */
import type { Zone } from 'luxon';
import type { Row } from '../event';
import { cidrTest, looksLikeCidr } from './cidr';
import { ParseFailure } from './errors';
import type { SubsearchNode } from './pipeline';
import type { CompareOp, SearchNode } from './searchExpr';
import { termMatcher } from './segment';
import { resolveTimeModifier } from './time/relative';
import { TimeError } from './time/zone';
import { fieldTexts, parseNumber } from './value';
import { wildcardRegex } from './wildcard';

export type RowPredicate = (row: Row) => boolean;

export interface SearchCompileContext {
  now: number;
  zone: Zone;
  /** Runs a subsearch and returns its result as a parsed search expression. */
  resolveSubsearch?: (sub: SubsearchNode) => SearchNode;
}

export function compileSearch(node: SearchNode, ctx: SearchCompileContext): RowPredicate {
  switch (node.kind) {
    case 'all':
      return () => true;
    case 'and': {
      const parts = node.items.map((n) => compileSearch(n, ctx));
      if (parts.length === 2) {
        const [a, b] = parts;
        return (row) => a(row) && b(row);
      }
      return (row) => {
        for (const p of parts) if (!p(row)) return false;
        return true;
      };
    }
    case 'or': {
      const parts = node.items.map((n) => compileSearch(n, ctx));
      return (row) => {
        for (const p of parts) if (p(row)) return true;
        return false;
      };
    }
    case 'not': {
      const inner = compileSearch(node.item, ctx);
      return (row) => !inner(row);
    }
    case 'term':
      return compileTerm(node.text, node.caseSensitive, node.exact);
    case 'compare':
      return compileCompare(node.field, node.op, node.value, node.caseSensitive);
    case 'in': {
      const matchers = node.values.map((v) => valueMatcher(v, false));
      const field = node.field;
      return (row) => {
        const values = fieldTexts(row[field]);
        for (const v of values) for (const m of matchers) if (m(v)) return true;
        return false;
      };
    }
    case 'time': {
      let t: number;
      try {
        t = resolveTimeModifier(node.value, ctx.now, ctx.zone);
      } catch (e) {
        if (e instanceof TimeError) throw new ParseFailure(e.message, node.start);
        throw e;
      }
      return node.which === 'earliest' ? (row) => timeOf(row) >= t : (row) => timeOf(row) < t;
    }
    case 'subsearch': {
      if (!ctx.resolveSubsearch) throw new ParseFailure('subsearches are not available here', node.start);
      return compileSearch(ctx.resolveSubsearch(node.subsearch), ctx);
    }
  }
}

function timeOf(row: Row): number {
  const t = row._time;
  return typeof t === 'number' ? t : typeof t === 'string' ? Number(t) : NaN;
}

function compileTerm(text: string, caseSensitive: boolean, exact: boolean): RowPredicate {
  const match = termMatcher(text, { caseSensitive, exact });
  return (row) => {
    const raw = row._raw;
    if (typeof raw === 'string') return match(raw);
    if (raw !== undefined) return fieldTexts(raw).some(match);
    for (const key in row) {
      const v = row[key];
      if (v !== undefined && fieldTexts(v).some(match)) return true;
    }
    return false;
  };
}

/** A test of one field value against a search value (wildcards, case, CIDR). */
export function valueMatcher(value: string, caseSensitive: boolean): (text: string) => boolean {
  if (value === '*') return () => true;
  if (value.includes('*')) {
    const re = wildcardRegex(value, caseSensitive ? '' : 'i');
    return (text) => re.test(text);
  }
  if (looksLikeCidr(value)) {
    const test = cidrTest(value);
    if (test) return (text) => test(text) || text.toLowerCase() === value.toLowerCase();
  }
  if (caseSensitive) return (text) => text === value;
  const lower = value.toLowerCase();
  return (text) => text.length === lower.length && text.toLowerCase() === lower;
}

function compileCompare(field: string, op: CompareOp, value: string, caseSensitive: boolean): RowPredicate {
  if (op === '=' || op === '!=') {
    const match = valueMatcher(value, caseSensitive);
    if (op === '=') {
      return (row) => {
        const v = row[field];
        if (v === undefined) return false;
        if (typeof v === 'string') return match(v);
        for (const t of fieldTexts(v)) if (match(t)) return true;
        return false;
      };
    }
    return (row) => {
      const v = row[field];
      if (v === undefined) return false;
      for (const t of fieldTexts(v)) if (match(t)) return false;
      return true;
    };
  }
  const num = parseNumber(value);
  const test = (cmp: number) => (op === '<' ? cmp < 0 : op === '<=' ? cmp <= 0 : op === '>' ? cmp > 0 : cmp >= 0);
  return (row) => {
    for (const t of fieldTexts(row[field])) {
      const n = parseNumber(t);
      const cmp = !Number.isNaN(n) && !Number.isNaN(num) ? n - num : t < value ? -1 : t > value ? 1 : 0;
      if (test(cmp)) return true;
    }
    return false;
  };
}
