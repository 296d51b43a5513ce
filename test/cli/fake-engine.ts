/** A small stand-in for the SPL engine, to test the CLI's own behaviour. */
import type { Row, SplunkEvent } from '../../src/engine/event';
import type { EnginePort, LintFinding, LoadedApp } from '../../src/cli/engine-port';

export interface FakeCalls {
  appDirs: string[];
  nows: number[];
  searches: string[];
}

export function fakeEngine(findings: LintFinding[] = []): { engine: EnginePort; calls: FakeCalls } {
  const calls: FakeCalls = { appDirs: [], nows: [], searches: [] };
  const saved: Record<string, (events: SplunkEvent[], now: number) => Row[]> = {
    // Sysmon process creations whose parent is w3wp.exe within the last hour
    'T1505 - Web Server Spawning Shell': (events, now) =>
      events
        .filter((e) => e.tag !== undefined && e.parent_process_name === 'w3wp.exe' && e._time >= now - 3600 && e._time < now)
        .map((e) => ({ _time: e._time, dest: e.dest, user: e.user, process: e.process })),
    'T1505 - Broken Search': () => {
      throw new Error('command not supported by the offline engine: transaction (line 1, column 40)');
    },
  };
  const app: LoadedApp = {
    savedSearchNames: () => Object.keys(saved),
    runSavedSearch: (name, events, now) => {
      calls.searches.push(name);
      calls.nows.push(now);
      return { results: saved[name](events, now) };
    },
    runSearch: (spl, events, now) => {
      calls.searches.push(spl);
      calls.nows.push(now);
      if (spl.trim() === '| stats count by sourcetype') {
        const counts = new Map<string, number>();
        for (const e of events) counts.set(e.sourcetype, (counts.get(e.sourcetype) ?? 0) + 1);
        return { results: [...counts].map(([sourcetype, count]) => ({ sourcetype, count: String(count) })) };
      }
      throw new Error(`unknown command "${spl.split(/\s+/)[1] ?? spl}" (line 1, column 3)`);
    },
  };
  const engine: EnginePort = {
    loadApp: (dir) => {
      calls.appDirs.push(dir);
      if (dir.endsWith('missing-app')) throw new Error('default/savedsearches.conf: no such file');
      return app;
    },
    lintApp: (dir) => {
      calls.appDirs.push(dir);
      return findings;
    },
  };
  return { engine, calls };
}
