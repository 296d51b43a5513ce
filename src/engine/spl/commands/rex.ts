/**
 * `rex [field=<f>] [max_match=N] [offset_field=<f>] "<regex with named groups>"` and
 * `rex [field=<f>] mode=sed "s/<regex>/<replacement>/[g|N]"` / `"y/abc/xyz/"`:
 * the default field is _raw; the first match sets one field per named group;
 * max_match>1 (0 = unlimited) collects multivalue fields; rows that do not match keep
 * their fields (https://help.splunk.com/splunk-enterprise/spl-search-reference/9.1/search-commands/rex).
 * `regex [<field>=|<field>!=]"<regex>"` keeps (or drops) rows whose field matches
 * (https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/regex).
 */
import type { FieldValue, Row } from '../../event';
import { parseInteger, TokenStream } from '../args';
import { ParseFailure } from '../errors';
import { compilePcre, RegexError } from '../regex';
import { replacementFor } from '../functions/text';
import { fieldTexts } from '../value';
import type { Command, CommandDefinition } from './types';

const MAX_UNLIMITED = 1000;

function compileAt(pattern: string, flags: string, offset: number): { regex: RegExp; groupNames: string[] } {
  try {
    return compilePcre(pattern, flags);
  } catch (e) {
    if (e instanceof RegexError) throw new ParseFailure(e.message, offset);
    throw e;
  }
}

/** Splits `s/regex/replacement/flags` on unescaped delimiters. */
function sedParts(expr: string, offset: number): { kind: 's' | 'y'; a: string; b: string; flags: string } {
  const kind = expr[0];
  const delim = expr[1];
  if ((kind !== 's' && kind !== 'y') || !delim) throw new ParseFailure('rex mode=sed needs "s/regex/replacement/flags" or "y/from/to/"', offset);
  const parts: string[] = [''];
  for (let i = 2; i < expr.length; i++) {
    const c = expr[i];
    if (c === '\\' && expr[i + 1] === delim) {
      parts[parts.length - 1] += delim;
      i++;
    } else if (c === delim) parts.push('');
    else parts[parts.length - 1] += c;
  }
  if (parts.length !== 3) throw new ParseFailure(`rex mode=sed expression "${expr}" needs three "${delim}"-separated parts`, offset);
  return { kind, a: parts[0], b: parts[1], flags: parts[2] };
}

export const rexCommand: CommandDefinition = {
  name: 'rex',
  generating: false,
  parse(ctx): Command {
    const stream = TokenStream.forCommand(ctx.text, ctx.node);
    const opts = stream.options(['field', 'max_match', 'offset_field', 'mode']);
    const patternTok = stream.expect('string', 'a quoted regular expression');
    stream.expectEnd();
    const field = opts.get('field')?.value ?? '_raw';
    const mode = opts.get('mode')?.value.toLowerCase();
    if (mode !== undefined && mode !== 'sed') stream.fail(`mode must be sed, found "${mode}"`, opts.get('mode'));
    if (mode === 'sed') return sedCommand(field, patternTok.value, patternTok.start);
    if (opts.has('offset_field')) stream.fail('offset_field is not supported by the offline engine', opts.get('offset_field'));
    let maxMatch = opts.has('max_match') ? parseInteger(opts.get('max_match')!, stream) : 1;
    if (maxMatch === 0) maxMatch = MAX_UNLIMITED;
    const { regex, groupNames } = compileAt(patternTok.value, 'g', patternTok.start);
    if (groupNames.length === 0) stream.fail('the regular expression has no named group (?<name>…) to extract', patternTok);
    return {
      name: 'rex',
      run(input: Row[]): Row[] {
        return input.map((row) => {
          const texts = fieldTexts(row[field]);
          if (texts.length === 0) return row;
          const collected = new Map<string, string[]>();
          let matches = 0;
          for (const text of texts) {
            regex.lastIndex = 0;
            let m: RegExpExecArray | null;
            while (matches < maxMatch && (m = regex.exec(text)) !== null) {
              matches++;
              for (const name of groupNames) {
                const v = m.groups?.[name];
                if (v !== undefined) {
                  const list = collected.get(name) ?? [];
                  list.push(v);
                  collected.set(name, list);
                }
              }
              if (m[0] === '') regex.lastIndex++;
            }
            if (matches >= maxMatch) break;
          }
          if (matches === 0) return row;
          const out = { ...row };
          for (const [name, values] of collected) out[name] = values.length === 1 ? values[0] : values;
          return out;
        });
      },
    };
  },
};

function sedCommand(field: string, expr: string, offset: number): Command {
  const parts = sedParts(expr, offset);
  let apply: (s: string) => string;
  if (parts.kind === 'y') {
    const from = [...parts.a];
    const to = [...parts.b];
    if (from.length !== to.length) throw new ParseFailure('rex mode=sed y/from/to/ needs equally long character lists', offset);
    apply = (s) => [...s].map((c) => (from.includes(c) ? to[from.indexOf(c)] : c)).join('');
  } else {
    const global = parts.flags.includes('g');
    const nth = /^\d+$/.test(parts.flags) ? Number(parts.flags) : 0;
    const { regex } = compileAt(parts.a, 'g', offset);
    const once = new RegExp(regex.source, regex.flags.replace('g', ''));
    const repl = replacementFor(parts.b.replace(/&/g, '$$&'));
    apply = (s) => {
      let count = 0;
      return s.replace(regex, (...args) => {
        count++;
        const whole = args[0] as string;
        if (global || (nth ? count === nth : count === 1)) return whole.replace(once, repl);
        return whole;
      });
    };
  }
  return {
    name: 'rex',
    run(input: Row[]): Row[] {
      return input.map((row) => {
        const v = row[field];
        if (v === undefined) return row;
        const next: FieldValue = Array.isArray(v) ? v.map(apply) : apply(fieldTexts(v)[0]);
        return { ...row, [field]: next };
      });
    },
  };
}

export const regexCommand: CommandDefinition = {
  name: 'regex',
  generating: false,
  parse(ctx): Command {
    const stream = TokenStream.forCommand(ctx.text, ctx.node);
    let field = '_raw';
    let negate = false;
    const a = stream.peek();
    const b = stream.peek(1);
    if (a && b && (a.kind === 'word' || a.kind === 'string') && b.kind === 'op' && (b.value === '=' || b.value === '!=')) {
      field = a.value;
      negate = b.value === '!=';
      stream.pos += 2;
    }
    const patternTok = stream.expect('string', 'a quoted regular expression');
    stream.expectEnd();
    const { regex } = compileAt(patternTok.value, '', patternTok.start);
    return {
      name: 'regex',
      run(input: Row[]): Row[] {
        return input.filter((row) => {
          const texts = fieldTexts(row[field]);
          if (texts.length === 0) return negate;
          const hit = texts.some((t) => regex.test(t));
          return negate ? !hit : hit;
        });
      },
    };
  },
};
