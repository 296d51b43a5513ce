/**
 * `| tstats [summariesonly=] [allow_old_summaries=] [fillnull_value=] [chunk_size=]
 * <aggregates> [FROM datamodel=<Model>.<Dataset>] [WHERE <search>] [BY <fields> [span=]]`
 * (https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/tstats).
 *
 * Offline, a data model is the chain of constraint searches of its datasets (from
 * src/engine/cim): an event belongs to `Endpoint.Processes` when it passes every
 * constraint, including pipe parts such as `| eval …` and `| mvexpand …`, which are run.
 * Its fields are the CIM fields the event carries (ingest adds them), named
 * `<Dataset>.<field>` (also under the root dataset name and the lineage); `_time`,
 * `index`, `host`, `source`, `sourcetype` stay unprefixed. `where nodename=…` selects a
 * child dataset. All data counts as summarised: `summariesonly` and
 * `allow_old_summaries` change nothing offline. `fillnull_value` fills missing BY fields
 * instead of dropping the rows. Without FROM, tstats reads the indexed fields
 * (index, sourcetype, source, host, _time) of the events. prestats is not supported.
 */
import type { Row } from '../../event';
import { allDatasets, findDataset, findNode, type CimDataset } from '../../cim';
import { parseBool, TokenStream } from '../args';
import { ParseFailure } from '../errors';
import { compileSearch, type RowPredicate } from '../searchMatch';
import { containsSubsearch, parseSearchExpression, walkSearch, type SearchNode } from '../searchExpr';
import { parseAggregates } from '../statsArgs';
import { floorToSpan, parseSpan } from '../time/relative';
import { fieldTexts } from '../value';
import type { Token } from '../lexer';
import { candidateEvents } from '../eventIndex';
import { ownTimeBounds } from './helpers';
import { aggregate, aggregateAll, groupRows } from './stats';
import type { Command, CommandDefinition, CompiledPipeline, ParseContext, RunContext } from './types';

const UNPREFIXED = new Set(['_time', 'index', 'host', 'source', 'sourcetype', 'splunk_server']);
const OPTIONS = ['prestats', 'local', 'append', 'summariesonly', 'allow_old_summaries', 'fillnull_value', 'chunk_size', 'include_reduced_buckets'];

/** Removes `nodename=X` from the top-level conjunction; returns the rest and X. */
function takeNodename(node: SearchNode): { rest: SearchNode; nodename?: string; at?: number } {
  const items = node.kind === 'and' ? node.items : [node];
  let nodename: string | undefined;
  let at: number | undefined;
  const rest = items.filter((n) => {
    if (n.kind === 'compare' && n.field.toLowerCase() === 'nodename' && n.op === '=') {
      nodename = n.value;
      at = n.start;
      return false;
    }
    return true;
  });
  const restNode: SearchNode = rest.length === 0 ? { kind: 'all', start: node.start } : rest.length === 1 ? rest[0] : { kind: 'and', items: rest, start: node.start };
  return { rest: restNode, nodename, at };
}

interface Selection {
  dataset: CimDataset;
  chain: CompiledPipeline[];
  prefixes: string[];
}

function selectionFor(ctx: ParseContext, dataset: CimDataset): Selection {
  const lineageParts = dataset.lineage.split('.');
  const prefixes = [...new Set([lineageParts[0], dataset.name, dataset.lineage])];
  const chain = dataset.constraints.map((c) => ctx.compilePiped(`search ${c}`));
  return { dataset, chain, prefixes };
}

function datasetRows(selection: Selection, run: RunContext): Row[] {
  const key = `tstats:${selection.dataset.path}`;
  let rows = run.cache.get(key);
  if (!rows) {
    let selected: readonly Row[] = run.events;
    for (const step of selection.chain) selected = step.run(selected as Row[], run);
    rows = selected as Row[];
    run.cache.set(key, rows);
  }
  return rows;
}

