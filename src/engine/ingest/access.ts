/**
 * `access_combined` / `access_common`: Apache, nginx and Tomcat access logs in the
 * combined or common log format, with Splunk's access-log field names.
 */
import type { IngestOptions, IngestResult, SplunkEvent } from '../event';
import { applyAccessCim } from '../cim/mappings/web';
import { metaFor, newEvent, notDash, setField } from './fields';
import { ingestLineEvents } from './line-events';
import { parseClfTime } from './time';

const QUOTED = '"((?:[^"\\\\]|\\\\.)*)"';
const LINE = new RegExp(`^(\\S+) (\\S+) (\\S+|"[^"]*") \\[([^\\]]+)\\] ${QUOTED} (\\d{3}|-) (\\d+|-)(?: ${QUOTED} ${QUOTED})?(.*)$`);

export function ingestAccessLog(text: string, file: string, options: IngestOptions): IngestResult {
  const meta = metaFor(options, file);
  return ingestLineEvents(text, file, (line) => {
    const m = LINE.exec(line);
    if (!m) return 'not a combined or common log format line (client ident user [time] "request" status bytes)';
    const time = parseClfTime(m[4]);
    if (time === undefined) return `access log time "[${m[4]}]" is not dd/Mon/yyyy:HH:MM:SS +zzzz`;
    const event = newEvent(line, time, meta, 1);
    setField(event, 'clientip', notDash(m[1]));
    setField(event, 'ident', notDash(m[2]));
    setField(event, 'user', notDash(m[3].replace(/^"(.*)"$/, '$1')));
    setField(event, 'req_time', m[4]);
    request(event, m[5]);
    setField(event, 'status', notDash(m[6]));
    setField(event, 'bytes', notDash(m[7]));
    setField(event, 'referer', notDash(m[8]));
    setField(event, 'useragent', notDash(m[9]));
    applyAccessCim(event);
    return event;
  });
}

function request(event: SplunkEvent, text: string): void {
  const parts = text.split(' ');
  if (parts.length < 2 || !/^[A-Za-z]+$/.test(parts[0])) return; // "-" or a binary probe: no method/uri
  const method = parts[0];
  const version = parts.length >= 3 && /^HTTP\/\d/i.test(parts[parts.length - 1]) ? parts[parts.length - 1] : undefined;
  const uri = (version ? parts.slice(1, -1) : parts.slice(1)).join(' ');
  setField(event, 'method', method);
  setField(event, 'uri', uri);
  setField(event, 'version', version);
  const q = uri.indexOf('?');
  const path = q < 0 ? uri : uri.slice(0, q);
  setField(event, 'uri_path', path);
  setField(event, 'uri_query', q < 0 ? undefined : uri.slice(q + 1));
  const segments = path.split('/').filter((s) => s !== '');
  if (segments.length > 0) {
    setField(event, 'root', segments[0]);
    if (!path.endsWith('/')) setField(event, 'file', segments[segments.length - 1]);
  }
}
