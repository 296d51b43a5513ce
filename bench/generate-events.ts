/**
 * Deterministic (seeded) generator of realistic mixed events for the engine benchmark:
 * Windows XML (Sysmon 1/3/11/13, Security 4688, Application MSSQL 15457, PowerShell 4104),
 * IIS W3C, access_combined, linux:audit, ESXi syslog and JSON inventory lines, with a
 * sprinkling of T1505 activity so the saved searches have something to find.
 */
import * as fs from 'fs';
import * as path from 'path';

export interface GeneratedInput {
  file: string;
  sourcetype: string;
  events: number;
}

/** Share of each format in the mix (sums to 1). */
const MIX: { kind: Kind; share: number }[] = [
  { kind: 'windows', share: 0.35 },
  { kind: 'iis', share: 0.2 },
  { kind: 'access', share: 0.15 },
  { kind: 'audit', share: 0.12 },
  { kind: 'esxi', share: 0.1 },
  { kind: 'json', share: 0.08 },
];
type Kind = 'windows' | 'iis' | 'access' | 'audit' | 'esxi' | 'json';

const SOURCETYPE: Record<Kind, string> = {
  windows: 'XmlWinEventLog',
  iis: 'ms:iis:auto',
  access: 'access_combined',
  audit: 'linux:audit',
  esxi: 'vmw-syslog',
  json: 't1505:inventory:iis_modules',
};

/** Events per file: keeps every file far below V8's maximum string length. */
const EVENTS_PER_FILE = 50_000;

