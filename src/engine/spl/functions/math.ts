/**
 * Mathematical functions (https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/evaluation-functions/mathematical-functions)
 * and min/max (statistical eval functions). round() rounds half away from zero (unverified).
 */
import { compareValues, isMulti, parseNumber, toNumber, toTexts, type EvalValue } from '../value';
import { eager, type FunctionSpec } from './types';

function num1(fn: (n: number) => number): FunctionSpec {
  return eager(1, 1, ([v]) => {
    const n = toNumber(v);
    if (n === null) return null;
    const r = fn(n);
    return Number.isFinite(r) ? r : null;
  });
}

export function roundTo(n: number, digits: number): number {
  const f = 10 ** digits;
  const r = Math.round(Math.abs(n) * f + Number.EPSILON * Math.abs(n) * f) / f;
  return n < 0 ? -r : r;
}

/** min()/max(): numbers compare numerically and come before strings (unverified). */
function extreme(values: EvalValue[], sign: 1 | -1): EvalValue {
  let best: EvalValue = null;
  for (const v of values) {
    const list: EvalValue[] = isMulti(v) ? toTexts(v) : [v];
    for (const item of list) {
      if (item === null) continue;
      if (best === null) {
        best = item;
        continue;
      }
      const a = typeof item === 'string' && !Number.isNaN(parseNumber(item)) ? parseNumber(item) : item;
      const b = typeof best === 'string' && !Number.isNaN(parseNumber(best)) ? parseNumber(best) : best;
      const aNum = toNumber(a) !== null && typeof a !== 'string';
      const bNum = toNumber(b) !== null && typeof b !== 'string';
      let cmp: number;
      if (aNum && !bNum) cmp = -1;
      else if (!aNum && bNum) cmp = 1;
      else cmp = compareValues(a, b) ?? 0;
      if (cmp * sign > 0) best = item;
    }
  }
  return best;
}

export const mathFunctions: Record<string, FunctionSpec> = {
  abs: num1(Math.abs),
  ceiling: num1(Math.ceil),
  ceil: num1(Math.ceil),
  floor: num1(Math.floor),
  exp: num1(Math.exp),
  ln: num1(Math.log),
  sqrt: num1(Math.sqrt),
  log: eager(1, 2, ([v, b]) => {
    const n = toNumber(v);
    const base = b === undefined ? 10 : toNumber(b);
    if (n === null || base === null || n <= 0) return null;
    return Math.log(n) / Math.log(base);
  }),
  pow: eager(2, 2, ([a, b]) => {
    const x = toNumber(a);
    const y = toNumber(b);
    return x === null || y === null ? null : x ** y;
  }),
  pi: eager(0, 0, () => Math.PI),
  round: eager(1, 2, ([v, d]) => {
    const n = toNumber(v);
    const digits = d === undefined ? 0 : toNumber(d);
    if (n === null || digits === null) return null;
    return roundTo(n, digits);
  }),
  exact: eager(1, 1, ([v]) => v),
  max: eager(1, Infinity, (values) => extreme(values, 1)),
  min: eager(1, Infinity, (values) => extreme(values, -1)),
  random: eager(0, 0, () => Math.floor(Math.random() * 2 ** 31)),
};
