/**
 * The value model of eval/where and of the commands.
 *
 * Fields hold strings (or numbers, or arrays of ≥ 2 strings for multivalue). In an
 * expression a field value that looks like a number acts as a number while keeping its
 * text (`NumStr`), as Splunk's `typeof()` reports "Number" for numeric extracted fields;
 * a string literal stays a string ("5"+"3" concatenates). Booleans exist only inside
 * expressions; null is a missing value.
 */
import type { FieldValue, Row } from '../event';

export class NumStr {
  constructor(
    readonly num: number,
    readonly text: string,
  ) {}
}

export type EvalValue = null | string | number | boolean | NumStr | string[];

const NUMERIC = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export function looksNumeric(s: string): boolean {
  return s.length > 0 && s.length < 400 && NUMERIC.test(s);
}

/** Parses a numeric-looking string; NaN otherwise. Leading/trailing spaces are not numbers (unverified). */
export function parseNumber(s: string): number {
  return looksNumeric(s) ? Number(s) : NaN;
}

export function readField(row: Row, name: string): EvalValue {
  const v = row[name];
  if (v === undefined) return null;
  return fromField(v);
}

export function fromField(v: FieldValue): EvalValue {
  if (typeof v === 'string') return looksNumeric(v) ? new NumStr(Number(v), v) : v;
  if (typeof v === 'number') return v;
  return v.length === 0 ? null : v.length === 1 ? fromField(v[0]) : v;
}

/**
 * Formats a number as Splunk prints eval results: integers without a fraction,
 * others with up to 17 significant digits, trailing zeros dropped (unverified for very
 * large and very small magnitudes).
 */
export function formatNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0);
  if (!Number.isFinite(n)) return String(n);
  return String(n);
}

/** Text of a single value (first value of a multivalue); null stays null. */
export function toText(v: EvalValue): string | null {
  if (v === null) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof NumStr) return v.text;
  return v[0] ?? null;
}

/** Number of a value, or null when it is not numeric. Strings that look numeric count. */
export function toNumber(v: EvalValue): number | null {
  if (v === null) return null;
  if (typeof v === 'number') return Number.isNaN(v) ? null : v;
  if (v instanceof NumStr) return v.num;
  if (typeof v === 'string') {
    const n = parseNumber(v);
    return Number.isNaN(n) ? null : n;
  }
  if (typeof v === 'boolean') return null;
  return v.length ? toNumber(fromField(v[0])) : null;
}

export function isNumericValue(v: EvalValue): boolean {
  return typeof v === 'number' || v instanceof NumStr;
}

export function isMulti(v: EvalValue): v is string[] {
  return Array.isArray(v);
}

/** Values of a (possibly multi) value as strings; empty for null. */
export function toTexts(v: EvalValue): string[] {
  if (v === null) return [];
  if (Array.isArray(v)) return v;
  const t = toText(v);
  return t === null ? [] : [t];
}

/** Builds a value from a list of strings: null, single, or multivalue. */
export function fromTexts(values: string[]): EvalValue {
  if (values.length === 0) return null;
  if (values.length === 1) return values[0];
  return values;
}

/** Converts an expression result to what a field stores; booleans are rejected by the caller. */
export function toFieldValue(v: EvalValue): FieldValue | undefined {
  if (v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isNaN(v) ? undefined : v;
  if (v instanceof NumStr) return v.text;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return v.length === 0 ? undefined : v.length === 1 ? v[0] : v;
}

/** Text of a stored field value (for output, matching and sorting). */
export function fieldText(v: FieldValue): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatNumber(v);
  return v[0] ?? '';
}

export function fieldTexts(v: FieldValue | undefined): string[] {
  if (v === undefined) return [];
  if (typeof v === 'string') return [v];
  if (typeof v === 'number') return [formatNumber(v)];
  return v;
}

/**
 * Compares two single values for eval/where: numerically when both are numbers (or a
 * number and a numeric-looking string), otherwise as strings by code point.
 * Returns null when either side is null.
 */
export function compareValues(a: EvalValue, b: EvalValue): number | null {
  if (a === null || b === null) return null;
  const an = isNumericValue(a) ? toNumber(a) : null;
  const bn = isNumericValue(b) ? toNumber(b) : null;
  if (an !== null && bn !== null) return an < bn ? -1 : an > bn ? 1 : 0;
  if (an !== null || bn !== null) {
    const x = an !== null ? an : toNumber(a);
    const y = bn !== null ? bn : toNumber(b);
    if (x !== null && y !== null) return x < y ? -1 : x > y ? 1 : 0;
  }
  const s = toText(a) as string;
  const t = toText(b) as string;
  return s < t ? -1 : s > t ? 1 : 0;
}

/** Splunk's default sort order for mixed values: numbers (ascending) before strings (lexicographic). */
export function naturalCompare(a: string, b: string): number {
  const an = parseNumber(a);
  const bn = parseNumber(b);
  const aNum = !Number.isNaN(an);
  const bNum = !Number.isNaN(bn);
  if (aNum && bNum) return an - bn;
  if (aNum) return -1;
  if (bNum) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
