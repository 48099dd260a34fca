/**
 * The validation fast path (src/validate/fast.ts) against its oracle, the zod + code-check path:
 * whatever the fast path accepts, the slow path accepts with a deep-equal value; valid records are
 * (almost all) accepted; validateBatch gives the same result with and without it. The fast path
 * returns the record itself (a shallow copy when defaults are filled): the comparison ignores
 * only the prototype (a null-prototype record is kept as given; zod's copy has Object's).
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultReferential } from '../../src/referential/index.js';
import type { Referential } from '../../src/referential/types.js';
import { CandidateFields, fastCheck, setFastPath } from '../../src/validate/fast.js';
import { checkRecord, type CheckResult } from '../../src/validate/parse.js';
import { validateBatch, validateEach } from '../../src/validate/batch.js';
import type { RecordKind } from '../../src/errors.js';
import {
  referentialCodes, validCandidate, validCandidateV4, validTrainingSession, validTrainingSessionByCommune, validVacancy,
  validVacancyOtherCodes,
} from '../arbitraries.js';

const KINDS: RecordKind[] = ['candidate', 'vacancy', 'trainingSession'];
// One record in four in another spelling: places by commune code alone, ROME 4.0 codes, appellations.
const valid: Record<RecordKind, fc.Arbitrary<object>> = {
  candidate: fc.oneof({ arbitrary: validCandidate(), weight: 3 }, { arbitrary: validCandidateV4(), weight: 1 }),
  vacancy: fc.oneof({ arbitrary: validVacancy(), weight: 3 }, { arbitrary: validVacancyOtherCodes(), weight: 1 }),
  trainingSession: fc.oneof(
    { arbitrary: validTrainingSession(), weight: 3 },
    { arbitrary: validTrainingSessionByCommune(), weight: 1 },
  ),
};

afterEach(() => {
  setFastPath(true);
});

function slow(kind: RecordKind, input: unknown, ref: Referential = defaultReferential): CheckResult<unknown> {
  const previous = setFastPath(false);
  try {
    return checkRecord(kind, input, ref);
  } finally {
    setFastPath(previous);
  }
}

/** Runs both paths; when the fast one accepts, the slow one must accept the same value. */
function agree(kind: RecordKind, input: unknown, ref: Referential = defaultReferential) {
  const fast = fastCheck(kind, input, ref);
  const s = slow(kind, input, ref);
  if (fast !== undefined) {
    expect(s.ok).toBe(true);
    if (s.ok) expect(plain(fast)).toStrictEqual(plain(s.value));
  }
  return { fast, slow: s };
}

/** `v` rebuilt with Object prototypes: own enumerable keys, `undefined` values kept. */
function plain(v: unknown): unknown {
  if (Array.isArray(v)) {
    // A loop, not `map`: a mutated array may carry its own `constructor`.
    const out: unknown[] = [];
    for (let i = 0; i < v.length; i++) out.push(plain(v[i]));
    return out;
  }
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) out[k] = plain((v as Record<string, unknown>)[k]);
  return out;
}

/**
 * The fields of `value` that are not `input`'s own are exactly what zod's path fills or rewrites:
 * defaults, a commune's lat/lon, ROME codes read as v3.
 */
function sameOrDefaulted(value: object, input: object) {
  if (value === input) return;
  const v = value as Record<string, unknown>;
  const i = input as Record<string, unknown>;
  for (const k of Object.keys(v)) {
    if (v[k] === i[k]) continue;
    if (k === 'job' || k === 'home' || k === 'site') sameOrDefaulted(v[k] as object, i[k] as object);
    else if (k === 'desiredJobs' || k === 'experience') expect(i.romeVersion).toBe('v4');
    else if (k === 'lat' || k === 'lon') expect(i[k]).toBeUndefined();
    else expect(['requires', 'prefers', 'openings', 'romeVersion', 'rome', 'rome4']).toContain(k);
  }
}

