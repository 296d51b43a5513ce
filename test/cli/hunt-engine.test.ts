// `t1505 hunt` against the real SPL engine (src/engine/app.ts, src/engine/search.ts), with a
// small app written to a temporary directory so the test does not depend on the app's detections.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../src/cli/cli';
import { defaultEngine } from '../../src/cli/engine-default';
import type { HuntReport } from '../../src/cli/hunt';

const FIX = path.join(__dirname, '../engine/ingest/fixtures');
let appDir: string;

beforeAll(() => {
  appDir = fs.mkdtempSync(path.join(os.tmpdir(), 't1505-app-'));
  fs.mkdirSync(path.join(appDir, 'default'));
  fs.writeFileSync(
    path.join(appDir, 'default', 'macros.conf'),
    ['[fixture_sysmon]', 'definition = sourcetype=XmlWinEventLog source="XmlWinEventLog:Microsoft-Windows-Sysmon/Operational"', ''].join('\n'),
  );
  fs.writeFileSync(
    path.join(appDir, 'default', 'savedsearches.conf'),
    [
      '[Web Server Spawning a Process - last 15 minutes]',
      'search = | tstats count from datamodel=Endpoint.Processes where Processes.parent_process_name=w3wp.exe by Processes.dest Processes.process_name | rename Processes.* as *',
      'dispatch.earliest_time = -15m',
      'dispatch.latest_time = now',
      '',
      '[Process on a web server by role]',
      'search = `fixture_sysmon` EventCode=1 | lookup fixture_roles_lookup host AS dest OUTPUT role | where role="web" | table dest role process_name',
      'dispatch.earliest_time = 0',
      '',
      '[Sysmon file writes - last 2 minutes]',
      'search = `fixture_sysmon` EventCode=11 | table _time dest file_path',
      'dispatch.earliest_time = -2m',
      'dispatch.latest_time = now',
      '',
    ].join('\n'),
  );

  fs.writeFileSync(path.join(appDir, 'default', 'transforms.conf'), '[fixture_roles_lookup]\nfilename = fixture_roles.csv\n');
  fs.mkdirSync(path.join(appDir, 'lookups'));
  fs.writeFileSync(path.join(appDir, 'lookups', 'fixture_roles.csv'), 'host,role\n');
  fs.writeFileSync(path.join(appDir, 'roles.csv'), 'host,role\nWEB01.corp.example.com,web\n');
  fs.writeFileSync(path.join(appDir, 'bad_roles.csv'), 'hostname,role\nWEB01.corp.example.com,web\n');
});

afterAll(() => fs.rmSync(appDir, { recursive: true, force: true }));

function hunt(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runCli(['hunt', ...argv, '--app', appDir, '--format', 'json'], defaultEngine, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, '/unused');
  return { code, doc: stdout ? (JSON.parse(stdout) as HuntReport) : undefined, stderr };
}

describe('t1505 hunt with the real engine', () => {
  it('runs every saved search over its own dispatch window relative to the default now', () => {
    const r = hunt('--input', path.join(FIX, 'windows_mixed.xml'), '--sourcetype', 'XmlWinEventLog', '--input', path.join(FIX, 'sysmon_events.xml'), '--sourcetype', 'XmlWinEventLog');
    expect(r.code).toBe(0);
    const [processes, byRole, files] = r.doc!.searches;
    expect(byRole).toMatchObject({ name: 'Process on a web server by role', error: null, results: [] }); // header-only lookup
    // now = 10:19:01 (one second after the newest event, Sysmon 29 at 10:19:00): the w3wp child at 10:12:01 is inside -15m
    expect(processes).toMatchObject({ name: 'Web Server Spawning a Process - last 15 minutes', error: null, results: [{ dest: 'WEB01.corp.example.com', process_name: 'cmd.exe', count: 1 }] });
    // the Sysmon 11 write at 10:16:20 is outside -2m of 10:19:01
    expect(files).toMatchObject({ name: 'Sysmon file writes - last 2 minutes', error: null, results: [] });
  });

  it('moves the dispatch windows with --now', () => {
    const r = hunt('--input', path.join(FIX, 'sysmon_events.xml'), '--sourcetype', 'XmlWinEventLog', '--now', '2026-03-14T10:17:00Z', '--search', 'Sysmon file writes - last 2 minutes');
    expect(r.doc!.searches).toHaveLength(1);
    expect(r.doc!.searches[0].results).toEqual([
      { _time: Date.UTC(2026, 2, 14, 10, 16, 20) / 1000 + 0.5550001, dest: 'EXCH01.corp.example.com', file_path: 'C:\\Program Files\\Microsoft\\Exchange Server\\V15\\FrontEnd\\HttpProxy\\owa\\auth\\errorEE.aspx' },
    ]);
  });

  it('runs ad-hoc SPL with the app macros over all loaded events, and reports an SPL error per search', () => {
    const ok = hunt('--input', path.join(FIX, 'sysmon_events.xml'), '--sourcetype', 'XmlWinEventLog', '--spl', '`fixture_sysmon` | stats count by EventCode | sort EventCode');
    // sort compares numerically when the values are numbers (https://help.splunk.com/splunk-enterprise/spl-search-reference/9.0/search-commands/sort)
    expect(ok.doc!.searches[0].results.map((r) => [r.EventCode, r.count])).toEqual([
      ['3', 1], ['7', 1], ['11', 1], ['12', 1], ['13', 1], ['23', 1], ['26', 1], ['29', 1],
    ]);
    const bad = hunt('--input', path.join(FIX, 'sysmon_events.xml'), '--sourcetype', 'XmlWinEventLog', '--spl', '| transaction ProcessGuid');
    expect(bad.code).toBe(0);
    expect(bad.doc!.searches[0].error).toMatch(/transaction/);
  });
});

