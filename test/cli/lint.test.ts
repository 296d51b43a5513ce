import { runCli } from '../../src/cli/cli';
import type { LintFinding } from '../../src/cli/engine-port';
import { fakeEngine } from './fake-engine';

function run(argv: string[], findings: LintFinding[]) {
  const { engine, calls } = fakeEngine(findings);
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, () => engine, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, '/repo');
  return { code, stdout, stderr, calls };
}

const ERROR: LintFinding = { search: 'T1505 - Exchange Transport Agent Installed', file: 'default/savedsearches.conf', line: 212, severity: 'error', message: 'unknown macro `t1505_exchange_mgmt`', position: 'line 1, column 1', rule: 'unknown-macro' };
const WARNING: LintFinding = { search: 'T1505 - IIS Module Added', severity: 'warning', message: 'AND and OR mixed without parentheses', position: 'line 2, column 18', rule: 'and-or-parentheses' };

describe('t1505 lint', () => {
  it('prints one line per finding with search name and position, and exits 1 on an error', () => {
    const r = run(['lint'], [ERROR, WARNING]);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')).toEqual([
      'default/savedsearches.conf:212: error [unknown-macro] T1505 - Exchange Transport Agent Installed: unknown macro `t1505_exchange_mgmt` (line 1, column 1)',
      'warning [and-or-parentheses] T1505 - IIS Module Added: AND and OR mixed without parentheses (line 2, column 18)',
      '2 findings: 1 error, 1 warning',
      '',
    ]);
    expect(r.calls.appDirs).toEqual(['/repo']);
  });

  it('exits 0 when there are only warnings or nothing, and lints --app', () => {
    expect(run(['lint'], [WARNING]).code).toBe(0);
    const clean = run(['lint', '--app', '/tmp/other'], []);
    expect(clean).toMatchObject({ code: 0, stdout: '0 findings: 0 errors, 0 warnings\n' });
    expect(clean.calls.appDirs).toEqual(['/tmp/other']);
  });

  it('prints JSON with --format json', () => {
    const r = run(['lint', '--format', 'json'], [ERROR]);
    expect(JSON.parse(r.stdout)).toEqual({ findings: [ERROR], errors: 1, warnings: 0 });
  });

  it('exits 2 on bad usage', () => {
    const r = run(['lint', '--format', 'xml'], []);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--format must be text or json, got "xml"');
  });
});
