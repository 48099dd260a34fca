/**
 * Plain JSON out: every result survives JSON.stringify as the documented plain data (no typed
 * arrays, functions, Map/Set or undefined noise), and the published output JSON Schemas accept the
 * real outputs of the demo territory and of random territories (checked with ajv, a full draft
 * 2020-12 validator: the schemas use `propertyNames`/`additionalProperties` maps the small
 * checker of json-schema.test.ts does not read).
 */
import fc from 'fast-check';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  allocate, auditFairness, calibrateWeights, checkCallOrder, createEngine, jsonSchemas, platformIndicators, prioritize,
  scheduleJobDating, spreadRecommendations, type BatchResult, type CandidateIndex, type Engine,
} from '../../src/index.js';
import { DEMO_TODAY, loadDemoData } from '../../examples/demo.js';
import { demoEvent } from '../../examples/demo-jobdating.js';
import { DEMO_PERIOD } from '../../examples/demo-audit.js';
import { generateEventLog } from '../../bench/events.js';
import { CRITERION_CODES } from '../../src/scoring/model.js';
import { TODAY, candidates as candidateArb, vacancies as vacancyArb } from '../engine/territory.js';

// strictRequired off: a Place is `anyOf: [{ required: ['lat', 'lon'] }, { required: ['communeCode'] }]` beside its properties, valid JSON Schema that ajv's strict mode would have written inside each branch.
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, validateFormats: false });
const schemas = jsonSchemas();
const validators = new Map(Object.entries(schemas).map(([name, s]) => [name, ajv.compile(s)]));

function conforms(name: string, value: unknown): void {
  const validate = validators.get(name)!;
  const ok = validate(JSON.parse(JSON.stringify(value)));
  expect(ok ? [] : validate.errors!.slice(0, 5).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)} ${e.schemaPath}`)).toEqual([]);
}

/** Plain JSON data: only objects, arrays, strings, finite numbers, booleans and null; no undefined. */
function plainPaths(value: unknown, path = '$'): string[] {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return [];
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path}: ${value}`];
  if (Array.isArray(value)) return value.flatMap((x, i) => plainPaths(x, `${path}[${i}]`));
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.entries(value).flatMap(([k, x]) => (x === undefined ? [`${path}.${k}: undefined`] : plainPaths(x, `${path}.${k}`)));
  }
  return [`${path}: ${Object.prototype.toString.call(value)}`];
}

/** The documented plain shape: JSON round trip is lossless, and what toJSON returns is itself plain. */
function roundTrips(value: unknown): unknown {
  const json = JSON.parse(JSON.stringify(value));
  const direct = value !== null && typeof value === 'object' && 'toJSON' in value ? (value as { toJSON(): unknown }).toJSON() : value;
  expect(plainPaths(direct)).toEqual([]);
  expect(json).toEqual(direct);
  return json;
}

