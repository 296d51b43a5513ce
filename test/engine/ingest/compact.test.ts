import type { SplunkEvent } from '../../../src/engine/event';
import { compactEvent, endInterning, intern } from '../../../src/engine/ingest/compact';

function event(extra: Record<string, unknown>): SplunkEvent {
  return { _time: 1773482400.5, _raw: 'raw text', host: 'h', source: 's', sourcetype: 'st', index: 'main', linecount: 1, ...extra } as SplunkEvent;
}

describe('compactEvent', () => {
  afterEach(endInterning);

  it('keeps every field, its value and the field order', () => {
    const input = event({ b: 'x', a: ['1', '2'], tag: ['process', 'report'], n: 3 });
    const out = compactEvent(input);
    expect(out).toEqual(input);
    expect(Object.keys(out)).toEqual(Object.keys(input));
    expect(out).not.toBe(input);
  });

  it('gives events of the same shape objects with the same keys, and different shapes their own', () => {
    const one = compactEvent(event({ a: '1', b: '2' }));
    const two = compactEvent(event({ a: '3', b: '4' }));
    const other = compactEvent(event({ b: '2', a: '1' }));
    expect(Object.keys(one)).toEqual(Object.keys(two));
    expect(Object.keys(other).slice(-2)).toEqual(['b', 'a']);
    expect([one.a, two.a, other.a]).toEqual(['1', '3', '1']);
  });

  it('returns the event itself when it cannot be rebuilt by an object literal', () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 130; i++) many[`f${i}`] = String(i);
    const wide = event(many);
    expect(compactEvent(wide)).toBe(wide);
    const proto = event({});
    Object.defineProperty(proto, '__proto__', { value: 'v', enumerable: true, writable: true, configurable: true });
    expect(compactEvent(proto)).toBe(proto);
  });
});

describe('intern', () => {
  afterEach(endInterning);

  it('returns the same text for every input (identity of the stored string is not observable in JavaScript)', () => {
    const a = intern('Microsoft-Windows-Sysmon/Operational'.slice(0));
    const b = intern(['Microsoft-Windows-Sysmon', 'Operational'].join('/'));
    expect(a).toBe('Microsoft-Windows-Sysmon/Operational');
    expect(b).toBe(a);
  });

  it('passes long values and values that look unique (4 digits in a row) through unchanged', () => {
    const long = 'x'.repeat(300);
    expect(intern(long)).toBe(long);
    expect(intern('{4f2c1a9e-3b21-65f2-5c04-000000002b00}')).toBe('{4f2c1a9e-3b21-65f2-5c04-000000002b00}');
  });
});
