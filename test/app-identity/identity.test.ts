/**
 * App identity: one version (package.json) and one id in app.conf and app.manifest.
 * app.conf rules: https://help.splunk.com/en/data-management/splunk-enterprise-admin-manual/10.0/10.0.0-configuration-file-reference/app.conf
 * AppInspect: [package] id = [id] name = folder name; [id], [launcher] and
 * app.manifest versions identical semver; [ui] label 5-80 characters; is_configured not true.
 * https://dev.splunk.com/enterprise/reference/appinspect/appinspectcheck/
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConf } from '../../src/conf/conf';
import { APP_ID, REPO_ROOT, buildNumber, readIdentity } from '../../src/app-identity/identity';
import { APP_CONF, APP_MANIFEST, renderIdentityFiles } from '../../src/app-identity/render';

const read = (path: string): string => readFileSync(join(REPO_ROOT, path), 'utf8');

describe('app identity', () => {
  const packageVersion = (JSON.parse(read('package.json')) as { version: string }).version;

  it('committed app.conf and app.manifest equal what generate:app writes (run `npm run generate:app` when this fails)', () => {
    for (const [path, content] of renderIdentityFiles(readIdentity())) expect(read(path)).toBe(content);
  });

  it('app.conf carries the id, label and the package.json version everywhere', () => {
    const conf = parseConf(read(APP_CONF), APP_CONF);
    const setting = (stanza: string, key: string): string | undefined => conf.get(stanza)?.settings.get(key);
    expect(setting('package', 'id')).toBe(APP_ID);
    expect(setting('id', 'name')).toBe(APP_ID);
    expect(setting('id', 'version')).toBe(packageVersion);
    expect(setting('launcher', 'version')).toBe(packageVersion);
    expect(setting('install', 'is_configured')).toBe('false');
    expect(setting('install', 'build')).toBe(String(buildNumber(packageVersion)));
    const label = setting('ui', 'label') ?? '';
    expect(label).toBe('T1505 Server Software Component');
    expect(label.length).toBeGreaterThanOrEqual(5);
    expect(label.length).toBeLessThanOrEqual(80);
    expect(APP_ID).toMatch(/^[A-Za-z][A-Za-z0-9._-]*[A-Za-z0-9_-]$/);
  });

  it('app.manifest names the same app and version', () => {
    const manifest = JSON.parse(read(APP_MANIFEST));
    expect(manifest.schemaVersion).toBe('2.0.0');
    expect(manifest.info.id).toEqual({ group: null, name: APP_ID, version: packageVersion });
    expect(manifest.info.title).toBe('T1505 Server Software Component');
  });

  it('derives a build number that grows with the version and rejects non-semver versions', () => {
    expect(buildNumber('0.1.0')).toBe(100);
    expect(buildNumber('1.2.3')).toBe(10203);
    expect(buildNumber('1.10.0')).toBeGreaterThan(buildNumber('1.9.99'));
    expect(() => buildNumber('1.2')).toThrow('package.json version "1.2" is not a semver 2.0.0 version');
    expect(() => buildNumber('1.100.0')).toThrow('minor and patch must be below 100');
  });
});
