/** Dispatches `t1505 <command>`. */
import type { EnginePort } from './engine-port';
import { runHunt, type CliIo } from './hunt';
import { runLint } from './lint';
import { MAIN_USAGE } from './usage';

export function runCli(argv: string[], engine: () => EnginePort, io: CliIo, defaultAppDir: string): number {
  const [command, ...rest] = argv;
  switch (command) {
    case 'hunt':
      return runHunt(rest, engine(), io, defaultAppDir);
    case 'lint':
      return runLint(rest, engine(), io, defaultAppDir);
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      io.stdout(MAIN_USAGE + '\n');
      return command === undefined ? 2 : 0;
    default:
      io.stderr(`t1505: unknown command "${command}"\n\n${MAIN_USAGE}\n`);
      return 2;
  }
}
