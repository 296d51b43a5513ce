/** Errors from the extracts reader name the file and the JSON path of the problem. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MITIGATIONS_FILE, TECHNIQUES_FILE, parseExtracts } from '../../src/attack/from-extracts';
import { DEFAULT_EXTRACTS_DIR } from '../../src/attack/lookup-files';

const read = (file: string): { file: string; text: string } => ({
  file,
  text: readFileSync(join(DEFAULT_EXTRACTS_DIR, file), 'utf8'),
});

describe('extracts reader', () => {
  const techniques = read(TECHNIQUES_FILE);
  const mitigations = read(MITIGATIONS_FILE);

  it('names the technique and field that has the wrong type', () => {
    const json = JSON.parse(techniques.text);
    json.techniques[2].platforms = 'Windows';
    expect(() => parseExtracts({ file: TECHNIQUES_FILE, text: JSON.stringify(json) }, mitigations)).toThrow(
      't1505_techniques.json: techniques[2].platforms: expected an array of strings',
    );
  });

  it('rejects a technique outside the T1505 family', () => {
    const json = JSON.parse(techniques.text);
    json.techniques[0].attack_id = 'T1059';
    expect(() => parseExtracts({ file: TECHNIQUES_FILE, text: JSON.stringify(json) }, mitigations)).toThrow(
      'techniques[0].attack_id: "T1059" is not T1505 or one of its sub-techniques',
    );
  });

  it('rejects a mitigation pair whose mitigation or technique is unknown', () => {
    const json = JSON.parse(mitigations.text);
    json.mitigates[5].technique_id = 'T1505.009';
    expect(() => parseExtracts(techniques, { file: MITIGATIONS_FILE, text: JSON.stringify(json) })).toThrow(
      't1505_mitigations.json: mitigates[5].technique_id: "T1505.009" is not a known technique',
    );
  });
});
