/**
 * Conformance: tstats over the CIM data models
 * (https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/tstats),
 * datasets and constraints from src/engine/cim (CIM field lists), and the CIM macro
 * drop_dm_object_name.
 */
import { ev, run, splError } from '../helpers';

const proc = (fields: Record<string, string | string[]>, time: number) =>
  ev({ _time: time, tag: ['process', 'report'], sourcetype: 'XmlWinEventLog', ...fields });
const events = [
  proc({ dest: 'WEB01', user: 'iis apppool\\default', process_name: 'cmd.exe', parent_process_name: 'w3wp.exe', process: 'cmd.exe /c whoami' }, 100),
  proc({ dest: 'WEB01', user: 'iis apppool\\default', process_name: 'whoami.exe', parent_process_name: 'cmd.exe', process: 'whoami' }, 110),
  proc({ dest: 'SQL01', process_name: 'cmd.exe', parent_process_name: 'sqlservr.exe', process: 'cmd.exe /c dir', process_integrity_level: 'HIGH' }, 120),
  ev({ _time: 130, tag: ['endpoint', 'filesystem'], dest: 'WEB01', file_path: 'C:\\inetpub\\wwwroot\\a.aspx', file_name: 'a.aspx', action: 'created' }),
  ev({ _time: 140, dest: 'WEB02', process_name: 'cmd.exe' }),
];
const opts = { now: 1000 };

