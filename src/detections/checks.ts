/**
 * Rules of docs/detection-format.md that a schema cannot express: output fields that risk,
 * drilldown and suppression refer to, references to macros, lookups, data sources and
 * roles, the search conventions, the schedule, and the test fixtures.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import { TACTICS } from './attack-names';
import { checkCaseLookups } from './case-lookups';
import { checkCron } from './cron';
import type { LoadedDetection } from './load';
import { dataModels, lookupNames, macroCalls, pipedCommands, splitArgs, stripComments, tokens } from './spl-references';

export const STANDARD_FIELDS = ['_time', 'dest', 'user', 'technique_id', 'detection', 'severity', 'risk_score', 'signal'] as const;

export interface KnownObjects {
  /** macros.conf stanzas: `name` or `name(N)`. */
  macroStanzas: Set<string>;
  sourceMacros: Set<string>;
  datamodels: Set<string>;
  roles: Set<string>;
  /** transforms.conf stanzas and files in lookups/. */
  lookups: Set<string>;
}

type Report = (path: PropertyKey[], message: string) => void;

const FORBIDDEN_COMMANDS = new Set(['join', 'map', 'transaction', 'collect', 'outputlookup', 'delete', 'sendemail']);

export function outputFields(loaded: LoadedDetection): string[] {
  return [...STANDARD_FIELDS, ...loaded.detection.output.evidence];
}

export function checkDetection(loaded: LoadedDetection, known: KnownObjects, root: string, at: Report): void {
  const d = loaded.detection;
  const output = new Set(outputFields(loaded));
  const standard = new Set<string>(STANDARD_FIELDS);

  const seen = new Set<string>();
  d.output.evidence.forEach((field, i) => {
    if (standard.has(field)) at(['output', 'evidence', i], `"${field}" is a standard output field; list only the evidence fields`);
    if (seen.has(field)) at(['output', 'evidence', i], `"${field}" is listed twice`);
    seen.add(field);
  });
  if (d.allowlist_key && !output.has(d.allowlist_key)) at(['allowlist_key'], `"${d.allowlist_key}" is not an output field`);
  d.risk.objects.forEach((o, i) => {
    if (!output.has(o.field)) at(['risk', 'objects', i, 'field'], `"${o.field}" is not an output field`);
  });
  d.risk.threat_objects.forEach((o, i) => {
    if (!output.has(o.field)) at(['risk', 'threat_objects', i, 'field'], `"${o.field}" is not an output field`);
  });
  for (const token of tokens(d.risk.message)) {
    if (!output.has(token)) at(['risk', 'message'], `$${token}$ is not an output field`);
  }
  for (const token of tokens(d.drilldown.name + ' ' + d.drilldown.search)) {
    if (!output.has(token)) at(['drilldown'], `$${token}$ is not an output field`);
  }
  d.suppress?.fields.forEach((f, i) => {
    if (!output.has(f)) at(['suppress', 'fields', i], `"${f}" is not an output field`);
  });
  d.roles?.forEach((role, i) => {
    if (!known.roles.has(role)) at(['roles', i], `unknown role "${role}"; roles are listed in detections/data_sources.yml (${[...known.roles].join(', ')})`);
  });
  d.data_sources.forEach((source, i) => {
    if (source.macro && !known.sourceMacros.has(source.macro)) at(['data_sources', i, 'macro'], `unknown data-source macro "${source.macro}" (see detections/data_sources.yml)`);
    if (source.datamodel && !known.datamodels.has(source.datamodel)) at(['data_sources', i, 'datamodel'], `unknown data model "${source.datamodel}" (see detections/data_sources.yml)`);
  });

  d.attack.tactics.forEach((tactic, i) => {
    if (!TACTICS[tactic]) at(['attack', 'tactics', i], `unknown ATT&CK Enterprise tactic ${tactic}`);
  });
  const cron = checkCron(d.schedule.cron);
  if (cron.error) at(['schedule', 'cron'], cron.error);

  checkSearch(loaded, known, at);
  checkSpl(d.drilldown.search, ['drilldown', 'search'], known, at);
  checkTests(loaded, root, at);
  checkCaseLookups(loaded, root, known.roles, at);
}

