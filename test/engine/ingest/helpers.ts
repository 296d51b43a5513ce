import * as path from 'path';
import type { IngestResult, SplunkEvent } from '../../../src/engine/event';
import { ingestFile } from '../../../src/engine/ingest';

export const FIXTURES = path.join(__dirname, 'fixtures');

export function load(file: string, sourcetype: string, extra: { source?: string; host?: string; index?: string } = {}): IngestResult {
  return ingestFile(path.join(FIXTURES, file), { sourcetype, ...extra });
}

export function byCode(result: IngestResult, code: string): SplunkEvent {
  const found = result.events.filter((e) => e.EventCode === code);
  if (found.length !== 1) throw new Error(`expected one event with EventCode ${code}, found ${found.length}`);
  return found[0];
}

export function tags(e: SplunkEvent): string[] {
  const t = e.tag;
  return t === undefined ? [] : Array.isArray(t) ? t : [String(t)];
}
