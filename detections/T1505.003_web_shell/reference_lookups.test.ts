/**
 * Consistency of the reference lookups the T1505.003 detections read. A row the searches
 * would silently ignore, or an allowlist row that would suppress more than one bounded
 * command, is reported with its file and line.
 *
 * Lookup semantics relied on: WILDCARD match_type, case_sensitive_match and max_matches in
 * transforms.conf (https://help.splunk.com/en/data-management/splunk-enterprise-admin-manual/10.0/10.0.0-configuration-file-reference/transforms.conf).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { parseConf } from '../../src/conf/conf';

const root = resolve(__dirname, '..', '..');

interface Row {
  line: number;
  cells: Record<string, string>;
}

function readLookup(name: string, columns: string[]): Row[] {
  const file = join(root, 'lookups', name);
  const rows = parse(readFileSync(file, 'utf8'), { info: true, skip_empty_lines: true }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  expect(rows[0].record).toEqual(columns);
  return rows.slice(1).map(({ record, info }) => {
    if (record.length !== columns.length) throw new Error(`${name}:${info.lines}: ${record.length} cells, expected ${columns.length}`);
    return { line: info.lines, cells: Object.fromEntries(columns.map((c, i) => [c, record[i]])) };
  });
}

const servers = readLookup('t1505_web_server_processes.csv', ['parent_process_name', 'parent_process', 'application', 'role', 'platform', 'notes']);
const children = readLookup('t1505_web_shell_child_processes.csv', ['process_name', 'category', 'platform']);
const allowlist = readLookup('t1505_web_child_allowlist.csv', ['application', 'process_name', 'process', 'dest', 'reason', 'expires', 'owner']);
const accounts = readLookup('t1505_linux_web_accounts.csv', ['uid', 'account', 'applications']);
const fingerprints = readLookup('t1505_web_shell_uri_fingerprints.csv', ['uri_path', 'uri_query', 'http_method', 'tool', 'confidence', 'reference']);

const problems = (rows: Row[], file: string, check: (cells: Record<string, string>) => string | undefined): string[] =>
  rows.flatMap((row) => {
    const message = check(row.cells);
    return message ? [`${file}:${row.line}: ${message}`] : [];
  });

/** Literal characters of a wildcard pattern (what bounds it). */
const literalLength = (pattern: string): number => pattern.replace(/\*/g, '').trim().length;

describe('t1505_web_server_processes', () => {
  const roles = new Set(
    (parseYaml(readFileSync(join(root, 'detections', 'data_sources.yml'), 'utf8')) as { roles: Array<{ name: string }> }).roles.map((r) => r.name),
  );
  test('every row names a known role and platform, and generic runtimes carry a command-line marker', () => {
    expect(
      problems(servers, 't1505_web_server_processes.csv', (c) => {
        if (!roles.has(c.role)) return `role "${c.role}" is not a role of detections/data_sources.yml`;
        if (c.platform !== 'windows' && c.platform !== 'linux') return `platform "${c.platform}" is not windows or linux`;
        if (/^(java|javaw|python\*?|ruby\*?)(\.exe)?$/i.test(c.parent_process_name) && c.parent_process === '*')
          return `${c.parent_process_name} is a generic runtime and needs a parent_process marker`;
        if (c.parent_process_name.startsWith('*')) return 'parent_process_name must not start with a wildcard';
        return undefined;
      }),
    ).toEqual([]);
  });
  test('a server name with a specific marker comes before its catch-all row (max_matches = 1, first match wins)', () => {
    const firstCatchAll = new Map<string, number>();
    servers.forEach((r, i) => {
      if (r.cells.parent_process === '*' && !firstCatchAll.has(r.cells.parent_process_name.toLowerCase())) firstCatchAll.set(r.cells.parent_process_name.toLowerCase(), i);
    });
    const late = servers.filter((r, i) => r.cells.parent_process !== '*' && (firstCatchAll.get(r.cells.parent_process_name.toLowerCase()) ?? Infinity) < i);
    expect(late.map((r) => `t1505_web_server_processes.csv:${r.line}`)).toEqual([]);
  });
});