describe('valid records', () => {
  it.each(KINDS)('%s: at least 99 per cent accepted, value deep-equal to the zod path, the input itself (no copy) but for defaults', (kind) => {
    const records = fc.sample(valid[kind], { numRuns: 400, seed: 20261123 });
    let accepted = 0;
    for (const input of records) {
      const { fast, slow: s } = agree(kind, input);
      expect(s.ok).toBe(true);
      if (fast === undefined) continue;
      accepted++;
      sameOrDefaulted(fast, input);
    }
    expect(accepted / records.length).toBeGreaterThanOrEqual(0.99);
  });

  it.each(KINDS)('%s: also after a JSON round trip (what a backend sends)', (kind) => {
    fc.assert(
      fc.property(valid[kind], (record) => {
        const { fast } = agree(kind, JSON.parse(JSON.stringify(record)));
        expect(fast).toBeDefined();
      }),
      { numRuns: 150, seed: 7 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Mutations: one to three edits of a valid record, aimed at every rule the schemas state.

type Segment = string | number;

function allPaths(v: unknown, prefix: Segment[] = [], out: Segment[][] = []): Segment[][] {
  if (Array.isArray(v)) v.forEach((x, i) => { out.push([...prefix, i]); allPaths(x, [...prefix, i], out); });
  else if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    for (const [k, x] of Object.entries(v)) { out.push([...prefix, k]); allPaths(x, [...prefix, k], out); }
  }
  return out;
}

const codes = referentialCodes();
const otherCodes = [
  ...codes.certifications.slice(0, 5), ...codes.skills.slice(0, 5), ...codes.restrictions.slice(0, 3),
  ...codes.physicalDemands.slice(0, 3), ...codes.adaptations.slice(0, 3), ...codes.rome.slice(0, 3),
  ...[...codes.blocksOf.values()].flat().slice(0, 10),
  'DEAEZ', 'K9999', 'A0000', 'O1234', 'deas', 'DE-AES', 'v3', 'v4', 'car', 'CDI', 'native', 'mixte', 'EHPAD',
];
const oddValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom<unknown>(
    NaN, Infinity, -Infinity, -1, -0, -0.5, 0, 0.5, 1, 4, 5, 48, 48.5, 49, 180, 181, 200.5, 600, 601, 720.5, 1899, 2101,
    6000.5, 10_001, 1e308, '', ' ', '2025-02-29', '2024-02-29', '2000-02-29', '1900-02-29', '1899-12-31', '1900-01-01',
    '2200-12-31', '2201-01-01', '2026-13-01', '2026-04-31', '2026-4-01', '２０２６-01-01', '2026/01/01', 'x'.repeat(129),
    'x'.repeat(301), 'é'.repeat(300), '😀'.repeat(200), 'a b', 'a\u00a0b', 'a\u2028b', 'a\tb', 'ab\u0000', '2A001',
    '2C001', '7500', '750011', null, undefined, [], {}, [null], '__proto__', true, false, new String('K1302'),
  ),
  fc.constantFrom(...otherCodes),
);

type Mutation =
  | { op: 'replace'; pick: number; value: unknown }
  | { op: 'near'; pick: number; k: number }
  | { op: 'delete'; pick: number }
  | { op: 'addKey'; pick: number; key: string; value: unknown }
  | { op: 'undefinedKey'; pick: number; key: string }
  | { op: 'hidden'; pick: number; key: string; value: unknown }
  | { op: 'inherit'; pick: number }
  | { op: 'grow'; pick: number };

const KEY = fc.constantFrom(
  'extra', '__proto__', 'constructor', 'toString', '', 'frenchLevel', 'workAuthorized', 'openings', 'requires',
  'communeCode', 'label', 'blocks', 'seats', 'status', 'endDate', 'romeVersion', 'vehicleProvided',
);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('replace' as const), pick: fc.nat(), value: oddValue }),
  fc.record({ op: fc.constant('near' as const), pick: fc.nat(), k: fc.nat(12) }),
  fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('addKey' as const), pick: fc.nat(), key: KEY, value: oddValue }),
  fc.record({ op: fc.constant('undefinedKey' as const), pick: fc.nat(), key: KEY }),
  fc.record({ op: fc.constant('hidden' as const), pick: fc.nat(), key: KEY, value: oddValue }),
  fc.record({ op: fc.constant('inherit' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('grow' as const), pick: fc.nat() }),
);

