/**
 * The STIX bundle reader, on a small hand-made bundle with the structure of MITRE's
 * enterprise-attack.json (ATT&CK data model: attack-pattern, x-mitre-tactic,
 * x-mitre-detection-strategy, x-mitre-analytic, x-mitre-data-component,
 * course-of-action, relationship, x-mitre-collection).
 * https://github.com/mitre-attack/attack-data-model (docs/SPEC.md)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { parseStixBundle } from '../../src/attack/from-stix';
import { AttackInputError } from '../../src/attack/json-input';
import { REPO_ROOT } from '../../src/app-identity/identity';
import { MITIGATIONS_CSV, TECHNIQUES_CSV } from '../../src/attack/lookup-files';

const FIXTURE = join(__dirname, 'fixtures', 'mini-enterprise-attack.json');
const fixtureText = readFileSync(FIXTURE, 'utf8');
const bundle = JSON.parse(fixtureText) as { type: string; objects: Record<string, unknown>[] };
const withObjects = (objects: Record<string, unknown>[]): string => JSON.stringify({ ...bundle, objects });

describe('STIX bundle reader', () => {
  const lookups = parseStixBundle(fixtureText, FIXTURE);

  it('selects T1505 and its sub-techniques only, skipping revoked T1100 and unrelated T1059', () => {
    expect(lookups.techniques.map((t) => t.technique_id)).toEqual(['T1505', 'T1505.003']);
  });

  it('follows subtechnique-of, tactics, detects -> analytics -> data components', () => {
    const [parent, webShell] = lookups.techniques;
    expect(parent).toMatchObject({
      parent_technique_id: '',
      tactic_ids: ['TA0003'],
      tactic_names: ['Persistence'],
      platforms: ['Windows', 'Linux', 'ESXi'],
      detection_strategy_ids: ['DET0547'],
      data_component_ids: ['DC0032', 'DC0038'],
      data_component_names: ['Process Creation', 'Application Log Content'],
      attack_version: '19.1',
    });
    expect(webShell).toMatchObject({
      parent_technique_id: 'T1505',
      url: 'https://attack.mitre.org/techniques/T1505/003',
      detection_strategy_names: ['Web Shell Detection via Server Behavior and File Execution Chains'],
      data_component_ids: ['DC0032', 'DC0039'],
    });
  });

  it('keeps mitigates pairs of live mitigations and relationships, in (mitigation, technique) order', () => {
    expect(lookups.mitigations.map((m) => [m.mitigation_id, m.technique_id])).toEqual([
      ['M1018', 'T1505'],
      ['M1018', 'T1505.003'],
      ['M1042', 'T1505.003'],
    ]);
    expect(lookups.mitigations[1]).toEqual({
      mitigation_id: 'M1018',
      mitigation_name: 'User Account Management',
      technique_id: 'T1505.003',
      description: 'Limit who may write to the web root.\nReview it regularly.',
      url: 'https://attack.mitre.org/mitigations/M1018',
    });
  });

  it('takes the release from --attack-version when the bundle has no x-mitre-collection', () => {
    const text = withObjects(bundle.objects.filter((o) => o.type !== 'x-mitre-collection'));
    expect(() => parseStixBundle(text, 'old.json')).toThrow('old.json: objects: no x-mitre-collection object names the ATT&CK release');
    expect(parseStixBundle(text, 'old.json', { attackVersion: '17.1' }).techniques[0].attack_version).toBe('17.1');
  });

  it('names the file and object of a broken reference', () => {
    const objects = bundle.objects.filter((o) => o.type !== 'x-mitre-data-component' || o.name !== 'File Creation');
    const analyticIndex = objects.findIndex((o) => o.name === 'Analytic 1108');
    expect(() => parseStixBundle(withObjects(objects), 'broken.json')).toThrow(
      `broken.json: objects[${analyticIndex}].x_mitre_log_source_references[0]: reference ` +
        'x-mitre-data-component--2b3bfe19-d59a-460d-93bb-2f546adc2d2c is not a x-mitre-data-component in the bundle',
    );
  });

  it('rejects a file that is not a STIX bundle, and malformed JSON with its line and column', () => {
    expect(() => parseStixBundle('{"techniques": []}', 'extract.json')).toThrow(AttackInputError);
    expect(() => parseStixBundle('{"techniques": []}', 'extract.json')).toThrow('extract.json: $.type: expected "bundle"');
    expect(() => parseStixBundle('{\n  "type": "bundle",\n  "objects": [}\n', 'cut.json')).toThrow(/^cut\.json: line 3, column \d+: invalid JSON/);
  });

  it('runs as `attack:update <bundle> --out <dir>` and writes CSVs that parse back to the same text', () => {
    const out = mkdtempSync(join(tmpdir(), 'attack-update-'));
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/attack/update.ts', FIXTURE, '--out', out], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('ATT&CK 19.1');
    expect(run.stdout).toContain('2 techniques, 2 mitigations, 3 (mitigation, technique) pairs');
    const techniques: Record<string, string>[] = parse(readFileSync(join(out, TECHNIQUES_CSV), 'utf8'), { columns: true });
    expect(techniques[1].description).toBe(lookups.techniques[1].description);
    expect(techniques[1].platforms).toBe('Linux|Windows');
    const pairs: Record<string, string>[] = parse(readFileSync(join(out, MITIGATIONS_CSV), 'utf8'), { columns: true });
    expect(pairs[0].description).toBe('Limit who may add server components, e.g. "least privilege".');
  });
});
