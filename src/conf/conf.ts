/**
 * Reads and writes Splunk .conf files (stanzas of `key = value` lines).
 *
 * Rules followed (from the "About configuration files" and "Configuration file
 * structure" pages of the Splunk Admin Manual):
 * - `#` starts a comment only at the beginning of a line;
 * - a line ending in a backslash continues on the next line (the line break is kept);
 * - settings before the first stanza belong to `[default]`;
 * - a key repeated in one stanza keeps its last value; a repeated stanza merges.
 */

export interface ConfStanza {
  name: string;
  /** Settings in file order. */
  settings: Map<string, string>;
  /** 1-based line of the stanza header (0 for the implicit default stanza). */
  line: number;
  /** 1-based line where each setting's (last) value starts. */
  settingLines: Map<string, number>;
}

export type ConfFile = Map<string, ConfStanza>;

export class ConfSyntaxError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(`${file}:${line}: ${message}`);
    this.name = 'ConfSyntaxError';
  }
}

export function parseConf(text: string, file = '<conf>'): ConfFile {
  const stanzas: ConfFile = new Map();
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let current = stanzaFor(stanzas, 'default', 0);
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    let line = lines[i];
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (trimmed.startsWith('[')) {
      if (!trimmed.endsWith(']')) throw new ConfSyntaxError(file, lineNo, `stanza header "${trimmed}" has no closing "]"`);
      current = stanzaFor(stanzas, trimmed.slice(1, -1), lineNo);
      continue;
    }
    while (line.endsWith('\\') && i + 1 < lines.length) {
      line = line.slice(0, -1) + '\n' + lines[++i];
    }
    const eq = line.indexOf('=');
    if (eq < 0) throw new ConfSyntaxError(file, lineNo, `expected "key = value", got "${trimmed}"`);
    const key = line.slice(0, eq).trim();
    if (key === '') throw new ConfSyntaxError(file, lineNo, 'setting has an empty key');
    current.settings.set(key, line.slice(eq + 1).trim());
    current.settingLines.set(key, lineNo);
  }
  if (stanzas.get('default')?.settings.size === 0) stanzas.delete('default');
  return stanzas;
}

function stanzaFor(stanzas: ConfFile, name: string, line: number): ConfStanza {
  let stanza = stanzas.get(name);
  if (!stanza) {
    stanza = { name, settings: new Map(), settingLines: new Map(), line };
    stanzas.set(name, stanza);
  }
  return stanza;
}

/** Serialises stanzas; multi-line values are written with backslash continuations. */
export function serializeConf(stanzas: Iterable<{ name: string; settings: Iterable<[string, string]> }>, header = ''): string {
  const out: string[] = [];
  if (header) out.push(...header.split('\n').map((l) => (l ? `# ${l}` : '#')), '');
  for (const stanza of stanzas) {
    out.push(`[${stanza.name}]`);
    for (const [key, value] of stanza.settings) {
      out.push(`${key} = ${value.split('\n').join('\\\n')}`);
    }
    out.push('');
  }
  return out.join('\n');
}
