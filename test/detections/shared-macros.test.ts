/**
 * The shared macros of detections/macros.yml, run through the SPL engine with the app's
 * generated macros.conf and transforms.conf and test-specific allowlist and role lookups.
 *
 * Splunk semantics relied on:
 * - lookup matching with match_type WILDCARD and case_sensitive_match = false, max_matches
 *   (transforms.conf spec, https://help.splunk.com/en/data-management/splunk-enterprise-admin-manual/10.0/10.0.0-configuration-file-reference/transforms.conf;
 *   https://help.splunk.com/splunk-enterprise/manage-knowledge-objects/knowledge-management-manual/9.4/use-the-configuration-files-to-configure-lookups/add-field-matching-rules-to-your-lookup-configuration);
 * - a lookup matches only when every input field exists on the event, and a row with several
 *   matching lookup rows gets multivalue outputs up to max_matches
 *   (https://help.splunk.com/splunk-enterprise/spl-search-reference/10.0/search-commands/lookup);
 * - mvfilter/mvcount/like/coalesce/strftime(now()) in eval
 *   (https://help.splunk.com/splunk-enterprise/spl-search-reference/9.0/evaluation-functions/multivalue-eval-functions).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Row, SplunkEvent } from '../../src/engine/event';
import { loadApp, runSearch } from './engine';

const repo = resolve(__dirname, '..', '..');
const NOW = Date.parse('2026-03-14T12:00:00Z') / 1000;

function appWith(lookups: Record<string, string>): ReturnType<typeof loadApp> {
  const dir = mkdtempSync(join(tmpdir(), 't1505-macros-'));
  mkdirSync(join(dir, 'default'));
  mkdirSync(join(dir, 'lookups'));
  for (const file of ['macros.conf', 'transforms.conf']) copyFileSync(join(repo, 'default', file), join(dir, 'default', file));
  for (const file of readdirSync(join(repo, 'lookups'))) copyFileSync(join(repo, 'lookups', file), join(dir, 'lookups', file));
  for (const [file, text] of Object.entries(lookups)) writeFileSync(join(dir, 'lookups', file), text);
  return loadApp(dir);
}

function event(fields: Record<string, string>, i: number): SplunkEvent {
  return { _time: NOW - 60 - i, _raw: `row ${i}`, host: 'test', source: 'test', sourcetype: 'test:rows', index: 'main', linecount: 1, ...fields };
}

function run(app: ReturnType<typeof loadApp>, spl: string, rows: Array<Record<string, string>>): Row[] {
  return runSearch(app, `search sourcetype="test:rows" ${spl}`, rows.map(event), NOW);
}

describe('t1505_allowlist(1)', () => {
  const allowlist = [
    'technique_id,dest,user,pattern,reason,expires',
    'T1505,web01*,*,/usr/lib/apache2/modules/mod_corp_sso.so,in-house SSO module (CHG-100),',
    'T1505,web02.corp.example.com,*,/usr/lib/apache2/modules/mod_no_reason.so,,',
    'T1505,web02.corp.example.com,*,/usr/lib/apache2/modules/mod_expired.so,pilot ended,2026-03-13',
    'T1505,web02.corp.example.com,*,/usr/lib/apache2/modules/mod_last_day.so,pilot ends today,2026-03-14',
    'T1505,web02.corp.example.com,*,/usr/lib/apache2/modules/mod_bad_date.so,typo in the date,2026/12/31',
    'T1505.003,*,*,/usr/lib/apache2/modules/mod_other_technique.so,only for web shells,',
    'T1505,web03*,svc_deploy,*,CI deploys modules on web03,2026-12-31',
    'T1505,web04*,*,/usr/lib/apache2/modules/mod_shadow.so,,',
    'T1505,web04*,*,/usr/lib/apache2/modules/mod_shadow*,listed second,',
  ].join('\n');
  const app = (): ReturnType<typeof loadApp> => appWith({ 't1505_allowlist.csv': allowlist + '\n' });
  const row = (dest: string, file: string, user = 'root'): Record<string, string> => ({ technique_id: 'T1505', dest, user, file_path: `/usr/lib/apache2/modules/${file}` });
  const kept = (rows: Array<Record<string, string>>): string[] =>
    run(app(), '| `t1505_allowlist(file_path)` | table dest file_path', rows).map((r) => `${String(r.dest)} ${String(r.file_path).replace(/^.*\//, '')}`);

  test('an entry with a reason and no expiry suppresses; dest wildcard and case are ignored', () => {
    expect(kept([row('WEB01.corp.example.com', 'mod_corp_sso.so'), row('web05.corp.example.com', 'mod_corp_sso.so')])).toEqual(['web05.corp.example.com mod_corp_sso.so']);
  });

  test('an entry without a reason suppresses nothing', () => {
    expect(kept([row('web02.corp.example.com', 'mod_no_reason.so')])).toEqual(['web02.corp.example.com mod_no_reason.so']);
  });

  test('expired entries stop suppressing; the expiry day itself still counts', () => {
    expect(kept([row('web02.corp.example.com', 'mod_expired.so'), row('web02.corp.example.com', 'mod_last_day.so')])).toEqual(['web02.corp.example.com mod_expired.so']);
  });

  test('a malformed expiry suppresses nothing', () => {
    expect(kept([row('web02.corp.example.com', 'mod_bad_date.so')])).toEqual(['web02.corp.example.com mod_bad_date.so']);
  });

  test('the technique must match', () => {
    expect(kept([row('web02.corp.example.com', 'mod_other_technique.so')])).toEqual(['web02.corp.example.com mod_other_technique.so']);
  });

  test('the user must match; a * pattern covers every key value', () => {
    expect(kept([row('web03.corp.example.com', 'mod_any.so', 'svc_deploy'), row('web03.corp.example.com', 'mod_any.so', 'alice')])).toEqual(['web03.corp.example.com mod_any.so']);
  });

  test('a row without the key field is matched as "-", so only * patterns cover it', () => {
    const rows = run(app(), '| `t1505_allowlist(file_path)` | table dest user', [
      { technique_id: 'T1505', dest: 'web03.corp.example.com', user: 'svc_deploy' },
      { technique_id: 'T1505', dest: 'web01.corp.example.com', user: 'root' },
    ]);
    expect(rows.map((r) => r.dest)).toEqual(['web01.corp.example.com']);
  });

  test('the first matching entry decides (max_matches = 1): a reasonless entry above shadows a valid one', () => {
    expect(kept([row('web04.corp.example.com', 'mod_shadow.so'), row('web04.corp.example.com', 'mod_shadow2.so')])).toEqual(['web04.corp.example.com mod_shadow.so']);
  });

  test('the helper fields are removed', () => {
    const rows = run(app(), '| `t1505_allowlist(file_path)`', [row('web09.corp.example.com', 'mod_x.so')]);
    expect(Object.keys(rows[0]).filter((k) => k.startsWith('t1505_'))).toEqual([]);
  });
});

describe('t1505_role_scope(1) and t1505_role_scope_strict(1)', () => {
  const roles = ['host,role,notes', 'web01*,linux-web,public shop', 'SQL01.corp.example.com,sql,finance', 'app02.corp.example.com,sql,', 'app02.corp.example.com,web,shared box', 'iis07*,IIS,'].join('\n');
  const app = (): ReturnType<typeof loadApp> => appWith({ 't1505_server_roles.csv': roles + '\n' });
  const hosts = ['web01.corp.example.com', 'sql01.corp.example.com', 'app02.corp.example.com', 'iis07.corp.example.com', 'new99.corp.example.com'];
  const scoped = (macro: string): string[] =>
    run(app(), `| \`${macro}\` | table dest`, hosts.map((dest) => ({ dest }))).map((r) => String(r.dest));

  test('keeps hosts with the role and hosts without any role entry (fail-open)', () => {
    expect(scoped('t1505_role_scope("linux-web")')).toEqual(['web01.corp.example.com', 'new99.corp.example.com']);
  });

  test('matches any of several roles, one of several roles per host, case-insensitively', () => {
    expect(scoped('t1505_role_scope("web,iis")')).toEqual(['app02.corp.example.com', 'iis07.corp.example.com', 'new99.corp.example.com']);
    expect(scoped('t1505_role_scope("sql")')).toEqual(['sql01.corp.example.com', 'app02.corp.example.com', 'new99.corp.example.com']);
  });

  test('the strict variant drops hosts without a role entry', () => {
    expect(scoped('t1505_role_scope_strict("linux-web")')).toEqual(['web01.corp.example.com']);
  });

  test('the helper fields are removed', () => {
    const rows = run(app(), '| `t1505_role_scope("sql")`', [{ dest: 'sql01.corp.example.com' }]);
    expect(Object.keys(rows[0]).filter((k) => k.startsWith('t1505_'))).toEqual([]);
  });
});

describe('t1505_detection_fields(4)', () => {
  test('sets technique and detection, keeps per-row severity and score, fills unknown dest and user', () => {
    const rows = run(
      appWith({}),
      '| eval severity=if(file_path="x", "critical", null()) | `t1505_detection_fields("T1505", "T1505 - Test, With Comma", "high", 70)` | table dest user technique_id detection severity risk_score',
      [
        { dest: 'web01', user: 'alice', file_path: 'x' },
        { file_path: 'y' },
      ],
    );
    expect(rows).toEqual([
      { dest: 'web01', user: 'alice', technique_id: 'T1505', detection: 'T1505 - Test, With Comma', severity: 'critical', risk_score: 70 },
      { dest: 'unknown', user: 'unknown', technique_id: 'T1505', detection: 'T1505 - Test, With Comma', severity: 'high', risk_score: 70 },
    ]);
  });
});

test('t1505_drop_dm_object_name(1) strips the dataset prefix', () => {
  const rows = run(appWith({}), '| eval Processes.dest=host, Processes.process_name="sh" | `t1505_drop_dm_object_name(Processes)` | table dest process_name', [{}]);
  expect(rows).toEqual([{ dest: 'test', process_name: 'sh' }]);
});

/**
 * t1505_xml_unescape(1): Windows XML field values arrive with their XML entities in Splunk
 * (props.conf XML_IE_SKIP_XML_ENCODED_VALS, default true,
 * https://help.splunk.com/en/data-management/splunk-enterprise-admin-manual/10.0/10.0.0-configuration-file-reference/props.conf);
 * the macro decodes them with nested eval replace() calls (PCRE regex, replacement text with
 * only \N back-references special,
 * https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/evaluation-functions/text-functions).
 */
