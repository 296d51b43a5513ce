/** The command table, and the Splunk commands the engine knows but does not run. */
import { binCommand } from './bin';
import { convertCommand } from './convert';
import { dedupCommand } from './dedup';
import { evalCommand } from './eval';
import { eventstatsCommand } from './eventstats';
import { fieldsCommand, tableCommand } from './fields';
import { fillnullCommand } from './fillnull';
import { headCommand, tailCommand } from './head';
import { inputlookupCommand, lookupCommand } from './lookup';
import { makemvCommand, mvexpandCommand } from './multivalue';
import { renameCommand } from './rename';
import { regexCommand, rexCommand } from './rex';
import { searchCommand } from './search';
import { sortCommand } from './sort';
import { statsCommand } from './stats';
import { streamstatsCommand } from './streamstats';
import { appendCommand, formatCommand, makeresultsCommand, returnCommand } from './subsearch';
import { tstatsCommand } from './tstats';
import type { CommandDefinition } from './types';
import { whereCommand } from './where';

const DEFINITIONS: CommandDefinition[] = [
  appendCommand,
  binCommand,
  convertCommand,
  dedupCommand,
  evalCommand,
  eventstatsCommand,
  fieldsCommand,
  fillnullCommand,
  formatCommand,
  headCommand,
  inputlookupCommand,
  lookupCommand,
  makemvCommand,
  makeresultsCommand,
  mvexpandCommand,
  regexCommand,
  renameCommand,
  returnCommand,
  rexCommand,
  searchCommand,
  sortCommand,
  statsCommand,
  streamstatsCommand,
  tableCommand,
  tailCommand,
  tstatsCommand,
  whereCommand,
];

export const COMMANDS: ReadonlyMap<string, CommandDefinition> = new Map(
  DEFINITIONS.flatMap((d) => [[d.name, d] as const, ...(d.aliases ?? []).map((a) => [a, d] as const)]),
);

/** SPL1 commands that exist in Splunk but that the offline engine does not run. */
export const KNOWN_UNSUPPORTED_COMMANDS = new Set([
  'abstract', 'accum', 'addcoltotals', 'addinfo', 'addtotals', 'analyzefields', 'anomalies', 'anomalousvalue', 'anomalydetection',
  'appendcols', 'appendpipe', 'arules', 'associate', 'autoregress', 'bucketdir', 'chart', 'cluster', 'cofilter', 'collect', 'concurrency',
  'contingency', 'correlate', 'datamodel', 'dbinspect', 'delete', 'delta', 'diff', 'erex', 'eventcount', 'extract', 'kv', 'fieldformat',
  'fieldsummary', 'filldown', 'findtypes', 'folderize', 'foreach', 'from', 'gauge', 'gentimes', 'geom', 'geomfilter', 'geostats', 'highlight',
  'history', 'iconify', 'inputcsv', 'iplocation', 'join', 'kmeans', 'kvform', 'loadjob', 'localize', 'localop', 'map', 'mcollect', 'metadata',
  'metasearch', 'meventcollect', 'mpreview', 'msearch', 'mstats', 'multikv', 'multisearch', 'mvcombine', 'nomv', 'outlier', 'outputcsv',
  'outputlookup', 'outputtext', 'overlap', 'pivot', 'predict', 'rangemap', 'rare', 'redistribute', 'reltime', 'replace', 'require', 'rest',
  'reverse', 'rtorder', 'savedsearch', 'script', 'scrub', 'search_', 'searchtxn', 'selfjoin', 'sendalert', 'sendemail', 'set', 'setfields',
  'sichart', 'sirare', 'sistats', 'sitimechart', 'sitop', 'spath', 'strcat', 'tags', 'teragrep', 'timechart', 'timewrap', 'tojson', 'top',
  'transaction', 'transpose', 'trendline', 'tscollect', 'typeahead', 'typelearner', 'typer', 'union', 'uniq', 'untable', 'walklex', 'x11',
  'xmlkv', 'xmlunescape', 'xpath', 'xyseries', 'entitymerge', 'fit', 'apply',
]);
