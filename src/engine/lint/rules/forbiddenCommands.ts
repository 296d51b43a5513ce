/**
 * No join, map or transaction (detection-format.md: "use stats … by over appended or
 * combined sources") unless the search carries a written reason in a comment:
 * ```` ```lint-allow join: <reason>``` ````. The join page documents its 50,000-row /
 * 60-second subsearch limits and silent truncation
 * (https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/join).
 */
import type { PipelineNode } from '../../spl/pipeline';

export const FORBIDDEN = ['join', 'map', 'transaction'] as const;

/** Commands allowed by ```lint-allow <command>: <reason>``` comments in the original search. */
export function allowedCommands(spl: string): Map<string, string> {
  const allowed = new Map<string, string>();
  const re = /```\s*lint-allow\s+(\w+)\s*:\s*([^`]*?)\s*```/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(spl)) !== null) if (m[2].trim() !== '') allowed.set(m[1].toLowerCase(), m[2].trim());
  return allowed;
}

export interface CommandUse {
  name: string;
  start: number;
}

/** Every command of a pipeline and its subsearches. */
export function commandsOf(pipeline: PipelineNode): CommandUse[] {
  const out: CommandUse[] = [];
  for (const c of pipeline.commands) {
    out.push({ name: c.name, start: c.start });
    for (const sub of c.subsearches) out.push(...commandsOf(sub.pipeline));
  }
  return out;
}
