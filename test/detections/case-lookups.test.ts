/**
 * The loader's checks of `tests[].lookups` (src/detections/case-lookups.ts): each problem is
 * reported at the case's `lookups` entry in detection.yml and names the CSV fixture and line.
 */
import { execFileSync } from 'node:child_process';
import { loadDetectionSet, loadDetectionSetLenient } from '../../src/detections/load';
import { formatProblem } from '../../src/detections/problems';
import { addDetection, makeRoot, validDetection, writeFile } from './fixture-root';

const DIR = 'detections/T1505_server_modules/apache_module_test';
const YML = `${DIR}/detection.yml`;

/** A root whose benign case adds `lookups`, with the app's lookup files header-only as shipped. */
function rootWith(lookups: Record<string, string>, files: Record<string, string>): string {
  const root = makeRoot();
  writeFile(root, 'lookups/t1505_server_roles.csv', 'host,role,notes\n');
  writeFile(root, 'lookups/t1505_allowlist.csv', 'technique_id,dest,user,pattern,reason,expires\n');
  writeFile(root, 'lookups/t1505_esxi_change_windows.csv', 'dest,window_start,window_end,ticket,notes\n');
  const detection = validDetection();
  (detection.tests as Array<Record<string, unknown>>)[1].lookups = lookups;
  addDetection(root, detection);
  for (const [file, text] of Object.entries(files)) writeFile(root, `${DIR}/${file}`, text);
  return root;
}

const problems = (root: string): string[] => loadDetectionSetLenient(root).problems.map(formatProblem);

test('a case adds rows to an app lookup from a CSV in its folder', () => {
  const root = rootWith(
    { t1505_server_roles: 'roles_web01.csv', t1505_esxi_change_windows: 'change_window.csv' },
    {
      'roles_web01.csv': 'host,role,notes\nweb01*,linux-web,Apache front end\n',
      'change_window.csv': 'dest,window_start,window_end,ticket,notes\nesx01*,2026-03-14T08:00:00Z,2026-03-14T12:00:00Z,CHG-20417,vendor driver update\n',
    },
  );
  const set = loadDetectionSet(root);
  expect(set.detections[0].detection.tests[1].lookups).toEqual({ t1505_server_roles: 'roles_web01.csv', t1505_esxi_change_windows: 'change_window.csv' });
});

test('a lookup the app does not have is reported at its entry', () => {
  const root = rootWith({ t1505_change_windows: 'change_window.csv' }, { 'change_window.csv': 'dest\nesx01\n' });
  expect(problems(root)).toEqual([expect.stringMatching(new RegExp(`^${YML}:\\d+:\\d+: tests\\.1\\.lookups\\.t1505_change_windows: the app has no lookup file lookups/t1505_change_windows\\.csv$`))]);
});

test('the lookup is named without .csv', () => {
  const root = rootWith({ 't1505_server_roles.csv': 'roles.csv' }, { 'roles.csv': 'host,role,notes\nweb01,linux-web,x\n' });
  expect(problems(root)).toEqual([`${YML}:64:31: tests.1.lookups.t1505_server_roles.csv: expected the name of a lookup file in lookups/ without .csv, e.g. t1505_server_roles`]);
});

test('a missing fixture is reported', () => {
  const root = rootWith({ t1505_server_roles: 'roles.csv' }, {});
  expect(problems(root)).toEqual([expect.stringMatching(/tests\.1\.lookups\.t1505_server_roles: fixture detections\/T1505_server_modules\/apache_module_test\/roles\.csv does not exist$/)]);
});

test('a fixture outside the detection folder is refused', () => {
  const root = rootWith({ t1505_server_roles: '../roles.csv' }, {});
  expect(problems(root).some((p) => /tests\.1\.lookups\.t1505_server_roles: must stay inside the detection folder/.test(p))).toBe(true);
});

test('a header that differs from the lookup is reported with both headers', () => {
  const root = rootWith({ t1505_server_roles: 'roles.csv' }, { 'roles.csv': 'host,role\nweb01,linux-web\n' });
  expect(problems(root)).toEqual([
    expect.stringContaining(`tests.1.lookups.t1505_server_roles: ${DIR}/roles.csv:1: header "host,role" differs from lookups/t1505_server_roles.csv ("host,role,notes")`),
  ]);
});

