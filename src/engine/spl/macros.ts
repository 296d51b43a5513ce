/**
 * Search macro expansion, following macros.conf.spec and the Knowledge Manager
 * Manual ("Use search macros in searches", "Define search macros in Settings"):
 * - `name` or `name(a, b)` between backticks; the stanza is `name` or `name(N)`;
 * - `args` names the arguments; `$arg$` in the definition is replaced everywhere;
 * - `iseval = true`: the definition is an eval expression returning the expansion;
 * - `validation` is an eval expression: false (or a non-null string) fails with
 *   `errormsg` (or that string);
 * - macros inside quoted values are not expanded; macros nest;
 * - three backticks open and close a comment (blanked out before expansion).
 */
import { ParseFailure, SplError } from './errors';
import { skipQuoted } from './lexer';
import { ExpandedSearch, type Piece } from './source';

export interface MacroDefinition {
  /** Macro name without the arity suffix. */
  name: string;
  /** Stanza name: `name` or `name(N)`. */
  stanza: string;
  args: string[];
  definition: string;
  iseval: boolean;
  validation?: string;
  errormsg?: string;
}

export type MacroTable = ReadonlyMap<string, MacroDefinition>;

/** Evaluates an eval expression (for `iseval` and `validation`); supplied by the evaluator. */
export type EvalHook = (expression: string) => unknown;

const MAX_DEPTH = 50;

export function macroKey(name: string, arity: number): string {
  return arity === 0 ? name : `${name}(${arity})`;
}

/** Builds a macro table from macros.conf stanzas (name → settings). */
export function macroTableFrom(stanzas: Iterable<{ name: string; settings: ReadonlyMap<string, string> }>): Map<string, MacroDefinition> {
  const table = new Map<string, MacroDefinition>();
  for (const { name: stanza, settings } of stanzas) {
    if (stanza === 'default') continue;
    const m = /^(.+?)(?:\((\d+)\))?$/.exec(stanza.trim());
    if (!m) continue;
    const arity = m[2] ? Number(m[2]) : 0;
    const args = (settings.get('args') ?? '')
      .split(',')
      .map((a) => a.trim())
      .filter((a) => a !== '');
    table.set(macroKey(m[1], arity), {
      name: m[1],
      stanza: stanza.trim(),
      args: args.length ? args : Array.from({ length: arity }, (_, i) => `arg${i + 1}`),
      definition: settings.get('definition') ?? '',
      iseval: /^(true|1|t|yes)$/i.test(settings.get('iseval') ?? ''),
      validation: settings.get('validation'),
      errormsg: settings.get('errormsg'),
    });
  }
  return table;
}

/** Blanks out ```comments``` (keeping newlines so that positions stay put). */
export function blankComments(text: string): string {
  let out = '';
  let i = 0;
  let last = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      i = skipQuoted(text, i);
      continue;
    }
    if (c === '`' && text.startsWith('```', i)) {
      const close = text.indexOf('```', i + 3);
      if (close < 0) throw new ParseFailure('unterminated comment: ``` has no closing ```', i);
      out += text.slice(last, i) + text.slice(i, close + 3).replace(/[^\n]/g, ' ');
      i = close + 3;
      last = i;
      continue;
    }
    i++;
  }
  return out + text.slice(last);
}

interface Origin {
  macro?: string;
  /** Offset of the outermost call in the original search (macro text), or of text[0] (original). */
  sourceOffset: number;
  isOriginal: boolean;
}

class Expander {
  readonly pieces: Piece[] = [];
  readonly used: string[] = [];
  text = '';

  constructor(
    private readonly original: string,
    private readonly macros: MacroTable,
    private readonly evaluate: EvalHook | undefined,
  ) {}

  /** Fails at `localOffset` of `localText`, of which the part before `emitted` is already in the output. */
  fail(message: string, localText: string, localOffset: number, origin: Origin, emitted = 0): never {
    const pending = localText.slice(emitted, Math.max(emitted, localOffset));
    const partial = this.text + pending;
    const pieces: Piece[] = [...this.pieces, { start: this.text.length, length: pending.length, macro: origin.macro, sourceOffset: origin.isOriginal ? origin.sourceOffset + emitted : origin.sourceOffset }];
    const pos = new ExpandedSearch(partial, this.original, pieces).position(partial.length);
    if (origin.isOriginal) pos.sourceOffset = origin.sourceOffset + localOffset;
    throw new SplError(message, pos);
  }

  emit(chunk: string, origin: Origin, localOffset: number): void {
    if (chunk === '') return;
    this.pieces.push({
      start: this.text.length,
      length: chunk.length,
      macro: origin.macro,
      sourceOffset: origin.isOriginal ? origin.sourceOffset + localOffset : origin.sourceOffset,
    });
    this.text += chunk;
  }

