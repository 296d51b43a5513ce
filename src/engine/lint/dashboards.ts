/**
 * The searches of the app's pages. Convention (agreed with the page code): a page module
 * under src/pages/ exports each search it runs as a string constant whose name ends in
 * `_SEARCH` (e.g. `export const TECHNIQUES_SEARCH = '| inputlookup …'`). Simple XML
 * views (default/data/ui/views/*.xml) are read too: every <query> element.
 * A `_SEARCH` constant that is not a plain string literal is reported, since lint cannot
 * read it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import type { LintFinding, LintTarget } from './types';

function filesUnder(dir: string, accept: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, accept));
    else if (accept(name)) out.push(path);
  }
  return out;
}

export interface DashboardSearches {
  targets: LintTarget[];
  findings: LintFinding[];
}

export function pageSearches(appDir: string): DashboardSearches {
  const targets: LintTarget[] = [];
  const findings: LintFinding[] = [];
  for (const file of filesUnder(join(appDir, 'src', 'pages'), (n) => /\.tsx?$/.test(n) && !/\.test\.tsx?$/.test(n))) {
    const rel = relative(appDir, file);
    const text = readFileSync(file, 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    for (const statement of source.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      const exported = statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
      if (!exported) continue;
      for (const decl of statement.declarationList.declarations) {
        if (!ts.isIdentifier(decl.name) || !decl.name.text.endsWith('_SEARCH')) continue;
        const name = `${rel}: ${decl.name.text}`;
        const init = decl.initializer;
        const line = source.getLineAndCharacterOfPosition(decl.getStart()).line + 1;
        if (init && (ts.isStringLiteral(init) || ts.isNoSubstitutionTemplateLiteral(init))) {
          targets.push({ name, spl: init.text, file: rel, line });
        } else {
          findings.push({ search: name, file: rel, line, rule: 'dashboard-search', severity: 'warning', message: 'a _SEARCH constant that is not a plain string literal cannot be linted' });
        }
      }
    }
  }
  return { targets, findings };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  const cdata = /^\s*<!\[CDATA\[([\s\S]*)\]\]>\s*$/.exec(text);
  if (cdata) return cdata[1];
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e] ?? whole,
  );
}

export function viewSearches(appDir: string): LintTarget[] {
  const targets: LintTarget[] = [];
  for (const file of filesUnder(join(appDir, 'default', 'data', 'ui', 'views'), (n) => n.endsWith('.xml'))) {
    const rel = relative(appDir, file);
    const text = readFileSync(file, 'utf8');
    const re = /<query>([\s\S]*?)<\/query>/g;
    let m: RegExpExecArray | null;
    let n = 0;
    while ((m = re.exec(text)) !== null) {
      n++;
      targets.push({ name: `${rel}: query ${n}`, spl: decodeXml(m[1]).trim(), file: rel, line: text.slice(0, m.index).split('\n').length });
    }
  }
  return targets;
}
