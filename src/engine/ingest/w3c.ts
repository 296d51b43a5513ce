/**
 * `ms:iis:auto`: IIS logs in W3C extended format. `#Fields:` names the columns (and may
 * change mid-file); other `#` directives are skipped; `-` is an empty value.
 */
import type { IngestOptions, IngestResult } from '../event';
import { applyIisCim } from '../cim/mappings/web';
import { cleanKey, metaFor, newEvent, RESERVED_FIELDS } from './fields';
import { ingestLineEvents } from './line-events';
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
  const baseMeta = metaFor(options, file);
  let h: Header | undefined;
  return ingestLineEvents(text, file, (line) => {
    if (line.startsWith('#')) {
      if (/^#Fields:/i.test(line)) h = header(line);
      return undefined;
    }
    if (!h) return 'W3C data line before any "#Fields:" directive';
    const values = line.trim().split(/[ \t]+/);
    if (values.length !== h.columns.length) return `W3C line has ${values.length} values but "#Fields:" names ${h.columns.length} columns`;
    const date = h.date < 0 ? undefined : values[h.date];
    const clock = h.time < 0 ? undefined : values[h.time];
    const time = date === undefined || clock === undefined ? undefined : parseIsoTime(`${date}T${clock}Z`);
    if (time === undefined) return `W3C line has no valid "date" and "time" (got "${date ?? ''}" "${clock ?? ''}")`;
    const event = newEvent(line, time, baseMeta, 1);
    const computer = h.computer < 0 ? '-' : values[h.computer];
    if (options.host === undefined && computer !== '-') event.host = computer;
    for (let c = 0; c < h.columns.length; c++) {
      const name = h.columns[c];
      const value = values[c];
      if (value !== '-' && name !== '' && !RESERVED_FIELDS.has(name)) event[name] = value;
    }
    applyIisCim(event, options.host !== undefined);
    return event;
  });
}
