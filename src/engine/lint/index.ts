/**
 * `lintApp(appDir)`: checks every saved search of default/savedsearches.conf and every
 * dashboard search. Rules (rule id → severity):
 * - `parse` (error): the search expands and parses with the app's macros, lookups and the
 *   CIM data models — unknown macros (`unknown-macro`), lookups (`unknown-lookup`),
 *   data-model fields (`datamodel-field`), commands/functions (`unsupported`) get their own ids;
 * - `dispatch-window` (error/warning): see rules/dispatch.ts;
 * - `forbidden-command` (error): join, map, transaction without ```lint-allow <cmd>: reason```;
 * - `leading-wildcard` (error): in the initial search terms and tstats where;
 * - `and-or-mix` (error): AND and OR mixed without parentheses (search and eval);
 * - `quoted-macro-argument` (error): see rules/macroArguments.ts;
 * - `dashboard-search` (warning): a page search lint cannot read.
 */
import { relative } from 'node:path';
import { loadApp, type App } from '../app';
import type { Program } from '../spl/executor';
import { compileSearchText, forEachProgram, SplError, type CompiledSearch } from '../search';
import { describePosition } from '../spl/errors';
import { pageSearches, viewSearches } from './dashboards';
import { checkDispatchWindow } from './rules/dispatch';
import { leadingWildcards, mixedEvalOperators, mixedSearchOperators } from './rules/expressions';
import { allowedCommands, commandsOf, FORBIDDEN } from './rules/forbiddenCommands';
import { quotedMacroArguments } from './rules/macroArguments';
import type { LintFinding, LintTarget } from './types';

export type { LintFinding, LintTarget } from './types';

function ruleForError(message: string): string {
  if (/unknown macro|macro `/.test(message)) return 'unknown-macro';
  if (/unknown lookup|lookup ".*": |has no column/.test(message)) return 'unknown-lookup';
  if (/data model|dataset prefix/.test(message)) return 'datamodel-field';
  if (/not supported by the offline engine/.test(message)) return 'unsupported';
  return 'parse';
}

/** 1-based line in the target's file of an offset in its original search text. */
function fileLine(target: LintTarget, sourceOffset: number): number | undefined {
  if (target.line === undefined) return undefined;
  return target.line + (target.spl.slice(0, sourceOffset).match(/\n/g) ?? []).length;
}

export function lintSearch(target: LintTarget, app: App): LintFinding[] {
  const findings: LintFinding[] = [];
  const add = (rule: string, severity: 'error' | 'warning', message: string, compiled?: CompiledSearch, offset?: number) => {
    const finding: LintFinding = { search: target.name, file: target.file, rule, severity, message };
    if (compiled && offset !== undefined) {
      const pos = compiled.source.position(offset);
      finding.offset = offset;
      finding.position = describePosition(pos);
      finding.line = fileLine(target, pos.sourceOffset);
    } else finding.line = target.line;
    findings.push(finding);
  };

  if (target.settings) {
    for (const issue of checkDispatchWindow(target.settings)) add('dispatch-window', issue.severity, issue.message);
  }
  for (const issue of quotedMacroArguments(target.spl, app.macros)) {
    findings.push({ search: target.name, file: target.file, line: fileLine(target, issue.offset), rule: 'quoted-macro-argument', severity: 'error', message: issue.message });
  }

  let compiled: CompiledSearch;
  try {
    compiled = compileSearchText(target.spl, app);
  } catch (e) {
    if (!(e instanceof SplError)) throw e;
    const reason = e.reason;
    const forbidden = FORBIDDEN.find((c) => reason === `command not supported by the offline engine: ${c}`);
    const allowed = allowedCommands(target.spl);
    if (forbidden && allowed.has(forbidden)) return findings;
    const finding: LintFinding = {
      search: target.name,
      file: target.file,
      rule: forbidden ? 'forbidden-command' : ruleForError(reason),
      severity: 'error',
      message: forbidden ? `${forbidden} is not allowed: use stats … by over appended or combined sources, or add \`\`\`lint-allow ${forbidden}: <reason>\`\`\`` : reason,
    };
    if (e.position) {
      finding.offset = e.position.offset;
      finding.position = describePosition(e.position);
      finding.line = fileLine(target, e.position.sourceOffset);
    } else finding.line = target.line;
    findings.push(finding);
    return findings;
  }

  const allowed = allowedCommands(target.spl);
  for (const use of commandsOf(compiled.pipeline)) {
    const name = FORBIDDEN.find((c) => c === use.name);
    if (name && !allowed.has(name)) add('forbidden-command', 'error', `${name} is not allowed: use stats … by over appended or combined sources`, compiled, use.start);
  }

  const inspect = (program: Program): void => {
    for (const c of program.commands) {
      for (const s of c.command.expressions?.searches ?? []) {
        for (const issue of mixedSearchOperators(s.node)) add('and-or-mix', 'error', issue.message, compiled, issue.offset);
        if (s.base) for (const issue of leadingWildcards(s.node)) add('leading-wildcard', 'error', issue.message, compiled, issue.offset);
      }
      for (const e of c.command.expressions?.evals ?? []) {
        for (const issue of mixedEvalOperators(e)) add('and-or-mix', 'error', issue.message, compiled, issue.offset);
      }
    }
  };
  forEachProgram(compiled, inspect, (e, sub) => {
    if (!(e instanceof SplError)) throw e;
    add(ruleForError(e.reason), 'error', `subsearch: ${e.reason}`, compiled, e.position?.offset ?? sub.start);
  });
  return dedupe(findings);
}

function dedupe(findings: LintFinding[]): LintFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.rule}\u0000${f.offset ?? ''}\u0000${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Line of the `search =` setting of each stanza of a conf file. */
/** Lints the app at `appDir`: saved searches and dashboard searches. */
export function lintApp(appDir: string): LintFinding[] {
  const app = loadApp(appDir);
  const file = relative(appDir, app.files.savedsearches) || app.files.savedsearches;
  const findings: LintFinding[] = [];
  for (const saved of app.savedSearches) {
    findings.push(...lintSearch({ name: saved.name, spl: saved.search, file, line: saved.searchLine, settings: saved.settings }, app));
  }
  const pages = pageSearches(appDir);
  findings.push(...pages.findings);
  for (const target of [...pages.targets, ...viewSearches(appDir)]) findings.push(...lintSearch(target, app));
  return findings;
}

/** One line per finding: `file:line: severity [rule] search: message (position)`. */
export function formatFinding(f: LintFinding): string {
  const where = f.line !== undefined ? `${f.file}:${f.line}` : f.file;
  return `${where}: ${f.severity} [${f.rule}] ${f.search}: ${f.message}${f.position ? ` (${f.position})` : ''}`;
}


