/**
 * Dispatch window of scheduled searches. A saved search needs a bounded window:
 * `dispatch.earliest_time` present, not empty, not `0` (all time), not real-time
 * ("Narrow the time window", Quick tips for optimization,
 * https://help.splunk.com/splunk-enterprise/search/search-manual/9.0/optimizing-searches/quick-tips-for-optimization;
 * AppInspect requires dispatch.earliest_time on scheduled searches in Splunk Cloud).
 * Our own limits (this project's detection format): a window wider than
 * MAX_WINDOW_DAYS is a warning (baselines longer than 90 days belong in a lookup), and
 * a window shorter than the longest gap between two scheduled runs is a warning
 * (events between the runs would never be searched).
 */
import { resolveTimeModifier } from '../../spl/time/relative';
import { resolveZone } from '../../spl/time/zone';

export const MAX_WINDOW_DAYS = 90;

export interface WindowIssue {
  severity: 'error' | 'warning';
  message: string;
}

/** Values of one cron field (minutes 0-59 or hours 0-23); undefined when it cannot be read. */
function cronField(spec: string, max: number): number[] | undefined {
  const out = new Set<number>();
  for (const part of spec.split(',')) {
    const m = /^(\*|\d+(?:-\d+)?)(?:\/(\d+))?$/.exec(part.trim());
    if (!m) return undefined;
    let lo = 0;
    let hi = max;
    if (m[1] !== '*') {
      const [a, b] = m[1].split('-').map(Number);
      lo = a;
      hi = b ?? (m[2] ? max : a);
    }
    const step = m[2] ? Number(m[2]) : 1;
    if (lo > hi || hi > max || step < 1) return undefined;
    for (let v = lo; v <= hi; v += step) out.add(v);
  }
  return [...out].sort((a, b) => a - b);
}

/** Longest time between two runs of a daily-repeating cron schedule, in seconds. */
export function longestCronGap(cron: string): number | undefined {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5) return undefined;
  const [min, hour, dom, month, dow] = fields;
  if (dom !== '*' || month !== '*' || dow !== '*') return undefined;
  const minutes = cronField(min, 59);
  const hours = cronField(hour, 23);
  if (!minutes || !hours || !minutes.length || !hours.length) return undefined;
  const runs = hours.flatMap((h) => minutes.map((m) => h * 60 + m));
  let gap = runs[0] + 1440 - runs[runs.length - 1];
  for (let i = 1; i < runs.length; i++) gap = Math.max(gap, runs[i] - runs[i - 1]);
  return gap * 60;
}

export function checkDispatchWindow(settings: ReadonlyMap<string, string>): WindowIssue[] {
  const earliest = settings.get('dispatch.earliest_time')?.trim();
  const latest = settings.get('dispatch.latest_time')?.trim() || 'now';
  if (earliest === undefined || earliest === '') return [{ severity: 'error', message: 'no dispatch.earliest_time: the search would run over all time' }];
  if (earliest === '0') return [{ severity: 'error', message: 'dispatch.earliest_time = 0 searches all time' }];
  if (/^rt/i.test(earliest) || /^rt/i.test(latest)) return [{ severity: 'error', message: 'real-time dispatch windows are not allowed for scheduled searches' }];
  const zone = resolveZone(undefined);
  // The shortest window over a week of run times (snapping makes it vary).
  let shortest = Infinity;
  const base = Date.UTC(2026, 0, 5) / 1000; // a Monday
  try {
    for (let t = base; t < base + 7 * 86400; t += 7 * 60 + 13) {
      const lo = resolveTimeModifier(earliest, t, zone);
      const hi = resolveTimeModifier(latest, t, zone);
      shortest = Math.min(shortest, hi - lo);
    }
  } catch (e) {
    return [{ severity: 'error', message: `dispatch window "${earliest}" to "${latest}" is not valid: ${(e as Error).message}` }];
  }
  const issues: WindowIssue[] = [];
  if (shortest <= 0) issues.push({ severity: 'error', message: `dispatch window "${earliest}" to "${latest}" is empty` });
  // The offsets alone (snaps removed) say how far back the window reaches.
  const reach = base - resolveTimeModifier(earliest.replace(/@[a-z]+\d?/gi, '') || 'now', base, zone);
  if (reach > MAX_WINDOW_DAYS * 86400) issues.push({ severity: 'warning', message: `dispatch window "${earliest}" reaches back more than ${MAX_WINDOW_DAYS} days` });
  const cron = settings.get('cron_schedule');
  const scheduled = /^(1|true)$/i.test(settings.get('enableSched') ?? '0');
  const gap = cron && scheduled ? longestCronGap(cron) : undefined;
  if (gap !== undefined && shortest < gap) {
    issues.push({
      severity: 'warning',
      message: `dispatch window "${earliest}" to "${latest}" can be ${Math.round(shortest / 60)} minutes long, shorter than the ${Math.round(gap / 60)} minutes between runs of "${cron}": events in between are never searched`,
    });
  }
  return issues;
}
