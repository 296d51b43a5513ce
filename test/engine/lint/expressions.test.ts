/**
 * The expression rules on parsed expressions: every issue, its offset and its order
 * (pre-order: an outer issue before the issues inside it, left before right).
 * Precedence as in "Boolean expressions with logical operators" (Search Manual,
 * https://help.splunk.com/en/splunk-enterprise/search/search-manual/9.3/expressions-and-predicates):
 * in search OR binds tighter than the implied AND; in eval/where AND binds tighter than OR.
 */
import { leadingWildcards, mixedEvalOperators, mixedSearchOperators } from '../../../src/engine/lint/rules/expressions';
import { TokenStream } from '../../../src/engine/spl/args';
import { parseEvalExpression } from '../../../src/engine/spl/evalExpr';
import { lexSearch } from '../../../src/engine/spl/lexer';
import { parseSearchExpression } from '../../../src/engine/spl/searchExpr';

function searchNode(text: string) {
  const stream = new TokenStream(lexSearch(text, 0, text.length), text.length, 'search');
  const node = parseSearchExpression(stream);
  stream.expectEnd();
  return node;
}

const evalNode = (text: string) => parseEvalExpression(text, 0, text.length, 'where');

describe('mixedSearchOperators', () => {
  test('an OR group inside the implied AND, at the OR group', () => {
    const text = 'index=main process_name=w3wp.exe OR process_name=sqlservr.exe';
    expect(mixedSearchOperators(searchNode(text))).toEqual([
      { offset: text.indexOf('process_name=w3wp'), message: 'AND (implied between terms) and OR mix without parentheses; OR binds first in search, so write ( … OR … ) explicitly' },
    ]);
  });
  test('each ungrouped OR is reported, inside NOT too, in order', () => {
    const text = 'a OR b c NOT (d e OR f)';
    expect(mixedSearchOperators(searchNode(text)).map((i) => i.offset)).toEqual([0, text.indexOf('e OR f')]);
  });
  test.each(['index=main (a OR b)', 'a OR b OR c', 'a b AND c', '(a b) OR c'])('parentheses or a single operator: %s is fine', (text) => {
    expect(mixedSearchOperators(searchNode(text))).toEqual([]);
  });
});

describe('mixedEvalOperators', () => {
  test.each(['a=1 AND b=2 OR c=3', 'a=1 OR b=2 AND c=3'])('an ungrouped AND on either side of OR, at the AND: %s', (text) => {
    expect(mixedEvalOperators(evalNode(text))).toEqual([
      { offset: text.indexOf('AND'), message: 'AND inside OR without parentheses; AND binds first in eval/where, so write ( … AND … ) explicitly' },
    ]);
  });
  test('inside function arguments, NOT and IN lists, outer before inner', () => {
    const text = 'if(a=1 OR b=2 AND c=3, x, y) OR NOT (d=1 AND e=2 OR f=3) AND g IN (1, h=1 OR i=1 AND j=1)';
    const offsets = mixedEvalOperators(evalNode(text)).map((i) => i.offset);
    expect(offsets).toEqual([
      text.indexOf(') AND g') + 2,
      text.indexOf('AND c=3'),
      text.indexOf('AND e=2'),
      text.indexOf('AND j=1'),
    ]);
  });
  test.each(['(a=1 AND b=2) OR c=3', 'a=1 AND (b=2 OR c=3)', 'a=1 AND b=2 AND c=3'])('grouped operands or a single operator: %s is fine', (text) => {
    expect(mixedEvalOperators(evalNode(text))).toEqual([]);
  });
});

describe('leadingWildcards', () => {
  test('terms, field comparisons and IN values starting with *, in order', () => {
    const text = '*cmd.exe process_name!=*powershell.exe NOT (file_name IN (a.aspx, "*.ashx") OR x=*)';
    expect(leadingWildcards(searchNode(text))).toEqual([
      { offset: 0, message: 'term "*cmd.exe" starts with a wildcard; filter after retrieval (| where like()/match(), a lookup, or a piped | search)' },
      { offset: text.indexOf('process_name'), message: 'process_name!="*powershell.exe" starts with a wildcard; filter after retrieval (| where like()/match(), a lookup, or a piped | search)' },
      { offset: text.indexOf('file_name'), message: 'file_name IN (…"*.ashx"…) starts with a wildcard; filter after retrieval' },
    ]);
  });
  test('a bare *, trailing wildcards and ordering comparisons are fine', () => {
    expect(leadingWildcards(searchNode('* index=main file_name=cmd* bytes>*'))).toEqual([]);
  });
});
