/**
 * The shared argument-parsing toolkit of the command parsers: a cursor over the
 * tokens of one command, with helpers for options (`name=value`), field lists,
 * `AS` renames and `BY` clauses. Failures are ParseFailures at a token's offset.
 */
import { ParseFailure } from './errors';
import { lexSearch, type Token } from './lexer';
import type { CommandNode } from './pipeline';

export class TokenStream {
  pos = 0;

  constructor(
    readonly tokens: Token[],
    /** Offset just past the command (where "missing X" errors point). */
    readonly endOffset: number,
    readonly command: string,
  ) {}

  static forCommand(text: string, node: CommandNode): TokenStream {
    return new TokenStream(lexSearch(text, node.argsStart, node.argsEnd, node.subsearches), node.argsEnd, node.name);
  }

  peek(ahead = 0): Token | undefined {
    return this.tokens[this.pos + ahead];
  }

  atEnd(): boolean {
    return this.pos >= this.tokens.length;
  }

  next(): Token {
    const t = this.tokens[this.pos];
    if (!t) this.fail('unexpected end of the command');
    this.pos++;
    return t;
  }

  /** Offset of the next token (or the end of the command). */
  offset(): number {
    return this.peek()?.start ?? this.endOffset;
  }

  fail(message: string, at?: Token | number): never {
    const offset = typeof at === 'number' ? at : at ? at.start : this.offset();
    throw new ParseFailure(`${this.command}: ${message}`, offset);
  }

  /** True when the next token is the (case-insensitive) keyword. */
  isKeyword(word: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t !== undefined && t.kind === 'word' && t.value.toLowerCase() === word;
  }

  acceptKeyword(word: string): boolean {
    if (this.isKeyword(word)) {
      this.pos++;
      return true;
    }
    return false;
  }

  expectKeyword(word: string): Token {
    if (!this.isKeyword(word)) this.fail(`expected "${word}"${this.describeNext()}`);
    return this.next();
  }

  accept(kind: Token['kind'], value?: string): Token | undefined {
    const t = this.peek();
    if (t && t.kind === kind && (value === undefined || t.value === value)) {
      this.pos++;
      return t;
    }
    return undefined;
  }

  expect(kind: Token['kind'], what: string, value?: string): Token {
    const t = this.accept(kind, value);
    if (!t) this.fail(`expected ${what}${this.describeNext()}`);
    return t;
  }

  describeNext(): string {
    const t = this.peek();
    return t ? `, found "${t.text.length > 40 ? t.text.slice(0, 40) + '…' : t.text}"` : ', found the end of the command';
  }

  /** True when the next tokens are `name =` (an option). */
  isOption(name?: string): boolean {
    const a = this.peek();
    const b = this.peek(1);
    return a !== undefined && a.kind === 'word' && b !== undefined && b.kind === 'op' && b.value === '=' && (name === undefined || a.value.toLowerCase() === name);
  }

  /**
   * Reads leading `name=value` options whose names are in `allowed` (lower-case).
   * Unknown names are an error only when `strict` (otherwise they stop the scan).
   */
  options(allowed: readonly string[], strict = true): Map<string, Token> {
    const out = new Map<string, Token>();
    while (this.isOption()) {
      const nameTok = this.peek() as Token;
      const name = nameTok.value.toLowerCase();
      if (!allowed.includes(name)) {
        if (strict) this.fail(`unknown option "${nameTok.value}" (known: ${allowed.join(', ') || 'none'})`, nameTok);
        break;
      }
      this.pos += 2;
      const value = this.peek();
      if (!value || (value.kind !== 'word' && value.kind !== 'string')) this.fail(`option "${name}" needs a value`);
      this.pos++;
      out.set(name, value);
    }
    return out;
  }

  /** A field name: a word or a quoted string. */
  field(what = 'a field name'): Token {
    const t = this.peek();
    if (!t || (t.kind !== 'word' && t.kind !== 'string')) this.fail(`expected ${what}${this.describeNext()}`);
    this.pos++;
    return t;
  }

  /**
   * Field names separated by spaces or commas, until the end or one of `stopWords`
   * (case-insensitive).
   */
  fieldList(stopWords: readonly string[] = []): Token[] {
    const out: Token[] = [];
    while (!this.atEnd()) {
      if (this.accept('comma')) continue;
      const t = this.peek() as Token;
      if (t.kind === 'word' && stopWords.includes(t.value.toLowerCase())) break;
      if (t.kind !== 'word' && t.kind !== 'string') break;
      out.push(t);
      this.pos++;
    }
    return out;
  }

  /** A leading count (`dedup 3 …`, `sort 0 …`): a word of digits, consumed and returned (at least `min`); undefined otherwise. */
  acceptCount(min = 0): number | undefined {
    const t = this.peek();
    if (!t || t.kind !== 'word' || !/^\d+$/.test(t.value)) return undefined;
    const n = parseInteger(t, this, min);
    this.pos++;
    return n;
  }

  expectEnd(): void {
    if (!this.atEnd()) this.fail(`unexpected "${(this.peek() as Token).text}"`);
  }
}

/** Parses a boolean option value as Splunk does (true/false, t/f, 1/0, yes/no). */
export function parseBool(t: Token, stream: TokenStream): boolean {
  const v = t.value.toLowerCase();
  if (['true', 't', '1', 'yes', 'y'].includes(v)) return true;
  if (['false', 'f', '0', 'no', 'n'].includes(v)) return false;
  return stream.fail(`expected true or false, found "${t.value}"`, t);
}

export function parseInteger(t: Token, stream: TokenStream, min = 0): number {
  if (!/^-?\d+$/.test(t.value)) stream.fail(`expected an integer, found "${t.value}"`, t);
  const n = Number(t.value);
  if (n < min) stream.fail(`expected an integer of at least ${min}, found ${t.value}`, t);
  return n;
}
