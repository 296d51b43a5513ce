/**
 * Loads and validates the detection sources under `<root>/detections/`: the schema of each
 * file, then the rules that span files (ids, folders, references, fixtures). Every problem
 * is collected, and all of them are reported at once with file, line and field.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import type { z } from 'zod';
import { parseConf } from '../conf/conf';
import { DetectionSourceError, type Problem } from './problems';
import {
  dataSourcesFileSchema,
  detectionSchema,
  macrosFileSchema,
  type DataSourcesFile,
  type Detection,
  type MacrosFile,
} from './schema';
import { parseYamlSource, type YamlSource } from './yaml-source';
import { ALLOWLIST_FILE, checkAllowlist, checkServerRoles, SERVER_ROLES_FILE } from './lookup-checks';
import { checkDetection, gitIgnored, type KnownObjects } from './checks';

export const DETECTIONS_DIR = 'detections';
export const DATA_SOURCES_FILE = 'detections/data_sources.yml';
export const MACROS_FILE = 'detections/macros.yml';
const TECHNIQUE_FOLDER = /^(T\d{4}(?:\.\d{3})?)_[a-z0-9]+(?:_[a-z0-9]+)*$/;

export interface LoadedDetection {
  detection: Detection;
  /** Repository-relative path of detection.yml, with forward slashes. */
  file: string;
  /** Repository-relative folder of the detection. */
  dir: string;
  techniqueFolder: string;
}

export interface DetectionSet {
  root: string;
  detections: LoadedDetection[];
  dataSources: DataSourcesFile;
  macros: MacrosFile;
}

/** Loads everything or throws a DetectionSourceError listing every problem. */
export function loadDetectionSet(root: string): DetectionSet {
  const { set, problems } = loadDetectionSetLenient(root);
  if (problems.length > 0 || !set) throw new DetectionSourceError(problems);
  return set;
}

/**
 * Loads what is valid and reports the rest: `set` holds the detections without problems
 * (undefined when data_sources.yml or macros.yml is invalid), `problems` every problem found.
 */
