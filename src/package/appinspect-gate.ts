/**
 * `tsx src/package/appinspect-gate.ts <report.json> <expectations.yml>`
 *
 * Reads a `splunk-appinspect inspect --data-format json` report and fails (exit 1) on
 * any failure or error, on any warning or future_failure not listed with a reason in
 * the expectations file, and on listed entries AppInspect no longer reports.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';

export const GATED_RESULTS = ['warning', 'future_failure'] as const;
export const BLOCKING_RESULTS = ['failure', 'error'] as const;
type GatedResult = (typeof GATED_RESULTS)[number];

export type Expectations = Record<GatedResult, Map<string, string>>;

export interface CheckOutcome {
  name: string;
  result: string;
  messages: string[];
}

export interface GateVerdict {
  passed: boolean;
  summaryLine: string;
  problems: string[];
  accepted: string[];
}

export class GateInputError extends Error {}

export function parseExpectations(text: string, file: string): Expectations {
  const document = (parseYaml(text) ?? {}) as Record<string, unknown>;
  const expectations = { warning: new Map(), future_failure: new Map() } as Expectations;
  for (const key of Object.keys(document)) {
    if (!(GATED_RESULTS as readonly string[]).includes(key)) {
      throw new GateInputError(`${file}: "${key}" is not one of ${GATED_RESULTS.join(', ')}`);
    }
  }
  for (const result of GATED_RESULTS) {
    const entries = document[result] ?? {};
    if (typeof entries !== 'object' || Array.isArray(entries)) throw new GateInputError(`${file}: ${result}: expected check_name: reason entries`);
    for (const [check, reason] of Object.entries(entries as Record<string, unknown>)) {
      if (typeof reason !== 'string' || reason.trim() === '') throw new GateInputError(`${file}: ${result}.${check}: needs a one-line reason`);
      expectations[result].set(check, reason.trim());
    }
  }
  return expectations;
}

export function readReport(text: string, file: string): { summary: Record<string, number>; checks: CheckOutcome[] } {
  let report: { summary?: Record<string, number>; reports?: { groups?: { checks?: { name: string; result: string; messages?: { message: string; filename?: string; line?: number }[] }[] }[] }[] };
  try {
    report = JSON.parse(text);
  } catch (error) {
    throw new GateInputError(`${file}: not an AppInspect JSON report (${(error as Error).message})`);
  }
  if (!report.summary || !Array.isArray(report.reports) || report.reports.length === 0) {
    throw new GateInputError(`${file}: not an AppInspect JSON report (no summary or reports)`);
  }
  const checks = report.reports.flatMap((r) =>
    (r.groups ?? []).flatMap((group) =>
      (group.checks ?? []).map((check) => ({
        name: check.name,
        result: check.result,
        messages: (check.messages ?? []).map((m) => (m.filename ? `${m.filename}${m.line ? `:${m.line}` : ''}: ${m.message}` : m.message)),
      })),
    ),
  );
  return { summary: report.summary, checks };
}

export function judge(report: { summary: Record<string, number>; checks: CheckOutcome[] }, expectations: Expectations): GateVerdict {
  const problems: string[] = [];
  const accepted: string[] = [];
  for (const check of report.checks) {
    const describe = `${check.result} ${check.name}${check.messages.length ? `: ${check.messages.join(' | ')}` : ''}`;
    if ((BLOCKING_RESULTS as readonly string[]).includes(check.result)) problems.push(describe);
    else if ((GATED_RESULTS as readonly string[]).includes(check.result)) {
      const reason = expectations[check.result as GatedResult].get(check.name);
      if (reason) accepted.push(`${check.result} ${check.name} (accepted: ${reason})`);
      else problems.push(`${describe} [not listed in the expectations file]`);
    }
  }
  for (const result of GATED_RESULTS) {
    for (const name of expectations[result].keys()) {
      if (!report.checks.some((c) => c.name === name && c.result === result)) {
        problems.push(`${result} ${name} is listed in the expectations file but AppInspect no longer reports it; remove the entry`);
      }
    }
  }
  const order = ['error', 'failure', 'future_failure', 'warning', 'skipped', 'not_applicable', 'success'];
  const summaryLine = `AppInspect summary: ${order.map((key) => `${key}: ${report.summary[key] ?? 0}`).join(', ')}`;
  return { passed: problems.length === 0, summaryLine, problems, accepted };
}

function main(argv: string[]): number {
  const [reportFile, expectationsFile] = argv;
  if (!reportFile || !expectationsFile) throw new GateInputError('usage: appinspect-gate <report.json> <expectations.yml>');
  const verdict = judge(
    readReport(readFileSync(reportFile, 'utf8'), reportFile),
    parseExpectations(readFileSync(expectationsFile, 'utf8'), expectationsFile),
  );
  for (const line of verdict.accepted) console.log(line);
  for (const line of verdict.problems) console.error(line);
  console.log(verdict.summaryLine);
  console.log(verdict.passed ? 'AppInspect gate: passed' : `AppInspect gate: FAILED (${verdict.problems.length} problems)`);
  return verdict.passed ? 0 : 1;
}

if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(`appinspect-gate: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
