/**
 * The event index only narrows: for any base search and window, the engine returns
 * exactly what testing every event would return, in the same (newest-first) order.
 */
import fc from 'fast-check';
import type { Row, SplunkEvent } from '../../../src/engine/event';
import { candidateEvents } from '../../../src/engine/spl/eventIndex';
import { compileSearch } from '../../../src/engine/spl/searchMatch';
import { parseSearchExpression } from '../../../src/engine/spl/searchExpr';
import { TokenStream } from '../../../src/engine/spl/args';
import { lexSearch } from '../../../src/engine/spl/lexer';
import { resolveZone } from '../../../src/engine/spl/time/zone';
import { newestFirst } from '../../../src/engine/search';

const zone = resolveZone(undefined);
const parse = (s: string) => parseSearchExpression(new TokenStream(lexSearch(s, 0, s.length), s.length, 'search'));

const event = fc.record({
  _time: fc.integer({ min: 0, max: 100 }),
  sourcetype: fc.constantFrom('XmlWinEventLog', 'access_combined', 'ms:iis:auto', 'linux:audit'),
  source: fc.constantFrom('XmlWinEventLog:Security', 'XmlWinEventLog:Application', '/var/log/httpd/access.log'),
  tag: fc.oneof(fc.constant(undefined), fc.constantFrom('web', 'process'), fc.constant(['process', 'report'])),
  user: fc.constantFrom('bob', 'eve'),
});
const search = fc.constantFrom(
  'sourcetype=XmlWinEventLog',
  'sourcetype=access*',
  'sourcetype=XMLWINEVENTLOG user=bob',
  '(sourcetype=ms:iis:auto OR sourcetype=access_combined)',
  'sourcetype IN (linux:audit, "ms:iis:auto")',
  'tag=process tag=report',
  'source="XmlWinEventLog:*" NOT user=eve',
  'user=bob OR sourcetype=linux:audit',
  'NOT sourcetype=XmlWinEventLog',
  '*',
);

describe('candidateEvents', () => {
  test('gives the same rows as testing every event', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 60 }), search, fc.option(fc.integer({ min: 0, max: 100 })), fc.option(fc.integer({ min: 0, max: 101 })), (raw, spl, earliest, latest) => {
        const events = newestFirst(raw.map((r) => ({ ...r, _raw: '', host: 'h', index: 'main', linecount: 1 }) as unknown as SplunkEvent));
        const test = compileSearch(parse(spl), { now: 0, zone });
        const lo = earliest ?? undefined;
        const hi = latest ?? undefined;
        const expected = events.filter((e: Row) => (lo === undefined || (e._time as number) >= lo) && (hi === undefined || (e._time as number) < hi) && test(e));
        expect(candidateEvents(events, parse(spl), lo, hi).filter(test)).toEqual(expected);
      }),
      { numRuns: 300, seed: 5 },
    );
  });
});
