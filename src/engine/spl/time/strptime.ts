/**
 * strptime with Splunk's format variables (see strftime.ts for the page). Returns
 * epoch seconds (fractional when the format has subseconds) or null when the text does
 * not match the format. Text after the matched part is ignored, as C strptime does
 * (unverified for Splunk). Fields the format lacks default to 1970-01-01 00:00:00.
 * A `%z`/`%Z` in the text overrides the zone.
 */
import { DateTime, type Zone } from 'luxon';
import { DAY_NAMES, MONTH_NAMES } from './strftime';
import { resolveZone } from './zone';

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  fraction: number;
  pm?: boolean;
  hour12?: boolean;
  epoch?: number;
  offsetMinutes?: number;
  zone?: Zone;
  dayOfYear?: number;
}

const EXPAND: Record<string, string> = {
  T: '%H:%M:%S',
  X: '%H:%M:%S',
  F: '%Y-%m-%d',
  D: '%m/%d/%y',
  x: '%m/%d/%y',
  R: '%H:%M',
  r: '%I:%M:%S %p',
  c: '%a %b %e %H:%M:%S %Y',
  '+': '%a %b %e %H:%M:%S %Z %Y',
};

function expandFormat(format: string): string {
  let f = format;
  for (let k = 0; k < 3; k++) f = f.replace(/%([TXFDxRrc+])/g, (_, v: string) => EXPAND[v]);
  return f;
}

export function strptime(text: string, format: string, zone: Zone): number | null {
  const f = expandFormat(format);
  const p: Parts = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, fraction: 0 };
  let i = 0;
  for (let k = 0; k < f.length; k++) {
    const c = f[k];
    if (c === '%' && k + 1 < f.length) {
      const m = /^%(\d*)(:{0,3}z|Ez|[A-Za-z%])/.exec(f.slice(k));
      if (!m) return null;
      k += m[0].length - 1;
      const width = m[1] === '' ? undefined : Number(m[1]);
      const next = consume(m[2], width, text, i, p);
      if (next < 0) return null;
      i = next;
      continue;
    }
    if (/\s/.test(c)) {
      while (i < text.length && /\s/.test(text[i])) i++;
      continue;
    }
    if (text[i] !== c) return null;
    i++;
  }
  return assemble(p, zone);
}

