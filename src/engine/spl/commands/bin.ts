/**
 * `bin|bucket [span=<span>] [aligntime=] [start=] [end=] <field> [AS <new>]`:
 * `_time` with a time span floors to the span (days and longer in the time zone);
 * a numeric field with a numeric span becomes the range "lo-hi"
 * (https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/bin).
 * `bins=` and `minspan=` (automatic spans) are not supported offline.
 */
import type { Row } from '../../event';
import { TokenStream } from '../args';
import { floorToSpan, parseSpan } from '../time/relative';
import { fieldTexts, formatNumber, parseNumber } from '../value';
import type { Command, CommandDefinition } from './types';

export const binCommand: CommandDefinition = {
  name: 'bin',
  aliases: ['bucket'],
  generating: false,
  parse(ctx): Command {
    const stream = TokenStream.forCommand(ctx.text, ctx.node);
    const allowed = ['span', 'bins', 'minspan', 'start', 'end', 'aligntime'];
    const opts = stream.options(allowed);
    const fieldTok = stream.field();
    for (const [k, v] of stream.options(allowed)) opts.set(k, v);
    let as = fieldTok.value;
    if (stream.acceptKeyword('as')) as = stream.field('a name after AS').value;
    stream.expectEnd();
    for (const o of ['bins', 'minspan', 'start', 'end', 'aligntime']) {
      if (opts.has(o)) stream.fail(`${ctx.node.name}: ${o}= is not supported by the offline engine; give span=`, opts.get(o));
    }
    const spanTok = opts.get('span');
    if (!spanTok) return stream.fail(`${ctx.node.name} needs span= offline (automatic bins are not supported)`, fieldTok);
    const field = fieldTok.value;
    const isTime = field === '_time';
    const span = parseSpan(spanTok.value);
    const numericSpan = parseNumber(spanTok.value);
    if (isTime && !span) stream.fail(`span "${spanTok.value}" is not a time span such as 1h or 1d`, spanTok);
    if (!isTime && Number.isNaN(numericSpan) && !span) stream.fail(`span "${spanTok.value}" is not a number`, spanTok);
    const zone = ctx.zone;
    return {
      name: 'bin',
      run(input: Row[]): Row[] {
        return input.map((row) => {
          const values = fieldTexts(row[field]);
          if (values.length === 0) return row;
          const n = parseNumber(values[0]);
          if (Number.isNaN(n)) return row;
          if (isTime || Number.isNaN(numericSpan)) return { ...row, [as]: floorToSpan(n, span!, zone) };
          const lo = Math.floor(n / numericSpan) * numericSpan;
          return { ...row, [as]: `${formatNumber(lo)}-${formatNumber(lo + numericSpan)}` };
        });
      },
    };
  },
};
