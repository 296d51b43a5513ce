/** Readable text output of `t1505 hunt --format table`. */
import type { FieldValue, Row } from '../engine/event';
import type { HuntReport } from './hunt';

const MAX_CELL = 80;

export function renderHuntTable(report: HuntReport, now: number): string {
  const out: string[] = [];
  const { events, rejected } = report.ingest;
  out.push(`ingested ${events} event${events === 1 ? '' : 's'}, ${rejected.length} rejected; now = ${new Date(now * 1000).toISOString()}`);
  for (const r of rejected) out.push(`  rejected ${r.file}:${r.line}: ${r.reason}`);
  for (const s of report.searches) {
    out.push('');
    const count = `${s.results.length} result${s.results.length === 1 ? '' : 's'}`;
    out.push(`== ${s.name} (${s.error === null ? count : 'error'}, ${s.elapsed_ms} ms)`);
    if (s.error !== null) out.push(`   error: ${s.error}`);
    else if (s.results.length > 0) out.push(renderTable(s.results));
  }
  return out.join('\n') + '\n';
}

export function renderTable(rows: Row[]): string {
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    for (const k of Object.keys(row)) {
      if (row[k] !== undefined && !seen.has(k)) {
        seen.add(k);
        columns.push(k);
      }
    }
  }
  const cells = rows.map((row) => columns.map((c) => cellText(c, row[c])));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i].length)));
  const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i])).join('  ').trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

function cellText(column: string, value: FieldValue | undefined): string {
  if (value === undefined) return '';
  let text: string;
  if (Array.isArray(value)) text = value.join(', ');
  else if (column === '_time' && typeof value === 'number') text = new Date(value * 1000).toISOString();
  else text = String(value);
  text = text.replace(/\s*[\r\n]+\s*/g, ' ');
  return text.length > MAX_CELL ? text.slice(0, MAX_CELL - 1) + '…' : text;
}