function digits(text: string, i: number, min: number, max: number): [number, number] | null {
  let j = i;
  while (j < text.length && j - i < max && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
  if (j - i < min) return null;
  return [Number(text.slice(i, j)), j];
}

function name(text: string, i: number, names: string[]): [number, number] | null {
  const rest = text.slice(i).toLowerCase();
  for (let n = 0; n < names.length; n++) {
    const full = names[n].toLowerCase();
    if (rest.startsWith(full)) return [n, i + full.length];
  }
  for (let n = 0; n < names.length; n++) {
    const short = names[n].slice(0, 3).toLowerCase();
    if (rest.startsWith(short)) return [n, i + 3];
  }
  return null;
}

function consume(v: string, width: number | undefined, text: string, i: number, p: Parts): number {
  const num = (min: number, max: number, set: (n: number) => void): number => {
    let j = i;
    while (text[j] === ' ') j++;
    const r = digits(text, j, min, max);
    if (!r) return -1;
    set(r[0]);
    return r[1];
  };
  switch (v) {
    case '%': return text[i] === '%' ? i + 1 : -1;
    case 'Y': {
      const sign = text[i] === '-' ? -1 : 1;
      const r = digits(text, sign < 0 ? i + 1 : i, 1, 4);
      if (!r) return -1;
      p.year = sign * r[0];
      return r[1];
    }
    case 'y': return num(1, 2, (n) => (p.year = n < 69 ? 2000 + n : 1900 + n));
    case 'C': return num(1, 2, (n) => (p.year = n * 100 + (p.year % 100)));
    case 'm': return num(1, 2, (n) => (p.month = n));
    case 'd': case 'e': return num(1, 2, (n) => (p.day = n));
    case 'j': return num(1, 3, (n) => (p.dayOfYear = n));
    case 'H': case 'k': return num(1, 2, (n) => (p.hour = n));
    case 'I': case 'l': return num(1, 2, (n) => ((p.hour = n), (p.hour12 = true)));
    case 'M': return num(1, 2, (n) => (p.minute = n));
    case 'S': return num(1, 2, (n) => (p.second = n));
    case 's': {
      const r = /^-?\d+(\.\d+)?/.exec(text.slice(i));
      if (!r) return -1;
      p.epoch = Number(r[0]);
      return i + r[0].length;
    }
    case 'N': case 'Q': case 'f': {
      const max = width ?? (v === 'N' ? 9 : v === 'Q' ? 3 : 6);
      const r = digits(text, i, 1, max);
      if (!r) return -1;
      const len = r[1] - i;
      p.fraction = r[0] / 10 ** len;
      return r[1];
    }
    case 'p': {
      const s = text.slice(i, i + 2).toUpperCase();
      if (s !== 'AM' && s !== 'PM') return -1;
      p.pm = s === 'PM';
      return i + 2;
    }
    case 'b': case 'B': case 'h': {
      const r = name(text, i, MONTH_NAMES);
      if (!r) return -1;
      p.month = r[0] + 1;
      return r[1];
    }
    case 'a': case 'A': {
      const r = name(text, i, DAY_NAMES);
      return r ? r[1] : -1;
    }
    case 'z': case ':z': case '::z': case 'Ez': {
      if (text[i] === 'Z') {
        p.offsetMinutes = 0;
        return i + 1;
      }
      const r = /^([+-])(\d{2}):?(\d{2})?/.exec(text.slice(i));
      if (!r) return -1;
      p.offsetMinutes = (Number(r[2]) * 60 + Number(r[3] ?? 0)) * (r[1] === '-' ? -1 : 1);
      return i + r[0].length;
    }
    case 'Z': {
      const r = /^[A-Za-z][A-Za-z0-9_/+-]*/.exec(text.slice(i));
      if (!r) return -1;
      const abbrev = r[0].toUpperCase();
      const known: Record<string, number> = { UTC: 0, GMT: 0, Z: 0, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420, CET: 60, CEST: 120 };
      if (abbrev in known) p.offsetMinutes = known[abbrev];
      else {
        try {
          p.zone = resolveZone(r[0]);
        } catch {
          return -1;
        }
      }
      return i + r[0].length;
    }
    case 'n': case 't': {
      let j = i;
      while (j < text.length && /\s/.test(text[j])) j++;
      return j;
    }
    default:
      return -1;
  }
}

function assemble(p: Parts, zone: Zone): number | null {
  if (p.epoch !== undefined) return p.epoch + (p.fraction && Number.isInteger(p.epoch) ? p.fraction : 0);
  let hour = p.hour;
  if (p.hour12) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (p.pm ? 12 : 0);
  } else if (p.pm !== undefined && p.pm && hour < 12) hour += 12;
  const z = p.offsetMinutes !== undefined ? `UTC${p.offsetMinutes >= 0 ? '+' : '-'}${Math.floor(Math.abs(p.offsetMinutes) / 60)}:${String(Math.abs(p.offsetMinutes) % 60).padStart(2, '0')}` : p.zone ?? zone;
  let dt = DateTime.fromObject(
    { year: p.year, month: p.month, day: p.day, hour, minute: p.minute, second: p.second },
    { zone: z },
  );
  if (p.dayOfYear !== undefined) dt = DateTime.fromObject({ year: p.year, ordinal: p.dayOfYear, hour, minute: p.minute, second: p.second }, { zone: z });
  if (!dt.isValid) return null;
  return dt.toMillis() / 1000 + p.fraction;
}
