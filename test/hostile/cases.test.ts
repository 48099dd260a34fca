/**
 * Issue 13, case by case: each misuse an attacker or a careless caller tried, with its behaviour
 * now — PasserelleInputError (or ReferentialError for a referential) naming the argument and
 * field, never a TypeError, a RangeError or the caller's own exception; caller objects read once.
 */
import { describe, expect, it } from 'vitest';
import {
  PasserelleInputError, ReferentialError, createEngine, createResolver, defaultReferential, extendReferential,
  normalizeTitle, normalizeWeights, parseCandidate, parseTrainingSession, parseVacancy, validateBatch, formatIssues,
  checkReferentialIntegrity, compileReferential, distanceKm, bestCommute, counterfactualLabel, recommendPathways,
  INPUT_LIMITS,
} from '../../src/index.js';
import { candidate, session, vacancy, TODAY } from '../pathways/fixtures.js';

/** The caller's own exception: it must never come out of passerelle. */
class Hostile extends Error {}
const boom = (): never => {
  throw new Hostile('hostile');
};
const throwingGetter = (key: string, base: object = {}) => Object.defineProperty({ ...base }, key, { enumerable: true, get: boom });
const trapsThrow = <T extends object>(target: T): T =>
  new Proxy(target, {
    get: boom, has: boom, ownKeys: boom, getOwnPropertyDescriptor: boom, getPrototypeOf: boom, set: boom, deleteProperty: boom,
  });

/** What `f` threw, checked to be `type`, as `code@path` strings. */
function issuesOf(f: () => unknown, type: typeof PasserelleInputError | typeof ReferentialError = PasserelleInputError): string[] {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(type);
    return (e as PasserelleInputError).issues.map((i) => `${i.code}@${i.path}`);
  }
  throw new Error('expected a throw');
}

const c = candidate();
const v = vacancy();

describe('createEngine, normalizeWeights', () => {
  const zeros = { qualification: 0, experience: 0, commute: 0, hours: 0, start_date: 0, wishes: 0, skills: 0 };
  it('all weights 0: was RangeError, now PasserelleInputError on `weights`', () => {
    expect(issuesOf(() => createEngine({ weights: zeros }))).toEqual(['too_small@weights']);
    expect(issuesOf(() => normalizeWeights(zeros))).toEqual(['too_small@weights']);
    expect(issuesOf(() => normalizeWeights({ commute: -1 }))).toEqual(['invalid_type@weights.commute']);
    expect(issuesOf(() => normalizeWeights(throwingGetter('commute')))).toEqual(['unreadable@weights.commute']);
  });
  it('a throwing getter or Proxy in the options: was the caller’s error, now unreadable naming the field', () => {
    expect(issuesOf(() => createEngine(throwingGetter('today')))).toEqual(['unreadable@today']);
    expect(issuesOf(() => createEngine({ weights: trapsThrow({}) }))).toEqual(['unreadable@weights']);
    expect(issuesOf(() => createEngine(trapsThrow({})))).toEqual(['unreadable@']);
  });
  it('referential {}: PasserelleInputError naming the referential’s missing tables', () => {
    const issues = issuesOf(() => createEngine({ referential: {} as never }));
    expect(issues).toContain('invalid@referential.jobs');
  });
});