describe('t1505 hunt over every log family', () => {
  it('loads Windows XML, IIS W3C, access, JSON lines, auditd and ESXi syslog and runs SPL over them', () => {
    const r = hunt(
      '--input', path.join(FIX, 'windows_mixed.xml'), '--sourcetype', 'XmlWinEventLog',
      '--input', path.join(FIX, 'iis_u_ex260314.w3c'), '--sourcetype', 'ms:iis:auto',
      '--input', path.join(FIX, 'access_combined.access'), '--sourcetype', 'access_combined', '--host', 'www01',
      '--input', path.join(FIX, 'inventory_iis_modules.json'), '--sourcetype', 't1505:inventory:iis_modules',
      '--input', path.join(FIX, 'audit.audit'), '--sourcetype', 'linux:audit',
      '--input', path.join(FIX, 'esxi.syslog'), '--sourcetype', 'vmw-syslog',
      '--spl', '| tstats count from datamodel=Web where Web.status=200 by Web.dest Web.uri_path | rename Web.* as *',
    );
    expect(r.code).toBe(0);
    expect(r.doc!.ingest.events).toBe(3 + 3 + 5 + 2 + 5 + 6);
    expect(r.doc!.ingest.rejected).toHaveLength(10);
    expect(r.doc!.searches[0].results).toEqual([
      { dest: '10.20.1.15', uri_path: '/owa/auth/errorEE.aspx', count: 1 },
      { dest: '10.20.1.15', uri_path: '/owa/auth/logon.aspx', count: 1 },
      { dest: 'EXCH01', uri_path: '/aspnet_client/system_web/shell.aspx', count: 1 },
      { dest: 'www01', uri_path: '/wp-content/uploads/2026/03/x.php', count: 1 },
    ]);
  });
});

describe('t1505 hunt --lookup FILE=CSV', () => {
  const input = () => ['--input', path.join(FIX, 'windows_mixed.xml'), '--sourcetype', 'XmlWinEventLog', '--search', 'Process on a web server by role'];

  it("appends the CSV's rows to the app's lookup for this run", () => {
    const r = hunt(...input(), '--lookup', `fixture_roles.csv=${path.join(appDir, 'roles.csv')}`);
    expect(r.code).toBe(0);
    expect(r.doc!.searches[0].results).toEqual([{ dest: 'WEB01.corp.example.com', role: 'web', process_name: 'cmd.exe' }]);
    expect(fs.readFileSync(path.join(appDir, 'lookups', 'fixture_roles.csv'), 'utf8')).toBe('host,role\n'); // the app is not changed
  });

  it('exits 2 when the header differs, the lookup file is unknown, or the CSV is missing', () => {
    const header = hunt(...input(), '--lookup', `fixture_roles.csv=${path.join(appDir, 'bad_roles.csv')}`);
    expect(header.code).toBe(2);
    expect(header.stderr).toContain('its header (hostname,role) differs from lookups/fixture_roles.csv (host,role)');
    const unknown = hunt(...input(), '--lookup', `roles.csv=${path.join(appDir, 'roles.csv')}`);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('the app has no lookup file lookups/roles.csv; lookup files: fixture_roles.csv');
    const missing = hunt(...input(), '--lookup', 'fixture_roles.csv=/no/such.csv');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read --lookup fixture_roles.csv rows file "/no/such.csv": no such file');
    const malformed = hunt(...input(), '--lookup', 'fixture_roles.csv');
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('--lookup needs FILE=CSV');
  });
});
