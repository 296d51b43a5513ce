// Round trips for the line-based formats, with field names from docs/sourcetypes.md.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ingestFile, ingestText, supportedSourcetypes } from '../../../src/engine/ingest';
import { FIXTURES, load, tags } from './helpers';

const utc = (y: number, mo: number, d: number, h: number, mi: number, s: number) => Date.UTC(y, mo - 1, d, h, mi, s) / 1000;

describe('ms:iis:auto (IIS W3C extended log)', () => {
  const r = load('iis_u_ex260314.w3c', 'ms:iis:auto');

  it('takes the columns from #Fields:, also when the header changes mid-file', () => {
    expect(r.events).toHaveLength(3);
    const [first, , third] = r.events;
    expect(first).toMatchObject({ cs_method: 'GET', cs_uri_stem: '/owa/auth/logon.aspx', c_ip: '198.51.100.23', sc_status: '200', time_taken: '31', s_port: '443' });
    expect(first.s_computername).toBeUndefined();
    expect(third).toMatchObject({ s_sitename: 'W3SVC1', s_computername: 'EXCH01', cs_version: 'HTTP/1.1', cs_host: 'mail.corp.example.com', sc_bytes: '1520', cs_bytes: '884', cs_username: 'CORP\\jdoe' });
  });

  it('cleans the W3C names as Splunk does and leaves "-" values absent', () => {
    const first = r.events[0];
    expect(first.cs_User_Agent_).toBe('Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64)+AppleWebKit/537.36');
    expect(first.cs_Referer_).toBeUndefined();
    expect(first.cs_username).toBeUndefined();
  });

  it('gives _time from date and time in UTC', () => {
    expect(r.events[0]._time).toBe(utc(2026, 3, 14, 10, 12, 0));
    expect(r.events[2]._time).toBe(utc(2026, 3, 14, 11, 2, 11));
  });

  it('adds the Web CIM fields and tag=web', () => {
    const [first, second, third] = r.events;
    expect(tags(first)).toEqual(['web']);
    expect(first).toMatchObject({
      src: '198.51.100.23',
      dest: '10.20.1.15',
      dest_port: '443',
      http_method: 'GET',
      uri_path: '/owa/auth/logon.aspx',
      uri_query: 'replaceCurrent=1&url=https%3a%2f%2fmail.corp.example.com%2fowa%2f',
      url: '/owa/auth/logon.aspx?replaceCurrent=1&url=https%3a%2f%2fmail.corp.example.com%2fowa%2f',
      status: '200',
      http_user_agent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36',
      vendor_product: 'Microsoft IIS',
    });
    expect(second.url).toBe('/owa/auth/errorEE.aspx');
    expect(second.uri_query).toBeUndefined();
    expect(third).toMatchObject({ dest: 'EXCH01', host: 'EXCH01', user: 'CORP\\jdoe', bytes_in: '884', bytes_out: '1520', site: 'mail.corp.example.com', http_referrer: 'https://mail.corp.example.com/owa/' });
  });

  it('rejects a line whose value count differs from #Fields: and a line with an impossible date, with line numbers', () => {
    expect(r.rejected.map((x) => [x.line, x.reason])).toEqual([
      [7, 'W3C line has 7 values but "#Fields:" names 15 columns'],
      [13, expect.stringContaining('no valid "date" and "time"')],
    ]);
  });

  it('rejects data before any #Fields: directive', () => {
    const res = ingestText('2026-03-14 10:12:00 10.0.0.1 GET / - 80\n', 'x.log', { sourcetype: 'ms:iis:auto' });
    expect(res.rejected).toEqual([{ file: 'x.log', line: 1, reason: 'W3C data line before any "#Fields:" directive' }]);
  });
});

