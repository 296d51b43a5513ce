/**
 * The MITRE lookups: the committed CSVs are exactly what `npm run attack:update`
 * produces from ../shared/attack/, and they are valid Splunk CSV lookups.
 * CSV lookup rules (UTF-8, LF line endings, a header, at least two columns):
 * https://help.splunk.com/en/splunk-enterprise/manage-knowledge-objects/knowledge-management-manual/10.0/use-lookups-in-splunk-software/define-a-csv-lookup-in-splunk-web
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { readExtracts } from '../../src/attack/from-extracts';
import { REPO_ROOT } from '../../src/app-identity/identity';
import { DEFAULT_EXTRACTS_DIR, MITIGATIONS_CSV, TECHNIQUES_CSV, renderLookupFiles } from '../../src/attack/lookup-files';
import { MITIGATION_COLUMNS, TECHNIQUE_COLUMNS } from '../../src/attack/model';

const committed = (path: string): string => readFileSync(join(REPO_ROOT, path), 'utf8');
const rowsOf = (path: string): Record<string, string>[] => parse(committed(path), { columns: true });

describe('committed MITRE lookups', () => {
  it('equal what attack:update generates from ../shared/attack (run `npm run attack:update` when this fails)', () => {
    const generated = renderLookupFiles(readExtracts(DEFAULT_EXTRACTS_DIR));
    expect([...generated.keys()].sort()).toEqual([MITIGATIONS_CSV, TECHNIQUES_CSV]);
    for (const [path, content] of generated) expect(committed(path)).toBe(content);
  });

  it('hold T1505 and its six sub-techniques from ATT&CK 19.1', () => {
    const techniques = rowsOf(TECHNIQUES_CSV);
    expect(techniques.map((t) => t.technique_id)).toEqual([
      'T1505',
      'T1505.001',
      'T1505.002',
      'T1505.003',
      'T1505.004',
      'T1505.005',
      'T1505.006',
    ]);
    expect(new Set(techniques.map((t) => t.attack_version))).toEqual(new Set(['19.1']));
    const webShell = techniques.find((t) => t.technique_id === 'T1505.003');
    expect(webShell).toMatchObject({
      technique_name: 'Web Shell',
      parent_technique_id: 'T1505',
      tactic_ids: 'TA0003',
      tactic_names: 'Persistence',
      platforms: 'Linux|macOS|Network Devices|Windows',
      url: 'https://attack.mitre.org/techniques/T1505/003',
      detection_strategy_ids: 'DET0394',
      data_component_ids: 'DC0032|DC0039|DC0061|DC0067|DC0085',
    });
    expect(webShell?.description).toContain('\n\n');
    expect(techniques[0].parent_technique_id).toBe('');
  });

  it('hold 8 mitigations in 24 (mitigation, technique) pairs, M1038 only for IIS components', () => {
    const pairs = rowsOf(MITIGATIONS_CSV);
    expect(pairs).toHaveLength(24);
    expect(new Set(pairs.map((p) => p.mitigation_id)).size).toBe(8);
    expect(pairs.filter((p) => p.mitigation_id === 'M1038').map((p) => p.technique_id)).toEqual(['T1505.004']);
    const keys = pairs.map((p) => `${p.mitigation_id}/${p.technique_id}`);
    expect(new Set(keys).size).toBe(24);
    expect(keys).toEqual([...keys].sort());
    for (const pair of pairs) expect(pair.url).toBe(`https://attack.mitre.org/mitigations/${pair.mitigation_id}`);
  });

  it.each([TECHNIQUES_CSV, MITIGATIONS_CSV])('%s is UTF-8 with LF endings, a header and no ragged rows', (path) => {
    const bytes = readFileSync(join(REPO_ROOT, path));
    expect(bytes.includes(0x0d)).toBe(false);
    expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toBe(bytes.toString('utf8'));
    const records: string[][] = parse(bytes.toString('utf8'), { relax_column_count: false });
    const expected = path === TECHNIQUES_CSV ? TECHNIQUE_COLUMNS : MITIGATION_COLUMNS;
    expect(records[0]).toEqual([...expected]);
    expect(records[0].length).toBeGreaterThanOrEqual(2);
  });
});