describe('parse*, validateBatch', () => {
  it('parse*(record, { referential: {} }): was TypeError, now PasserelleInputError("options")', () => {
    for (const parse of [parseCandidate, parseVacancy, parseTrainingSession] as ((r: unknown, o?: unknown) => unknown)[]) {
      const issues = issuesOf(() => parse({}, { referential: {} }));
      expect(issues).toContain('invalid@referential.version');
    }
  });
  it('parse options with a throwing getter or Proxy trap: unreadable naming `referential`', () => {
    expect(issuesOf(() => parseCandidate(c, throwingGetter('referential') as never))).toEqual(['unreadable@referential']);
    expect(issuesOf(() => parseVacancy(v, trapsThrow({}) as never))).toEqual(['unreadable@']);
  });
  it("validateBatch('boss', []): was TypeError, now PasserelleInputError on `kind`", () => {
    expect(issuesOf(() => validateBatch('boss' as never, []))).toEqual(['invalid_value@kind']);
  });
  it("validateBatch accepts 'training-session' (MODEL.md) as well as 'trainingSession'", () => {
    const s = session({ id: 's1', certification: 'DEAS' });
    expect(validateBatch('training-session', [s]).valid).toHaveLength(1);
    expect(validateBatch('trainingSession', [s]).valid).toHaveLength(1);
  });
  it('validateBatch options with a throwing getter: unreadable, not the caller’s error', () => {
    expect(issuesOf(() => validateBatch('candidate', [c], throwingGetter('referential') as never))).toEqual(['unreadable@referential']);
  });
  it('a batch of length 2³²−1 or a sparse one is rejected as a whole, at once', () => {
    const huge: unknown[] = [];
    huge.length = 2 ** 32 - 1;
    expect(validateBatch('candidate', huge).rejected).toMatchObject([{ index: -1, issues: [{ code: 'too_big' }] }]);
    const sparse: unknown[] = [];
    sparse[INPUT_LIMITS.batchLength - 1] = c;
    expect(validateBatch('candidate', sparse).rejected).toMatchObject([{ index: -1, issues: [{ code: 'invalid_type' }] }]);
  });
  it('a Proxy inside a record: was kept by reference (engine.score threw later), now copied by zod’s path', () => {
    const qualifications = new Proxy([{ code: 'DEAES' }], { has: boom });
    const parsed = parseCandidate({ ...c, qualifications });
    expect(parsed.qualifications === qualifications).toBe(false);
    expect(parsed.qualifications).toEqual([{ code: 'DEAES' }]);
    expect(() => createEngine({ today: TODAY }).score(parsed, v)).not.toThrow();
  });
  it('a Proxy record whose traps throw: unreadable, from parse* too', () => {
    expect(issuesOf(() => parseCandidate(trapsThrow({ ...c })))).toEqual(['unreadable@']);
  });
});

describe('indexes', () => {
  const engine = createEngine({ today: TODAY });
  const { index } = engine.indexCandidates([c]);
  it('index.get(null) / index.remove(null): was TypeError reading `length`, now PasserelleInputError on `id`', () => {
    expect(issuesOf(() => index.get(null as never))).toEqual(['invalid_type@id']);
    expect(issuesOf(() => index.remove(null as never))).toEqual(['invalid_type@id']);
    expect(index.get('c1')).toBe(index.records[0]);
  });
  it('indexCandidates(new Proxy([...], traps that throw)): was the caller’s error, now one rejection', () => {
    const r = engine.indexCandidates(trapsThrow([c]));
    expect(r.rejected).toMatchObject([{ index: -1, issues: [{ code: 'unreadable' }] }]);
    const readable = engine.indexCandidates(new Proxy([c], {}));
    expect(readable.index.size).toBe(1);
  });
  it('index.add / update of a hostile record: PasserelleInputError', () => {
    expect(issuesOf(() => index.add(trapsThrow({})))).toEqual(['unreadable@']);
    expect(issuesOf(() => index.update(null))).toEqual(['not_an_object@']);
  });
});

