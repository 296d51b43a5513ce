/**
 * `where <eval expression>`: keeps rows where the expression is true; false and null
 * drop the row (where command page, https://help.splunk.com/splunk-enterprise/spl-search-reference/9.2/search-commands/where).
 */
import type { Row } from '../../event';
import { ParseFailure } from '../errors';
import { compileEval, resultKind } from '../evalCompile';
import { parseEvalExpression } from '../evalExpr';
import { truth } from '../functions/conditional';
import type { Command, CommandDefinition } from './types';

export const whereCommand: CommandDefinition = {
  name: 'where',
  generating: false,
  parse(ctx): Command {
    const { text, node } = ctx;
    if (text.slice(node.argsStart, node.argsEnd).trim() === '') throw new ParseFailure('where: expected an expression', node.argsEnd);
    const expr = parseEvalExpression(text, node.argsStart, node.argsEnd, 'where');
    if (resultKind(expr) === 'value') throw new ParseFailure('where: the expression must be a comparison or a boolean function, not a value', expr.start);
    const fn = compileEval(expr, ctx.evalContext);
    return {
      name: 'where',
      expressions: { evals: [expr] },
      run(input: Row[]): Row[] {
        return input.filter((row) => truth(fn(row)) === true);
      },
    };
  },
};
