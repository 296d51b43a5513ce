/**
 * `linux:audit`: one auditd record per line, `type=… msg=audit(<epoch>:<serial>): k=v …`.
 * Values are kept as logged (hex-encoded values are not decoded).
 */
import type { IngestOptions, IngestResult, Row } from '../event';
import { cleanKey, metaFor, newEvent, RESERVED_FIELDS, setField } from './fields';
import { ingestLineEvents } from './line-events';

const MSG = /msg=audit\((\d+(?:\.\d+)?):(\d+)\):?/;
const PAIR = /([A-Za-z_][\w-]*)=("(?:[^"]*)"|'(?:[^']*)'|\S*)/g;

export function ingestLinuxAudit(text: string, file: string, options: IngestOptions): IngestResult {
  const baseMeta = metaFor(options, file);
  return ingestLineEvents(text, file, (line) => {
    const m = MSG.exec(line);
    if (!m) return 'auditd record without "msg=audit(<epoch>:<serial>):"';
    const normalized = line.replace(/\x1d/g, ' ');
    const event = newEvent(line, Number(m[1]), baseMeta, 1);
    pairs(normalized.slice(0, m.index), event);
    pairs(normalized.slice(m.index + m[0].length), event);
    event.msg = `audit(${m[1]}:${m[2]})`;
    event.audit_id = m[2];
    if (options.host === undefined && typeof event.node === 'string') event.host = event.node;
    return event;
  });
}

function pairs(text: string, out: Row): void {
  for (const p of text.matchAll(PAIR)) {
    const key = cleanKey(p[1]);
    let value = p[2];
    if (value.startsWith("'") && key === 'msg') {
      pairs(value.slice(1, -1), out); // USER_* records nest their fields in msg='…'
      continue;
    }
    if ((value.startsWith('"') && value.endsWith('"')) || (value.startsWith("'") && value.endsWith("'"))) value = value.slice(1, -1);
    if (key === 'msg' || RESERVED_FIELDS.has(key)) continue;
    if (out[key] === undefined) setField(out, key, value);
  }
}