describe('access_combined (Apache, nginx, Tomcat)', () => {
  const r = load('access_combined.access', 'access_combined', { host: 'www01' });

  it("extracts Splunk's access-log fields from a combined line", () => {
    const e = r.events[0];
    expect(e).toMatchObject({
      clientip: '203.0.113.7',
      method: 'POST',
      uri: '/wp-content/uploads/2026/03/x.php?c=id',
      uri_path: '/wp-content/uploads/2026/03/x.php',
      uri_query: 'c=id',
      version: 'HTTP/1.1',
      status: '200',
      bytes: '512',
      useragent: 'Mozilla/5.0 (X11; Linux x86_64)',
      root: 'wp-content',
      file: 'x.php',
      req_time: '14/Mar/2026:10:12:01 +0100',
    });
    expect(e.ident).toBeUndefined();
    expect(e.user).toBeUndefined();
    expect(e.referer).toBeUndefined();
  });

  it('applies the time zone offset of the bracketed time', () => {
    expect(r.events[0]._time).toBe(utc(2026, 3, 14, 9, 12, 1));
  });

  it('adds the Web CIM fields and tag=web', () => {
    const e = r.events[1];
    expect(tags(e)).toEqual(['web']);
    expect(e).toMatchObject({ src: '10.20.1.9', user: 'alice', http_method: 'GET', url: '/index.html', status: '304', http_referrer: 'https://www.corp.example.com/', dest: 'www01', host: 'www01' });
    expect(e.bytes).toBeUndefined();
  });

  it('accepts the common log format (no referer, no user agent) and binary probes', () => {
    expect(r.events[2]).toMatchObject({ status: '401', bytes: '2473', uri: '/manager/html' });
    expect(r.events[2].useragent).toBeUndefined();
    const probe = r.events[3];
    expect(probe.status).toBe('400');
    expect(probe.method).toBeUndefined();
  });

  it('keeps a line with bytes that are not UTF-8, decoded as Latin-1', () => {
    const e = r.events[4];
    expect(e.uri).toBe('/café');
    expect(e.useragent).toBe('Mozilla/5.0 (résumé)');
  });

  it('rejects what is not an access line, and an impossible date, with line numbers', () => {
    expect(r.events).toHaveLength(5);
    expect(r.rejected.map((x) => x.line)).toEqual([4, 6]);
    expect(r.rejected[1].reason).toContain('[31/Feb/2026:09:12:05 +0000]');
  });
});

describe('_json and t1505:inventory:<kind> (KV_MODE=json)', () => {
  const r = load('inventory_iis_modules.json', 't1505:inventory:iis_modules');

  it('flattens nested objects with "." and arrays as multivalue "{}"', () => {
    const e = r.events[0];
    expect(e).toMatchObject({
      kind: 'iis_modules',
      'modules{}.name': ['HttpCacheModule', 'HttpCacheModuleX'],
      'modules{}.image': ['%windir%\\System32\\inetsrv\\cachhttp.dll', 'C:\\Windows\\System32\\inetsrv\\iisrtl64.dll'],
      'modules{}.signed': 'false',
      count: '2',
      'tags{}': ['iis', 'prod'],
      'site.name': 'Default Web Site',
      'site.bindings.https': '443',
      sourcetype: 't1505:inventory:iis_modules',
      host: 'WEB01.corp.example.com',
    });
    expect(e.owner).toBeUndefined();
    expect(e._time).toBe(utc(2026, 3, 14, 10, 0, 0));
  });

  it('reads epoch seconds from "timestamp" and leaves an empty array absent', () => {
    const e = r.events[1];
    expect(e._time).toBe(1773482400.5);
    expect(e['modules{}']).toBeUndefined();
    expect(e.count).toBe('0');
  });

  it('rejects lines without a timestamp, non-objects and broken JSON, with line numbers', () => {
    expect(r.events).toHaveLength(2);
    expect(r.rejected.map((x) => [x.line, x.reason.split(':')[0]])).toEqual([
      [3, 'no timestamp'],
      [4, 'JSON line is not an object'],
      [5, 'not valid JSON'],
    ]);
  });

  it('keeps keys that are special in JavaScript (__proto__, constructor) as fields', () => {
    const res = ingestText('{"time": 1773482400, "__proto__": {"polluted": "yes"}, "constructor": "x", "toString": 1}\n', 'p.json', { sourcetype: '_json' });
    const e = res.events[0];
    expect(Object.keys(e)).toEqual(expect.arrayContaining(['__proto__.polluted', 'constructor', 'toString']));
    expect(e['__proto__.polluted']).toBe('yes');
    expect(e.constructor).toBe('x');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const flat = ingestText('{"time": 1773482400, "__proto__": "v"}\n', 'p.json', { sourcetype: '_json' }).events[0];
    expect(Object.getOwnPropertyDescriptor(flat, '__proto__')?.value).toBe('v');
    expect(Object.getPrototypeOf(flat)).toBe(Object.prototype);
  });

  it('ingests _json the same way', () => {
    const res = ingestText('{"_time": 1773482400, "a": {"b": [1, {"c": "x"}]}}\n', 'j.json', { sourcetype: '_json' });
    expect(res.events[0]).toMatchObject({ 'a.b{}': '1', 'a.b{}.c': 'x', _time: 1773482400, host: 'localhost', source: 'j.json' });
  });
});

