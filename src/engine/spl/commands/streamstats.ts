/**
 * `streamstats [current=] [window=] [time_window=] [global=] [reset_on_change=]
 * <aggregates> [BY fields]`: running statistics in result order; `current=false` leaves
 * the row itself out; `window=N` keeps the last N rows (per BY group unless
 * global=false… see page); `time_window=<span>` keeps rows within the span of the current
 * row's _time (results must be in time order)
 * (https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/streamstats).
 */
import type { Row } from '../../event';
import { createAggregator } from '../aggregate';
import { parseBool, parseInteger, TokenStream } from '../args';
import { parseSpan, spanSeconds } from '../time/relative';
import { parseAggregates, parseBy } from '../statsArgs';
import { groupCombos, keyOf } from './helpers';
import { putAggregates } from './stats';
import type { Command, CommandDefinition } from './types';

const MAX_STREAM_WINDOW = 10000;

export const streamstatsCommand: CommandDefinition = {
  name: 'streamstats',
  generating: false,
  parse(ctx): Command {
    const stream = TokenStream.forCommand(ctx.text, ctx.node);
    const opts = stream.options(['current', 'window', 'time_window', 'global', 'reset_on_change', 'allnum', 'reset_before', 'reset_after']);
    for (const unsupportedOpt of ['reset_before', 'reset_after']) {
      if (opts.has(unsupportedOpt)) stream.fail(`option ${unsupportedOpt} is not supported by the offline engine`, opts.get(unsupportedOpt));
    }
    const current = opts.has('current') ? parseBool(opts.get('current')!, stream) : true;
    let window = opts.has('window') ? parseInteger(opts.get('window')!, stream) : 0;
    if (window === 0 || window > MAX_STREAM_WINDOW) window = window === 0 ? 0 : MAX_STREAM_WINDOW;
    const global = opts.has('global') ? parseBool(opts.get('global')!, stream) : true;
    const resetOnChange = opts.has('reset_on_change') ? parseBool(opts.get('reset_on_change')!, stream) : false;
    let timeWindow: number | undefined;
    if (opts.has('time_window')) {
      const tok = opts.get('time_window')!;
      const span = parseSpan(tok.value);
      const secs = span && spanSeconds(span);
      if (!secs) stream.fail(`time_window needs a span such as 5m or 1h, found "${tok.value}"`, tok);
      timeWindow = secs;
    }
    const specs = parseAggregates(stream, ctx.text, ctx.evalContext, ['by']);
    if (specs.length === 0) stream.fail('expected at least one statistical function, e.g. count');
    const by = parseBy(stream).map((t) => t.value);
    stream.expectEnd();
    const addResults = (row: Row, aggs: ReturnType<typeof createAggregator>[]): Row => putAggregates({ ...row }, specs, aggs.map((a) => a.result()));
    const timeOf = (row: Row) => (typeof row._time === 'number' ? row._time : Number(row._time));
    return {
      name: 'streamstats',
      run(input: Row[]): Row[] {
        const out: Row[] = [];
        let lastKey: string | undefined;
        const allKey = '\u0001all';
        const keyFor = (row: Row): string | undefined => {
          if (!by.length) return allKey;
          const combos = groupCombos(row, by);
          return combos ? keyOf(combos[0]) : undefined;
        };
        if (window === 0 && timeWindow === undefined) {
          // Unbounded window: one running aggregator set per group.
          const running = new Map<string, ReturnType<typeof createAggregator>[]>();
          for (const row of input) {
            const key = keyFor(row);
            if (key === undefined) {
              out.push(row);
              continue;
            }
            if (resetOnChange && lastKey !== undefined && key !== lastKey) running.clear();
            lastKey = key;
            let aggs = running.get(key);
            if (!aggs) {
              aggs = specs.map(createAggregator);
              running.set(key, aggs);
            }
            if (current) for (const a of aggs) a.add(row);
            out.push(addResults(row, aggs));
            if (!current) for (const a of aggs) a.add(row);
          }
          return out;
        }
        // Bounded window: recompute over the rows in the window.
        const histories = new Map<string, Array<{ row: Row; key: string }>>();
        for (const row of input) {
          const key = keyFor(row);
          if (key === undefined) {
            out.push(row);
            continue;
          }
          if (resetOnChange && lastKey !== undefined && key !== lastKey) histories.clear();
          lastKey = key;
          const historyKey = global && window > 0 ? allKey : key;
          let history = histories.get(historyKey);
          if (!history) {
            history = [];
            histories.set(historyKey, history);
          }
          const t = timeOf(row);
          if (timeWindow !== undefined) {
            while (history.length && Math.abs(t - timeOf(history[0].row)) >= timeWindow) history.shift();
          }
          const members = current ? [...history, { row, key }] : history;
          const windowed = window > 0 ? members.slice(-window) : members;
          const aggs = specs.map(createAggregator);
          for (const m of windowed) if (m.key === key) for (const a of aggs) a.add(m.row);
          out.push(addResults(row, aggs));
          history.push({ row, key });
          if (window > 0 && history.length > window) history.shift();
        }
        return out;
      },
    };
  },
};
