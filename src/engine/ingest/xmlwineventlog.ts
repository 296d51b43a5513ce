/**
 * `XmlWinEventLog`: Windows events rendered as XML. An event starts at a line that
 * begins with `<Event` (the add-on's line breaker), so one-event-per-line files and
 * pretty-printed events both load.
 */
import type { IngestOptions, IngestResult, SplunkEvent } from '../event';
import { applyWindowsCim } from '../cim/mappings/windows';
import { metaFor, newEvent } from './fields';
import { isBlank, splitLines } from './text';
import { extractWinEvent } from './winevent';

export function ingestXmlWinEventLog(text: string, file: string, options: IngestOptions): IngestResult {
  const lines = splitLines(text);
  const events: SplunkEvent[] = [];
  const rejected: IngestResult['rejected'] = [];
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
      const { fields, time, channel, computer } = extractWinEvent(raw);
      const meta = metaFor(options, file, { source: channel ? `XmlWinEventLog:${channel}` : undefined, host: computer });
      const event = newEvent(raw, time, meta, end - start);
      Object.assign(event, fields);
      applyWindowsCim(event, channel);
      events.push(event);
    } catch (err) {
      rejected.push({ file, line: start + 1, reason: `malformed Windows event XML: ${(err as Error).message}` });
    }
  }
  return { events, rejected };
}
