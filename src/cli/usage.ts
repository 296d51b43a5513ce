/** Usage text and the error type for bad command lines (exit code 2). */

export const HUNT_USAGE = `usage: t1505 hunt --input FILE --sourcetype ST [--source SRC] [--host HOST] [--index IDX]
                  [--input FILE2 --sourcetype ST2 ...]
                  [--search NAME ...] [--spl 'QUERY'] [--now TIME] [--format json|table] [--app DIR]
                  [--lookup FILE=CSV ...]

  --input FILE      events to load; each --input takes the --sourcetype, --source, --host
                    and --index options that follow it (before the next --input)
  --search NAME     run this saved search of default/savedsearches.conf (repeatable);
                    without --search and --spl every saved search runs
  --spl QUERY       run one ad-hoc search over all loaded events
  --now TIME        "now" for the dispatch windows: epoch seconds or ISO 8601
                    (default: one second after the latest loaded event)
  --format FORMAT   json (one JSON document) or table (default: table)
  --app DIR         the app directory holding default/ (default: the repository root)
  --lookup FILE=CSV append the rows of CSV (same header) to the app's lookups/FILE for
                    this run, e.g. --lookup t1505_server_roles.csv=roles.csv (repeatable)

environment:
  T1505_XML_VALUES=decoded  decode XML entities (&quot; &amp;) in Windows XML field values;
                            the default (raw) keeps them, as Splunk does (docs/sourcetypes.md)`;

export const LINT_USAGE = `usage: t1505 lint [--app DIR] [--format text|json]

  Checks every saved search and dashboard search of the app; prints one line per finding
  and exits 1 when there is an error finding.`;

export const MAIN_USAGE = `usage: t1505 <command> [options]

commands:
  hunt    load recorded events and run the app's saved searches or ad-hoc SPL over them
  lint    check the app's searches

Run "t1505 <command> --help" for the options of a command.`;

export class UsageError extends Error {
  constructor(
    message: string,
    readonly usage: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}
