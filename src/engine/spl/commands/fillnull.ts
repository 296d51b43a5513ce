/**
 * `fillnull [value=<string>] [<fields>]`: default value 0; without fields, every field
 * that some row of the result set has
 * (https://help.splunk.com/splunk-cloud-platform/spl-search-reference/10.0.2503/search-commands/fillnull).
 */
import type { Row } from '../../event';
import { TokenStream } from '../args';
import { fieldNames } from './helpers';
import type { Command, CommandDefinition } from './types';

export const fillnullCommand: CommandDefinition = {
  name: 'fillnull',
  generating: false,
  parse(ctx): Command {
    const stream = TokenStream.forCommand(ctx.text, ctx.node);
    const opts = stream.options(['value']);
    const value = opts.get('value')?.value ?? '0';
    const fields = stream.fieldList().map((t) => t.value);
    stream.expectEnd();
    return {
      name: 'fillnull',
      run(input: Row[]): Row[] {
        const targets = fields.length ? fields : fieldNames(input);
        return input.map((row) => {
          let out: Row | undefined;
          for (const f of targets) {
            const v = row[f];
            if (v === undefined || v === '') {
              out ??= { ...row };
              out[f] = value;
            }
          }
          return out ?? row;
        });
      },
    };
  },
};
