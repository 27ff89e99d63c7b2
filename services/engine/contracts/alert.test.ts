import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateEvents } from '../../../bench/generate.js';
import { runFeed, type Wire } from '../../../tests/harness/rule-under-test.js';
import { loadRulesFromDisk } from '../../shared/rules-fs.js';
import { AlertEnvelopeSchema, isAlertEnvelope } from './alert.js';

/** The engine's own alerts and repeats over a slice of the bench stream, as the gateway reads them (JSON). */
function engineAlerts(): unknown[] {
  const loaded = loadRulesFromDisk();
  if (!loaded.ok) throw new Error('rules did not load');
  const feed = generateEvents(30_000, 20261126).map((line) => JSON.parse(line) as Wire);
  return runFeed(loaded.ruleset, feed).flatMap(({ alerts, updates }) =>
    [...alerts, ...updates].map((a) => JSON.parse(JSON.stringify({ ...a, data: { ...a.data, detectedAt: '2026-11-26T12:00:00.000Z' } })) as unknown),
  );
}

type Path = Array<string | number>;
const get = (v: unknown, path: Path): unknown => path.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], v);
/** A deep copy of `v` with the value at `path` replaced (`undefined`: the key removed). */
function withAt(v: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(v) as Record<string | number, unknown>;
  const parent = get(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  const key = path[path.length - 1]!;
  if (value === undefined && !Array.isArray(parent)) delete parent[key];
  else parent[key] = value;
  return copy;
}
/** Every path into `v` (object keys and array indexes), parents before children. */
function pathsOf(v: unknown, at: Path = []): Path[] {
  if (typeof v !== 'object' || v === null) return [];
  const keys: Array<string | number> = Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v);
  return keys.flatMap((k) => [[...at, k], ...pathsOf((v as Record<string | number, unknown>)[k], [...at, k])]);
}

const ZOO: unknown[] = [
  undefined,
  null,
  true,
  0,
  -0,
  1,
  -1,
  0.5,
  2 ** 53 - 1,
  2 ** 53,
  1e300,
  '',
  'x',
  '1.0',
  'supervisor.alert.v1',
  'application/json',
  'text/plain',
  'price-fraud',
  'violation',
  'critical',
  'low',
  'urgent',
  [],
  [1],
  [null],
  [{}],
  [{ law: '广告法', article: '第九条' }],
  [{ law: '广告法', article: '第九条', note: 'x' }],
  {},
  { topic: 't', partition: 0, offset: 1 },
  { topic: 't', partition: 0, offset: 1, extra: true },
  { constructor: 'x' },
];

/** The schema's verdict, and whether its output is the input unchanged (nothing stripped or coerced). */
function schemaOf(v: unknown): { valid: boolean; unchanged: boolean } {
  const r = AlertEnvelopeSchema.safeParse(v);
  if (!r.success) return { valid: false, unchanged: false };
  let unchanged = true;
  try {
    expect(r.data).toEqual(v);
  } catch {
    unchanged = false;
  }
  return { valid: true, unchanged };
}

describe('the alert envelope guard agrees with the zod schema', () => {
  let alerts: unknown[] = [];
  let valid: Record<string, unknown>;
  beforeAll(() => {
    alerts = engineAlerts();
    // The richest one: most evidence, an sku, earlier events.
    valid = alerts.reduce<Record<string, unknown>>((a, b) => (JSON.stringify(b).length > JSON.stringify(a).length ? (b as Record<string, unknown>) : a), {});
  });

  it('passes every alert the engine raises, each of which the schema passes unchanged', () => {
    expect(alerts.length).toBeGreaterThan(500);
    const turnedDown = alerts.filter((a) => !isAlertEnvelope(a));
    expect(turnedDown).toEqual([]);
    for (const a of alerts.slice(0, 300)) expect(schemaOf(a)).toEqual({ valid: true, unchanged: true });
  });

  it('one value at a time at every path, and an extra key on every object: a yes is the schema’s yes, unchanged', () => {
    const paths = pathsOf(valid);
    expect(paths.length).toBeGreaterThan(40);
    let yes = 0;
    let checked = 0;
    const check = (candidate: unknown, where: string) => {
      checked++;
      if (!isAlertEnvelope(candidate)) return;
      yes++;
      expect({ where, ...schemaOf(candidate) }).toEqual({ where, valid: true, unchanged: true });
    };
    for (const path of paths) {
      for (const value of ZOO) check(withAt(valid, path, value), `${path.join('.')} = ${JSON.stringify(value)}`);
      const here = get(valid, path);
      if (typeof here === 'object' && here !== null && !Array.isArray(here)) check(withAt(valid, [...path, 'extraKey'], 'x'), `${path.join('.')}.extraKey`);
    }
    // The sweep reaches both sides: valid replacements (optional keys removed, other strings,
    // anything inside the evidence's open objects) and invalid ones.
    expect(checked).toBeGreaterThan(paths.length * ZOO.length);
    expect(yes).toBeGreaterThan(100);
    expect(checked - yes).toBeGreaterThan(500);
  });

  it('random changes at several paths at once: the guard accepts nothing the schema rejects or would change', () => {
    const paths = pathsOf(valid);
    const anyValue = fc.oneof(fc.constantFrom(...ZOO), fc.string({ maxLength: 4 }), fc.integer(), fc.double(), fc.jsonValue({ maxDepth: 2 }));
    let schemaValid = 0;
    let guardYes = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...paths), anyValue), { minLength: 1, maxLength: 3 }), (changes) => {
        let candidate: unknown = valid;
        for (const [path, value] of changes) {
          try {
            candidate = withAt(candidate, path, value);
          } catch {
            return; // an earlier change removed this path's parent
          }
        }
        const schema = schemaOf(candidate);
        if (schema.valid) schemaValid++;
        if (isAlertEnvelope(candidate)) {
          guardYes++;
          expect(schema).toEqual({ valid: true, unchanged: true });
        }
      }),
      { numRuns: 5_000 },
    );
    expect(schemaValid).toBeGreaterThan(200);
    expect(guardYes).toBeGreaterThan(100);
  });
});
