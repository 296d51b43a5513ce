/**
 * eval/where expressions. Precedence, loosest first (eval command page, "Boolean
 * expressions" page: in eval and where, NOT binds tighter than AND, AND tighter than
 * XOR and OR): OR, XOR, AND, NOT, comparisons (= == != < <= > >= LIKE, IN (…)),
 * + - and . (same level, unverified), * / %, unary minus, then literals, fields,
 * function calls and parentheses. String literals are "double-quoted"; 'single quotes'
 * name a field; an unquoted word is a field.
 */
import { ParseFailure } from './errors';
import { lexEval, type Token } from './lexer';
import type { EvalValue } from './value';

export type BinaryOp = 'OR' | 'XOR' | 'AND' | '=' | '!=' | '<' | '<=' | '>' | '>=' | 'LIKE' | '+' | '-' | '.' | '*' | '/' | '%';

export type EvalNode =
  | { kind: 'literal'; value: EvalValue; start: number; end: number }
  | { kind: 'field'; name: string; quoted: boolean; start: number; end: number }
  | { kind: 'call'; name: string; args: EvalNode[]; start: number; end: number; nameEnd: number }
  | { kind: 'unary'; op: '-' | 'NOT'; arg: EvalNode; start: number; end: number }
  | { kind: 'binary'; op: BinaryOp; left: EvalNode; right: EvalNode; start: number; end: number; opStart: number; grouped?: boolean }
  | { kind: 'in'; arg: EvalNode; list: EvalNode[]; start: number; end: number };

export class EvalParser {
  pos = 0;

  constructor(
    readonly tokens: Token[],
    readonly endOffset: number,
    readonly context: string,
  ) {}

  static of(text: string, start: number, end: number, context: string): EvalParser {
    return new EvalParser(lexEval(text, start, end), end, context);
  }

  peek(ahead = 0): Token | undefined {
    return this.tokens[this.pos + ahead];
  }

  atEnd(): boolean {
    return this.pos >= this.tokens.length;
  }

  offset(): number {
    return this.peek()?.start ?? this.endOffset;
  }

  fail(message: string, at?: number): never {
    throw new ParseFailure(`${this.context}: ${message}`, at ?? this.offset());
  }

  /** Parses one expression; stops before a token that cannot continue it (`,`, `)`, end). */
  expression(): EvalNode {
    if (this.atEnd()) this.fail('expected an expression, found the end');
    return this.or();
  }

  private binaryLoop(next: () => EvalNode, ops: Array<{ word?: string; op?: string; as: BinaryOp }>): EvalNode {
    let left = next();
    for (;;) {
      const t = this.peek();
      const match = t && ops.find((o) => (o.word !== undefined && t.kind === 'word' && t.value === o.word) || (o.op !== undefined && t.kind === 'op' && t.value === o.op));
      if (!t || !match) return left;
      this.pos++;
      if (this.atEnd()) this.fail(`"${t.text}" needs an operand after it`, t.start);
      const right = next();
      left = { kind: 'binary', op: match.as, left, right, start: left.start, end: right.end, opStart: t.start };
    }
  }

  private or(): EvalNode {
    return this.binaryLoop(() => this.xor(), [{ word: 'OR', as: 'OR' }]);
  }

  private xor(): EvalNode {
    return this.binaryLoop(() => this.and(), [{ word: 'XOR', as: 'XOR' }]);
  }

  private and(): EvalNode {
    return this.binaryLoop(() => this.not(), [{ word: 'AND', as: 'AND' }]);
  }

  private not(): EvalNode {
    const t = this.peek();
    if (t && t.kind === 'word' && t.value === 'NOT') {
      this.pos++;
      if (this.atEnd()) this.fail('NOT needs an operand after it', t.start);
      const arg = this.not();
      return { kind: 'unary', op: 'NOT', arg, start: t.start, end: arg.end };
    }
    return this.comparison();
  }

  private comparison(): EvalNode {
    let left = this.additive();
    for (;;) {
      const t = this.peek();
      if (!t) return left;
      if (t.kind === 'word' && t.value.toUpperCase() === 'IN' && this.peek(1)?.kind === 'lparen') {
        this.pos += 2;
        const list = this.argumentList(t.start);
        left = { kind: 'in', arg: left, list, start: left.start, end: this.tokens[this.pos - 1].end };
        continue;
      }
      let op: BinaryOp | undefined;
      if (t.kind === 'op' && ['=', '==', '!=', '<', '<=', '>', '>='].includes(t.value)) op = (t.value === '==' ? '=' : t.value) as BinaryOp;
      else if (t.kind === 'word' && t.value === 'LIKE') op = 'LIKE';
      if (!op) return left;
      this.pos++;
      if (this.atEnd()) this.fail(`"${t.text}" needs an operand after it`, t.start);
      const right = this.additive();
      left = { kind: 'binary', op, left, right, start: left.start, end: right.end, opStart: t.start };
    }
  }

