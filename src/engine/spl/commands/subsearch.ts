/**
 * Subsearch support: `format` and `return` (which turn rows into a search string in a
 * field named `search`), `append` (rows of a subsearch after the current ones), and
 * `makeresults`.
 * - format: https://help.splunk.com/splunk-cloud-platform/spl-search-reference/10.0.2503/search-commands/format
 *   (defaults "(" "(" "AND" ")" "OR" ")", mvsep OR, emptystr "NOT ( )"; fields that begin
 *   with "_" are ignored; fields named search or query are written as they are —
 *   "Change the format of subsearch results", Search Manual);
 * - return: https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/return
 *   (first row by default; `alias=field`, `field`, `$field`; rows joined by OR);
 * - append: https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/append .
 */
import type { Row } from '../../event';
import { parseInteger, TokenStream } from '../args';
import { ParseFailure } from '../errors';
import type { Token } from '../lexer';
import type { SubsearchNode } from '../pipeline';
import { fieldTexts } from '../value';
import type { Command, CommandDefinition } from './types';

export interface FormatOptions {
  rowPrefix: string;
  columnPrefix: string;
  columnSeparator: string;
  columnEnd: string;
  rowSeparator: string;
  rowEnd: string;
  mvsep: string;
  emptystr: string;
  maxresults: number;
}

export const DEFAULT_FORMAT: FormatOptions = {
  rowPrefix: '(',
  columnPrefix: '(',
  columnSeparator: 'AND',
  columnEnd: ')',
  rowSeparator: 'OR',
  rowEnd: ')',
  mvsep: 'OR',
  emptystr: 'NOT ( )',
  maxresults: 0,
};

function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Formats rows as a search string, as the implicit `format` of a subsearch does. */
export function formatRows(rows: readonly Row[], o: FormatOptions = DEFAULT_FORMAT): string {
  const limited = o.maxresults > 0 ? rows.slice(0, o.maxresults) : rows;
  const parts: string[] = [];
  for (const row of limited) {
    const columns: string[] = [];
    for (const key of Object.keys(row)) {
      const v = row[key];
      if (v === undefined || key.startsWith('_')) continue;
      const values = fieldTexts(v);
      if (key === 'search' || key === 'query') {
        columns.push(values.join(' '));
        continue;
      }
      const terms = values.map((x) => `${key}=${quote(x)}`);
      columns.push(terms.length === 1 ? terms[0] : `( ${terms.join(` ${o.mvsep} `)} )`);
    }
    if (columns.length) parts.push(`${o.columnPrefix} ${columns.join(` ${o.columnSeparator} `)} ${o.columnEnd}`);
  }
  if (parts.length === 0) return o.emptystr;
  return `${o.rowPrefix} ${parts.join(` ${o.rowSeparator} `)} ${o.rowEnd}`;
}

export const formatCommand: CommandDefinition = {
  name: 'format',
  generating: false,
  parse(ctx): Command {
    const stream = TokenStream.forCommand(ctx.text, ctx.node);
    const opts = stream.options(['mvsep', 'maxresults', 'emptystr']);
    const strings: Token[] = [];
    while (stream.peek()?.kind === 'string') strings.push(stream.next());
    for (const [k, v] of stream.options(['mvsep', 'maxresults', 'emptystr'])) opts.set(k, v);
    stream.expectEnd();
    if (strings.length !== 0 && strings.length !== 6) stream.fail('give all six row and column strings or none', strings[0]);
    const o: FormatOptions = { ...DEFAULT_FORMAT };
    if (strings.length === 6) [o.rowPrefix, o.columnPrefix, o.columnSeparator, o.columnEnd, o.rowSeparator, o.rowEnd] = strings.map((s) => s.value);
    if (opts.has('mvsep')) o.mvsep = opts.get('mvsep')!.value;
    if (opts.has('emptystr')) o.emptystr = opts.get('emptystr')!.value;
    if (opts.has('maxresults')) o.maxresults = parseInteger(opts.get('maxresults')!, stream);
    return { name: 'format', run: (input: Row[]) => [{ search: formatRows(input, o) }] };
  },
};

export const returnCommand: CommandDefinition = {
  name: 'return',
  generating: false,
  parse(ctx): Command {
    const stream = TokenStream.forCommand(ctx.text, ctx.node);
    const count = stream.acceptCount(1) ?? 1;
    const items: Array<{ kind: 'field' | 'alias' | 'value'; field: string; alias?: string }> = [];
    while (!stream.atEnd()) {
      if (stream.accept('comma')) continue;
      if (stream.isOption()) {
        const alias = stream.next().value;
        stream.next();
        items.push({ kind: 'alias', alias, field: stream.field().value });
        continue;
      }
      const t = stream.field();
      if (t.value.startsWith('$')) items.push({ kind: 'value', field: t.value.slice(1) });
      else items.push({ kind: 'field', field: t.value });
    }
    if (items.length === 0) stream.fail('expected a field to return');
    return {
      name: 'return',
      run(input: Row[]): Row[] {
        const rows = input.slice(0, count).map((row) => {
          const parts: string[] = [];
          for (const it of items) {
            const values = fieldTexts(row[it.field]);
            if (values.length === 0) continue;
            if (it.kind === 'value') parts.push(values.join(' '));
            else parts.push(`${it.kind === 'alias' ? it.alias : it.field}=${quote(values[0])}`);
          }
          return parts.join(' ');
        });
        const nonEmpty = rows.filter((r) => r !== '');
        const search = nonEmpty.length <= 1 ? nonEmpty[0] ?? '' : nonEmpty.map((r) => `(${r})`).join(' OR ');
        return [{ search }];
      },
    };
  },
};

export const appendCommand: CommandDefinition = {
  name: 'append',
  generating: false,
  parse(ctx): Command {
    const stream = TokenStream.forCommand(ctx.text, ctx.node);
    stream.options(['extendtimerange', 'maxtime', 'maxout', 'timeout']);
    const sub = stream.expect('subsearch', 'a [subsearch]');
    stream.expectEnd();
    const node = sub.subsearch as SubsearchNode;
    return {
      name: 'append',
      run(input: Row[], run): Row[] {
        return [...input, ...run.runSubsearch(node.pipeline)];
      },
    };
  },
};

export const makeresultsCommand: CommandDefinition = {
  name: 'makeresults',
  parse(ctx): Command {
    const stream = TokenStream.forCommand(ctx.text, ctx.node);
    const opts = stream.options(['count', 'annotate', 'splunk_server', 'splunk_server_group', 'format', 'data']);
    stream.expectEnd();
    for (const o of ['format', 'data', 'annotate']) {
      if (opts.has(o)) throw new ParseFailure(`makeresults: ${o}= is not supported by the offline engine`, opts.get(o)!.start);
    }
    const count = opts.has('count') ? parseInteger(opts.get('count')!, stream, 1) : 1;
    const now = ctx.now;
    return { name: 'makeresults', generating: true, run: () => Array.from({ length: count }, () => ({ _time: Math.floor(now) })) };
  },
};
