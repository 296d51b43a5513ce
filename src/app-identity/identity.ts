/**
 * Who the app is. The version has one home, package.json; default/app.conf and
 * app.manifest are generated from it (`npm run generate:app`).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..');
export const APP_ID = 't1505_server_software_component';
export const APP_LABEL = 'T1505 Server Software Component';
export const APP_AUTHOR = 'T1505 Server Software Component project';
export const APP_DESCRIPTION =
  'Detects MITRE ATT&CK T1505 Server Software Component persistence: web shells, IIS modules, ' +
  'SQL Server stored procedures, Exchange transport agents, Terminal Services DLLs, ' +
  'vSphere installation bundles and Apache/nginx modules.';
export const APP_LICENSE = 'Apache-2.0';
/** Oldest Splunk Enterprise release the app supports. */
export const MIN_SPLUNK_VERSION = '9.2';

export interface AppIdentity {
  id: string;
  label: string;
  version: string;
  /** app.conf [install] build: grows with every version, so Splunk Web's static cache is busted. */
  build: number;
}

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

export function buildNumber(version: string): number {
  const match = SEMVER.exec(version);
  if (!match) throw new Error(`package.json version "${version}" is not a semver 2.0.0 version (major.minor.patch)`);
  const [major, minor, patch] = match.slice(1, 4).map(Number);
  if (minor > 99 || patch > 99) throw new Error(`package.json version "${version}": minor and patch must be below 100`);
  return major * 10000 + minor * 100 + patch;
}

export function readIdentity(repoRoot = REPO_ROOT): AppIdentity {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { name?: string; version?: string };
  if (manifest.name !== APP_ID) throw new Error(`package.json name "${manifest.name}" must be the app id "${APP_ID}"`);
  const version = manifest.version ?? '';
  return { id: APP_ID, label: APP_LABEL, version, build: buildNumber(version) };
}
