/**
 * `npm run generate:app` writes default/app.conf and app.manifest from package.json;
 * `--check` only reports the files that are stale (exit 1).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, readIdentity } from './identity';
import { renderIdentityFiles } from './render';

function main(argv: string[]): number {
  const check = argv.includes('--check');
  const files = renderIdentityFiles(readIdentity(REPO_ROOT));
  const stale = [...files].filter(([path, content]) => readIfExists(join(REPO_ROOT, path)) !== content);
  if (check) {
    for (const [path] of stale) console.error(`${path} is stale: run npm run generate:app`);
    return stale.length === 0 ? 0 : 1;
  }
  for (const [path, content] of stale) writeFileSync(join(REPO_ROOT, path), content);
  console.log(`generate:app: ${stale.length} of ${files.size} files updated`);
  return 0;
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(`generate:app: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
