/**
 * Keyword matching against `_raw` by Splunk's segmentation ("Event segmentation and
 * searching", Search Manual,
 * https://help.splunk.com/splunk-enterprise/search/search-manual/10.0/search-primer/event-segmentation-and-searching):
 * a term matches when it occurs bounded by breakers on both sides, so `error` matches
 * "error:" and "my_error" (minor breakers split segments) but not "errors". `*` in a
 * term stays inside one major segment. TERM(x) needs major breakers around x.
 * Breaker sets are those of the default segmenters.conf (unverified: the URL-encoded
 * major breakers such as %20 are not modelled).
 */

const MAJOR = ' \\t\\n\\r\\[\\]<>(){}|!;,\'"&?+';
const MINOR = '/:=@.\\-$#%\\\\_';

export interface TermOptions {
  caseSensitive?: boolean;
  /** TERM(): only major breakers bound the term. */
  exact?: boolean;
}

function escapeChar(c: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(c) ? `\\${c}` : c;
}

export function termRegex(term: string, options: TermOptions = {}): RegExp {
  const bound = options.exact ? MAJOR : MAJOR + MINOR;
  let body = '';
  for (const c of term) body += c === '*' ? `[^${MAJOR}]*` : escapeChar(c);
  const isBreaker = new RegExp(`^[${bound}]$`);
  const first = term[0] ?? '*';
  const last = term[term.length - 1] ?? '*';
  const before = first === '*' || isBreaker.test(first) ? '' : `(?<![^${bound}])`;
  const after = last === '*' || isBreaker.test(last) ? '' : `(?![^${bound}])`;
  return new RegExp(before + body + after, options.caseSensitive ? '' : 'i');
}

export function termMatcher(term: string, options: TermOptions = {}): (text: string) => boolean {
  if (term === '*') return () => true;
  const re = termRegex(term, options);
  return (text) => re.test(text);
}
