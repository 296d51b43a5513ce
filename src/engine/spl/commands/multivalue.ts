/**
 * `mvexpand <field> [limit=N]`: one row per value; rows without the field are dropped
 * (https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/mvexpand).
 * `makemv [delim="…" | tokenizer="regex"] [allowempty=] [setsv=] <field>`: splits a
 * single value into a multivalue, default delimiter a space
 * (https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/makemv).
 */
import type { Row } from '../../event';
import { parseBool, parseInteger, TokenStream } from '../args';
import { ParseFailure } from '../errors';
import { compilePcre, RegexError } from '../regex';
import { fieldTexts } from '../value';
import type { Command, CommandDefinition } from './types';

export const mvexpandCommand: CommandDefinition = {
  name: 'mvexpand',
  generating: false,
  parse(ctx): Command {
    const stream = TokenStream.forCommand(ctx.text, ctx.node);
    let opts = stream.options(['limit']);
    const field = stream.field().value;
    if (!opts.size) opts = stream.options(['limit']);
    stream.expectEnd();
    const limit = opts.has('limit') ? parseInteger(opts.get('limit')!, stream, 1) : Infinity;
    return {
      name: 'mvexpand',
      run(input: Row[]): Row[] {
        const out: Row[] = [];
        for (const row of input) {
          const values = fieldTexts(row[field]);
          values.slice(0, limit).forEach((v) => out.push({ ...row, [field]: v }));
        }
        return out;
      },
    };
  },
};

export const makemvCommand: CommandDefinition = {
  name: 'makemv',
  generating: false,
  parse(ctx): Command {
    const stream = TokenStream.forCommand(ctx.text, ctx.node);
    const opts = stream.options(['delim', 'tokenizer', 'allowempty', 'setsv']);
    const field = stream.field().value;
    stream.expectEnd();
    if (opts.has('delim') && opts.has('tokenizer')) stream.fail('use either delim= or tokenizer=, not both', opts.get('tokenizer'));
    const allowEmpty = opts.has('allowempty') ? parseBool(opts.get('allowempty')!, stream) : false;
    const setsv = opts.has('setsv') ? parseBool(opts.get('setsv')!, stream) : false;
    let split: (s: string) => string[];
    const tok = opts.get('tokenizer');
    if (tok) {
      let regex: RegExp;
      try {
        regex = compilePcre(tok.value, 'g').regex;
      } catch (e) {
        if (e instanceof RegexError) throw new ParseFailure(e.message, tok.start);
        throw e;
      }
      split = (s) => [...s.matchAll(regex)].map((m) => m[1] ?? m[0]);
    } else {
      const delim = opts.get('delim')?.value ?? ' ';
      split = (s) => s.split(delim);
    }
    return {
      name: 'makemv',
      run(input: Row[]): Row[] {
        return input.map((row) => {
          const v = row[field];
          if (v === undefined || Array.isArray(v)) return row;
          let parts = split(fieldTexts(v)[0]);
          if (!allowEmpty) parts = parts.filter((p) => p !== '');
          if (parts.length === 0) {
            const out = { ...row };
            delete out[field];
            return out;
          }
          return { ...row, [field]: setsv ? parts.join(' ') : parts.length === 1 ? parts[0] : parts };
        });
      },
    };
  },
};
