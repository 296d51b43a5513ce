/** One CIM data-model dataset, as `tstats … from datamodel=<model>.<name>` selects it. */
export interface CimDataset {
  /** Data model name, e.g. `Endpoint`. */
  model: string;
  /** Dataset (object) name, e.g. `Processes`; also the field prefix (`Processes.dest`). */
  name: string;
  /** `<model>.<name>`, e.g. `Endpoint.Processes`, `Authentication.Failed_Authentication`. */
  path: string;
  /** Dataset names from the root dataset down to this one, joined by `.`:
   *  what `where nodename=…` names, e.g. `All_Changes.Account_Management.Accounts_Created`. */
  lineage: string;
  /** Name of the parent dataset, absent for a root dataset. */
  parent?: string;
  /**
   * Constraint searches, root dataset first, each as written in the model (search
   * language; a few root constraints continue with `| eval …` or `| mvexpand …`
   * after the search part, e.g. `Endpoint.Processes`). An event belongs to the dataset
   * when it satisfies every constraint of the chain.
   */
  constraints: string[];
  /** Tag sets the model lists for this dataset (documentation; the constraints decide). */
  tags: string[][];
  /** Field names: inherited from the ancestors, then own, then `_time host source sourcetype tag`. */
  fields: string[];
}
