/**
 * Checks the admin-edited lookups the framework reads: lookups/t1505_allowlist.csv and
 * lookups/t1505_server_roles.csv. An entry the macros would silently ignore (no reason, a
 * malformed expiry, an unknown role) is reported with its line.
 */
import { parse } from 'csv-parse/sync';
import type { Problem } from './problems';

export const ALLOWLIST_FILE = 'lookups/t1505_allowlist.csv';
export const SERVER_ROLES_FILE = 'lookups/t1505_server_roles.csv';
export const ALLOWLIST_COLUMNS = ['technique_id', 'dest', 'user', 'pattern', 'reason', 'expires'];
export const SERVER_ROLES_COLUMNS = ['host', 'role', 'notes'];

interface Record {
  line: number;
  cells: string[];
}

function records(text: string, file: string, columns: string[], problems: Problem[]): Record[] {
  let rows: Array<{ record: string[]; info: { lines: number } }>;
  try {
    rows = parse(text, { info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof rows;
  } catch (error) {
    const e = error as { lines?: number; message: string };
    problems.push({ file, line: e.lines ?? 0, column: 0, field: '', message: `not valid CSV: ${e.message}` });
    return [];
  }
  if (rows.length === 0 || rows[0].record.join(',') !== columns.join(',')) {
    problems.push({ file, line: 1, column: 1, field: '', message: `header must be "${columns.join(',')}"` });
    return [];
  }
  const out: Record[] = [];
  for (const { record, info } of rows.slice(1)) {
    if (record.length !== columns.length) {
      problems.push({ file, line: info.lines, column: 0, field: '', message: `has ${record.length} cells, expected ${columns.length} (${columns.join(',')})` });
      continue;
    }
    out.push({ line: info.lines, cells: record });
  }
  return out;
}

export function checkAllowlist(text: string, file = ALLOWLIST_FILE): Problem[] {
  const problems: Problem[] = [];
  for (const { line, cells } of records(text, file, ALLOWLIST_COLUMNS, problems)) {
    const [technique, dest, user, pattern, reason, expires] = cells;
    const at = (field: string, message: string): void => {
      problems.push({ file, line, column: 0, field, message });
    };
    if (!/^(T\d{4}(\.\d{3})?\*?|T\d{4}\*|\*)$/.test(technique)) at('technique_id', `"${technique}" is not a technique id such as T1505.003 (or T1505*)`);
    for (const [name, value] of [['dest', dest], ['user', user], ['pattern', pattern]] as const) {
      if (value.trim() === '') at(name, 'is empty; use * to match any value');
    }
    if (reason.trim() === '') at('reason', 'is empty, so this entry suppresses nothing; say why the case is expected');
    if (expires.trim() !== '' && !validDate(expires.trim())) at('expires', `"${expires}" is not a date YYYY-MM-DD, so this entry suppresses nothing`);
  }
  return problems;
}

export function checkServerRoles(text: string, knownRoles: ReadonlySet<string>, file = SERVER_ROLES_FILE): Problem[] {
  const problems: Problem[] = [];
  for (const { line, cells } of records(text, file, SERVER_ROLES_COLUMNS, problems)) {
    const [host, role] = cells;
    if (host.trim() === '') problems.push({ file, line, column: 0, field: 'host', message: 'is empty' });
    if (!knownRoles.has(role.trim().toLowerCase())) {
      problems.push({ file, line, column: 0, field: 'role', message: `unknown role "${role}" (roles: ${[...knownRoles].join(', ')})` });
    }
  }
  return problems;
}

function validDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCMonth() === Number(m[2]) - 1 && date.getUTCDate() === Number(m[3]);
}
