/**
 * Conformance: time modifiers
 * (https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/time-format-variables-and-modifiers/time-modifiers)
 * and date/time format variables
 * (https://help.splunk.com/en/splunk-enterprise/spl-search-reference/9.3/time-format-variables-and-modifiers).
 */
import { resolveTimeModifier } from '../../../../src/engine/spl/time/relative';
import { strftime } from '../../../../src/engine/spl/time/strftime';
import { strptime } from '../../../../src/engine/spl/time/strptime';
import { resolveZone } from '../../../../src/engine/spl/time/zone';

const UTC = resolveZone(undefined);
const NOW = Date.UTC(2026, 2, 14, 10, 37, 45) / 1000; // Saturday 2026-03-14 10:37:45 UTC
const at = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => Date.UTC(y, mo - 1, d, h, mi, s) / 1000;
const mod = (spec: string, zone = UTC) => resolveTimeModifier(spec, NOW, zone);

describe('time modifiers', () => {
  test('now and 0 and epoch seconds', () => {
    expect(mod('now')).toBe(NOW);
    expect(mod('0')).toBe(0);
    expect(mod('1700000000')).toBe(1700000000);
  });
  test('-24h is 24 hours back', () => {
    expect(mod('-24h')).toBe(NOW - 86400);
  });
  test('-24h@h snaps down to the hour', () => {
    expect(mod('-24h@h')).toBe(at(2026, 3, 13, 10));
  });
  test('@d is the start of today', () => {
    expect(mod('@d')).toBe(at(2026, 3, 14));
  });
  test('-7d@w0 snaps to the Sunday on or before seven days ago', () => {
    expect(mod('-7d@w0')).toBe(at(2026, 3, 1));
  });
  test('@w1 snaps to Monday', () => {
    expect(mod('@w1')).toBe(at(2026, 3, 9));
  });
  test('+1h goes forward', () => {
    expect(mod('+1h')).toBe(NOW + 3600);
  });
  test('-1mon@mon is the start of last month', () => {
    expect(mod('-1mon@mon')).toBe(at(2026, 2, 1));
  });
  test('@q and @y', () => {
    expect(mod('@q')).toBe(at(2026, 1, 1));
    expect(mod('@y')).toBe(at(2026, 1, 1));
  });
  test('unit spellings: 30m, 30min, 30minutes; 2s, 2sec', () => {
    expect(mod('-30m')).toBe(NOW - 1800);
    expect(mod('-30min')).toBe(NOW - 1800);
    expect(mod('-30minutes')).toBe(NOW - 1800);
    expect(mod('-2sec')).toBe(NOW - 2);
  });
  test('an offset after the snap: @d+8h (unverified)', () => {
    expect(mod('@d+8h')).toBe(at(2026, 3, 14, 8));
  });
  test('the snap follows the time zone', () => {
    expect(mod('@d', resolveZone('America/New_York'))).toBe(at(2026, 3, 14, 4));
  });
  test('absolute %m/%d/%Y:%H:%M:%S', () => {
    expect(mod('03/01/2026:08:00:00')).toBe(at(2026, 3, 1, 8));
  });
  test('invalid modifiers and real-time are errors', () => {
    expect(() => mod('yesterday')).toThrow(/invalid time modifier/);
    expect(() => mod('-5x')).toThrow(/unknown time unit/);
    expect(() => mod('rt-5m')).toThrow(/real-time/);
  });
});

describe('strftime', () => {
  const t = at(2026, 3, 4, 15, 7, 9) + 0.125; // exactly representable
  test('date and time variables', () => {
    expect(strftime(t, '%Y-%m-%d %H:%M:%S', UTC)).toBe('2026-03-04 15:07:09');
    expect(strftime(t, '%y %e %j %I %p %k', UTC)).toBe('26  4 063 03 PM 15');
  });
  test('names: %a %A %b %B', () => {
    expect(strftime(t, '%a %A %b %B', UTC)).toBe('Wed Wednesday Mar March');
  });
  test('subseconds: %3N %6N %N (9 digits by default) and %Q (3 by default)', () => {
    expect(strftime(t, '%3N|%6N|%N|%Q', UTC)).toBe('125|125000|125000000|125');
  });
  test('%s is epoch seconds', () => {
    expect(strftime(t, '%s', UTC)).toBe(String(Math.floor(t)));
  });
  test('%T %F and %%', () => {
    expect(strftime(t, '%F %T %%', UTC)).toBe('2026-03-04 15:07:09 %');
  });
  test('%z %:z %Z in a zone', () => {
    expect(strftime(t, '%z %:z', resolveZone('Asia/Kolkata'))).toBe('+0530 +05:30');
    expect(strftime(t, '%Z', UTC)).toBe('UTC');
  });
  test('%+ is the date with time zone', () => {
    expect(strftime(t, '%+', UTC)).toBe('Wed Mar  4 15:07:09 UTC 2026');
  });
});

describe('strptime', () => {
  test('parses %Y-%m-%dT%H:%M:%S', () => {
    expect(strptime('2026-03-04T15:07:09', '%Y-%m-%dT%H:%M:%S', UTC)).toBe(at(2026, 3, 4, 15, 7, 9));
  });
  test('subseconds with %3N', () => {
    expect(strptime('2026-03-04 15:07:09.250', '%Y-%m-%d %H:%M:%S.%3N', UTC)).toBeCloseTo(at(2026, 3, 4, 15, 7, 9) + 0.25, 6);
  });
  test('month names and 12-hour clock', () => {
    expect(strptime('Mar 4 2026 03:07:09 PM', '%b %d %Y %I:%M:%S %p', UTC)).toBe(at(2026, 3, 4, 15, 7, 9));
  });
  test('%z offset in the text wins over the zone', () => {
    expect(strptime('2026-03-04 15:07:09 -0500', '%Y-%m-%d %H:%M:%S %z', UTC)).toBe(at(2026, 3, 4, 20, 7, 9));
  });
  test('the zone applies when the text has none', () => {
    expect(strptime('2026-03-04 15:07:09', '%Y-%m-%d %H:%M:%S', resolveZone('Europe/Berlin'))).toBe(at(2026, 3, 4, 14, 7, 9));
  });
  test('%s epoch', () => {
    expect(strptime('1700000000', '%s', UTC)).toBe(1700000000);
  });
  test('text that does not fit is null', () => {
    expect(strptime('2026/03/04', '%Y-%m-%d', UTC)).toBeNull();
    expect(strptime('2026-13-04', '%Y-%m-%d', UTC)).toBeNull();
  });
});
