/** `sysmon:linux`: Sysmon for Linux events, one `<Event>` XML per syslog line. */
import type { IngestOptions, IngestResult } from '../event';
import { applySysmon } from '../cim/mappings/windows';
import { metaFor, newEvent, setField, str } from './fields';
import { ingestLineEvents } from './line-events';
import { extractWinEvent } from './winevent';

export function ingestSysmonLinux(text: string, file: string, options: IngestOptions): IngestResult {
  const baseMeta = metaFor(options, file);
  return ingestLineEvents(text, file, (line) => {
    const at = line.indexOf('<Event');
    if (at < 0) return 'no "<Event" XML in the line';
    try {
      const event = newEvent(line, 0, baseMeta, 1);
      const { time, channel, computer } = extractWinEvent(event, line, at, line.trimEnd().length);
      event._time = time;
      if (options.source === undefined && channel) event.source = `Syslog:${channel}`;
      if (options.host === undefined && computer) event.host = computer;
      setField(event, 'dest', str(event, 'Computer'));
      setField(event, 'vendor_product', 'Microsoft Sysmon for Linux');
      applySysmon(event, str(event, 'EventCode') ?? '');
      return event;
    } catch (err) {
      return `malformed Sysmon for Linux event XML: ${(err as Error).message}`;
    }
  });
}