/** A value close to `v`: just over a bound, a near-miss string, a longer array. */
function near(v: unknown, k: number): unknown {
  if (typeof v === 'number') return [v + 1, v - 1, v + 0.5, -v, v * 1.5, v + 1000, v - 1000, -0, v + 1e-9, v * 2, 0, 48.01, 1][k % 13];
  if (typeof v === 'string') {
    return [
      `${v}x`, v.slice(1), v.toLowerCase(), ` ${v}`, `${v}\u00a0`, v.repeat(40), `${v.slice(0, -1)}9`, v.toUpperCase(),
      `${v.slice(0, 4)}-02-30`, `${v.slice(0, 5)}13${v.slice(7)}`, '', `${v}😀`, v.replace(/\d/, '0'),
    ][k % 13];
  }
  if (Array.isArray(v)) return [[...v, ...v], [], [...v, v[0]], Array(200).fill(v[0]), [v[0]], [...v, undefined]][k % 6];
  if (typeof v === 'boolean') return [!v, v ? 1 : 0, String(v)][k % 3];
  return v;
}

function mutate(record: unknown, m: Mutation): unknown {
  const copy = structuredClone(record) as Record<string, unknown>;
  const paths = allPaths(copy);
  const path = paths.length === 0 ? [] : paths[m.pick % paths.length];
  let parent: any = copy;
  for (const s of path.slice(0, -1)) parent = parent[s];
  const last = path[path.length - 1];
  const target: any = path.length > 0 && parent[last] !== null && typeof parent[last] === 'object' ? parent[last] : copy;
  switch (m.op) {
    case 'replace':
      if (path.length > 0) parent[last] = m.value;
      break;
    case 'near':
      if (path.length > 0) parent[last] = near(parent[last], m.k);
      break;
    case 'delete':
      if (path.length === 0) break;
      if (Array.isArray(parent)) {
        // Not splice: an earlier addKey may have set the array's own `constructor` (species).
        for (let i = last as number; i < parent.length - 1; i++) parent[i] = parent[i + 1];
        parent.length--;
      } else delete parent[last];
      break;
    case 'addKey':
      Object.defineProperty(target, m.key, { value: m.value, enumerable: true, configurable: true, writable: true });
      break;
    case 'undefinedKey':
      Object.defineProperty(target, m.key, { value: undefined, enumerable: true, configurable: true, writable: true });
      break;
    case 'hidden':
      // A property zod reads (`input[key]`) that `for…in` does not list.
      Object.defineProperty(target, m.key, { value: m.value, enumerable: false, configurable: true, writable: true });
      break;
    case 'inherit': {
      // Same keys, some of them inherited: zod reads them, `for…in` lists them.
      if (Array.isArray(target)) break;
      const keys = Object.keys(target);
      const proto: Record<string, unknown> = {};
      for (const k of keys.slice(0, 1 + (m.pick % Math.max(1, keys.length)))) {
        proto[k] = target[k];
        delete target[k];
      }
      Object.setPrototypeOf(target, proto);
      break;
    }
    case 'grow': {
      const arrays = paths.filter((p) => { let x: any = copy; for (const s of p) x = x[s]; return Array.isArray(x) && x.length > 0; });
      if (arrays.length === 0) break;
      let x: any = copy;
      for (const s of arrays[m.pick % arrays.length]) x = x[s];
      const first = x[0];
      while (x.length <= 200) x.push(first);
      break;
    }
  }
  return copy;
}

describe('mutated records', () => {
  it.each(KINDS)('%s: whatever the fast path accepts, the zod path accepts with the same value', (kind) => {
    let rejectedBySlow = 0;
    let acceptedByFast = 0;
    fc.assert(
      fc.property(valid[kind], fc.array(mutation, { minLength: 1, maxLength: 3 }), (record, ms) => {
        let input: unknown = record;
        for (const m of ms) input = mutate(input, m);
        const { fast, slow: s } = agree(kind, input);
        if (!s.ok) rejectedBySlow++;
        if (fast !== undefined) acceptedByFast++;
      }),
      { numRuns: 1500, seed: 42 },
    );
    // The mutations do reach both sides of the question.
    expect(rejectedBySlow).toBeGreaterThan(300);
    expect(acceptedByFast).toBeGreaterThan(50);
  });
});

