/**
 * Compiles eval expressions into closures, once per search. Semantics:
 * - arithmetic on numbers (fields that look numeric count); `+` of two strings
 *   concatenates; `.` concatenates the text of both sides; a null operand gives null;
 * - `=`/`!=` compare case-sensitively; numbers numerically; a multivalue side
 *   matches when any value does (unverified); comparisons with null give null;
 * - AND/OR/XOR/NOT use three-valued logic (null is neither true nor false);
 * - `x IN (a, b)` and `x LIKE "a%"` as in in()/like().
 */
import type { Row } from '../event';
import { ParseFailure, unsupported } from './errors';
import type { EvalNode } from './evalExpr';
import { describe, inList, likeValue } from './functions/conditional';
import { FUNCTIONS, KNOWN_UNSUPPORTED } from './functions/index';
import { EvalRuntimeError, type EvalContext, type EvalFn, type ResultKind } from './functions/types';
import { compareValues, isMulti, NumStr, readField, toNumber, toText, toTexts, type EvalValue } from './value';

export type { EvalContext, EvalFn } from './functions/types';

/** Static result kind of an expression: 'boolean' for predicates, 'value' for values, 'any' when it depends. */
export function resultKind(node: EvalNode): ResultKind {
  switch (node.kind) {
    case 'literal':
      return typeof node.value === 'boolean' ? 'boolean' : 'value';
    case 'field':
      return 'value';
    case 'unary':
      return node.op === 'NOT' ? 'boolean' : 'value';
    case 'in':
      return 'boolean';
    case 'binary':
      return ['OR', 'XOR', 'AND', '=', '!=', '<', '<=', '>', '>=', 'LIKE'].includes(node.op) ? 'boolean' : 'value';
    case 'call': {
      const spec = FUNCTIONS.get(node.name.toLowerCase());
      if (!spec) return 'any';
      if (spec.result !== 'any') return spec.result;
      const name = node.name.toLowerCase();
      const branches = name === 'if' ? node.args.slice(1) : name === 'case' ? node.args.filter((_, i) => i % 2 === 1) : node.args;
      const kinds = new Set(branches.map(resultKind));
      return kinds.size === 1 ? [...kinds][0] : 'any';
    }
  }
}

function booleanOperand(v: EvalValue, op: string): boolean | null {
  if (v === null) return null;
  if (typeof v === 'boolean') return v;
  throw new EvalRuntimeError(`${op} needs boolean operands, got ${describe(v)}`);
}

function arithmetic(op: '+' | '-' | '*' | '/' | '%', a: EvalValue, b: EvalValue): EvalValue {
  if (a === null || b === null) return null;
  if (op === '+') {
    const aText = typeof a === 'string' || isMulti(a);
    const bText = typeof b === 'string' || isMulti(b);
    if (aText && bText) return (toText(a) as string) + (toText(b) as string);
    if (aText || bText) return null;
  }
  const x = toNumber(a);
  const y = toNumber(b);
  if (x === null || y === null) return null;
  switch (op) {
    case '+':
      return x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '/':
      return y === 0 ? null : x / y;
    case '%':
      return y === 0 ? null : x % y;
  }
}

function equalValues(a: EvalValue, b: EvalValue): boolean | null {
  if (a === null || b === null) return null;
  if (isMulti(a) || isMulti(b)) {
    const left = isMulti(a) ? a : [a];
    const right = isMulti(b) ? b : [b];
    for (const x of left) for (const y of right) if (compareValues(x as EvalValue, y as EvalValue) === 0) return true;
    return false;
  }
  return compareValues(a, b) === 0;
}

function ordered(op: '<' | '<=' | '>' | '>=', a: EvalValue, b: EvalValue): boolean | null {
  if (a === null || b === null) return null;
  const left = isMulti(a) ? a : [a];
  const right = isMulti(b) ? b : [b];
  for (const x of left)
    for (const y of right) {
      const c = compareValues(x as EvalValue, y as EvalValue);
      if (c === null) continue;
      if (op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0) return true;
    }
  return false;
}

