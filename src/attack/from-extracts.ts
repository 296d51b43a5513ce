/**
 * Reads the T1505 extracts of MITRE's ATT&CK data (`t1505_techniques.json`,
 * `t1505_mitigations.json`, as described in `../shared/attack/README.md`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JsonReader, parseJson } from './json-input';
import { AttackLookups, IdsAndNames, MitigationRow, TechniqueRow, isInFamily, sortLookups, sortedIdsAndNames } from './model';

export const TECHNIQUES_FILE = 't1505_techniques.json';
export const MITIGATIONS_FILE = 't1505_mitigations.json';

export function readExtracts(directory: string): AttackLookups {
  return parseExtracts(
    { file: TECHNIQUES_FILE, text: readFileSync(join(directory, TECHNIQUES_FILE), 'utf8') },
    { file: MITIGATIONS_FILE, text: readFileSync(join(directory, MITIGATIONS_FILE), 'utf8') },
  );
}

export interface NamedText {
  file: string;
  text: string;
}

export function parseExtracts(techniquesJson: NamedText, mitigationsJson: NamedText): AttackLookups {
  const techniques = parseTechniques(techniquesJson);
  const known = new Set(techniques.map((t) => t.technique_id));
  const mitigations = parseMitigations(mitigationsJson, known);
  return sortLookups({ techniques, mitigations });
}

function parseTechniques({ file, text }: NamedText): TechniqueRow[] {
  const json = new JsonReader(file);
  const root = json.record(parseJson(text, file), '$');
  const release = json.string(json.record(root._meta, '_meta'), 'attack_release', '_meta');
  const rows = json.records(root.techniques, 'techniques').map((technique, i) => {
    const where = `techniques[${i}]`;
    const id = json.string(technique, 'attack_id', where);
    if (!isInFamily(id)) json.fail(`${where}.attack_id`, `"${id}" is not T1505 or one of its sub-techniques`);
    const isSub = json.boolean(technique, 'is_subtechnique');
    const parent = json.optionalString(technique, 'parent_attack_id', where) ?? '';
    if (isSub !== (parent !== '')) json.fail(where, 'is_subtechnique and parent_attack_id disagree');
    const tactics = idsAndNames(json, technique.tactics, `${where}.tactics`);
    const dataComponents = idsAndNames(json, technique.data_components, `${where}.data_components`);
    const detectionStrategies = idsAndNames(json, technique.detection_strategies, `${where}.detection_strategies`);
    const row: TechniqueRow = {
      technique_id: id,
      technique_name: json.string(technique, 'name', where),
      parent_technique_id: parent,
      tactic_ids: tactics.ids,
      tactic_names: tactics.names,
      platforms: json.strings(technique, 'platforms', where),
      description: json.string(technique, 'description', where),
      url: json.string(technique, 'url', where),
      data_component_ids: dataComponents.ids,
      data_component_names: dataComponents.names,
      detection_strategy_ids: detectionStrategies.ids,
      detection_strategy_names: detectionStrategies.names,
      attack_version: release,
    };
    return row;
  });
  if (rows.length === 0) json.fail('techniques', 'no techniques found');
  return rows;
}

/** A list of {id, name} objects, as ids and names in id order. */
function idsAndNames(json: JsonReader, value: unknown, where: string): IdsAndNames {
  return sortedIdsAndNames(
    json.records(value, where).map((item, i) => ({ id: json.string(item, 'id', `${where}[${i}]`), name: json.string(item, 'name', `${where}[${i}]`) })),
  );
}

function parseMitigations({ file, text }: NamedText, knownTechniques: Set<string>): MitigationRow[] {
  const json = new JsonReader(file);
  const root = json.record(parseJson(text, file), '$');
  const urls = new Map<string, string>();
  json.records(root.mitigations, 'mitigations').forEach((mitigation, i) => {
    const where = `mitigations[${i}]`;
    urls.set(json.string(mitigation, 'mitigation_id', where), json.string(mitigation, 'url', where));
  });
  return json.records(root.mitigates, 'mitigates').map((pair, i) => {
    const where = `mitigates[${i}]`;
    const mitigationId = json.string(pair, 'mitigation_id', where);
    const techniqueId = json.string(pair, 'technique_id', where);
    const url = urls.get(mitigationId) ?? json.fail(`${where}.mitigation_id`, `"${mitigationId}" is not in mitigations[]`);
    if (!knownTechniques.has(techniqueId)) json.fail(`${where}.technique_id`, `"${techniqueId}" is not a known technique`);
    return {
      mitigation_id: mitigationId,
      mitigation_name: json.string(pair, 'mitigation_name', where),
      technique_id: techniqueId,
      description: json.string(pair, 'description', where),
      url,
    };
  });
}
