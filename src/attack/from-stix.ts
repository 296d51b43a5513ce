/**
 * Reads MITRE's standard STIX bundle (`enterprise-attack.json` from mitre/cti or
 * mitre-attack/attack-stix-data) and selects T1505 and its sub-techniques.
 *
 * Followed links (ATT&CK data model, v18+):
 *   attack-pattern --kill_chain_phases--> x-mitre-tactic (by x_mitre_shortname)
 *   attack-pattern --subtechnique-of--> attack-pattern
 *   x-mitre-detection-strategy --detects--> attack-pattern
 *   x-mitre-detection-strategy.x_mitre_analytic_refs -> x-mitre-analytic
 *   x-mitre-analytic.x_mitre_log_source_references[].x_mitre_data_component_ref -> x-mitre-data-component
 *   course-of-action --mitigates--> attack-pattern
 * Revoked and deprecated objects and relationships are ignored.
 */
import { JsonReader, JsonRecord, parseJson } from './json-input';
import { AttackLookups, MitigationRow, TechniqueRow, isInFamily, sortLookups, sortedIdsAndNames } from './model';

export interface StixOptions {
  /** ATT&CK release to record when the bundle has no x-mitre-collection object. */
  attackVersion?: string;
}

interface StixObject {
  record: JsonRecord;
  where: string;
}

export function parseStixBundle(text: string, file: string, options: StixOptions = {}): AttackLookups {
  const json = new JsonReader(file);
  const bundle = json.record(parseJson(text, file), '$');
  if (bundle.type !== 'bundle') json.fail('$.type', 'expected "bundle" (a STIX bundle such as enterprise-attack.json)');
  const objects = json
    .records(bundle.objects, 'objects')
    .map((record, i) => ({ record, where: `objects[${i}]` }))
    .filter(({ record }) => record.revoked !== true && record.x_mitre_deprecated !== true);
  return new StixIndex(json, objects).lookups(options);
}

class StixIndex {
  private readonly byId = new Map<string, StixObject>();
  private readonly relationships: StixObject[] = [];

  constructor(
    private readonly json: JsonReader,
    objects: StixObject[],
  ) {
    for (const object of objects) {
      const id = json.string(object.record, 'id', object.where);
      if (object.record.type === 'relationship') this.relationships.push(object);
      else this.byId.set(id, object);
    }
  }

  lookups(options: StixOptions): AttackLookups {
    const version = this.attackVersion(options);
    const techniques = this.ofType('attack-pattern').filter((o) => isInFamily(this.attackIdIfAny(o)));
    if (techniques.length === 0) this.json.fail('objects', 'no attack-pattern for T1505 or its sub-techniques');
    return sortLookups({
      techniques: techniques.map((t) => this.techniqueRow(t, version)),
      mitigations: techniques.flatMap((t) => this.mitigationRows(t)),
    });
  }

  private attackVersion(options: StixOptions): string {
    const collections = this.ofType('x-mitre-collection');
    if (collections.length > 0) {
      const [collection] = collections;
      return this.json.string(collection.record, 'x_mitre_version', collection.where);
    }
    if (options.attackVersion) return options.attackVersion;
    return this.json.fail('objects', 'no x-mitre-collection object names the ATT&CK release; pass --attack-version');
  }

  private techniqueRow(technique: StixObject, attackVersion: string): TechniqueRow {
    const { record, where } = technique;
    const id = this.attackId(technique);
    const tactics = this.tacticsOf(technique);
    const strategies = this.sources(technique, 'detects', 'x-mitre-detection-strategy');
    const strategyNames = sortedIdsAndNames(strategies.map((s) => ({ id: this.attackId(s), name: this.name(s) })));
    const components = sortedIdsAndNames(strategies.flatMap((s) => this.dataComponentsOf(s)));
    return {
      technique_id: id,
      technique_name: this.name(technique),
      parent_technique_id: this.parentOf(technique),
      tactic_ids: tactics.ids,
      tactic_names: tactics.names,
      platforms: this.json.strings(record, 'x_mitre_platforms', where),
      description: this.json.string(record, 'description', where),
      url: this.attackUrl(technique),
      data_component_ids: components.ids,
      data_component_names: components.names,
      detection_strategy_ids: strategyNames.ids,
      detection_strategy_names: strategyNames.names,
      attack_version: attackVersion,
    };
  }

