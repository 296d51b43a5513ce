/** Field-level helpers shared by the format parsers. */
import type { FieldValue, IngestOptions, Row, SplunkEvent } from '../event';

/**
 * Splunk's CLEAN_KEYS rule for extracted field names (transforms.conf.spec, CLEAN_KEYS):
 * characters other than letters, digits and `_` become `_`; leading digits and
 * underscores are removed. Returns '' when nothing is left.
 */
export function cleanKey(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, '_').replace(/^[0-9_]+/, '');
}

/** Assigns a field, also one named `__proto__` (a plain assignment would set the prototype). */
export function assign(row: Row, name: string, value: Row[string]): void {
  if (name === '__proto__') Object.defineProperty(row, name, { value, enumerable: true, writable: true, configurable: true });
  else row[name] = value;
}

/** Sets a string field; an empty value leaves the field absent. */
export function setField(row: Row, name: string, value: string | undefined): void {
  if (value === undefined || value === '' || name === '') return;
  assign(row, name, value);
}

/** Adds a value to a field, turning it multivalue on the second value. */
export function addValue(row: Row, name: string, value: string | undefined): void {
  if (value === undefined || value === '' || name === '') return;
  const existing = Object.prototype.hasOwnProperty.call(row, name) ? row[name] : undefined;
  if (existing === undefined) assign(row, name, value);
  else if (Array.isArray(existing)) existing.push(value);
  else assign(row, name, [String(existing), value]);
}

/** Adds a tag (or eventtype) value without duplicates. */
export function addUnique(row: Row, name: 'tag' | 'eventtype', ...values: string[]): void {
  for (const value of values) {
    const existing = row[name];
    if (existing === undefined) row[name] = value;
    else if (Array.isArray(existing)) {
      if (!existing.includes(value)) existing.push(value);
    } else if (existing !== value) row[name] = [String(existing), value];
  }
}

/** Logs write `-` for "no value"; as a field it is absent. */
export function notDash(value: string | undefined): string | undefined {
  return value === '-' ? undefined : value;
}

export function str(row: Row, name: string): string | undefined {
  const v: FieldValue | undefined = row[name];
  if (v === undefined) return undefined;
  return Array.isArray(v) ? v[0] : String(v);
}

/** Fields an extraction never overwrites. */
export const RESERVED_FIELDS = new Set(['_raw', '_time', 'host', 'source', 'sourcetype', 'index', 'linecount']);

export interface EventMeta {
  host: string;
  source: string;
  sourcetype: string;
  index: string;
}

export const DEFAULT_HOST = 'localhost';
export const DEFAULT_INDEX = 'main';

export function metaFor(options: IngestOptions, file: string, defaults: { source?: string; host?: string } = {}): EventMeta {
  return {
    host: options.host ?? defaults.host ?? DEFAULT_HOST,
    source: options.source ?? defaults.source ?? file,
    sourcetype: options.sourcetype,
    index: options.index ?? DEFAULT_INDEX,
  };
}

export function newEvent(raw: string, time: number, meta: EventMeta, linecount: number): SplunkEvent {
  return {
    _time: time,
    _raw: raw,
    host: meta.host,
    source: meta.source,
    sourcetype: meta.sourcetype,
    index: meta.index,
    linecount,
  };
}

/** Last component of a Windows or POSIX path. */
export function baseName(path: string): string {
  const i = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
  return i < 0 ? path : path.slice(i + 1);
}