  expand(raw: string, origin: Origin, stack: string[]): void {
    let text: string;
    try {
      text = blankComments(raw);
    } catch (e) {
      if (e instanceof ParseFailure) this.fail(e.message, raw, e.offset, origin);
      throw e;
    }
    let last = 0;
    let i = 0;
    while (i < text.length) {
      const c = text[i];
      if (c === '"') {
        i = skipQuoted(text, i);
        continue;
      }
      if (c !== '`') {
        i++;
        continue;
      }
      const close = text.indexOf('`', i + 1);
      if (close < 0) this.fail('unbalanced backtick: macro call has no closing `', text, i, origin, last);
      this.emit(text.slice(last, i), origin, last);
      const call = text.slice(i + 1, close);
      const callOrigin: Origin = origin.isOriginal
        ? { sourceOffset: origin.sourceOffset + i, isOriginal: false }
        : { sourceOffset: origin.sourceOffset, isOriginal: false };
      this.expandCall(call, text, i, origin, callOrigin, stack, i);
      i = close + 1;
      last = i;
    }
    this.emit(text.slice(last), origin, last);
  }

  private expandCall(call: string, text: string, at: number, origin: Origin, callOrigin: Origin, stack: string[], emitted: number): void {
    const parsed = parseCall(call);
    if (!parsed) this.fail(`malformed macro call \`${call}\``, text, at, origin, emitted);
    const key = macroKey(parsed.name, parsed.args.length);
    const def = this.macros.get(key);
    if (!def) {
      const other = [...this.macros.values()].filter((m) => m.name === parsed.name).map((m) => m.stanza);
      const hint = other.length ? ` (defined: ${other.join(', ')})` : '';
      this.fail(`unknown macro \`${key}\`${hint}`, text, at, origin, emitted);
    }
    if (stack.includes(key)) this.fail(`macro \`${key}\` expands into itself (${[...stack, key].join(' → ')})`, text, at, origin, emitted);
    if (stack.length >= MAX_DEPTH) this.fail(`macros nest deeper than ${MAX_DEPTH} levels`, text, at, origin, emitted);
    if (!this.used.includes(key)) this.used.push(key);
    const values = bindArgs(def, parsed);
    if (!values) this.fail(`macro \`${key}\` called with named arguments that do not match its args (${def.args.join(', ')})`, text, at, origin, emitted);
    const substitute = (s: string) => s.replace(/\$([^$\s]+)\$/g, (m, name: string) => (values.has(name) ? (values.get(name) as string) : m));
    if (def.validation) {
      const verdict = this.evalFor(def, substitute(def.validation), 'validation', text, at, origin, emitted);
      if (verdict === false || (typeof verdict === 'string' && verdict !== '')) {
        const reason = typeof verdict === 'string' ? verdict : def.errormsg ? substitute(def.errormsg) : 'validation failed';
        this.fail(`macro \`${key}\`: ${reason}`, text, at, origin, emitted);
      }
    }
    let body = substitute(def.definition);
    if (def.iseval) {
      const value = this.evalFor(def, body, 'definition', text, at, origin, emitted);
      body = value === null || value === undefined ? '' : String(value);
    }
    this.expand(body, { ...callOrigin, macro: key }, [...stack, key]);
  }

  private evalFor(def: MacroDefinition, expression: string, what: string, text: string, at: number, origin: Origin, emitted: number): unknown {
    if (!this.evaluate) this.fail(`macro \`${def.stanza}\` needs eval for its ${what}, which is not available here`, text, at, origin, emitted);
    try {
      return this.evaluate(expression);
    } catch (e) {
      this.fail(`macro \`${def.stanza}\`: its ${what} "${expression}" failed: ${(e as Error).message}`, text, at, origin, emitted);
    }
  }
}

interface MacroCall {
  name: string;
  args: string[];
}

/** Parses `name` or `name(a, "b, c", d)`; arguments are kept verbatim (quotes included), trimmed. */
export function parseCall(call: string): MacroCall | undefined {
  const m = /^\s*([A-Za-z0-9_.:-]+)\s*(?:\(([\s\S]*)\))?\s*$/.exec(call);
  if (!m) return undefined;
  if (m[2] === undefined) return { name: m[1], args: [] };
  const args: string[] = [];
  const body = m[2];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '"') {
      const end = skipQuoted(body, i);
      cur += body.slice(i, end);
      i = end - 1;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') depth--;
    if (c === ',' && depth === 0) {
      args.push(cur.trim());
      cur = '';
      continue;
    }
    cur += c;
  }
  if (body.trim() !== '' || args.length) args.push(cur.trim());
  return { name: m[1], args };
}

function bindArgs(def: MacroDefinition, call: MacroCall): Map<string, string> | undefined {
  const values = new Map<string, string>();
  const named = call.args.map((a) => /^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*([\s\S]*)$/.exec(a));
  const allNamed = call.args.length > 0 && named.every((m) => m !== null && def.args.includes(m[1]));
  if (allNamed) {
    for (const m of named) values.set(m![1], m![2]);
    if (values.size !== def.args.length) return undefined;
    return values;
  }
  def.args.forEach((name, i) => values.set(name, call.args[i] ?? ''));
  return values;
}

/** Expands every macro of `search`; throws SplError naming the position on failure. */
export function expandMacros(search: string, macros: MacroTable, evaluate?: EvalHook): ExpandedSearch {
  const expander = new Expander(search, macros, evaluate);
  expander.expand(search, { sourceOffset: 0, isOriginal: true }, []);
  return new ExpandedSearch(expander.text, search, expander.pieces, expander.used);
}
