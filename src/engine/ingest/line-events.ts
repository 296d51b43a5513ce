/** The ingest loop of the formats that hold one event per line. */
import type { IngestResult, SplunkEvent } from '../event';
import { compactEvent } from './compact';
import { isBlank, splitLines } from './text';

/** What a format makes of one line: its event, the reason it is rejected, or undefined to skip it (a directive). */
export type LineOutcome = SplunkEvent | string | undefined;

/** Blank lines are skipped; every other line becomes a (compacted) event or a rejection naming its line. */
export function ingestLineEvents(text: string, file: string, parseLine: (line: string) => LineOutcome): IngestResult {
  const events: SplunkEvent[] = [];
  const rejected: IngestResult['rejected'] = [];
  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (isBlank(line)) continue;
    const outcome = parseLine(line);
    if (typeof outcome === 'string') rejected.push({ file, line: i + 1, reason: outcome });
    else if (outcome !== undefined) events.push(compactEvent(outcome));
  }
  return { events, rejected };
}
