/**
 * The CIM field aliases, calculated fields, eventtypes and tags that the Splunk Add-on
 * for Microsoft Windows and the Splunk Add-on for Sysmon apply to Windows events, for
 * the events the app's searches use (docs/sourcetypes.md, "Windows CIM mappings").
 */
import type { Row } from '../../event';
import { addUnique, baseName, notDash, setField, str } from '../../ingest/fields';

const SYSMON_CHANNEL = 'Microsoft-Windows-Sysmon/Operational';
const DEFENDER_CHANNEL = 'Microsoft-Windows-Windows Defender/Operational';

export function applyWindowsCim(ev: Row, channel: string | undefined): void {
  setField(ev, 'dest', str(ev, 'Computer'));
  const code = str(ev, 'EventCode') ?? '';
  switch (channel) {
    case SYSMON_CHANNEL:
      setField(ev, 'vendor_product', 'Microsoft Sysmon');
      applySysmon(ev, code);
      return;
    case 'Security':
      setField(ev, 'vendor_product', 'Microsoft Windows');
      addUnique(ev, 'eventtype', 'wineventlog_security');
      applySecurity(ev, code);
      return;
    case DEFENDER_CHANNEL:
      setField(ev, 'vendor_product', 'Microsoft Defender Antivirus');
      applyDefender(ev, code);
      return;
    case 'Application':
      setField(ev, 'vendor_product', 'Microsoft Windows');
      addUnique(ev, 'eventtype', 'wineventlog_application');
      return;
    case 'System':
      setField(ev, 'vendor_product', 'Microsoft Windows');
      addUnique(ev, 'eventtype', 'wineventlog_system');
      return;
    default:
      setField(ev, 'vendor_product', 'Microsoft Windows');
  }
}

/** Sysmon on Windows and on Linux (paths split on `\\` and `/`). */
export function applySysmon(ev: Row, code: string): void {
  const image = str(ev, 'Image');
  const processFields = () => {
    setField(ev, 'process_path', image);
    setField(ev, 'process_name', image === undefined ? undefined : baseName(image));
    setField(ev, 'process_id', str(ev, 'ProcessId'));
    setField(ev, 'process_guid', str(ev, 'ProcessGuid'));
    setField(ev, 'user', str(ev, 'User'));
  };
  switch (code) {
    case '1': {
      processFields();
      const name = str(ev, 'process_name');
      setField(ev, 'process', str(ev, 'CommandLine'));
      setField(ev, 'process_exec', name);
      const parent = str(ev, 'ParentImage');
      setField(ev, 'parent_process', str(ev, 'ParentCommandLine'));
      setField(ev, 'parent_process_path', parent);
      setField(ev, 'parent_process_name', parent === undefined ? undefined : baseName(parent));
      setField(ev, 'parent_process_exec', parent === undefined ? undefined : baseName(parent));
      setField(ev, 'parent_process_id', str(ev, 'ParentProcessId'));
      setField(ev, 'parent_process_guid', str(ev, 'ParentProcessGuid'));
      setField(ev, 'original_file_name', str(ev, 'OriginalFileName'));
      setField(ev, 'process_current_directory', str(ev, 'CurrentDirectory'));
      setField(ev, 'process_hash', str(ev, 'Hashes'));
      setField(ev, 'process_integrity_level', str(ev, 'IntegrityLevel')?.toLowerCase());
      setField(ev, 'action', 'allowed');
      addUnique(ev, 'eventtype', 'ms-sysmon-process');
      addUnique(ev, 'tag', 'process', 'report');
      return;
    }
    case '3': {
      processFields();
      setField(ev, 'src', str(ev, 'SourceIp'));
      setField(ev, 'src_ip', str(ev, 'SourceIp'));
      setField(ev, 'src_port', str(ev, 'SourcePort'));
      setField(ev, 'dest', str(ev, 'DestinationIp'));
      setField(ev, 'dest_ip', str(ev, 'DestinationIp'));
      setField(ev, 'dest_port', str(ev, 'DestinationPort'));
      setField(ev, 'dest_host', str(ev, 'DestinationHostname'));
      setField(ev, 'transport', str(ev, 'Protocol'));
      setField(ev, 'app', image === undefined ? undefined : baseName(image));
      setField(ev, 'dvc', str(ev, 'Computer'));
      setField(ev, 'direction', str(ev, 'Initiated')?.toLowerCase() === 'true' ? 'outbound' : 'inbound');
      setField(ev, 'action', 'allowed');
      addUnique(ev, 'eventtype', 'ms-sysmon-network');
      addUnique(ev, 'tag', 'network', 'communicate');
      return;
    }
    case '7':
      processFields();
      addUnique(ev, 'eventtype', 'ms-sysmon-imageload');
      return;
    case '11':
    case '23':
    case '26':
    case '29': {
      processFields();
      const target = str(ev, 'TargetFilename');
      setField(ev, 'file_path', target);
      setField(ev, 'file_name', target === undefined ? undefined : baseName(target));
      setField(ev, 'file_create_time', str(ev, 'CreationUtcTime'));
      if (code !== '11') setField(ev, 'file_hash', str(ev, 'Hashes'));
      setField(ev, 'action', code === '23' || code === '26' ? 'deleted' : 'created');
      addUnique(ev, 'eventtype', code === '11' || code === '29' ? 'ms-sysmon-filemod' : 'ms-sysmon-filedelete');
      addUnique(ev, 'tag', 'endpoint', 'filesystem');
      return;
    }
    case '12':
    case '13':
    case '14': {
      processFields();
      const target = str(ev, 'TargetObject');
      setField(ev, 'registry_path', target);
      if (target !== undefined) {
        const cut = target.lastIndexOf('\\');
        if (code === '13') {
          setField(ev, 'registry_key_name', cut < 0 ? target : target.slice(0, cut));
          setField(ev, 'registry_value_name', cut < 0 ? target : target.slice(cut + 1));
        } else {
          setField(ev, 'registry_key_name', target);
        }
        setField(ev, 'registry_hive', registryHive(target));
      }
      setField(ev, 'registry_value_data', str(ev, 'Details'));
      const eventType = str(ev, 'EventType') ?? '';
      setField(ev, 'action', code === '12' ? (/^Delete/i.test(eventType) ? 'deleted' : 'created') : 'modified');
      addUnique(ev, 'eventtype', 'ms-sysmon-regmod');
      addUnique(ev, 'tag', 'endpoint', 'registry');
      return;
    }
    default:
      return;
  }
}

