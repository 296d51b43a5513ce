/**
 * Builds dist/<app id>-<version>.tgz: one top-level folder named exactly the app id,
 * files 0644 (0755 under bin/), folders 0755, no owner names, fixed mtimes and entry
 * order, so the same inputs give the same bytes.
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { create } from 'tar';
import { AppIdentity, readIdentity } from '../app-identity/identity';
import { staleIdentityFiles } from '../app-identity/stale';
import { PackageContentError, collectAppFiles } from './contents';

/** mtime of every entry: 2026-01-01T00:00:00Z (any constant keeps builds reproducible). */
export const PACKAGE_MTIME = new Date(Date.UTC(2026, 0, 1));
export const BUNDLES_DIR = 'appserver/static/pages';

export interface BuildOptions {
  appRoot: string;
  outDir: string;
}

export interface BuiltPackage {
  file: string;
  appId: string;
  version: string;
  files: string[];
}

export async function buildPackage({ appRoot, outDir }: BuildOptions): Promise<BuiltPackage> {
  const app = readIdentity(appRoot);
  checkGeneratedFiles(appRoot, app);
  checkBundles(appRoot);
  const files = collectAppFiles(appRoot);
  const staging = mkdtempSync(join(tmpdir(), 'app-package-'));
  try {
    const entries = stage(appRoot, join(staging, app.id), files).map((entry) => `${app.id}/${entry}`);
    mkdirSync(outDir, { recursive: true });
    const file = join(outDir, `${app.id}-${app.version}.tgz`);
    await create(
      { file, cwd: staging, gzip: { level: 9 }, portable: true, mtime: PACKAGE_MTIME, noDirRecurse: true },
      [app.id, ...entries],
    );
    return { file, appId: app.id, version: app.version, files: files.map((f) => f.path) };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Copies the files into stagingApp with normalised modes; returns folders and files in archive order. */
function stage(appRoot: string, stagingApp: string, files: { path: string; executable: boolean }[]): string[] {
  const folders = new Set<string>();
  for (const { path, executable } of files) {
    for (let folder = dirname(path); folder !== '.'; folder = dirname(folder)) folders.add(folder);
    const target = join(stagingApp, path);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(appRoot, path), target);
    chmodSync(target, executable ? 0o755 : 0o644);
  }
  chmodSync(stagingApp, 0o755);
  for (const folder of folders) chmodSync(join(stagingApp, folder), 0o755);
  return [...folders, ...files.map((f) => f.path)].sort();
}

function checkGeneratedFiles(appRoot: string, app: AppIdentity): void {
  const [stale] = staleIdentityFiles(appRoot, app);
  if (stale) throw new PackageContentError(stale[0], 'does not match package.json; run npm run generate:app');
}

/** Every page in src/pages needs its production bundle. */
function checkBundles(appRoot: string): void {
  const pagesDir = join(appRoot, 'src', 'pages');
  const pages = existsSync(pagesDir) ? readdirSync(pagesDir).filter((page) => existsSync(join(pagesDir, page, 'index.tsx'))) : [];
  for (const page of pages) {
    const bundle = `${BUNDLES_DIR}/${page}.js`;
    if (!existsSync(join(appRoot, bundle))) throw new PackageContentError(bundle, 'is missing; run npm run build first');
    if (existsSync(join(appRoot, `${bundle}.map`))) {
      throw new PackageContentError(`${bundle}.map`, 'is a development build; run npm run build (production) first');
    }
  }
}
