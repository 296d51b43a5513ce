/**
 * The event and result-row model shared by ingest, the SPL evaluator and the CLI.
 *
 * Splunk fields hold strings (numbers are strings that look like numbers), except
 * `_time` (epoch seconds, may be fractional) and `linecount`. A multivalue field is
 * an array with at least two values; a missing field is absent (never `null`,
 * never the empty array).
 */
export type FieldValue = string | number | string[];

export type Row = Record<string, FieldValue | undefined>;

export interface SplunkEvent extends Row {
  _time: number;
  _raw: string;
  host: string;
  source: string;
  sourcetype: string;
  index: string;
  linecount: number;
}

/** A line (or record) of an input file that could not be turned into an event. */
export interface Rejection {
  file: string;
  /** 1-based line number of the first line of the rejected record. */
  line: number;
  reason: string;
}

export interface IngestOptions {
  sourcetype: string;
  source?: string;
  host?: string;
  /** Defaults to `main`, as `splunk add oneshot` does. */
  index?: string;
}

export interface IngestResult {
  events: SplunkEvent[];
  rejected: Rejection[];
}
