/**
 * `_json` and the collectors' `t1505:inventory:<kind>`: one JSON object per line,
 * fields named as Splunk's KV_MODE=json names them (`a.b`, `a{}`, `a{}.b`).
 */
import type { IngestOptions, IngestResult, Row, SplunkEvent } from '../event';
import { addValue, assign, metaFor, newEvent, RESERVED_FIELDS } from './fields';
import { compactEvent } from './compact';
import { isBlank, splitLines } from './text';
import { parseEpoch, parseIsoTime } from './time';

/** Top-level keys that give `_time`, first match wins. */
export const JSON_TIME_FIELDS = ['_time', 'timestamp', 'time'];

export function ingestJsonLines(text: string, file: string, options: IngestOptions): IngestResult {
  const events: SplunkEvent[] = [];
  const rejected: IngestResult['rejected'] = [];
  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (isBlank(line)) continue;
    const reject = (reason: string) => rejected.push({ file, line: i + 1, reason });
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      reject(`not valid JSON: ${(err as Error).message}`);
      continue;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      reject('JSON line is not an object');
      continue;
    }
    const obj = value as Record<string, unknown>;
    const time = jsonTime(obj);
    if (time === undefined) {
      reject(`no timestamp: none of ${JSON_TIME_FIELDS.join(', ')} holds epoch seconds or an ISO 8601 time`);
      continue;
    }
    const host = typeof obj.host === 'string' && obj.host !== '' ? obj.host : undefined;
    const event = newEvent(line, time, metaFor(options, file, { host }), 1);
    const fields: Row = {};
    flatten(obj, '', fields);
    for (const [k, v] of Object.entries(fields)) if (!RESERVED_FIELDS.has(k)) assign(event, k, v);
    events.push(compactEvent(event));
  }
  return { events, rejected };
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
