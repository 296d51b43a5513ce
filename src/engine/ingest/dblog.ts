/**
 * Database server logs: the MySQL general query log (`mysql:*`) and PostgreSQL server
 * logs (`postgresql*`) with the default `%m [%p] ` line prefix. Lines without a
 * timestamp continue the previous event.
 */
import type { IngestOptions, IngestResult, Row, SplunkEvent } from '../event';
import { metaFor, newEvent, setField } from './fields';
import { compactEvent } from './compact';
import { isBlank, splitLines } from './text';
import { parseIsoTime } from './time';

interface Parsed {
  time: number;
  fields: Row;
}

type LineParser = (line: string) => Parsed | undefined | 'invalid-time';

const MYSQL = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?)\s+(\d+)\s+(\S+)(?:\s+(.*))?$/;
/** Lines mysqld writes at the top of the file and on restart. */
export const MYSQL_HEADER = /^(\S+, Version: .*started with:|Tcp port: \d+ .*|Time\s+Id\s+Command\s+Argument)\s*$/;

const POSTGRES = /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)?)(?: (UTC|GMT|[+-]\d{2}(?::?\d{2})?))? \[(\d+)\](?:\s+(\S*)@(\S*))?\s+([A-Z]+):\s+(.*)$/;

const mysqlLine: LineParser = (line) => {
  const m = MYSQL.exec(line);
  if (!m) return undefined;
  const time = parseIsoTime(m[1]);
  if (time === undefined) return 'invalid-time';
  const fields: Row = {};
  setField(fields, 'thread_id', m[2]);
  setField(fields, 'command', m[3]);
  setField(fields, 'argument', m[4]?.trim());
  return { time, fields };
};

const postgresLine: LineParser = (line) => {
  const m = POSTGRES.exec(line);
  if (!m) return undefined;
  const zone = m[2] === undefined || m[2] === 'UTC' || m[2] === 'GMT' ? 'Z' : m[2];
  const time = parseIsoTime(`${m[1]}${zone}`);
  if (time === undefined) return 'invalid-time';
  const fields: Row = {};
  setField(fields, 'pid', m[3]);
  setField(fields, 'user', m[4]);
  setField(fields, 'database', m[5]);
  setField(fields, 'severity', m[6]);
  setField(fields, 'message', m[7]);
  return { time, fields };
};

export function ingestMysqlLog(text: string, file: string, options: IngestOptions): IngestResult {
  return ingestWithContinuations(text, file, options, mysqlLine, 'MySQL general query log', (l) => MYSQL_HEADER.test(l));
}

export function ingestPostgresLog(text: string, file: string, options: IngestOptions): IngestResult {
  return ingestWithContinuations(text, file, options, postgresLine, 'PostgreSQL log ("2026-03-14 10:12:01.123 UTC [pid] LEVEL:  message")', () => false);
}

function ingestWithContinuations(
  text: string,
  file: string,
  options: IngestOptions,
  parse: LineParser,
  what: string,
  isHeader: (line: string) => boolean,
): IngestResult {
  const events: SplunkEvent[] = [];
  const rejected: IngestResult['rejected'] = [];
  const meta = metaFor(options, file);
  const lines = splitLines(text);
  let current: { event: SplunkEvent; lines: string[] } | undefined;
  const flush = () => {
    if (!current) return;
    if (current.lines.length > 1) {
      current.event._raw = current.lines.join('\n');
      current.event.linecount = current.lines.length;
      const last = current.event.argument !== undefined ? 'argument' : current.event.message !== undefined ? 'message' : undefined;
      if (last) current.event[last] = `${current.event[last]}\n${current.lines.slice(1).join('\n')}`;
    }
    events.push(compactEvent(current.event));
    current = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (isBlank(line)) continue;
    if (isHeader(line)) {
      flush();
      continue;
    }
    const parsed = parse(line);
    if (parsed === 'invalid-time') {
      flush();
      rejected.push({ file, line: i + 1, reason: `${what} line with an invalid timestamp` });
      continue;
    }
    if (parsed === undefined) {
      if (current) current.lines.push(line);
      else rejected.push({ file, line: i + 1, reason: `line before the first timestamped ${what} line` });
      continue;
    }
    flush();
    const event = newEvent(line, parsed.time, meta, 1);
    Object.assign(event, parsed.fields);
    current = { event, lines: [line] };
  }
  flush();
  return { events, rejected };
}
