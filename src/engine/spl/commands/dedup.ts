/**
 * `dedup [N] <fields> [keepevents=] [keepempty=] [consecutive=] [sortby …]`: keeps the
 * first N rows (in result order) of each combination of values; rows missing a listed
 * field are dropped unless keepempty=true
 * (https://help.splunk.com/splunk-cloud-platform/spl-search-reference/10.0.2503/search-commands/dedup).
 */
import type { Row } from '../../event';
import { parseBool, TokenStream } from '../args';
import { fieldTexts } from '../value';
import { parseSortKeys, sortRows } from './sort';
import type { Command, CommandDefinition } from './types';

export const dedupCommand: CommandDefinition = {
  name: 'dedup',
  generating: false,
  parse(ctx): Command {
    const stream = TokenStream.forCommand(ctx.text, ctx.node);
    // A number with nothing after it is the field to dedup on.
    const count = stream.peek(1) === undefined ? 1 : (stream.acceptCount(1) ?? 1);
    const fields: string[] = [];
    let keepEvents = false;
    let keepEmpty = false;
    let consecutive = false;
    let sortKeys: ReturnType<typeof parseSortKeys> = [];
    while (!stream.atEnd()) {
      if (stream.accept('comma')) continue;
      if (stream.isOption()) {
        const opts = stream.options(['keepevents', 'keepempty', 'consecutive']);
        if (opts.has('keepevents')) keepEvents = parseBool(opts.get('keepevents')!, stream);
        if (opts.has('keepempty')) keepEmpty = parseBool(opts.get('keepempty')!, stream);
        if (opts.has('consecutive')) consecutive = parseBool(opts.get('consecutive')!, stream);
        continue;
      }
      if (stream.acceptKeyword('sortby')) {
        sortKeys = parseSortKeys(stream);
        continue;
      }
      fields.push(stream.field().value);
    }
    if (fields.length === 0) stream.fail('expected at least one field');
    return {
      name: 'dedup',
      run(input: Row[]): Row[] {
        const seen = new Map<string, number>();
        const out: Row[] = [];
        let previous: string | undefined;
        for (const row of input) {
          const parts: string[] = [];
          let missing = false;
          for (const f of fields) {
            const v = fieldTexts(row[f]);
            if (v.length === 0) missing = true;
            parts.push(v.join('\u0001'));
          }
          if (missing) {
            if (keepEmpty) out.push(row);
            continue;
          }
          const key = parts.join('\u0000');
          if (consecutive) {
            if (key !== previous) out.push(row);
            else if (keepEvents) out.push(stripFields(row, fields));
            previous = key;
            continue;
          }
          const n = seen.get(key) ?? 0;
          if (n < count) {
            seen.set(key, n + 1);
            out.push(row);
          } else if (keepEvents) out.push(stripFields(row, fields));
        }
        return sortKeys.length ? sortRows(out, sortKeys) : out;
      },
    };
  },
};

function stripFields(row: Row, fields: string[]): Row {
  const out = { ...row };
  for (const f of fields) delete out[f];
  return out;
}
