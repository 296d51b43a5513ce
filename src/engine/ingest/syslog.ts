/**
 * Syslog headers as ESXi and Linux hosts send them: optional `<PRI>`, optional RFC 5424
 * version, an ISO 8601 timestamp, the host, then `program[pid]: message`.
 */
import { parseIsoTime } from './time';

export interface SyslogHeader {
  time: number;
  host: string;
  app?: string;
  pid?: string;
  message: string;
  severity?: string;
  facility?: string;
}

const HEADER = /^(?:<(\d{1,3})>)?(?:1 )?(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?) (\S+) (?:(?:In|Wa|Er|Db|No|Cr|Al|Em|Vb)\(\d+\) )?(.*)$/;
const RFC5424_REST = /^(\S+) (\S+) (\S+) (-|\[.*?\]) ?(.*)$/;
const PROGRAM = /^([A-Za-z][\w.\-/]*)(?:\[(\d+)\])?:\s?(.*)$/;

const SEVERITIES = ['emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug'];
const FACILITIES = ['kern', 'user', 'mail', 'daemon', 'auth', 'syslog', 'lpr', 'news', 'uucp', 'cron', 'authpriv', 'ftp', 'ntp', 'security', 'console', 'solaris-cron', 'local0', 'local1', 'local2', 'local3', 'local4', 'local5', 'local6', 'local7'];

export function parseSyslogHeader(line: string): SyslogHeader | undefined {
  const m = HEADER.exec(line);
  if (!m) return undefined;
  const time = parseIsoTime(m[2]);
  if (time === undefined) return undefined;
  const header: SyslogHeader = { time, host: m[3], message: m[4] };
  if (m[1] !== undefined) {
    const pri = Number(m[1]);
    header.severity = SEVERITIES[pri % 8];
    header.facility = FACILITIES[pri >> 3];
  }
  const isRfc5424 = /^<\d{1,3}>1 /.test(line);
  if (isRfc5424) {
    const r = RFC5424_REST.exec(m[4]);
    if (r) {
      if (r[1] !== '-') header.app = r[1];
      if (r[2] !== '-') header.pid = r[2];
      header.message = r[5];
    }
    return header;
  }
  const p = PROGRAM.exec(m[4]);
  if (p) {
    header.app = p[1];
    header.pid = p[2];
    header.message = p[3];
    const numbered = /^(\d+):\s?(.*)$/.exec(p[3]);
    if (header.pid === undefined && numbered) {
      header.pid = numbered[1]; // `esxupdate: 2103712: …`
      header.message = numbered[2];
    }
  }
  return header;
}