function checkSearch(loaded: LoadedDetection, known: KnownObjects, at: Report): void {
  const d = loaded.detection;
  const search = d.search;
  const path = ['search'];
  search.split('\n').forEach((line, i) => {
    if (/\\\s*$/.test(line)) at(path, `line ${i + 1} of the search ends with a backslash, which .conf files read as a line continuation`);
  });
  for (const command of pipedCommands(search)) {
    if (FORBIDDEN_COMMANDS.has(command)) at(path, `uses | ${command}; use stats over appended or combined sources instead (no join, map, transaction, or side effects)`);
  }
  const code = stripComments(search).replace(/"(?:[^"\\]|\\.)*"/g, '""');
  const literal = /(^|[\s(|])(index|sourcetype)\s*(=|!=|\s+IN\s*\()/i.exec(code);
  if (literal) at(path, `names ${literal[2]} directly; use the data-source macros of detections/data_sources.yml`);
  for (const target of evalTargets(code)) {
    if (target === 'technique_id' || target === 'detection') at(path, `sets ${target}; the generated wrapper sets it`);
  }
  const usedSources = new Set<string>();
  for (const call of macroCalls(search)) {
    if (/^t1505_.*_filter$/.test(call.name)) at(path, `calls the filter macro \`${call.name}\`; the generated wrapper adds it`);
    if (known.sourceMacros.has(call.name)) usedSources.add(call.name);
  }
  const listedMacros = new Set(d.data_sources.flatMap((s) => (s.macro ? [s.macro] : [])));
  for (const macro of usedSources) {
    if (!listedMacros.has(macro)) at(['data_sources'], `the search reads \`${macro}\` but data_sources does not list it`);
  }
  const listedModels = d.data_sources.flatMap((s) => (s.datamodel ? [s.datamodel] : []));
  for (const model of dataModels(search)) {
    if (!listedModels.some((listed) => listed === model || listed.startsWith(model + '.') || model.startsWith(listed + '.'))) {
      at(['data_sources'], `the search reads datamodel=${model} but data_sources does not list it`);
    }
  }
  for (const macro of listedMacros) {
    if (!usedSources.has(macro)) at(['data_sources'], `data_sources lists \`${macro}\` but the search does not use it`);
  }
  checkSpl(search, path, known, at);
}

function checkSpl(spl: string, path: PropertyKey[], known: KnownObjects, at: Report): void {
  for (const call of macroCalls(spl)) {
    if (!known.macroStanzas.has(call.stanza)) {
      const sameName = [...known.macroStanzas].filter((s) => s === call.name || s.startsWith(call.name + '('));
      const hint = sameName.length ? ` (defined: ${sameName.join(', ')})` : '';
      at(path, `unknown macro \`${call.stanza}\`${hint}`);
    }
  }
  for (const name of lookupNames(spl)) {
    if (!known.lookups.has(name)) at(path, `unknown lookup "${name}": add a stanza to default/transforms.conf or a file to lookups/`);
  }
}

function checkTests(loaded: LoadedDetection, root: string, at: Report): void {
  const tests = loaded.detection.tests;
  if (!tests.some((t) => t.kind === 'true_positive')) at(['tests'], 'needs at least one true_positive test');
  if (!tests.some((t) => t.kind === 'benign')) at(['tests'], 'needs at least one benign test');
  const names = new Set<string>();
  tests.forEach((test, i) => {
    if (names.has(test.name)) at(['tests', i, 'name'], `test name "${test.name}" is used twice`);
    names.add(test.name);
    if (test.kind === 'true_positive' && test.expect.count < 1) at(['tests', i, 'expect', 'count'], 'a true_positive test must expect at least one row');
    if (test.kind === 'benign' && test.expect.count !== 0) at(['tests', i, 'expect', 'count'], 'a benign test must expect 0 rows');
    if ((test.expect.rows?.length ?? 0) > test.expect.count) at(['tests', i, 'expect', 'rows'], `lists ${test.expect.rows!.length} rows but count is ${test.expect.count}`);
    test.inputs.forEach((input, j) => {
      const file = posix.join(loaded.dir, input.file);
      if (!existsSync(join(root, file))) at(['tests', i, 'inputs', j, 'file'], `fixture ${file} does not exist`);
    });
  });
}

/** Fields assigned by `eval a=…, b=…` segments (quoted strings already blanked). */
function evalTargets(code: string): string[] {
  const targets: string[] = [];
  for (const segment of code.split('|')) {
    const m = /^\s*eval\s+([\s\S]*)$/.exec(segment);
    if (!m) continue;
    for (const assignment of splitArgs(m[1])) {
      const target = /^'?([A-Za-z_][A-Za-z0-9_.]*)'?\s*=(?!=)/.exec(assignment);
      if (target) targets.push(target[1]);
    }
  }
  return targets;
}

/**
 * Fixture paths (repository-relative) that git ignores, e.g. `*.log` in .gitignore: they
 * would pass locally and be missing from every other checkout. Empty outside a git work tree.
 */
export function gitIgnored(root: string, paths: string[]): Set<string> {
  if (paths.length === 0) return new Set();
  try {
    const out = execFileSync('git', ['-C', root, 'check-ignore', '--', ...paths], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return new Set(out.split('\n').filter(Boolean));
  } catch (error) {
    const e = error as { status?: number; stdout?: string };
    if (e.status === 1) return new Set();
    return new Set((e.stdout ?? '').split('\n').filter(Boolean));
  }
}
