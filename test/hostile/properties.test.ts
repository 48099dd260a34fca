/**
 * Every public function, attacked in every argument position: random JSON and JS values, Proxies
 * whose traps throw, throwing getters, sparse and huge arrays, Symbols, BigInts, cyclic objects.
 * Each call either returns or throws the documented error class (PasserelleInputError, or
 * ReferentialError for a referential). A hang, or a walk of 2³² holes, fails by the test timeout
 * (vitest.config.ts): no clock is read here, speed is measured in bench/.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as api from '../../src/index.js';
import { PasserelleInputError, ReferentialError, defaultReferential } from '../../src/index.js';
import { candidate, session, vacancy, TODAY } from '../pathways/fixtures.js';

const RUNS = { numRuns: 200 };
const FEW = { numRuns: 30 };

class Hostile extends Error {}
const boom = (): never => {
  throw new Hostile('hostile');
};

/**
 * Values no JSON holds. fast-check reads the values it generates (to clone and print them), so a
 * plan is generated instead and the hostile value built from it inside the property.
 */
function specials(): unknown[] {
  const cyclic: Record<string, unknown> = { a: 1 };
  cyclic.self = cyclic;
  const cyclicArray: unknown[] = [];
  cyclicArray.push(cyclicArray);
  const huge: unknown[] = [];
  huge.length = 2 ** 32 - 1;
  const sparse: unknown[] = [];
  sparse[999_999] = 'x';
  const traps = { get: boom, has: boom, ownKeys: boom, getOwnPropertyDescriptor: boom, getPrototypeOf: boom, apply: boom };
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const revokedArray = Proxy.revocable([], {});
  revokedArray.revoke();
  const getters = ['id', 'referential', 'limit', 'today', 'weights', 'jobs', 'code', 'home', 'sessions', 'count', 'length', 'version']
    .map((k) => Object.defineProperty({}, k, { enumerable: true, get: boom }));
  return [
    Symbol('s'), 10n, -0, NaN, Infinity, -Infinity, '', 'x'.repeat(10_000),
    new Proxy({}, traps), new Proxy([], traps), new Proxy([candidate()], traps), revoked.proxy, revokedArray.proxy,
    new Proxy([candidate()], {}), new Proxy({ limit: 3 }, {}), new Proxy({ ...candidate(), qualifications: new Proxy([], traps) }, {}),
    { toString: boom, valueOf: boom }, cyclic, cyclicArray, huge, sparse, Object.create(null),
    new Date(0), new Map([[1, 2]]), new Uint8Array(4), [1, , 3], ...getters,
  ];
}
const SPECIAL_COUNT = specials().length;

const OPTION_KEYS = [
  'referential', 'weights', 'positiveAction', 'today', 'audience', 'limit', 'nearMisses', 'perVacancy', 'perCandidate',
  'workers', 'onProgress', 'signal', 'blockerCounts', 'target', 'sessions', 'vacancies', 'cacheSize', 'minConfidence',
  'sectorContext', 'version', 'jobs', 'certifications', 'bridges', 'skills', 'eligibleVacancies', 'unlocks', 'count',
];
const CANDIDATE_KEYS = Object.keys(candidate());
const VACANCY_KEYS = Object.keys(vacancy());

type Leaf = { any: unknown } | { special: number };
type Plan = Leaf | { options: [string, Leaf][] } | { candidate: [string, Leaf] } | { vacancy: [string, Leaf] } | { array: Leaf[] };

const leaf: fc.Arbitrary<Leaf> = fc.oneof(
  fc.anything({
    maxDepth: 2, withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true,
    withSparseArray: true, withTypedArray: true, withBoxedValues: true,
  }).map((any) => ({ any })),
  fc.jsonValue({ maxDepth: 2 }).map((any) => ({ any })),
  { arbitrary: fc.nat({ max: SPECIAL_COUNT - 1 }).map((special) => ({ special })), weight: 3 },
);

