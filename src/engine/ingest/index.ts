/**
 * Ingest, like `splunk add oneshot FILE -sourcetype ST`: a file plus a sourcetype
 * become events carrying the search-time fields, CIM aliases and tags of the usual
 * add-on (docs/sourcetypes.md). Unparseable records become rejections, never crashes.
 */
import * as fs from 'fs';
import type { IngestOptions, IngestResult } from '../event';
import { ingesterFor, supportedSourcetypes } from './registry';
import { endInterning } from './compact';
import { decodeInput } from './text';

export { supportedSourcetypes } from './registry';

export class IngestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IngestError';
  }
}

function unknownSourcetype(sourcetype: string): IngestError {
  return new IngestError(`unknown sourcetype "${sourcetype}"; supported: ${supportedSourcetypes().join(', ')}`);
}

export function ingestText(text: string | Buffer, file: string, options: IngestOptions): IngestResult {
  const ingest = ingesterFor(options.sourcetype);
  if (!ingest) throw unknownSourcetype(options.sourcetype);
  try {
    return ingest(decodeInput(text), file, options);
  } finally {
    endInterning();
  }
}

export function ingestFile(path: string, options: IngestOptions): IngestResult {
  if (!ingesterFor(options.sourcetype)) throw unknownSourcetype(options.sourcetype);
  let content: Buffer;
  try {
    content = fs.readFileSync(path);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why = e.code === 'ENOENT' ? 'no such file' : e.code === 'EISDIR' ? 'it is a directory' : e.code === 'EACCES' ? 'permission denied' : e.message;
    throw new IngestError(`cannot read input file "${path}": ${why}`);
  }
  return ingestText(content, path, options);
}
