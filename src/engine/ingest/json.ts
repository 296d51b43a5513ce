/**
 * `_json` and the collectors' `t1505:inventory:<kind>`: one JSON object per line,
 * fields named as Splunk's KV_MODE=json names them (`a.b`, `a{}`, `a{}.b`).
 */
import type { IngestOptions, IngestResult, Row } from '../event';
import { addValue, assign, metaFor, newEvent, RESERVED_FIELDS } from './fields';
import { ingestLineEvents } from './line-events';
import { parseEpoch, parseIsoTime } from './time';

/** Top-level keys that give `_time`, first match wins. */
export const JSON_TIME_FIELDS = ['_time', 'timestamp', 'time'];

export function ingestJsonLines(text: string, file: string, options: IngestOptions): IngestResult {
  return ingestLineEvents(text, file, (line) => {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      return `not valid JSON: ${(err as Error).message}`;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'JSON line is not an object';
    const obj = value as Record<string, unknown>;
    const time = jsonTime(obj);
    if (time === undefined) return `no timestamp: none of ${JSON_TIME_FIELDS.join(', ')} holds epoch seconds or an ISO 8601 time`;
    const host = typeof obj.host === 'string' && obj.host !== '' ? obj.host : undefined;
    const event = newEvent(line, time, metaFor(options, file, { host }), 1);
    const fields: Row = {};
    flatten(obj, '', fields);
    for (const [k, v] of Object.entries(fields)) if (!RESERVED_FIELDS.has(k)) assign(event, k, v);
    return event;
  });
}

function jsonTime(obj: Record<string, unknown>): number | undefined {
  for (const key of JSON_TIME_FIELDS) {
    const v = obj[key];
    if (v === undefined) continue;
    const t = parseEpoch(v) ?? (typeof v === 'string' ? parseIsoTime(v) : undefined);
    if (t !== undefined) return t;
  }
  return undefined;
}

function flatten(value: unknown, name: string, out: Row): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    for (const item of value) flatten(item, `${name}{}`, out);
    return;
  }
  if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) flatten(v, name === '' ? k : `${name}.${k}`, out);
    return;
  }
  addValue(out, name, String(value));
}
