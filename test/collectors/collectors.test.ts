import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { parseConf } from '../../src/conf/conf';
import { ingestFile } from '../../src/engine/ingest';

// Each collector emits JSON lines with one sourcetype; the detections read them through
// `t1505_inventory(<kind>)`, and default/props.conf must parse them (KV_MODE = json, and
// line breaking / timestamp settings for the indexers):
// https://help.splunk.com/en/data-management/splunk-enterprise-admin-manual/10.0/10.0.0-configuration-file-reference/props.conf
const root = join(__dirname, '..', '..');
const props = parseConf(readFileSync(join(root, 'default', 'props.conf'), 'utf8'), 'props.conf');

function collectorSourcetypes(): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of readdirSync(join(root, 'collectors'))) {
    const text = readFileSync(join(root, 'collectors', file), 'utf8');
    const match = /sourcetype\s*=\s*(t1505:inventory:[a-z_]+)/.exec(text);
    if (match) out.set(file, match[1]);
  }
  return out;
}

/** Every file below `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

const detectionFiles = filesUnder(join(root, 'detections'));

function inventoryKindsUsedByDetections(): Set<string> {
  const kinds = new Set<string>();
  for (const path of detectionFiles.filter((f) => f.endsWith('detection.yml'))) {
    for (const m of readFileSync(path, 'utf8').matchAll(/t1505_inventory\(([^)]*)\)/g)) kinds.add(m[1]);
  }
  return kinds;
}

describe('inventory collectors', () => {
  const sourcetypes = collectorSourcetypes();

  it('every collector declares a t1505:inventory sourcetype', () => {
    expect(sourcetypes.size).toBeGreaterThanOrEqual(4);
  });

  it('every inventory kind a detection reads is emitted by a collector and parsed by props.conf', () => {
    const kinds = inventoryKindsUsedByDetections();
    expect(kinds.size).toBeGreaterThanOrEqual(4);
    const emitted = new Set(sourcetypes.values());
    for (const kind of kinds) {
      expect(kind).toMatch(/^[a-z_]+$/); // a quoted argument would keep its quotes in Splunk
      expect(emitted).toContain(`t1505:inventory:${kind}`);
      const stanza = props.get(`t1505:inventory:${kind}`);
      expect(stanza?.settings.get('KV_MODE')).toBe('json');
      expect(stanza?.settings.get('SHOULD_LINEMERGE')).toBe('false');
    }
  });

  it.each([...collectorSourcetypes()])('the example line of %s starts with the timestamp props.conf reads', (file, sourcetype) => {
    const text = readFileSync(join(root, 'collectors', file), 'utf8');
    const example = text.split('\n').map((l) => l.trim()).find((l) => l.startsWith('{"'));
    expect(example).toBeDefined();
    const prefix = new RegExp(props.get(sourcetype)!.settings.get('TIME_PREFIX')!);
    const match = prefix.exec(example!);
    expect(match).not.toBeNull();
    expect(example!.slice(match!.index + match![0].length)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"/);
  });

  it('the recorded inventory fixtures carry the timestamp the collectors write', () => {
    const fixtures = detectionFiles.filter(
      (f) => /\.jsonl?$/.test(f) && readFileSync(f, 'utf8').includes('"collector"'),
    );
    expect(fixtures.length).toBeGreaterThanOrEqual(6);
    for (const file of fixtures) {
      const { events, rejected } = ingestFile(file, { sourcetype: '_json' });
      expect(rejected).toEqual([]);
      for (const line of readFileSync(file, 'utf8').split('\n').filter((l) => l.trim())) {
        expect(line.startsWith('{"timestamp":"')).toBe(true);
      }
      expect(events.length).toBeGreaterThan(0);
    }
  });
});
