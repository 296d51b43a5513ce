/**
 * Builds the dataset table from the CIM data-model field lists in
 * `../shared/splunk-reference/cim-datamodels/*.json` (pytest-splunk-addon's schema,
 * Apache-2.0) and writes `datasets.generated.json`.
 *
 *   npx tsx src/engine/cim/generate.ts [MODEL_DIR]
 */
import * as fs from 'fs';
import * as path from 'path';
import type { CimDataset } from './types';

interface SourceField {
  name: string;
}
interface SourceObject {
  name: string;
  tags?: string[][];
  search_constraints?: string;
  fields?: SourceField[];
  child_dataset?: SourceObject[];
}
interface SourceModel {
  model_name: string;
  objects: SourceObject[];
}

/** Fields every dataset inherits from Splunk's BaseEvent. */
export const BASE_EVENT_FIELDS = ['_time', 'host', 'source', 'sourcetype', 'tag'];

export const DEFAULT_MODEL_DIR = path.resolve(__dirname, '../../../../shared/splunk-reference/cim-datamodels');
export const GENERATED_FILE = path.resolve(__dirname, 'datasets.generated.json');

/**
 * Dataset and model names as Splunk knows them. The source files carry display names
 * with spaces for a few objects (`Malware Attacks`); Splunk object names use `_`
 * (`datamodel=Malware.Malware_Attacks`). One model file has an empty `model_name`;
 * its file name is the model name.
 */
export function splunkName(displayName: string): string {
  return displayName.trim().replace(/\s+/g, '_');
}

export function buildDatasets(modelDir: string = DEFAULT_MODEL_DIR): CimDataset[] {
  const files = fs.readdirSync(modelDir).filter((f) => f.endsWith('.json')).sort();
  if (files.length === 0) throw new Error(`${modelDir}: no data-model JSON files`);
  const datasets: CimDataset[] = [];
  for (const file of files) {
    const full = path.join(modelDir, file);
    let parsed: SourceModel;
    try {
      parsed = JSON.parse(fs.readFileSync(full, 'utf8')) as SourceModel;
    } catch (err) {
      throw new Error(`${full}: not valid JSON (${(err as Error).message})`);
    }
    if (!Array.isArray(parsed.objects)) throw new Error(`${full}: no "objects" array`);
    const model = splunkName(parsed.model_name || path.basename(file, '.json'));
    for (const root of parsed.objects) walk(model, root, undefined, datasets, full);
  }
  return datasets;
}

function walk(model: string, object: SourceObject, parent: CimDataset | undefined, out: CimDataset[], file: string): void {
  if (typeof object.name !== 'string' || object.name.trim() === '') throw new Error(`${file}: a dataset of model ${model} has no name`);
  const name = splunkName(object.name);
  const own = (object.fields ?? []).map((f) => f.name);
  const inherited = parent ? parent.fields.filter((f) => !BASE_EVENT_FIELDS.includes(f)) : [];
  const fields = unique([...inherited, ...own, ...BASE_EVENT_FIELDS]);
  const constraint = (object.search_constraints ?? '').trim();
  const dataset: CimDataset = {
    model,
    name,
    path: `${model}.${name}`,
    lineage: parent ? `${parent.lineage}.${name}` : name,
    ...(parent ? { parent: parent.name } : {}),
    constraints: [...(parent ? parent.constraints : []), ...(constraint ? [constraint] : [])],
    tags: object.tags ?? [],
    fields,
  };
  out.push(dataset);
  for (const child of object.child_dataset ?? []) walk(model, child, dataset, out, file);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

export function renderGenerated(datasets: CimDataset[]): string {
  return JSON.stringify(datasets, null, 1) + '\n';
}

if (require.main === module) {
  const dir = process.argv[2] ? path.resolve(process.argv[2]) : DEFAULT_MODEL_DIR;
  const datasets = buildDatasets(dir);
  fs.writeFileSync(GENERATED_FILE, renderGenerated(datasets));
  process.stdout.write(`wrote ${path.relative(process.cwd(), GENERATED_FILE)}: ${datasets.length} datasets\n`);
}