describe('linux:audit', () => {
  const r = load('audit.audit', 'linux:audit');

  it('takes _time and the event serial from msg=audit(…) and extracts key=value pairs', () => {
    const e = r.events[0];
    expect(e._time).toBeCloseTo(1773482521.123, 3);
    expect(e).toMatchObject({ type: 'SYSCALL', msg: 'audit(1773482521.123:98412)', audit_id: '98412', syscall: '59', success: 'yes', exe: '/usr/bin/dash', comm: 'sh', uid: '33', ppid: '2211', key: 'webshell_exec', a0: '55d1c6f0a2b0', tty: '(none)' });
  });

  it('keeps quoted and hex values as logged (no decoding)', () => {
    expect(r.events[1]).toMatchObject({ type: 'EXECVE', a0: 'sh', a1: '-c', a2: 'id;uname -a', audit_id: '98412' });
    expect(r.events[2].proctitle).toBe('7368002D630069643B756E616D65202D61');
  });

  it("extracts the fields nested in a USER_* record's msg='…'", () => {
    expect(r.events[3]).toMatchObject({ type: 'USER_LOGIN', op: 'login', acct: 'deploy', exe: '/usr/sbin/sshd', addr: '198.51.100.23', res: 'failed', hostname: '?', msg: 'audit(1773482600.000:98500)' });
  });

  it('takes host from node= and rejects a line that is not an audit record', () => {
    expect(r.events[4].host).toBe('web01.corp.example.com');
    expect(r.events[0].host).toBe('localhost');
    expect(r.rejected).toEqual([{ file: path.join(FIXTURES, 'audit.audit'), line: 6, reason: expect.stringContaining('msg=audit(') }]);
  });
});

describe('vmw-syslog (ESXi)', () => {
  const r = load('esxi.syslog', 'vmw-syslog');

  it('takes host and _time from the syslog header and program and pid from the tag', () => {
    const [hostd, shell] = r.events;
    expect(hostd).toMatchObject({ host: 'esx01.corp.example.com', app: 'hostd', pid: '2099411', severity: 'info', facility: 'local4' });
    expect(hostd._time).toBeCloseTo(utc(2026, 3, 14, 10, 12, 1) + 0.123, 3);
    expect(shell).toMatchObject({ app: 'shell', pid: '2100377', message: '[root]: esxcli software acceptance set --level CommunitySupported', facility: 'user' });
  });

  it('reads esxupdate (pid after the colon), RFC 5424 vpxa lines and ESXi 8 severity tokens', () => {
    expect(r.events[3]).toMatchObject({ app: 'esxupdate', pid: '2103712', message: 'root: INFO: Command = profile.install ... vmware-esxi-backdoor' });
    expect(r.events[3].severity).toBeUndefined();
    expect(r.events[4]).toMatchObject({ app: 'vpxa', pid: '2099500', message: 'Received callback in WaitForUpdatesDone' });
    expect(r.events[5]).toMatchObject({ host: 'esx02.corp.example.com', app: 'hostd', pid: '2011' });
  });

  it('rejects a header without a year and a line without a header', () => {
    expect(r.events).toHaveLength(6);
    expect(r.rejected.map((x) => x.line)).toEqual([7, 8]);
    expect(r.rejected[0].reason).toContain('syslog header without a year');
    expect(r.rejected[1].reason).toContain('not a syslog line');
  });

  it('accepts the vmware:esxlog:* sourcetypes', () => {
    expect(load('esxi.syslog', 'vmware:esxlog:hostd').events).toHaveLength(6);
  });
});

