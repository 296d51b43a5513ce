/**
 * `npm run generate:detections [-- --check]`: writes every file generated from the detection
 * sources, or (with --check) lists the ones that are stale and exits 1.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { generateCatalogue } from './gen-catalogue';
import { DOC_MARK, DOCS_DIR, generateDocPages, type TechniqueNames } from './gen-docs';
import { generateMacros } from './gen-macros';
import { coverageSection, README_FILE, withCoverageSection } from './gen-readme';
import { generateSavedSearches } from './gen-savedsearches';
import { loadDetectionSet, loadDetectionSetLenient, type DetectionSet } from './load';
import { DetectionSourceError, formatProblem } from './problems';

export const SAVEDSEARCHES_FILE = 'default/savedsearches.conf';
export const MACROS_CONF_FILE = 'default/macros.conf';
export const CATALOGUE_FILE = 'lookups/t1505_detections.csv';
const TECHNIQUES_LOOKUP = 'lookups/t1505_techniques.csv';

export interface GeneratedOutput {
  /** Repository-relative path → expected content. */
  files: Map<string, string>;
  /** Generated doc pages that exist but no longer belong to a detection. */
  stale: string[];
}

export function generatedOutput(root: string, set: DetectionSet = loadDetectionSet(root)): GeneratedOutput {
  const names = techniqueNames(root);
  const files = new Map<string, string>();
  files.set(SAVEDSEARCHES_FILE, generateSavedSearches(set, appId(root)));
  files.set(MACROS_CONF_FILE, generateMacros(set));
  files.set(CATALOGUE_FILE, generateCatalogue(set));
  for (const [path, page] of generateDocPages(set, names)) files.set(path, page);
  const readmePath = join(root, README_FILE);
  const readme = existsSync(readmePath) ? readFileSync(readmePath, 'utf8') : undefined;
  files.set(README_FILE, withCoverageSection(readme, coverageSection(set, names)));

  const docsDir = join(root, DOCS_DIR);
  const stale = existsSync(docsDir)
    ? readdirSync(docsDir)
        .map((f) => `${DOCS_DIR}/${f}`)
        .filter((path) => path.endsWith('.md') && !files.has(path) && readFileSync(join(root, path), 'utf8').startsWith(DOC_MARK))
    : [];
  return { files, stale };
}

/** Paths whose content differs from what the generator produces now (plus stale pages). */
export function outdatedFiles(root: string, output: GeneratedOutput = generatedOutput(root)): string[] {
  const outdated: string[] = [];
  for (const [path, content] of output.files) {
    const full = join(root, path);
    if (!existsSync(full) || readFileSync(full, 'utf8') !== content) outdated.push(path);
  }
  return [...outdated, ...output.stale];
}

export function writeGenerated(root: string, output: GeneratedOutput = generatedOutput(root)): string[] {
  const written: string[] = [];
  for (const [path, content] of output.files) {
    const full = join(root, path);
    if (existsSync(full) && readFileSync(full, 'utf8') === content) continue;
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
    written.push(path);
  }
  for (const path of output.stale) {
    unlinkSync(join(root, path));
    written.push(`${path} (removed)`);
  }
  return written;
}

function techniqueNames(root: string): TechniqueNames {
  const path = join(root, TECHNIQUES_LOOKUP);
  if (!existsSync(path)) return new Map();
  const rows = parse(readFileSync(path, 'utf8'), { columns: true }) as Array<Record<string, string>>;
  return new Map(rows.map((r) => [r.technique_id, r.technique_name]));
}

function appId(root: string): string {
  return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string }).name;
}

function main(argv: string[]): number {
  const root = resolve(__dirname, '..', '..');
  try {
    const set = argv.includes('--skip-invalid') ? lenientSet(root) : loadDetectionSet(root);
    const output = generatedOutput(root, set);
    if (argv.includes('--check')) {
      const outdated = outdatedFiles(root, output);
      if (outdated.length) {
        console.error(`Generated files are out of date (run npm run generate:detections):\n${outdated.map((p) => `  ${p}`).join('\n')}`);
        return 1;
      }
      console.log(`${set.detections.length} detections; generated files are current.`);
      return 0;
    }
    const written = writeGenerated(root, output);
    console.log(`${set.detections.length} detections; ${written.length ? `wrote ${written.join(', ')}` : 'nothing changed'}.`);
    return 0;
  } catch (error) {
    if (error instanceof DetectionSourceError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

/** For authors while others are mid-way: generates from the valid detections and lists the rest. */
function lenientSet(root: string): DetectionSet {
  const { set, problems, invalid } = loadDetectionSetLenient(root);
  if (!set) throw new DetectionSourceError(problems);
  if (problems.length) {
    console.warn(`Skipping ${invalid.length} invalid source(s); not for commit:\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
  }
  return set;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
