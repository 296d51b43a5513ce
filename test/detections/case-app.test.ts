/**
 * The app a test case runs against (test/detections/case-app.ts): the case's lookup rows are
 * appended to the app's lookup for that case only, as `t1505 hunt --lookup FILE=CSV` does.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { LoadedDetection } from '../../src/detections/load';
import type { App } from '../../src/engine/app';
import { runSearch } from '../../src/engine/search';
import { caseAppFactory, caseLookupRows, huntLookupArgs } from './case-app';
import { loadApp, type EngineApp } from './engine';

const root = resolve(__dirname, '..', '..');
const loaded = { dir: 'detections/T1505.006_vsphere_installation_bundles/esxi_new_vib_outside_change_window' } as LoadedDetection;
const NOW = Date.UTC(2026, 2, 14, 12, 0, 0) / 1000;

function rowsFile(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 't1505-case-app-'));
  writeFileSync(join(dir, 'change_window.csv'), text);
  return join(dir, 'change_window.csv');
}

function runSearchOn(app: EngineApp, spl: string): unknown[] {
  return runSearch(spl, { app: app as App, events: [], now: NOW }).results;
}

test('caseLookupRows names the app lookup file and the fixture in the detection folder', () => {
  expect(caseLookupRows(root, loaded, { lookups: { t1505_esxi_change_windows: 'change_window_esx01.csv' } })).toEqual([
    { file: 't1505_esxi_change_windows.csv', csvPath: join(root, loaded.dir, 'change_window_esx01.csv') },
  ]);
  expect(caseLookupRows(root, loaded, {})).toEqual([]);
});

test('huntLookupArgs gives the same rows to t1505 hunt', () => {
  expect(huntLookupArgs([{ file: 't1505_server_roles.csv', csvPath: '/x/roles.csv' }])).toEqual(['--lookup', 't1505_server_roles.csv=/x/roles.csv']);
});

describe('caseAppFactory', () => {
  const shared = loadApp(root);
  const appFor = caseAppFactory(root, () => shared);

  test('a case without lookup rows runs on the shared app', () => {
    expect(appFor([])).toBe(shared);
  });

  test("a case's rows are appended to the app's lookup for that case only", () => {
    const csvPath = rowsFile('dest,window_start,window_end,ticket,notes\nesx01*,2026-03-14T08:00:00Z,2026-03-14T12:00:00Z,CHG-20417,vendor driver update\n');
    const withRows = appFor([{ file: 't1505_esxi_change_windows.csv', csvPath }]);
    expect(withRows).not.toBe(shared);
    expect(runSearchOn(withRows, '| inputlookup t1505_esxi_change_windows_lookup | table dest ticket')).toEqual([{ dest: 'esx01*', ticket: 'CHG-20417' }]);
    expect(runSearchOn(shared, '| inputlookup t1505_esxi_change_windows_lookup | table dest ticket')).toEqual([]);
    expect(appFor([{ file: 't1505_esxi_change_windows.csv', csvPath }])).toBe(withRows);
  });

  test('the shipped rows stay (rows are added, not substituted)', () => {
    const shipped = runSearchOn(shared, '| inputlookup t1505_exchange_transport_agent_baseline_lookup | stats count').at(0) as { count: number };
    const dir = mkdtempSync(join(tmpdir(), 't1505-case-app-'));
    writeFileSync(join(dir, 'agents.csv'), 'dest,identity,transport_service,assembly_path,approved_by,reason\nEX01*,Contoso Disclaimer Agent,FrontEnd,C:\\Program Files\\Contoso\\Disclaimer\\Contoso.Disclaimer.dll,CHG-1182,Corporate disclaimer\n');
    const withRows = appFor([{ file: 't1505_exchange_transport_agent_baseline.csv', csvPath: join(dir, 'agents.csv') }]);
    expect(Number(shipped.count)).toBeGreaterThan(0);
    expect(runSearchOn(withRows, '| inputlookup t1505_exchange_transport_agent_baseline_lookup | stats count')).toEqual([{ count: shipped.count + 1 }]);
  });

  test('emptied lookups keep their header only, shipped and added rows alike', () => {
    const csvPath = rowsFile('dest,window_start,window_end,ticket,notes\nesx01*,2026-03-14T08:00:00Z,2026-03-14T12:00:00Z,CHG-20417,vendor driver update\n');
    const emptied = appFor([{ file: 't1505_esxi_change_windows.csv', csvPath }], ['t1505_esxi_change_windows', 't1505_exchange_transport_agent_baseline']);
    expect(runSearchOn(emptied, '| inputlookup t1505_esxi_change_windows_lookup | table dest ticket')).toEqual([]);
    expect(runSearchOn(emptied, '| inputlookup t1505_exchange_transport_agent_baseline_lookup | stats count')).toEqual([{ count: 0 }]);
    expect(runSearchOn(emptied, '| inputlookup t1505_web_child_allowlist_lookup | stats count')).not.toEqual([{ count: 0 }]);
  });

  test('emptying a lookup the app does not have is an error naming it', () => {
    expect(() => appFor([], ['t1505_change_windows'])).toThrow('cannot empty lookups/t1505_change_windows.csv: the app has no such lookup file');
  });

  test('a header that differs is refused with both headers named', () => {
    const csvPath = rowsFile('dest,start,end\nesx01,2026-03-14T08:00:00Z,2026-03-14T12:00:00Z\n');
    expect(() => appFor([{ file: 't1505_esxi_change_windows.csv', csvPath }])).toThrow(/header \(dest,start,end\) differs from lookups\/t1505_esxi_change_windows\.csv \(dest,window_start,window_end,ticket,notes\)/);
  });
});
