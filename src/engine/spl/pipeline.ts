/**
 * Splits an expanded search into its pipeline: commands separated by top-level `|`,
 * with `[ … ]` subsearches parsed recursively. Quotes and brackets must balance.
 */
import { ParseFailure } from './errors';
import { closedQuoteEnd } from './lexer';

export interface CommandNode {
  /** Lower-case command name (`search` for the implicit initial search). */
  name: string;
  /** Offset of the command name (or of the first argument for the implicit search). */
  start: number;
  /** Offsets of the argument text. */
  argsStart: number;
  argsEnd: number;
  /** True when the command name was written (false for the implicit initial search). */
  explicit: boolean;
  /** Subsearches inside the arguments, by offset. */
  subsearches: SubsearchNode[];
}

export interface SubsearchNode {
  /** Offset of `[` and just after `]`. */
  start: number;
  end: number;
  pipeline: PipelineNode;
}

export interface PipelineNode {
  commands: CommandNode[];
  /** True when the pipeline starts with `|` (a generating command first). */
  leadingPipe: boolean;
  start: number;
  end: number;
}

/** Commands that may start a subsearch without a leading pipe (unverified beyond inputlookup). */
const GENERATING = new Set(['inputlookup', 'tstats', 'makeresults']);

export function parsePipeline(text: string, start = 0, end = text.length, inSubsearch = false): PipelineNode {
  const segments: Array<{ start: number; end: number; subsearches: SubsearchNode[] }> = [];
  let segStart = start;
  let subs: SubsearchNode[] = [];
  let i = start;
  while (i < end) {
    const c = text[i];
    if (c === '"') {
      i = closedQuoteEnd(text, i, end);
      continue;
    }
    if (c === '[') {
      const close = matchingBracket(text, i, end);
      subs.push({ start: i, end: close + 1, pipeline: parsePipeline(text, i + 1, close, true) });
      i = close + 1;
      continue;
    }
    if (c === ']') throw new ParseFailure('unbalanced brackets: "]" without a matching "["', i);
    if (c === '|') {
      segments.push({ start: segStart, end: i, subsearches: subs });
      subs = [];
      segStart = i + 1;
    }
    i++;
  }
  segments.push({ start: segStart, end, subsearches: subs });

  const first = segments[0];
  const leadingPipe = segments.length > 1 && text.slice(first.start, first.end).trim() === '';
  const commands: CommandNode[] = [];
  segments.forEach((seg, index) => {
    if (index === 0 && leadingPipe) return;
    const isFirst = index === 0;
    commands.push(commandFrom(text, seg, isFirst && !leadingPipe, inSubsearch));
  });
  return { commands, leadingPipe, start, end };
}

function commandFrom(
  text: string,
  seg: { start: number; end: number; subsearches: SubsearchNode[] },
  implicitSearchAllowed: boolean,
  inSubsearch: boolean,
): CommandNode {
  let s = seg.start;
  while (s < seg.end && /\s/.test(text[s])) s++;
  if (s >= seg.end) {
    if (implicitSearchAllowed) {
      return { name: 'search', start: s, argsStart: s, argsEnd: seg.end, explicit: false, subsearches: seg.subsearches };
    }
    throw new ParseFailure('empty command: nothing between two pipes', Math.min(s, seg.end));
  }
  const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(s, Math.min(seg.end, s + 64)));
  const word = m ? m[0] : '';
  const follows = text[s + word.length];
  const isWord = word !== '' && (follows === undefined || s + word.length >= seg.end || /[\s[(]/.test(follows));
  const lower = word.toLowerCase();
  if (implicitSearchAllowed && !(isWord && (lower === 'search' || (inSubsearch && GENERATING.has(lower))))) {
    return { name: 'search', start: s, argsStart: s, argsEnd: seg.end, explicit: false, subsearches: seg.subsearches };
  }
  if (!isWord) throw new ParseFailure(`expected a command name, found "${text.slice(s, Math.min(seg.end, s + 20)).trim()}"`, s);
  return { name: lower, start: s, argsStart: s + word.length, argsEnd: seg.end, explicit: true, subsearches: seg.subsearches };
}

function matchingBracket(text: string, open: number, end: number): number {
  let depth = 0;
  let i = open;
  while (i < end) {
    const c = text[i];
    if (c === '"') {
      i = closedQuoteEnd(text, i, end);
      continue;
    }
    if (c === '[') depth++;
    else if (c === ']') {
      depth--;
      if (depth === 0) return i;
    }
    i++;
  }
  throw new ParseFailure('unbalanced brackets: "[" has no matching "]"', open);
}
