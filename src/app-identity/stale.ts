/** Which files generated from the app identity differ, under an app folder, from what the identity renders. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppIdentity } from './identity';
import { renderIdentityFiles } from './render';

/** Stale or missing generated files, in render order, with the content each should have. */
export function staleIdentityFiles(appRoot: string, app: AppIdentity): Array<[path: string, content: string]> {
  return [...renderIdentityFiles(app)].filter(([path, content]) => readIfExists(join(appRoot, path)) !== content);
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