describe('sysmon:linux', () => {
  const r = load('sysmon_linux.syslog', 'sysmon:linux');

  it('reads the Sysmon XML in the syslog line, source from the channel, host from Computer', () => {
    const e = r.events[0];
    expect(e).toMatchObject({ source: 'Syslog:Linux-Sysmon/Operational', host: 'web01', EventCode: '1', Image: '/usr/bin/dash', CommandLine: 'sh -c id;uname -a', UserId: '0', Name: 'Linux-Sysmon' });
    expect(e._time).toBeCloseTo(utc(2026, 3, 14, 10, 12, 1) + 0.225301, 6);
  });

  it('applies the Sysmon CIM mappings with POSIX paths', () => {
    const [proc, file] = r.events;
    expect(tags(proc)).toEqual(['process', 'report']);
    expect(proc).toMatchObject({ process_name: 'dash', parent_process_name: 'apache2', parent_process: '/usr/sbin/apache2 -k start', user: 'www-data', dest: 'web01', vendor_product: 'Microsoft Sysmon for Linux' });
    expect(tags(file)).toEqual(['endpoint', 'filesystem']);
    expect(file).toMatchObject({ file_path: '/usr/lib/apache2/modules/mod_authz_ssl.so', file_name: 'mod_authz_ssl.so', process_name: 'apache2', action: 'created' });
  });

  it('rejects an incomplete event and a line without XML', () => {
    expect(r.rejected.map((x) => [x.line, x.reason.slice(0, 30)])).toEqual([
      [3, 'malformed Sysmon for Linux eve'],
      [4, 'no "<Event" XML in the line'],
    ]);
  });
});

describe('database logs', () => {
  it('reads the MySQL general query log, skipping its header lines and joining continuation lines', () => {
    const r = load('mysql_general.mysql', 'mysql:generalQueryLog');
    expect(r.rejected).toEqual([]);
    expect(r.events.map((e) => e.command)).toEqual(['Connect', 'Query', 'Query', 'Quit']);
    const create = r.events[2];
    expect(create).toMatchObject({ thread_id: '42', argument: "CREATE FUNCTION sys_exec RETURNS integer\nSONAME 'lib_mysqludf_sys.so'", linecount: 2 });
    expect(create._time).toBeCloseTo(utc(2026, 3, 14, 10, 12, 3) + 0.5, 6);
  });

  it('reads PostgreSQL logs with the default prefix, applying the zone', () => {
    const r = load('postgresql.pglog', 'postgresql');
    expect(r.rejected).toEqual([]);
    expect(r.events).toHaveLength(3);
    expect(r.events[0]).toMatchObject({ pid: '2044', user: 'postgres', database: 'app', severity: 'LOG', linecount: 2 });
    expect(String(r.events[0].message)).toContain("AS '/tmp/pg_exec.so'");
    expect(r.events[1]._time).toBe(utc(2026, 3, 14, 10, 12, 2));
    expect(r.events[2].user).toBeUndefined();
  });

  it('rejects a line before the first timestamped line', () => {
    const r = ingestText('orphan continuation\n2026-03-14 10:12:01.123 UTC [1] LOG:  ok\n', 'pg.log', { sourcetype: 'postgresql' });
    expect(r.events).toHaveLength(1);
    expect(r.rejected[0]).toMatchObject({ line: 1 });
  });
});

describe('registry and input errors', () => {
  it('lists the supported sourcetypes', () => {
    expect(supportedSourcetypes()).toEqual(expect.arrayContaining(['XmlWinEventLog', '_json', 'ms:iis:auto', 'access_combined', 'linux:audit', 'sysmon:linux', 'vmw-syslog', 't1505:inventory:*']));
  });

  it('names an unknown sourcetype and the supported ones', () => {
    expect(() => ingestText('x', 'f', { sourcetype: 'WinEventLog' })).toThrow(/unknown sourcetype "WinEventLog"; supported: XmlWinEventLog, _json/);
    expect(() => ingestText('x', 'f', { sourcetype: 'xmlwineventlog' })).toThrow(/unknown sourcetype/); // sourcetypes are case-sensitive
    expect(() => ingestText('x', 'f', { sourcetype: 't1505:inventory' })).toThrow(/unknown sourcetype/);
  });

  it('names an unreadable file and why', () => {
    expect(() => ingestFile('/nonexistent/events.xml', { sourcetype: 'XmlWinEventLog' })).toThrow('cannot read input file "/nonexistent/events.xml": no such file');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-'));
    try {
      expect(() => ingestFile(dir, { sourcetype: '_json' })).toThrow(/it is a directory/);
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
  });

  it('handles CRLF line endings, a UTF-8 BOM and blank lines without rejections', () => {
    const text = '\ufeff{"time": 1773482400, "a": 1}\r\n\r\n{"time": 1773482401, "a": 2}\r\n';
    const r = ingestText(Buffer.from(text, 'utf8'), 'crlf.json', { sourcetype: '_json' });
    expect(r.rejected).toEqual([]);
    expect(r.events.map((e) => e._raw)).toEqual(['{"time": 1773482400, "a": 1}', '{"time": 1773482401, "a": 2}']);
  });
});
