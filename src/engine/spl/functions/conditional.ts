/**
 * Comparison and conditional functions
 * (https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/evaluation-functions/comparison-and-conditional-functions):
 * if, case, coalesce, nullif, validate, like, match, cidrmatch, in, searchmatch, null,
 * true, false. A null condition counts as false.
 */
import { cidrTest } from '../cidr';
import { compilePcre } from '../regex';
import { isMulti, toText, toTexts, type EvalValue } from '../value';
import { eager, EvalRuntimeError, type FunctionSpec } from './types';

export function truth(v: EvalValue): boolean | null {
  if (v === null) return null;
  if (typeof v === 'boolean') return v;
  throw new EvalRuntimeError(`expected a boolean (a comparison or a function such as like() or isnull()), got ${describe(v)}`);
}

export function describe(v: EvalValue): string {
  if (isMulti(v)) return `the multivalue (${v.slice(0, 3).map((s) => `"${s}"`).join(', ')}${v.length > 3 ? ', …' : ''})`;
  if (typeof v === 'string') return `the string "${v}"`;
  return `the value ${toText(v)}`;
}

const likeCache = new Map<string, RegExp>();

/** SQL LIKE: `%` any run, `_` one character, the whole value; case-sensitive (unverified). */
export function likeRegex(pattern: string): RegExp {
  let re = likeCache.get(pattern);
  if (!re) {
    let src = '';
    for (const c of pattern) src += c === '%' ? '[\\s\\S]*' : c === '_' ? '[\\s\\S]' : c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
    re = new RegExp(`^${src}$`);
    if (likeCache.size > 2000) likeCache.clear();
    likeCache.set(pattern, re);
  }
  return re;
}

export function likeValue(value: EvalValue, pattern: EvalValue): boolean | null {
  const p = toText(pattern);
  if (value === null || p === null) return null;
  const re = likeRegex(p);
  return toTexts(value).some((s) => re.test(s));
}

/**
 * case() and validate(): pairs of condition and value; the value of the first pair whose
 * condition is true (`whenTrue`) or is not true (null counts as not true), else null.
 */
function firstPair(name: string, valueKind: string, result: FunctionSpec['result'], whenTrue: boolean): FunctionSpec {
  return {
    min: 2,
    max: Infinity,
    result,
    compile(args, nodes, _ctx, fail) {
      if (args.length % 2 !== 0) fail(`${name}() takes pairs of condition and ${valueKind}`, nodes[nodes.length - 1]);
      return (row) => {
        for (let i = 0; i < args.length; i += 2) if ((truth(args[i](row)) === true) === whenTrue) return args[i + 1](row);
        return null;
      };
    },
  };
}

export const conditionalFunctions: Record<string, FunctionSpec> = {
  if: {
    min: 3,
    max: 3,
    result: 'any',
    compile: ([c, a, b]) => (row) => (truth(c(row)) === true ? a(row) : b(row)),
  },
  case: firstPair('case', 'value', 'any', true),
  coalesce: {
    min: 1,
    max: Infinity,
    result: 'any',
    compile: (args) => (row) => {
      for (const a of args) {
        const v = a(row);
        if (v !== null) return v;
      }
      return null;
    },
  },
  nullif: eager(2, 2, ([a, b]) => (a !== null && b !== null && toText(a) === toText(b) ? null : a)),
  validate: firstPair('validate', 'message', 'value', false),
  like: eager(2, 2, ([v, p]) => likeValue(v, p), 'boolean'),
  match: eager(
    2,
    2,
    ([v, p]) => {
      const pattern = toText(p);
      if (v === null || pattern === null) return null;
      const { regex } = compilePcre(pattern);
      return toTexts(v).some((s) => regex.test(s));
    },
    'boolean',
  ),
  cidrmatch: eager(
    2,
    2,
    ([cidr, ip]) => {
      const c = toText(cidr);
      if (c === null || ip === null) return null;
      const test = cidrTest(c);
      if (!test) throw new EvalRuntimeError(`cidrmatch(): "${c}" is not a CIDR range`);
      return toTexts(ip).some(test);
    },
    'boolean',
  ),
  in: {
    min: 2,
    max: Infinity,
    result: 'boolean',
    compile: ([value, ...list]) => (row) => inList(value(row), list.map((l) => l(row))),
  },
  searchmatch: {
    min: 1,
    max: 1,
    result: 'boolean',
    compile(_args, nodes, ctx, fail) {
      const node = nodes[0];
      const search = node.kind === 'literal' && typeof node.value === 'string' ? node.value : undefined;
      if (search === undefined) return fail('searchmatch() takes a quoted search string', node);
      if (!ctx.compileSearch) return fail('searchmatch() is not available here', node);
      const predicate = ctx.compileSearch(search);
      return (row) => predicate(row);
    },
  },
  null: eager(0, 0, () => null),
  true: eager(0, 0, () => true, 'boolean'),
  false: eager(0, 0, () => false, 'boolean'),
};

/** `in(field, a, b…)` and `field IN (a, b…)`: exact, case-sensitive string equality (unverified for numbers). */
export function inList(value: EvalValue, list: EvalValue[]): boolean | null {
  if (value === null) return null;
  const wanted = new Set<string>();
  for (const l of list) for (const t of toTexts(l)) wanted.add(t);
  for (const t of toTexts(value)) {
    if (wanted.has(t)) return true;
    const n = Number(t);
    if (!Number.isNaN(n) && t.trim() !== '') for (const w of wanted) if (w.trim() !== '' && Number(w) === n) return true;
  }
  return false;
}
