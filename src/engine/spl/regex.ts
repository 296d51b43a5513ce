/**
 * PCRE (what Splunk's rex, regex, match() and replace() use) to JavaScript RegExp.
 *
 * Translated where the meaning is the same: `(?P<name>` and `(?<name>` groups,
 * `(?P=name)` back-references, leading inline flags `(?i)` `(?s)` `(?m)` `(?x)`,
 * `\A` `\z` `\Z`, PCRE's `$` (end or before a final newline) and `.` (anything but
 * `\n`), `\h` `\H` `\R` `\e` `\a` `\x{hh}` `\Q…\E`, POSIX classes `[[:alpha:]]`,
 * `(?#comments)`. Refused with a clear error: possessive quantifiers, atomic groups,
 * recursion, `\K`, `\G`, conditionals, branch reset, callouts, inline flags that are not
 * at the start, and scoped flag groups `(?i:…)` (JavaScript of Node 20 lacks them).
 *
 * Not modelled: Splunk's PCRE match limit (limits.conf `[rex] match_limit`). JavaScript
 * regexes cannot be interrupted, so a pattern with nested unbounded quantifiers such as
 * `(\w+\s*)+$` can backtrack for a long time on a long non-matching value; the engine
 * relies on event values being bounded (the fuzz tests keep them short).
 */

export class RegexError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RegexError';
  }
}

export interface TranslatedRegex {
  source: string;
  flags: string;
  groupNames: string[];
}

const POSIX: Record<string, string> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: 'a-zA-Z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: '\\s',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  word: '\\w',
  cntrl: '\\x00-\\x1f\\x7f',
  print: '\\x20-\\x7e',
  graph: '\\x21-\\x7e',
};

const H_SPACE = '\\t \\u00a0\\u1680\\u180e\\u2000-\\u200a\\u202f\\u205f\\u3000';

/** PCRE escapes written as fixed JavaScript outside a character class: anchors and the newline sequence. */
const OUTSIDE_CLASS_ESCAPES = new Map([
  ['A', '(?<![\\s\\S])'],
  ['z', '(?![\\s\\S])'],
  ['Z', '(?=\\n?(?![\\s\\S]))'],
  ['R', '(?:\\r\\n|[\\n\\v\\f\\r\\x85\\u2028\\u2029])'],
]);

/** PCRE character escapes JavaScript lacks, as fixed JavaScript anywhere. */
const CHARACTER_ESCAPES = new Map([
  ['e', '\\x1b'],
  ['a', '\\x07'],
]);

function refuse(pattern: string, what: string, at: number): never {
  throw new RegexError(`regular expression "${pattern}" uses ${what} at position ${at}, which JavaScript cannot reproduce; the offline engine refuses it`);
}

