/**
 * Search-language expressions (the `search` command, `tstats … where`, `inputlookup
 * … where`), after "Boolean expressions with logical operators" (Search Manual,
 * https://help.splunk.com/en/splunk-enterprise/search/search-manual/9.3/expressions-and-predicates):
 * AND is implied between terms; operators are upper case; NOT binds to the next term or
 * group; OR binds tighter than AND (`a b OR c` is `a AND (b OR c)`).
 */
import type { Token } from './lexer';
import type { SubsearchNode } from './pipeline';
import { TokenStream } from './args';

export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

export type SearchNode =
  | { kind: 'and'; items: SearchNode[]; start: number; grouped?: boolean }
  | { kind: 'or'; items: SearchNode[]; start: number; grouped?: boolean }
  | { kind: 'not'; item: SearchNode; start: number }
  | { kind: 'term'; text: string; quoted: boolean; caseSensitive: boolean; exact: boolean; start: number; end: number }
  | { kind: 'compare'; field: string; op: CompareOp; value: string; quoted: boolean; caseSensitive: boolean; start: number; end: number }
  | { kind: 'in'; field: string; values: string[]; start: number; end: number }
  | { kind: 'time'; which: 'earliest' | 'latest'; value: string; start: number; end: number }
  | { kind: 'subsearch'; subsearch: SubsearchNode; start: number; end: number }
  | { kind: 'all'; start: number };

const TIME_FIELDS = new Set(['earliest', 'latest']);
const UNSUPPORTED_TIME = new Set(['starttime', 'endtime', 'starttimeu', 'endtimeu', '_index_earliest', '_index_latest', 'startdaysago', 'enddaysago', 'startminutesago', 'endminutesago', 'starthoursago', 'endhoursago', 'searchtimespanhours', 'searchtimespanminutes', 'searchtimespandays', 'daysago', 'minutesago', 'hoursago']);

/** Parses a whole token stream (or the rest of it, up to `stop`) as a search expression. */
export function parseSearchExpression(stream: TokenStream, stop?: (t: Token) => boolean): SearchNode {
  const start = stream.offset();
  const node = parseAnd(stream, stop, false);
  return node ?? { kind: 'all', start };
}

function atStop(stream: TokenStream, stop: ((t: Token) => boolean) | undefined, inParens: boolean): boolean {
  const t = stream.peek();
  if (!t) return true;
  if (inParens && t.kind === 'rparen') return true;
  return stop !== undefined && stop(t);
}

function parseAnd(stream: TokenStream, stop: ((t: Token) => boolean) | undefined, inParens: boolean): SearchNode | undefined {
  const items: SearchNode[] = [];
  const start = stream.offset();
  while (!atStop(stream, stop, inParens)) {
    if (isOperator(stream.peek(), 'AND')) {
      if (items.length === 0) stream.fail('AND needs a term before it');
      stream.next();
      if (atStop(stream, stop, inParens)) stream.fail('AND needs a term after it');
      continue;
    }
    items.push(parseOr(stream, stop, inParens));
  }
  if (items.length === 0) return undefined;
  return items.length === 1 ? items[0] : { kind: 'and', items, start };
}

function parseOr(stream: TokenStream, stop: ((t: Token) => boolean) | undefined, inParens: boolean): SearchNode {
  const start = stream.offset();
  const items = [parseNot(stream, stop, inParens)];
  while (isOperator(stream.peek(), 'OR')) {
    const orTok = stream.next();
    if (atStop(stream, stop, inParens) || isOperator(stream.peek(), 'AND') || isOperator(stream.peek(), 'OR')) stream.fail('OR needs a term after it', orTok);
    items.push(parseNot(stream, stop, inParens));
  }
  return items.length === 1 ? items[0] : { kind: 'or', items, start };
}

function parseNot(stream: TokenStream, stop: ((t: Token) => boolean) | undefined, inParens: boolean): SearchNode {
  const t = stream.peek() as Token;
  if (isOperator(t, 'NOT')) {
    stream.next();
    if (atStop(stream, stop, inParens)) stream.fail('NOT needs a term after it', t);
    return { kind: 'not', item: parseNot(stream, stop, inParens), start: t.start };
  }
  return parsePrimary(stream);
}

function isOperator(t: Token | undefined, op: 'AND' | 'OR' | 'NOT'): boolean {
  return t !== undefined && t.kind === 'word' && t.value === op;
}

function parsePrimary(stream: TokenStream): SearchNode {
  const t = stream.next();
  if (t.kind === 'lparen') {
    const inner = parseAnd(stream, undefined, true);
    if (!stream.accept('rparen')) stream.fail('unbalanced parentheses: "(" has no matching ")"', t);
    if (inner && (inner.kind === 'and' || inner.kind === 'or')) return { ...inner, grouped: true };
    return inner ?? { kind: 'all', start: t.start };
  }
  if (t.kind === 'rparen') stream.fail('unbalanced parentheses: ")" without a matching "("', t);
  if (t.kind === 'subsearch') return { kind: 'subsearch', subsearch: t.subsearch as SubsearchNode, start: t.start, end: t.end };
  if (t.kind === 'comma') stream.fail('unexpected ","; separate search terms with spaces', t);
  if (t.kind === 'op') stream.fail(`"${t.value}" needs a field name before it`, t);
  const next = stream.peek();
  if (t.kind === 'word' && (t.value === 'TERM' || t.value === 'CASE') && next?.kind === 'lparen') {
    return termFunction(stream, t);
  }
  if (next && next.kind === 'op') return comparison(stream, t);
  if (next && next.kind === 'word' && next.value.toUpperCase() === 'IN' && stream.peek(1)?.kind === 'lparen') return inList(stream, t);
  return { kind: 'term', text: t.value, quoted: t.kind === 'string', caseSensitive: false, exact: false, start: t.start, end: t.end };
}

