/**
 * Expression rules:
 * - explicit parentheses wherever AND and OR mix. In search expressions AND is implied
 *   and OR binds tighter ("Boolean expressions with logical operators",
 *   https://help.splunk.com/en/splunk-enterprise/search/search-manual/9.3/expressions-and-predicates),
 *   so `a b OR c` mixes them too; in eval/where AND binds tighter;
 * - no leading wildcard in the base search (initial search terms, tstats where): only
 *   trailing wildcards use the index efficiently ("Wildcards", Search Manual,
 *   https://help.splunk.com/splunk-enterprise/search/search-manual/9.3/search-primer/wildcards).
 */
import { walkEval, type EvalNode } from '../../spl/evalExpr';
import { walkSearch, type SearchNode } from '../../spl/searchExpr';

export interface ExpressionIssue {
  offset: number;
  message: string;
}

export function mixedSearchOperators(node: SearchNode): ExpressionIssue[] {
  const out: ExpressionIssue[] = [];
  walkSearch(node, (n, parent) => {
    if (parent?.kind === 'and' && n.kind === 'or' && !n.grouped) out.push({ offset: n.start, message: 'AND (implied between terms) and OR mix without parentheses; OR binds first in search, so write ( … OR … ) explicitly' });
    else if (parent?.kind === 'or' && n.kind === 'and' && !n.grouped) out.push({ offset: n.start, message: 'AND and OR mix without parentheses; add them' });
  });
  return out;
}

export function mixedEvalOperators(node: EvalNode): ExpressionIssue[] {
  const out: ExpressionIssue[] = [];
  walkEval(node, (n) => {
    if (n.kind !== 'binary' || (n.op !== 'AND' && n.op !== 'OR')) return;
    const other = n.op === 'AND' ? 'OR' : 'AND';
    for (const side of [n.left, n.right]) {
      if (side.kind === 'binary' && side.op === other && !side.grouped) {
        out.push({ offset: side.opStart, message: `${other} inside ${n.op} without parentheses; AND binds first in eval/where, so write ( … ${other} … ) explicitly` });
      }
    }
  });
  return out;
}

export function leadingWildcards(node: SearchNode): ExpressionIssue[] {
  const out: ExpressionIssue[] = [];
  walkSearch(node, (n) => {
    switch (n.kind) {
      case 'term':
        if (n.text.startsWith('*') && n.text !== '*') out.push({ offset: n.start, message: `term "${n.text}" starts with a wildcard; filter after retrieval (| where like()/match(), a lookup, or a piped | search)` });
        break;
      case 'compare':
        if (n.op === '=' || n.op === '!=') {
          if (n.value.startsWith('*') && n.value !== '*') out.push({ offset: n.start, message: `${n.field}${n.op}"${n.value}" starts with a wildcard; filter after retrieval (| where like()/match(), a lookup, or a piped | search)` });
        }
        break;
      case 'in':
        for (const v of n.values) {
          if (v.startsWith('*') && v !== '*') out.push({ offset: n.start, message: `${n.field} IN (…"${v}"…) starts with a wildcard; filter after retrieval` });
        }
        break;
      default:
        break;
    }
  });
  return out;
}