describe('t1505_xml_unescape(1)', () => {
  const unescaped = (field: string, rows: Array<Record<string, string>>): unknown[] =>
    run(appWith({}), `| \`t1505_xml_unescape(${field})\` | table ${field}`, rows).map((r) => r[field]);

  test('decodes the five XML entities, every occurrence', () => {
    const process = '&quot;C:\\Windows\\system32\\cmd.exe&quot; /c &quot;whoami &amp; echo &lt;S&gt; &amp; echo &apos;E&apos;&quot;';
    expect(unescaped('process', [{ process }])).toEqual(['"C:\\Windows\\system32\\cmd.exe" /c "whoami & echo <S> & echo \'E\'"']);
  });

  test('decodes &amp; last, so encoded entity text stays literal text', () => {
    expect(unescaped('process', [{ process: 'echo &amp;quot; &amp;amp; &amp;lt;' }])).toEqual(['echo &quot; &amp; &lt;']);
  });

  test('leaves plain text, numeric references and a missing field as they are', () => {
    const rows = run(appWith({}), '| `t1505_xml_unescape(process)` | eval has_process=if(isnull(process), "no", "yes") | table process has_process', [
      { process: 'C:\\Windows\\system32\\inetsrv\\appcmd.exe list modules' },
      { process: 'line one&#13;&#10;line two' },
      { parent_process: 'C:\\Windows\\explorer.exe' },
    ]);
    expect(rows).toEqual([
      { process: 'C:\\Windows\\system32\\inetsrv\\appcmd.exe list modules', has_process: 'yes' },
      { process: 'line one&#13;&#10;line two', has_process: 'yes' },
      { has_process: 'no' },
    ]);
  });

  test('works on a data-model field name with a dot (Processes.process)', () => {
    const rows = run(appWith({}), '| eval Processes.process=cmd | `t1505_xml_unescape(Processes.process)` | `t1505_drop_dm_object_name(Processes)` | table process', [
      { cmd: 'powershell.exe -c &quot;Get-Date&quot;' },
    ]);
    expect(rows).toEqual([{ process: 'powershell.exe -c "Get-Date"' }]);
  });
});