describe('engine calls', () => {
  const engine = createEngine({ today: TODAY });
  const { index: candidates } = engine.indexCandidates([c]);
  const { index: vacancies } = engine.indexVacancies([v]);
  it('topCandidates / topVacancies options with a throwing getter: unreadable naming the field', () => {
    expect(issuesOf(() => engine.topCandidates(v, candidates, throwingGetter('limit') as never))).toEqual(['unreadable@limit']);
    expect(issuesOf(() => engine.topVacancies(c, vacancies, trapsThrow({}) as never))).toEqual(['unreadable@']);
  });
  it('options are read once: a getter runs one time', () => {
    let reads = 0;
    const opts = Object.defineProperty({}, 'limit', { enumerable: true, get: () => { reads++; return 5; } });
    engine.topCandidates(v, candidates, opts);
    expect(reads).toBe(1);
  });
  it('every call reads each option once: a getter runs one time', async () => {
    const counted = (fields: Record<string, unknown>) => {
      const reads: Record<string, number> = {};
      const o = {};
      for (const [k, x] of Object.entries(fields)) {
        reads[k] = 0;
        Object.defineProperty(o, k, { enumerable: true, get: () => { reads[k]++; return x; } });
      }
      return { o, reads };
    };
    const s = session({ id: 's1', certification: 'DEAS' });
    const calls: [Record<string, unknown>, (o: never) => unknown][] = [
      [{ today: TODAY, weights: { commute: 5 }, audience: 'employer' }, (o) => createEngine(o)],
      [{ referential: defaultReferential }, (o) => parseCandidate(c, o)],
      [{ referential: defaultReferential }, (o) => validateBatch('vacancy', [v], o)],
      [{ limit: 3, nearMisses: 1, audience: 'advisor' }, (o) => engine.topVacancies(c, vacancies, o)],
      [{ audience: 'employer' }, (o) => engine.score(c, v, o)],
      [{ target: 'J1501', sessions: [s], vacancies, limit: 2 }, (o) => engine.recommendPathways(c, o)],
      [{ perVacancy: 2, perCandidate: 1, blockerCounts: false }, (o) => engine.matchAll(candidates, vacancies, o)],
    ];
    for (const [fields, call] of calls) {
      const { o, reads } = counted(fields);
      await call(o as never);
      expect(reads).toEqual(Object.fromEntries(Object.keys(fields).map((k) => [k, 1])));
    }
  });
  it('matchAll options with a throwing getter: rejects with unreadable', async () => {
    await expect(engine.matchAll(candidates, vacancies, throwingGetter('perVacancy') as never)).rejects.toBeInstanceOf(PasserelleInputError);
    // A Proxy array of records is a batch: read safely, its unreadable length rejected as a whole.
    const batch = await engine.matchAll(trapsThrow([]) as never, vacancies);
    expect(batch.rejected.candidates).toMatchObject([{ index: -1, issues: [{ code: 'unreadable' }] }]);
  });
  it('batch.explain on an unknown pair: was RangeError, now PasserelleInputError naming the id', async () => {
    const batch = await engine.matchAll(candidates, vacancies);
    expect(issuesOf(() => batch.explain('nobody', 'v1'))).toEqual(['unknown_id@candidateId']);
    expect(issuesOf(() => batch.explain('c1', 'nowhere'))).toEqual(['unknown_id@vacancyId']);
    expect(issuesOf(() => batch.explain(null as never, 'v1'))).toEqual(['invalid_type@candidateId']);
    expect(batch.explain('c1', 'v1').score).toBeGreaterThanOrEqual(0);
  });
  it('an index built against another referential is refused, not read with the wrong code numbering', async () => {
    const other = createEngine({ today: TODAY, referential: extendReferential(defaultReferential, {}) });
    const { index: theirs } = other.indexVacancies([v]);
    expect(issuesOf(() => engine.topVacancies(c, theirs))).toEqual(['invalid_type@vacancies']);
    expect(issuesOf(() => engine.recommendPathways(c, { vacancies: theirs }))).toEqual(['invalid_type@vacancies']);
    await expect(engine.matchAll(candidates, theirs)).rejects.toBeInstanceOf(PasserelleInputError);
    // Same referential, another engine (other weights, another day): its indexes are taken.
    expect(() => createEngine({ today: '2026-12-01', weights: { commute: 5 } }).topVacancies(c, vacancies)).not.toThrow();
  });
  it('recommendPathways options: a Proxy sessions array is copied, a throwing one names `sessions`', () => {
    const s = session({ id: 's1', certification: 'DEAS' });
    expect(() => engine.recommendPathways(c, { sessions: new Proxy([s], {}) })).not.toThrow();
    expect(issuesOf(() => engine.recommendPathways(c, { sessions: trapsThrow([s]) }))).toEqual(['unreadable@sessions']);
  });
});

