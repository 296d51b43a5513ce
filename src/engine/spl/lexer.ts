/**
 * Tokenisers for command arguments, in the two modes SPL uses:
 * - search mode: bare words (which may hold `*`, `.`, `/`, `:`, `-`, `\`), "strings",
 *   parentheses, commas, comparison operators and `[subsearch]` placeholders;
 * - eval mode: numbers, "strings", 'quoted field names', identifiers, operators.
 */
import { ParseFailure } from './errors';
import type { SubsearchNode } from './pipeline';

export type TokenKind = 'word' | 'string' | 'number' | 'field' | 'op' | 'lparen' | 'rparen' | 'comma' | 'subsearch';

export interface Token {
  kind: TokenKind;
  /** Source text of the token. */
  text: string;
  /** Unescaped value for strings, quoted fields and words; the operator for ops. */
  value: string;
  start: number;
  end: number;
  subsearch?: SubsearchNode;
}

const SEARCH_STOP = new Set([' ', '\t', '\n', '\r', '"', '(', ')', ',', '=', '<', '>', '[', ']']);

/**
 * Unescapes a double-quoted SPL string (without its quotes). `\\` and `\"` always
 * unescape; eval strings also turn `\t` and `\n` into tab and newline ("Types of
 * expressions", Search Manual); any other backslash stays as written, so `"\d+"` reaches
 * the regex engine as `\d+`.
 */
export function unescapeString(body: string, evalMode: boolean): string {
  if (!body.includes('\\')) return body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\' || i + 1 >= body.length) {
      out += c;
      continue;
    }
    const n = body[i + 1];
    if (n === '\\' || n === '"') {
      out += n;
      i++;
    } else if (evalMode && n === 't') {
      out += '\t';
      i++;
    } else if (evalMode && n === 'n') {
      out += '\n';
      i++;
    } else {
      out += c;
    }
  }
  return out;
}

/** Index after the closing quote of the string starting at `start`, or -1 if it never closes before `limit`. */
export function quoteEnd(text: string, start: number, limit = text.length): number {
  let i = start + 1;
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) i += 2;
    else if (c === 34 /* " */) return i + 1;
    else i++;
  }
  return -1;
}

/** Like quoteEnd, but a string that never closes is a ParseFailure at its opening quote. */
export function closedQuoteEnd(text: string, start: number, limit: number): number {
  const end = quoteEnd(text, start, limit);
  if (end < 0) throw new ParseFailure('unbalanced quotes: this string has no closing "', start);
  return end;
}

/** Index after the double-quoted string starting at `start` (or text.length if unterminated). */
export function skipQuoted(text: string, start: number): number {
  const end = quoteEnd(text, start);
  return end < 0 ? text.length : end;
}

function readString(text: string, i: number, end: number, evalMode: boolean): Token {
  const close = closedQuoteEnd(text, i, end);
  const raw = text.slice(i, close);
  return { kind: 'string', text: raw, value: unescapeString(raw.slice(1, -1), evalMode), start: i, end: close };
}

function subsearchAt(subsearches: readonly SubsearchNode[], i: number): SubsearchNode {
  const sub = subsearches.find((s) => s.start === i);
  if (!sub) throw new ParseFailure('unbalanced brackets: "[" has no matching "]"', i);
  return sub;
}

export function lexSearch(text: string, start: number, end: number, subsearches: readonly SubsearchNode[] = []): Token[] {
  const tokens: Token[] = [];
  let i = start;
  while (i < end) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (c === '"') {
      const t = readString(text, i, end, false);
      tokens.push(t);
      i = t.end;
      continue;
    }
    if (c === '[') {
      const sub = subsearchAt(subsearches, i);
      tokens.push({ kind: 'subsearch', text: text.slice(i, sub.end), value: '', start: i, end: sub.end, subsearch: sub });
      i = sub.end;
      continue;
    }
    if (c === ']') throw new ParseFailure('unbalanced brackets: "]" without a matching "["', i);
    if (c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: c === '(' ? 'lparen' : c === ')' ? 'rparen' : 'comma', text: c, value: c, start: i, end: i + 1 });
      i++;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === '!=' || two === '<=' || two === '>=' || two === '==') {
      tokens.push({ kind: 'op', text: two, value: two, start: i, end: i + 2 });
      i += 2;
      continue;
    }
    if (c === '=' || c === '<' || c === '>') {
      tokens.push({ kind: 'op', text: c, value: c, start: i, end: i + 1 });
      i++;
      continue;
    }
    let j = i;
    while (j < end && !SEARCH_STOP.has(text[j]) && !(text[j] === '!' && text[j + 1] === '=')) j++;
    const word = text.slice(i, j);
    tokens.push({ kind: 'word', text: word, value: word, start: i, end: j });
    i = j;
  }
  return tokens;
}

const NUMBER = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const IDENT = /[A-Za-z_][A-Za-z0-9_]*/y;

export function lexEval(text: string, start: number, end: number): Token[] {
  const tokens: Token[] = [];
  let i = start;
  while (i < end) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (c === '"') {
      const t = readString(text, i, end, true);
      tokens.push(t);
      i = t.end;
      continue;
    }
    if (c === "'") {
      let j = i + 1;
      let value = '';
      while (j < end && text[j] !== "'") {
        if (text[j] === '\\' && (text[j + 1] === "'" || text[j + 1] === '\\')) j++;
        value += text[j];
        j++;
      }
      if (j >= end) throw new ParseFailure("unbalanced quotes: this 'field name' has no closing '", i);
      tokens.push({ kind: 'field', text: text.slice(i, j + 1), value, start: i, end: j + 1 });
      i = j + 1;
      continue;
    }
    if (c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: c === '(' ? 'lparen' : c === ')' ? 'rparen' : 'comma', text: c, value: c, start: i, end: i + 1 });
      i++;
      continue;
    }
    const prev = tokens[tokens.length - 1];
    const afterOperand = prev !== undefined && (prev.kind === 'string' || prev.kind === 'number' || prev.kind === 'field' || (prev.kind === 'word' && !/^(AND|OR|NOT|XOR|LIKE|IN)$/.test(prev.value)) || prev.kind === 'rparen');
    NUMBER.lastIndex = i;
    const num = c === '.' && afterOperand ? null : NUMBER.exec(text);
    if (num && num.index === i && i + num[0].length <= end) {
      const after = text[i + num[0].length];
      if (!(after && /[A-Za-z_]/.test(after))) {
        tokens.push({ kind: 'number', text: num[0], value: num[0], start: i, end: i + num[0].length });
        i += num[0].length;
        continue;
      }
    }
    IDENT.lastIndex = i;
    const id = IDENT.exec(text);
    if (id && id.index === i) {
      const len = Math.min(id[0].length, end - i);
      const word = text.slice(i, i + len);
      tokens.push({ kind: 'word', text: word, value: word, start: i, end: i + len });
      i += len;
      continue;
    }
    const two = text.slice(i, Math.min(i + 2, end));
    if (two === '==' || two === '!=' || two === '<=' || two === '>=') {
      tokens.push({ kind: 'op', text: two, value: two, start: i, end: i + 2 });
      i += 2;
      continue;
    }
    if ('=<>+-*/%.!'.includes(c)) {
      tokens.push({ kind: 'op', text: c, value: c, start: i, end: i + 1 });
      i++;
      continue;
    }
    throw new ParseFailure(`unexpected character "${c}" in an eval expression`, i);
  }
  return tokens;
}
