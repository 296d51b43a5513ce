/**
 * Splunk time modifiers ("Time modifiers", Search Reference;
 * https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/time-format-variables-and-modifiers/time-modifiers):
 * `now`, `0`, epoch seconds, `%m/%d/%Y:%H:%M:%S`, and relative times — offsets
 * `[+|-]<int><unit>` and snaps `@<unit>` applied left to right (`-24h@h`, `@d`,
 * `-7d@w0`, `-1mon@mon`, `@d+8h`). Units: s, m, h, d, w, mon, q, y and their long
 * forms; `@w0`…`@w6` snap to a weekday (0 = Sunday). Calendar units follow the time zone.
 */
import type { DateTime, Zone } from 'luxon';
import { TimeError, dateTimeAt, toEpoch } from './zone';

type Unit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year';

const UNITS: Record<string, Unit> = {};
for (const [unit, names] of Object.entries({
  second: 's sec secs second seconds',
  minute: 'm min mins minute minutes',
  hour: 'h hr hrs hour hours',
  day: 'd day days',
  week: 'w week weeks',
  month: 'mon month months',
  quarter: 'q qtr qtrs quarter quarters',
  year: 'y yr yrs year years',
})) {
  for (const n of names.split(' ')) UNITS[n] = unit as Unit;
}

export function parseUnit(name: string): Unit | undefined {
  return UNITS[name.toLowerCase()];
}

const ABSOLUTE = /^(\d{1,2})\/(\d{1,2})\/(\d{4}):(\d{1,2}):(\d{2}):(\d{2})$/;

/** Resolves a time modifier to epoch seconds relative to `now` (epoch seconds) in `zone`. */
export function resolveTimeModifier(spec: string, now: number, zone: Zone): number {
  const s = spec.trim();
  if (s === '' ) throw new TimeError('empty time modifier');
  if (/^now$/i.test(s) || s === 'now()') return now;
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  if (/^rt/i.test(s)) throw new TimeError(`real-time modifier "${spec}" is not supported by the offline engine`);
  const abs = ABSOLUTE.exec(s);
  if (abs) {
    const dt = dateTimeAt(0, zone).set({
      year: Number(abs[3]),
      month: Number(abs[1]),
      day: Number(abs[2]),
      hour: Number(abs[4]),
      minute: Number(abs[5]),
      second: Number(abs[6]),
      millisecond: 0,
    });
    if (!dt.isValid) throw new TimeError(`invalid absolute time "${spec}"`);
    return toEpoch(dt);
  }
  let dt = dateTimeAt(now, zone);
  let rest = s;
  let fraction = now - Math.floor(now * 1000) / 1000;
  while (rest.length) {
    const offset = /^([+-])(\d*)([A-Za-z]+)/.exec(rest);
    if (offset) {
      const unit = parseUnit(offset[3]);
      if (!unit) throw new TimeError(`unknown time unit "${offset[3]}" in "${spec}"`);
      const amount = (offset[2] === '' ? 1 : Number(offset[2])) * (offset[1] === '-' ? -1 : 1);
      dt = dt.plus({ [`${unit}s`]: amount });
      rest = rest.slice(offset[0].length);
      continue;
    }
    const snap = /^@([A-Za-z]+)(\d?)/.exec(rest);
    if (snap) {
      dt = snapTo(dt, snap[1], snap[2], spec);
      fraction = 0;
      rest = rest.slice(snap[0].length);
      continue;
    }
    throw new TimeError(`invalid time modifier "${spec}" (expected e.g. -24h@h, @d, -7d@w0, +1h, now, or epoch seconds)`);
  }
  return toEpoch(dt) + fraction;
}

function snapTo(dt: DateTime, unitName: string, weekday: string, spec: string): DateTime {
  const unit = parseUnit(unitName);
  if (!unit) throw new TimeError(`unknown snap unit "@${unitName}${weekday}" in "${spec}"`);
  if (weekday !== '' && unit !== 'week') throw new TimeError(`only weeks take a day number (@w0…@w6) in "${spec}"`);
  if (unit === 'week') {
    const target = weekday === '' ? 0 : Number(weekday) % 7;
    const day = dt.startOf('day');
    const dow = day.weekday % 7; // luxon: 1 = Monday … 7 = Sunday
    return day.minus({ days: (dow - target + 7) % 7 });
  }
  return dt.startOf(unit);
}

/** Parses a span such as `1h`, `30m`, `7d`, `1mon` (bin, streamstats time_window, tstats span). */
export function parseSpan(spec: string): { amount: number; unit: Unit } | undefined {
  const m = /^(\d+(?:\.\d+)?)?([A-Za-z]+)?$/.exec(spec.trim());
  if (!m || (m[1] === undefined && m[2] === undefined)) return undefined;
  const amount = m[1] === undefined ? 1 : Number(m[1]);
  if (m[2] === undefined) return { amount, unit: 'second' };
  const unit = parseUnit(m[2]);
  return unit ? { amount, unit } : undefined;
}

const FIXED_SECONDS: Partial<Record<Unit, number>> = { second: 1, minute: 60, hour: 3600 };

export function spanSeconds(span: { amount: number; unit: Unit }): number | undefined {
  const f = FIXED_SECONDS[span.unit];
  if (f !== undefined) return span.amount * f;
  if (span.unit === 'day') return span.amount * 86400;
  if (span.unit === 'week') return span.amount * 7 * 86400;
  return undefined;
}

/** Start of the span bucket holding `t` (seconds/minutes/hours/days aligned to the zone's local time). */
export function floorToSpan(t: number, span: { amount: number; unit: Unit }, zone: Zone): number {
  const fixed = spanSeconds(span);
  if (fixed !== undefined && span.unit !== 'week') {
    const offset = zone.offset(t * 1000) * 60;
    return Math.floor((t + offset) / fixed) * fixed - offset;
  }
  const dt = dateTimeAt(t, zone);
  if (span.unit === 'week') {
    const start = dt.startOf('day');
    const days = Math.floor(toEpoch(start.plus({ minutes: start.offset })) / 86400) + 4; // days since a Sunday (1970-01-04 is day 3 → Sunday base)
    const bucketDays = span.amount * 7;
    return toEpoch(start.minus({ days: ((days % bucketDays) + bucketDays) % bucketDays }));
  }
  const months = span.unit === 'month' ? span.amount : span.unit === 'quarter' ? span.amount * 3 : span.amount * 12;
  const index = dt.year * 12 + (dt.month - 1);
  const bucket = Math.floor(index / months) * months;
  return toEpoch(dt.set({ year: Math.floor(bucket / 12), month: (bucket % 12) + 1, day: 1 }).startOf('day'));
}
