/**
 * CSV lookup tables with the field matching rules of transforms.conf
 * ("Add field matching rules to your lookup configuration",
 * https://help.splunk.com/splunk-enterprise/manage-knowledge-objects/knowledge-management-manual/9.4/use-the-configuration-files-to-configure-lookups/add-field-matching-rules-to-your-lookup-configuration):
 * exact matching (case-sensitive unless `case_sensitive_match = false`),
 * `match_type = WILDCARD(f)` (`*` in the table cell) and `CIDR(f)`, `max_matches`
 * (default 100, the first entries in file order), `min_matches` with `default_match`.
 */
import { cidrOrAddressTest, type CidrTest } from '../cidr';
import { wildcardRegex } from '../wildcard';

export interface LookupDefinition {
  /** Stanza name in transforms.conf, or the CSV file name. */
  name: string;
  filename: string;
  wildcardFields: Set<string>;
  cidrFields: Set<string>;
  caseSensitive: boolean;
  maxMatches: number;
  minMatches: number;
  defaultMatch?: string;
}

export interface LookupData {
  columns: string[];
  rows: Array<Record<string, string>>;
}

export interface LookupResolver {
  /** Returns the table for a transforms.conf stanza or a CSV file name; throws when unknown. */
  resolve(name: string): LookupTable;
  /** True when the name resolves (for lint). */
  has(name: string): boolean;
}

type CellTest = (value: string) => boolean;

export class LookupTable {
  private compiled = new Map<string, CellTest[]>();

  constructor(
    readonly definition: LookupDefinition,
    readonly data: LookupData,
  ) {}

  get columns(): string[] {
    return this.data.columns;
  }

  /** One test per row for a lookup field. */
  private testsFor(field: string): CellTest[] {
    let tests = this.compiled.get(field);
    if (tests) return tests;
    const def = this.definition;
    tests = this.data.rows.map((row) => cellTest(row[field] ?? '', def.wildcardFields.has(field), def.cidrFields.has(field), def.caseSensitive));
    this.compiled.set(field, tests);
    return tests;
  }

  /**
   * Rows matching every (lookup field → event values) pair: an event value list
   * matches a row when any value matches.
   */
  match(inputs: Array<{ field: string; values: string[] }>): Array<Record<string, string>> {
    const out: Array<Record<string, string>> = [];
    const testLists = inputs.map((i) => this.testsFor(i.field));
    const rows = this.data.rows;
    for (let r = 0; r < rows.length && out.length < this.definition.maxMatches; r++) {
      let ok = true;
      for (let k = 0; k < inputs.length && ok; k++) {
        const test = testLists[k][r];
        ok = inputs[k].values.some(test);
      }
      if (ok) out.push(rows[r]);
    }
    return out;
  }
}

function cellTest(cell: string, wildcard: boolean, cidr: boolean, caseSensitive: boolean): CellTest {
  if (cidr) {
    const test: CidrTest | undefined = cidrOrAddressTest(cell);
    if (test) return test;
  }
  if (wildcard && cell.includes('*')) {
    const re = wildcardRegex(cell, caseSensitive ? '' : 'i');
    return (v) => re.test(v);
  }
  if (caseSensitive) return (v) => v === cell;
  const lower = cell.toLowerCase();
  return (v) => v.toLowerCase() === lower;
}

/** Parses `WILDCARD(a), CIDR(b)` into the sets of fields. */
export function parseMatchType(spec: string | undefined): { wildcard: Set<string>; cidr: Set<string>; errors: string[] } {
  const wildcard = new Set<string>();
  const cidr = new Set<string>();
  const errors: string[] = [];
  for (const part of (spec ?? '').split(/,(?![^()]*\))/)) {
    const p = part.trim();
    if (p === '') continue;
    const m = /^(WILDCARD|CIDR|EXACT)\s*\(([^)]*)\)$/i.exec(p);
    if (!m) {
      errors.push(`match_type "${p}" is not WILDCARD(field), CIDR(field) or EXACT(field)`);
      continue;
    }
    for (const f of m[2].split(',').map((s) => s.trim()).filter(Boolean)) {
      if (m[1].toUpperCase() === 'WILDCARD') wildcard.add(f);
      else if (m[1].toUpperCase() === 'CIDR') cidr.add(f);
    }
  }
  return { wildcard, cidr, errors };
}
