/** The loader's schema and cross-file checks: each problem names file, line, column and field. */
import { loadDetectionSet, loadDetectionSetLenient } from '../../src/detections/load';
import { formatProblem, DetectionSourceError } from '../../src/detections/problems';
import { addDetection, makeRoot, validDetection, writeFile } from './fixture-root';

function problemsFor(mutate: (d: Record<string, unknown>) => void, folder?: string): string[] {
  const root = makeRoot();
  const detection = validDetection();
  mutate(detection);
  addDetection(root, detection, folder, undefined, 'apache_module_test');
  return loadDetectionSetLenient(root).problems.map(formatProblem);
}

test('a valid detection loads with defaults filled in', () => {
  const root = makeRoot();
  addDetection(root, validDetection());
  const set = loadDetectionSet(root);
  expect(set.detections.map((d) => d.detection.id)).toEqual(['apache_module_test']);
  const d = set.detections[0].detection;
  expect(d.schedule.latest).toBe('now');
  expect(d.schedule.schedule_window).toBe('auto');
  expect(d.security_domain).toBe('endpoint');
  expect(d.data_sources[0].event_codes).toEqual(['11']);
});

test('an unknown key is reported at its line and column', () => {
  const root = makeRoot();
  const text = [
    'id: apache_module_test',
    'title: Test Detection apache module',
    'type: TTP',
    'statuss: production',
  ].join('\n');
  addDetection(root, validDetection(), 'T1505_server_modules', text);
  const problems = loadDetectionSetLenient(root).problems.map(formatProblem);
  expect(problems).toContain('detections/T1505_server_modules/apache_module_test/detection.yml:1:1: Unrecognized key: "statuss"');
  expect(problems.some((p) => /detection\.yml:1:1: status: /.test(p))).toBe(true);
});

test('a wrong value is reported at the value, with the dotted field path', () => {
  const root = makeRoot();
  const lines = [
    'id: apache_module_test',
    'title: Test Detection apache module',
    'type: TTP',
    'status: production',
    'severity: severe',
  ];
  addDetection(root, validDetection(), 'T1505_server_modules', lines.join('\n'));
  const problems = loadDetectionSetLenient(root).problems.map(formatProblem);
  expect(problems.find((p) => p.includes(' severity: '))).toMatch(/detection\.yml:5:11: severity: Invalid option/);
});

test('YAML syntax errors name the line', () => {
  const root = makeRoot();
  addDetection(root, validDetection(), 'T1505_server_modules', 'id: x\ntitle: [unclosed\n');
  const problems = loadDetectionSetLenient(root).problems.map(formatProblem);
  expect(problems.length).toBeGreaterThan(0);
  expect(problems[0]).toMatch(/detection\.yml:\d+:\d+: YAML /);
});

test('loadDetectionSet throws one error listing every problem', () => {
  const root = makeRoot();
  const d = validDetection();
  d.severity = 'severe';
  d.type = 'Alert';
  addDetection(root, d);
  expect(() => loadDetectionSet(root)).toThrow(DetectionSourceError);
  try {
    loadDetectionSet(root);
  } catch (error) {
    expect((error as DetectionSourceError).problems.map((p) => p.field).sort()).toEqual(['severity', 'type']);
  }
});