function registryHive(path: string): string | undefined {
  const first = path.split('\\', 1)[0].toUpperCase();
  const hives: Record<string, string> = {
    HKLM: 'HKEY_LOCAL_MACHINE',
    HKEY_LOCAL_MACHINE: 'HKEY_LOCAL_MACHINE',
    HKU: 'HKEY_USERS',
    HKEY_USERS: 'HKEY_USERS',
    HKCU: 'HKEY_CURRENT_USER',
    HKEY_CURRENT_USER: 'HKEY_CURRENT_USER',
    HKCR: 'HKEY_CLASSES_ROOT',
    HKEY_CLASSES_ROOT: 'HKEY_CLASSES_ROOT',
    '': 'HKEY_LOCAL_MACHINE',
  };
  if (/^\\REGISTRY\\MACHINE/i.test(path)) return 'HKEY_LOCAL_MACHINE';
  if (/^\\REGISTRY\\USER/i.test(path)) return 'HKEY_USERS';
  return first === '' ? undefined : hives[first];
}

const INTEGRITY_BY_LABEL: Record<string, string> = {
  'S-1-16-0': 'untrusted',
  'S-1-16-4096': 'low',
  'S-1-16-8192': 'medium',
  'S-1-16-8448': 'medium',
  'S-1-16-12288': 'high',
  'S-1-16-16384': 'system',
};

/** `0x1f4` → `500`; a value that is not hex is kept. */
function hexToDecimal(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return /^0x[0-9a-f]+$/i.test(value) ? String(parseInt(value, 16)) : value;
}

