/** Which parser handles which sourcetype. */
import type { IngestOptions, IngestResult } from '../event';
import { ingestAccessLog } from './access';
import { ingestLinuxAudit } from './auditd';
import { ingestMysqlLog, ingestPostgresLog } from './dblog';
import { ingestEsxiSyslog } from './esxi';
import { ingestJsonLines } from './json';
import { ingestSysmonLinux } from './sysmon-linux';
import { ingestW3c } from './w3c';
import { ingestXmlWinEventLog } from './xmlwineventlog';

export type Ingester = (text: string, file: string, options: IngestOptions) => IngestResult;

interface Entry {
  /** An exact sourcetype, or a prefix pattern ending in `*`. */
  sourcetype: string;
  ingest: Ingester;
}

const ENTRIES: Entry[] = [
  { sourcetype: 'XmlWinEventLog', ingest: ingestXmlWinEventLog },
  { sourcetype: '_json', ingest: ingestJsonLines },
  { sourcetype: 't1505:inventory:*', ingest: ingestJsonLines },
  { sourcetype: 'ms:iis:auto', ingest: ingestW3c },
  { sourcetype: 'access_combined', ingest: ingestAccessLog },
  { sourcetype: 'access_common', ingest: ingestAccessLog },
  { sourcetype: 'linux:audit', ingest: ingestLinuxAudit },
  { sourcetype: 'sysmon:linux', ingest: ingestSysmonLinux },
  { sourcetype: 'vmw-syslog', ingest: ingestEsxiSyslog },
  { sourcetype: 'vmware:esxlog:*', ingest: ingestEsxiSyslog },
  { sourcetype: 'mysql:*', ingest: ingestMysqlLog },
  { sourcetype: 'postgresql*', ingest: ingestPostgresLog },
];

/** Sourcetype names and patterns (`prefix*`) the engine ingests. */
export function supportedSourcetypes(): string[] {
  return ENTRIES.map((e) => e.sourcetype);
}

/** Sourcetypes are case-sensitive in Splunk; so is this lookup. */
export function ingesterFor(sourcetype: string): Ingester | undefined {
  for (const e of ENTRIES) {
    if (e.sourcetype.endsWith('*')) {
      const prefix = e.sourcetype.slice(0, -1);
      if (sourcetype.startsWith(prefix)) return e.ingest; // `*` matches zero or more characters
    } else if (e.sourcetype === sourcetype) return e.ingest;
  }
  return undefined;
}
