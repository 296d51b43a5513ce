/**
 * CIM data-model datasets for `tstats … from datamodel=…` and for the lint of
 * data-model field references. Generated from the CIM field lists by `generate.ts`
 * (`npm run generate:cim`); never edit `datasets.generated.json` by hand.
 */
import generated from './datasets.generated.json';
import type { CimDataset } from './types';

export type { CimDataset } from './types';

const DATASETS: readonly CimDataset[] = generated as CimDataset[];

const byPath = new Map<string, CimDataset>();
for (const d of DATASETS) byPath.set(d.path.toLowerCase(), d);

export function allDatasets(): readonly CimDataset[] {
  return DATASETS;
}

export function modelNames(): string[] {
  return [...new Set(DATASETS.map((d) => d.model))];
}

/**
 * Resolves what follows `datamodel=` in tstats/datamodel: `Model.Dataset`
 * (`Endpoint.Processes`), or `Model` alone, which means the model's root dataset when
 * the model has exactly one (`datamodel=Web` is `Web.Web`). Model and dataset names
 * match case-insensitively (unverified: Splunk documents them as case-sensitive
 * identifiers; CIM names never differ only by case). Returns undefined when unknown.
 */
export function findDataset(spec: string): CimDataset | undefined {
  const key = spec.trim().toLowerCase();
  const direct = byPath.get(key);
  if (direct) return direct;
  if (!key.includes('.')) {
    const roots = DATASETS.filter((d) => d.model.toLowerCase() === key && d.parent === undefined);
    return roots.length === 1 ? roots[0] : undefined;
  }
  return undefined;
}

/**
 * Resolves `where nodename=<lineage>` inside a model: the lineage from the root dataset
 * (`All_Changes.Account_Management`), or a path of the model (`Authentication.Failed_Authentication`,
 * whose root dataset is also named `Authentication`), or a bare dataset name of the model.
 */
export function findNode(model: string, nodename: string): CimDataset | undefined {
  const m = model.trim().toLowerCase();
  const n = nodename.trim().toLowerCase();
  const inModel = DATASETS.filter((d) => d.model.toLowerCase() === m);
  return (
    inModel.find((d) => d.lineage.toLowerCase() === n) ??
    inModel.find((d) => d.path.toLowerCase() === n) ??
    inModel.find((d) => d.name.toLowerCase() === n)
  );
}
