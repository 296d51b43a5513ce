// The `t1505` bin (tools/t1505.js) runs the TypeScript CLI through tsx; these run it as a user would.
import { spawnSync } from 'child_process';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'tools/t1505.js');

function t1505(...args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60000 });
}

describe('tools/t1505.js', () => {
  it('prints the usage with --help and exits 0', () => {
    const r = t1505('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('hunt    load recorded events');
  });

  it('exits 2 with a message for an unreadable input, before touching the engine', () => {
    const r = t1505('hunt', '--input', 'no/such/events.xml', '--sourcetype', 'XmlWinEventLog');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('t1505 hunt: cannot read input file "no/such/events.xml": no such file\n');
  });

  it('exits 2 with the usage for a bad option', () => {
    const r = t1505('hunt', '--input', 'x', '--sourcetype', '_json', '--format', 'yaml');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--format must be json or table, got "yaml"');
  });
});
