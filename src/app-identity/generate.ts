/**
 * `npm run generate:app` writes default/app.conf and app.manifest from package.json;
 * `--check` only reports the files that are stale (exit 1).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, readIdentity } from './identity';
import { renderIdentityFiles } from './render';
import { staleIdentityFiles } from './stale';

function main(argv: string[]): number {
  const check = argv.includes('--check');
  const app = readIdentity(REPO_ROOT);
  const stale = staleIdentityFiles(REPO_ROOT, app);
  if (check) {
    for (const [path] of stale) console.error(`${path} is stale: run npm run generate:app`);
    return stale.length === 0 ? 0 : 1;
  }
  for (const [path, content] of stale) writeFileSync(join(REPO_ROOT, path), content);
  console.log(`generate:app: ${stale.length} of ${renderIdentityFiles(app).size} files updated`);
  return 0;
}

if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(`generate:app: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
