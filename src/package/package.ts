/** `npm run package`: builds the bundles, then writes dist/<app id>-<version>.tgz. */
import { join } from 'node:path';
import { REPO_ROOT } from '../app-identity/identity';
import { buildPackage } from './build-package';
import { PackageContentError } from './contents';

async function main(): Promise<void> {
  const built = await buildPackage({ appRoot: REPO_ROOT, outDir: join(REPO_ROOT, 'dist') });
  console.log(`package: ${built.file} (${built.appId} ${built.version}, ${built.files.length} files)`);
}

main().catch((error: unknown) => {
  console.error(`package: ${error instanceof Error ? error.message : String(error)}`);
  if (!(error instanceof PackageContentError)) console.error(error);
  process.exitCode = 1;
});