describe('tstats over a data model', () => {
  test('selects only events in the dataset (its constraint: tag=process tag=report)', () => {
    expect(run('| tstats count from datamodel=Endpoint.Processes', events, opts)).toEqual([{ count: 3 }]);
  });
  test('fields are named <Dataset>.<field> and BY groups them', () => {
    expect(run('| tstats count from datamodel=Endpoint.Processes by Processes.dest', events, opts)).toEqual([
      { 'Processes.dest': 'SQL01', count: 1 },
      { 'Processes.dest': 'WEB01', count: 2 },
    ]);
  });
  test('WHERE takes search-language syntax over dataset fields (case-insensitive values, wildcards)', () => {
    expect(run('| tstats count from datamodel=Endpoint.Processes where Processes.parent_process_name=W3WP* by Processes.process_name', events, opts)).toEqual([
      { 'Processes.process_name': 'cmd.exe', count: 1 },
    ]);
  });
  test('min(_time) and max(_time), values() and dc()', () => {
    expect(
      run('| tstats min(_time) as firstTime max(_time) as lastTime values(Processes.process_name) as names dc(Processes.dest) as hosts from datamodel=Endpoint.Processes', events, opts),
    ).toEqual([{ firstTime: 100, lastTime: 120, names: ['cmd.exe', 'whoami.exe'], hosts: 2 }]);
  });
  test('BY _time span= buckets the time', () => {
    expect(run('| tstats count from datamodel=Endpoint.Processes by _time span=1m', events, opts)).toEqual([
      { _time: 60, count: 2 },
      { _time: 120, count: 1 },
    ]);
  });
  test('a missing BY field drops the row unless fillnull_value is set', () => {
    expect(run('| tstats count from datamodel=Endpoint.Processes by Processes.user', events, opts)).toEqual([{ 'Processes.user': 'iis apppool\\default', count: 2 }]);
    expect(run('| tstats fillnull_value=null count from datamodel=Endpoint.Processes by Processes.user', events, opts)).toEqual([
      { 'Processes.user': 'iis apppool\\default', count: 2 },
      { 'Processes.user': 'null', count: 1 },
    ]);
  });
  test('summariesonly and allow_old_summaries are accepted (all data counts as summarised offline)', () => {
    expect(run('| tstats summariesonly=true allow_old_summaries=true count from datamodel=Endpoint.Processes', events, opts)).toEqual([{ count: 3 }]);
  });
  test('the constraint pipe part runs: process_integrity_level is lower-cased by Endpoint.Processes', () => {
    expect(run('| tstats values(Processes.process_integrity_level) as l from datamodel=Endpoint.Processes', events, opts)).toEqual([{ l: 'high' }]);
  });
  test('count over an empty selection is one row of 0, as stats gives (unverified for tstats)', () => {
    expect(run('| tstats count dc(Processes.dest) as hosts from datamodel=Endpoint.Processes where Processes.dest=NOSUCHHOST', events, opts)).toEqual([{ count: 0, hosts: 0 }]);
  });
  test('the dispatch window bounds tstats', () => {
    expect(run('| tstats count from datamodel=Endpoint.Processes', events, { now: 1000, earliest: 105, latest: 1000 })).toEqual([{ count: 2 }]);
  });
  test('earliest=/latest= in WHERE replace the dispatch bounds (unverified for tstats)', () => {
    expect(run('| tstats count from datamodel=Endpoint.Processes where earliest=0', events, { now: 1000, earliest: 105, latest: 1000 })).toEqual([{ count: 3 }]);
    expect(run('| tstats count from datamodel=Endpoint.Processes where latest=105', events, { now: 1000, earliest: 0 })).toEqual([{ count: 1 }]);
  });
  test('a bad time modifier in WHERE fails at the command', () => {
    const e = splError('| tstats count from datamodel=Endpoint.Processes where earliest=yesterday', events, opts);
    expect(e.reason).toMatch(/^tstats: invalid time modifier/);
  });
  test('where nodename= selects a child dataset', () => {
    const auth = [
      ev({ tag: 'authentication', action: 'failure', user: 'a' }),
      ev({ tag: 'authentication', action: 'success', user: 'b' }),
    ];
    expect(run('| tstats count from datamodel=Authentication where nodename=Authentication.Failed_Authentication by Authentication.user', auth, opts)).toEqual([
      { 'Authentication.user': 'a', count: 1 },
    ]);
  });
  test('datamodel=Web names the root dataset of a one-root model', () => {
    expect(run('| tstats count from datamodel=Web', [ev({ tag: 'web', url: '/x' })], opts)).toEqual([{ count: 1 }]);
  });
  test('a subsearch in WHERE supplies dataset conditions', () => {
    const rows = run(
      '| tstats count from datamodel=Endpoint.Processes where [| makeresults | eval Processes.parent_process_name="sqlservr.exe" | fields - _time] by Processes.dest',
      events,
      opts,
    );
    expect(rows).toEqual([{ 'Processes.dest': 'SQL01', count: 1 }]);
  });
  test('drop_dm_object_name(Processes) removes the dataset prefix', () => {
    expect(run('| tstats count from datamodel=Endpoint.Processes by Processes.dest | `drop_dm_object_name(Processes)`', events, opts)).toEqual([
      { dest: 'SQL01', count: 1 },
      { dest: 'WEB01', count: 2 },
    ]);
  });
  test('Endpoint.Filesystem selects file events', () => {
    expect(run('| tstats values(Filesystem.file_name) as f from datamodel=Endpoint.Filesystem', events, opts)).toEqual([{ f: 'a.aspx' }]);
  });
  test('tstats without FROM counts by indexed fields', () => {
    expect(run('| tstats count where index=main by sourcetype', [ev({ sourcetype: 'a' }), ev({ sourcetype: 'b' }), ev({ sourcetype: 'a' })], opts)).toEqual([
      { sourcetype: 'a', count: 2 },
      { sourcetype: 'b', count: 1 },
    ]);
  });
});

describe('tstats diagnostics', () => {
  test('a field the dataset lacks is an error naming the dataset and field', () => {
    expect(splError('| tstats count from datamodel=Endpoint.Filesystem by Filesystem.process_path', events, opts).message).toMatch(
      /data model Endpoint.Filesystem has no field "process_path"/,
    );
  });
  test('an unknown data model is an error', () => {
    expect(splError('| tstats count from datamodel=Nope.Things', events, opts).message).toMatch(/unknown data model "Nope.Things"/);
  });
  test('a field without the dataset prefix is an error', () => {
    expect(splError('| tstats count from datamodel=Endpoint.Processes by dest', events, opts).message).toMatch(/has no dataset prefix/);
  });
  test('prestats=true is refused', () => {
    expect(splError('| tstats prestats=true count from datamodel=Endpoint.Processes', events, opts).message).toMatch(/prestats=true is not supported/);
  });
  test('tstats must be the first command', () => {
    expect(splError('index=main | tstats count', events, opts).message).toMatch(/generating command and must be the first/);
  });
});