/** A hostile value's plan: anything, an option-shaped object of hostile fields, a valid record with one hostile field. */
const plan: fc.Arbitrary<Plan> = fc.oneof(
  leaf,
  fc.array(fc.tuple(fc.constantFrom(...OPTION_KEYS), leaf), { maxLength: 3 }).map((options) => ({ options })),
  fc.tuple(fc.constantFrom(...CANDIDATE_KEYS), leaf).map((candidate) => ({ candidate })),
  fc.tuple(fc.constantFrom(...VACANCY_KEYS), leaf).map((vacancy) => ({ vacancy })),
  fc.array(leaf, { maxLength: 3 }).map((array) => ({ array })),
);

function build(p: Plan): unknown {
  if ('any' in p) return p.any;
  if ('special' in p) return specials()[p.special];
  if ('options' in p) return Object.fromEntries(p.options.map(([k, l]) => [k, build(l)]));
  if ('candidate' in p) return { ...candidate(), [p.candidate[0]]: build(p.candidate[1]) };
  if ('vacancy' in p) return { ...vacancy(), [p.vacancy[0]]: build(p.vacancy[1]) };
  return p.array.map(build);
}

/** A position: the good value (its index in `goods`), or a hostile plan. */
type Arg = { good: true } | { plan: Plan };
const arg: fc.Arbitrary<Arg> = fc.oneof({ arbitrary: fc.constant({ good: true as const }), weight: 1 }, { arbitrary: plan.map((p) => ({ plan: p })), weight: 3 });
const args = (n: number) => fc.array(arg, { minLength: n + 1, maxLength: n + 1 });
const realize = (goods: unknown[], as: Arg[]): unknown[] => as.map((a, i) => ('good' in a ? goods[i] : build(a.plan)));

/**
 * A position of a territory function: as `Arg`, or its good value with one field (an element, a
 * batch member) replaced by a hostile value, a function returning one, or a function that throws.
 * A batch is mimicked by a plain object holding its members.
 */
type Tweak = { key: number; leaf: Leaf; as: 'value' | 'returns' | 'throws' };
const tweaked: fc.Arbitrary<Arg | { tweak: Tweak }> = fc.oneof(
  { arbitrary: arg, weight: 2 },
  {
    arbitrary: fc.record({ key: fc.nat(), leaf, as: fc.constantFrom('value' as const, 'returns' as const, 'throws' as const) }).map((tweak) => ({ tweak })),
    weight: 3,
  },
);
const tweakedArgs = (n: number) => fc.array(tweaked, { minLength: n + 1, maxLength: n + 1 });

function tweak(good: unknown, t: Tweak): unknown {
  const value = t.as === 'value' ? build(t.leaf) : t.as === 'returns' ? () => build(t.leaf) : boom;
  if (Array.isArray(good)) return good.length === 0 ? [value] : good.map((x, i) => (i === t.key % good.length ? value : x));
  if (typeof good !== 'object' || good === null) return value;
  const copy: Record<string, unknown> = {};
  for (const k in good) {
    const member = (good as Record<string, unknown>)[k];
    copy[k] = typeof member === 'function' ? member.bind(good) : member;
  }
  const keys = Object.keys(copy);
  copy[keys[t.key % keys.length]] = value;
  return copy;
}

const realizeTweaked = (goods: unknown[], as: (Arg | { tweak: Tweak })[]): unknown[] =>
  as.map((a, i) => ('good' in a ? goods[i] : 'plan' in a ? build(a.plan) : tweak(goods[i], a.tweak)));

/** The call returned, or threw one of the documented classes. */
function documented(call: () => unknown): void {
  try {
    call();
  } catch (e) {
    if (!(e instanceof PasserelleInputError || e instanceof ReferentialError)) throw e;
    expect(e.issues.length).toBeGreaterThan(0);
  }
}

async function documentedAsync(call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
  } catch (e) {
    if (!(e instanceof PasserelleInputError || e instanceof ReferentialError)) throw e;
  }
}

