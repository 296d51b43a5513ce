/**
 * Text-level reference scanning and cron checks.
 * Macro call syntax and comments: https://help.splunk.com/en/splunk-enterprise/manage-knowledge-objects/knowledge-management-manual/10.0/search-macros
 * cron_schedule: savedsearches.conf spec (five fields, standard cron syntax).
 */
import { checkCron } from '../../src/detections/cron';
import { dataModels, lookupNames, macroCalls, pipedCommands, splitArgs, tokens } from '../../src/detections/spl-references';

test('macro calls carry their stanza name with the argument count', () => {
  const spl = '`t1505_sysmon` EventCode=1 | `t1505_detection_fields("T1505", "T1505 - A, B", "high", 70)` | `t1505_x_filter` ```a `commented` macro```';
  expect(macroCalls(spl).map((c) => c.stanza)).toEqual(['t1505_sysmon', 't1505_detection_fields(4)', 't1505_x_filter']);
  expect(macroCalls('`f()`')[0].stanza).toBe('f');
});

test('macro arguments split on commas outside quotes and parentheses', () => {
  expect(splitArgs('"a, b", coalesce(x, y), 3')).toEqual(['"a, b"', 'coalesce(x, y)', '3']);
  expect(splitArgs('"say \\"hi, there\\"", z')).toEqual(['"say \\"hi, there\\""', 'z']);
});

test('lookups, data models, piped commands and tokens are found', () => {
  const spl = '| tstats count from datamodel=Endpoint.Processes by x | lookup local=true t1505_a_lookup x OUTPUT y | inputlookup t1505_b.csv | eval s="| join"';
  expect(lookupNames(spl)).toEqual(['t1505_a_lookup', 't1505_b.csv']);
  expect(dataModels(spl)).toEqual(['Endpoint.Processes']);
  expect(pipedCommands(spl)).toEqual(['tstats', 'lookup', 'inputlookup', 'eval']);
  expect(tokens('on $dest$ by $user$ ($x)')).toEqual(['dest', 'user']);
});

test.each([
  ['7 * * * *', undefined, [7]],
  ['*/15 * * * *', undefined, [0, 15, 30, 45]],
  ['0,30 2-4 * * 1-5', undefined, [0, 30]],
  ['*/5 * * * *', undefined, [0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55]],
  ['*/4 * * * *', 'runs 15 times an hour; at most 12 (every 5 minutes)', undefined],
  ['0 * * *', 'expected 5 fields (minute hour day month weekday), got 4', undefined],
  ['61 * * * *', 'minute field "61": 61 is outside 0-59', undefined],
  ['0 * * JAN *', 'month field "JAN": "JAN" is not a number, range, list or step', undefined],
  ['0 0 0 * *', 'day of month field "0": 0 is outside 1-31', undefined],
])('cron %s', (expression, error, minutes) => {
  const result = checkCron(expression);
  expect(result.error).toBe(error);
  if (minutes) expect(result.minutes).toEqual(minutes);
});
