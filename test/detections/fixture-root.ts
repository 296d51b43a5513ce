/** Builds throw-away repository roots for the framework tests. */
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { stringify } from 'yaml';

export const repoRoot = resolve(__dirname, '..', '..');

export function makeRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 't1505-detections-'));
  mkdirSync(join(root, 'detections'), { recursive: true });
  for (const file of ['detections/data_sources.yml', 'detections/macros.yml', 'lookups/t1505_techniques.csv']) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    copyFileSync(join(repoRoot, file), join(root, file));
  }
  writeFile(root, 'package.json', JSON.stringify({ name: 'test_app' }));
  writeFile(root, 'default/transforms.conf', '[t1505_allowlist_lookup]\nfilename = t1505_allowlist.csv\n\n[t1505_server_roles_lookup]\nfilename = t1505_server_roles.csv\n');
  return root;
}

export function writeFile(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

/** A valid detection (as a plain object) that tests then break one field at a time. */
export function validDetection(id = 'apache_module_test'): Record<string, unknown> {
  return {
    id,
    title: `Test Detection ${id.replace(/_/g, ' ')}`,
    type: 'TTP',
    status: 'experimental',
    description: 'A detection used by the framework tests; it finds shared objects created by cp in a module folder.',
    attack: { techniques: ['T1505'], tactics: ['TA0003'] },
    data_sources: [{ datamodel: 'Endpoint.Filesystem', description: 'Sysmon for Linux 11', event_codes: [11] }],
    search: [
      '| tstats `t1505_summariesonly` count min(_time) AS firstTime from datamodel=Endpoint.Filesystem',
      '    where Filesystem.action=created `t1505_web_module_dirs(Filesystem.file_path)`',
      '    by Filesystem.dest Filesystem.user Filesystem.file_path',
      '| `t1505_drop_dm_object_name(Filesystem)`',
      '| eval _time=firstTime, signal="module ".file_path." on ".dest',
    ].join('\n'),
    output: { evidence: ['file_path', 'count'] },
    severity: 'high',
    risk: { score: 60, objects: [{ field: 'dest', type: 'system' }], threat_objects: [{ field: 'file_path', type: 'file_path' }], message: 'Module $file_path$ on $dest$' },
    schedule: { cron: '*/15 * * * *', earliest: '-20m@m' },
    drilldown: { name: 'Module folder activity on $dest$', search: '| tstats count from datamodel=Endpoint.Filesystem where Filesystem.dest="$dest$" by Filesystem.file_path' },
    known_false_positives: 'Modules built from source.',
    tuning: 'Allowlist in-house modules by path.',
    tests: [
      { name: 'module copied', kind: 'true_positive', inputs: [{ file: 'tp.log', sourcetype: 'sysmon:linux' }], expect: { count: 1 } },
      { name: 'package install', kind: 'benign', inputs: [{ file: 'benign.log', sourcetype: 'sysmon:linux' }], expect: { count: 0 } },
    ],
  };
}

export function addDetection(root: string, detection: Record<string, unknown>, folder = 'T1505_server_modules', text?: string, dirName = String(detection.id)): string {
  const dir = `detections/${folder}/${dirName}`;
  writeFile(root, `${dir}/detection.yml`, text ?? stringify(detection));
  writeFile(root, `${dir}/tp.log`, 'x\n');
  writeFile(root, `${dir}/benign.log`, 'x\n');
  return `${dir}/detection.yml`;
}
