/** The shared loop of the one-event-per-line formats: skipping, rejection line numbers, compaction. */
import type { SplunkEvent } from '../../../src/engine/event';
import { ingestLineEvents } from '../../../src/engine/ingest/line-events';

const event = (raw: string): SplunkEvent => ({ _time: 1773482400, _raw: raw, host: 'web01', source: 'access.log', sourcetype: 'access_combined', index: 'main', linecount: 1 });

describe('ingestLineEvents', () => {
  const text = '#Version: 1.0\r\nGET /a.aspx\r\n\r\n   \r\nPOST\r\nGET /b.aspx\r\n';
  const parsed: string[] = [];
  const result = ingestLineEvents(text, 'u_ex260314.log', (line) => {
    parsed.push(line);
    if (line.startsWith('#')) return undefined;
    if (!line.includes(' ')) return `request line "${line}" has no path`;
    return { ...event(line), uri: line.split(' ')[1] };
  });

  test('blank lines never reach the parser; CR is stripped', () => {
    expect(parsed).toEqual(['#Version: 1.0', 'GET /a.aspx', 'POST', 'GET /b.aspx']);
  });
  test('events in order, a skipped line is neither event nor rejection', () => {
    expect(result.events.map((e) => [e._raw, e.uri])).toEqual([
      ['GET /a.aspx', '/a.aspx'],
      ['GET /b.aspx', '/b.aspx'],
    ]);
  });
  test('a rejection names the file and the 1-based line, counting blank lines', () => {
    expect(result.rejected).toEqual([{ file: 'u_ex260314.log', line: 5, reason: 'request line "POST" has no path' }]);
  });
});