describe('plain JSON out: the demo territory', () => {
  const data = loadDemoData();
  let engine: Engine;
  let batch: BatchResult;
  let index: CandidateIndex;
  beforeAll(async () => {
    engine = createEngine({ today: DEMO_TODAY });
    index = engine.indexCandidates([...data.candidates, ...data.invalid.candidates]).index;
    batch = await engine.matchAll(index, [...data.vacancies, ...data.invalid.vacancies], { perVacancy: 10, perCandidate: 3 });
  });

  it('a batch writes its pairs, records, stats and bestFor lists, not typed arrays', () => {
    const json = roundTrips(batch) as Record<string, any>;
    expect(Object.keys(json)).toEqual(['matches', 'unmatchedCandidates', 'unmatchedVacancies', 'rejected', 'stats', 'versions', 'bestFor']);
    expect(json.matches).toEqual([...batch.matches]);
    expect(json.matches).toHaveLength(batch.stats.shortlistedPairs);
    expect(JSON.stringify(batch.matches)).toBe(JSON.stringify(json.matches));
    expect(json.bestFor).toEqual(batch.candidateIds().flatMap((id) => batch.bestFor(id)));
    expect(json.bestFor.length).toBeGreaterThan(0);
    expect(json.rejected.vacancies.length).toBeGreaterThan(0);
    conforms('batch', batch);
  });

  it('without perCandidate, no bestFor key', async () => {
    const small = await engine.matchAll(index, data.vacancies.slice(0, 5), { perVacancy: 3 });
    const json = roundTrips(small) as Record<string, unknown>;
    expect('bestFor' in json).toBe(false);
    conforms('batch', small);
  });

  it('an index writes a summary { kind, size, referentialVersion }', () => {
    expect(roundTrips(index)).toEqual({ kind: 'candidate', size: index.size, referentialVersion: engine.versions.referential });
    const r = engine.indexVacancies(data.vacancies);
    expect(JSON.parse(JSON.stringify(r))).toEqual({
      index: { kind: 'vacancy', size: data.vacancies.length, referentialVersion: engine.versions.referential },
      rejected: [],
    });
  });

  it('Match, TopResult, Counterfactual and Pathway are plain; Match and Pathway fit their schemas', () => {
    const c = batch.candidate(batch.candidateIds()[0])!;
    const v = batch.vacancy(batch.vacancyIds()[0])!;
    for (const audience of ['advisor', 'employer'] as const) conforms('match', roundTrips(engine.score(c, v, { audience })));
    const explained = batch.explain(c.id, v.id);
    conforms('match', roundTrips(explained));
    const top = engine.topCandidates(v, index, { limit: 3, nearMisses: 2 });
    const topJson = roundTrips(top) as { matches: unknown[]; nearMisses: unknown[] };
    for (const m of [...topJson.matches, ...topJson.nearMisses]) conforms('match', m);
    const vacancies = engine.indexVacancies(data.vacancies).index;
    roundTrips(engine.topVacancies(c, vacancies, { limit: 3 }));
    roundTrips(engine.counterfactuals(c, vacancies));
    let pathways = 0;
    for (const id of batch.candidateIds().slice(0, 12)) {
      const ps = engine.recommendPathways(batch.candidate(id)!, { target: 'J1501', sessions: data.sessions, vacancies, limit: 2 });
      for (const p of ps) { conforms('pathway', roundTrips(p)); pathways++; }
    }
    expect(pathways).toBeGreaterThan(0);
  });

  it('allocation, spread, call order, schedule, audit, indicators and calibration are plain and fit their schemas', async () => {
    for (const method of ['optimal', 'stable'] as const) conforms('allocation', roundTrips(await allocate(batch, { method })));
    conforms('spread', roundTrips(spreadRecommendations(batch, { perCandidate: 3, perOpening: 3 })));
    const shortlist = batch.shortlist(batch.vacancyIds()[0]);
    const call = roundTrips(prioritize(shortlist, { minShare: 0.3, priority: ['RSA', 'QPV', 'DELD'], candidates: index.records })) as { order: unknown[] };
    roundTrips(checkCallOrder(shortlist, call.order as never, { minShare: 0.3, priority: ['RSA', 'QPV', 'DELD'], candidates: index.records }));
    const schedule = await scheduleJobDating(demoEvent(batch), batch, { timeLimitSeconds: 30 });
    conforms('job-dating-schedule', roundTrips(schedule));
    conforms('fairness-audit', roundTrips(auditFairness(batch, index)));
    const events = generateEventLog(data.candidates as never, { seed: 7, end: DEMO_PERIOD.to, spanDays: 540 });
    conforms('platform-indicators', roundTrips(platformIndicators([...events, { candidateId: 'c1', date: '2026-02-30', kind: 'hire' }], DEMO_PERIOD)));
    const outcomes = batch.candidateIds().slice(0, 60).map((id, i) => ({
      candidateId: id, vacancyId: 'v', hired: i % 3 === 0, criteria: Object.fromEntries(CRITERION_CODES.map((k, j) => [k, ((i * 7 + j * 3) % 10) / 10])),
    }));
    roundTrips(calibrateWeights(outcomes));
  });
});

describe('plain JSON out: random territories', () => {
  it('batch, allocation and spread fit their schemas', async () => {
    const engine = createEngine({ today: TODAY });
    await fc.assert(
      fc.asyncProperty(candidateArb(0, 12), vacancyArb(0, 6), fc.nat(3), async (cs, vs, perCandidate) => {
        const batch = await engine.matchAll(cs, vs, { perVacancy: 4, perCandidate });
        conforms('batch', roundTrips(batch));
        conforms('allocation', roundTrips(await allocate(batch, { method: perCandidate % 2 === 0 ? 'optimal' : 'stable' })));
        if (perCandidate > 0) conforms('spread', roundTrips(spreadRecommendations(batch, { perCandidate, perOpening: 2 })));
      }),
      { numRuns: 25 },
    );
  });
});

describe('jsonSchemas(): outputs', () => {
  it('every output schema is draft 2020-12 and closed', () => {
    for (const name of ['match', 'pathway', 'batch', 'allocation', 'spread', 'job-dating-schedule', 'fairness-audit', 'platform-indicators'] as const) {
      const s = schemas[name] as Record<string, unknown>;
      expect(s.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(s.additionalProperties).toBe(false);
      expect(typeof s.title).toBe('string');
    }
  });

  it('rejects what is not the documented shape', () => {
    const validate = validators.get('batch')!;
    expect(validate({ matches: [{ candidateId: 'c', vacancyId: 'v', score: 1, rank: 0 }] })).toBe(false);
    expect(validators.get('match')!({ candidateId: 'c' })).toBe(false);
  });

  it('input schemas still compile under a full validator', () => {
    for (const name of ['candidate', 'vacancy', 'training-session', 'outcome', 'platform-event']) expect(validators.has(name)).toBe(true);
  });
});
