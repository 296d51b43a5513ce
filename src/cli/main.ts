/** Entry point of the `t1505` command (tools/t1505.js runs it through tsx). */
import { REPO_ROOT } from '../app-identity/identity';
import { runCli } from './cli';
import { defaultEngine } from './engine-default';

try {
  process.exitCode = runCli(process.argv.slice(2), defaultEngine, { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) }, REPO_ROOT);
} catch (err) {
  process.stderr.write(`t1505: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
}
