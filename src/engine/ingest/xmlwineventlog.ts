/**
 * `XmlWinEventLog`: Windows events rendered as XML. An event starts at a line that
 * begins with `<Event` (the add-on's line breaker), so one-event-per-line files and
 * pretty-printed events both load.
 */
import type { IngestOptions, IngestResult, SplunkEvent } from '../event';
import { applyWindowsCim } from '../cim/mappings/windows';
import { metaFor, newEvent } from './fields';
import { compactEvent } from './compact';
import { isBlank, splitLines } from './text';
import { extractWinEvent } from './winevent';

export function ingestXmlWinEventLog(text: string, file: string, options: IngestOptions): IngestResult {
  const lines = splitLines(text);
  const events: SplunkEvent[] = [];
  const rejected: IngestResult['rejected'] = [];
  const baseMeta = metaFor(options, file);
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (isBlank(line)) {
      i++;
      continue;
    }
    if (!line.startsWith('<Event')) {
      const start = i;
      while (i < lines.length && !lines[i].startsWith('<Event')) i++;
      rejected.push({ file, line: start + 1, reason: `text outside an <Event> (${i - start} line${i - start === 1 ? '' : 's'}); an event must start at a line beginning with "<Event"` });
      continue;
    }
    const start = i;
    i++;
    while (i < lines.length && !lines[i].startsWith('<Event')) i++;
    let end = i;
    while (end > start + 1 && isBlank(lines[end - 1])) end--;
    const raw = end - start === 1 ? line : lines.slice(start, end).join('\n');
    try {
      const event = newEvent(raw, 0, baseMeta, end - start);
      const { time, channel, computer } = extractWinEvent(event, raw);
      event._time = time;
      if (options.source === undefined && channel) event.source = `XmlWinEventLog:${channel}`;
      if (options.host === undefined && computer) event.host = computer;
      applyWindowsCim(event, channel);
      events.push(compactEvent(event));
    } catch (err) {
      rejected.push({ file, line: start + 1, reason: `malformed Windows event XML: ${(err as Error).message}` });
    }
  }
  return { events, rejected };
}
