/**
 * Stale generated identity files: what `generate:app --check` reports and what stops
 * `npm run package` (an app.conf or app.manifest that package.json no longer matches).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_ID, readIdentity } from '../../src/app-identity/identity';
import { APP_CONF, APP_MANIFEST, renderIdentityFiles } from '../../src/app-identity/render';
import { staleIdentityFiles } from '../../src/app-identity/stale';
import { buildPackage } from '../../src/package/build-package';

function appFolder(version: string): string {
  const dir = mkdtempSync(join(tmpdir(), 't1505-identity-'));
  mkdirSync(join(dir, 'default'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: APP_ID, version }));
  return dir;
}

describe('staleIdentityFiles', () => {
  test('nothing is stale when the files are what the identity renders', () => {
    const dir = appFolder('1.4.2');
    const app = readIdentity(dir);
    for (const [path, content] of renderIdentityFiles(app)) writeFileSync(join(dir, path), content);
    expect(staleIdentityFiles(dir, app)).toEqual([]);
  });
  test('an app.conf of an older version and a missing app.manifest are stale, with their new content', () => {
    const dir = appFolder('1.4.2');
    writeFileSync(join(dir, APP_CONF), renderIdentityFiles(readIdentity(appFolder('1.4.1'))).get(APP_CONF)!);
    const app = readIdentity(dir);
    const stale = staleIdentityFiles(dir, app);
    expect(stale.map(([path]) => path)).toEqual([APP_CONF, APP_MANIFEST]);
    expect(stale[0][1]).toContain('version = 1.4.2');
    expect(readFileSync(join(dir, APP_CONF), 'utf8')).toContain('version = 1.4.1');
  });
  test('the package build stops at the first stale file', async () => {
    const dir = appFolder('1.4.2');
    writeFileSync(join(dir, APP_CONF), '[launcher]\nversion = 0.0.1\n');
    await expect(buildPackage({ appRoot: dir, outDir: join(dir, 'dist') })).rejects.toThrow(`${APP_CONF}: does not match package.json; run npm run generate:app`);
  });
});
