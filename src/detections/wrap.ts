/**
 * Turns a detection's search into the saved search the app ships: the author's search, then
 * the shared macros that give every detection the same output (docs/detection-format.md,
 * "What the search must produce").
 */
import { STANDARD_FIELDS } from './checks';
import { filterMacroName } from './load';
import type { Detection } from './schema';

export const SAVED_SEARCH_PREFIX = 'T1505 - ';

export function savedSearchName(detection: Pick<Detection, 'title'>): string {
  return SAVED_SEARCH_PREFIX + detection.title;
}

/** The field the allowlist's `pattern` column is matched against. */
export function allowlistKey(detection: Detection): string {
  return detection.allowlist_key ?? detection.output.evidence[0];
}

export function primaryTechnique(detection: Detection): string {
  return detection.attack.techniques[0];
}

export function wrappedSearch(detection: Detection): string {
  const lines = detection.search
    .trim()
    .split('\n')
    .map((line) => line.trimEnd());
  const quoted = (value: string): string => `"${value}"`;
  lines.push(
    `| \`t1505_detection_fields(${[quoted(primaryTechnique(detection)), quoted(savedSearchName(detection)), quoted(detection.severity), String(detection.risk.score)].join(', ')})\``,
  );
  if (detection.roles) lines.push(`| \`t1505_role_scope(${quoted(detection.roles.join(','))})\``);
  lines.push(`| \`t1505_allowlist(${allowlistKey(detection)})\``);
  lines.push(`| \`${filterMacroName(detection)}\``);
  lines.push(`| table ${[...STANDARD_FIELDS, ...detection.output.evidence].map(tableField).join(' ')}`);
  return lines.join('\n');
}

function tableField(field: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(field) ? field : `"${field}"`;
}
