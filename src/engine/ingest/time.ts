/** Timestamp parsing for the ingest formats. All results are epoch seconds. */

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * ISO 8601 date-time (`2026-03-14T10:12:01.4359330Z`, `2026-03-14 10:12:01+01:00`).
 * Fractional seconds are kept to the digit given (up to 9). Without a zone the time is
 * UTC. Returns undefined when the text is not such a date-time or is out of range.
 */
export function parseIsoTime(text: string): number | undefined {
  const m = ISO.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const base = utcSeconds(+y, +mo, +d, +h, +mi, +s);
  if (base === undefined) return undefined;
  const fraction = frac ? Number('0.' + frac) : 0;
  return base + fraction - zoneOffsetSeconds(zone);
}

function zoneOffsetSeconds(zone: string | undefined): number {
  if (!zone || zone === 'Z') return 0;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  return sign * (hours * 3600 + minutes * 60);
}

/** Seconds since the epoch for a UTC calendar time, or undefined if a part is out of range. */
export function utcSeconds(year: number, month: number, day: number, hour: number, minute: number, second: number): number | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return undefined;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(ms);
  if (check.getUTCDate() !== day && second !== 60) return undefined; // 31 Feb and the like
  return ms / 1000;
}

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

const CLF = /^(\d{1,2})\/([A-Za-z]{3})\/(\d{4}):(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:\s+([+-]\d{4}))?$/;

/** Apache/nginx `%t` time: `14/Mar/2026:10:12:01 +0100`. */
export function parseClfTime(text: string): number | undefined {
  const m = CLF.exec(text.trim());
  if (!m) return undefined;
  const month = MONTHS[m[2].toLowerCase()];
  if (!month) return undefined;
  const base = utcSeconds(+m[3], month, +m[1], +m[4], +m[5], +m[6]);
  if (base === undefined) return undefined;
  return base + (m[7] ? Number('0.' + m[7]) : 0) - zoneOffsetSeconds(m[8] ? m[8].slice(0, 3) + ':' + m[8].slice(3) : undefined);
}

/** Epoch seconds given as a number or a numeric string (`1718000000`, `1718000000.123`). */
export function parseEpoch(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && /^\d{9,11}(\.\d+)?$/.test(value.trim())) return Number(value);
  return undefined;
}
