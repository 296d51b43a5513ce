/**
 * Checks that a test case's events lie inside the time range its saved search reads: an event
 * outside every range of `retrievalRanges` (src/engine/search.ts) is never seen, so a case
 * that relies on it proves nothing. Each event is reported with its file, line and time.
 */
import { readFileSync } from 'node:fs';
import type { SplunkEvent } from '../../src/engine/event';

export interface TimeRange {
  command: string;
  earliest?: number;
  latest?: number;
}

/** The events one input file of a case produced, in file order. */
export interface InputEvents {
  /** Repository-relative path of the fixture. */
  file: string;
  /** Absolute path, to read the lines from. */
  path: string;
  events: SplunkEvent[];
}

export function isoTime(epoch: number): string {
  return Number.isFinite(epoch) ? new Date(epoch * 1000).toISOString().replace('.000Z', 'Z') : String(epoch);
}

export function describeRange(range: TimeRange): string {
  const from = range.earliest === undefined ? 'all time' : isoTime(range.earliest);
  const to = range.latest === undefined ? 'no end' : isoTime(range.latest);
  return `${range.command} [${from}, ${to})`;
}

/** Inside `[earliest, latest)`, as the engine's retrieval selects events. */
export function inRange(time: number, range: TimeRange): boolean {
  return (range.earliest === undefined || time >= range.earliest) && (range.latest === undefined || time < range.latest);
}

/**
 * 1-based line of each event in its file: the first line of the event's `_raw` (events keep
 * their text as in the file), searched from the previous event's line onwards, then from
 * the top (formats that group records out of order). 0 when not found.
 */
export function eventLines(text: string, events: readonly SplunkEvent[]): number[] {
  const lines = text.split('\n').map((line) => line.replace(/\r$/, ''));
  let cursor = 0;
  return events.map((event) => {
    const first = event._raw.split('\n')[0].replace(/\r$/, '');
    const find = (from: number): number => {
      for (let i = from; i < lines.length; i++) if (lines[i] === first) return i;
      return -1;
    };
    let index = find(cursor);
    if (index < 0) index = find(0);
    if (index < 0) return 0;
    cursor = index + 1;
    return index + 1;
  });
}

/** One message per event that no range contains. */
export function eventsOutside(inputs: readonly InputEvents[], ranges: readonly TimeRange[]): string[] {
  const window = ranges.length ? ranges.map(describeRange).join(' or ') : '(the search reads no events)';
  const messages: string[] = [];
  for (const input of inputs) {
    const lines = eventLines(readFileSync(input.path, 'utf8'), input.events);
    input.events.forEach((event, i) => {
      if (ranges.some((range) => inRange(event._time, range))) return;
      const where = lines[i] > 0 ? `${input.file}:${lines[i]}` : `${input.file} (event ${i + 1})`;
      messages.push(`${where}: event at ${isoTime(event._time)} is outside the search's time range ${window}`);
    });
  }
  return messages;
}
