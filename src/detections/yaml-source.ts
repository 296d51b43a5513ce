/**
 * Parses a YAML file keeping node positions, so schema problems can name line and column.
 */
import { Document, LineCounter, isMap, isNode, isScalar, parseDocument } from 'yaml';
import type { Problem } from './problems';

export interface YamlSource {
  file: string;
  data: unknown;
  /** Position of the node at `path`, or of its nearest existing ancestor. */
  locate(path: ReadonlyArray<PropertyKey>): { line: number; column: number };
}

export function parseYamlSource(text: string, file: string): { source?: YamlSource; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: Problem[] = [...doc.errors, ...doc.warnings].map((error) => {
    const pos = lineCounter.linePos(error.pos[0]);
    return { file, line: pos.line, column: pos.col, field: '', message: `YAML ${error.code}: ${error.message.split('\n')[0]}` };
  });
  if (doc.errors.length > 0) return { problems };
  return {
    problems,
    source: { file, data: doc.toJS({ maxAliasCount: 100 }), locate: (path) => locate(doc, lineCounter, path) },
  };
}

function locate(doc: Document, lineCounter: LineCounter, path: ReadonlyArray<PropertyKey>): { line: number; column: number } {
  for (let depth = path.length; depth >= 0; depth--) {
    const prefix = path.slice(0, depth).map((key) => (typeof key === 'symbol' ? String(key) : key));
    const node = depth === 0 ? doc.contents : doc.getIn(prefix, true);
    if (isNode(node) && node.range) {
      const offset = depth < path.length && isMap(node) ? keyOffset(node, path[depth]) ?? node.range[0] : node.range[0];
      const pos = lineCounter.linePos(offset);
      return { line: pos.line, column: pos.col };
    }
  }
  return { line: 0, column: 0 };
}

/** Offset of a map's key, when the missing value's key itself exists (e.g. `count:` with no value). */
function keyOffset(map: import('yaml').YAMLMap, key: PropertyKey): number | undefined {
  for (const pair of map.items) {
    if (isScalar(pair.key) && pair.key.value === key && pair.key.range) return pair.key.range[0];
  }
  return undefined;
}