describe('t1505_web_shell_child_processes', () => {
  const categories = new Set(['shell', 'script_host', 'recon', 'download', 'lolbin', 'credential_or_staging', 'tunnel', 'persistence_or_privilege', 'staging']);
  test('every row has a known category and platform, without duplicates', () => {
    const seen = new Set<string>();
    expect(
      problems(children, 't1505_web_shell_child_processes.csv', (c) => {
        const key = `${c.platform}:${c.process_name.toLowerCase()}`;
        if (seen.has(key)) return `duplicate ${key}`;
        seen.add(key);
        if (!categories.has(c.category)) return `category "${c.category}" is not one the detections score`;
        if (c.platform !== 'windows' && c.platform !== 'linux') return `platform "${c.platform}" is not windows or linux`;
        return undefined;
      }),
    ).toEqual([]);
  });
  test('the shells the detections depend on are listed for both platforms', () => {
    const names = new Set(children.map((r) => `${r.cells.platform}:${r.cells.process_name}`));
    for (const name of ['windows:cmd.exe', 'windows:powershell.exe', 'windows:certutil.exe', 'linux:sh', 'linux:dash', 'linux:bash', 'linux:curl']) expect(names).toContain(name);
  });
});

describe('t1505_web_child_allowlist (bounded per application)', () => {
  const applications = new Set(servers.map((r) => r.cells.application));
  const accountNames = new Set(accounts.map((r) => r.cells.account));
  const childNames = new Set(children.map((r) => r.cells.process_name.toLowerCase()));
  test('every row names a known application and child, a bounded command pattern, a reason and a valid expiry', () => {
    expect(
      problems(allowlist, 't1505_web_child_allowlist.csv', (c) => {
        const account = /^account:(.+)$/.exec(c.application);
        if (account ? !accountNames.has(account[1]) : !applications.has(c.application))
          return `application "${c.application}" is neither a t1505_web_server_processes application nor account:<t1505_linux_web_accounts account>`;
        if (!childNames.has(c.process_name.toLowerCase())) return `process_name "${c.process_name}" is not in t1505_web_shell_child_processes (the row could never apply)`;
        if (literalLength(c.process) < 12) return `command pattern "${c.process}" is not bounded (fewer than 12 literal characters)`;
        if (!c.reason.trim()) return 'reason is required';
        if (c.expires && !/^\d{4}-\d{2}-\d{2}$/.test(c.expires)) return `expires "${c.expires}" is not YYYY-MM-DD`;
        return undefined;
      }),
    ).toEqual([]);
  });
});

describe('t1505_linux_web_accounts', () => {
  test('uids are numeric or empty and accounts are set', () => {
    expect(
      problems(accounts, 't1505_linux_web_accounts.csv', (c) => (/^\d*$/.test(c.uid) && /^[a-z_][a-z0-9_-]*$/.test(c.account) ? undefined : `uid "${c.uid}" / account "${c.account}"`)),
    ).toEqual([]);
  });
});

describe('t1505_web_shell_uri_fingerprints', () => {
  test('patterns are lower case (the search lower-cases the URL), confidence is known and every row cites its source', () => {
    expect(
      problems(fingerprints, 't1505_web_shell_uri_fingerprints.csv', (c) => {
        if (c.uri_path !== c.uri_path.toLowerCase() || c.uri_query !== c.uri_query.toLowerCase()) return 'uri_path and uri_query must be lower case';
        if (c.uri_path === '*' && c.uri_query === '*') return 'a row must constrain the path or the query';
        if (!['high', 'medium', 'low'].includes(c.confidence)) return `confidence "${c.confidence}" is not high, medium or low`;
        if (!/^(\*|GET|POST|PUT|HEAD)$/.test(c.http_method)) return `http_method "${c.http_method}"`;
        if (!/^https:\/\/\S+$/.test(c.reference)) return 'reference must be an https URL';
        return undefined;
      }),
    ).toEqual([]);
  });
});

describe('transforms.conf stanzas of the T1505.003 lookups', () => {
  const conf = parseConf(readFileSync(join(root, 'default', 'transforms.conf'), 'utf8'), 'default/transforms.conf');
  test.each([
    ['t1505_web_server_processes_lookup', 't1505_web_server_processes.csv', 'WILDCARD(parent_process_name), WILDCARD(parent_process)'],
    ['t1505_web_shell_child_processes_lookup', 't1505_web_shell_child_processes.csv', 'WILDCARD(process_name)'],
    ['t1505_web_child_allowlist_lookup', 't1505_web_child_allowlist.csv', 'WILDCARD(process), WILDCARD(dest)'],
    ['t1505_linux_web_accounts_lookup', 't1505_linux_web_accounts.csv', undefined],
    ['t1505_web_shell_uri_fingerprints_lookup', 't1505_web_shell_uri_fingerprints.csv', 'WILDCARD(uri_path), WILDCARD(uri_query), WILDCARD(http_method)'],
  ])('%s reads %s case-insensitively, first match only', (stanza, file, matchType) => {
    const settings = conf.get(stanza)?.settings;
    expect(settings?.get('filename')).toBe(file);
    expect(settings?.get('case_sensitive_match')).toBe('false');
    expect(settings?.get('max_matches')).toBe('1');
    expect(settings?.get('match_type')).toBe(matchType);
  });
});