type Fn = (...args: unknown[]) => unknown;
/** Each public function with one good value per position. */
function publicCalls(): [string, Fn, unknown[]][] {
  const c = candidate();
  const v = vacancy();
  const s = session({ id: 's1', certification: 'DEAS' });
  const engine = api.createEngine({ today: TODAY });
  const { index: candidates } = engine.indexCandidates([c]);
  const { index: vacancies } = engine.indexVacancies([v]);
  const resolver = api.createResolver();
  const dated: api.CandidateCategory[] = ['QPV', { code: 'RSA', since: '2025-01-01', provenOn: '2024-01-01' }];
  const outcome = { candidateId: 'c1', vacancyId: 'v1', criteria: Object.fromEntries(api.CRITERION_CODES.map((k) => [k, 0.5])), hired: true };
  const event = { candidateId: 'c1', date: '2026-01-05', kind: 'hire', rome: 'J1501', categories: ['RSA'] };
  const ranking = [{ candidateId: 'c1', categories: ['RSA'], score: 80 }, { candidateId: 'c2', score: 90 }];
  const fns = api as unknown as Record<string, Fn>;
  const free: [string, unknown[]][] = [
    ['parseCandidate', [c, {}]], ['parseVacancy', [v, {}]], ['parseTrainingSession', [s, {}]],
    ['validateBatch', ['candidate', [c], {}]], ['jsonSchemas', []], ['formatIssues', ['candidate', [], 'c1']],
    ['extendReferential', [defaultReferential, {}]], ['checkReferentialIntegrity', [defaultReferential]],
    ['compileReferential', [defaultReferential]], ['createResolver', [defaultReferential, {}]],
    ['resolveJobTitle', ['aide-soignante de nuit', {}]], ['resolveCertification', ['DE AES']], ['normalizeTitle', ['AES en MAS']],
    ['normalizeWeights', [{ commute: 10 }]], ['distanceKm', [48, 0, 49, 1]], ['haversineKm', [48, 0, 49, 1]],
    ['bestCommute', [12, ['car']]], ['reachKm', [30, ['bike']]], ['homeCareKm', [10, 5]],
    ['counterfactualLabel', ['contract:CDD', undefined]], ['formatGain', ['avec le permis B', 3]],
    ['recommendPathways', [c, { target: 'J1501', today: TODAY }, { referential: defaultReferential }]],
    ['createEngine', [{ today: TODAY }]], ['romeFiches', []], ['romeAppellations', []],
    ['rome4Fiches', []], ['rome4Appellations', []], ['communePosition', ['61001']],
    // French formatters, category helpers, proofs (issue 11) and the audit's pure functions (issue 15).
    ['formatNumber', [2.5, 1]], ['formatFixed', [1, 2]], ['formatEuros', [18480]], ['formatPercent', [0.432]], ['formatDate', ['2026-01-05']],
    ['formatDays', [3]], ['formatMonths', [6]], ['formatHours', [35]], ['formatKm', [12.3]], ['formatMinutes', [95]], ['plural', [2, 'jour', 'jours']],
    ['boundedArray', [api.Id, 3]], ['categoryCode', ['RSA']], ['hasDatedCategories', [dated]], ['categoryCodes', [dated]],
    ['inForce', [dated[1], TODAY]], ['categoriesInForce', [dated, TODAY]], ['candidateAt', [{ ...c, categories: dated }, TODAY]],
    ['staleCategoryProofs', [{ ...c, categories: dated }, TODAY, defaultReferential]],
    ['calibrateWeights', [[outcome, { ...outcome, candidateId: 'c2', hired: false }], { l2: 1 }]],
    ['platformIndicators', [[event], { from: '2025-01-01', to: '2026-12-31' }]],
    ['indicatorsCsv', [api.platformIndicators([event], { from: '2025-01-01', to: '2026-12-31' }).groups]],
    ['prioritize', [ranking, { minShare: 0.5, priority: ['RSA'] }]],
    ['checkCallOrder', [ranking, api.prioritize(ranking, { minShare: 0.5, priority: ['RSA'] }).order, { minShare: 0.5, priority: ['RSA'] }]],
  ];
  const calls: [string, Fn, unknown[]][] = free.map(([name, good]) => [name, fns[name], good]);
  const methods: [string, Fn, unknown[]][] = [
    ['engine.score', engine.score as Fn, [c, v, {}]],
    ['engine.topCandidates', engine.topCandidates as Fn, [v, candidates, { limit: 3 }]],
    ['engine.topVacancies', engine.topVacancies as Fn, [c, vacancies, { nearMisses: 1 }]],
    ['engine.counterfactuals', engine.counterfactuals as Fn, [c, vacancies]],
    ['engine.recommendPathways', engine.recommendPathways as Fn, [c, { target: 'J1501', sessions: [s], vacancies }]],
    ['engine.indexCandidates', engine.indexCandidates as Fn, [[c]]],
    ['engine.indexVacancies', engine.indexVacancies as Fn, [[v]]],
    ['resolver.resolveJobTitle', resolver.resolveJobTitle as Fn, ['agent de service hospitalier', {}]],
    ['resolver.resolveCertification', resolver.resolveCertification as Fn, ['titre pro ADVF']],
    ['candidates.add', candidates.add.bind(candidates) as Fn, [{ ...c, id: 'c2' }]],
    ['candidates.update', candidates.update.bind(candidates) as Fn, [c]],
    ['candidates.get', candidates.get.bind(candidates) as Fn, ['c1']],
    ['candidates.remove', candidates.remove.bind(candidates) as Fn, ['nobody']],
    ['vacancies.add', vacancies.add.bind(vacancies) as Fn, [{ ...v, id: 'v2' }]],
    ['vacancies.get', vacancies.get.bind(vacancies) as Fn, ['v1']],
  ];
  return [...calls, ...methods];
}

