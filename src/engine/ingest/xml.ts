/**
 * A small, strict, streaming XML scanner for single event documents (Windows event
 * XML). It reports start tags (with decoded attributes), decoded text (entities and
 * CDATA) and end tags (with the offsets of the element's content) to a handler, skips
 * comments and processing instructions, and throws an XmlError with the offset of the
 * first well-formedness error. Namespace prefixes are dropped from element and
 * attribute names (`<e:Event>` is `Event`). It builds no tree, which keeps ingest fast.
 */

export interface XmlHandler {
  /** A start tag; `depth` is 0 for the root element. */
  open(name: string, attrs: Record<string, string>, depth: number): void;
  /** Decoded character data directly inside the element at `depth`. */
  text(text: string, depth: number): void;
  /** An end tag (or the end of an empty-element tag); content spans [innerStart, innerEnd). */
  close(name: string, depth: number, innerStart: number, innerEnd: number): void;
}

export class XmlError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at offset ${offset}`);
    this.name = 'XmlError';
  }
}


export interface ScanOptions {
  /**
   * Whether text and attribute values are passed decoded (`&amp;` → `&`) or as written in
   * the document (entities still validated). CDATA content is passed as is either way.
   */
  decode: boolean;
}

export function scanXml(src: string, handler: XmlHandler, from = 0, to = src.length, options: ScanOptions = { decode: true }): void {
  new Scanner(src, from, to, handler, options.decode).document();
}

/** Validates the entities of `text` and returns it decoded or, when `decode` is false, as is. */
function entityText(text: string, offset: number, decode: boolean): string {
  const decoded = decodeEntities(text, offset);
  return decode ? decoded : text;
}

interface OpenElement {
  name: string;
  start: number;
  innerStart: number;
}

class Scanner {
  private pos: number;

  constructor(
    private readonly src: string,
    from: number,
    private readonly end: number,
    private readonly handler: XmlHandler,
    private readonly decode: boolean,
  ) {
    this.pos = from;
  }

  document(): void {
    this.skipMisc();
    if (this.pos >= this.end || this.src.charCodeAt(this.pos) !== 60 /* < */) throw new XmlError('expected the root element', this.pos);
    this.content();
    this.skipMisc();
    if (this.pos < this.end) throw new XmlError('unexpected content after the root element', this.pos);
  }

  /** Whitespace, comments and processing instructions outside the root element. */
  private skipMisc(): void {
    for (;;) {
      while (this.pos < this.end && isSpace(this.src.charCodeAt(this.pos))) this.pos++;
      if (this.src.startsWith('<?', this.pos)) this.skipPast('?>', 'processing instruction');
      else if (this.src.startsWith('<!--', this.pos)) this.skipPast('-->', 'comment');
      else return;
    }
  }

  private skipPast(terminator: string, what: string): void {
    const at = this.src.indexOf(terminator, this.pos);
    if (at < 0 || at + terminator.length > this.end) throw new XmlError(`unterminated ${what}`, this.pos);
    this.pos = at + terminator.length;
  }

  /** The root element and everything inside it, iteratively (no recursion depth limit). */
  private content(): void {
    const stack: OpenElement[] = [];
    const src = this.src;
    const h = this.handler;
    do {
      if (stack.length > 0) {
        const top = stack[stack.length - 1];
        const lt = src.indexOf('<', this.pos);
        if (lt < 0 || lt >= this.end) throw new XmlError(`element <${top.name}> is not closed`, top.start);
        if (lt > this.pos) h.text(entityText(src.slice(this.pos, lt), this.pos, this.decode), stack.length - 1);
        this.pos = lt;
        if (src.charCodeAt(lt + 1) === 47 /* / */) {
          this.pos = lt + 2;
          const closing = this.name('end tag name');
          this.skipSpace();
          if (src.charCodeAt(this.pos) !== 62) throw new XmlError(`malformed end tag </${closing}>`, lt);
          this.pos++;
          if (closing !== top.name) throw new XmlError(`end tag </${closing}> does not match <${top.name}>`, lt);
          stack.pop();
          h.close(localName(top.name), stack.length, top.innerStart, lt);
          continue;
        }
        if (src.startsWith('<![CDATA[', lt)) {
          const close = src.indexOf(']]>', lt + 9);
          if (close < 0 || close >= this.end) throw new XmlError('unterminated CDATA section', lt);
          h.text(src.slice(lt + 9, close), stack.length - 1);
          this.pos = close + 3;
          continue;
        }
        if (src.startsWith('<!--', lt)) {
          this.skipPast('-->', 'comment');
          continue;
        }
        if (src.startsWith('<?', lt)) {
          this.skipPast('?>', 'processing instruction');
          continue;
        }
      }
      const opened = this.startTag(stack.length);
      if (opened) stack.push(opened);
    } while (stack.length > 0);
  }

  /** Reads a start tag at `pos`; returns the open element, or undefined for `<x/>` (already closed). */
  private startTag(depth: number): OpenElement | undefined {
    const src = this.src;
    const start = this.pos;
    this.pos++; // <
    const name = this.name('element name');
    const attrs: Record<string, string> = {};
    for (;;) {
      const hadSpace = this.skipSpace();
      if (this.pos >= this.end) throw new XmlError(`unterminated start tag <${name}>`, start);
      const c = src.charCodeAt(this.pos);
      if (c === 47 /* / */) {
        if (src.charCodeAt(this.pos + 1) !== 62) throw new XmlError(`expected "/>" in <${name}>`, this.pos);
        this.pos += 2;
        const local = localName(name);
        this.handler.open(local, attrs, depth);
        this.handler.close(local, depth, this.pos, this.pos);
        return undefined;
      }
      if (c === 62 /* > */) {
        this.pos++;
        this.handler.open(localName(name), attrs, depth);
        return { name, start, innerStart: this.pos };
      }
      if (!hadSpace) throw new XmlError(`expected whitespace before an attribute in <${name}>`, this.pos);
      const attrName = this.name('attribute name');
      this.skipSpace();
      if (src.charCodeAt(this.pos) !== 61 /* = */) throw new XmlError(`attribute ${attrName} of <${name}> has no "="`, this.pos);
      this.pos++;
      this.skipSpace();
      const quote = src.charCodeAt(this.pos);
      if (quote !== 34 && quote !== 39) throw new XmlError(`attribute ${attrName} of <${name}> is not quoted`, this.pos);
      const close = src.indexOf(quote === 34 ? '"' : "'", this.pos + 1);
      if (close < 0 || close >= this.end) throw new XmlError(`unterminated value of attribute ${attrName}`, this.pos);
      const rawValue = src.slice(this.pos + 1, close);
      if (rawValue.includes('<')) throw new XmlError(`"<" in the value of attribute ${attrName}`, this.pos);
      attrs[localName(attrName)] = entityText(rawValue, this.pos + 1, this.decode);
      this.pos = close + 1;
    }
  }

  private name(what: string): string {
    const start = this.pos;
    if (start >= this.end || !isNameStart(this.src.charCodeAt(start))) throw new XmlError(`expected ${what}`, start);
    let p = start + 1;
    while (p < this.end && isNameChar(this.src.charCodeAt(p))) p++;
    this.pos = p;
    return this.src.slice(start, p);
  }

  private skipSpace(): boolean {
    const start = this.pos;
    while (this.pos < this.end && isSpace(this.src.charCodeAt(this.pos))) this.pos++;
    return this.pos > start;
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58 || c >= 0xc0;
}

function isNameChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45 || c === 46 || c === 58 || c >= 0xb7
  );
}

function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the five predefined entities and numeric character references. */
export function decodeEntities(text: string, offset = 0): string {
  if (!text.includes('&')) return text;
  let out = '';
  let last = 0;
  for (let i = text.indexOf('&'); i >= 0; i = text.indexOf('&', last)) {
    const semi = text.indexOf(';', i);
    if (semi < 0 || semi - i > 12) throw new XmlError('"&" that does not start an entity', offset + i);
    const ref = text.slice(i + 1, semi);
    let ch: string | undefined;
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!/^#(x[0-9A-Fa-f]+|X[0-9A-Fa-f]+|[0-9]+)$/.test(ref) || !(code >= 0 && code <= 0x10ffff)) {
        throw new XmlError(`invalid character reference &${ref};`, offset + i);
      }
      ch = String.fromCodePoint(code);
    } else {
      ch = NAMED[ref];
      if (ch === undefined) throw new XmlError(`unknown entity &${ref};`, offset + i);
    }
    out += text.slice(last, i) + ch;
    last = semi + 1;
  }
  return out + text.slice(last);
}
