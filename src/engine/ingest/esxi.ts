/** `vmw-syslog` and `vmware:esxlog:*`: ESXi syslog lines (hostd, vpxa, shell, esxupdate, …). */
import type { IngestOptions, IngestResult, SplunkEvent } from '../event';
import { metaFor, newEvent, setField } from './fields';
import { compactEvent } from './compact';
import { parseSyslogHeader } from './syslog';
import { isBlank, splitLines } from './text';

export function ingestEsxiSyslog(text: string, file: string, options: IngestOptions): IngestResult {
  const events: SplunkEvent[] = [];
  const rejected: IngestResult['rejected'] = [];
  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (isBlank(line)) continue;
    const h = parseSyslogHeader(line);
    if (!h) {
      rejected.push({ file, line: i + 1, reason: 'not a syslog line with an ISO 8601 timestamp and a host ("<PRI>2026-03-14T10:12:01.123Z host program[pid]: message")' });
      continue;
    }
    const event = newEvent(line, h.time, metaFor(options, file, { host: h.host }), 1);
    setField(event, 'app', h.app);
    setField(event, 'pid', h.pid);
    setField(event, 'message', h.message);
    setField(event, 'severity', h.severity);
    setField(event, 'facility', h.facility);
    events.push(compactEvent(event));
  }
  return { events, rejected };
}
