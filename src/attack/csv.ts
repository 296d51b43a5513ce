/**
 * Writes the lookup CSVs: UTF-8, LF line endings, a header row, RFC 4180 quoting
 * (descriptions keep MITRE's commas, quotes and paragraph breaks inside quotes),
 * multivalue cells joined with MULTIVALUE_SEPARATOR.
 */
import { stringify } from 'csv-stringify/sync';
import { MULTIVALUE_SEPARATOR } from './model';

export function toCsv<Row extends object>(rows: readonly Row[], columns: readonly (keyof Row & string)[]): string {
  const cells = rows.map((row) =>
    columns.map((column) => {
      const value = row[column] as unknown;
      const text = Array.isArray(value) ? value.join(MULTIVALUE_SEPARATOR) : String(value);
      return text.replace(/\r\n?/g, '\n');
    }),
  );
  return stringify(cells, { header: true, columns: [...columns], record_delimiter: 'unix' });
}
