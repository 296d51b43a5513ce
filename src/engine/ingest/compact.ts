/**
 * Compact storage for events. An event built by adding fields one by one ends up as a
 * V8 dictionary-mode object (about 70 bytes per field); rebuilding it through an object
 * literal of the same keys gives a fast-mode object with in-object fields that shares
 * its hidden class with every event of the same shape (8 bytes per field). Field values
 * are interned per input file, so the many repeated values (`4`, `-`, channel and
 * provider names, paths, user agents, command lines) are stored once; the table is
 * dropped when the file is done (`endInterning`), so it never outlives the file's events.
 */
import type { FieldValue, SplunkEvent } from '../event';

const MAX_SHAPES = 4096;
const MAX_INTERNED = 200_000;
const MAX_INTERN_LENGTH = 256;
/** Object literals with more properties than this are not fast-mode in V8 anyway. */
const MAX_LITERAL_FIELDS = 120;

type Factory = (values: unknown[]) => SplunkEvent;

interface Shape {
  keys: string[];
  factory: Factory;
}

/** Shapes by number of keys; each bucket is most-recently-used first. */
const shapes = new Map<number, Shape[]>();
let shapeCount = 0;
const interned = new Map<string, string>();

function sameKeys(a: string[], b: string[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function factoryFor(keys: string[]): Factory | undefined {
  let bucket = shapes.get(keys.length);
  if (bucket === undefined) {
    bucket = [];
    shapes.set(keys.length, bucket);
  }
  for (let i = 0; i < bucket.length; i++) {
    const shape = bucket[i];
    if (sameKeys(shape.keys, keys)) {
      if (i > 0) {
        bucket.splice(i, 1);
        bucket.unshift(shape);
      }
      return shape.factory;
    }
  }
  if (shapeCount >= MAX_SHAPES) return undefined;
  const body = keys.map((k, i) => `${JSON.stringify(k)}: v[${i}]`).join(', ');
  const factory = new Function('v', `return { ${body} };`) as Factory;
  bucket.unshift({ keys, factory });
  shapeCount++;
  return factory;
}

/** Values with a run of 4 digits (ids, counters, times, GUIDs, hashes) are likely unique per event: not worth a table entry. */
function likelyUnique(value: string): boolean {
  let run = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (++run === 4) return true;
    } else run = 0;
  }
  return false;
}

export function intern(value: string): string {
  if (value.length > MAX_INTERN_LENGTH || likelyUnique(value)) return value;
  const known = interned.get(value);
  if (known !== undefined) return known;
  if (interned.size < MAX_INTERNED) {
    interned.set(value, value);
    return value;
  }
  return value;
}

/** Drops the intern table (call when an input file is done). */
export function endInterning(): void {
  interned.clear();
}

function compactValue(value: FieldValue | undefined): FieldValue | undefined {
  if (typeof value === 'string') return intern(value);
  if (Array.isArray(value)) return value.map(intern);
  return value;
}

export function compactEvent(event: SplunkEvent): SplunkEvent {
  const keys = Object.keys(event);
  if (keys.length > MAX_LITERAL_FIELDS || keys.includes('__proto__')) return event;
  const factory = factoryFor(keys);
  if (factory === undefined) return event;
  const values = new Array<unknown>(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    values[i] = k === '_raw' ? event._raw : compactValue(event[k]);
  }
  return factory(values);
}
