/**
 * Finds the knowledge objects an SPL string refers to: macro calls (with their number of
 * arguments), lookups, data models, and the commands it pipes into. Text-level scanning,
 * enough to check references before the SPL engine parses the search.
 *
 * Macro calls are `name` or `name(arg, …)` in backticks; a triple-backtick pair is an SPL
 * comment (Use search macros, https://help.splunk.com/en/splunk-enterprise/manage-knowledge-objects/knowledge-management-manual/10.0/search-macros).
 */

export interface MacroCall {
  name: string;
  args: string[];
  /** `name` for calls without arguments, `name(N)` otherwise: the macros.conf stanza. */
  stanza: string;
  offset: number;
}

export function stripComments(spl: string): string {
  return spl.replace(/```[\s\S]*?```/g, (comment) => ' '.repeat(comment.length));
}

export function macroCalls(spl: string): MacroCall[] {
  const text = stripComments(spl);
  const calls: MacroCall[] = [];
  const pattern = /`([^`]*)`/g;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const body = m[1].trim();
    const call = /^([A-Za-z0-9_:-]+)\s*(?:\(([\s\S]*)\))?$/.exec(body);
    if (!call) {
      calls.push({ name: body, args: [], stanza: body, offset: m.index });
      continue;
    }
    const args = call[2] === undefined || call[2].trim() === '' ? [] : splitArgs(call[2]);
    calls.push({ name: call[1], args, stanza: args.length ? `${call[1]}(${args.length})` : call[1], offset: m.index });
  }
  return calls;
}

/** Splits macro arguments on commas outside double quotes and parentheses. */
export function splitArgs(text: string): string[] {
  const args: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '\\' && i + 1 < text.length) {
        current += c + text[++i];
        continue;
      }
      if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      args.push(current.trim());
      current = '';
      continue;
    }
    current += c;
  }
  args.push(current.trim());
  return args;
}

/** Lookup names used by `lookup` and `inputlookup` (definition or file name). */
export function lookupNames(spl: string): string[] {
  const text = stripComments(spl);
  const names: string[] = [];
  const pattern = /(?:^|\|)\s*(?:input)?lookup\s+(?:[A-Za-z_]+=\S+\s+)*([^\s|=]+)/g;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) names.push(m[1].replace(/^"|"$/g, ''));
  return names;
}

/** Data models named by `datamodel=X` or `datamodel=X.Y` (tstats, from, datamodel). */
export function dataModels(spl: string): string[] {
  const text = stripComments(spl);
  const found: string[] = [];
  const pattern = /datamodel\s*=\s*"?([A-Za-z_][A-Za-z0-9_.]*)/g;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) found.push(m[1]);
  return found;
}

/** Names of the commands after each pipe (the first segment's implicit search is not listed). */
export function pipedCommands(spl: string): string[] {
  const text = stripComments(spl).replace(/"(?:[^"\\]|\\.)*"/g, '""');
  const commands: string[] = [];
  const pattern = /\|\s*([A-Za-z_]+)/g;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) commands.push(m[1].toLowerCase());
  return commands;
}

/** `$token$` references (alert/drilldown tokens). */
export function tokens(text: string): string[] {
  return [...text.matchAll(/\$([A-Za-z_][A-Za-z0-9_.]*)\$/g)].map((m) => m[1]);
}
