/**
 * Errors of the SPL engine. Every error names where it happened: an offset in the
 * expanded search (after macro expansion), its line and column, and when the offset
 * falls inside a macro expansion, the macro it came from.
 */

export interface SplPosition {
  /** 0-based offset in the expanded search text. */
  offset: number;
  /** 1-based line and column in the expanded search text. */
  line: number;
  column: number;
  /** Name of the innermost macro whose expansion holds the offset. */
  macro?: string;
  /** 0-based offset in the original (unexpanded) search text: the macro call when inside one. */
  sourceOffset: number;
}

export class SplError extends Error {
  constructor(
    message: string,
    readonly position?: SplPosition,
  ) {
    super(position ? `${message} (${describePosition(position)})` : message);
    this.name = 'SplError';
  }

  /** The message without the position suffix. */
  get reason(): string {
    const p = this.position;
    return p ? this.message.slice(0, this.message.length - describePosition(p).length - 3) : this.message;
  }
}

export function describePosition(p: SplPosition): string {
  const where = `line ${p.line}, column ${p.column}`;
  return p.macro ? `${where}, in macro \`${p.macro}\`` : where;
}

/** Thrown for SPL that is valid in Splunk but not implemented by the offline engine. */
export function unsupported(what: 'command' | 'function' | 'argument', name: string): string {
  return `${what} not supported by the offline engine: ${name}`;
}

/**
 * Raised while parsing at an offset that the caller maps to a position.
 * Parsers throw this; `SourceText.error()` converts it to an SplError.
 */
export class ParseFailure extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'ParseFailure';
  }
}
