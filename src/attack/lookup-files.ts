/** The two MITRE lookup files: where they live and what they contain. */
import { resolve } from 'node:path';
import { REPO_ROOT } from '../app-identity/identity';
import { toCsv } from './csv';
import { AttackLookups, MITIGATION_COLUMNS, TECHNIQUE_COLUMNS } from './model';

/** The T1505 extracts of MITRE's data, beside the repository (`../shared/attack`). */
export const DEFAULT_EXTRACTS_DIR = resolve(REPO_ROOT, '..', 'shared', 'attack');

export const TECHNIQUES_CSV = 'lookups/t1505_techniques.csv';
export const MITIGATIONS_CSV = 'lookups/t1505_mitigations.csv';

/** Repository-relative path -> file content. */
export function renderLookupFiles(lookups: AttackLookups): Map<string, string> {
  return new Map([
    [TECHNIQUES_CSV, toCsv(lookups.techniques, TECHNIQUE_COLUMNS)],
    [MITIGATIONS_CSV, toCsv(lookups.mitigations, MITIGATION_COLUMNS)],
  ]);
}
