/**
 * Validates the five-field cron expressions of `cron_schedule` (savedsearches.conf spec:
 * minute hour day-of-month month day-of-week; `*`, lists, ranges and `/` steps).
 * AppInspect warns about searches that run more than 12 times an hour
 * (research notes §4.1, "Saved search standards").
 */

const FIELDS = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12 },
  { name: 'day of week', min: 0, max: 7 },
] as const;

export const MAX_RUNS_PER_HOUR = 12;

export interface CronCheck {
  error?: string;
  /** Distinct minutes of the hour on which the search runs. */
  minutes: number[];
}

export function checkCron(expression: string): CronCheck {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) return { error: `expected 5 fields (minute hour day month weekday), got ${parts.length}`, minutes: [] };
  const values: number[][] = [];
  for (let i = 0; i < 5; i++) {
    const field = FIELDS[i];
    const parsed = parseField(parts[i], field.min, field.max);
    if (typeof parsed === 'string') return { error: `${field.name} field "${parts[i]}": ${parsed}`, minutes: [] };
    values.push(parsed);
  }
  const minutes = values[0];
  if (minutes.length > MAX_RUNS_PER_HOUR) {
    return { error: `runs ${minutes.length} times an hour; at most ${MAX_RUNS_PER_HOUR} (every 5 minutes)`, minutes };
  }
  return { minutes };
}

function parseField(text: string, min: number, max: number): number[] | string {
  const out = new Set<number>();
  for (const item of text.split(',')) {
    const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(item);
    if (!match) return `"${item}" is not a number, range, list or step`;
    const step = match[4] === undefined ? 1 : Number(match[4]);
    if (step < 1) return 'a step must be at least 1';
    let from = min;
    let to = max;
    if (match[1] !== '*') {
      from = Number(match[2]);
      to = match[3] === undefined ? (match[4] === undefined ? from : max) : Number(match[3]);
    }
    if (from < min || to > max || from > to) return `${item} is outside ${min}-${max}`;
    for (let v = from; v <= to; v += step) out.add(v);
  }
  return [...out].sort((a, b) => a - b);
}