/** Every schema bound, just inside and just outside, and every calendar trap. */
const BOUNDARY: unknown[] = [
  -90.01, -90, 90, 90.01, -180.01, -180, 180, 180.01, -0.01, 0.99, 4, 4.5, 5, 48, 48.01, 180.5, 200, 200.01, 600, 600.5,
  720, 720.01, 1899, 1900, 2100, 2100.5, 6000, 6000.01, 10_000, 10_000.5, 10_001, 3.5, 2 ** 53,
  '2026-02-29', '2024-02-29', '2024-02-30', '2100-02-29', '2000-02-29', '2026-04-31', '2026-06-31', '2026-09-31',
  '2026-11-31', '2026-12-31', '2026-00-10', '2026-01-00', '2026-01-32', '1900-01-01', '1899-12-31', '2200-12-31',
  '2201-01-01', '2026-1-010', '20260-1-01', 'x'.repeat(64), 'x'.repeat(65), 'x'.repeat(128), 'x'.repeat(300),
  'é'.repeat(301), '2A123', '2B123', '2a123', '20123', 'Z1234', 'N9999', 'K130', 'K13022', 'k1302', 'a\u2009b', 'a\ufeffb',
];

describe('every leaf of a valid record, replaced by boundary and odd values', () => {
  it.each(KINDS)('%s: the fast path never accepts what zod refuses', (kind) => {
    const records = fc.sample(valid[kind], { numRuns: 4, seed: 99 }).map((r) => JSON.parse(JSON.stringify(r)));
    let refused = 0;
    for (const record of records) {
      const paths = allPaths(record);
      for (let pick = 0; pick < paths.length; pick++) {
        const values = [...BOUNDARY, ...fc.sample(oddValue, { numRuns: 20, seed: pick })];
        for (const value of values) {
          if (!agree(kind, mutate(record, { op: 'replace', pick, value })).slow.ok) refused++;
        }
        for (let k = 0; k < 13; k++) agree(kind, mutate(record, { op: 'near', pick, k }));
      }
    }
    expect(refused).toBeGreaterThan(1000);
  });
});

