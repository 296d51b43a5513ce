/** `sysmon:linux`: Sysmon for Linux events, one `<Event>` XML per syslog line. */
import type { IngestOptions, IngestResult, SplunkEvent } from '../event';
import { applySysmon } from '../cim/mappings/windows';
import { metaFor, newEvent, setField, str } from './fields';
import { compactEvent } from './compact';
import { isBlank, splitLines } from './text';
import { extractWinEvent } from './winevent';

export function ingestSysmonLinux(text: string, file: string, options: IngestOptions): IngestResult {
  const events: SplunkEvent[] = [];
  const rejected: IngestResult['rejected'] = [];
  const lines = splitLines(text);
  const baseMeta = metaFor(options, file);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (isBlank(line)) continue;
    const at = line.indexOf('<Event');
    if (at < 0) {
      rejected.push({ file, line: i + 1, reason: 'no "<Event" XML in the line' });
      continue;
    }
    try {
      const event = newEvent(line, 0, baseMeta, 1);
      const { time, channel, computer } = extractWinEvent(event, line, at, line.trimEnd().length);
      event._time = time;
      if (options.source === undefined && channel) event.source = `Syslog:${channel}`;
      if (options.host === undefined && computer) event.host = computer;
      setField(event, 'dest', str(event, 'Computer'));
      setField(event, 'vendor_product', 'Microsoft Sysmon for Linux');
      applySysmon(event, str(event, 'EventCode') ?? '');
      events.push(compactEvent(event));
    } catch (err) {
      rejected.push({ file, line: i + 1, reason: `malformed Sysmon for Linux event XML: ${(err as Error).message}` });
    }
  }
  return { events, rejected };
}