/** mulberry32: small, fast, seedable. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Gen {
  private readonly r: () => number;
  private record = 100000;
  constructor(seed: number) {
    this.r = rng(seed);
  }
  int(n: number): number {
    return Math.floor(this.r() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
  chance(p: number): boolean {
    return this.r() < p;
  }
  hex(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += '0123456789abcdef'[this.int(16)];
    return s;
  }
  guid(): string {
    return `{${this.hex(8)}-${this.hex(4)}-${this.hex(4)}-${this.hex(4)}-${this.hex(12)}}`;
  }
  nextRecord(): number {
    return (this.record += 1 + this.int(3));
  }
}

const WIN_HOSTS = ['WEB01', 'WEB02', 'EXCH01', 'SQL01', 'SQL02', 'RDS01', 'DC01', 'APP03'].map((h) => `${h}.corp.example.com`);
const USERS = ['CORP\\jdoe', 'CORP\\asmith', 'NT AUTHORITY\\SYSTEM', 'IIS APPPOOL\\DefaultAppPool', 'CORP\\svc_backup', 'NT SERVICE\\MSSQLSERVER'];
const PROCS = [
  ['C:\\Windows\\System32\\svchost.exe', 'svchost.exe -k netsvcs -p'],
  ['C:\\Windows\\System32\\conhost.exe', '\\??\\C:\\Windows\\system32\\conhost.exe 0xffffffff -ForceV1'],
  ['C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE', '"C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE"'],
  ['C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', 'powershell.exe -NoProfile -ExecutionPolicy Bypass -File C:\\Scripts\\Report-DiskSpace.ps1'],
  ['C:\\Windows\\System32\\cmd.exe', 'cmd.exe /c dir C:\\inetpub\\logs'],
  ['C:\\Windows\\System32\\inetsrv\\w3wp.exe', 'c:\\windows\\system32\\inetsrv\\w3wp.exe -ap "DefaultAppPool" -v "v4.0"'],
];
const PARENTS = ['C:\\Windows\\explorer.exe', 'C:\\Windows\\System32\\services.exe', 'C:\\Windows\\System32\\svchost.exe', 'C:\\Windows\\System32\\inetsrv\\w3wp.exe', 'C:\\Program Files\\Microsoft SQL Server\\MSSQL16.MSSQLSERVER\\MSSQL\\Binn\\sqlservr.exe'];
const URIS = ['/', '/index.html', '/owa/auth/logon.aspx', '/ecp/default.aspx', '/api/v1/orders', '/images/logo.png', '/css/site.css', '/aspnet_client/system_web/shell.aspx', '/owa/auth/errorEE.aspx', '/wp-login.php', '/uploads/x.php'];
const AGENTS = ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0 Safari/537.36', 'python-requests/2.31.0', 'curl/8.5.0', 'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17328; Pro)'];
const IPS = ['10.20.1.9', '10.20.1.40', '10.20.3.17', '198.51.100.23', '203.0.113.7', '192.0.2.44'];

const SYSTEM = (g: Gen, provider: string, guid: string, id: string, time: string, channel: string, host: string, userId: string) =>
  `<System><Provider Name='${provider}'${guid ? ` Guid='${guid}'` : ''}/><EventID>${id}</EventID><Version>5</Version><Level>4</Level><Task>${id}</Task><Opcode>0</Opcode><Keywords>0x8000000000000000</Keywords><TimeCreated SystemTime='${time}'/><EventRecordID>${g.nextRecord()}</EventRecordID><Correlation/><Execution ProcessID='${1000 + g.int(8000)}' ThreadID='${1000 + g.int(9000)}'/><Channel>${channel}</Channel><Computer>${host}</Computer><Security${userId ? ` UserID='${userId}'` : ''}/></System>`;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const data = (fields: [string, string][]) => `<EventData>${fields.map(([k, v]) => `<Data Name='${k}'>${esc(v)}</Data>`).join('')}</EventData>`;
const EVENT = "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'>";
const SYSMON_GUID = '{5770385f-c22a-43e0-bf4c-06f5698ffbd9}';
const SYSMON_CH = 'Microsoft-Windows-Sysmon/Operational';

function windowsEvent(g: Gen, t: number): string {
  const time = new Date(t * 1000).toISOString().replace(/\.(\d{3})Z$/, '.$1' + String(g.int(10000)).padStart(4, '0') + 'Z');
  const host = g.pick(WIN_HOSTS);
  const roll = g.int(100);
  const [image, cmd] = g.pick(PROCS);
  const user = g.pick(USERS);
  if (roll < 35) {
    const parent = g.chance(0.01) ? 'C:\\Windows\\System32\\inetsrv\\w3wp.exe' : g.pick(PARENTS);
    const attack = parent.endsWith('w3wp.exe') && g.chance(0.5);
    const img = attack ? 'C:\\Windows\\System32\\cmd.exe' : image;
    const line = attack ? 'cmd.exe /c whoami /all & net localgroup administrators' : cmd;
    return EVENT + SYSTEM(g, 'Microsoft-Windows-Sysmon', SYSMON_GUID, '1', time, SYSMON_CH, host, 'S-1-5-18') + data([
      ['RuleName', '-'], ['UtcTime', time.replace('T', ' ').slice(0, 23)], ['ProcessGuid', g.guid()], ['ProcessId', String(g.int(30000))], ['Image', img],
      ['FileVersion', '10.0.20348.1'], ['Description', 'Windows Command Processor'], ['Product', 'Microsoft® Windows® Operating System'], ['Company', 'Microsoft Corporation'],
      ['OriginalFileName', img.split('\\').pop()!], ['CommandLine', line], ['CurrentDirectory', 'C:\\Windows\\system32\\'], ['User', user],
      ['LogonGuid', g.guid()], ['LogonId', '0x' + g.hex(6)], ['TerminalSessionId', '0'], ['IntegrityLevel', g.pick(['High', 'Medium', 'System'])],
      ['Hashes', `SHA256=${g.hex(64).toUpperCase()}`], ['ParentProcessGuid', g.guid()], ['ParentProcessId', String(g.int(30000))], ['ParentImage', parent],
      ['ParentCommandLine', parent], ['ParentUser', user],
    ]) + '</Event>';
  }
  if (roll < 50) {
    return EVENT + SYSTEM(g, 'Microsoft-Windows-Sysmon', SYSMON_GUID, '3', time, SYSMON_CH, host, 'S-1-5-18') + data([
      ['RuleName', '-'], ['UtcTime', time.slice(0, 23)], ['ProcessGuid', g.guid()], ['ProcessId', String(g.int(30000))], ['Image', image], ['User', user], ['Protocol', 'tcp'],
      ['Initiated', 'true'], ['SourceIsIpv6', 'false'], ['SourceIp', g.pick(IPS)], ['SourceHostname', host], ['SourcePort', String(49152 + g.int(16000))], ['SourcePortName', '-'],
      ['DestinationIsIpv6', 'false'], ['DestinationIp', g.pick(IPS)], ['DestinationHostname', '-'], ['DestinationPort', g.pick(['443', '80', '445', '1433'])], ['DestinationPortName', '-'],
    ]) + '</Event>';
  }
  if (roll < 65) {
    const target = g.chance(0.02) ? 'C:\\inetpub\\wwwroot\\aspnet_client\\system_web\\' + g.hex(6) + '.aspx' : `C:\\Users\\jdoe\\AppData\\Local\\Temp\\${g.hex(8)}.tmp`;
    return EVENT + SYSTEM(g, 'Microsoft-Windows-Sysmon', SYSMON_GUID, '11', time, SYSMON_CH, host, 'S-1-5-18') + data([
      ['RuleName', '-'], ['UtcTime', time.slice(0, 23)], ['ProcessGuid', g.guid()], ['ProcessId', String(g.int(30000))], ['Image', image], ['TargetFilename', target], ['CreationUtcTime', time.slice(0, 23)], ['User', user],
    ]) + '</Event>';
  }
  if (roll < 75) {
    return EVENT + SYSTEM(g, 'Microsoft-Windows-Sysmon', SYSMON_GUID, '13', time, SYSMON_CH, host, 'S-1-5-18') + data([
      ['RuleName', '-'], ['EventType', 'SetValue'], ['UtcTime', time.slice(0, 23)], ['ProcessGuid', g.guid()], ['ProcessId', String(g.int(30000))], ['Image', image],
      ['TargetObject', g.chance(0.02) ? 'HKLM\\System\\CurrentControlSet\\Services\\TermService\\Parameters\\ServiceDll' : `HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\\${g.hex(4)}`],
      ['Details', g.chance(0.5) ? 'DWORD (0x00000001)' : 'C:\\ProgramData\\svc\\termsrv32.dll'], ['User', user],
    ]) + '</Event>';
  }
  if (roll < 88) {
    return EVENT + SYSTEM(g, 'Microsoft-Windows-Security-Auditing', '{54849625-5478-4994-a5ba-3e3b0328c30d}', '4688', time, 'Security', host, '') + data([
      ['SubjectUserSid', 'S-1-5-18'], ['SubjectUserName', host.split('.')[0] + '$'], ['SubjectDomainName', 'CORP'], ['SubjectLogonId', '0x3e7'], ['NewProcessId', '0x' + g.hex(4)],
      ['NewProcessName', image], ['TokenElevationType', '%%1936'], ['ProcessId', '0x' + g.hex(4)], ['CommandLine', cmd], ['TargetUserSid', 'S-1-0-0'], ['TargetUserName', '-'],
      ['TargetDomainName', '-'], ['TargetLogonId', '0x0'], ['ParentProcessName', g.pick(PARENTS)], ['MandatoryLabel', 'S-1-16-16384'],
    ]) + '</Event>';
  }
  if (roll < 94) {
    const cfg = g.pick(['xp_cmdshell', 'show advanced options', 'clr enabled', 'Ole Automation Procedures']);
    return EVENT + SYSTEM(g, g.pick(['MSSQLSERVER', 'MSSQL$VEEAMSQL']), '', '15457', time, 'Application', host, '') +
      `<EventData><Data>${cfg}</Data><Data>0</Data><Data>1</Data><Binary>615C0000100000000F0000005300510040000000</Binary></EventData></Event>`;
  }
  return EVENT + SYSTEM(g, 'Microsoft-Windows-PowerShell', '{a0c1853b-5c40-4b15-8766-3cf1c58f985a}', '4104', time, 'Microsoft-Windows-PowerShell/Operational', host, 'S-1-5-21-1004336348-1177238915-682003330-1112') + data([
    ['MessageNumber', '1'], ['MessageTotal', '1'],
    ['ScriptBlockText', g.chance(0.05) ? 'New-WebGlobalModule -Name "HttpCacheModuleX" -Image "C:\\Windows\\System32\\inetsrv\\iisrtl64.dll"' : 'Get-Service -Name BITS | Select-Object Status, StartType'],
    ['ScriptBlockId', g.guid().slice(1, -1)], ['Path', ''],
  ]) + '</Event>';
}

const IIS_HEADER = '#Software: Microsoft Internet Information Services 10.0\n#Version: 1.0\n#Fields: date time s-sitename s-computername s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs-version cs(User-Agent) cs(Referer) cs-host sc-status sc-substatus sc-win32-status sc-bytes cs-bytes time-taken\n';

function iisLine(g: Gen, t: number): string {
  const d = new Date(t * 1000).toISOString();
  const uri = g.pick(URIS);
  const query = g.chance(0.1) ? 'cmd=' + g.pick(['whoami', 'ipconfig', 'net+user']) : '-';
  return `${d.slice(0, 10)} ${d.slice(11, 19)} W3SVC1 ${g.pick(['WEB01', 'WEB02', 'EXCH01'])} 10.20.1.15 ${g.pick(['GET', 'GET', 'POST'])} ${uri} ${query} 443 - ${g.pick(IPS)} HTTP/1.1 ${g.pick(AGENTS).replace(/ /g, '+')} - mail.corp.example.com ${g.pick(['200', '200', '302', '404', '500'])} 0 0 ${g.int(90000)} ${g.int(3000)} ${g.int(900)}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function accessLine(g: Gen, t: number): string {
  const d = new Date(t * 1000);
  const ts = `${String(d.getUTCDate()).padStart(2, '0')}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${d.toISOString().slice(11, 19)} +0000`;
  return `${g.pick(IPS)} - - [${ts}] "${g.pick(['GET', 'POST'])} ${g.pick(URIS)}${g.chance(0.1) ? '?c=id' : ''} HTTP/1.1" ${g.pick(['200', '301', '404'])} ${g.int(50000)} "-" "${g.pick(AGENTS)}"`;
}

function auditLine(g: Gen, t: number): string {
  const serial = g.int(1e7);
  const exe = g.pick(['/usr/bin/dash', '/usr/sbin/apache2', '/usr/bin/python3', '/usr/sbin/sshd', '/usr/bin/id']);
  return `type=SYSCALL msg=audit(${t.toFixed(3)}:${serial}): arch=c000003e syscall=59 success=yes exit=0 a0=55d1c6f0a2b0 a1=55d1c6f0a310 a2=55d1c6f0a330 a3=0 items=2 ppid=${g.int(30000)} pid=${g.int(30000)} auid=4294967295 uid=33 gid=33 euid=33 suid=33 fsuid=33 egid=33 sgid=33 fsgid=33 tty=(none) ses=4294967295 comm="${exe.split('/').pop()}" exe="${exe}" subj=unconfined key="exec"`;
}

function esxiLine(g: Gen, t: number): string {
  const d = new Date(t * 1000).toISOString();
  const host = g.pick(['esx01', 'esx02', 'esx03']) + '.corp.example.com';
  const roll = g.int(100);
  if (roll < 2) return `<14>${d} ${host} shell[${2100000 + g.int(1000)}]: [root]: esxcli software vib install -v /tmp/${g.hex(6)}.vib -f --no-sig-check`;
  if (roll < 60) return `<166>${d} ${host} hostd[${2099000 + g.int(1000)}]: [Originator@6876 sub=Vimsvc.TaskManager opID=${g.hex(8)} user=vpxuser] Task Completed : haTask-ha-host-vim.HostSystem.retrieveInternalCapability-${g.int(99999)}`;
  return `<166>${d} ${host} vpxa[${2099500 + g.int(100)}]: [Originator@6876 sub=vpxLro opID=${g.hex(8)}] [VpxLRO] -- FINISH lro-${g.int(999999)}`;
}

function jsonLine(g: Gen, t: number): string {
  const extra = g.chance(0.03) ? [{ name: 'HttpCacheModuleX', image: 'C:\\Windows\\System32\\inetsrv\\iisrtl64.dll', signed: false }] : [];
  return JSON.stringify({
    time: new Date(t * 1000).toISOString(),
    host: g.pick(WIN_HOSTS),
    kind: 'iis_modules',
    modules: [{ name: 'HttpCacheModule', image: '%windir%\\System32\\inetsrv\\cachhttp.dll', signed: true }, { name: 'StaticFileModule', image: '%windir%\\System32\\inetsrv\\static.dll', signed: true }, ...extra],
  });
}

const LINE: Record<Kind, (g: Gen, t: number) => string> = { windows: windowsEvent, iis: iisLine, access: accessLine, audit: auditLine, esxi: esxiLine, json: jsonLine };

/**
 * Writes `total` events spread over the formats into `dir`, timestamps spread evenly over
 * the 24 hours before `end` (epoch seconds). Returns the files with their sourcetypes.
 */
export function generateEvents(dir: string, total: number, seed: number, end: number): GeneratedInput[] {
  const g = new Gen(seed);
  const inputs: GeneratedInput[] = [];
  for (const { kind, share } of MIX) {
    const count = Math.round(total * share);
    let written = 0;
    let part = 0;
    while (written < count) {
      const n = Math.min(EVENTS_PER_FILE, count - written);
      const file = path.join(dir, `${kind}-${String(part).padStart(3, '0')}.log`);
      const fd = fs.openSync(file, 'w');
      let buf = kind === 'iis' ? IIS_HEADER : '';
      for (let i = 0; i < n; i++) {
        const t = end - 86400 + ((written + i) / count) * 86400;
        buf += LINE[kind](g, Math.round(t * 1000) / 1000) + '\n';
        if (buf.length > 1 << 20) {
          fs.writeSync(fd, buf);
          buf = '';
        }
      }
      fs.writeSync(fd, buf);
      fs.closeSync(fd);
      inputs.push({ file, sourcetype: SOURCETYPE[kind], events: n });
      written += n;
      part++;
    }
  }
  return inputs;
}
