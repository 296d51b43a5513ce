/**
 * `ms:iis:auto`: IIS logs in W3C extended format. `#Fields:` names the columns (and may
 * change mid-file); other `#` directives are skipped; `-` is an empty value.
 */
import type { IngestOptions, IngestResult, SplunkEvent } from '../event';
import { applyIisCim } from '../cim/mappings/web';
import { cleanKey, metaFor, newEvent, RESERVED_FIELDS } from './fields';
import { compactEvent } from './compact';
import { isBlank, splitLines } from './text';
import { parseIsoTime } from './time';

export function ingestW3c(text: string, file: string, options: IngestOptions): IngestResult {
  const lines = splitLines(text);
  const events: SplunkEvent[] = [];
  const rejected: IngestResult['rejected'] = [];
  let columns: string[] | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (isBlank(line)) continue;
    if (line.startsWith('#')) {
      if (/^#Fields:/i.test(line)) columns = line.slice(line.indexOf(':') + 1).trim().split(/\s+/).map(cleanKey);
      continue;
    }
    const reject = (reason: string) => rejected.push({ file, line: i + 1, reason });
    if (!columns) {
      reject('W3C data line before any "#Fields:" directive');
      continue;
    }
    const values = line.trim().split(/[ \t]+/);
    if (values.length !== columns.length) {
      reject(`W3C line has ${values.length} values but "#Fields:" names ${columns.length} columns`);
      continue;
    }
    const fields: Record<string, string> = {};
    for (let c = 0; c < columns.length; c++) {
      const name = columns[c];
      const value = values[c];
      if (value !== '-' && name !== '' && !RESERVED_FIELDS.has(name)) fields[name] = value;
    }
    const time = w3cTime(fields.date, fields.time);
    if (time === undefined) {
      reject(`W3C line has no valid "date" and "time" (got "${fields.date ?? ''}" "${fields.time ?? ''}")`);
      continue;
    }
    const meta = metaFor(options, file, { host: fields.s_computername });
    const event = newEvent(line, time, meta, 1);
    Object.assign(event, fields);
    applyIisCim(event, options.host !== undefined);
    events.push(compactEvent(event));
  }
  return { events, rejected };
}

function w3cTime(date: string | undefined, time: string | undefined): number | undefined {
  if (date === undefined || time === undefined) return undefined;
  return parseIsoTime(`${date}T${time}Z`);
}