describe('extendReferential', () => {
  it('extendReferential(null, {}): was TypeError, now ReferentialError on `base`', () => {
    expect(issuesOf(() => extendReferential(null as never, {}), ReferentialError)[0]).toMatch(/@base/);
  });
  it('an entry null, a bridge `to` Symbol, a code object: ReferentialError naming the entry', () => {
    expect(issuesOf(() => extendReferential(defaultReferential, { certifications: [null as never] }), ReferentialError))
      .toEqual(['invalid_shape@extension.certifications[0]']);
    const bridge = { ...defaultReferential.bridges[0], to: Symbol('x') as never };
    expect(issuesOf(() => extendReferential(defaultReferential, { bridges: [bridge] }), ReferentialError))
      .toEqual(['invalid_shape@extension.bridges[0].to']);
    expect(issuesOf(() => extendReferential(defaultReferential, { skills: [{ code: {} as never }] }), ReferentialError))
      .toEqual(['invalid_shape@extension.skills[0].code']);
  });
  it('sparse aliases with an element at 999 999, a code array of length 2³²−1: rejected at once', () => {
    const aliases: string[] = [];
    aliases[999_999] = 'x';
    const cert = { ...defaultReferential.certifications[0], code: 'LOCAL', aliases };
    expect(issuesOf(() => extendReferential(defaultReferential, { certifications: [cert] }), ReferentialError))
      .toEqual(['invalid_shape@extension.certifications[0].aliases']);
    const codes: string[] = [];
    codes.length = 2 ** 32 - 1;
    const job = { ...defaultReferential.jobs[0], legalCertifications: codes };
    expect(issuesOf(() => extendReferential(defaultReferential, { jobs: [job] }), ReferentialError))
      .toEqual(['invalid_shape@extension.jobs[0].legalCertifications']);
  });
  it('a throwing getter or Proxy in the extension: ReferentialError, not the caller’s error', () => {
    expect(issuesOf(() => extendReferential(defaultReferential, throwingGetter('skills')), ReferentialError))
      .toEqual(['invalid_shape@extension.skills']);
    expect(issuesOf(() => extendReferential(defaultReferential, { skills: trapsThrow([]) }), ReferentialError))
      .toEqual(['invalid_shape@extension.skills']);
  });
  it('the result is trusted: a second use does not copy it again', () => {
    const ref = extendReferential(defaultReferential, {});
    expect(createEngine({ referential: ref }).options.referential).toBe(ref);
    expect(compileReferential(ref)).toBe(compileReferential(ref));
  });
  it('checkReferentialIntegrity / compileReferential of a non-referential: ReferentialError', () => {
    expect(() => checkReferentialIntegrity(42 as never)).toThrow(ReferentialError);
    expect(() => compileReferential({} as never)).toThrow(ReferentialError);
    expect(checkReferentialIntegrity(defaultReferential)).toEqual([]);
  });
});

describe('free text, geo, labels, formatIssues, recommendPathways', () => {
  it('normalizeTitle of an argument whose toString throws: was the caller’s error, now PasserelleInputError on `text`', () => {
    expect(issuesOf(() => normalizeTitle({ toString: boom } as never))).toEqual(['invalid_type@text']);
    expect(issuesOf(() => createResolver().resolveJobTitle('aide soignante', throwingGetter('sectorContext') as never)))
      .toEqual(['unreadable@sectorContext']);
    expect(issuesOf(() => createResolver(defaultReferential, { cacheSize: -1 }))).toEqual(['invalid_type@cacheSize']);
  });
  it('geo and label helpers name the argument', () => {
    expect(issuesOf(() => distanceKm(1n as never, 0, 0, 0))).toEqual(['invalid_type@lat1']);
    expect(issuesOf(() => bestCommute(3, ['teleport' as never]))).toEqual(['invalid_value@modes[0]']);
    expect(issuesOf(() => counterfactualLabel(Symbol('x') as never))).toEqual(['invalid_type@changeCode']);
    expect(counterfactualLabel('constructor')).toBe('constructor');
  });
  it('formatIssues checks its arguments', () => {
    expect(issuesOf(() => formatIssues('boss' as never, []))).toEqual(['invalid_value@kind']);
    expect(issuesOf(() => formatIssues('candidate', trapsThrow([]) as never))).toEqual(['unreadable@issues']);
  });
  it('recommendPathways (the pure one) checks candidate, options and deps', () => {
    expect(issuesOf(() => recommendPathways(c, { today: TODAY }, {} as never))).toEqual(['required@deps.referential']);
    expect(issuesOf(() => recommendPathways(c, { today: TODAY }, throwingGetter('referential') as never))).toEqual(['unreadable@deps.referential']);
    expect(issuesOf(() => recommendPathways({} as never, { today: TODAY }, { referential: defaultReferential }))).toContain('required@home');
    expect(issuesOf(() => recommendPathways(c, { today: 'x' }, { referential: defaultReferential }))).toEqual(['invalid_date@today']);
    expect(Array.isArray(recommendPathways(c, { target: 'J1501', today: TODAY }, { referential: defaultReferential }))).toBe(true);
  });
});
