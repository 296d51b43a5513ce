/**
 * Multivalue functions (https://help.splunk.com/splunk-enterprise/spl-search-reference/9.0/evaluation-functions/multivalue-eval-functions):
 * mvcount, mvindex (0-based, end inclusive, negative from the end), mvjoin (text.ts),
 * mvappend (flattens), mvfilter (predicate over each value of the one field it names),
 * mvdedup, mvsort (lexicographic), mvfind, mvzip, mvrange, split (text.ts).
 */
import type { Row } from '../../event';
import { walkEval } from '../evalExpr';
import { compilePcre } from '../regex';
import { fromTexts, toNumber, toText, toTexts, type EvalValue } from '../value';
import { truth } from './conditional';
import { eager, type FunctionSpec } from './types';

export const multivalueFunctions: Record<string, FunctionSpec> = {
  mvcount: eager(1, 1, ([v]) => (v === null ? null : toTexts(v).length)),
  mvindex: eager(2, 3, ([v, s, e]) => {
    if (v === null) return null;
    const values = toTexts(v);
    const n = values.length;
    let start = toNumber(s);
    if (start === null) return null;
    if (start < 0) start += n;
    if (start < 0 || start >= n) return null;
    if (e === undefined) return values[start];
    let end = toNumber(e);
    if (end === null) return null;
    if (end < 0) end += n;
    if (end >= n) end = n - 1;
    if (end < start) return null;
    return fromTexts(values.slice(start, end + 1));
  }),
  mvappend: eager(1, Infinity, (values) => fromTexts(values.flatMap((v) => toTexts(v)))),
  mvdedup: eager(1, 1, ([v]) => (v === null ? null : fromTexts([...new Set(toTexts(v))]))),
  mvsort: eager(1, 1, ([v]) => (v === null ? null : fromTexts([...toTexts(v)].sort()))),
  mvfind: eager(2, 2, ([v, p]) => {
    const pattern = toText(p);
    if (v === null || pattern === null) return null;
    const { regex } = compilePcre(pattern);
    const i = toTexts(v).findIndex((s) => regex.test(s));
    return i < 0 ? null : i;
  }),
  mvzip: eager(2, 3, ([a, b, d]) => {
    if (a === null || b === null) return null;
    const delim = d === undefined ? ',' : toText(d) ?? ',';
    const x = toTexts(a);
    const y = toTexts(b);
    const n = Math.min(x.length, y.length);
    return fromTexts(Array.from({ length: n }, (_, i) => `${x[i]}${delim}${y[i]}`));
  }),
  mvrange: eager(2, 3, ([s, e, st]) => {
    const start = toNumber(s);
    const end = toNumber(e);
    const step = st === undefined ? 1 : toNumber(st);
    if (start === null || end === null || step === null || step <= 0) return null;
    const out: string[] = [];
    for (let x = start; x < end && out.length < 10000; x += step) out.push(String(x));
    return fromTexts(out);
  }),
  mvfilter: {
    min: 1,
    max: 1,
    result: 'value',
    compile([predicate], [node], _ctx, fail) {
      const fields = new Set<string>();
      walkEval(node, (n) => {
        if (n.kind === 'field') fields.add(n.name);
      });
      if (fields.size !== 1) fail('mvfilter() needs an expression that names exactly one field', node);
      const [field] = [...fields];
      return (row) => {
        const values = toTexts(row[field] === undefined ? null : (row[field] as EvalValue));
        const kept = values.filter((value) => {
          const scoped: Row = Object.create(row);
          scoped[field] = value;
          return truth(predicate(scoped)) === true;
        });
        return fromTexts(kept);
      };
    },
  },
};
