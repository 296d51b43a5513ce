/**
 * `rename <field> AS <new>[, …]` with `*` wildcards carried from the source to the
 * destination (`rename Processes.* AS *`); the renamed field replaces an existing one
 * of the new name; renaming a missing field changes nothing (unverified)
 * (https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/rename).
 */
import type { Row } from '../../event';
import { TokenStream } from '../args';
import { fieldPattern } from './helpers';
import type { Command, CommandDefinition } from './types';

interface Renaming {
  from: string;
  to: string;
  pattern?: RegExp;
}

export const renameCommand: CommandDefinition = {
  name: 'rename',
  generating: false,
  parse(ctx): Command {
    const stream = TokenStream.forCommand(ctx.text, ctx.node);
    const renamings: Renaming[] = [];
    while (!stream.atEnd()) {
      if (stream.accept('comma')) continue;
      const from = stream.field('the field to rename');
      stream.expectKeyword('as');
      const to = stream.field('the new field name');
      const stars = (from.value.match(/\*/g) ?? []).length;
      const toStars = (to.value.match(/\*/g) ?? []).length;
      if (toStars > 0 && toStars !== stars) stream.fail(`"${from.value}" and "${to.value}" need the same number of wildcards`, to);
      renamings.push({ from: from.value, to: to.value, pattern: stars ? fieldPattern(from.value) : undefined });
    }
    if (renamings.length === 0) stream.fail('expected <field> AS <new name>');
    return {
      name: 'rename',
      run(input: Row[]): Row[] {
        return input.map((row) => {
          let out: Row = row;
          for (const r of renamings) out = renameIn(out, r);
          return out;
        });
      },
    };
  },
};

function renameIn(row: Row, r: Renaming): Row {
  if (!r.pattern) {
    if (row[r.from] === undefined || r.from === r.to) return row;
    const out = { ...row };
    out[r.to] = out[r.from];
    delete out[r.from];
    return out;
  }
  let out: Row | undefined;
  for (const key of Object.keys(row)) {
    const m = r.pattern.exec(key);
    if (!m || row[key] === undefined) continue;
    let i = 1;
    const target = r.to.replace(/\*/g, () => m[i++] ?? '');
    if (target === key) continue;
    out ??= { ...row };
    const value = out[key];
    delete out[key];
    out[target] = value;
  }
  return out ?? row;
}