/** TERM(x) or CASE(x): the raw text between the parentheses is the term. */
function termFunction(stream: TokenStream, fn: Token): SearchNode {
  const open = stream.next();
  const parts: Token[] = [];
  while (!stream.atEnd() && stream.peek()?.kind !== 'rparen') parts.push(stream.next());
  const close = stream.accept('rparen');
  if (!close) stream.fail(`unbalanced parentheses: ${fn.value}( has no matching ")"`, open);
  if (parts.length === 0) stream.fail(`${fn.value}() needs a term`, fn);
  const text = parts.length === 1 ? parts[0].value : parts.map((p) => p.text).join(' ');
  return {
    kind: 'term',
    text,
    quoted: parts.length === 1 && parts[0].kind === 'string',
    caseSensitive: fn.value === 'CASE',
    exact: fn.value === 'TERM',
    start: fn.start,
    end: close.end,
  };
}

function comparison(stream: TokenStream, fieldTok: Token): SearchNode {
  const opTok = stream.next();
  const op = (opTok.value === '==' ? '=' : opTok.value) as CompareOp;
  const valueTok = stream.peek();
  if (!valueTok || (valueTok.kind !== 'word' && valueTok.kind !== 'string')) stream.fail(`expected a value after "${fieldTok.value}${opTok.value}"`, opTok);
  stream.next();
  const field = fieldTok.value;
  if (TIME_FIELDS.has(field.toLowerCase()) && fieldTok.kind === 'word') {
    if (op !== '=') stream.fail(`${field} takes "=" and a time modifier`, opTok);
    return { kind: 'time', which: field.toLowerCase() as 'earliest' | 'latest', value: valueTok.value, start: fieldTok.start, end: valueTok.end };
  }
  if (UNSUPPORTED_TIME.has(field.toLowerCase())) stream.fail(`time modifier "${field}" is not supported by the offline engine; use earliest= and latest=`, fieldTok);
  if (valueTok.kind === 'word' && valueTok.value === 'CASE' && stream.peek()?.kind === 'lparen') {
    const inner = termFunction(stream, valueTok);
    if (inner.kind !== 'term') throw new Error('unreachable');
    return { kind: 'compare', field, op, value: inner.text, quoted: inner.quoted, caseSensitive: true, start: fieldTok.start, end: inner.end };
  }
  if (valueTok.kind === 'word' && valueTok.value === 'TERM' && stream.peek()?.kind === 'lparen') {
    const inner = termFunction(stream, valueTok);
    if (inner.kind !== 'term') throw new Error('unreachable');
    return { kind: 'compare', field, op, value: inner.text, quoted: inner.quoted, caseSensitive: false, start: fieldTok.start, end: inner.end };
  }
  return { kind: 'compare', field, op, value: valueTok.value, quoted: valueTok.kind === 'string', caseSensitive: false, start: fieldTok.start, end: valueTok.end };
}

function inList(stream: TokenStream, fieldTok: Token): SearchNode {
  stream.next(); // IN
  const open = stream.next();
  const values: string[] = [];
  for (;;) {
    const t = stream.peek();
    if (!t) stream.fail('unbalanced parentheses: IN ( has no matching ")"', open);
    if (t.kind === 'rparen') break;
    if (t.kind === 'comma') {
      stream.next();
      continue;
    }
    if (t.kind !== 'word' && t.kind !== 'string') stream.fail(`IN list values must be words or quoted strings${stream.describeNext()}`, t);
    values.push(t.value);
    stream.next();
  }
  const close = stream.next();
  if (values.length === 0) stream.fail('IN needs at least one value', open);
  return { kind: 'in', field: fieldTok.value, values, start: fieldTok.start, end: close.end };
}

/** Calls `visit` on every node of the tree (pre-order). */
export function walkSearch(node: SearchNode, visit: (n: SearchNode, parent?: SearchNode) => void, parent?: SearchNode): void {
  visit(node, parent);
  if (node.kind === 'and' || node.kind === 'or') for (const item of node.items) walkSearch(item, visit, node);
  else if (node.kind === 'not') walkSearch(node.item, visit, node);
}

/** True when the expression holds a `[subsearch]` (its value is known only at run time). */
export function containsSubsearch(node: SearchNode): boolean {
  let found = false;
  walkSearch(node, (n) => {
    if (n.kind === 'subsearch') found = true;
  });
  return found;
}

/** Time modifiers of the top-level conjunction (they replace the dispatch window). */
export function topLevelTimes(node: SearchNode): { earliest?: string; latest?: string } {
  const out: { earliest?: string; latest?: string } = {};
  const items = node.kind === 'and' ? node.items : [node];
  for (const item of items) if (item.kind === 'time') out[item.which] = item.value;
  return out;
}
