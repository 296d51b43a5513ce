import * as path from 'path';
import { runCli } from '../../src/cli/cli';
import { parseHuntArgs } from '../../src/cli/hunt-args';
import { AD_HOC_NAME, defaultNow, type HuntReport } from '../../src/cli/hunt';
import { fakeEngine } from './fake-engine';

const FIX = path.join(__dirname, '../engine/ingest/fixtures');
const SYSMON = path.join(FIX, 'windows_mixed.xml');
const IIS = path.join(FIX, 'iis_u_ex260314.w3c');
const AUDIT = path.join(FIX, 'audit.audit');
const APP = '/repo';

function run(argv: string[], findings = []) {
  const { engine, calls } = fakeEngine(findings);
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, () => engine, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, APP);
  return { code, stdout, stderr, calls };
}

describe('hunt argument parsing', () => {
  it('keeps each --input with the options that follow it', () => {
    const a = parseHuntArgs(['--input', 'a.xml', '--sourcetype', 'XmlWinEventLog', '--host', 'h1', '--input', 'b.log', '--index', 'web', '--sourcetype', 'ms:iis:auto', '--source', 'iis'], APP);
    expect(a.inputs).toEqual([
      { file: 'a.xml', sourcetype: 'XmlWinEventLog', host: 'h1' },
      { file: 'b.log', sourcetype: 'ms:iis:auto', index: 'web', source: 'iis' },
    ]);
    expect(a.format).toBe('table');
    expect(a.appDir).toBe(APP);
    expect(a.now).toBeUndefined();
  });

  it('collects repeated --search and reads --spl, --now, --format, --app', () => {
    const a = parseHuntArgs(['--input', 'a', '--sourcetype', '_json', '--search', 'A', '--search', 'B', '--spl', '| stats count', '--now', '2026-03-14T10:15:00Z', '--format', 'json', '--app', '/tmp/app'], APP);
    expect(a).toMatchObject({ searches: ['A', 'B'], spl: '| stats count', now: Date.UTC(2026, 2, 14, 10, 15) / 1000, format: 'json', appDir: '/tmp/app' });
    expect(parseHuntArgs(['--input', 'a', '--sourcetype', '_json', '--now', '1773483300.5'], APP).now).toBe(1773483300.5);
  });

  it.each([
    [['--sourcetype', 'XmlWinEventLog', '--input', 'a'], '--sourcetype must follow the --input it belongs to'],
    [['--input', 'a'], '--input a has no --sourcetype'],
    [['--input', 'a', '--sourcetype', 'x', '--sourcetype', 'y'], '--sourcetype given twice for --input a'],
    [[], 'no --input given'],
    [['--input', 'a', '--sourcetype', 'x', '--format', 'csv'], '--format must be json or table, got "csv"'],
    [['--input', 'a', '--sourcetype', 'x', '--now', 'yesterday'], '--now "yesterday" is neither epoch seconds nor an ISO 8601 time'],
    [['--input', 'a', '--sourcetype', 'x', '--spl', 'a', '--spl', 'b'], '--spl may be given only once'],
    [['--input', 'a', '--sourcetype', 'x', '--bogus'], "Unknown option '--bogus'"],
    [['--input', 'a', '--sourcetype', 'x', 'stray'], 'positional argument'],
  ])('rejects %j with exit 2 and a message that says what to fix', (argv, message) => {
    const r = run(['hunt', ...argv]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('usage: t1505 hunt');
    expect(r.stdout).toBe('');
  });
});

describe('hunt ingest and exit codes', () => {
  it('exits 2 naming an unreadable input file', () => {
    const r = run(['hunt', '--input', '/no/such/file.xml', '--sourcetype', 'XmlWinEventLog']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('t1505 hunt: cannot read input file "/no/such/file.xml": no such file\n');
  });

  it('exits 2 for an unknown sourcetype, listing the supported ones', () => {
    const r = run(['hunt', '--input', SYSMON, '--sourcetype', 'WinEventLog:Security']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown sourcetype "WinEventLog:Security"; supported: XmlWinEventLog/);
  });

  it('exits 2 for an app that cannot be loaded, and for an unknown saved search name, listing the names', () => {
    const bad = run(['hunt', '--input', SYSMON, '--sourcetype', 'XmlWinEventLog', '--app', '/x/missing-app']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('cannot load the app in /x/missing-app: default/savedsearches.conf: no such file');
    const unknown = run(['hunt', '--input', SYSMON, '--sourcetype', 'XmlWinEventLog', '--search', 'T1505 - Nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no saved search named "T1505 - Nope"');
    expect(unknown.stderr).toContain('  T1505 - Web Server Spawning Shell');
  });

  it('uses one second after the latest loaded event as the default now', () => {
    const r = run(['hunt', '--input', SYSMON, '--sourcetype', 'XmlWinEventLog', '--input', AUDIT, '--sourcetype', 'linux:audit', '--format', 'json']);
    const latest = Date.UTC(2026, 2, 14, 10, 13, 44) / 1000 + 0.901; // 15457 at 10:13:44.901Z is the newest event
    expect(r.calls.nows).toEqual([latest + 1, latest + 1]);
    expect(defaultNow([])).toBeGreaterThan(1.7e9);
  });
});

describe('hunt --format json', () => {
  it('prints exactly the documented document: ingest counts and rejections, one entry per saved search', () => {
    const r = run(['hunt', '--input', SYSMON, '--sourcetype', 'XmlWinEventLog', '--input', IIS, '--sourcetype', 'ms:iis:auto', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as HuntReport;
    expect(Object.keys(doc)).toEqual(['ingest', 'searches']);
    expect(Object.keys(doc.ingest)).toEqual(['events', 'rejected']);
    expect(doc.ingest.events).toBe(6);
    expect(doc.ingest.rejected).toEqual([
      { file: IIS, line: 7, reason: 'W3C line has 7 values but "#Fields:" names 15 columns' },
      { file: IIS, line: 13, reason: expect.stringContaining('no valid "date" and "time"') },
    ]);
    expect(doc.searches.map((s) => Object.keys(s))).toEqual([
      ['name', 'results', 'error', 'elapsed_ms'],
      ['name', 'results', 'error', 'elapsed_ms'],
    ]);
    const [shell, broken] = doc.searches;
    expect(shell).toMatchObject({ name: 'T1505 - Web Server Spawning Shell', error: null });
    expect(shell.results).toEqual([{ _time: expect.any(Number), dest: 'WEB01.corp.example.com', user: 'IIS APPPOOL\\DefaultAppPool', process: 'cmd.exe /c "whoami /all &amp; net localgroup administrators"' }]);
    expect(typeof shell.elapsed_ms).toBe('number');
    expect(broken).toMatchObject({ name: 'T1505 - Broken Search', results: [], error: 'command not supported by the offline engine: transaction (line 1, column 40)' });
  });

  it('runs only the named saved searches, or only the --spl search', () => {
    const named = run(['hunt', '--input', SYSMON, '--sourcetype', 'XmlWinEventLog', '--search', 'T1505 - Broken Search', '--format', 'json']);
    expect((JSON.parse(named.stdout) as HuntReport).searches.map((s) => s.name)).toEqual(['T1505 - Broken Search']);
    const spl = run(['hunt', '--input', SYSMON, '--sourcetype', 'XmlWinEventLog', '--input', AUDIT, '--sourcetype', 'linux:audit', '--spl', '| stats count by sourcetype', '--format', 'json']);
    const doc = JSON.parse(spl.stdout) as HuntReport;
    expect(doc.searches).toHaveLength(1);
    expect(doc.searches[0]).toMatchObject({ name: AD_HOC_NAME, error: null, results: [{ sourcetype: 'XmlWinEventLog', count: '3' }, { sourcetype: 'linux:audit', count: '5' }] });
    expect(doc.ingest.rejected).toHaveLength(1);
  });

  it('reports an ad-hoc search error in the output and still exits 0', () => {
    const r = run(['hunt', '--input', SYSMON, '--sourcetype', 'XmlWinEventLog', '--spl', '| frobnicate', '--format', 'json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as HuntReport).searches[0].error).toBe('unknown command "frobnicate" (line 1, column 3)');
  });

  it('honours --now', () => {
    const r = run(['hunt', '--input', SYSMON, '--sourcetype', 'XmlWinEventLog', '--now', '2026-03-15T00:00:00Z', '--search', 'T1505 - Web Server Spawning Shell', '--format', 'json']);
    expect(r.calls.nows).toEqual([Date.UTC(2026, 2, 15) / 1000]);
    expect((JSON.parse(r.stdout) as HuntReport).searches[0].results).toEqual([]); // event is outside the 1 h window
  });
});

describe('hunt --format table', () => {
  it('prints the ingest summary, rejections, and a table per search', () => {
    const r = run(['hunt', '--input', SYSMON, '--sourcetype', 'XmlWinEventLog', '--input', IIS, '--sourcetype', 'ms:iis:auto']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('ingested 6 events, 2 rejected; now = 2026-03-14T11:02:12.000Z');
    expect(lines[1]).toBe(`  rejected ${IIS}:7: W3C line has 7 values but "#Fields:" names 15 columns`);
    expect(r.stdout).toMatch(/== T1505 - Web Server Spawning Shell \(1 result, [\d.]+ ms\)\n_time +dest +user +process\n-+ +-+ +-+ +-+\n2026-03-14T10:12:01\.435Z +WEB01\.corp\.example\.com +IIS APPPOOL\\DefaultAppPool +cmd\.exe \/c "whoami/);
    expect(r.stdout).toMatch(/== T1505 - Broken Search \(error, [\d.]+ ms\)\n {3}error: command not supported by the offline engine: transaction/);
  });
});

describe('t1505 command dispatch', () => {
  it('prints usage for help, and exits 2 for no or an unknown command', () => {
    expect(run(['--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('commands:') });
    expect(run([]).code).toBe(2);
    const unknown = run(['hunter']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "hunter"');
    expect(run(['hunt', '--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('--input FILE') });
  });
});
