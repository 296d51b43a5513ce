/**
 * `eval f=expr[, g=expr…]`: left to right, later expressions see earlier results;
 * assigning replaces the field; a null result removes it; a boolean result is an error
 * (eval command page, https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/eval).
 */
import type { Row } from '../../event';
import { ParseFailure } from '../errors';
import { compileEval, resultKind } from '../evalCompile';
import { EvalParser, type EvalNode } from '../evalExpr';
import type { EvalFn } from '../functions/types';
import { NumStr, toFieldValue } from '../value';
import { setField } from './helpers';
import type { Command, CommandDefinition } from './types';

export interface Assignment {
  field: string;
  fn: EvalFn;
  start: number;
  expr: EvalNode;
}

export const evalCommand: CommandDefinition = {
  name: 'eval',
  generating: false,
  parse(ctx): Command {
    const { text, node } = ctx;
    const parser = EvalParser.of(text, node.argsStart, node.argsEnd, 'eval');
    const assignments: Assignment[] = [];
    if (parser.atEnd()) parser.fail('expected field=expression');
    while (!parser.atEnd()) {
      const first = parser.peek()!;
      // The destination is everything up to "=": a word, 'quoted' or "quoted" name, or dotted parts.
      let field = '';
      while (!parser.atEnd() && !(parser.peek()!.kind === 'op' && parser.peek()!.value === '=')) {
        const t = parser.peek()!;
        if (t.kind === 'comma' || t.kind === 'lparen' || t.kind === 'rparen') parser.fail(`expected "=" after the field name${field ? ` "${field}"` : ''}`, t.start);
        field += t.kind === 'field' || t.kind === 'string' ? t.value : text.slice(t.start, t.end);
        parser.pos++;
      }
      if (parser.atEnd()) parser.fail(`expected "=" after "${field}"`, first.start);
      if (field === '') parser.fail('expected a field name before "="', first.start);
      parser.pos++;
      const expr = parser.expression();
      if (resultKind(expr) === 'boolean') {
        throw new ParseFailure('eval: the result of an expression cannot be a boolean; wrap it in if(), e.g. if(x>1, "yes", "no")', expr.start);
      }
      assignments.push({ field, fn: compileEval(expr, ctx.evalContext), start: first.start, expr });
      const sep = parser.peek();
      if (sep && sep.kind !== 'comma') parser.fail(`expected "," between assignments, found "${sep.text}"`, sep.start);
      if (sep) parser.pos++;
      if (sep && parser.atEnd()) parser.fail('expected another field=expression after ","', sep.start);
    }
    return {
      name: 'eval',
      expressions: { evals: assignments.map((a) => a.expr) },
      run(input: Row[]): Row[] {
        return input.map((row) => applyAssignments({ ...row }, assignments));
      },
    };
  },
};

export function applyAssignments(row: Row, assignments: readonly Assignment[]): Row {
  for (const a of assignments) {
    const v = a.fn(row);
    if (typeof v === 'boolean') throw new ParseFailure(`eval: the expression for "${a.field}" returned a boolean; wrap it in if()`, a.start);
    setField(row, a.field, v instanceof NumStr ? v.text : toFieldValue(v));
  }
  return row;
}
