/**
 * Compiles a parsed pipeline into commands and runs them. Parse-time problems
 * (unknown or unsupported commands, bad arguments) and run-time ones (eval type errors,
 * bad regexes) become SplErrors positioned in the expanded search.
 */
import type { Row } from '../event';
import { COMMANDS, KNOWN_UNSUPPORTED_COMMANDS } from './commands/index';
import type { Command, CompiledPipeline, ParseContext, RunContext } from './commands/types';
import { ParseFailure, SplError, unsupported } from './errors';
import { EvalRuntimeError } from './functions/types';
import type { PipelineNode } from './pipeline';
import { parsePipeline } from './pipeline';
import { RegexError } from './regex';
import { ExpandedSearch } from './source';
import { TimeError } from './time/zone';

export type CompileEnv = Omit<ParseContext, 'text' | 'node' | 'first' | 'compilePiped'>;

export interface CompiledCommand {
  command: Command;
  name: string;
  start: number;
}

export interface Program extends CompiledPipeline {
  commands: CompiledCommand[];
  source: ExpandedSearch;
}

/**
 * Compiles every command of a pipeline. `piped`: the first command filters given rows
 * (data-model constraints) instead of reading events.
 */
export function compilePipeline(source: ExpandedSearch, pipeline: PipelineNode, env: CompileEnv, piped = false): Program {
  const text = source.text;
  const compilePiped = (spl: string): CompiledPipeline => {
    const sub = ExpandedSearch.plain(spl);
    return compilePipeline(sub, sub.wrap(() => parsePipeline(spl)), env, true);
  };
  const commands: CompiledCommand[] = source.wrap(() =>
    pipeline.commands.map((node, index) => {
      const first = index === 0 && !piped;
      const def = COMMANDS.get(node.name);
      if (!def) {
        if (KNOWN_UNSUPPORTED_COMMANDS.has(node.name)) throw new ParseFailure(unsupported('command', node.name), node.start);
        throw new ParseFailure(`unknown command "${node.name}"`, node.start);
      }
      if (index === 0 && pipeline.leadingPipe && def.generating === false && !piped) {
        throw new ParseFailure(`"${node.name}" cannot start a search; a search that starts with "|" needs a generating command such as tstats, inputlookup or makeresults`, node.start);
      }
      const command = def.parse({ ...env, text, node, first, compilePiped });
      if (index > 0 && command.generating && node.name !== 'search') {
        throw new ParseFailure(`"${node.name}" is a generating command and must be the first command ("| ${node.name} …")`, node.start);
      }
      return { command, name: node.name, start: node.start };
    }),
  );
  return {
    commands,
    source,
    run(input: Row[], ctx: RunContext): Row[] {
      let rows = input;
      for (const c of commands) {
        try {
          rows = c.command.run(rows, ctx);
        } catch (e) {
          if (e instanceof SplError) throw e;
          if (e instanceof ParseFailure) throw source.error(e.message, e.offset);
          if (e instanceof EvalRuntimeError || e instanceof RegexError || e instanceof TimeError) throw source.error(`${c.name}: ${e.message}`, c.start);
          throw e;
        }
      }
      return rows;
    },
  };
}
