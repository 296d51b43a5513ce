/** Reads a lookup CSV (header row = columns) into memory. */
import { parse } from 'csv-parse/sync';
import type { LookupData } from './table';

export function parseLookupCsv(text: string, file: string): LookupData {
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (e) {
    throw new Error(`${file}: not a valid CSV: ${(e as Error).message}`);
  }
  if (records.length === 0) throw new Error(`${file}: the CSV has no header row`);
  const columns = records[0].map((c) => c.trim());
  const rows = records.slice(1).map((r) => {
    const row: Record<string, string> = {};
    columns.forEach((c, i) => (row[c] = r[i] ?? ''));
    return row;
  });
  return { columns, rows };
}
