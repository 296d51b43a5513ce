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

interface Header {
  columns: string[];
  /** Column indexes of date, time and s-computername (-1 when absent). */
  date: number;
  time: number;
  computer: number;
}

function header(line: string): Header {
  const columns = line.slice(line.indexOf(':') + 1).trim().split(/\s+/).map(cleanKey);
  return { columns, date: columns.indexOf('date'), time: columns.indexOf('time'), computer: columns.indexOf('s_computername') };
}

export function ingestW3c(text: string, file: string, options: IngestOptions): IngestResult {
  const lines = splitLines(text);
  const events: SplunkEvent[] = [];
  const rejected: IngestResult['rejected'] = [];
  const baseMeta = metaFor(options, file);
  let h: Header | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (isBlank(line)) continue;
    if (line.startsWith('#')) {
      if (/^#Fields:/i.test(line)) h = header(line);
      continue;
    }
    const reject = (reason: string) => rejected.push({ file, line: i + 1, reason });
    if (!h) {
      reject('W3C data line before any "#Fields:" directive');
      continue;
    }
    const values = line.trim().split(/[ \t]+/);
    if (values.length !== h.columns.length) {
      reject(`W3C line has ${values.length} values but "#Fields:" names ${h.columns.length} columns`);
      continue;
    }
    const date = h.date < 0 ? undefined : values[h.date];
    const clock = h.time < 0 ? undefined : values[h.time];
    const time = date === undefined || clock === undefined ? undefined : parseIsoTime(`${date}T${clock}Z`);
    if (time === undefined) {
      reject(`W3C line has no valid "date" and "time" (got "${date ?? ''}" "${clock ?? ''}")`);
      continue;
    }
    const event = newEvent(line, time, baseMeta, 1);
    const computer = h.computer < 0 ? '-' : values[h.computer];
    if (options.host === undefined && computer !== '-') event.host = computer;
    for (let c = 0; c < h.columns.length; c++) {
      const name = h.columns[c];
      const value = values[c];
      if (value !== '-' && name !== '' && !RESERVED_FIELDS.has(name)) event[name] = value;
    }
    applyIisCim(event, options.host !== undefined);
    events.push(compactEvent(event));
  }
  return { events, rejected };
}
