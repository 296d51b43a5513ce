/**
 * `fields [+|-] <field list>` (wildcards allowed): keep or remove fields; `_raw` and
 * `_time` stay unless removed explicitly
 * (https://help.splunk.com/splunk-cloud-platform/spl-search-reference/10.1.2507/search-commands/fields).
 * `table <field list>`: only the listed fields, in that order
 * (https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/table).
 */
import type { Row } from '../../event';
import { TokenStream } from '../args';
import { fieldPattern } from './helpers';
import type { Command, CommandDefinition } from './types';

function matcherFor(names: string[]): (key: string) => boolean {
  const exact = new Set(names.filter((n) => !n.includes('*')));
  const patterns = names.filter((n) => n.includes('*')).map(fieldPattern);
  return (key) => exact.has(key) || patterns.some((p) => p.test(key));
}

export const fieldsCommand: CommandDefinition = {
  name: 'fields',
  generating: false,
  parse(ctx): Command {
    const stream = TokenStream.forCommand(ctx.text, ctx.node);
    let remove = false;
    const sign = stream.peek();
    if (sign && sign.kind === 'word' && (sign.value === '-' || sign.value === '+')) {
      remove = sign.value === '-';
      stream.next();
    }
    const names = stream.fieldList().map((t) => t.value);
    if (names.length === 0) stream.fail('expected at least one field name');
    stream.expectEnd();
    const listed = matcherFor(names);
    return {
      name: 'fields',
      run(input: Row[]): Row[] {
        return input.map((row) => {
          const out: Row = {};
          for (const key in row) {
            if (row[key] === undefined) continue;
            const keep = remove ? !listed(key) : listed(key) || key === '_raw' || key === '_time';
            if (keep) out[key] = row[key];
          }
          return out;
        });
      },
    };
  },
};

export const tableCommand: CommandDefinition = {
  name: 'table',
  generating: false,
  parse(ctx): Command {
    const stream = TokenStream.forCommand(ctx.text, ctx.node);
    const names = stream.fieldList().map((t) => t.value);
    if (names.length === 0) stream.fail('expected at least one field name');
    stream.expectEnd();
    const patterns = names.map((n) => (n.includes('*') ? fieldPattern(n) : n));
    return {
      name: 'table',
      run(input: Row[]): Row[] {
        return input.map((row) => {
          const out: Row = {};
          for (const p of patterns) {
            if (typeof p === 'string') {
              if (row[p] !== undefined) out[p] = row[p];
            } else {
              for (const key of Object.keys(row).sort()) if (p.test(key) && row[key] !== undefined && !(key in out)) out[key] = row[key];
            }
          }
          return out;
        });
      },
    };
  },
};
