/**
 * What goes into the installable package: an allow-list of app folders and files
 * (every file other engineers add under them ships too), minus what Splunk and
 * AppInspect forbid in an app: hidden files, local/ settings, compiled Python.
 * https://dev.splunk.com/enterprise/docs/developapps/createapps/appanatomy/
 */
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Folders of the repository that are part of the app. */
export const APP_FOLDERS = ['appserver/static', 'bin', 'default', 'lookups', 'metadata', 'README', 'static'] as const;
/** Single files at the app's top level. */
export const APP_FILES = ['app.manifest', 'LICENSE', 'NOTICE', 'README.md'] as const;
/** Files that keep their execute bit; everything else is 0644. */
export const EXECUTABLE_FOLDER = 'bin/';

export class PackageContentError extends Error {
  constructor(readonly path: string, problem: string) {
    super(`${path}: ${problem}`);
    this.name = 'PackageContentError';
  }
}

export interface PackagedFile {
  /** Path inside the app folder, with "/" separators. */
  path: string;
  executable: boolean;
}

function excluded(name: string): boolean {
  return name.startsWith('.') || name === 'local' || name === 'local.meta' || name === '__pycache__' || name.endsWith('.pyc');
}

/** The app's files under appRoot, sorted by path. */
export function collectAppFiles(appRoot: string): PackagedFile[] {
  const files: PackagedFile[] = [];
  const visit = (path: string): void => {
    const stat = lstatSync(join(appRoot, path));
    if (stat.isSymbolicLink()) throw new PackageContentError(path, 'is a symbolic link; the package takes regular files only');
    if (stat.isDirectory()) {
      for (const name of readdirSync(join(appRoot, path)).sort()) if (!excluded(name)) visit(`${path}/${name}`);
    } else if (stat.isFile()) {
      files.push({ path, executable: path.startsWith(EXECUTABLE_FOLDER) });
    }
  };
  for (const folder of APP_FOLDERS) if (exists(join(appRoot, folder))) visit(folder);
  for (const file of APP_FILES) {
    if (!exists(join(appRoot, file))) throw new PackageContentError(file, 'is missing; every package ships it');
    visit(file);
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
