/**
 * The AppInspect gate over a real splunk-appinspect 4.3.1 JSON report of this app
 * (trimmed to a few checks). Result states: success, warning, failure, error,
 * future_failure, not_applicable, skipped.
 * https://dev.splunk.com/enterprise/docs/developapps/testvalidate/appinspect/useappinspectclitool/
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GateInputError, judge, parseExpectations, readReport } from '../../src/package/appinspect-gate';
import { REPO_ROOT } from '../../src/app-identity/identity';

const REPORT_FILE = join(__dirname, 'fixtures', 'appinspect-4.3.1-report.json');
const reportText = readFileSync(REPORT_FILE, 'utf8');
const EXPECTATIONS_FILE = '.ci/appinspect-expectations.yml';
const expectations = parseExpectations(readFileSync(join(REPO_ROOT, EXPECTATIONS_FILE), 'utf8'), EXPECTATIONS_FILE);

function withCheck(name: string, result: string, message = 'problem'): string {
  const report = JSON.parse(reportText);
  report.reports[0].groups[0].checks.push({ name, result, messages: [{ message, filename: 'default/app.conf', line: 3 }], tags: ['cloud'] });
  report.summary[result] = (report.summary[result] ?? 0) + 1;
  return JSON.stringify(report);
}

describe('AppInspect gate', () => {
  it('passes this app\'s report: its two warnings are listed with reasons', () => {
    const verdict = judge(readReport(reportText, REPORT_FILE), expectations);
    expect(verdict.problems).toEqual([]);
    expect(verdict.passed).toBe(true);
    expect(verdict.accepted).toHaveLength(2);
    expect(verdict.summaryLine).toBe(
      'AppInspect summary: error: 0, failure: 0, future_failure: 0, warning: 2, skipped: 0, not_applicable: 143, success: 101',
    );
  });

  it.each(['failure', 'error'])('fails on any %s, naming the check, file and line', (result) => {
    const verdict = judge(readReport(withCheck('check_meta_default_write_access', result, 'write access for *'), 'r.json'), expectations);
    expect(verdict.passed).toBe(false);
    expect(verdict.problems).toEqual([`${result} check_meta_default_write_access: default/app.conf:3: write access for *`]);
  });

  it('fails on a future_failure or warning that is not listed', () => {
    const verdict = judge(readReport(withCheck('check_for_custom_mako_templates', 'future_failure'), 'r.json'), expectations);
    expect(verdict.passed).toBe(false);
    expect(verdict.problems[0]).toMatch(/^future_failure check_for_custom_mako_templates: .*\[not listed in the expectations file\]$/);
  });

  it('fails on a listed entry AppInspect no longer reports', () => {
    const stale = parseExpectations('warning:\n  check_for_splunk_js: reason\n  check_that_went_away: old reason\n', 'e.yml');
    const verdict = judge(readReport(reportText, REPORT_FILE), stale);
    expect(verdict.problems).toContain(
      'warning check_that_went_away is listed in the expectations file but AppInspect no longer reports it; remove the entry',
    );
    expect(verdict.problems.some((p) => p.startsWith('warning check_for_splunk_js_header_and_footer_view'))).toBe(true);
  });

  it('rejects an expectation without a reason and a report that is not AppInspect JSON', () => {
    expect(() => parseExpectations('warning:\n  check_for_splunk_js: ""\n', 'e.yml')).toThrow('e.yml: warning.check_for_splunk_js: needs a one-line reason');
    expect(() => parseExpectations('failure:\n  check_x: allowed?\n', 'e.yml')).toThrow('e.yml: "failure" is not one of warning, future_failure');
    expect(() => readReport('{"summary": {}}', 'r.json')).toThrow(GateInputError);
    expect(() => readReport('<html>', 'r.json')).toThrow(/^r\.json: not an AppInspect JSON report/);
  });
});
