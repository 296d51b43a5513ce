/**
 * The app's knowledge objects as the engine needs them: macros (default/macros.conf plus
 * the CIM add-on macros searches rely on), lookups (default/transforms.conf stanzas and
 * the CSV files in lookups/), and saved searches (default/savedsearches.conf).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConf, type ConfFile } from '../conf/conf';
import { builtinMacros } from './spl/builtinMacros';
import { macroTableFrom, type MacroDefinition, type MacroTable } from './spl/macros';
import { parseLookupCsv } from './spl/lookup/csv';
import { LookupTable, parseMatchType, type LookupData, type LookupDefinition, type LookupResolver } from './spl/lookup/table';

export interface SavedSearch {
  name: string;
  search: string;
  settings: ReadonlyMap<string, string>;
  /** 1-based line of the stanza header in savedsearches.conf. */
  line: number;
  /** 1-based line where the `search` setting starts. */
  searchLine: number;
  earliest?: string;
  latest?: string;
}

export interface App {
  /** App directory, or undefined for an in-memory app. */
  dir?: string;
  macros: MacroTable;
  lookups: LookupResolver;
  savedSearches: SavedSearch[];
  /** Names of the transforms.conf lookup stanzas and the CSV files. */
  lookupNames: string[];
  /** Per-file paths for messages (savedsearches.conf, macros.conf, transforms.conf). */
  files: { macros: string; transforms: string; savedsearches: string };
}

export interface AppSources {
  macros?: string;
  transforms?: string;
  savedsearches?: string;
  /** Lookup CSV contents by file name. */
  lookups?: Record<string, string>;
}

const DEFAULT_MAX_MATCHES = 100;

class Lookups implements LookupResolver {
  private tables = new Map<string, LookupTable>();

  constructor(
    private readonly definitions: Map<string, LookupDefinition>,
    private readonly csv: (filename: string) => string | undefined,
    private readonly describeMissing: (filename: string) => string,
  ) {}

  has(name: string): boolean {
    return this.definitions.has(name) || this.csv(name) !== undefined;
  }

  resolve(name: string): LookupTable {
    const cached = this.tables.get(name);
    if (cached) return cached;
    const def = this.definitions.get(name) ?? (name.toLowerCase().endsWith('.csv') || this.csv(name) !== undefined ? plainDefinition(name) : undefined);
    if (!def) throw new Error(`unknown lookup "${name}": no transforms.conf stanza and no lookups/${name}`);
    const text = this.csv(def.filename);
    if (text === undefined) throw new Error(`lookup "${name}": ${this.describeMissing(def.filename)}`);
    const data: LookupData = parseLookupCsv(text, `lookups/${def.filename}`);
    const table = new LookupTable(def, data);
    this.tables.set(name, table);
    return table;
  }
}

function plainDefinition(filename: string): LookupDefinition {
  return { name: filename, filename, wildcardFields: new Set(), cidrFields: new Set(), caseSensitive: true, maxMatches: DEFAULT_MAX_MATCHES, minMatches: 0 };
}

function lookupDefinitions(transforms: ConfFile | undefined, file: string): Map<string, LookupDefinition> {
  const defs = new Map<string, LookupDefinition>();
  if (!transforms) return defs;
  for (const stanza of transforms.values()) {
    const s = stanza.settings;
    const filename = s.get('filename');
    if (!filename) continue;
    const { wildcard, cidr, errors } = parseMatchType(s.get('match_type'));
    if (errors.length) throw new Error(`${file}:${stanza.line}: [${stanza.name}] ${errors.join('; ')}`);
    const int = (key: string, fallback: number) => {
      const v = s.get(key);
      if (v === undefined || v === '') return fallback;
      if (!/^\d+$/.test(v)) throw new Error(`${file}:${stanza.line}: [${stanza.name}] ${key} = ${v} is not a whole number`);
      return Number(v);
    };
    defs.set(stanza.name, {
      name: stanza.name,
      filename,
      wildcardFields: wildcard,
      cidrFields: cidr,
      caseSensitive: !/^(false|0|f|no)$/i.test(s.get('case_sensitive_match') ?? 'true'),
      maxMatches: int('max_matches', DEFAULT_MAX_MATCHES),
      minMatches: int('min_matches', 0),
      defaultMatch: s.get('default_match'),
    });
  }
  return defs;
}

function savedSearchesFrom(conf: ConfFile | undefined): SavedSearch[] {
  if (!conf) return [];
  const out: SavedSearch[] = [];
  for (const stanza of conf.values()) {
    if (stanza.name === 'default') continue;
    const search = stanza.settings.get('search');
    if (search === undefined) continue;
    out.push({
      name: stanza.name,
      search,
      settings: stanza.settings,
      line: stanza.line,
      searchLine: stanza.settingLines.get('search') ?? stanza.line,
      earliest: stanza.settings.get('dispatch.earliest_time'),
      latest: stanza.settings.get('dispatch.latest_time'),
    });
  }
  return out;
}

function macroTable(conf: ConfFile | undefined): Map<string, MacroDefinition> {
  const table = builtinMacros();
  if (conf) for (const [k, v] of macroTableFrom(conf.values())) table.set(k, v);
  return table;
}

/** Builds an app from conf texts and CSV contents (tests, previews). */
export function createApp(sources: AppSources = {}): App {
  const files = { macros: 'default/macros.conf', transforms: 'default/transforms.conf', savedsearches: 'default/savedsearches.conf' };
  const transforms = sources.transforms !== undefined ? parseConf(sources.transforms, files.transforms) : undefined;
  const defs = lookupDefinitions(transforms, files.transforms);
  const csvs = sources.lookups ?? {};
  return {
    macros: macroTable(sources.macros !== undefined ? parseConf(sources.macros, files.macros) : undefined),
    lookups: new Lookups(defs, (f) => csvs[f], (f) => `lookups/${f} is missing`),
    savedSearches: savedSearchesFrom(sources.savedsearches !== undefined ? parseConf(sources.savedsearches, files.savedsearches) : undefined),
    lookupNames: [...defs.keys(), ...Object.keys(csvs)],
    files,
  };
}

/** Loads the app at `appDir` (the repository root). Missing conf files mean "none". */
export function loadApp(appDir: string): App {
  const file = (rel: string) => join(appDir, rel);
  const readConf = (rel: string): ConfFile | undefined => (existsSync(file(rel)) ? parseConf(readFileSync(file(rel), 'utf8'), file(rel)) : undefined);
  const files = { macros: file('default/macros.conf'), transforms: file('default/transforms.conf'), savedsearches: file('default/savedsearches.conf') };
  const defs = lookupDefinitions(readConf('default/transforms.conf'), files.transforms);
  const csvPath = (f: string) => join(appDir, 'lookups', f);
  const csvCache = new Map<string, string | undefined>();
  const csv = (f: string) => {
    if (!csvCache.has(f)) csvCache.set(f, /^[\w.-]+$/.test(f) && existsSync(csvPath(f)) ? readFileSync(csvPath(f), 'utf8') : undefined);
    return csvCache.get(f);
  };
  let csvNames: string[] = [];
  try {
    csvNames = readdirSync(join(appDir, 'lookups')).filter((f) => f.toLowerCase().endsWith('.csv'));
  } catch {
    csvNames = [];
  }
  return {
    dir: appDir,
    macros: macroTable(readConf('default/macros.conf')),
    lookups: new Lookups(defs, csv, (f) => `${csvPath(f)} does not exist`),
    savedSearches: savedSearchesFrom(readConf('default/savedsearches.conf')),
    lookupNames: [...defs.keys(), ...csvNames],
    files,
  };
}
