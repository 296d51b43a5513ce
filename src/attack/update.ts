/**
 * `npm run attack:update [-- <enterprise-attack.json>] [--attack-version <x.y>] [--out <dir>]`
 *
 * Regenerates lookups/t1505_techniques.csv and lookups/t1505_mitigations.csv
 * (under the repository root, or under --out).
 * Without a bundle it reads the T1505 extracts in ../shared/attack/; with one it
 * reads MITRE's STIX bundle (STIX 2.0 from mitre/cti or 2.1 from attack-stix-data).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { readExtracts } from './from-extracts';
import { parseStixBundle } from './from-stix';
import { AttackInputError } from './json-input';
import { REPO_ROOT } from '../app-identity/identity';
import { DEFAULT_EXTRACTS_DIR, renderLookupFiles } from './lookup-files';
import { AttackLookups } from './model';

const USAGE = 'usage: attack:update [<enterprise-attack.json>] [--attack-version <x.y>] [--out <dir>]';

class UsageError extends Error {}

interface Arguments {
  bundle?: string;
  attackVersion?: string;
  outDir: string;
}

function parseArguments(argv: string[]): Arguments {
  const args: Arguments = { outDir: REPO_ROOT };
  const valueOf = (option: string, value: string | undefined): string => {
    if (!value || value.startsWith('-')) throw new UsageError(`${option} needs a value; ${USAGE}`);
    return value;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--attack-version') {
      args.attackVersion = valueOf(arg, argv[++i]);
    } else if (arg === '--out') {
      args.outDir = resolve(valueOf(arg, argv[++i]));
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option ${arg}; ${USAGE}`);
    } else if (args.bundle) {
      throw new UsageError(`only one STIX bundle can be given (got ${args.bundle} and ${arg})`);
    } else {
      args.bundle = arg;
    }
  }
  return args;
}

function loadLookups(args: Arguments): { lookups: AttackLookups; source: string } {
  if (!args.bundle) return { lookups: readExtracts(DEFAULT_EXTRACTS_DIR), source: DEFAULT_EXTRACTS_DIR };
  const file = resolve(args.bundle);
  const lookups = parseStixBundle(readFileSync(file, 'utf8'), file, { attackVersion: args.attackVersion });
  return { lookups, source: file };
}

function main(): void {
  const args = parseArguments(process.argv.slice(2));
  const { lookups, source } = loadLookups(args);
  for (const [path, content] of renderLookupFiles(lookups)) {
    const target = resolve(args.outDir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  const version = lookups.techniques[0].attack_version;
  console.log(
    `ATT&CK ${version} from ${source}: ${lookups.techniques.length} techniques, ` +
      `${new Set(lookups.mitigations.map((m) => m.mitigation_id)).size} mitigations, ` +
      `${lookups.mitigations.length} (mitigation, technique) pairs`,
  );
}

if (require.main === module) {
  try {
    main();
  } catch (error) {
    const known =
      error instanceof AttackInputError || error instanceof UsageError || (error as NodeJS.ErrnoException).code === 'ENOENT';
    console.error(`attack:update: ${error instanceof Error ? error.message : String(error)}`);
    if (!known) console.error(error);
    process.exit(1);
  }
}
