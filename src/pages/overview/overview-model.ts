/**
 * Joins the rows of the two MITRE lookups into what the Overview page shows:
 * each technique with its mitigations.
 */
import { MULTIVALUE_SEPARATOR as SEPARATOR } from '../../attack/model';
import { ResultRow } from '../../ui/search';

export const TECHNIQUES_SEARCH = '| inputlookup t1505_techniques_lookup';
export const MITIGATIONS_SEARCH = '| inputlookup t1505_mitigations_lookup';

export interface Named {
  id: string;
  name: string;
}

export interface AppliedMitigation extends Named {
  url: string;
  /** MITRE's text on how the mitigation applies to this technique. */
  description: string;
}

export interface TechniqueView extends Named {
  parentId: string;
  tactics: Named[];
  platforms: string[];
  description: string;
  url: string;
  dataComponents: Named[];
  detectionStrategies: Named[];
  mitigations: AppliedMitigation[];
}

export interface Overview {
  attackVersion: string;
  techniques: TechniqueView[];
  mitigationCount: number;
  pairCount: number;
}

function text(row: ResultRow, field: string): string {
  const value = row[field];
  if (Array.isArray(value)) return value.join(SEPARATOR);
  return value ?? '';
}

function list(row: ResultRow, field: string): string[] {
  const value = row[field];
  const items = Array.isArray(value) ? value : (value ?? '').split(SEPARATOR);
  return items.map((item) => item.trim()).filter((item) => item !== '');
}

function pairs(row: ResultRow, idField: string, nameField: string): Named[] {
  const names = list(row, nameField);
  return list(row, idField).map((id, i) => ({ id, name: names[i] ?? id }));
}

export function buildOverview(techniqueRows: ResultRow[], mitigationRows: ResultRow[]): Overview {
  const mitigationsByTechnique = new Map<string, AppliedMitigation[]>();
  for (const row of mitigationRows) {
    const techniqueId = text(row, 'technique_id');
    const applied = mitigationsByTechnique.get(techniqueId) ?? [];
    applied.push({
      id: text(row, 'mitigation_id'),
      name: text(row, 'mitigation_name'),
      url: text(row, 'url'),
      description: text(row, 'description'),
    });
    mitigationsByTechnique.set(techniqueId, applied);
  }
  const techniques = techniqueRows
    .map((row) => {
      const id = text(row, 'technique_id');
      return {
        id,
        name: text(row, 'technique_name'),
        parentId: text(row, 'parent_technique_id'),
        tactics: pairs(row, 'tactic_ids', 'tactic_names'),
        platforms: list(row, 'platforms'),
        description: text(row, 'description'),
        url: text(row, 'url'),
        dataComponents: pairs(row, 'data_component_ids', 'data_component_names'),
        detectionStrategies: pairs(row, 'detection_strategy_ids', 'detection_strategy_names'),
        mitigations: (mitigationsByTechnique.get(id) ?? []).sort((a, b) => a.id.localeCompare(b.id)),
      };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
  const versions = new Set(techniqueRows.map((row) => text(row, 'attack_version')));
  return {
    attackVersion: [...versions].sort().join(', '),
    techniques,
    mitigationCount: new Set(mitigationRows.map((row) => text(row, 'mitigation_id'))).size,
    pairCount: mitigationRows.length,
  };
}
