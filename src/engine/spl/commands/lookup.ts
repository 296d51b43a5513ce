/**
 * `lookup [local=] [update=] <table> <field> [AS <event field>][, …]
 * [OUTPUT|OUTPUTNEW <field> [AS <event field>][, …]]`: rows of the table matching
 * the event on every lookup field add their output columns (all non-key columns when
 * there is no OUTPUT clause); several matches give multivalue fields; OUTPUT
 * overwrites, OUTPUTNEW only fills fields the event lacks; no match leaves the event
 * (OUTPUT clears the output fields — unverified)
 * (https://help.splunk.com/splunk-enterprise/spl-search-reference/10.0/search-commands/lookup).
 */
import type { Row } from '../../event';
import { parseBool, parseInteger, TokenStream } from '../args';
import { ParseFailure } from '../errors';
import type { Token } from '../lexer';
import type { LookupTable } from '../lookup/table';
import { compileSearch } from '../searchMatch';
import { parseSearchExpression, type SearchNode } from '../searchExpr';
import { fieldTexts } from '../value';
import type { Command, CommandDefinition, ParseContext } from './types';

interface FieldPair {
  table: string;
  event: string;
}

/** The lookup name argument and its table; an unknown lookup fails at the name. */
function lookupArgument(stream: TokenStream, ctx: ParseContext): { nameTok: Token; table: LookupTable } {
  const nameTok = stream.field('a lookup name');
  try {
    return { nameTok, table: ctx.lookups.resolve(nameTok.value) };
  } catch (e) {
    throw new ParseFailure(`${stream.command}: ${(e as Error).message}`, nameTok.start);
  }
}

function pairs(stream: TokenStream, stop: readonly string[]): FieldPair[] {
  const out: FieldPair[] = [];
  while (!stream.atEnd()) {
    if (stream.accept('comma')) continue;
    const t = stream.peek() as Token;
    if (t.kind === 'word' && stop.includes(t.value.toLowerCase())) break;
    const table = stream.field().value;
    let event = table;
    if (stream.acceptKeyword('as')) event = stream.field('a field name after AS').value;
    out.push({ table, event });
  }
  return out;
}

export const lookupCommand: CommandDefinition = {
  name: 'lookup',
  generating: false,
  parse(ctx): Command {
    const stream = TokenStream.forCommand(ctx.text, ctx.node);
    stream.options(['local', 'update', 'event_time_field']);
    const { nameTok, table } = lookupArgument(stream, ctx);
    const inputs = pairs(stream, ['output', 'outputnew']);
    if (inputs.length === 0) stream.fail('expected the lookup field(s) to match on');
    let mode: 'output' | 'outputnew' = 'output';
    let outputs: FieldPair[] = [];
    if (stream.isKeyword('output') || stream.isKeyword('outputnew')) {
      mode = stream.next().value.toLowerCase() as 'output' | 'outputnew';
      outputs = pairs(stream, []);
      if (outputs.length === 0) stream.fail(`${mode.toUpperCase()} needs at least one field`);
    } else {
      const keys = new Set(inputs.map((i) => i.table));
      outputs = table.columns.filter((c) => !keys.has(c)).map((c) => ({ table: c, event: c }));
    }
    stream.expectEnd();
    for (const f of [...inputs, ...outputs]) {
      if (!table.columns.includes(f.table)) throw new ParseFailure(`lookup: table "${nameTok.value}" has no column "${f.table}" (columns: ${table.columns.join(', ')})`, nameTok.start);
    }
    const def = table.definition;
    return {
      name: 'lookup',
      run(input: Row[]): Row[] {
        return input.map((row) => {
          if (mode === 'outputnew' && outputs.every((o) => row[o.event] !== undefined)) return row;
          const query = inputs.map((i) => ({ field: i.table, values: fieldTexts(row[i.event]) }));
          if (query.some((q) => q.values.length === 0)) return row;
          let matches = table.match(query);
          if (matches.length < def.minMatches && def.defaultMatch !== undefined) {
            const fill: Record<string, string> = {};
            for (const o of outputs) fill[o.table] = def.defaultMatch;
            matches = [...matches, ...Array.from({ length: def.minMatches - matches.length }, () => fill)];
          }
          if (matches.length === 0) return row;
          const out = { ...row };
          for (const o of outputs) {
            if (mode === 'outputnew' && row[o.event] !== undefined) continue;
            const values = matches.map((m) => m[o.table]).filter((v) => v !== undefined && v !== '');
            if (values.length === 0) delete out[o.event];
            else out[o.event] = values.length === 1 ? values[0] : values;
          }
          return out;
        });
      },
    };
  },
};

/**
 * `| inputlookup [append=] [start=] [max=] <table> [WHERE <search>]`: the table's rows
 * (https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/inputlookup).
 */
export const inputlookupCommand: CommandDefinition = {
  name: 'inputlookup',
  parse(ctx): Command {
    const stream = TokenStream.forCommand(ctx.text, ctx.node);
    const opts = stream.options(['append', 'start', 'max']);
    const { nameTok, table } = lookupArgument(stream, ctx);
    let test: ((row: Row) => boolean) | undefined;
    let whereExpr: SearchNode | undefined;
    if (stream.acceptKeyword('where')) {
      whereExpr = parseSearchExpression(stream);
      test = compileSearch(whereExpr, { now: ctx.now, zone: ctx.zone });
    }
    stream.expectEnd();
    const append = opts.has('append') ? parseBool(opts.get('append')!, stream) : false;
    const start = opts.has('start') ? parseInteger(opts.get('start')!, stream) : 0;
    const max = opts.has('max') ? parseInteger(opts.get('max')!, stream) : Infinity;
    if (!append && !ctx.first) stream.fail('inputlookup must start the search ("| inputlookup …") unless append=true', nameTok);
    return {
      name: 'inputlookup',
      generating: !append,
      expressions: whereExpr ? { searches: [{ node: whereExpr, base: false }] } : undefined,
      run(input: Row[]): Row[] {
        const rows: Row[] = [];
        const all = table.data.rows;
        for (let i = start; i < all.length && rows.length < max; i++) {
          const row: Row = {};
          for (const [k, v] of Object.entries(all[i])) if (v !== '') row[k] = v;
          if (!test || test(row)) rows.push(row);
        }
        return append ? [...input, ...rows] : rows;
      },
    };
  },
};
