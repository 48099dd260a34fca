/**
 * Per-call options are validated at the edge: a bad option throws a PasserelleInputError of kind
 * 'options' whose issue names the field, never a RangeError or TypeError from inside; good options
 * pass untouched.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createEngine } from '../../src/engine/engine.js';
import { PasserelleInputError } from '../../src/errors.js';
import { RecommendOptionsSchema, recommendOptionsLookValid } from '../../src/engine/call-options.js';
import { TODAY, candidate, vacancy } from './territory.js';

const engine = createEngine({ today: TODAY });
const [c] = fc.sample(candidate, { numRuns: 1, seed: 11 });
const vs = fc.sample(vacancy, { numRuns: 3, seed: 12 }).map((v, i) => ({ ...v, id: `v${i}` }));
const { index: vacancies } = engine.indexVacancies(vs);
const { index: candidates } = engine.indexCandidates([c]);

/** The issue paths of the options error `f` throws (fails if it throws anything else, or nothing). */
function optionIssues(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(PasserelleInputError);
    expect((e as PasserelleInputError).kind).toBe('options');
    return (e as PasserelleInputError).issues.map((i) => `${i.code}@${i.path}`);
  }
  throw new Error('no error thrown');
}

describe('engine call options', () => {
  it('recommendPathways names the bad field', () => {
    expect(optionIssues(() => engine.recommendPathways(c, { today: '2026-02-30' }))).toEqual(['invalid_date@today']);
    expect(optionIssues(() => engine.recommendPathways(c, { limit: -1 }))).toEqual(['too_small@limit']);
    expect(optionIssues(() => engine.recommendPathways(c, { limit: 1.5 }))).toEqual(['invalid_type@limit']);
    expect(optionIssues(() => engine.recommendPathways(c, { target: 'Z99' }))).toEqual(['invalid_format@target']);
    expect(optionIssues(() => engine.recommendPathways(c, { target: 42 as never }))).toEqual(['invalid_type@target']);
    expect(optionIssues(() => engine.recommendPathways(c, { vacancies: {} as never }))).toEqual(['invalid_type@vacancies']);
    expect(optionIssues(() => engine.recommendPathways(c, { sessions: 'x' as never }))).toEqual(['invalid_type@sessions']);
    expect(optionIssues(() => engine.recommendPathways(c, { limt: 3 } as never))).toEqual(['unrecognized_keys@limt']);
  });

  it('a near miss must name a vacancy of the index passed', () => {
    const nearMiss = { vacancyId: 'nope', blockers: [{ code: 'driving_licence' }] };
    expect(optionIssues(() => engine.recommendPathways(c, { target: nearMiss, vacancies }))).toEqual(['unknown_id@target.vacancyId']);
    expect(optionIssues(() => engine.recommendPathways(c, { target: { vacancyId: 'v0', blockers: 'x' } as never, vacancies })))
      .toEqual(['invalid_type@target.blockers']);
    expect(() => engine.recommendPathways(c, { target: { vacancyId: 'v0', blockers: [{ code: 'legal_certification' }] }, vacancies })).not.toThrow();
  });

  it('a vacancy target is checked as a record', () => {
    expect(() => engine.recommendPathways(c, { target: { job: {}, site: {} } as never })).toThrow(PasserelleInputError);
    expect(() => engine.recommendPathways(c, { target: vs[0] })).not.toThrow();
  });

  it('score, topCandidates, topVacancies and counterfactuals name theirs', () => {
    expect(optionIssues(() => engine.score(c, vs[0], { audience: 'boss' as never }))).toEqual(['invalid_value@audience']);
    expect(optionIssues(() => engine.topCandidates(vs[0], candidates, { limit: -2 }))).toEqual(['too_small@limit']);
    expect(optionIssues(() => engine.topCandidates(vs[0], [c] as never))).toEqual(['invalid_type@candidates']);
    expect(optionIssues(() => engine.topVacancies(c, vacancies, { nearMisses: 1e9 }))).toEqual(['too_big@nearMisses']);
    expect(optionIssues(() => engine.counterfactuals(c, vs as never))).toEqual(['invalid_type@vacancies']);
  });

  it('matchAll rejects with the options error (and still takes raw arrays)', async () => {
    await expect(engine.matchAll(candidates, vacancies, { perVacancy: -1 })).rejects.toMatchObject({ kind: 'options', issues: [{ path: 'perVacancy' }] });
    await expect(engine.matchAll(candidates, vacancies, { workers: 'two' as never })).rejects.toBeInstanceOf(PasserelleInputError);
    await expect(engine.matchAll([c], vs)).resolves.toBeDefined();
  });

  it('the recommender\'s quick check accepts only what zod accepts', () => {
    const value = fc.oneof(
      fc.constant(undefined), fc.anything(), fc.constantFrom(vacancies, candidates, [], ['s'], '2026-01-15', '2026-02-30', 3, -1, 2.5, 1_001, 'J1501'),
    );
    const options = fc.dictionary(fc.constantFrom('target', 'sessions', 'vacancies', 'today', 'limit', 'other', 'constructor'), value, { maxKeys: 4 });
    fc.assert(
      fc.property(options, (o) => {
        if (recommendOptionsLookValid(o)) expect(RecommendOptionsSchema.safeParse(o).success).toBe(true);
      }),
      { numRuns: 2_000 },
    );
    expect(recommendOptionsLookValid({ vacancies, sessions: [], limit: 3, today: '2026-01-15' })).toBe(true);
  });

  it('any junk in an option gives an options error or a result, never another error', () => {
    const junk = fc.oneof(fc.anything(), fc.constantFrom(NaN, Infinity, -1, 0, 2.5, '', '2026-13-01', [], {}, null));
    const key = fc.constantFrom('target', 'sessions', 'vacancies', 'today', 'limit', 'other');
    fc.assert(
      fc.property(key, junk, (k, value) => {
        try {
          engine.recommendPathways(c, { [k]: value } as never);
        } catch (e) {
          expect(e).toBeInstanceOf(PasserelleInputError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