function applySecurity(ev: Row, code: string): void {
  switch (code) {
    case '4688': {
      const path = str(ev, 'NewProcessName');
      const parent = str(ev, 'ParentProcessName');
      setField(ev, 'process', str(ev, 'CommandLine') ?? path);
      setField(ev, 'process_path', path);
      setField(ev, 'process_name', path === undefined ? undefined : baseName(path));
      setField(ev, 'process_exec', path === undefined ? undefined : baseName(path));
      setField(ev, 'process_id', hexToDecimal(str(ev, 'NewProcessId')));
      setField(ev, 'parent_process', parent);
      setField(ev, 'parent_process_path', parent);
      setField(ev, 'parent_process_name', parent === undefined ? undefined : baseName(parent));
      setField(ev, 'parent_process_exec', parent === undefined ? undefined : baseName(parent));
      setField(ev, 'parent_process_id', hexToDecimal(str(ev, 'ProcessId')));
      const label = str(ev, 'MandatoryLabel');
      setField(ev, 'process_integrity_level', label === undefined ? undefined : INTEGRITY_BY_LABEL[label.toUpperCase()]);
      setField(ev, 'user', notDash(str(ev, 'TargetUserName')) ?? notDash(str(ev, 'SubjectUserName')));
      setField(ev, 'action', 'allowed');
      addUnique(ev, 'eventtype', 'windows_process_new');
      addUnique(ev, 'tag', 'process', 'report');
      return;
    }
    case '4663': {
      if ((str(ev, 'ObjectType') ?? '').toLowerCase() !== 'file') return;
      const object = str(ev, 'ObjectName');
      setField(ev, 'file_path', object);
      setField(ev, 'file_name', object === undefined ? undefined : baseName(object));
      setField(ev, 'action', fileAccessAction(str(ev, 'AccessList') ?? '', str(ev, 'AccessMask') ?? ''));
      securityProcess(ev);
      addUnique(ev, 'eventtype', 'windows_file_access');
      addUnique(ev, 'tag', 'endpoint', 'filesystem');
      return;
    }
    case '4657': {
      const key = str(ev, 'ObjectName');
      const value = str(ev, 'ObjectValueName');
      setField(ev, 'registry_path', key === undefined ? undefined : value === undefined ? key : `${key}\\${value}`);
      setField(ev, 'registry_key_name', key);
      setField(ev, 'registry_value_name', value);
      setField(ev, 'registry_value_data', str(ev, 'NewValue'));
      if (key !== undefined) setField(ev, 'registry_hive', registryHive(key));
      setField(ev, 'action', 'modified');
      securityProcess(ev);
      addUnique(ev, 'eventtype', 'windows_registry_modified');
      addUnique(ev, 'tag', 'endpoint', 'registry');
      return;
    }
    case '4624':
    case '4625': {
      setField(ev, 'action', code === '4624' ? 'success' : 'failure');
      setField(ev, 'user', notDash(str(ev, 'TargetUserName')));
      setField(ev, 'src', notDash(str(ev, 'IpAddress')) ?? notDash(str(ev, 'WorkstationName')));
      setField(ev, 'src_user', notDash(str(ev, 'SubjectUserName')));
      setField(ev, 'app', 'win:local');
      setField(ev, 'authentication_method', str(ev, 'AuthenticationPackageName'));
      setField(ev, 'signature_id', code);
      addUnique(ev, 'eventtype', code === '4624' ? 'windows_logon_success' : 'windows_logon_failure');
      addUnique(ev, 'tag', 'authentication');
      return;
    }
    case '4720':
    case '4722':
    case '4725':
    case '4726':
    case '4738': {
      setField(ev, 'action', ACCOUNT_ACTION[code]);
      setField(ev, 'change_type', 'AAA');
      setField(ev, 'object_category', 'user');
      setField(ev, 'object', notDash(str(ev, 'TargetUserName')));
      setField(ev, 'user', notDash(str(ev, 'TargetUserName')));
      setField(ev, 'src_user', notDash(str(ev, 'SubjectUserName')));
      setField(ev, 'result', ACCOUNT_RESULT[code]);
      addUnique(ev, 'eventtype', 'windows_account_change');
      addUnique(ev, 'tag', 'change', 'account');
      return;
    }
    default:
      return;
  }
}

/** Account management events → `Change.Account_Management` (engine mapping, unverified against the add-on). */
const ACCOUNT_ACTION: Record<string, string> = { '4720': 'created', '4722': 'modified', '4725': 'modified', '4726': 'deleted', '4738': 'modified' };
const ACCOUNT_RESULT: Record<string, string> = {
  '4720': 'A user account was created',
  '4722': 'A user account was enabled',
  '4725': 'A user account was disabled',
  '4726': 'A user account was deleted',
  '4738': 'A user account was changed',
};

function securityProcess(ev: Row): void {
  const proc = str(ev, 'ProcessName');
  setField(ev, 'process_path', proc);
  setField(ev, 'process_name', proc === undefined ? undefined : baseName(proc));
  setField(ev, 'process_id', hexToDecimal(str(ev, 'ProcessId')));
  setField(ev, 'user', notDash(str(ev, 'SubjectUserName')));
}

/** 4663 access rights: WriteData/AppendData → modified, DELETE → deleted, else read. */
function fileAccessAction(accessList: string, accessMask: string): string {
  const mask = /^0x[0-9a-f]+$/i.test(accessMask) ? parseInt(accessMask, 16) : 0;
  if (/%%1537\b/.test(accessList) || (mask & 0x10000) !== 0) return 'deleted';
  if (/%%4417\b|%%4418\b/.test(accessList) || (mask & 0x6) !== 0) return 'modified';
  return 'read';
}

function applyDefender(ev: Row, code: string): void {
  if (code !== '1116' && code !== '1117') return;
  setField(ev, 'signature', str(ev, 'Threat_Name'));
  setField(ev, 'signature_id', str(ev, 'Threat_ID'));
  const path = defenderPath(str(ev, 'Path'));
  setField(ev, 'file_path', path);
  setField(ev, 'file_name', path === undefined ? undefined : baseName(path));
  setField(ev, 'category', str(ev, 'Category_Name'));
  setField(ev, 'severity', str(ev, 'Severity_Name')?.toLowerCase());
  const actionName = str(ev, 'Action_Name') ?? '';
  setField(ev, 'action', code === '1116' ? 'allowed' : /quarantine/i.test(actionName) ? 'deferred' : 'blocked');
  setField(ev, 'user', str(ev, 'Detection_User'));
  addUnique(ev, 'eventtype', 'windows_defender_malware');
  addUnique(ev, 'tag', 'malware', 'attack');
}

/** Defender's `Path` is `file:_C:\x\y.aspx` (several resources joined by `; `). */
function defenderPath(path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  const first = path.split(/;\s*/)[0];
  return first.replace(/^[a-z]+:_/i, '');
}