export const tstatsCommand: CommandDefinition = {
  name: 'tstats',
  parse(ctx): Command {
    const stream = TokenStream.forCommand(ctx.text, ctx.node);
    const opts = stream.options(OPTIONS);
    if (opts.has('prestats') && parseBool(opts.get('prestats')!, stream)) stream.fail('prestats=true is not supported by the offline engine', opts.get('prestats'));
    if (opts.has('append') && parseBool(opts.get('append')!, stream)) stream.fail('append=true is not supported by the offline engine', opts.get('append'));
    for (const o of ['summariesonly', 'allow_old_summaries', 'local', 'include_reduced_buckets']) if (opts.has(o)) parseBool(opts.get(o)!, stream);
    const fillTok = opts.get('fillnull_value');
    const specs = parseAggregates(stream, ctx.text, ctx.evalContext, ['from', 'where', 'by']);
    if (specs.length === 0) stream.fail('expected at least one statistical function, e.g. count');
    for (const s of specs) if (s.expr) stream.fail('tstats does not take eval() inside its functions');

    let dataset: CimDataset | undefined;
    let datasetTok: Token | undefined;
    if (stream.acceptKeyword('from')) {
      const t = stream.peek();
      if (!t || !stream.isOption('datamodel')) stream.fail('expected datamodel=<Model>.<Dataset> after FROM');
      stream.pos += 2;
      datasetTok = stream.field('a data model name');
      dataset = findDataset(datasetTok.value);
      if (!dataset) {
        const models = [...new Set(allDatasets().map((d) => d.model))].join(', ');
        stream.fail(`unknown data model "${datasetTok.value}" (models: ${models})`, datasetTok);
      }
    }
    let where: SearchNode = { kind: 'all', start: stream.offset() };
    if (stream.acceptKeyword('where')) where = parseSearchExpression(stream, (t) => t.kind === 'word' && t.value.toLowerCase() === 'by');
    const by: string[] = [];
    let span: ReturnType<typeof parseSpan>;
    if (stream.acceptKeyword('by')) {
      while (!stream.atEnd()) {
        if (stream.accept('comma')) continue;
        if (stream.isOption('span')) {
          stream.pos += 2;
          const tok = stream.field('a span such as 1h');
          span = parseSpan(tok.value);
          if (!span) stream.fail(`span "${tok.value}" is not a time span such as 1h or 1d`, tok);
          continue;
        }
        by.push(stream.field().value);
      }
      if (by.length === 0) stream.fail('BY needs at least one field');
    }
    stream.expectEnd();
    if (span && !by.includes('_time')) stream.fail('span= needs _time among the BY fields');

    const { rest, nodename, at } = takeNodename(where);
    if (nodename !== undefined) {
      if (!dataset) throw new ParseFailure('tstats: nodename= needs FROM datamodel=…', at ?? ctx.node.start);
      const node = findNode(dataset.model, nodename);
      if (!node) throw new ParseFailure(`tstats: data model ${dataset.model} has no dataset "${nodename}"`, at ?? ctx.node.start);
      dataset = node;
    }
    const selection = dataset ? selectionFor(ctx, dataset) : undefined;

    // Every field the search names must exist in the dataset.
    const needed = new Map<string, string>(); // exposed name → event field
    const need = (name: string, offset: number): void => {
      if (UNPREFIXED.has(name)) {
        needed.set(name, name);
        return;
      }
      if (name === 'earliest' || name === 'latest') return;
      if (!selection) {
        throw new ParseFailure(`tstats without a data model reads only indexed fields (${[...UNPREFIXED].join(', ')}); "${name}" is not one`, offset);
      }
      const prefix = selection.prefixes.find((p) => name.startsWith(`${p}.`));
      if (!prefix) throw new ParseFailure(`tstats: name data-model fields as ${selection.dataset.name}.<field>; "${name}" has no dataset prefix`, offset);
      const field = name.slice(prefix.length + 1);
      if (!selection.dataset.fields.includes(field)) {
        throw new ParseFailure(`tstats: data model ${selection.dataset.path} has no field "${field}"`, offset);
      }
      needed.set(name, field);
    };
    const needFieldsOf = (expr: SearchNode, offset?: number): void =>
      walkSearch(expr, (n) => {
        if (n.kind === 'compare' || n.kind === 'in') need(n.field, offset ?? n.start);
      });
    needFieldsOf(rest);
    for (const f of by) need(f, ctx.node.start);
    for (const s of specs) if (s.field !== undefined) need(s.field, s.start);
    const own = ownTimeBounds(rest, ctx, () => 'tstats');
    const staticPredicate: RowPredicate | undefined = containsSubsearch(rest) ? undefined : compileSearch(rest, { now: ctx.now, zone: ctx.zone });
    const fill = fillTok?.value;
    const zone = ctx.zone;
    const subsearchAt = ctx.node.argsStart;
    return {
      name: 'tstats',
      generating: true,
      expressions: { searches: [{ node: where, base: true, own }] },
      run(_input: Row[], run: RunContext): Row[] {
        let predicate = staticPredicate;
        if (!predicate) {
          // Subsearch results name fields too: they must be dataset fields as well.
          predicate = compileSearch(rest, {
            now: run.now,
            zone,
            resolveSubsearch: (sub) => {
              const expr = run.subsearchExpression(sub.pipeline);
              needFieldsOf(expr, sub.start ?? subsearchAt);
              return expr;
            },
          });
        }
        const neededEntries = [...needed.entries()];
        const lo = own.earliest ?? run.earliest;
        const hi = own.latest ?? run.latest;
        const all: readonly Row[] = selection ? datasetRows(selection, run) : run.events;
        const source = candidateEvents(all, rest, lo, hi);
        const rows: Row[] = [];
        for (const e of source) {
          const t = typeof e._time === 'number' ? e._time : Number(e._time);
          const row: Row = { _time: t };
          for (const [exposed, field] of neededEntries) {
            const v = e[field];
            if (v !== undefined && fieldTexts(v).length) row[exposed] = v;
          }
          if (!predicate(row)) continue;
          if (span) row._time = floorToSpan(t, span, zone);
          rows.push(row);
        }
        return groupRows(by.length === 0 ? [aggregateAll(rows, specs)] : aggregate(rows, specs, by, fill), specs, by);
      },
    };
  },
};
