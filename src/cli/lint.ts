/** `t1505 lint`: one line per finding; exit 1 when a finding is an error. */
import { parseArgs } from 'util';
import * as path from 'path';
import type { EnginePort, LintFinding } from './engine-port';
import type { CliIo } from './hunt';
import { usageFailure } from './hunt';
import { LINT_USAGE, UsageError } from './usage';

export function runLint(argv: string[], engine: EnginePort, io: CliIo, defaultAppDir: string): number {
  let values;
  try {
    values = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: { app: { type: 'string' }, format: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }).values;
    if (values.format !== undefined && values.format !== 'text' && values.format !== 'json') {
      throw new UsageError(`--format must be text or json, got "${values.format}"`, LINT_USAGE);
    }
  } catch (err) {
    return usageFailure(err instanceof UsageError ? err : new UsageError((err as Error).message, LINT_USAGE), io);
  }
  if (values.help) {
    io.stdout(LINT_USAGE + '\n');
    return 0;
  }
  const appDir = values.app !== undefined ? path.resolve(values.app) : defaultAppDir;
  let findings;
  try {
    findings = engine.lintApp(appDir);
  } catch (err) {
    io.stderr(`t1505 lint: cannot lint the app in ${appDir}: ${(err as Error).message}\n`);
    return 2;
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  if (values.format === 'json') {
    io.stdout(JSON.stringify({ findings, errors, warnings: findings.length - errors }, null, 2) + '\n');
  } else {
    for (const f of findings) io.stdout(formatFinding(f) + '\n');
    io.stdout(`${findings.length} finding${findings.length === 1 ? '' : 's'}: ${errors} error${errors === 1 ? '' : 's'}, ${findings.length - errors} warning${findings.length - errors === 1 ? '' : 's'}\n`);
  }
  return errors > 0 ? 1 : 0;
}

/** One line per finding: `file:line: severity [rule] search: message (position)`. */
export function formatFinding(f: LintFinding): string {
  const where = f.file === undefined ? '' : f.line === undefined ? `${f.file}: ` : `${f.file}:${f.line}: `;
  return `${where}${f.severity} [${f.rule}] ${f.search}: ${f.message}${f.position ? ` (${f.position})` : ''}`;
}
