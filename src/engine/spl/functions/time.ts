/**
 * Date and time functions (https://help.splunk.com/splunk-enterprise/spl-search-reference/9.2/evaluation-functions/date-and-time-functions):
 * now() (the search's fixed "now"), time() (also the fixed now, for determinism),
 * strftime, strptime, relative_time. The time zone is the search's (UTC by default).
 */
import { strftime } from '../time/strftime';
import { strptime } from '../time/strptime';
import { resolveTimeModifier } from '../time/relative';
import { TimeError } from '../time/zone';
import { toNumber, toText } from '../value';
import { eager, EvalRuntimeError, type FunctionSpec } from './types';

export const timeFunctions: Record<string, FunctionSpec> = {
  now: eager(0, 0, (_v, ctx) => ctx.now),
  time: eager(0, 0, (_v, ctx) => ctx.now),
  strftime: eager(2, 2, ([t, f], ctx) => {
    const time = toNumber(t);
    const format = toText(f);
    if (time === null || format === null) return null;
    return strftime(time, format, ctx.zone);
  }),
  strptime: eager(2, 2, ([s, f], ctx) => {
    const text = toText(s);
    const format = toText(f);
    if (text === null || format === null) return null;
    return strptime(text, format, ctx.zone);
  }),
  relative_time: eager(2, 2, ([t, m], ctx) => {
    const time = toNumber(t);
    const modifier = toText(m);
    if (time === null || modifier === null) return null;
    try {
      return resolveTimeModifier(modifier, time, ctx.zone);
    } catch (e) {
      if (e instanceof TimeError) throw new EvalRuntimeError(`relative_time(): ${e.message}`);
      throw e;
    }
  }),
};
