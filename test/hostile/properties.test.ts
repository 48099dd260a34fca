/**
 * Every public function, attacked in every argument position: random JSON and JS values, Proxies
 * whose traps throw, throwing getters, sparse and huge arrays, Symbols, BigInts, cyclic objects.
 * Each call either returns or throws the documented error class (PasserelleInputError, or
 * ReferentialError for a referential), within a watchdog bound per call (not a speed assertion:
 * a generous bound that only a hang or a walk of 2³² holes would pass).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import { PasserelleInputError, ReferentialError, defaultReferential } from '../../src/index.js';
import { candidate, session, vacancy, TODAY } from '../pathways/fixtures.js';

/** Watchdog per call, in ms: generous for a loaded 2-core machine. */
const WATCHDOG_MS = 5_000;
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

/** The call returned, or threw one of the documented classes, within the watchdog. */
function documented(call: () => unknown): void {
  const t0 = performance.now();
  try {
    call();
  } catch (e) {
    if (!(e instanceof PasserelleInputError || e instanceof ReferentialError)) throw e;
    expect(e.issues.length).toBeGreaterThan(0);
  }
  expect(performance.now() - t0).toBeLessThan(WATCHDOG_MS);
}

async function documentedAsync(call: () => Promise<unknown>): Promise<void> {
  const t0 = performance.now();
  try {
    await call();
  } catch (e) {
    if (!(e instanceof PasserelleInputError || e instanceof ReferentialError)) throw e;
  }
  expect(performance.now() - t0).toBeLessThan(WATCHDOG_MS);
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

describe('every public function: a result or the documented error, within the watchdog', () => {
  for (const [name, fn, good] of publicCalls()) {
    it(name, () => {
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