function escapeLiteral(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

export function translatePcre(pattern: string): TranslatedRegex {
  let i = 0;
  const flags = new Set<string>();
  // Leading inline flags, possibly several groups: (?i)(?s)
  for (;;) {
    const m = /^\(\?([imsxJU-]+)\)/.exec(pattern.slice(i));
    if (!m) break;
    if (m[1].includes('-') || /[JU]/.test(m[1])) refuse(pattern, `the inline option (?${m[1]})`, i);
    for (const f of m[1]) flags.add(f);
    i += m[0].length;
  }
  const extended = flags.has('x');
  const dotAll = flags.has('s');
  const multiline = flags.has('m');
  let out = '';
  let unicode = false;
  const groupNames: string[] = [];
  let inClass = false;
  let classStart = 0;

  while (i < pattern.length) {
    const c = pattern[i];
    if (c === '\\') {
      const n = pattern[i + 1];
      if (n === undefined) throw new RegexError(`regular expression "${pattern}" ends with a lone backslash`);
      if (n === 'Q') {
        const end = pattern.indexOf('\\E', i + 2);
        const literal = pattern.slice(i + 2, end < 0 ? pattern.length : end);
        out += inClass ? literal.replace(/[\\\]^-]/g, '\\$&') : escapeLiteral(literal);
        i = end < 0 ? pattern.length : end + 2;
        continue;
      }
      const fixed = (inClass ? undefined : OUTSIDE_CLASS_ESCAPES.get(n)) ?? CHARACTER_ESCAPES.get(n);
      if (fixed !== undefined) {
        out += fixed;
        i += 2;
        continue;
      }
      if (!inClass) {
        if (n === 'K') refuse(pattern, '\\K (reset match start)', i);
        if (n === 'G') refuse(pattern, '\\G (match continuation anchor)', i);
        if (n === 'g') {
          const m = /^\\g\{?(-?\d+|[A-Za-z_]\w*)\}?/.exec(pattern.slice(i));
          if (!m || m[1].startsWith('-')) refuse(pattern, 'a relative back-reference \\g', i);
          out += /^\d/.test(m[1]) ? `\\${m[1]}` : `\\k<${m[1]}>`;
          i += m[0].length;
          continue;
        }
      }
      if (n === 'h') {
        out += inClass ? H_SPACE : `[${H_SPACE}]`;
        i += 2;
        continue;
      }
      if (n === 'H') {
        if (inClass) refuse(pattern, '\\H inside a character class', i);
        out += `[^${H_SPACE}]`;
        i += 2;
        continue;
      }
      if (n === 'x' && pattern[i + 2] === '{') {
        const close = pattern.indexOf('}', i + 3);
        const hex = pattern.slice(i + 3, close);
        if (close < 0 || !/^[0-9A-Fa-f]{1,6}$/.test(hex)) throw new RegexError(`regular expression "${pattern}" has a malformed \\x{…} at position ${i}`);
        const code = parseInt(hex, 16);
        out += code <= 0xffff ? `\\u${code.toString(16).padStart(4, '0')}` : (unicode = true, `\\u{${hex}}`);
        i = close + 1;
        continue;
      }
      if (n === 'p' || n === 'P') unicode = true;
      out += c + n;
      i += 2;
      if (!inClass && /[1-9]/.test(n)) {
        while (/[0-9]/.test(pattern[i] ?? '')) out += pattern[i++];
      }
      continue;
    }
    if (inClass) {
      if (c === '[' && pattern[i + 1] === ':') {
        const m = /^\[:(\^?)([a-z]+):\]/.exec(pattern.slice(i));
        if (m) {
          const cls = POSIX[m[2]];
          if (!cls) throw new RegexError(`regular expression "${pattern}" uses an unknown POSIX class [:${m[2]}:]`);
          if (m[1]) refuse(pattern, 'a negated POSIX class', i);
          out += cls;
          i += m[0].length;
          continue;
        }
      }
      if (c === '[') {
        out += '\\[';
        i++;
        continue;
      }
      if (c === ']' && i > classStart) {
        inClass = false;
        out += ']';
        i++;
        continue;
      }
      out += c;
      i++;
      continue;
    }
    if (extended) {
      if (/\s/.test(c)) {
        i++;
        continue;
      }
      if (c === '#') {
        while (i < pattern.length && pattern[i] !== '\n') i++;
        continue;
      }
    }
    if (c === '[') {
      inClass = true;
      out += '[';
      i++;
      if (pattern[i] === '^') {
        out += '^';
        i++;
      }
      classStart = i;
      if (pattern[i] === ']') {
        out += '\\]';
        i++;
      }
      continue;
    }
    if (c === '(') {
      if (pattern[i + 1] !== '?') {
        out += '(';
        i++;
        if (pattern[i] === '*') refuse(pattern, 'a backtracking verb (*…)', i);
        continue;
      }
      const rest = pattern.slice(i);
      let m: RegExpExecArray | null;
      if ((m = /^\(\?P?<([A-Za-z_]\w*)>/.exec(rest)) || (m = /^\(\?'([A-Za-z_]\w*)'/.exec(rest))) {
        if (groupNames.includes(m[1])) throw new RegexError(`regular expression "${pattern}" names the group "${m[1]}" twice`);
        groupNames.push(m[1]);
        out += `(?<${m[1]}>`;
        i += m[0].length;
        continue;
      }
      if ((m = /^\(\?P=([A-Za-z_]\w*)\)/.exec(rest))) {
        out += `\\k<${m[1]}>`;
        i += m[0].length;
        continue;
      }
      if (rest.startsWith('(?#')) {
        const close = pattern.indexOf(')', i);
        i = close < 0 ? pattern.length : close + 1;
        continue;
      }
      if (rest.startsWith('(?:') || rest.startsWith('(?=') || rest.startsWith('(?!') || rest.startsWith('(?<=') || rest.startsWith('(?<!')) {
        const len = rest.startsWith('(?<') ? 4 : 3;
        out += rest.slice(0, len);
        i += len;
        continue;
      }
      if (rest.startsWith('(?>')) refuse(pattern, 'an atomic group (?>…)', i);
      if (rest.startsWith('(?|')) refuse(pattern, 'a branch reset group (?|…)', i);
      if (rest.startsWith('(?(')) refuse(pattern, 'a conditional group (?(…)…)', i);
      if (/^\(\?(R|[+-]?\d+|&\w+|P>\w+)\)/.test(rest)) refuse(pattern, 'recursion or a subroutine call', i);
      if (rest.startsWith('(?C')) refuse(pattern, 'a callout', i);
      if (/^\(\?[imsxJU-]+[:)]/.test(rest)) refuse(pattern, 'an inline option that is not at the start of the pattern', i);
      throw new RegexError(`regular expression "${pattern}" has an unknown group construct at position ${i}`);
    }
    if (c === '.') {
      out += dotAll ? '[\\s\\S]' : '[^\\n]';
      i++;
      continue;
    }
    if (c === '$') {
      out += multiline ? '$' : '(?=\\n?(?![\\s\\S]))';
      i++;
      continue;
    }
    if (c === '*' || c === '+' || c === '?') {
      out += c;
      i++;
      if (pattern[i] === '+') refuse(pattern, 'a possessive quantifier', i);
      if (pattern[i] === '?') {
        out += '?';
        i++;
      }
      continue;
    }
    if (c === '{') {
      const m = /^\{\d+(,\d*)?\}/.exec(pattern.slice(i));
      if (m) {
        out += m[0];
        i += m[0].length;
        if (pattern[i] === '+') refuse(pattern, 'a possessive quantifier', i);
        if (pattern[i] === '?') {
          out += '?';
          i++;
        }
        continue;
      }
      out += '\\{';
      i++;
      continue;
    }
    if (c === '}') {
      out += '\\}';
      i++;
      continue;
    }
    if (c === '/') {
      out += '\\/';
      i++;
      continue;
    }
    out += c;
    i++;
  }
  if (inClass) throw new RegexError(`regular expression "${pattern}" has an unclosed character class "["`);
  let jsFlags = '';
  if (flags.has('i')) jsFlags += 'i';
  if (multiline) jsFlags += 'm';
  if (unicode) jsFlags += 'u';
  return { source: out, flags: jsFlags, groupNames };
}

const cache = new Map<string, { regex: RegExp; groupNames: string[] }>();

/** Compiles a PCRE pattern once (cached); `extraFlags` such as `g`. Throws RegexError. */
export function compilePcre(pattern: string, extraFlags = ''): { regex: RegExp; groupNames: string[] } {
  const key = `${extraFlags}\u0000${pattern}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const t = translatePcre(pattern);
  let regex: RegExp;
  try {
    regex = new RegExp(t.source, t.flags + extraFlags);
  } catch (e) {
    throw new RegexError(`regular expression "${pattern}" is not valid: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}`);
  }
  const compiled = { regex, groupNames: t.groupNames };
  if (cache.size > 5000) cache.clear();
  cache.set(key, compiled);
  return compiled;
}
