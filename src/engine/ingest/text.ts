/** Turning file contents into lines. */
import { isUtf8 } from 'buffer';

/**
 * Decodes file contents. Valid UTF-8 (with or without BOM) is decoded as UTF-8. When the
 * bytes are not valid UTF-8, each line is decoded on its own: valid lines as UTF-8, the
 * others as Latin-1, so a single bad byte neither breaks the file nor drops its line.
 */
export function decodeInput(input: string | Buffer): string {
  if (typeof input === 'string') return stripBom(input);
  return stripBom(isUtf8(input) ? input.toString('utf8') : decodeLineByLine(input));
}

function decodeLineByLine(buf: Buffer): string {
  const parts: string[] = [];
  let start = 0;
  while (start <= buf.length) {
    let end = buf.indexOf(0x0a, start);
    if (end < 0) end = buf.length;
    const slice = buf.subarray(start, end);
    parts.push(isUtf8(slice) ? slice.toString('utf8') : slice.toString('latin1'));
    start = end + 1;
  }
  return stripBom(parts.join('\n'));
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Splits text into lines (LF or CRLF). A final empty line after the last newline is dropped. */
export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.length > 0 && line.charCodeAt(line.length - 1) === 13) lines[i] = line.slice(0, -1);
  }
  return lines;
}

export function isBlank(line: string): boolean {
  return line.trim() === '';
}
