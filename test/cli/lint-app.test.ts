// `t1505 lint` over the repository's own app, so that CI (npm test) fails on a search that
// does not lint: every saved search and dashboard search parses after macro expansion and
// breaks no rule at error severity.
import * as path from 'path';
import { runCli } from '../../src/cli/cli';
import { defaultEngine } from '../../src/cli/engine-default';

const REPO = path.resolve(__dirname, '../..');

describe('t1505 lint on this app', () => {
  it('finds no error in the saved searches and dashboards', () => {
    let stdout = '';
    let stderr = '';
    const code = runCli(['lint'], defaultEngine, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, REPO);
    const errors = stdout.split('\n').filter((l) => / error \[/.test(l) || l.startsWith('error'));
    expect({ code, errors, stderr }).toEqual({ code: 0, errors: [], stderr: '' });
    expect(stdout).toMatch(/\d+ findings?: 0 errors/);
  }, 120_000);
});
