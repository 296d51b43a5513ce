/**
 * Macros that Splunk apps rely on from the Splunk Common Information Model add-on
 * (Splunk_SA_CIM), re-implemented here so that searches using them run offline. The
 * app's own macros.conf overrides any of them. Definitions follow the CIM add-on's
 * documented behaviour: `drop_dm_object_name(object)` renames `<object>.*` to `*`;
 * `cim_<Model>_indexes` restricts nothing by default.
 */
import { allDatasets } from '../cim';
import type { MacroDefinition } from './macros';

export function builtinMacros(): Map<string, MacroDefinition> {
  const table = new Map<string, MacroDefinition>();
  table.set('drop_dm_object_name(1)', {
    name: 'drop_dm_object_name',
    stanza: 'drop_dm_object_name(1)',
    args: ['object'],
    definition: 'rename "$object$.*" AS *',
    iseval: false,
  });
  for (const model of new Set(allDatasets().map((d) => d.model))) {
    const name = `cim_${model}_indexes`;
    table.set(name, { name, stanza: name, args: [], definition: '()', iseval: false });
  }
  return table;
}
