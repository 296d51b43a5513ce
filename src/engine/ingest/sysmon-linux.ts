/** `sysmon:linux`: Sysmon for Linux events, one `<Event>` XML per syslog line. */
import type { IngestOptions, IngestResult, SplunkEvent } from '../event';
import { applySysmon } from '../cim/mappings/windows';
import { metaFor, newEvent, setField, str } from './fields';
import { isBlank, splitLines } from './text';
import { extractWinEvent } from './winevent';

export function ingestSysmonLinux(text: string, file: string, options: IngestOptions): IngestResult {
  const events: SplunkEvent[] = [];
  const rejected: IngestResult['rejected'] = [];
  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (isBlank(line)) continue;
    const at = line.indexOf('<Event');
    if (at < 0) {
      rejected.push({ file, line: i + 1, reason: 'no "<Event" XML in the line' });
      continue;
    }
    try {
      const { fields, time, channel, computer } = extractWinEvent(line, at, line.trimEnd().length);
      const event = newEvent(line, time, metaFor(options, file, { source: channel ? `Syslog:${channel}` : undefined, host: computer }), 1);
      Object.assign(event, fields);
      setField(event, 'dest', str(event, 'Computer'));
      setField(event, 'vendor_product', 'Microsoft Sysmon for Linux');
      applySysmon(event, str(event, 'EventCode') ?? '');
      events.push(event);
    } catch (err) {
      rejected.push({ file, line: i + 1, reason: `malformed Sysmon for Linux event XML: ${(err as Error).message}` });
    }
  }
  return { events, rejected };
}
