/**
 * `head [N | limit=N]` (default 10) keeps the first N rows; `tail [N]` (default 10)
 * returns the last N rows in reverse order
 * (https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/head ,
 * https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/tail).
 */
import type { Row } from '../../event';
import { parseInteger, TokenStream } from '../args';
import type { Command, CommandDefinition, ParseContext } from './types';

function parseCount(ctx: ParseContext, name: string, allowLimit: boolean): number {
  const stream = TokenStream.forCommand(ctx.text, ctx.node);
  let n = 10;
  if (allowLimit) {
    const opts = stream.options(['limit', 'null', 'keeplast'], false);
    if (opts.has('null') || opts.has('keeplast')) stream.fail(`${name}: null= and keeplast= are not supported by the offline engine`);
    if (opts.has('limit')) n = parseInteger(opts.get('limit')!, stream);
  }
  const t = stream.peek();
  if (t && t.kind === 'lparen') stream.fail(`${name} (<eval-expression>) is not supported by the offline engine; use where`);
  if (t) {
    n = parseInteger(t, stream);
    stream.next();
  }
  stream.expectEnd();
  return n;
}

export const headCommand: CommandDefinition = {
  name: 'head',
  generating: false,
  parse(ctx): Command {
    const n = parseCount(ctx, 'head', true);
    return { name: 'head', run: (input: Row[]) => input.slice(0, n) };
  },
};

export const tailCommand: CommandDefinition = {
  name: 'tail',
  generating: false,
  parse(ctx): Command {
    const n = parseCount(ctx, 'tail', false);
    return { name: 'tail', run: (input: Row[]) => input.slice(Math.max(0, input.length - n)).reverse() };
  },
};
