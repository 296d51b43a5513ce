/**
 * `convert [timeformat="…"] <fn>(<field>) [AS <new>] …` with ctime (epoch → text,
 * default format %m/%d/%Y %H:%M:%S), mktime (text → epoch), dur2sec, num, rmcomma,
 * rmunit, memk, auto, none
 * (https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/convert).
 */
import type { Row } from '../../event';
import { TokenStream } from '../args';
import { strftime } from '../time/strftime';
import { strptime } from '../time/strptime';
import { fieldTexts, parseNumber } from '../value';
import { fieldPattern } from './helpers';
import type { Command, CommandDefinition } from './types';

const DEFAULT_TIMEFORMAT = '%m/%d/%Y %H:%M:%S';
const FUNCTIONS = ['ctime', 'mktime', 'dur2sec', 'num', 'rmcomma', 'rmunit', 'memk', 'auto', 'none'];

interface Conversion {
  fn: string;
  field: string;
  /** The field's pattern when it has a wildcard. */
  pattern?: RegExp;
  as?: string;
}

export const convertCommand: CommandDefinition = {
  name: 'convert',
  generating: false,
  parse(ctx): Command {
    const stream = TokenStream.forCommand(ctx.text, ctx.node);
    const opts = stream.options(['timeformat']);
    const timeformat = opts.get('timeformat')?.value ?? DEFAULT_TIMEFORMAT;
    const conversions: Conversion[] = [];
    while (!stream.atEnd()) {
      if (stream.accept('comma')) continue;
      const fnTok = stream.field('a conversion function such as ctime(field)');
      const fn = fnTok.value.toLowerCase();
      if (!FUNCTIONS.includes(fn)) stream.fail(`unknown conversion function "${fnTok.value}" (known: ${FUNCTIONS.join(', ')})`, fnTok);
      stream.expect('lparen', `"(" after ${fn}`);
      const field = stream.field().value;
      stream.expect('rparen', '")"');
      const conv: Conversion = { fn, field, pattern: field.includes('*') ? fieldPattern(field) : undefined };
      if (stream.acceptKeyword('as')) conv.as = stream.field('a name after AS').value;
      conversions.push(conv);
    }
    if (conversions.length === 0) stream.fail('expected a conversion such as ctime(_time)');
    const zone = ctx.zone;
    const convert = (fn: string, value: string): string | number | undefined => {
      switch (fn) {
        case 'ctime': {
          const n = parseNumber(value);
          return Number.isNaN(n) ? value : strftime(n, timeformat, zone);
        }
        case 'mktime': {
          const t = strptime(value, timeformat, zone);
          return t === null ? value : t;
        }
        case 'dur2sec': {
          const m = /^(?:(\d+)\+)?(\d+):(\d{1,2}):(\d{1,2})$/.exec(value.trim());
          return m ? Number(m[1] ?? 0) * 86400 + Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4]) : value;
        }
        case 'num':
        case 'auto': {
          const cleaned = value.replace(/,/g, '').trim();
          const n = parseNumber(cleaned);
          if (!Number.isNaN(n)) return n;
          const lead = /^[+-]?(\d+\.?\d*|\.\d+)/.exec(cleaned);
          return lead ? Number(lead[0]) : fn === 'auto' ? value : undefined;
        }
        case 'rmcomma':
          return value.replace(/,/g, '');
        case 'rmunit': {
          const lead = /^\s*[+-]?(\d+\.?\d*|\.\d+)/.exec(value);
          return lead ? Number(lead[0]) : value;
        }
        case 'memk': {
          const m = /^\s*(\d+(?:\.\d+)?)\s*([kKmMgG]?)\s*$/.exec(value);
          if (!m) return value;
          const factor = { '': 1, k: 1, m: 1024, g: 1024 * 1024 }[m[2].toLowerCase()] ?? 1;
          return Number(m[1]) * factor;
        }
        default:
          return value;
      }
    };
    return {
      name: 'convert',
      run(input: Row[]): Row[] {
        return input.map((row) => {
          const out = { ...row };
          for (const c of conversions) {
            const { pattern } = c;
            const targets = pattern ? Object.keys(row).filter((k) => pattern.test(k)) : [c.field];
            for (const f of targets) {
              const values = fieldTexts(row[f]);
              if (values.length === 0) continue;
              const converted = values.map((v) => convert(c.fn, v));
              const dest = c.as && !pattern ? c.as : f;
              if (converted.length === 1) {
                if (converted[0] === undefined) delete out[dest];
                else out[dest] = converted[0];
              } else out[dest] = converted.map((v) => (v === undefined ? '' : String(v)));
            }
          }
          return out;
        });
      },
    };
  },
};
