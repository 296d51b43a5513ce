/**
 * strftime with Splunk's format variables ("Date and time format variables",
 * https://help.splunk.com/en/splunk-enterprise/spl-search-reference/9.3/time-format-variables-and-modifiers):
 * C variables plus `%N` (subseconds, default 9 digits: `%3N`, `%6N`, `%9N`), `%Q`
 * (subseconds, default 3 digits), `%f` (microseconds), `%s` (epoch), `%k`, `%Ez`
 * (offset in minutes), `%z` `%:z` `%::z` `%:::z`, `%+`. `%c` and `%+` use the C/POSIX
 * locale layout. An unknown variable is written as is (unverified).
 */
import type { DateTime, Zone } from 'luxon';
import { dateTimeAt } from './zone';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export const DAY_NAMES = DAYS;
export const MONTH_NAMES = MONTHS;

const pad = (n: number, width: number, fill = '0') => String(n).padStart(width, fill);

function offsetText(minutes: number, colons: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = pad(Math.floor(abs / 60), 2);
  const mm = pad(abs % 60, 2);
  if (colons === 0) return `${sign}${hh}${mm}`;
  if (colons === 1) return `${sign}${hh}:${mm}`;
  if (colons === 2) return `${sign}${hh}:${mm}:00`;
  return abs % 60 === 0 ? `${sign}${hh}` : `${sign}${hh}:${mm}`;
}

function subseconds(t: number, digits: number): string {
  const frac = t - Math.floor(t);
  const scaled = Math.floor(Math.round(frac * 1e9) / 10 ** (9 - Math.min(digits, 9)));
  return pad(scaled, Math.min(digits, 9)) + '0'.repeat(Math.max(0, digits - 9));
}

function sundayWeek(dt: DateTime): number {
  const dow = dt.weekday % 7;
  return Math.floor((dt.ordinal - 1 - dow + 7) / 7);
}

function mondayWeek(dt: DateTime): number {
  const dow = (dt.weekday + 6) % 7;
  return Math.floor((dt.ordinal - 1 - dow + 7) / 7);
}

export function strftime(t: number, format: string, zone: Zone): string {
  const dt = dateTimeAt(t, zone);
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c !== '%' || i + 1 >= format.length) {
      out += c;
      continue;
    }
    const m = /^%(\d*)(:{0,3}z|Ez|[A-Za-z%+])/.exec(format.slice(i));
    if (!m) {
      out += c;
      continue;
    }
    i += m[0].length - 1;
    const width = m[1] === '' ? undefined : Number(m[1]);
    out += variable(m[2], width, t, dt);
  }
  return out;
}

function variable(v: string, width: number | undefined, t: number, dt: DateTime): string {
  const hour12 = dt.hour % 12 === 0 ? 12 : dt.hour % 12;
  switch (v) {
    case '%': return '%';
    case 'a': return DAYS[dt.weekday % 7].slice(0, 3);
    case 'A': return DAYS[dt.weekday % 7];
    case 'b': case 'h': return MONTHS[dt.month - 1].slice(0, 3);
    case 'B': return MONTHS[dt.month - 1];
    case 'c': return variables('%a %b %e %H:%M:%S %Y', t, dt);
    case '+': return variables('%a %b %e %H:%M:%S %Z %Y', t, dt);
    case 'C': return pad(Math.floor(dt.year / 100), 2);
    case 'd': return pad(dt.day, 2);
    case 'D': case 'x': return variables('%m/%d/%y', t, dt);
    case 'e': return pad(dt.day, 2, ' ');
    case 'F': return variables('%Y-%m-%d', t, dt);
    case 'g': return pad(dt.weekYear % 100, 2);
    case 'G': return String(dt.weekYear);
    case 'H': return pad(dt.hour, 2);
    case 'I': return pad(hour12, 2);
    case 'j': return pad(dt.ordinal, 3);
    case 'k': return pad(dt.hour, 2, ' ');
    case 'l': return pad(hour12, 2, ' ');
    case 'm': return pad(dt.month, 2);
    case 'M': return pad(dt.minute, 2);
    case 'n': return '\n';
    case 'N': return subseconds(t, width ?? 9);
    case 'Q': return subseconds(t, width ?? 3);
    case 'f': return subseconds(t, 6);
    case 'p': return dt.hour < 12 ? 'AM' : 'PM';
    case 'r': return variables('%I:%M:%S %p', t, dt);
    case 'R': return variables('%H:%M', t, dt);
    case 's': return String(Math.floor(t));
    case 'S': return pad(dt.second, 2);
    case 't': return '\t';
    case 'T': case 'X': return variables('%H:%M:%S', t, dt);
    case 'u': return String(dt.weekday);
    case 'U': return pad(sundayWeek(dt), 2);
    case 'V': return pad(dt.weekNumber, 2);
    case 'w': return String(dt.weekday % 7);
    case 'W': return pad(mondayWeek(dt), 2);
    case 'y': return pad(dt.year % 100, 2);
    case 'Y': return String(dt.year);
    case 'z': return offsetText(dt.offset, 0);
    case ':z': return offsetText(dt.offset, 1);
    case '::z': return offsetText(dt.offset, 2);
    case ':::z': return offsetText(dt.offset, 3);
    case 'Ez': return String(dt.offset);
    case 'Z': return dt.offset === 0 && /^(UTC|Etc\/UTC|GMT)$/i.test(dt.zoneName ?? 'UTC') ? 'UTC' : dt.offsetNameShort ?? offsetText(dt.offset, 0);
    default: return `%${width ?? ''}${v}`;
  }
}

function variables(format: string, t: number, dt: DateTime): string {
  return format.replace(/%(:{0,3}z|[A-Za-z])/g, (_, v: string) => variable(v, undefined, t, dt));
}