test.each([
  ['id differs from the folder', (d: Record<string, unknown>) => (d.id = 'other_name'), /id: "other_name" must equal the folder name "apache_module_test"/],
  ['primary technique differs from the folder', (d: Record<string, unknown>) => ((d.attack as { techniques: string[] }).techniques = ['T1505.003']), /attack\.techniques\.0: primary technique T1505\.003 does not match the technique folder T1505/],
  ['risk object is not an output field', (d: Record<string, unknown>) => ((d.risk as { objects: unknown[] }).objects = [{ field: 'src', type: 'system' }]), /risk\.objects\.0\.field: "src" is not an output field/],
  ['risk message token is not an output field', (d: Record<string, unknown>) => ((d.risk as { message: string }).message = 'on $host$'), /risk\.message: \$host\$ is not an output field/],
  ['unknown macro, with the defined arities', (d: Record<string, unknown>) => (d.search = String(d.search).replace('`t1505_drop_dm_object_name(Filesystem)`', '`t1505_drop_dm_object_name`')), /unknown macro `t1505_drop_dm_object_name` \(defined: t1505_drop_dm_object_name\(1\)\)/],
  ['CIM macro instead of the app macro', (d: Record<string, unknown>) => (d.search = String(d.search).replace('t1505_drop_dm_object_name(', 'drop_dm_object_name(')), /unknown macro `drop_dm_object_name\(1\)`/],
  ['unknown lookup', (d: Record<string, unknown>) => (d.search = `${String(d.search)}\n| lookup no_such_lookup file_path OUTPUT x`), /unknown lookup "no_such_lookup"/],
  ['join', (d: Record<string, unknown>) => (d.search = `${String(d.search)}\n| join dest [| makeresults]`), /uses \| join/],
  ['index named directly', (d: Record<string, unknown>) => (d.search = `index=main ${String(d.search)}`), /names index directly/],
  ['sets technique_id', (d: Record<string, unknown>) => (d.search = `${String(d.search)}\n| eval technique_id="T1505"`), /sets technique_id/],
  ['calls its own filter macro', (d: Record<string, unknown>) => (d.search = `${String(d.search)}\n| \`t1505_apache_module_test_filter\``), /calls the filter macro/],
  ['data model read but not listed', (d: Record<string, unknown>) => ((d.data_sources as unknown[])[0] = { datamodel: 'Endpoint.Processes', description: 'x' }), /reads datamodel=Endpoint\.Filesystem but data_sources does not list it/],
  ['data-source macro listed but not read', (d: Record<string, unknown>) => (d.data_sources as unknown[]).push({ macro: 't1505_sysmon_linux', description: 'x' }), /lists `t1505_sysmon_linux` but the search does not use it/],
  ['unknown data-source macro', (d: Record<string, unknown>) => (d.data_sources as unknown[]).push({ macro: 't1505_nothing', description: 'x' }), /unknown data-source macro "t1505_nothing"/],
  ['both macro and datamodel', (d: Record<string, unknown>) => ((d.data_sources as unknown[])[0] = { macro: 't1505_sysmon_linux', datamodel: 'Endpoint.Filesystem', description: 'x' }), /give exactly one of macro or datamodel/],
  ['unknown role', (d: Record<string, unknown>) => (d.roles = ['webserver']), /roles\.0: unknown role "webserver"/],
  ['cron too frequent', (d: Record<string, unknown>) => ((d.schedule as { cron: string }).cron = '* * * * *'), /schedule\.cron: runs 60 times an hour/],
  ['real-time window', (d: Record<string, unknown>) => ((d.schedule as { earliest: string }).earliest = 'rt-5m'), /schedule\.earliest: /],
  ['benign case expecting rows', (d: Record<string, unknown>) => ((d.tests as Array<{ expect: { count: number } }>)[1].expect.count = 1), /tests\.1\.expect\.count: a benign test must expect 0 rows/],
  ['true positive expecting nothing', (d: Record<string, unknown>) => ((d.tests as Array<{ expect: { count: number } }>)[0].expect.count = 0), /tests\.0\.expect\.count: a true_positive test must expect at least one row/],
  ['only true positives', (d: Record<string, unknown>) => ((d.tests as Array<{ kind: string }>)[1].kind = 'true_positive'), /needs at least one benign test/],
  ['missing fixture', (d: Record<string, unknown>) => ((d.tests as Array<{ inputs: Array<{ file: string }> }>)[0].inputs[0].file = 'missing.log'), /tests\.0\.inputs\.0\.file: fixture detections\/T1505_server_modules\/apache_module_test\/missing\.log does not exist/],
  ['fixture outside the folder', (d: Record<string, unknown>) => ((d.tests as Array<{ inputs: Array<{ file: string }> }>)[0].inputs[0].file = '../other/tp.log'), /must stay inside the detection folder/],
  ['title with a quote', (d: Record<string, unknown>) => (d.title = 'Module "x" added'), /title: may hold letters/],
  ['unknown tactic', (d: Record<string, unknown>) => ((d.attack as { tactics: string[] }).tactics = ['TA0099']), /unknown ATT&CK Enterprise tactic TA0099/],
  ['search line ending in a backslash', (d: Record<string, unknown>) => (d.search = `${String(d.search)}\n| where match(file_path, "\\\\")\\`), /ends with a backslash/],
])('%s is reported', (_name, mutate, pattern) => {
  const problems = problemsFor(mutate);
  expect(problems.some((p) => pattern.test(p))).toBe(true);
  expect(problems.every((p) => p.startsWith('detections/T1505_server_modules/apache_module_test'))).toBe(true);
});

test('a technique folder with a bad name is reported', () => {
  const root = makeRoot();
  addDetection(root, validDetection(), 'server_modules');
  expect(loadDetectionSetLenient(root).problems.map(formatProblem)).toEqual([
    'detections/server_modules: technique folder must be named <technique id>_<snake_case words>, e.g. T1505.003_web_shell',
  ]);
});

test('duplicate titles across detections are reported on the second one', () => {
  const root = makeRoot();
  addDetection(root, validDetection('apache_module_one'));
  const second = validDetection('apache_module_two');
  second.title = 'test detection apache module one';
  addDetection(root, second);
  const problems = loadDetectionSetLenient(root).problems.map(formatProblem);
  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatch(/apache_module_two\/detection\.yml:2:8: title: title "test detection apache module one" is already used by detections\/T1505_server_modules\/apache_module_one\/detection\.yml/);
});

test('a broken detection does not hide the valid ones from the lenient loader', () => {
  const root = makeRoot();
  addDetection(root, validDetection('apache_module_good'));
  const bad = validDetection('apache_module_bad');
  bad.severity = 'severe';
  addDetection(root, bad);
  const { set, invalid } = loadDetectionSetLenient(root);
  expect(set?.detections.map((d) => d.detection.id)).toEqual(['apache_module_good']);
  expect(invalid).toEqual(['detections/T1505_server_modules/apache_module_bad/detection.yml']);
});

test('a missing data_sources.yml is a problem, not a crash', () => {
  const root = makeRoot();
  writeFile(root, 'detections/data_sources.yml', 'index_macros: []\n');
  const { set, problems } = loadDetectionSetLenient(root);
  expect(set).toBeUndefined();
  expect(problems.map(formatProblem).some((p) => p.startsWith('detections/data_sources.yml:1:'))).toBe(true);
});
