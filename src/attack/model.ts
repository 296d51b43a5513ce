/**
 * The rows of the two MITRE ATT&CK lookups the app ships. Both readers (the
 * extracts in `../shared/attack/` and MITRE's STIX bundle) produce these, and
 * the CSV writer turns them into `lookups/t1505_*.csv`.
 */

/** Separator inside multivalue cells; `| makemv delim="|" <field>` splits them in Splunk. */
export const MULTIVALUE_SEPARATOR = '|';

/** The technique family the app covers. */
export const FAMILY_ROOT_ID = 'T1505';

export interface TechniqueRow {
  technique_id: string;
  technique_name: string;
  /** Empty for the parent technique. */
  parent_technique_id: string;
  tactic_ids: string[];
  tactic_names: string[];
  platforms: string[];
  description: string;
  url: string;
  data_component_ids: string[];
  data_component_names: string[];
  detection_strategy_ids: string[];
  detection_strategy_names: string[];
  attack_version: string;
}

export interface MitigationRow {
  mitigation_id: string;
  mitigation_name: string;
  technique_id: string;
  /** MITRE's text on how this mitigation applies to this technique. */
  description: string;
  url: string;
}

export interface AttackLookups {
  techniques: TechniqueRow[];
  mitigations: MitigationRow[];
}

export const TECHNIQUE_COLUMNS: readonly (keyof TechniqueRow)[] = [
  'technique_id',
  'technique_name',
  'parent_technique_id',
  'tactic_ids',
  'tactic_names',
  'platforms',
  'description',
  'url',
  'data_component_ids',
  'data_component_names',
  'detection_strategy_ids',
  'detection_strategy_names',
  'attack_version',
];

export const MITIGATION_COLUMNS: readonly (keyof MitigationRow)[] = [
  'mitigation_id',
  'mitigation_name',
  'technique_id',
  'description',
  'url',
];

export function isInFamily(attackId: string): boolean {
  return attackId === FAMILY_ROOT_ID || attackId.startsWith(`${FAMILY_ROOT_ID}.`);
}

/** Compares ATT&CK ids so that T1505 < T1505.001 < T1505.002 and M1018 < M1024. */
export function compareAttackIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Puts rows in the stable order the CSVs are written in. */
export function sortLookups(lookups: AttackLookups): AttackLookups {
  return {
    techniques: [...lookups.techniques].sort((a, b) => compareAttackIds(a.technique_id, b.technique_id)),
    mitigations: [...lookups.mitigations].sort(
      (a, b) => compareAttackIds(a.mitigation_id, b.mitigation_id) || compareAttackIds(a.technique_id, b.technique_id),
    ),
  };
}

export interface IdsAndNames {
  ids: string[];
  names: string[];
}

/** Distinct ids in id order, with each id's name at the same index. */
export function sortedIdsAndNames(items: Iterable<{ id: string; name: string }>): IdsAndNames {
  const byId = new Map<string, string>();
  for (const { id, name } of items) byId.set(id, name);
  const ids = [...byId.keys()].sort(compareAttackIds);
  return { ids, names: ids.map((id) => byId.get(id) as string) };
}
