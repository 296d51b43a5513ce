/**
 * The generators: savedsearches.conf, macros.conf, the catalogue, docs pages and the README
 * section. Settings per the savedsearches.conf and macros.conf specs:
 * https://help.splunk.com/en/data-management/splunk-enterprise-admin-manual/10.0/10.0.0-configuration-file-reference/savedsearches.conf
 * https://help.splunk.com/en/data-management/splunk-enterprise-admin-manual/10.0/10.0.0-configuration-file-reference/macros.conf
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { parseConf } from '../../src/conf/conf';
import { CATALOGUE_COLUMNS } from '../../src/detections/gen-catalogue';
import { BEGIN_MARKER, END_MARKER, withCoverageSection } from '../../src/detections/gen-readme';
import { generatedOutput, outdatedFiles, writeGenerated } from '../../src/detections/generate';
import { loadDetectionSet } from '../../src/detections/load';
import { addDetection, makeRoot, validDetection, writeFile } from './fixture-root';

function generate(mutate: (d: Record<string, unknown>) => void = () => undefined): { root: string; files: Map<string, string> } {
  const root = makeRoot();
  const detection = validDetection();
  mutate(detection);
  addDetection(root, detection);
  return { root, files: generatedOutput(root).files };
}

test('a TTP stanza ships disabled, scheduled, throttled, with ES settings present and actions off', () => {
  const { files } = generate();
  const conf = parseConf(files.get('default/savedsearches.conf')!, 'savedsearches.conf');
  const stanza = conf.get('T1505 - Test Detection apache module test');
  expect(stanza).toBeDefined();
  const s = stanza!.settings;
  expect(s.get('disabled')).toBe('1');
  expect(s.get('enableSched')).toBe('1');
  expect(s.get('cron_schedule')).toBe('*/15 * * * *');
  expect(s.get('dispatch.earliest_time')).toBe('-20m@m');
  expect(s.get('dispatch.latest_time')).toBe('now');
  expect(s.get('description')).toMatch(/^A detection used by the framework tests/);
  expect(s.get('request.ui_dispatch_app')).toBe('test_app');
  expect(s.get('alert.digest_mode')).toBe('0');
  expect(s.get('alert.suppress.fields')).toBe('dest,signal');
  expect(s.get('alert.suppress.period')).toBe('86400s');
  expect(s.get('action.risk')).toBe('0');
  expect(s.get('action.notable')).toBe('0');
  expect(s.get('action.correlationsearch.enabled')).toBe('1');
  expect(JSON.parse(s.get('action.correlationsearch.annotations')!)).toEqual({
    mitre_attack: ['T1505'],
    mitre_attack_tactics: ['TA0003'],
    kill_chain_phases: ['Installation'],
    analytic_story: ['T1505 Server Software Component'],
  });
  expect(JSON.parse(s.get('action.risk.param._risk')!)).toEqual([
    { risk_object_field: 'dest', risk_object_type: 'system', risk_score: 60 },
    { threat_object_field: 'file_path', threat_object_type: 'file_path' },
  ]);
  expect(s.get('action.risk.param._risk_message')).toBe('Module $file_path$ on $dest$');
  expect(s.get('action.notable.param.rule_title')).toBe('Test Detection apache module test on $dest$');
  expect(JSON.parse(s.get('action.notable.param.drilldown_searches')!)[0].search).toContain('Filesystem.dest="$dest$"');
  for (const key of s.keys()) expect(key).not.toMatch(/^action\.email|realtime/);
});

test('the search is wrapped with the shared macros, the filter macro and the standard table', () => {
  const { files } = generate((d) => {
    d.roles = ['linux-web', 'web'];
    d.allowlist_key = 'file_path';
  });
  const search = parseConf(files.get('default/savedsearches.conf')!).get('T1505 - Test Detection apache module test')!.settings.get('search')!;
  const lines = search.split('\n');
  expect(lines[0]).toBe('| tstats `t1505_summariesonly` count min(_time) AS firstTime from datamodel=Endpoint.Filesystem');
  expect(lines.slice(-5)).toEqual([
    '| `t1505_detection_fields("T1505", "T1505 - Test Detection apache module test", "high", 60)`',
    '| `t1505_role_scope("linux-web,web")`',
    '| `t1505_allowlist(file_path)`',
    '| `t1505_apache_module_test_filter`',
    '| table _time dest user technique_id detection severity risk_score signal file_path count',
  ]);
});

test('Hunting searches are not scheduled and carry no alert or risk settings', () => {
  const { files } = generate((d) => (d.type = 'Hunting'));
  const s = parseConf(files.get('default/savedsearches.conf')!).get('T1505 - Test Detection apache module test')!.settings;
  expect(s.get('enableSched')).toBe('0');
  expect(s.get('is_visible')).toBe('1');
  expect(s.get('action.correlationsearch.enabled')).toBe('0');
  expect(s.has('action.risk')).toBe(false);
  expect(s.has('alert.suppress')).toBe(false);
  expect(s.get('dispatch.earliest_time')).toBe('-20m@m');
});

test('Anomaly searches contribute risk but define no notable', () => {
  const { files } = generate((d) => (d.type = 'Anomaly'));
  const s = parseConf(files.get('default/savedsearches.conf')!).get('T1505 - Test Detection apache module test')!.settings;
  expect(s.get('action.risk')).toBe('0');
  expect(s.has('action.risk.param._risk')).toBe(true);
  expect(s.has('action.notable.param.rule_title')).toBe(false);
});

