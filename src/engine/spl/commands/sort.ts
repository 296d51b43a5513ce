/**
 * `sort [N | limit=N] [+|-]<field> | [+|-](auto|num|str|ip)(<field>) …[, …] [desc]`:
 * default limit 10000 (`sort 0` for all); auto compares numbers numerically, then
 * strings lexicographically; rows missing the field go last; stable
 * (https://help.splunk.com/splunk-enterprise/spl-search-reference/9.0/search-commands/sort).
 */
import type { Row } from '../../event';
import { parseInteger, TokenStream } from '../args';
import { fieldText, naturalCompare, parseNumber } from '../value';
import type { Command, CommandDefinition } from './types';

type Collation = 'auto' | 'num' | 'str' | 'ip';

interface SortKey {
  field: string;
  descending: boolean;
  collation: Collation;
}

const DEFAULT_LIMIT = 10000;

function ipKey(s: string): number[] {
  return s.split(/[.:]/).map((p) => Number.parseInt(p, 10) || 0);
}

function compareBy(a: string, b: string, collation: Collation): number {
  switch (collation) {
    case 'num': {
      const x = parseNumber(a);
      const y = parseNumber(b);
      if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) === Number.isNaN(y) ? naturalCompare(a, b) : Number.isNaN(x) ? 1 : -1;
      return x - y;
    }
    case 'str':
      return a < b ? -1 : a > b ? 1 : 0;
    case 'ip': {
      const x = ipKey(a);
      const y = ipKey(b);
      for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
      return 0;
    }
    default:
      return naturalCompare(a, b);
  }
}

export function parseSortKeys(stream: TokenStream, stopWords: readonly string[] = []): SortKey[] {
  const keys: SortKey[] = [];
  let pendingSign: boolean | undefined;
  while (!stream.atEnd()) {
    if (stream.accept('comma')) continue;
    const t = stream.peek()!;
    if (t.kind === 'word' && stopWords.includes(t.value.toLowerCase())) break;
    if (t.kind === 'word' && (t.value === '-' || t.value === '+')) {
      pendingSign = t.value === '-';
      stream.next();
      continue;
    }
    if (t.kind === 'word' && t.value.toLowerCase() === 'desc' && keys.length > 0 && stream.pos === stream.tokens.length - 1) {
      stream.next();
      for (const k of keys) k.descending = !k.descending;
      break;
    }
    let text = stream.field('a field to sort by').value;
    let descending = pendingSign ?? false;
    pendingSign = undefined;
    if (text.startsWith('-') || text.startsWith('+')) {
      descending = text[0] === '-';
      text = text.slice(1);
    }
    let collation: Collation = 'auto';
    const fn = /^(auto|num|str|ip)$/i.exec(text);
    if (fn && stream.peek()?.kind === 'lparen') {
      stream.next();
      text = stream.field('a field inside ' + fn[1] + '()').value;
      stream.expect('rparen', '")"');
      collation = fn[1].toLowerCase() as Collation;
    }
    keys.push({ field: text, descending, collation });
  }
  return keys;
}

export function sortRows(rows: Row[], keys: SortKey[]): Row[] {
  const decorated = rows.map((row, index) => ({ row, index, values: keys.map((k) => (row[k.field] === undefined ? undefined : fieldText(row[k.field]!))) }));
  decorated.sort((a, b) => {
    for (let i = 0; i < keys.length; i++) {
      const x = a.values[i];
      const y = b.values[i];
      if (x === undefined || y === undefined) {
        if (x === y) continue;
        return x === undefined ? 1 : -1;
      }
      const c = compareBy(x, y, keys[i].collation);
      if (c !== 0) return keys[i].descending ? -c : c;
    }
    return a.index - b.index;
  });
  return decorated.map((d) => d.row);
}

export const sortCommand: CommandDefinition = {
  name: 'sort',
  generating: false,
  parse(ctx): Command {
    const stream = TokenStream.forCommand(ctx.text, ctx.node);
    let limit = DEFAULT_LIMIT;
    const opts = stream.options(['limit'], false);
    if (opts.has('limit')) limit = parseInteger(opts.get('limit')!, stream);
    limit = stream.acceptCount() ?? limit;
    const keys = parseSortKeys(stream);
    if (keys.length === 0) stream.fail('expected a field to sort by');
    stream.expectEnd();
    return {
      name: 'sort',
      run(input: Row[], run): Row[] {
        const sorted = sortRows(input, keys);
        if (limit > 0 && sorted.length > limit) {
          run.messages.push(`sort: kept the first ${limit} of ${sorted.length} results (default limit; use sort 0 for all)`);
          return sorted.slice(0, limit);
        }
        return sorted;
      },
    };
  },
};
