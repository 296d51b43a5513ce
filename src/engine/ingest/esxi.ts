/** `vmw-syslog` and `vmware:esxlog:*`: ESXi syslog lines (hostd, vpxa, shell, esxupdate, …). */
import type { IngestOptions, IngestResult } from '../event';
import { metaFor, newEvent, setField } from './fields';
import { ingestLineEvents } from './line-events';
import { parseSyslogHeader } from './syslog';

const BSD_HEADER = /^(?:<\d{1,3}>)?[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d /;

export function ingestEsxiSyslog(text: string, file: string, options: IngestOptions): IngestResult {
  return ingestLineEvents(text, file, (line) => {
    const h = parseSyslogHeader(line);
    if (!h) {
      return BSD_HEADER.test(line)
        ? 'syslog header without a year ("Mar 14 10:12:07 host …"): the time cannot be placed; ESXi sends ISO 8601 timestamps'
        : 'not a syslog line with an ISO 8601 timestamp and a host ("<PRI>2026-03-14T10:12:01.123Z host program[pid]: message")';
    }
    const event = newEvent(line, h.time, metaFor(options, file, { host: h.host }), 1);
    setField(event, 'app', h.app);
    setField(event, 'pid', h.pid);
    setField(event, 'message', h.message);
    setField(event, 'severity', h.severity);
    setField(event, 'facility', h.facility);
    return event;
  });
}