test('a fixture without rows is reported: it would test nothing', () => {
  const root = rootWith({ t1505_server_roles: 'roles.csv' }, { 'roles.csv': 'host,role,notes\n' });
  expect(problems(root)).toEqual([expect.stringContaining(`${DIR}/roles.csv: has no rows, so it adds nothing to lookups/t1505_server_roles.csv`)]);
});

test('a row with the wrong number of cells is reported with its line', () => {
  const root = rootWith({ t1505_esxi_change_windows: 'cw.csv' }, { 'cw.csv': 'dest,window_start,window_end,ticket,notes\nesx01,2026-03-14T08:00:00Z,2026-03-14T12:00:00Z,CHG-1,ok\nesx02,2026-03-14T08:00:00Z,CHG-2\n' });
  expect(problems(root)).toEqual([expect.stringContaining(`${DIR}/cw.csv:3: has 3 cells, expected 5 (dest,window_start,window_end,ticket,notes)`)]);
});

test('invalid CSV is reported, not thrown', () => {
  const root = rootWith({ t1505_server_roles: 'roles.csv' }, { 'roles.csv': 'host,role,notes\n"web01,linux-web,x\n' });
  expect(problems(root)).toEqual([expect.stringMatching(/roles\.csv(:\d+)?: not valid CSV: /)]);
});

test('allowlist rows get the allowlist checks (an entry without a reason suppresses nothing)', () => {
  const root = rootWith({ t1505_allowlist: 'allow.csv' }, { 'allow.csv': 'technique_id,dest,user,pattern,reason,expires\nT1505,web01*,*,/usr/bin/cp*,,\n' });
  expect(problems(root)).toEqual([expect.stringContaining(`${DIR}/allow.csv:2: reason: is empty, so this entry suppresses nothing`)]);
});

test('server-role rows get the role checks', () => {
  const root = rootWith({ t1505_server_roles: 'roles.csv' }, { 'roles.csv': 'host,role,notes\nweb01*,webserver,x\n' });
  expect(problems(root)).toEqual([expect.stringContaining(`${DIR}/roles.csv:2: role: unknown role "webserver"`)]);
});

test('a lookup fixture that git ignores is reported', () => {
  const root = rootWith({ t1505_server_roles: 'local/roles.csv' }, { 'local/roles.csv': 'host,role,notes\nweb01,linux-web,x\n' });
  writeFile(root, '.gitignore', 'local/\n');
  execFileSync('git', ['init', '-q', root]);
  expect(problems(root)).toEqual([expect.stringContaining(`tests.1.lookups.t1505_server_roles: fixture ${DIR}/local/roles.csv is ignored by git`)]);
});

describe('suppressed_by', () => {
  function rootSuppressed(kind: 'benign' | 'true_positive', names: string[]): string {
    const root = makeRoot();
    writeFile(root, 'lookups/t1505_linux_package_managers.csv', 'process_name,kind,notes\ndpkg,package manager,Debian\n');
    const detection = validDetection();
    const tests = detection.tests as Array<Record<string, unknown>>;
    const index = kind === 'benign' ? 1 : 0;
    tests[index].suppressed_by = names;
    addDetection(root, detection);
    return root;
  }

  test('a benign case names the app lookups that make it benign', () => {
    const set = loadDetectionSet(rootSuppressed('benign', ['t1505_linux_package_managers']));
    expect(set.detections[0].detection.tests[1].suppressed_by).toEqual(['t1505_linux_package_managers']);
  });

  test('a true positive cannot name one', () => {
    expect(problems(rootSuppressed('true_positive', ['t1505_linux_package_managers']))).toEqual([
      expect.stringMatching(/tests\.0\.suppressed_by: only a benign case can be suppressed by a lookup$/),
    ]);
  });

  test('a lookup the app does not have is reported at its position in the list', () => {
    expect(problems(rootSuppressed('benign', ['t1505_linux_package_managers', 't1505_package_managers']))).toEqual([
      expect.stringMatching(/tests\.1\.suppressed_by\.1: the app has no lookup file lookups\/t1505_package_managers\.csv$/),
    ]);
  });

  test('names are given without .csv', () => {
    expect(problems(rootSuppressed('benign', ['t1505_linux_package_managers.csv']))).toEqual([
      expect.stringMatching(/tests\.1\.suppressed_by\.0: expected the name of a lookup file in lookups\/ without \.csv/),
    ]);
  });
});