describe('validateBatch with and without the fast path', () => {
  it('gives identical valid, validIndexes and rejected (issues included)', () => {
    const item = fc.oneof(
      fc.constantFrom(...KINDS).chain((k) => valid[k]),
      fc.tuple(fc.constantFrom(...KINDS).chain((k) => valid[k]), mutation).map(([r, m]) => mutate(r, m)),
      fc.constantFrom<unknown>(null, 1, 'x', [], {}),
    );
    fc.assert(
      fc.property(fc.constantFrom(...KINDS), fc.array(item, { maxLength: 12 }), fc.nat(), (kind, records, dup) => {
        // A repeated record: duplicate ids go through both paths too.
        if (records.length > 0) records.push(records[dup % records.length]);
        setFastPath(true);
        const withFast = validateBatch(kind, records);
        setFastPath(false);
        const withoutFast = validateBatch(kind, records);
        setFastPath(true);
        expect(plain(withFast)).toStrictEqual(plain(withoutFast));
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});

describe('checked fields: what the encoder reads after validation', () => {
  const records = fc.sample(valid.candidate, { numRuns: 100, seed: 5 }) as Record<string, unknown>[];
  /** Each schema key of `fields` holds the value's own (undefined where the value has none). */
  const sameValues = (fields: object, value: object) => {
    const f = fields as Record<string, unknown>;
    const v = value as Record<string, unknown>;
    for (const k of Object.keys(new CandidateFields())) expect(f[k], k).toBe(v[k]);
  };

  it('are the accepted value\'s own, in the object the caller gave, each call its own', () => {
    let accepted = 0;
    for (let i = 0; i + 1 < records.length; i += 2) {
      const [a, b] = [new CandidateFields(), new CandidateFields()];
      const va = fastCheck('candidate', records[i], defaultReferential, a);
      const vb = fastCheck('candidate', records[i + 1], defaultReferential, b);
      // No state shared between calls: checking b left a as it was.
      if (va !== undefined) sameValues(a, va);
      if (vb !== undefined) sameValues(b, vb);
      accepted += (va ? 1 : 0) + (vb ? 1 : 0);
    }
    expect(accepted).toBeGreaterThan(90);
  });

  it('reach validateEach\'s sink with every valid record (the value itself when zod decided)', () => {
    const batch = [...records, { ...records[0], id: 'zod-path', extra: 1 }, { ...records[1], id: 'copy', __proto__: null }];
    const seen: string[] = [];
    let fixedShape = 0;
    const rejected = validateEach('candidate', batch, undefined, {
      accept: (value, _index, id, fields) => {
        sameValues(fields, value);
        if (fields !== value) fixedShape++;
        seen.push(id);
        return -1;
      },
      seen: () => -1,
    });
    expect(fixedShape).toBeGreaterThan(90);
    expect(seen.length + rejected.length).toBe(batch.length);
  });
});

describe('cases the fast path leaves to zod', () => {
  const [candidate] = fc.sample(validCandidate(), { numRuns: 1, seed: 3 });
  const [vacancy] = fc.sample(validVacancy(), { numRuns: 1, seed: 3 });
  const [session] = fc.sample(validTrainingSession(), { numRuns: 1, seed: 3 });
  const base = JSON.parse(JSON.stringify(candidate)) as Record<string, any>;

  it('accepts the plain JSON record', () => {
    expect(agree('candidate', base).fast).toBeDefined();
    expect(agree('vacancy', JSON.parse(JSON.stringify(vacancy))).fast).toBeDefined();
    expect(agree('trainingSession', JSON.parse(JSON.stringify(session))).fast).toBeDefined();
  });

  it('a key present as undefined: kept as undefined, or given its default, as zod does', () => {
    const fast = agree('candidate', { ...base, frenchLevel: undefined, workAuthorized: undefined }).fast;
    expect(fast).toBeDefined();
    expect(Object.hasOwn(fast as object, 'frenchLevel')).toBe(true);
    expect(Object.hasOwn(fast as object, 'workAuthorized')).toBe(true);
    const v = JSON.parse(JSON.stringify(vacancy));
    expect(agree('vacancy', { ...v, openings: undefined }).fast).toMatchObject({ openings: 1 });
    // A hidden key zod reads would become an own key of its copy: not the input, so zod decides.
    const hidden = { ...base };
    Object.defineProperty(hidden, 'skills', { value: undefined, enumerable: false });
    expect(agree('candidate', hidden).fast).toBeUndefined();
  });

  it('an unknown, __proto__ or constructor key: zod decides', () => {
    for (const input of [
      { ...base, extra: 1 },
      { ...base, constructor: 1 },
      JSON.parse(`{"__proto__": {"x": 1}, ${JSON.stringify(base).slice(1)}`),
    ]) {
      expect(agree('candidate', input)).toMatchObject({ fast: undefined, slow: { ok: false } });
    }
  });

  it('a label of 300 code points but more UTF-16 units: zod accepts, the fast path leaves it', () => {
    const input = { ...base, home: { ...base.home, label: '😀'.repeat(300) } };
    const { fast, slow: s } = agree('candidate', input);
    expect(fast).toBeUndefined();
    expect(s.ok).toBe(true);
  });

  it('a schema key inherited from a polluted Object.prototype: zod reads it, so zod decides', () => {
    const { skills: _s, ...without } = base;
    expect(agree('candidate', without).fast).toBeDefined();
    Object.defineProperty(Object.prototype, 'skills', { value: ['NOT_A_SKILL'], configurable: true, enumerable: false });
    try {
      expect(agree('candidate', without)).toMatchObject({ fast: undefined, slow: { ok: false } });
    } finally {
      delete (Object.prototype as Record<string, unknown>).skills;
    }
    expect(agree('candidate', without).fast).toBeDefined();
  });

  it('a throwing getter or a null-prototype record', () => {
    const throwing = { ...base };
    Object.defineProperty(throwing, 'skills', { enumerable: true, get: () => { throw new Error('boom'); } });
    expect(agree('candidate', throwing).fast).toBeUndefined();
    const bare = Object.assign(Object.create(null), base);
    expect(agree('candidate', bare).fast).toBeDefined();
  });

  it('cross-field rules: hours, contract and session dates, vehicle required and provided', () => {
    const hours = { ...base, schedule: { ...base.schedule, weeklyHoursMin: 30, weeklyHoursMax: 20 } };
    expect(agree('candidate', hours)).toMatchObject({ fast: undefined, slow: { ok: false } });
    const v = JSON.parse(JSON.stringify(vacancy));
    const dates = { ...v, contract: { ...v.contract, startDate: '2026-05-02', endDate: '2026-05-01' } };
    expect(agree('vacancy', dates)).toMatchObject({ fast: undefined, slow: { ok: false } });
    const vehicle = { ...v, requires: { ...v.requires, vehicle: true }, vehicleProvided: true };
    expect(agree('vacancy', vehicle)).toMatchObject({ fast: undefined, slow: { ok: false } });
    const s = JSON.parse(JSON.stringify(session));
    expect(agree('trainingSession', { ...s, startDate: '2027-01-02', endDate: '2027-01-01' }))
      .toMatchObject({ fast: undefined, slow: { ok: false } });
  });

  it('a block of another certification, an unknown certification', () => {
    const [deas, deaes] = [codes.blocksOf.get('DEAS') ?? [], codes.blocksOf.get('DEAES') ?? []];
    expect(deas.length).toBeGreaterThan(0);
    expect(deaes.length).toBeGreaterThan(0);
    const own = { ...base, qualifications: [{ code: 'DEAS', blocks: [deas[0]] }] };
    expect(agree('candidate', own).fast).toBeDefined();
    const other = { ...base, qualifications: [{ code: 'DEAS', blocks: [deaes[0]] }] };
    expect(agree('candidate', other)).toMatchObject({ fast: undefined, slow: { ok: false } });
    expect(agree('candidate', { ...base, qualifications: [{ code: 'DEAEZ' }] })).toMatchObject({ fast: undefined, slow: { ok: false } });
  });

  it('a caller referential: its own codes, a code the Code format refuses, cached per referential', () => {
    const ref: Referential = {
      ...defaultReferential,
      certifications: [
        ...defaultReferential.certifications,
        { ...defaultReferential.certifications[0], code: 'MY_CERT', blocks: [] },
        { ...defaultReferential.certifications[0], code: 'DE-AES', blocks: [] },
      ],
    };
    const mine = { ...base, qualifications: [{ code: 'MY_CERT' }] };
    expect(agree('candidate', mine, ref).fast).toBeDefined();
    expect(agree('candidate', mine).fast).toBeUndefined();
    const dashed = { ...base, qualifications: [{ code: 'DE-AES' }] };
    expect(agree('candidate', dashed, ref)).toMatchObject({ fast: undefined, slow: { ok: false } });
  });

  it('defaults: openings, romeVersion, requires and prefers; workAuthorized absent stays absent (it means true)', () => {
    const { workAuthorized: _w, ...c } = base;
    expect(agree('candidate', c).fast).toBe(c);
    const v = JSON.parse(JSON.stringify(vacancy));
    delete v.openings;
    delete v.requires;
    delete v.prefers;
    delete v.job.romeVersion;
    expect(agree('vacancy', v).fast).toMatchObject({ openings: 1, requires: {}, prefers: {}, job: { romeVersion: 'v3' } });
    // The caller's record is left as it was.
    expect(v).not.toHaveProperty('openings');
    expect(v.job).not.toHaveProperty('romeVersion');
  });

  it('setFastPath(false) turns it off', () => {
    setFastPath(false);
    expect(fastCheck('candidate', base, defaultReferential)).toBeUndefined();
  });
});
