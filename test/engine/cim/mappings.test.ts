// Cross-check between the add-on CIM mappings applied at ingest and the CIM datasets:
// every mapped event carries the tags its dataset's constraints require, and every CIM
// field the mapping sets is a field of that dataset (so tstats can return it).
import * as path from 'path';
import type { SplunkEvent } from '../../../src/engine/event';
import { findDataset } from '../../../src/engine/cim';
import { ingestFile } from '../../../src/engine/ingest';

const FIX = path.join(__dirname, '../ingest/fixtures');

function events(file: string, sourcetype: string): SplunkEvent[] {
  return ingestFile(path.join(FIX, file), { sourcetype }).events;
}

/** The `tag=x` terms of a constraint's search part (before any `|`), outside NOT (…). */
function requiredTags(constraint: string): string[] {
  const searchPart = constraint.split('|')[0].replace(/NOT\s*\([^)]*\)/g, '');
  if (/\bOR\b/.test(searchPart)) return [];
  return [...searchPart.matchAll(/\btag="?([\w-]+)"?/g)].map((m) => m[1]);
}

/** Raw and system fields that are not CIM fields and so need not be in the dataset. */
function cimFieldsOf(e: SplunkEvent, rawNames: Set<string>): string[] {
  return Object.keys(e).filter((k) => !rawNames.has(k) && /^[a-z][a-z0-9_]*$/.test(k) && !['eventtype', 'tag', 'linecount', 'index', 'host', 'source', 'sourcetype'].includes(k));
}

const CASES: { what: string; file: string; sourcetype: string; pick: (e: SplunkEvent) => boolean; dataset: string }[] = [
  { what: 'Sysmon 1', file: 'windows_mixed.xml', sourcetype: 'XmlWinEventLog', pick: (e) => e.EventCode === '1', dataset: 'Endpoint.Processes' },
  { what: 'Security 4688', file: 'windows_mixed.xml', sourcetype: 'XmlWinEventLog', pick: (e) => e.EventCode === '4688', dataset: 'Endpoint.Processes' },
  { what: 'Sysmon 3', file: 'sysmon_events.xml', sourcetype: 'XmlWinEventLog', pick: (e) => e.EventCode === '3', dataset: 'Network_Traffic.All_Traffic' },
  { what: 'Sysmon 11', file: 'sysmon_events.xml', sourcetype: 'XmlWinEventLog', pick: (e) => e.EventCode === '11', dataset: 'Endpoint.Filesystem' },
  { what: 'Sysmon 23', file: 'sysmon_events.xml', sourcetype: 'XmlWinEventLog', pick: (e) => e.EventCode === '23', dataset: 'Endpoint.Filesystem' },
  { what: 'Sysmon 13', file: 'sysmon_events.xml', sourcetype: 'XmlWinEventLog', pick: (e) => e.EventCode === '13', dataset: 'Endpoint.Registry' },
  { what: 'Security 4663', file: 'security_events.xml', sourcetype: 'XmlWinEventLog', pick: (e) => e.EventCode === '4663', dataset: 'Endpoint.Filesystem' },
  { what: 'Security 4657', file: 'security_events.xml', sourcetype: 'XmlWinEventLog', pick: (e) => e.EventCode === '4657', dataset: 'Endpoint.Registry' },
  { what: 'Security 4625', file: 'security_events.xml', sourcetype: 'XmlWinEventLog', pick: (e) => e.EventCode === '4625', dataset: 'Authentication.Failed_Authentication' },
  { what: 'Security 4720', file: 'security_events.xml', sourcetype: 'XmlWinEventLog', pick: (e) => e.EventCode === '4720', dataset: 'Change.Accounts_Created' },
  { what: 'Defender 1117', file: 'application_and_others.xml', sourcetype: 'XmlWinEventLog', pick: (e) => e.EventCode === '1117', dataset: 'Malware.Malware_Attacks' },
  { what: 'IIS W3C', file: 'iis_u_ex260314.w3c', sourcetype: 'ms:iis:auto', pick: () => true, dataset: 'Web.Web' },
  { what: 'access_combined', file: 'access_combined.access', sourcetype: 'access_combined', pick: () => true, dataset: 'Web.Web' },
  { what: 'Sysmon for Linux 1', file: 'sysmon_linux.syslog', sourcetype: 'sysmon:linux', pick: (e) => e.EventCode === '1', dataset: 'Endpoint.Processes' },
];

/** Raw (add-on extracted, non-CIM) lower-case field names of the formats. */
const RAW_LOWERCASE = new Set([
  'date', 'time', 'clientip', 'ident', 'method', 'uri', 'version', 'bytes', 'referer', 'useragent', 'req_time', 'root', 'file',
  's_ip', 's_port', 'c_ip', 'cs_method', 'cs_uri_stem', 'cs_uri_query', 'sc_status', 'sc_substatus', 'sc_win32_status', 'time_taken',
  's_sitename', 's_computername', 'cs_version', 'cs_host', 'sc_bytes', 'cs_bytes', 'cs_username',
  // CIM-style fields that some datasets lack; listed so the check stays about the dataset-specific ones
  'file_create_time', 'dest_host', 'dest_ip', 'src_ip', 'src_user', 'signature_id', 'authentication_method', 'registry_hive',
  // set on the events for raw searches, but not fields of the Filesystem/Registry/Network/Authentication
  // datasets: docs/sourcetypes.md says tstats cannot return them there
  'process_path', 'process_name', 'process_guid', 'vendor_product',
]);

describe.each(CASES)('$what → $dataset', ({ file, sourcetype, pick, dataset }) => {
  const selected = events(file, sourcetype).filter(pick);
  const ds = findDataset(dataset)!;

  it('has events and a dataset', () => {
    expect(selected.length).toBeGreaterThan(0);
    expect(ds).toBeDefined();
  });

  it("carries every tag the dataset's constraint chain requires", () => {
    const needed = ds.constraints.flatMap(requiredTags);
    expect(needed.length).toBeGreaterThan(0);
    for (const e of selected) {
      const tags = Array.isArray(e.tag) ? e.tag : [String(e.tag)];
      expect(tags).toEqual(expect.arrayContaining(needed));
    }
  });

  it("sets only CIM fields that the dataset has", () => {
    const allowed = new Set(ds.fields);
    for (const e of selected) {
      const stray = cimFieldsOf(e, RAW_LOWERCASE).filter((f) => !allowed.has(f));
      expect(stray).toEqual([]);
    }
  });
});