/** Attacked with a real batch (async, or reading one): the territory functions and the batch's methods. */
const TERRITORY = ['allocate', 'spreadRecommendations', 'scheduleJobDating', 'auditFairness', 'renderReport'];
const BATCH_METHODS = ['batch.candidateIds', 'batch.vacancyIds', 'batch.vacancy', 'batch.candidate', 'batch.evaluate'];

/** Function exports not attacked, each with its reason. */
const NOT_ATTACKED: Record<string, string> = {
  PasserelleInputError: 'the error class passerelle throws: constructed by passerelle, not an entry point for input',
  ReferentialError: 'the error class passerelle throws for a referential: constructed by passerelle, not an entry point for input',
};

describe('every function export of src/index.ts is attacked', () => {
  it('each is covered by this suite, or excluded with a reason; object exports hold no function but zod schemas', () => {
    const covered = new Set([...publicCalls().map(([name]) => name), ...TERRITORY]);
    for (const [name, value] of Object.entries(api)) {
      if (typeof value === 'function') {
        expect(covered.has(name) || name in NOT_ATTACKED, `${name} is exported but not attacked`).toBe(true);
      } else if (typeof value === 'object' && value !== null && !(value instanceof z.ZodType)) {
        // A zod schema is zod's API (`parse` throws ZodError by design); the entry points that validate with it are attacked.
        const callable = Object.entries(value).filter(([, x]) => typeof x === 'function').map(([k]) => `${name}.${k}`);
        expect(callable).toEqual([]);
      }
    }
  });
});

