/**
 * Checks the lookup rows a test case adds (`tests[].lookups`): the app has the lookup file,
 * the fixture exists in the detection folder, has the lookup's header and at least one
 * well-formed row, and (for the allowlist and server roles) rows the macros would not ignore.
 * `tests[].suppressed_by` names lookup files of the app, on benign cases only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { LoadedDetection } from './load';
import { checkAllowlist, checkServerRoles } from './lookup-checks';
import { formatProblem, type Problem } from './problems';

type Report = (path: PropertyKey[], message: string) => void;

/** Repository-relative path of the app's lookup file a case names. */
export function lookupFile(name: string): string {
  return `lookups/${name}.csv`;
}

interface CsvRecord {
  line: number;
  cells: string[];
}

function csvRecords(text: string): CsvRecord[] {
  const rows = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  return rows.map(({ record, info }) => ({ line: info.lines, cells: record }));
}

/** Problems of one case's lookup fixture, each naming the fixture and line. */
function fixtureProblems(name: string, fixture: string, fixtureText: string, lookupText: string, roles: ReadonlySet<string>): string[] {
  let rows: CsvRecord[];
  let header: string[];
  try {
    rows = csvRecords(fixtureText);
    header = csvRecords(lookupText)[0]?.cells ?? [];
  } catch (error) {
    const e = error as { lines?: number; message: string };
    return [`${fixture}${e.lines ? `:${e.lines}` : ''}: not valid CSV: ${e.message}`];
  }
  const own = rows[0]?.cells ?? [];
  if (own.join(',') !== header.join(',')) return [`${fixture}:1: header "${own.join(',')}" differs from ${lookupFile(name)} ("${header.join(',')}")`];
  const problems: string[] = [];
  if (rows.length < 2) problems.push(`${fixture}: has no rows, so it adds nothing to ${lookupFile(name)}`);
  for (const { line, cells } of rows.slice(1)) {
    if (cells.length !== header.length) problems.push(`${fixture}:${line}: has ${cells.length} cells, expected ${header.length} (${header.join(',')})`);
  }
  if (problems.length) return problems;
  const content: Problem[] =
    name === 't1505_allowlist' ? checkAllowlist(fixtureText, fixture) : name === 't1505_server_roles' ? checkServerRoles(fixtureText, roles, fixture) : [];
  return content.map(formatProblem);
}

export function checkCaseLookups(loaded: LoadedDetection, root: string, roles: ReadonlySet<string>, at: Report): void {
  loaded.detection.tests.forEach((test, i) => {
    test.suppressed_by?.forEach((name, j) => {
      if (test.kind !== 'benign') at(['tests', i, 'suppressed_by'], 'only a benign case can be suppressed by a lookup');
      else if (!existsSync(join(root, lookupFile(name)))) at(['tests', i, 'suppressed_by', j], `the app has no lookup file ${lookupFile(name)}`);
    });
    for (const [name, file] of Object.entries(test.lookups ?? {})) {
      const path = ['tests', i, 'lookups', name];
      const fixture = posix.join(loaded.dir, file);
      const lookup = lookupFile(name);
      if (!existsSync(join(root, lookup))) {
        at(path, `the app has no lookup file ${lookup}`);
        continue;
      }
      if (!existsSync(join(root, fixture))) {
        at(path, `fixture ${fixture} does not exist`);
        continue;
      }
      const problems = fixtureProblems(name, fixture, readFileSync(join(root, fixture), 'utf8'), readFileSync(join(root, lookup), 'utf8'), roles);
      for (const problem of problems) at(path, problem);
    }
  });
}
