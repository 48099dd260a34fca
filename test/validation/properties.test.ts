import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ISSUE_CODES, PasserelleInputError, parseCandidate, parseTrainingSession, parseVacancy, validateBatch,
  type BatchResult, type RecordKind,
} from '../../src/validate/index.js';
import { freeText, validCandidate, validTrainingSession, validVacancy } from '../arbitraries.js';

const RUNS = { numRuns: 200 };
const KINDS: RecordKind[] = ['candidate', 'vacancy', 'trainingSession'];
const valid: Record<RecordKind, fc.Arbitrary<{ id: string }>> = {
  candidate: validCandidate(),
  vacancy: validVacancy(),
  trainingSession: validTrainingSession(),
};
const parsers = { candidate: parseCandidate, vacancy: parseVacancy, trainingSession: parseTrainingSession };

/** Every input index in exactly one of validIndexes / rejected; every rejection well formed. */
function assertAccounted(r: BatchResult<unknown>, length: number): void {
  expect(r.valid.length).toBe(r.validIndexes.length);
  const seen = [...r.validIndexes, ...r.rejected.map((x) => x.index)].sort((a, b) => a - b);
  expect(seen).toEqual(Array.from({ length }, (_, i) => i));
  for (const rejection of r.rejected) {
    expect(rejection.issues.length).toBeGreaterThan(0);
    if (rejection.id !== undefined) expect(typeof rejection.id).toBe('string');
    for (const i of rejection.issues) {
      expect(Object.keys(ISSUE_CODES)).toContain(i.code);
      expect(i.message.length).toBeGreaterThan(0);
      expect(typeof i.path).toBe('string');
    }
  }
}

type Json = unknown;
type Segment = string | number;

/** Paths of a record's values; only the first items of a long array (a 10⁶-item value would cost 10⁶ paths). */
function allPaths(v: Json, prefix: Segment[] = [], out: Segment[][] = []): Segment[][] {
  if (Array.isArray(v)) {
    for (let i = 0; i < Math.min(v.length, 20); i++) { out.push([...prefix, i]); allPaths(v[i], [...prefix, i], out); }
  }
  else if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) { out.push([...prefix, k]); allPaths(x, [...prefix, k], out); }
  }
  return out;
}

// Shared by every run (mutate copies the record before changing it, so they are never modified).
const MEGABYTE_STRING = 'x'.repeat(1 << 20);
const MILLION_ITEMS: string[] = new Array(1_000_000).fill('K1302');

/** Odd values a backend might send: JSON values plus the non-JSON numbers and near-miss strings. */
const oddValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom<unknown>(NaN, Infinity, -Infinity, -1, -0.5, 1e308, '', '2025-02-29', '2026-02-30', '1800-01-01', 'DEAEZ',
    'K9999', 'x'.repeat(400), MEGABYTE_STRING, MILLION_ITEMS, null, undefined, [], {}, [null], '__proto__'),
);

type Mutation = { op: 'replace' | 'delete' | 'addKey'; pick: number; value: unknown; key: string };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom('replace', 'delete', 'addKey'),
  pick: fc.nat(),
  value: oddValue,
  key: fc.constantFrom('extra', '__proto__', 'constructor', 'toString', 'a.b', ''),
});

/** Applies one mutation to a deep copy of a JSON record. */
function mutate(record: Json, m: Mutation): unknown {
  const copy = structuredClone(record) as Record<string, unknown>;
  const paths = allPaths(copy);
  if (paths.length === 0) return copy;
  const path = paths[m.pick % paths.length];
  let parent: any = copy;
  for (const s of path.slice(0, -1)) parent = parent[s];
  const last = path[path.length - 1];
  if (m.op === 'delete') {
    if (Array.isArray(parent)) {
      // Not splice: an earlier mutation may have given the array an own `constructor` key, which
      // splice would call (ArraySpeciesCreate).
      for (let i = last as number; i < parent.length - 1; i++) parent[i] = parent[i + 1];
      parent.length -= 1;
    }
    else delete parent[last];
  } else if (m.op === 'addKey') {
    const target = parent[last] !== null && typeof parent[last] === 'object' ? parent[last] : copy;
    Object.defineProperty(target, m.key, { value: m.value, enumerable: true, configurable: true, writable: true });
  } else parent[last] = m.value;
  return copy;
}

