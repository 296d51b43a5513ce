/**
 * The expanded search text (comments blanked, macros expanded) and the map from an
 * offset in it back to where the text came from: the original search or a macro.
 */
import { ParseFailure, SplError, type SplPosition } from './errors';

export interface Piece {
  /** Offset of the piece in the expanded text. */
  start: number;
  length: number;
  /** Innermost macro whose definition produced this piece; absent for the original search. */
  macro?: string;
  /** For original text: its offset in the original search. For macro text: the offset of
   *  the outermost macro call in the original search. */
  sourceOffset: number;
}

export class ExpandedSearch {
  private readonly lineStarts: number[];

  constructor(
    readonly text: string,
    readonly original: string,
    private readonly pieces: Piece[],
    /** Names of every macro expanded, in order of first use. */
    readonly macrosUsed: string[] = [],
  ) {
    this.lineStarts = [0];
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  /** A text with no macros: positions map one to one. */
  static plain(text: string): ExpandedSearch {
    return new ExpandedSearch(text, text, [{ start: 0, length: text.length, sourceOffset: 0 }]);
  }

  position(offset: number): SplPosition {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) lo = mid;
      else hi = mid - 1;
    }
    const piece = this.pieceAt(clamped);
    const position: SplPosition = {
      offset: clamped,
      line: lo + 1,
      column: clamped - this.lineStarts[lo] + 1,
      sourceOffset: piece ? (piece.macro ? piece.sourceOffset : piece.sourceOffset + (clamped - piece.start)) : clamped,
    };
    if (piece?.macro) position.macro = piece.macro;
    return position;
  }

  error(message: string, offset: number): SplError {
    return new SplError(message, this.position(offset));
  }

  /** Converts a parser's ParseFailure into an SplError at its position; rethrows others. */
  wrap<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (e instanceof ParseFailure) throw this.error(e.message, e.offset);
      throw e;
    }
  }

  private pieceAt(offset: number): Piece | undefined {
    const pieces = this.pieces;
    let lo = 0;
    let hi = pieces.length - 1;
    if (hi < 0) return undefined;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (pieces[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    // An offset at the very end of a piece belongs to it when nothing follows.
    return pieces[lo];
  }
}
