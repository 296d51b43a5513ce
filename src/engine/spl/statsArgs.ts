/**
 * Parses the aggregate list shared by stats, eventstats, streamstats and tstats:
 * `count`, `count(f)`, `func(f) AS name`, `count(eval(expr)) AS name`, separated by
 * spaces or commas, up to BY (or another stop word).
 */
import { canonicalAggregate, type AggregateSpec } from './aggregate';
import type { TokenStream } from './args';
import { compileEval } from './evalCompile';
import { parseEvalExpression } from './evalExpr';
import type { EvalContext } from './functions/types';
import type { Token } from './lexer';

export interface ParsedAggregate extends AggregateSpec {
  start: number;
}

export function parseAggregates(stream: TokenStream, text: string, evalCtx: EvalContext, stopWords: readonly string[]): ParsedAggregate[] {
  const out: ParsedAggregate[] = [];
  while (!stream.atEnd()) {
    if (stream.accept('comma')) continue;
    const t = stream.peek() as Token;
    if (t.kind === 'word' && stopWords.includes(t.value.toLowerCase())) break;
    if (t.kind !== 'word') stream.fail(`expected a statistical function such as count or values(field)${stream.describeNext()}`);
    stream.next();
    const canon = canonicalAggregate(t.value);
    if (!canon) {
      if (stream.peek()?.kind === 'lparen' || out.length === 0) stream.fail(`unknown statistical function "${t.value}"`, t);
      stream.fail(`unexpected "${t.value}"; expected a statistical function${stopWords.length ? ` or ${stopWords.map((w) => w.toUpperCase()).join('/')}` : ''}`, t);
    }
    const spec: ParsedAggregate = { func: canon.func, percentile: canon.percentile, as: '', start: t.start };
    let written = t.value;
    if (stream.peek()?.kind === 'lparen') {
      const open = stream.next();
      const close = matchingParen(stream, open);
      const inner = stream.tokens.slice(stream.pos, close);
      stream.pos = close + 1;
      if (inner.length === 0) stream.fail(`${t.value}() needs a field`, open);
      if (inner[0].kind === 'word' && inner[0].value.toLowerCase() === 'eval' && inner[1]?.kind === 'lparen') {
        const evalClose = inner[inner.length - 1];
        if (evalClose.kind !== 'rparen') stream.fail('eval( has no matching ")"', inner[1]);
        const node = parseEvalExpression(text, inner[1].end, evalClose.start, `${t.value}(eval(…))`);
        spec.expr = compileEval(node, evalCtx);
        written = text.slice(t.start, stream.tokens[close].end);
      } else {
        if (inner.length !== 1 || (inner[0].kind !== 'word' && inner[0].kind !== 'string')) stream.fail(`${t.value}() takes one field name`, inner[0]);
        spec.field = inner[0].value;
        if (spec.field.includes('*')) stream.fail(`wildcard field names in ${t.value}() are not supported by the offline engine`, inner[0]);
        written = `${t.value}(${spec.field})`;
      }
    } else if (canon.func !== 'count') {
      stream.fail(`${t.value} needs a field: ${t.value}(field)`, t);
    }
    if (stream.acceptKeyword('as')) {
      spec.as = stream.field('a name after AS').value;
    } else {
      if (spec.expr) stream.fail(`${t.value}(eval(…)) needs AS <name>`, t);
      spec.as = written;
    }
    out.push(spec);
  }
  return out;
}

function matchingParen(stream: TokenStream, open: Token): number {
  let depth = 0;
  for (let i = stream.pos - 1; i < stream.tokens.length; i++) {
    const k = stream.tokens[i].kind;
    if (k === 'lparen') depth++;
    else if (k === 'rparen') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return stream.fail('unbalanced parentheses: "(" has no matching ")"', open);
}

/** `BY f1, f2 …` (optional); returns the field names. */
export function parseBy(stream: TokenStream, stopWords: readonly string[] = []): Token[] {
  if (!stream.acceptKeyword('by')) return [];
  const fields = stream.fieldList(stopWords);
  if (fields.length === 0) stream.fail('BY needs at least one field');
  return fields;
}
