/**
 * A small, strict XML parser for single event documents (Windows event XML). It
 * builds an element tree, decodes the predefined and numeric entities and CDATA,
 * skips comments, processing instructions and a DOCTYPE-free prolog, and reports the
 * first well-formedness error with its offset. Namespace prefixes are dropped from
 * element and attribute names (`<e:Event>` is `Event`).
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** Offsets of the element's content (between the start and end tags) in the source. */
  innerStart: number;
  innerEnd: number;
}

export type XmlNode = XmlElement | string;

export class XmlError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at offset ${offset}`);
    this.name = 'XmlError';
  }
}

const NAME_START = /[A-Za-z_:\u00C0-\uFFFF]/;

export function parseXml(src: string, from = 0, to = src.length): XmlElement {
  return new Parser(src, from, to).document();
}

class Parser {
  private pos: number;

  constructor(
    private readonly src: string,
    from: number,
    private readonly end: number,
  ) {
    this.pos = from;
  }

  document(): XmlElement {
    this.skipMisc();
    if (this.pos >= this.end || this.src.charCodeAt(this.pos) !== 60 /* < */) throw new XmlError('expected the root element', this.pos);
    const root = this.element();
    this.skipMisc();
    if (this.pos < this.end) throw new XmlError('unexpected content after the root element', this.pos);
    return root;
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

  private element(): XmlElement {
    const start = this.pos;
    this.pos++; // <
    const name = this.name('element name');
    const attrs: Record<string, string> = {};
    for (;;) {
      const hadSpace = this.skipSpace();
      if (this.pos >= this.end) throw new XmlError(`unterminated start tag <${name}>`, start);
      const c = this.src.charCodeAt(this.pos);
      if (c === 47 /* / */) {
        if (this.src.charCodeAt(this.pos + 1) !== 62) throw new XmlError(`expected "/>" in <${name}>`, this.pos);
        this.pos += 2;
        return { name: localName(name), attrs, children: [], innerStart: this.pos, innerEnd: this.pos };
      }
      if (c === 62 /* > */) {
        this.pos++;
        break;
      }
      if (!hadSpace) throw new XmlError(`expected whitespace before an attribute in <${name}>`, this.pos);
      const attrName = this.name('attribute name');
      this.skipSpace();
      if (this.src.charCodeAt(this.pos) !== 61 /* = */) throw new XmlError(`attribute ${attrName} of <${name}> has no "="`, this.pos);
      this.pos++;
      this.skipSpace();
      const quote = this.src.charCodeAt(this.pos);
      if (quote !== 34 && quote !== 39) throw new XmlError(`attribute ${attrName} of <${name}> is not quoted`, this.pos);
      const close = this.src.indexOf(quote === 34 ? '"' : "'", this.pos + 1);
      if (close < 0 || close >= this.end) throw new XmlError(`unterminated value of attribute ${attrName}`, this.pos);
      const rawValue = this.src.slice(this.pos + 1, close);
      if (rawValue.includes('<')) throw new XmlError(`"<" in the value of attribute ${attrName}`, this.pos);
      attrs[localName(attrName)] = decodeEntities(rawValue, this.pos + 1);
      this.pos = close + 1;
    }
    const innerStart = this.pos;
    const children: XmlNode[] = [];
    let text = '';
    for (;;) {
      if (this.pos >= this.end) throw new XmlError(`element <${name}> is not closed`, start);
      const lt = this.src.indexOf('<', this.pos);
      if (lt < 0 || lt >= this.end) throw new XmlError(`element <${name}> is not closed`, start);
      if (lt > this.pos) text += decodeEntities(this.src.slice(this.pos, lt), this.pos);
      this.pos = lt;
      if (this.src.startsWith('</', lt)) {
        const innerEnd = lt;
        this.pos = lt + 2;
        const closing = this.name('end tag name');
        this.skipSpace();
        if (this.src.charCodeAt(this.pos) !== 62) throw new XmlError(`malformed end tag </${closing}>`, lt);
        this.pos++;
        if (closing !== name) throw new XmlError(`end tag </${closing}> does not match <${name}>`, lt);
        if (text) children.push(text);
        return { name: localName(name), attrs, children, innerStart, innerEnd };
      }
      if (this.src.startsWith('<![CDATA[', lt)) {
        const close = this.src.indexOf(']]>', lt + 9);
        if (close < 0 || close >= this.end) throw new XmlError('unterminated CDATA section', lt);
        text += this.src.slice(lt + 9, close);
        this.pos = close + 3;
      } else if (this.src.startsWith('<!--', lt)) {
        this.skipPast('-->', 'comment');
      } else if (this.src.startsWith('<?', lt)) {
        this.skipPast('?>', 'processing instruction');
      } else {
        if (text) {
          children.push(text);
          text = '';
        }
        children.push(this.element());
      }
    }
  }

  private name(what: string): string {
    const start = this.pos;
    if (start >= this.end || !NAME_START.test(this.src[start])) throw new XmlError(`expected ${what}`, start);
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

/** Text content of an element (its direct text children, concatenated). */
export function textOf(el: XmlElement): string {
  let out = '';
  for (const c of el.children) if (typeof c === 'string') out += c;
  return out;
}

export function childElements(el: XmlElement): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string');
}

export function firstChild(el: XmlElement, name: string): XmlElement | undefined {
  for (const c of el.children) if (typeof c !== 'string' && c.name === name) return c;
  return undefined;
}
