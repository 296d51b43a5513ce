/**
 * lookups/t1505_detections.csv: the catalogue the dashboards read (one row per detection,
 * `name` = the saved search name). Multivalue cells are joined with "|" like the MITRE
 * lookups: | makemv delim="|" technique_ids
 */
import { toCsv } from '../attack/csv';
import { docPagePath } from './gen-docs';
import { filterMacroName, type DetectionSet } from './load';
import { savedSearchName } from './wrap';

export const CATALOGUE_COLUMNS = [
  'name', 'id', 'title', 'type', 'status', 'technique_ids', 'tactic_ids', 'data_sources', 'roles',
  'severity', 'risk_score', 'security_domain', 'description', 'filter_macro', 'drilldown_name',
  'drilldown', 'cron_schedule', 'scheduled', 'doc',
] as const;

type CatalogueRow = Record<(typeof CATALOGUE_COLUMNS)[number], string | string[]>;

export function catalogueRows(set: DetectionSet): CatalogueRow[] {
  return set.detections.map(({ detection: d }) => ({
    name: savedSearchName(d),
    id: d.id,
    title: d.title,
    type: d.type,
    status: d.status,
    technique_ids: d.attack.techniques,
    tactic_ids: d.attack.tactics,
    data_sources: d.data_sources.map((s) => s.macro ?? s.datamodel ?? ''),
    roles: d.roles ?? [],
    severity: d.severity,
    risk_score: String(d.risk.score),
    security_domain: d.security_domain,
    description: d.description.replace(/\s+/g, ' ').trim(),
    filter_macro: filterMacroName(d),
    drilldown_name: d.drilldown.name,
    drilldown: d.drilldown.search.replace(/\s+/g, ' ').trim(),
    cron_schedule: d.schedule.cron,
    scheduled: d.type === 'Hunting' ? '0' : '1',
    doc: docPagePath(d),
  }));
}

export function generateCatalogue(set: DetectionSet): string {
  return toCsv(catalogueRows(set), CATALOGUE_COLUMNS);
}