export function compileEval(node: EvalNode, ctx: EvalContext): EvalFn {
  switch (node.kind) {
    case 'literal': {
      const v = node.value;
      return () => v;
    }
    case 'field': {
      const name = node.name;
      return (row: Row) => readField(row, name);
    }
    case 'unary': {
      const arg = compileEval(node.arg, ctx);
      if (node.op === 'NOT') {
        return (row) => {
          const v = booleanOperand(arg(row), 'NOT');
          return v === null ? null : !v;
        };
      }
      return (row) => {
        const n = toNumber(arg(row));
        return n === null ? null : -n;
      };
    }
    case 'in': {
      const arg = compileEval(node.arg, ctx);
      const list = node.list.map((n) => compileEval(n, ctx));
      return (row) => inList(arg(row), list.map((l) => l(row)));
    }
    case 'binary':
      return compileBinary(node, ctx);
    case 'call':
      return compileCall(node, ctx);
  }
}

function compileBinary(node: Extract<EvalNode, { kind: 'binary' }>, ctx: EvalContext): EvalFn {
  const left = compileEval(node.left, ctx);
  const right = compileEval(node.right, ctx);
  const op = node.op;
  switch (op) {
    case 'AND':
      return (row) => {
        const a = booleanOperand(left(row), 'AND');
        if (a === false) return false;
        const b = booleanOperand(right(row), 'AND');
        if (b === false) return false;
        return a === null || b === null ? null : true;
      };
    case 'OR':
      return (row) => {
        const a = booleanOperand(left(row), 'OR');
        if (a === true) return true;
        const b = booleanOperand(right(row), 'OR');
        if (b === true) return true;
        return a === null || b === null ? null : false;
      };
    case 'XOR':
      return (row) => {
        const a = booleanOperand(left(row), 'XOR');
        const b = booleanOperand(right(row), 'XOR');
        return a === null || b === null ? null : a !== b;
      };
    case '=':
      return (row) => equalValues(left(row), right(row));
    case '!=':
      return (row) => {
        const eq = equalValues(left(row), right(row));
        return eq === null ? null : !eq;
      };
    case '<':
    case '<=':
    case '>':
    case '>=':
      return (row) => ordered(op, left(row), right(row));
    case 'LIKE':
      return (row) => likeValue(left(row), right(row));
    case '.':
      return (row) => {
        const a = left(row);
        const b = right(row);
        if (a === null || b === null) return null;
        return (textOf(a) as string) + (textOf(b) as string);
      };
    default:
      return (row) => arithmetic(op, left(row), right(row));
  }
}

function textOf(v: EvalValue): string | null {
  if (typeof v === 'boolean') throw new EvalRuntimeError('"." cannot concatenate a boolean; wrap it in if()');
  if (v instanceof NumStr) return v.text;
  return isMulti(v) ? toTexts(v).join(' ') : toText(v);
}

function compileCall(node: Extract<EvalNode, { kind: 'call' }>, ctx: EvalContext): EvalFn {
  const name = node.name.toLowerCase();
  const spec = FUNCTIONS.get(name);
  if (!spec) {
    if (KNOWN_UNSUPPORTED.has(name)) throw new ParseFailure(unsupported('function', `${node.name}()`), node.start);
    throw new ParseFailure(`unknown function "${node.name}"`, node.start);
  }
  const n = node.args.length;
  if (n < spec.min || n > spec.max) {
    const range = spec.min === spec.max ? `${spec.min}` : spec.max === Infinity ? `at least ${spec.min}` : `${spec.min} to ${spec.max}`;
    throw new ParseFailure(`${node.name}() takes ${range} argument${spec.max === 1 && spec.min === 1 ? '' : 's'}, got ${n}`, node.start);
  }
  const args = node.args.map((a) => compileEval(a, ctx));
  const fail = (message: string, at?: EvalNode): never => {
    throw new ParseFailure(`${node.name}(): ${message.replace(/^\w+\(\): /, '')}`, at?.start ?? node.start);
  };
  const fn = spec.compile(args, node.args, ctx, fail);
  return (row) => {
    try {
      return fn(row);
    } catch (e) {
      if (e instanceof EvalRuntimeError && !e.message.startsWith(`${name}(`)) throw new EvalRuntimeError(`${name}(): ${e.message}`);
      throw e;
    }
  };
}