describe('generators of valid records', () => {
  it.each(KINDS)('%s: every generated record passes its parse function', (kind) => {
    fc.assert(fc.property(valid[kind], (r) => { parsers[kind](r); }), RUNS);
  });
});

describe('validateBatch never throws and accounts for every index', () => {
  it.each(KINDS)('%s: arbitrary values as the batch or as its items', (kind) => {
    const anything = fc.anything({
      withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withSparseArray: true,
      withTypedArray: true, withBoxedValues: true,
    });
    fc.assert(
      fc.property(anything, (records) => {
        const r = validateBatch(kind, records);
        const batchCodes = r.rejected.map((x) => [x.index, x.issues[0].code]);
        if (!Array.isArray(records)) expect(batchCodes).toEqual([[-1, 'not_an_array']]);
        // Holes: the batch is not what JSON.parse builds, rejected as a whole.
        else if (Object.keys(records).length < records.length) expect(batchCodes).toEqual([[-1, 'invalid_type']]);
        else assertAccounted(r, records.length);
      }),
      RUNS,
    );
  });

  it.each(KINDS)('%s: mutated valid records', (kind) => {
    const batch = fc.array(fc.tuple(valid[kind], fc.option(mutation, { nil: undefined })), { maxLength: 8 });
    fc.assert(
      fc.property(batch, (pairs) => {
        const records = pairs.map(([r, m]) => (m === undefined ? r : mutate(r, m)));
        assertAccounted(validateBatch(kind, records), records.length);
      }),
      RUNS,
    );
  });

  it.each(KINDS)('%s: valid records with distinct ids are all kept, in order', (kind) => {
    const batch = fc.uniqueArray(valid[kind], { maxLength: 8, selector: (r) => r.id });
    fc.assert(
      fc.property(batch, (records) => {
        const r = validateBatch(kind, records);
        expect(r.rejected).toEqual([]);
        expect(r.validIndexes).toEqual(records.map((_, i) => i));
      }),
      RUNS,
    );
  });
});

describe('valid records round-trip through JSON', () => {
  it.each(KINDS)('%s: parse → JSON.stringify → parse gives a deep-equal value', (kind) => {
    fc.assert(
      fc.property(valid[kind], (r) => {
        const once = parsers[kind](r);
        expect(parsers[kind](JSON.parse(JSON.stringify(once)))).toEqual(once);
      }),
      RUNS,
    );
  });
});

describe('no message quotes a free-text field', () => {
  // Free-text fields per kind, and how to set them on a record.
  const setters: Record<RecordKind, ((r: any, text: string) => void)[]> = {
    candidate: [(r, t) => { r.home.label = t; }],
    vacancy: [(r, t) => { r.job.title = t; }, (r, t) => { r.site.label = t; }],
    trainingSession: [(r, t) => { r.provider = t; }, (r, t) => { r.site.label = t; }],
  };

  it.each(KINDS)('%s: whatever else is wrong, and when the text itself is too long', (kind) => {
    fc.assert(
      fc.property(valid[kind], freeText(), fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.boolean(), (r, text, ms, tooLong) => {
        let record: any = structuredClone(r);
        const value = tooLong ? text.repeat(400 / text.length + 1) : text;
        for (const set of setters[kind]) set(record, value);
        for (const m of ms) record = mutate(record, m);
        const result = validateBatch(kind, [record]);
        for (const x of result.rejected) {
          for (const i of x.issues) expect(i.message).not.toContain(text);
        }
        try {
          parsers[kind](record);
        } catch (e) {
          expect(e).toBeInstanceOf(PasserelleInputError);
          expect((e as Error).message).not.toContain(text);
        }
      }),
      RUNS,
    );
  });
});
