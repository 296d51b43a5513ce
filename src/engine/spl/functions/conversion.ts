/**
 * Conversion and informational functions
 * (https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/evaluation-functions/conversion-functions ,
 * https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/evaluation-functions/informational-functions):
 * tonumber (optional base), tostring ("commas", "hex", "duration"), printf,
 * isnull, isnotnull, isnum, isstr, isint, typeof; and the cryptographic md5/sha1/sha256/sha512.
 */
import { createHash } from 'node:crypto';
import { formatNumber, isMulti, isNumericValue, NumStr, parseNumber, toNumber, toText, type EvalValue } from '../value';
import { roundTo } from './math';
import { eager, EvalRuntimeError, type FunctionSpec } from './types';

function withCommas(n: number): string {
  const rounded = Number.isInteger(n) ? n : roundTo(n, 2);
  const [int, frac] = formatNumber(Math.abs(rounded)).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${rounded < 0 ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

function duration(seconds: number): string {
  const total = Math.floor(Math.abs(seconds));
  const days = Math.floor(total / 86400);
  const h = String(Math.floor((total % 86400) / 3600)).padStart(2, '0');
  const m = String(Math.floor((total % 3600) / 60)).padStart(2, '0');
  const s = String(total % 60).padStart(2, '0');
  return `${seconds < 0 ? '-' : ''}${days > 0 ? `${days}+` : ''}${h}:${m}:${s}`;
}

/** printf-style formatting: %d %i %u %f %F %e %E %g %G %x %X %o %s %c %%, flags - + space 0 # ', width, precision. */
export function printf(format: string, args: EvalValue[]): string {
  let argIndex = 0;
  return format.replace(/%([-+ 0#']*)(\d+|\*)?(?:\.(\d+|\*))?([diufFeEgGxXosc%])/g, (whole, flags: string, w: string | undefined, p: string | undefined, conv: string) => {
    if (conv === '%') return '%';
    const width = w === '*' ? toNumber(args[argIndex++] ?? null) ?? 0 : w ? Number(w) : 0;
    const precision = p === '*' ? toNumber(args[argIndex++] ?? null) ?? 0 : p !== undefined ? Number(p) : undefined;
    const arg = args[argIndex++] ?? null;
    let body: string;
    const n = toNumber(arg) ?? 0;
    let sign = '';
    switch (conv) {
      case 'd': case 'i': case 'u':
        body = String(Math.trunc(Math.abs(n)));
        if (flags.includes("'")) body = body.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
        sign = n < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
        break;
      case 'f': case 'F':
        body = Math.abs(n).toFixed(precision ?? 6);
        if (flags.includes("'")) body = body.replace(/^(\d+)/, (d) => d.replace(/\B(?=(\d{3})+(?!\d))/g, ','));
        sign = n < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
        break;
      case 'e': case 'E':
        body = Math.abs(n).toExponential(precision ?? 6).replace(/e([+-])(\d)$/, 'e$10$2');
        if (conv === 'E') body = body.toUpperCase();
        sign = n < 0 ? '-' : flags.includes('+') ? '+' : '';
        break;
      case 'g': case 'G':
        body = String(Number(Math.abs(n).toPrecision(precision || 6)));
        if (conv === 'G') body = body.toUpperCase();
        sign = n < 0 ? '-' : flags.includes('+') ? '+' : '';
        break;
      case 'x': case 'X':
        body = Math.trunc(Math.abs(n)).toString(16);
        if (flags.includes('#') && n !== 0) body = `0x${body}`;
        if (conv === 'X') body = body.toUpperCase();
        sign = n < 0 ? '-' : '';
        break;
      case 'o':
        body = Math.trunc(Math.abs(n)).toString(8);
        sign = n < 0 ? '-' : '';
        break;
      case 'c':
        body = typeof arg === 'number' || arg instanceof NumStr ? String.fromCharCode(n) : (toText(arg) ?? '').slice(0, 1);
        break;
      default: {
        const text = toText(arg) ?? '';
        body = precision !== undefined ? text.slice(0, precision) : text;
      }
    }
    const content = sign + body;
    if (content.length >= width) return content;
    if (flags.includes('-')) return content.padEnd(width);
    if (flags.includes('0') && conv !== 's' && conv !== 'c') return sign + body.padStart(width - sign.length, '0');
    void whole;
    return content.padStart(width);
  });
}

function hash(algorithm: string): FunctionSpec {
  return eager(1, 1, ([v]) => {
    const t = toText(v);
    return t === null ? null : createHash(algorithm).update(t, 'utf8').digest('hex');
  });
}

export const conversionFunctions: Record<string, FunctionSpec> = {
  tonumber: eager(1, 2, ([v, b]) => {
    const t = toText(v);
    if (t === null) return null;
    if (b === undefined || b === null) {
      const trimmed = t.trim();
      const n = parseNumber(trimmed);
      if (!Number.isNaN(n)) return n;
      if (/^0x[0-9a-f]+$/i.test(trimmed)) return parseInt(trimmed, 16);
      return null;
    }
    const base = toNumber(b);
    if (base === null || base < 2 || base > 36) throw new EvalRuntimeError('tonumber(): the base must be between 2 and 36');
    const digits = t.trim().replace(base === 16 ? /^0x/i : /$^/, '');
    const valid = new RegExp(`^[-+]?[${'0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, base)}]+$`, 'i');
    return valid.test(digits) ? parseInt(digits, base) : null;
  }),
  tostring: eager(1, 2, ([v, f]) => {
    if (v === null) return null;
    if (f === undefined) {
      if (typeof v === 'boolean') return v ? 'True' : 'False';
      if (isMulti(v)) return v;
      return toText(v);
    }
    const format = toText(f);
    const n = toNumber(v);
    if (n === null) return toText(v);
    if (format === 'commas') return withCommas(n);
    if (format === 'hex') return `0x${Math.trunc(n).toString(16).toUpperCase()}`;
    if (format === 'duration') return duration(n);
    throw new EvalRuntimeError(`tostring(): unknown format "${format}" (use "commas", "hex" or "duration")`);
  }),
  printf: eager(1, Infinity, ([f, ...args]) => {
    const format = toText(f);
    return format === null ? null : printf(format, args);
  }),
  isnull: eager(1, 1, ([v]) => v === null, 'boolean'),
  isnotnull: eager(1, 1, ([v]) => v !== null, 'boolean'),
  isnum: eager(1, 1, ([v]) => isNumericValue(v), 'boolean'),
  isint: eager(1, 1, ([v]) => isNumericValue(v) && Number.isInteger(toNumber(v)), 'boolean'),
  isstr: eager(1, 1, ([v]) => typeof v === 'string' || isMulti(v), 'boolean'),
  isbool: eager(1, 1, ([v]) => typeof v === 'boolean', 'boolean'),
  typeof: eager(1, 1, ([v]) =>
    v === null ? 'Invalid' : typeof v === 'boolean' ? 'Boolean' : isNumericValue(v) ? 'Number' : isMulti(v) ? 'Multivalue' : 'String',
  ),
  md5: hash('md5'),
  sha1: hash('sha1'),
  sha256: hash('sha256'),
  sha512: hash('sha512'),
};
