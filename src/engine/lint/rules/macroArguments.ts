/**
 * A quoted macro argument keeps its quotes when substituted ("Use search macros in
 * searches", https://help.splunk.com/en/splunk-enterprise/manage-knowledge-objects/knowledge-management-manual/10.0/search-macros).
 * When the definition glues `$arg$` to other text (`sourcetype=t1505:inventory:$kind$`)
 * or puts it inside a quoted string (`"prefix-$v$"`), the quotes land inside a term and the
 * search matches nothing. Requested in docs/engine-requests.md (T1505.001).
 */
import { skipQuoted } from '../../spl/lexer';
import { blankComments, macroKey, parseCall, type MacroTable } from '../../spl/macros';

export interface MacroArgumentIssue {
  /** Offset of the outermost macro call in the original search. */
  offset: number;
  message: string;
}

/** Backtick calls of a text outside quoted strings: [call text, offset]. */
function callsIn(text: string): Array<{ call: string; offset: number }> {
  const out: Array<{ call: string; offset: number }> = [];
  let blanked: string;
  try {
    blanked = blankComments(text);
  } catch {
    return out;
  }
  let i = 0;
  while (i < blanked.length) {
    if (blanked[i] === '"') {
      i = skipQuoted(blanked, i);
      continue;
    }
    if (blanked[i] === '`') {
      const close = blanked.indexOf('`', i + 1);
      if (close < 0) break;
      out.push({ call: blanked.slice(i + 1, close), offset: i });
      i = close + 1;
      continue;
    }
    i++;
  }
  return out;
}

/** Whether `$name$` in `definition` sits glued to other text or inside a quoted string. */
function unsafePlacement(definition: string, name: string): string | undefined {
  const token = `$${name}$`;
  let from = 0;
  for (;;) {
    const at = definition.indexOf(token, from);
    if (at < 0) return undefined;
    from = at + token.length;
    // inside a quoted string of the definition?
    let inQuotes = false;
    for (let i = 0; i < at; i++) {
      if (definition[i] === '\\') i++;
      else if (definition[i] === '"') inQuotes = !inQuotes;
    }
    const before = definition[at - 1] ?? ' ';
    const after = definition[from] ?? ' ';
    if (inQuotes) return 'inside a quoted string';
    if (!/[\s=(,]/.test(before) || !/[\s),|]/.test(after)) return 'glued to other text';
  }
}

export function quotedMacroArguments(spl: string, macros: MacroTable): MacroArgumentIssue[] {
  const issues: MacroArgumentIssue[] = [];
  const visit = (text: string, topOffset: number | undefined, depth: number): void => {
    if (depth > 20) return;
    for (const { call, offset } of callsIn(text)) {
      const parsed = parseCall(call);
      if (!parsed) continue;
      const def = macros.get(macroKey(parsed.name, parsed.args.length));
      if (!def) continue;
      const at = topOffset ?? offset;
      let body = def.definition;
      def.args.forEach((name, i) => {
        const value = parsed.args[i] ?? '';
        if (/^".*"$/s.test(value)) {
          const where = unsafePlacement(def.definition, name);
          if (where) {
            issues.push({
              offset: at,
              message: `\`${call}\` passes the quoted argument ${value} to $${name}$, which ${def.stanza} places ${where}: the quotes end up inside the term; pass it unquoted`,
            });
          }
        }
        body = body.split(`$${name}$`).join(value);
      });
      visit(body, at, depth + 1);
    }
  };
  visit(spl, undefined, 0);
  return issues;
}
