// Fuzz: malformed and random input never crashes ingest, never hangs (each property runs
// within the jest timeout), and nothing is silently dropped: every non-blank line of a
// line-based format becomes an event or a rejection.
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import type { IngestResult } from '../../../src/engine/event';
import { ingestText } from '../../../src/engine/ingest';
import { MYSQL_HEADER } from '../../../src/engine/ingest/dblog';
import { FIXTURES } from './helpers';

interface Format {
  sourcetype: string;
  fixture: string;
  /** Lines that are neither events nor rejections by design (W3C directives, MySQL headers). */
  skipped?: (line: string) => boolean;
  /** One event per line (no continuation lines). */
  lineBased: boolean;
}

const FORMATS: Format[] = [
  { sourcetype: 'XmlWinEventLog', fixture: 'sysmon_events.xml', lineBased: false },
  { sourcetype: 'ms:iis:auto', fixture: 'iis_u_ex260314.w3c', lineBased: true, skipped: (l) => l.startsWith('#') },
  { sourcetype: 'access_combined', fixture: 'access_combined.access', lineBased: true },
  { sourcetype: '_json', fixture: 'inventory_iis_modules.json', lineBased: true },
  { sourcetype: 'linux:audit', fixture: 'audit.audit', lineBased: true },
  { sourcetype: 'vmw-syslog', fixture: 'esxi.syslog', lineBased: true },
  { sourcetype: 'sysmon:linux', fixture: 'sysmon_linux.syslog', lineBased: true },
  { sourcetype: 'mysql:generalQueryLog', fixture: 'mysql_general.mysql', lineBased: false, skipped: (l) => MYSQL_HEADER.test(l) },
  { sourcetype: 'postgresql', fixture: 'postgresql.pglog', lineBased: false },
];

function accountedFor(format: Format, text: string, result: IngestResult): void {
  for (const e of result.events) {
    expect(typeof e._time).toBe('number');
    expect(Number.isFinite(e._time)).toBe(true);
    expect(typeof e._raw).toBe('string');
    for (const [k, v] of Object.entries(e)) {
      if (Array.isArray(v)) expect(v.length).toBeGreaterThanOrEqual(2);
      expect(v === null || v === '').toBe(false);
      expect(k).not.toBe('');
    }
  }
  for (const r of result.rejected) {
    expect(r.line).toBeGreaterThanOrEqual(1);
    expect(r.reason.length).toBeGreaterThan(0);
  }
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const relevant = lines.filter((l) => l.trim() !== '' && !(format.skipped?.(l) ?? false));
  if (format.lineBased) {
    expect(result.events.length + result.rejected.length).toBe(relevant.length);
  } else {
    const covered = result.events.reduce((n, e) => n + e.linecount, 0);
    expect(covered).toBeLessThanOrEqual(lines.length);
    if (relevant.length > 0) expect(result.events.length + result.rejected.length).toBeGreaterThan(0);
  }
}

/** A realistic file with random edits: deletions, insertions, truncation, duplicated lines. */
const mutation = fc.record({
  at: fc.nat(),
  deleteCount: fc.nat({ max: 40 }),
  insert: fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('<', '>', '&', '&amp', '"', "'", '\n', '\r\n', '<![CDATA[', ']]>', '</Data>', '<Event', '#Fields: a', '\u0000', '\\', 'msg=audit(1:2):', '[', ']')),
  truncateTo: fc.option(fc.nat(), { nil: undefined }),
});

describe.each(FORMATS)('ingest fuzz: $sourcetype', (format) => {
  const sample = fs.readFileSync(path.join(FIXTURES, format.fixture), 'latin1');

  it('survives random edits of a realistic file', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (edits) => {
        let text = sample;
        for (const m of edits) {
          const at = m.at % (text.length + 1);
          text = text.slice(0, at) + m.insert + text.slice(at + m.deleteCount);
          if (m.truncateTo !== undefined) text = text.slice(0, m.truncateTo % (text.length + 1));
        }
        const result = ingestText(text, 'fuzz.log', { sourcetype: format.sourcetype });
        accountedFor(format, text, result);
      }),
      { numRuns: 150, seed: 1505 },
    );
  });

  it('survives arbitrary text and bytes', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 400 })), (text) => {
        const result = ingestText(text, 'random.log', { sourcetype: format.sourcetype });
        accountedFor(format, text.replace(/^\ufeff/, ''), result);
      }),
      { numRuns: 150, seed: 3 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const result = ingestText(Buffer.from(bytes), 'random.bin', { sourcetype: format.sourcetype });
        expect(result.events.length + result.rejected.length).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 100, seed: 4 },
    );
  });

  it('handles pathological long lines without catastrophic backtracking', () => {
    const long = [
      '"\\'.repeat(20000),
      '<'.repeat(50000),
      '<Event>' + '<Data>'.repeat(5000),
      'a='.repeat(30000),
      '#Fields: ' + 'x '.repeat(10000),
      '2026-03-14T10:12:01Z ' + ' '.repeat(50000) + 'x',
      '1.2.3.4 - - [' + '1'.repeat(50000),
      '{"a":' + '['.repeat(5000),
    ].join('\n');
    const result = ingestText(long, 'long.log', { sourcetype: format.sourcetype });
    expect(result.events.length + result.rejected.length).toBeGreaterThan(0);
  });
});
