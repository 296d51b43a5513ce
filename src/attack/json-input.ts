/**
 * Reading untrusted JSON with errors that name the file and the JSON path of
 * the problem (e.g. `t1505_techniques.json: techniques[3].platforms: expected
 * an array of strings`).
 */
import { ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';

export class AttackInputError extends Error {
  constructor(
    readonly file: string,
    readonly where: string,
    problem: string,
  ) {
    super(`${file}: ${where}: ${problem}`);
    this.name = 'AttackInputError';
  }
}

export type JsonRecord = Record<string, unknown>;

/** Parses JSON text; a syntax error names the file, line and column. */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    // JSON.parse does not say where (Node 20); jsonc-parser, in strict mode, does.
    const errors: ParseError[] = [];
    parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    const where = first ? lineAndColumn(text, first.offset) : 'JSON';
    const problem = first ? printParseErrorCode(first.error) : (error as Error).message;
    throw new AttackInputError(file, where, `invalid JSON (${problem})`);
  }
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/** Typed accessors over one JSON file; every failure names the file and path. */
export class JsonReader {
  constructor(readonly file: string) {}

  fail(where: string, problem: string): never {
    throw new AttackInputError(this.file, where, problem);
  }

  record(value: unknown, where: string): JsonRecord {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(where, 'expected an object');
    return value as JsonRecord;
  }

  array(value: unknown, where: string): unknown[] {
    if (!Array.isArray(value)) this.fail(where, 'expected an array');
    return value;
  }

  records(value: unknown, where: string): JsonRecord[] {
    return this.array(value, where).map((item, i) => this.record(item, `${where}[${i}]`));
  }

  string(record: JsonRecord, key: string, where: string): string {
    const value = record[key];
    if (typeof value !== 'string' || value === '') this.fail(`${where}.${key}`, 'expected a non-empty string');
    return value;
  }

  optionalString(record: JsonRecord, key: string, where: string): string | undefined {
    const value = record[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') this.fail(`${where}.${key}`, 'expected a string');
    return value;
  }

  strings(record: JsonRecord, key: string, where: string): string[] {
    const value = record[key];
    if (value === undefined) return [];
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
      this.fail(`${where}.${key}`, 'expected an array of strings');
    }
    return value as string[];
  }

  boolean(record: JsonRecord, key: string): boolean {
    return record[key] === true;
  }
}
