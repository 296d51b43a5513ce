/** Splunk wildcard patterns (`*` matches any run of characters) as regular expressions. */

/** An anchored RegExp for `pattern`: each `*` becomes `star` (default: any run, newlines too), the rest matches itself. */
export function wildcardRegex(pattern: string, flags = '', star = '[\\s\\S]*'): RegExp {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'))
    .join(star);
  return new RegExp(`^${source}$`, flags);
}