  private mitigationRows(technique: StixObject): MitigationRow[] {
    const techniqueId = this.attackId(technique);
    return this.relationshipsTo(technique, 'mitigates').flatMap((relationship) => {
      const mitigation = this.sourceOf(relationship, 'course-of-action');
      if (!mitigation) return [];
      return [
        {
          mitigation_id: this.attackId(mitigation),
          mitigation_name: this.name(mitigation),
          technique_id: techniqueId,
          description: this.json.string(relationship.record, 'description', relationship.where),
          url: this.attackUrl(mitigation),
        },
      ];
    });
  }

  private parentOf(technique: StixObject): string {
    if (technique.record.x_mitre_is_subtechnique !== true) return '';
    const id = this.json.string(technique.record, 'id', technique.where);
    const link = this.relationships.find((r) => r.record.relationship_type === 'subtechnique-of' && r.record.source_ref === id);
    const parent = link && this.byId.get(String(link.record.target_ref));
    if (!parent) return this.json.fail(technique.where, `sub-technique ${this.attackId(technique)} has no subtechnique-of relationship`);
    return this.attackId(parent);
  }

  private tacticsOf(technique: StixObject): { ids: string[]; names: string[] } {
    const phases = this.json.records(technique.record.kill_chain_phases ?? [], `${technique.where}.kill_chain_phases`);
    const tactics = phases
      .filter((phase) => phase.kill_chain_name === 'mitre-attack')
      .map((phase, i) => {
        const shortname = this.json.string(phase, 'phase_name', `${technique.where}.kill_chain_phases[${i}]`);
        const tactic = this.ofType('x-mitre-tactic').find((t) => t.record.x_mitre_shortname === shortname);
        if (!tactic) return this.json.fail(technique.where, `no x-mitre-tactic with x_mitre_shortname "${shortname}"`);
        return { id: this.attackId(tactic), name: this.name(tactic) };
      });
    return sortedIdsAndNames(tactics);
  }

  private dataComponentsOf(strategy: StixObject): { id: string; name: string }[] {
    return this.json.strings(strategy.record, 'x_mitre_analytic_refs', strategy.where).flatMap((ref) => {
      const analytic = this.resolve(ref, 'x-mitre-analytic', strategy.where);
      const sources = this.json.records(
        analytic.record.x_mitre_log_source_references ?? [],
        `${analytic.where}.x_mitre_log_source_references`,
      );
      return sources.map((source, i) => {
        const where = `${analytic.where}.x_mitre_log_source_references[${i}]`;
        const component = this.resolve(this.json.string(source, 'x_mitre_data_component_ref', where), 'x-mitre-data-component', where);
        return { id: this.attackId(component), name: this.name(component) };
      });
    });
  }

  private sources(target: StixObject, relationshipType: string, sourceType: string): StixObject[] {
    return this.relationshipsTo(target, relationshipType).flatMap((r) => this.sourceOf(r, sourceType) ?? []);
  }

  private relationshipsTo(target: StixObject, relationshipType: string): StixObject[] {
    const id = target.record.id;
    return this.relationships.filter((r) => r.record.relationship_type === relationshipType && r.record.target_ref === id);
  }

  /** The relationship's source when it is of the given type and not revoked or deprecated. */
  private sourceOf(relationship: StixObject, sourceType: string): StixObject | undefined {
    const source = this.byId.get(this.json.string(relationship.record, 'source_ref', relationship.where));
    return source?.record.type === sourceType ? source : undefined;
  }

  private resolve(ref: string, type: string, where: string): StixObject {
    const object = this.byId.get(ref);
    if (!object || object.record.type !== type) return this.json.fail(where, `reference ${ref} is not a ${type} in the bundle`);
    return object;
  }

  private ofType(type: string): StixObject[] {
    return [...this.byId.values()].filter((o) => o.record.type === type);
  }

  private name(object: StixObject): string {
    return this.json.string(object.record, 'name', object.where);
  }

  private attackReference(object: StixObject): JsonRecord {
    const references = this.json.records(object.record.external_references, `${object.where}.external_references`);
    const reference = references.find((r) => r.source_name === 'mitre-attack');
    if (!reference) return this.json.fail(`${object.where}.external_references`, 'no "mitre-attack" reference');
    return reference;
  }

  private attackIdIfAny(object: StixObject): string {
    const references = Array.isArray(object.record.external_references) ? object.record.external_references : [];
    const reference = references.find((r: JsonRecord | null) => r?.source_name === 'mitre-attack') as JsonRecord | undefined;
    return typeof reference?.external_id === 'string' ? reference.external_id : '';
  }

  private attackId(object: StixObject): string {
    return this.json.string(this.attackReference(object), 'external_id', `${object.where}.external_references`);
  }

  private attackUrl(object: StixObject): string {
    return this.json.string(this.attackReference(object), 'url', `${object.where}.external_references`);
  }
}
