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
import type { EvalNode } from '../../spl/evalExpr';
import type { SearchNode } from '../../spl/searchExpr';

export interface ExpressionIssue {
  offset: number;
  message: string;
}

export function mixedSearchOperators(node: SearchNode): ExpressionIssue[] {
  const out: ExpressionIssue[] = [];
  const visit = (n: SearchNode): void => {
    if (n.kind === 'and') {
      for (const item of n.items) {
        if (item.kind === 'or' && !item.grouped) out.push({ offset: item.start, message: 'AND (implied between terms) and OR mix without parentheses; OR binds first in search, so write ( … OR … ) explicitly' });
        visit(item);
      }
    } else if (n.kind === 'or') {
      for (const item of n.items) {
        if (item.kind === 'and' && !item.grouped) out.push({ offset: item.start, message: 'AND and OR mix without parentheses; add them' });
        visit(item);
      }
    } else if (n.kind === 'not') visit(n.item);
  };
  visit(node);
  return out;
}

export function mixedEvalOperators(node: EvalNode): ExpressionIssue[] {
  const out: ExpressionIssue[] = [];
  const visit = (n: EvalNode): void => {
    switch (n.kind) {
      case 'binary':
        if (n.op === 'AND' || n.op === 'OR') {
          const other = n.op === 'AND' ? 'OR' : 'AND';
          for (const side of [n.left, n.right]) {
            if (side.kind === 'binary' && side.op === other && !side.grouped) {
              out.push({ offset: side.opStart, message: `${other} inside ${n.op} without parentheses; AND binds first in eval/where, so write ( … ${other} … ) explicitly` });
            }
          }
        }
        visit(n.left);
        visit(n.right);
        break;
      case 'unary':
        visit(n.arg);
        break;
      case 'call':
        n.args.forEach(visit);
        break;
      case 'in':
        visit(n.arg);
        n.list.forEach(visit);
        break;
      default:
        break;
    }
  };
  visit(node);
  return out;
}

export function leadingWildcards(node: SearchNode): ExpressionIssue[] {
  const out: ExpressionIssue[] = [];
  const visit = (n: SearchNode): void => {
    switch (n.kind) {
      case 'and':
      case 'or':
        n.items.forEach(visit);
        break;
      case 'not':
        visit(n.item);
        break;
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
  };
  visit(node);
  return out;
}