describe('every public function: a result or the documented error', () => {
  for (const [name, fn, good] of publicCalls()) {
    it(name, () => {
      fn(...good); // the good values are accepted: an attack on a call that always refuses proves nothing
      const runs = name.includes('ecommend') || name.startsWith('engine.') || name === 'createEngine' ? FEW : RUNS;
      // One more position than the function takes: a public function ignores what it does not take.
      fc.assert(fc.property(args(good.length), (as) => {
        const values = realize(good, as);
        documented(() => fn(...values));
      }), runs);
    });
  }

  it('engine.matchAll and the batch result', async () => {
    const c = candidate();
    const v = vacancy();
    const engine = api.createEngine({ today: TODAY });
    const batch = await engine.matchAll([c], [v]);
    await fc.assert(fc.asyncProperty(args(3), async (as) => {
      const [cs, vs, o] = realize([[c], [v], { perVacancy: 2 }], as);
      await documentedAsync(() => engine.matchAll(cs as unknown[], vs as unknown[], o as api.MatchAllOptions));
    }), FEW);
    fc.assert(fc.property(args(3), (as) => {
      const [ci, vi, o] = realize(['c1', 'v1', { audience: 'employer' }], as);
      documented(() => batch.explain(ci as string, vi as string, o as never));
      documented(() => batch.shortlist(vi as string));
      documented(() => batch.bestFor(ci as string));
      documented(() => batch.candidate(ci as string));
    }), RUNS);
  });

  it('the territory functions: a real batch, hostile values, objects mimicking a batch or a result', async () => {
    const c = candidate();
    const v = vacancy();
    const c2 = candidate({ id: 'c2', categories: ['RSA'] });
    const engine = api.createEngine({ today: TODAY });
    const batch = await engine.matchAll([c, c2], [v], { perVacancy: 5, perCandidate: 3 });
    const allocation = await api.allocate(batch, { method: 'optimal' });
    const event = {
      id: 'jd1', date: TODAY, slots: [{ id: 's1', start: '09:00', end: '09:30' }, { id: 's2', start: '09:30', end: '10:00' }],
      employers: [{ id: 'e1', vacancyIds: ['v1'], tables: 1 }], candidates: [{ id: 'c1' }, { id: 'c2', slotIds: ['s2'] }],
    };
    const calls: [string, (...a: unknown[]) => unknown, unknown[]][] = [
      ['allocate', api.allocate as Fn, [batch, { method: 'stable', preferences: { c1: ['v1'] } }]],
      ['spreadRecommendations', api.spreadRecommendations as Fn, [batch, { perCandidate: 2 }]],
      ['scheduleJobDating', api.scheduleJobDating as Fn, [event, batch, { method: 'heuristic', timeLimitSeconds: 2 }]],
      ['auditFairness', api.auditFairness as Fn, [batch, [c, c2], {}]],
      ['auditFairness', api.auditFairness as Fn, [allocation, [c, c2], { batch, vacancies: [v] }]],
      ['batch.candidateIds', batch.candidateIds as Fn, []],
      ['batch.vacancyIds', batch.vacancyIds as Fn, []],
      ['batch.vacancy', batch.vacancy as Fn, ['v1']],
      ['batch.candidate', batch.candidate as Fn, ['c1']],
      ['batch.evaluate', batch.evaluate as Fn, ['c1', 'v1']],
      ['renderReport', api.renderReport as Fn, [{ batch, allocation, title: 'Essai' }]],
    ];
    expect(new Set(calls.map(([name]) => name))).toEqual(new Set([...TERRITORY, ...BATCH_METHODS]));
    for (const [, fn, good] of calls) {
      // The good values are accepted: an attack on a call that always refuses proves nothing.
      await fn(...good);
      await fc.assert(fc.asyncProperty(tweakedArgs(good.length), async (as) => {
        const values = realizeTweaked(good, as);
        await documentedAsync(async () => fn(...values));
      }), FEW);
    }
  });

  it('no error message quotes a free-text value of a record', () => {
    const secret = 'texte libre secret';
    const withText = fc.oneof(
      fc.tuple(fc.constantFrom(...CANDIDATE_KEYS), leaf).map(([k, x]) => ({ kind: 'candidate' as const, k, x })),
      fc.tuple(fc.constantFrom(...VACANCY_KEYS), leaf).map(([k, x]) => ({ kind: 'vacancy' as const, k, x })),
    );
    fc.assert(fc.property(withText, ({ kind, k, x }) => {
      const record = kind === 'candidate'
        ? { ...candidate(), home: { lat: 48, lon: 0, label: secret }, [k]: build(x) }
        : { ...vacancy(), job: { rome: 'K1302', title: secret }, [k]: build(x) };
      for (const parse of [api.parseCandidate, api.parseVacancy]) {
        try {
          parse(record);
        } catch (e) {
          expect(e).toBeInstanceOf(PasserelleInputError);
          expect((e as Error).message).not.toContain(secret);
        }
      }
    }), RUNS);
  });
});
