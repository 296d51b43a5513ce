/** A lint finding: one line of `t1505 lint` output. */
export interface LintFinding {
  /** Saved search name, or `<page>: <CONSTANT>` for a dashboard search. */
  search: string;
  /** File holding the search. */
  file: string;
  /** 1-based line in that file (when known). */
  line?: number;
  /** 0-based offset in the expanded search. */
  offset?: number;
  /** Readable position in the search, e.g. "line 2, column 14, in macro `x`". */
  position?: string;
  rule: string;
  severity: 'error' | 'warning';
  message: string;
}

/** A search to lint, wherever it lives. */
export interface LintTarget {
  name: string;
  spl: string;
  file: string;
  /** 1-based line of the first line of the search in `file`. */
  line?: number;
  /** savedsearches.conf settings (absent for dashboard searches). */
  settings?: ReadonlyMap<string, string>;
}
