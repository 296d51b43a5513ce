/** The allowlist and server-role lookups: entries the macros would ignore are reported by line. */
import { checkAllowlist, checkServerRoles } from '../../src/detections/lookup-checks';
import { formatProblem } from '../../src/detections/problems';
import { loadDetectionSetLenient } from '../../src/detections/load';
import { addDetection, makeRoot, validDetection, writeFile } from './fixture-root';

test('valid allowlist entries pass', () => {
  const text = 'technique_id,dest,user,pattern,reason,expires\nT1505.003,web01*,*,"C:\\a,b.exe",CHG-1 PDF export,2026-12-31\nT1505*,*,svc,*,CI,\n';
  expect(checkAllowlist(text)).toEqual([]);
});

test('allowlist entries without a reason, with a bad date or a bad technique are reported by line', () => {
  const text = [
    'technique_id,dest,user,pattern,reason,expires',
    'T1505.003,web01,*,x,,',
    'T1505,web01,*,x,ok,2026/12/31',
    'T1505,web01,*,x,ok,2026-02-30',
    'persistence,web01,*,x,ok,',
    'T1505,,*,x,ok,',
    'T1505,web01,*,x,ok',
  ].join('\n');
  expect(checkAllowlist(text).map(formatProblem)).toEqual([
    'lookups/t1505_allowlist.csv:7: has 5 cells, expected 6 (technique_id,dest,user,pattern,reason,expires)',
    'lookups/t1505_allowlist.csv:2: reason: is empty, so this entry suppresses nothing; say why the case is expected',
    'lookups/t1505_allowlist.csv:3: expires: "2026/12/31" is not a date YYYY-MM-DD, so this entry suppresses nothing',
    'lookups/t1505_allowlist.csv:4: expires: "2026-02-30" is not a date YYYY-MM-DD, so this entry suppresses nothing',
    'lookups/t1505_allowlist.csv:5: technique_id: "persistence" is not a technique id such as T1505.003 (or T1505*)',
    'lookups/t1505_allowlist.csv:6: dest: is empty; use * to match any value',
  ]);
});

test('a wrong header is reported once', () => {
  expect(checkAllowlist('dest,reason\nweb01,x\n').map(formatProblem)).toEqual([
    'lookups/t1505_allowlist.csv:1:1: header must be "technique_id,dest,user,pattern,reason,expires"',
  ]);
});

test('server roles must be known roles', () => {
  const roles = new Set(['web', 'sql']);
  expect(checkServerRoles('host,role,notes\nsql01*,SQL,\nweb01,webserver,typo\n,web,\n', roles).map(formatProblem)).toEqual([
    'lookups/t1505_server_roles.csv:3: role: unknown role "webserver" (roles: web, sql)',
    'lookups/t1505_server_roles.csv:4: host: is empty',
  ]);
});

test('the loader reports lookup problems without hiding the detections', () => {
  const root = makeRoot();
  addDetection(root, validDetection());
  writeFile(root, 'lookups/t1505_allowlist.csv', 'technique_id,dest,user,pattern,reason,expires\nT1505,web01,*,x,,\n');
  const { set, problems } = loadDetectionSetLenient(root);
  expect(set?.detections).toHaveLength(1);
  expect(problems.map(formatProblem)).toEqual(['lookups/t1505_allowlist.csv:2: reason: is empty, so this entry suppresses nothing; say why the case is expected']);
});