export function loadDetectionSetLenient(root: string): { set?: DetectionSet; problems: Problem[]; invalid: string[] } {
  const problems: Problem[] = [];
  const dataSources = readValidated(root, DATA_SOURCES_FILE, dataSourcesFileSchema, problems);
  const macros = readValidated(root, MACROS_FILE, macrosFileSchema, problems);
  const detections: LoadedDetection[] = [];
  const sources = new Map<string, YamlSource>();

  for (const folder of listDirs(join(root, DETECTIONS_DIR))) {
    const techniqueMatch = TECHNIQUE_FOLDER.exec(folder);
    const folderPath = posix.join(DETECTIONS_DIR, folder);
    if (!techniqueMatch) {
      problems.push({ file: folderPath, line: 0, column: 0, field: '', message: 'technique folder must be named <technique id>_<snake_case words>, e.g. T1505.003_web_shell' });
      continue;
    }
    for (const id of listDirs(join(root, folderPath))) {
      const file = posix.join(folderPath, id, 'detection.yml');
      if (!existsSync(join(root, file))) {
        problems.push({ file: posix.join(folderPath, id), line: 0, column: 0, field: '', message: 'detection folder has no detection.yml' });
        continue;
      }
      const parsed = parseYamlSource(readFileSync(join(root, file), 'utf8'), file);
      problems.push(...parsed.problems);
      if (!parsed.source) continue;
      const result = detectionSchema.safeParse(parsed.source.data);
      if (!result.success) {
        problems.push(...zodProblems(result.error, parsed.source));
        continue;
      }
      sources.set(file, parsed.source);
      detections.push({ detection: result.data, file, dir: posix.join(folderPath, id), techniqueFolder: techniqueMatch[1] });
    }
  }

  if (dataSources && macros) {
    const known = knownObjects(root, dataSources, macros, detections);
    const titles = new Map<string, string>();
    const ids = new Map<string, string>();
    for (const loaded of detections) {
      const source = sources.get(loaded.file)!;
      const at = (path: PropertyKey[], message: string): void => {
        const { line, column } = source.locate(path);
        problems.push({ file: loaded.file, line, column, field: path.join('.'), message });
      };
      const { detection } = loaded;
      const folderId = posix.basename(loaded.dir);
      if (detection.id !== folderId) at(['id'], `"${detection.id}" must equal the folder name "${folderId}"`);
      if (detection.attack.techniques[0] !== loaded.techniqueFolder) {
        at(['attack', 'techniques', 0], `primary technique ${detection.attack.techniques[0]} does not match the technique folder ${loaded.techniqueFolder}`);
      }
      const previousId = ids.get(detection.id);
      if (previousId) at(['id'], `id "${detection.id}" is already used by ${previousId}`);
      ids.set(detection.id, loaded.file);
      const titleKey = detection.title.toLowerCase();
      const previousTitle = titles.get(titleKey);
      if (previousTitle) at(['title'], `title "${detection.title}" is already used by ${previousTitle}`);
      titles.set(titleKey, loaded.file);
      checkDetection(loaded, known, root, at);
    }
    const fixtures = detections.flatMap((loaded) =>
      loaded.detection.tests.flatMap((t, i) => [
        ...t.inputs.map((input, j) => ({ loaded, path: posix.join(loaded.dir, input.file), at: ['tests', i, 'inputs', j, 'file'] as PropertyKey[] })),
        ...Object.entries(t.lookups ?? {}).map(([name, file]) => ({ loaded, path: posix.join(loaded.dir, file), at: ['tests', i, 'lookups', name] as PropertyKey[] })),
      ]),
    );
    const ignored = gitIgnored(root, fixtures.map((f) => f.path).filter((p) => existsSync(join(root, p))));
    for (const fixture of fixtures) {
      if (!ignored.has(fixture.path)) continue;
      const { line, column } = sources.get(fixture.loaded.file)!.locate(fixture.at);
      problems.push({ file: fixture.loaded.file, line, column, field: fixture.at.join('.'), message: `fixture ${fixture.path} is ignored by git (.gitignore); rename it (e.g. .log to .syslog or .audit)` });
    }
  }

  if (existsSync(join(root, ALLOWLIST_FILE))) problems.push(...checkAllowlist(readFileSync(join(root, ALLOWLIST_FILE), 'utf8')));
  if (dataSources && existsSync(join(root, SERVER_ROLES_FILE))) {
    problems.push(...checkServerRoles(readFileSync(join(root, SERVER_ROLES_FILE), 'utf8'), new Set(dataSources.roles.map((r) => r.name))));
  }
  const unique = dedupe(problems);
  const invalid = new Set(unique.map((p) => p.file));
  const valid = detections.filter((d) => !invalid.has(d.file));
  valid.sort((a, b) => a.techniqueFolder.localeCompare(b.techniqueFolder) || a.detection.id.localeCompare(b.detection.id));
  const set = dataSources && macros ? { root, detections: valid, dataSources, macros } : undefined;
  return { set, problems: unique, invalid: [...invalid] };
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.file}\0${p.line}\0${p.column}\0${p.field}\0${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function readValidated<T extends z.ZodType>(root: string, file: string, schema: T, problems: Problem[]): z.infer<T> | undefined {
  if (!existsSync(join(root, file))) {
    problems.push({ file, line: 0, column: 0, field: '', message: 'file is missing' });
    return undefined;
  }
  const parsed = parseYamlSource(readFileSync(join(root, file), 'utf8'), file);
  problems.push(...parsed.problems);
  if (!parsed.source) return undefined;
  const result = schema.safeParse(parsed.source.data);
  if (!result.success) {
    problems.push(...zodProblems(result.error, parsed.source));
    return undefined;
  }
  return result.data;
}

function zodProblems(error: z.ZodError, source: YamlSource): Problem[] {
  return error.issues.map((issue) => {
    const { line, column } = source.locate(issue.path);
    return { file: source.file, line, column, field: issue.path.map(String).join('.'), message: issue.message };
  });
}

function knownObjects(root: string, dataSources: DataSourcesFile, macros: MacrosFile, detections: LoadedDetection[]): KnownObjects {
  const macroStanzas = new Set<string>();
  const stanza = (name: string, args?: string[]): string => (args && args.length ? `${name}(${args.length})` : name);
  for (const m of dataSources.index_macros) macroStanzas.add(m.name);
  for (const m of dataSources.sources) macroStanzas.add(stanza(m.name, m.args));
  for (const m of macros.macros) macroStanzas.add(stanza(m.name, m.args));
  for (const d of detections) macroStanzas.add(filterMacroName(d.detection));

  const lookups = new Set<string>();
  const transformsPath = join(root, 'default', 'transforms.conf');
  if (existsSync(transformsPath)) {
    for (const name of parseConf(readFileSync(transformsPath, 'utf8'), 'default/transforms.conf').keys()) lookups.add(name);
  }
  const lookupDir = join(root, 'lookups');
  if (existsSync(lookupDir)) for (const f of readdirSync(lookupDir)) lookups.add(f);

  return {
    macroStanzas,
    sourceMacros: new Set(dataSources.sources.map((s) => s.name)),
    datamodels: new Set(dataSources.datamodels.map((d) => d.name)),
    roles: new Set(dataSources.roles.map((r) => r.name)),
    lookups,
  };
}

export function filterMacroName(detection: Pick<Detection, 'id'>): string {
  return `t1505_${detection.id}_filter`;
}

function listDirs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => !name.startsWith('.') && statSync(join(dir, name)).isDirectory())
    .sort();
}