  private additive(): EvalNode {
    return this.binaryLoop(() => this.multiplicative(), [
      { op: '+', as: '+' },
      { op: '-', as: '-' },
      { op: '.', as: '.' },
    ]);
  }

  private multiplicative(): EvalNode {
    return this.binaryLoop(() => this.unary(), [
      { op: '*', as: '*' },
      { op: '/', as: '/' },
      { op: '%', as: '%' },
    ]);
  }

  private unary(): EvalNode {
    const t = this.peek();
    if (t && t.kind === 'op' && (t.value === '-' || t.value === '+')) {
      this.pos++;
      if (this.atEnd()) this.fail(`"${t.value}" needs an operand after it`, t.start);
      const arg = this.unary();
      if (t.value === '+') return arg;
      if (arg.kind === 'literal' && typeof arg.value === 'number') return { ...arg, value: -arg.value, start: t.start };
      return { kind: 'unary', op: '-', arg, start: t.start, end: arg.end };
    }
    if (t && t.kind === 'op' && t.value === '!') this.fail('"!" is not an SPL operator; use NOT', t.start);
    return this.primary();
  }

  private argumentList(openAt: number): EvalNode[] {
    const args: EvalNode[] = [];
    if (this.peek()?.kind === 'rparen') {
      this.pos++;
      return args;
    }
    for (;;) {
      if (this.atEnd()) this.fail('unbalanced parentheses: "(" has no matching ")"', openAt);
      args.push(this.expression());
      const t = this.peek();
      if (!t) this.fail('unbalanced parentheses: "(" has no matching ")"', openAt);
      if (t.kind === 'comma') {
        this.pos++;
        continue;
      }
      if (t.kind === 'rparen') {
        this.pos++;
        return args;
      }
      this.fail(`expected "," or ")", found "${t.text}"`, t.start);
    }
  }

  private primary(): EvalNode {
    const t = this.peek();
    if (!t) this.fail('expected an operand, found the end');
    this.pos++;
    switch (t.kind) {
      case 'number':
        return { kind: 'literal', value: Number(t.value), start: t.start, end: t.end };
      case 'string':
        return { kind: 'literal', value: t.value, start: t.start, end: t.end };
      case 'field':
        return { kind: 'field', name: t.value, quoted: true, start: t.start, end: t.end };
      case 'lparen': {
        const inner = this.expression();
        const close = this.peek();
        if (!close || close.kind !== 'rparen') this.fail('unbalanced parentheses: "(" has no matching ")"', t.start);
        this.pos++;
        return inner.kind === 'binary' ? { ...inner, grouped: true } : inner;
      }
      case 'word': {
        if (this.peek()?.kind === 'lparen') {
          this.pos++;
          const args = this.argumentList(t.start);
          return { kind: 'call', name: t.value, args, start: t.start, end: this.tokens[this.pos - 1].end, nameEnd: t.end };
        }
        if (['AND', 'OR', 'XOR', 'NOT', 'LIKE'].includes(t.value)) this.fail(`"${t.value}" needs an operand before it`, t.start);
        if (t.value === 'true' || t.value === 'false') return { kind: 'literal', value: t.value === 'true', start: t.start, end: t.end };
        return { kind: 'field', name: t.value, quoted: false, start: t.start, end: t.end };
      }
      case 'rparen':
        this.fail('unbalanced parentheses: ")" without a matching "("', t.start);
      // falls through (fail never returns)
      default:
        this.fail(`unexpected "${t.text}"`, t.start);
    }
  }
}

/** Parses a complete expression from `start` to `end`. */
export function parseEvalExpression(text: string, start: number, end: number, context: string): EvalNode {
  const parser = EvalParser.of(text, start, end, context);
  const node = parser.expression();
  if (!parser.atEnd()) {
    const t = parser.peek() as Token;
    parser.fail(t.kind === 'rparen' ? 'unbalanced parentheses: ")" without a matching "("' : `unexpected "${t.text}" after the expression`, t.start);
  }
  return node;
}

export function walkEval(node: EvalNode, visit: (n: EvalNode) => void): void {
  visit(node);
  switch (node.kind) {
    case 'call':
      node.args.forEach((a) => walkEval(a, visit));
      break;
    case 'unary':
      walkEval(node.arg, visit);
      break;
    case 'binary':
      walkEval(node.left, visit);
      walkEval(node.right, visit);
      break;
    case 'in':
      walkEval(node.arg, visit);
      node.list.forEach((a) => walkEval(a, visit));
      break;
    default:
      break;
  }
}
