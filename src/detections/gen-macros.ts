/**
 * default/macros.conf: index and data-source macros (detections/data_sources.yml), shared
 * helper macros (detections/macros.yml) and one `t1505_<id>_filter` macro per detection.
 * Stanza `name(N)` with `args` for macros with arguments (macros.conf spec,
 * https://help.splunk.com/en/data-management/splunk-enterprise-admin-manual/10.0/10.0.0-configuration-file-reference/macros.conf).
 */
import { serializeConf } from '../conf/conf';
import { generatedHeader } from './gen-savedsearches';
import { filterMacroName, type DetectionSet } from './load';
import { savedSearchName } from './wrap';

interface Stanza {
  name: string;
  settings: Array<[string, string]>;
}

export function generateMacros(set: DetectionSet): string {
  const stanzas: Stanza[] = [];
  for (const m of set.dataSources.index_macros) {
    stanzas.push(macro(m.name, undefined, m.definition, m.description));
  }
  for (const s of set.dataSources.sources) {
    const description = `${s.title} (${s.add_on}). Starts with \`${s.index}\`; override the index macro rather than this one.`;
    stanzas.push(macro(s.name, s.args, `\`${s.index}\` ${s.definition}`, description));
  }
  for (const m of set.macros.macros) stanzas.push(macro(m.name, m.args, m.definition, m.description));
  for (const { detection } of set.detections) {
    stanzas.push(
      macro(
        filterMacroName(detection),
        undefined,
        'search *',
        `Tuning hook of "${savedSearchName(detection)}": runs after the allowlist on the detection's output fields. ` +
          'Replace `search *` in local/macros.conf, e.g. `search NOT (dest="build*" AND user="svc_deploy")`.',
      ),
    );
  }
  return serializeConf(stanzas, generatedHeader('detections/data_sources.yml, detections/macros.yml and detections/*/*/detection.yml', 'macros.conf'));
}

function macro(name: string, args: string[] | undefined, definition: string, description: string): Stanza {
  const settings: Array<[string, string]> = [];
  if (args && args.length) settings.push(['args', args.join(', ')]);
  settings.push(['definition', definition.replace(/\s*\n\s*/g, ' ').trim()]);
  settings.push(['description', description.replace(/\s+/g, ' ').trim()]);
  return { name: args && args.length ? `${name}(${args.length})` : name, settings };
}
