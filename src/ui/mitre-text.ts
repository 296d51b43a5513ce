/**
 * Splits MITRE ATT&CK description text into blocks the page renders as React
 * text nodes (never as HTML). MITRE's text uses a small Markdown subset:
 * paragraphs separated by blank lines, "* " bullet lists, [label](url) links,
 * `code` and <code>code</code>, plus "(Citation: Source)" markers that refer to
 * MITRE's bibliography, which the app does not ship; those are dropped.
 * Links are kept only when they point to attack.mitre.org; others become text.
 */

export type Segment = { kind: 'text'; text: string } | { kind: 'code'; text: string } | { kind: 'link'; text: string; href: string };

export type Block = { kind: 'paragraph'; segments: Segment[] } | { kind: 'list'; items: Segment[][] };

const TRUSTED_LINK_PREFIX = 'https://attack.mitre.org/';
const INLINE = /\[([^\]\n]+)\]\(([^)\s]+)\)|`([^`\n]+)`|<code>([\s\S]*?)<\/code>|\(Citation: [^)]*\)/g;
const BULLET = /^\s*[*-]\s+/;

export function parseMitreText(text: string): Block[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter((chunk) => chunk !== '')
    .map(toBlock);
}

function toBlock(chunk: string): Block {
  const lines = chunk.split('\n');
  if (lines.every((line) => BULLET.test(line))) {
    return { kind: 'list', items: lines.map((line) => parseInline(line.replace(BULLET, '').trim())) };
  }
  return { kind: 'paragraph', segments: parseInline(lines.map((line) => line.trim()).join(' ')) };
}

export function parseInline(text: string): Segment[] {
  const segments: Segment[] = [];
  const pushText = (value: string): void => {
    if (value === '') return;
    const last = segments[segments.length - 1];
    if (last?.kind === 'text') last.text += value;
    else segments.push({ kind: 'text', text: value });
  };
  let position = 0;
  for (const match of text.matchAll(INLINE)) {
    pushText(text.slice(position, match.index));
    position = (match.index ?? 0) + match[0].length;
    const [, label, href, backtickCode, tagCode] = match;
    if (label !== undefined) {
      if (href.startsWith(TRUSTED_LINK_PREFIX)) segments.push({ kind: 'link', text: label, href });
      else pushText(label);
    } else if (backtickCode !== undefined || tagCode !== undefined) {
      segments.push({ kind: 'code', text: (backtickCode ?? tagCode).trim() });
    }
  }
  pushText(text.slice(position));
  return segments;
}
