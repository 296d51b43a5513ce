/**
 * Text functions (https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/evaluation-functions/text-functions):
 * len, lower, upper, substr (1-based; a negative start counts from the end), replace
 * (PCRE, `\1` back-references), split, trim/ltrim/rtrim (with an optional character
 * set), urldecode, mvjoin; printf is in conversion.ts.
 */
import { compilePcre } from '../regex';
import { isMulti, toNumber, toText, toTexts, type EvalValue } from '../value';
import { eager, type FunctionSpec } from './types';

function mapText(v: EvalValue, fn: (s: string) => string): EvalValue {
  if (v === null) return null;
  if (isMulti(v)) return v.map(fn);
  return fn(toText(v) as string);
}

function trimSet(chars: string | null): string {
  return (chars ?? ' \t\n\r').replace(/[\\\]^-]/g, '\\$&');
}

/** Converts a PCRE replacement (`\1`, `\\`) to a JavaScript one (`$1`, `$$`). */
export function replacementFor(repl: string): string {
  let out = '';
  for (let i = 0; i < repl.length; i++) {
    const c = repl[i];
    if (c === '$') out += '$$';
    else if (c === '\\' && /\d/.test(repl[i + 1] ?? '')) {
      out += `$${repl[++i]}`;
    } else if (c === '\\' && repl[i + 1] === '\\') {
      out += '\\';
      i++;
    } else out += c;
  }
  return out;
}

export const textFunctions: Record<string, FunctionSpec> = {
  len: eager(1, 1, ([v]) => {
    const t = toText(v);
    return t === null ? null : [...t].length;
  }),
  lower: eager(1, 1, ([v]) => mapText(v, (s) => s.toLowerCase())),
  upper: eager(1, 1, ([v]) => mapText(v, (s) => s.toUpperCase())),
  substr: eager(2, 3, ([v, s, l]) => {
    const text = toText(v);
    const start = toNumber(s);
    if (text === null || start === null) return null;
    const chars = [...text];
    let from = start > 0 ? start - 1 : start < 0 ? chars.length + start : 0;
    if (from < 0) from = 0;
    const length = l === undefined || l === null ? undefined : toNumber(l);
    if (l !== undefined && l !== null && length === null) return null;
    const to = length === undefined ? chars.length : from + Math.max(0, length as number);
    return chars.slice(from, to).join('');
  }),
  replace: eager(3, 3, ([v, p, r]) => {
    const pattern = toText(p);
    const repl = toText(r);
    if (v === null || pattern === null || repl === null) return null;
    const { regex } = compilePcre(pattern, 'g');
    const js = replacementFor(repl);
    return mapText(v, (s) => s.replace(regex, js));
  }),
  split: eager(2, 2, ([v, d]) => {
    const text = toText(v);
    const delim = toText(d);
    if (text === null || delim === null) return null;
    const parts = delim === '' ? [...text] : text.split(delim);
    return parts.length === 1 ? parts[0] : parts;
  }),
  trim: eager(1, 2, ([v, c]) => {
    const set = trimSet(c === undefined ? null : toText(c));
    const re = new RegExp(`^[${set}]+|[${set}]+$`, 'g');
    return mapText(v, (s) => s.replace(re, ''));
  }),
  ltrim: eager(1, 2, ([v, c]) => {
    const re = new RegExp(`^[${trimSet(c === undefined ? null : toText(c))}]+`);
    return mapText(v, (s) => s.replace(re, ''));
  }),
  rtrim: eager(1, 2, ([v, c]) => {
    const re = new RegExp(`[${trimSet(c === undefined ? null : toText(c))}]+$`);
    return mapText(v, (s) => s.replace(re, ''));
  }),
  urldecode: eager(1, 1, ([v]) =>
    mapText(v, (s) => {
      const plus = s.replace(/\+/g, ' ');
      try {
        return decodeURIComponent(plus);
      } catch {
        return plus.replace(/%([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
      }
    }),
  ),
  mvjoin: eager(2, 2, ([v, d]) => {
    const delim = toText(d);
    if (v === null || delim === null) return null;
    return toTexts(v).join(delim);
  }),
};