test('macros.conf holds index, source, shared and filter macros with descriptions', () => {
  const { files } = generate();
  const conf = parseConf(files.get('default/macros.conf')!);
  expect(conf.get('t1505_index_linux')!.settings.get('definition')).toBe('index=main');
  expect(conf.get('t1505_sysmon_linux')!.settings.get('definition')).toBe('`t1505_index_linux` sourcetype=sysmon:linux');
  const inventory = conf.get('t1505_inventory(1)')!.settings;
  expect(inventory.get('args')).toBe('kind');
  expect(inventory.get('definition')).toBe('`t1505_index_inventory` sourcetype=t1505:inventory:$kind$');
  expect(conf.get('t1505_detection_fields(4)')!.settings.get('args')).toBe('technique, detection, severity, score');
  expect(conf.get('t1505_drop_dm_object_name(1)')!.settings.get('definition')).toBe('rename $object$.* AS *');
  expect(conf.get('t1505_summariesonly')!.settings.get('definition')).toBe('summariesonly=false allow_old_summaries=true fillnull_value=unknown');
  const filter = conf.get('t1505_apache_module_test_filter')!.settings;
  expect(filter.get('definition')).toBe('search *');
  expect(filter.get('description')).toContain('T1505 - Test Detection apache module test');
  for (const stanza of conf.values()) {
    expect(stanza.settings.get('description')?.length ?? 0).toBeGreaterThan(10);
    expect(stanza.settings.get('definition')).not.toContain('\n');
  }
});

test('the catalogue has one row per detection with the dashboard columns', () => {
  const { files } = generate((d) => (d.roles = ['linux-web']));
  const rows = parse(files.get('lookups/t1505_detections.csv')!, { columns: true }) as Array<Record<string, string>>;
  expect(Object.keys(rows[0])).toEqual([...CATALOGUE_COLUMNS]);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({
    name: 'T1505 - Test Detection apache module test',
    id: 'apache_module_test',
    type: 'TTP',
    technique_ids: 'T1505',
    tactic_ids: 'TA0003',
    data_sources: 'Endpoint.Filesystem',
    roles: 'linux-web',
    severity: 'high',
    risk_score: '60',
    filter_macro: 't1505_apache_module_test_filter',
    scheduled: '1',
    doc: 'docs/detections/apache_module_test.md',
  });
});

test('each detection gets a docs page with prerequisites, the full search, tuning and tests', () => {
  const { files } = generate();
  const page = files.get('docs/detections/apache_module_test.md')!;
  expect(page).toContain('# T1505 - Test Detection apache module test');
  expect(page).toContain('## Prerequisites');
  expect(page).toContain('CIM Endpoint.Filesystem');
  expect(page).toContain('Event codes: 11');
  expect(page).toContain('| `t1505_allowlist(file_path)`');
  expect(page).toContain('| module copied | true_positive |');
  expect(files.get('docs/detections/README.md')).toContain('[Test Detection apache module test](apache_module_test.md)');
});

test('the README section is replaced between its markers and the rest is kept', () => {
  const readme = `# App\n\nIntro.\n\n${BEGIN_MARKER}\nold\n${END_MARKER}\n\n## License\n`;
  const updated = withCoverageSection(readme, `${BEGIN_MARKER}\nnew\n${END_MARKER}`);
  expect(updated).toBe(`# App\n\nIntro.\n\n${BEGIN_MARKER}\nnew\n${END_MARKER}\n\n## License\n`);
  expect(withCoverageSection('# App\n', `${BEGIN_MARKER}\nx\n${END_MARKER}`)).toBe(`# App\n\n${BEGIN_MARKER}\nx\n${END_MARKER}\n`);
  expect(() => withCoverageSection(`# App\n${BEGIN_MARKER}\n`, 'x')).toThrow(/only one of the coverage markers/);
});

test('the coverage table counts detections per technique and data source', () => {
  const { files } = generate();
  const readme = files.get('README.md')!;
  expect(readme).toContain('| [T1505](https://attack.mitre.org/techniques/T1505/) Server Software Component | 1 | 1 | · | · | 1 |');
  expect(readme).toContain('| CIM Endpoint.Filesystem | 1 | · | · | · | · | · | · |');
});

test('outdated and stale files are found, and writing makes them current', () => {
  const root = makeRoot();
  addDetection(root, validDetection());
  writeFile(root, 'docs/detections/removed_detection.md', '<!-- Generated by `npm run generate:detections` from x. Do not edit. -->\n');
  writeFile(root, 'docs/detections/hand_written.md', '# kept\n');
  const before = outdatedFiles(root);
  expect(before).toEqual(expect.arrayContaining(['default/savedsearches.conf', 'README.md', 'docs/detections/removed_detection.md']));
  expect(before).not.toContain('docs/detections/hand_written.md');
  writeGenerated(root);
  expect(outdatedFiles(root)).toEqual([]);
  expect(existsSync(join(root, 'docs/detections/removed_detection.md'))).toBe(false);
  expect(readFileSync(join(root, 'docs/detections/hand_written.md'), 'utf8')).toBe('# kept\n');
  const set = loadDetectionSet(root);
  writeFile(root, 'default/macros.conf', 'edited by hand\n');
  expect(outdatedFiles(root, generatedOutput(root, set))).toEqual(['default/macros.conf']);
});
