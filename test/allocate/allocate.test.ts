/**
 * allocate: the optimum against brute force (one post, several posts) and against an LP solved
 * by HiGHS; deferred acceptance stable and candidate-optimal against the enumeration of every
 * stable matching; every record accounted for with its reason; validation; determinism.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import loadHighs from 'highs';
import { allocate, type Allocation } from '../../src/allocate/allocate.js';
import { fromPairs } from '../../src/allocate/graph.js';
import { maxWeightBMatching, scaledScore } from '../../src/allocate/min-cost-flow.js';
import { lagrangianBound, multiPostOptimal } from '../../src/allocate/milp.js';
import { eligibleGraph } from '../../src/allocate/graph.js';
import { PasserelleInputError } from '../../src/errors.js';
import {
  bestObjective, blockingPairs, feasibleSets, instance, multiPost, objective, preferenceRank, scoreOf, singlePost,
  openMarket, vacancyPrefers, type Instance,
} from './oracles.js';

const chosen = (a: Allocation) => a.assignments.map(({ candidateId, vacancyId }) => ({ candidateId, vacancyId }));

/** Random wishes: for some candidates, a few of the batch's vacancies (eligible or not) in random order. */
const withPreferences = (inst: fc.Arbitrary<Instance>) =>
  inst.chain((i) =>
    fc.record({
      inst: fc.constant(i),
      preferences: fc.dictionary(
        fc.constantFrom(...i.candidates.map((c) => c.id)),
        fc.shuffledSubarray(i.vacancies.map((v) => v.id)),
        { maxKeys: i.candidates.length },
      ),
    }),
  );

function checkAccounting(inst: Instance, a: Allocation, maxPerCandidate: number): void {
  const assigned = new Map<string, number>();
  const filled = new Map<string, number>();
  const score = scoreOf(inst);
  for (const x of a.assignments) {
    expect(score(x.candidateId, x.vacancyId)).toBe(x.score);
    assigned.set(x.candidateId, (assigned.get(x.candidateId) ?? 0) + 1);
    filled.set(x.vacancyId, (filled.get(x.vacancyId) ?? 0) + 1);
    expect(x.explanation).toMatch(/^Affecté·e à /);
  }
  const unassigned = new Map(a.unassignedCandidates.map((u) => [u.id, u]));
  for (const c of inst.candidates) {
    const n = assigned.get(c.id) ?? 0;
    expect(n).toBeLessThanOrEqual(maxPerCandidate);
    // Assigned, or listed once with its reason.
    expect(n > 0).toBe(!unassigned.has(c.id));
    const degree = inst.pairs.filter((p) => p.candidateId === c.id).length;
    if (n === 0) expect(unassigned.get(c.id)!.reason).toBe(degree === 0 ? 'no_eligible_vacancy' : 'outcompeted');
  }
  const unfilled = new Map(a.unfilledVacancies.map((u) => [u.id, u]));
  for (const v of inst.vacancies) {
    const n = filled.get(v.id) ?? 0;
    expect(n).toBeLessThanOrEqual(v.openings);
    const open = v.openings - n;
    expect(unfilled.get(v.id)?.open ?? 0).toBe(open);
    const degree = inst.pairs.filter((p) => p.vacancyId === v.id).length;
    if (open > 0) expect(unfilled.get(v.id)!.reason).toBe(degree === 0 ? 'no_candidate' : 'not_chosen');
  }
  expect(a.total).toBeCloseTo(a.assignments.reduce((s, x) => s + x.score, 0), 9);
}

describe('allocate optimal', () => {
  it('reaches the brute-force optimum (total score, then assignments) on tiny instances, every record accounted for', async () => {
    await fc.assert(
      fc.asyncProperty(instance(5, 4), async (inst) => {
        const a = await allocate(fromPairs(inst), { method: 'optimal' });
        checkAccounting(inst, a, 1);
        expect(objective(inst, chosen(a))).toEqual(bestObjective(inst, singlePost));
      }),
      { numRuns: 300 },
    );
  });

  it('multiPost: reaches the brute-force optimum, posts within weeklyHoursMax unless taken alone', async () => {
    await fc.assert(
      fc.asyncProperty(instance(4, 4, 2, 11), async (inst) => {
        const a = await allocate(fromPairs(inst), { method: 'optimal', multiPost: true });
        expect(a.proven).toBe(true);
        checkAccounting(inst, a, inst.vacancies.length);
        const hours = new Map(inst.vacancies.map((v) => [v.id, v.weeklyHours]));
        for (const c of inst.candidates) {
          const mine = a.assignments.filter((x) => x.candidateId === c.id).map((x) => ({ weeklyHours: hours.get(x.vacancyId)! }));
          expect(multiPost(c, mine)).toBe(true);
        }
        expect(objective(inst, chosen(a))[0]).toBe(bestObjective(inst, multiPost)[0]);
        // Several posts never do worse than one.
        const single = await allocate(fromPairs(inst), { method: 'optimal' });
        expect(objective(inst, chosen(a))[0]).toBeGreaterThanOrEqual(objective(inst, chosen(single))[0]);
      }),
      { numRuns: 60 },
    );
  });

  it('multiPost: the MILP alone (no shortcut) reaches the brute-force optimum; the Lagrangian bound is valid, and tight with one post each', async () => {
    await fc.assert(
      fc.asyncProperty(instance(4, 4, 2, 11), async (inst) => {
        const g = eligibleGraph(fromPairs(inst));
        const prices = new Float64Array(g.vacancyIds.length);
        const seed = maxWeightBMatching(g, new Int32Array(g.candidateIds.length).fill(1), g.openings, prices);
        for (const p of prices) expect(p).toBeGreaterThanOrEqual(0);
        const best = bestObjective(inst, multiPost)[0];
        expect(lagrangianBound(g, prices)).toBeGreaterThanOrEqual(best - 1e-6);
        // Prices so high that the bound proves nothing: the solver decides.
        const r = await multiPostOptimal(g, seed, new Float64Array(g.vacancyIds.length).fill(1e9), 60);
        expect(r.proven).toBe(true);
        const picked = [...r.held].flatMap((h, p) => (h === 1 ? [{ candidateId: g.candidateIds[g.pairCandidate[p]], vacancyId: g.vacancyIds[g.pairVacancy[p]] }] : []));
        expect(objective(inst, picked)[0]).toBe(best);
        // Nobody able to hold two posts: the flow's duals make the bound tight (below the optimum + 1).
        const onePost = { ...inst, candidates: inst.candidates.map((c) => ({ ...c, weeklyHoursMax: 0 })) };
        const g1 = eligibleGraph(fromPairs(onePost));
        const p1 = new Float64Array(g1.vacancyIds.length);
        maxWeightBMatching(g1, new Int32Array(g1.candidateIds.length).fill(1), g1.openings, p1);
        expect(lagrangianBound(g1, p1)).toBeLessThan(bestObjective(onePost, singlePost)[0] + 1);
      }),
      { numRuns: 60 },
    );
  });

  it('the Lagrangian bound holds for any prices, many posts per candidate included (fractional knapsack past 10)', () => {
    fc.assert(
      fc.property(instance(2, 12, 2, Infinity, 0.8), fc.array(fc.integer({ min: 0, max: 60_000 }), { minLength: 12, maxLength: 12 }), (inst, raw) => {
        const g = eligibleGraph(fromPairs(inst));
        const prices = Float64Array.from(g.vacancyIds, (_, v) => raw[v]);
        expect(lagrangianBound(g, prices)).toBeGreaterThanOrEqual(bestObjective(inst, multiPost)[0] - 1e-6);
      }),
      { numRuns: 40 },
    );
  });

  it('equals the LP relaxation of the assignment (HiGHS, integral here) on random medium instances', async () => {
    const highs = await loadHighs();
    await fc.assert(
      fc.asyncProperty(instance(40, 15, 3), async (inst) => {
        const a = await allocate(fromPairs(inst), { method: 'optimal' });
        const x = (k: number) => `x${k}`;
        const objectiveTerms = inst.pairs.map((p, k) => `${scaledScore(p.score)} ${x(k)}`).join(' + ');
        const rows: string[] = [];
        for (const c of inst.candidates) {
          const ks = inst.pairs.flatMap((p, k) => (p.candidateId === c.id ? [x(k)] : []));
          if (ks.length > 0) rows.push(`${ks.join(' + ')} <= 1`);
        }
        for (const v of inst.vacancies) {
          const ks = inst.pairs.flatMap((p, k) => (p.vacancyId === v.id ? [x(k)] : []));
          if (ks.length > 0) rows.push(`${ks.join(' + ')} <= ${v.openings}`);
        }
        if (inst.pairs.length === 0) return;
        const lp = `Maximize\n obj: ${objectiveTerms}\nSubject To\n${rows.map((r, i) => ` r${i}: ${r}`).join('\n')}\nBounds\n${inst.pairs.map((_, k) => ` 0 <= ${x(k)} <= 1`).join('\n')}\nEnd`;
        const r = highs.solve(lp, { output_flag: false });
        expect(r.Status).toBe('Optimal');
        expect(Math.abs(r.ObjectiveValue - objective(inst, chosen(a))[0])).toBeLessThan(0.5);
      }),
      { numRuns: 40 },
    );
  });
});

describe('allocate stable', () => {
  it('has no blocking pair and gives every candidate their best vacancy over all stable matchings (enumerated)', async () => {
    let several = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(withPreferences(instance(4, 3)), openMarket), async ({ inst, preferences }) => {
        const a = await allocate(fromPairs(inst), { method: 'stable', preferences });
        checkAccounting(inst, a, 1);
        const rank = preferenceRank(inst, preferences);
        expect(blockingPairs(inst, chosen(a), rank)).toEqual([]);
        const stable = [...feasibleSets(inst, singlePost)].filter((m) => blockingPairs(inst, m, rank).length === 0);
        if (stable.length > 1) several++;
        const mine = new Map(chosen(a).map((p) => [p.candidateId, p.vacancyId]));
        for (const m of stable) {
          for (const p of m) {
            const got = mine.get(p.candidateId);
            // Assigned in another stable matching → assigned here, to a vacancy at least as good.
            expect(got).toBeDefined();
            expect(rank(p.candidateId, got!)).toBeLessThanOrEqual(rank(p.candidateId, p.vacancyId));
          }
        }
      }),
      { numRuns: 400 },
    );
    // The property is only telling if some instances had several stable matchings.
    expect(several).toBeGreaterThan(10);
  });

  it('multiPost: no pair left where the vacancy fits the hours the candidate has left and has room or prefers them', async () => {
    await fc.assert(
      fc.asyncProperty(withPreferences(instance(6, 5, 2)), async ({ inst, preferences }) => {
        const a = await allocate(fromPairs(inst), { method: 'stable', preferences, multiPost: true });
        checkAccounting(inst, a, inst.vacancies.length);
        const hours = new Map(inst.vacancies.map((v) => [v.id, v.weeklyHours]));
        for (const c of inst.candidates) {
          const mine = a.assignments.filter((x) => x.candidateId === c.id);
          expect(multiPost(c, mine.map((x) => ({ weeklyHours: hours.get(x.vacancyId)! })))).toBe(true);
          for (const p of inst.pairs.filter((q) => q.candidateId === c.id && !mine.some((x) => x.vacancyId === q.vacancyId))) {
            const fits = multiPost(c, [...mine, p].map((x) => ({ weeklyHours: hours.get(x.vacancyId)! })));
            if (!fits) continue;
            const holders = a.assignments.filter((x) => x.vacancyId === p.vacancyId).map((x) => x.candidateId);
            const openings = inst.vacancies.find((v) => v.id === p.vacancyId)!.openings;
            expect(holders.length).toBe(openings);
            for (const h of holders) expect(vacancyPrefers(inst, p.vacancyId, c.id, h)).toBe(false);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('without preferences ranks by score, ties by id: the order of the records does not matter', async () => {
    await fc.assert(
      fc.asyncProperty(instance(6, 4), fc.boolean(), async (inst, multi) => {
        const reversed = { candidates: [...inst.candidates].reverse(), vacancies: [...inst.vacancies].reverse(), pairs: [...inst.pairs].reverse() };
        for (const method of ['stable', 'optimal'] as const) {
          const a = await allocate(fromPairs(inst), { method, multiPost: multi && method === 'stable' });
          const b = await allocate(fromPairs(reversed), { method, multiPost: multi && method === 'stable' });
          expect(b).toEqual(a);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('allocate explanations and validation', () => {
  const inst: Instance = {
    candidates: [{ id: 'a', weeklyHoursMax: 35 }, { id: 'b', weeklyHoursMax: 35 }, { id: 'c', weeklyHoursMax: 35 }, { id: 'd', weeklyHoursMax: 35 }],
    vacancies: [{ id: 'v1', openings: 1, weeklyHours: 35 }, { id: 'v2', openings: 1, weeklyHours: 35 }, { id: 'v3', openings: 2, weeklyHours: 35 }],
    pairs: [
      { candidateId: 'a', vacancyId: 'v1', score: 90 },
      { candidateId: 'a', vacancyId: 'v2', score: 80 },
      { candidateId: 'b', vacancyId: 'v1', score: 85 },
      { candidateId: 'c', vacancyId: 'v1', score: 70 },
    ],
  };

  it('says why in French, with the reason code beside', async () => {
    const a = await allocate(fromPairs(inst), { method: 'optimal' });
    expect(a.assignments).toEqual([
      { candidateId: 'a', vacancyId: 'v2', score: 80, choice: 2, explanation: expect.stringMatching(/^Affecté·e à son choix n° 2 sur 2 \(score 80\/100\) : ses offres mieux classées reviennent/) },
      { candidateId: 'b', vacancyId: 'v1', score: 85, choice: 1, explanation: expect.stringMatching(/^Affecté·e à son premier choix \(score 85\/100\)/) },
    ]);
    expect(a.unassignedCandidates).toEqual([
      { id: 'c', reason: 'outcompeted', eligible: 1, explanation: 'Aucune affectation : son offre éligible est pourvue par d’autres candidat·es, et l’y affecter ne donnerait pas un score total plus élevé.' },
      { id: 'd', reason: 'no_eligible_vacancy', eligible: 0, explanation: expect.stringMatching(/aucune offre éligible/) },
    ]);
    expect(a.unfilledVacancies).toEqual([
      { id: 'v3', open: 2, openings: 2, reason: 'no_candidate', eligible: 0, explanation: '2 postes sur 2 non pourvus : aucun·e candidat·e éligible parmi les paires du lot.' },
    ]);
    expect(a.total).toBe(165);

    const s = await allocate(fromPairs(inst), { method: 'stable' });
    expect(chosen(s)).toEqual([{ candidateId: 'a', vacancyId: 'v1' }]);
    expect(s.unassignedCandidates.map((u) => [u.id, u.reason])).toEqual([['b', 'outcompeted'], ['c', 'outcompeted'], ['d', 'no_eligible_vacancy']]);
    expect(s.unfilledVacancies.map((u) => [u.id, u.reason])).toEqual([['v2', 'not_chosen'], ['v3', 'no_candidate']]);
    // A wish changes the stable outcome: a asks for v2 first, b then gets v1.
    const w = await allocate(fromPairs(inst), { method: 'stable', preferences: { a: ['v2'] } });
    expect(chosen(w)).toEqual([{ candidateId: 'a', vacancyId: 'v2' }, { candidateId: 'b', vacancyId: 'v1' }]);
  });

  it('rejects bad input with a PasserelleInputError naming the field', async () => {
    const batch = fromPairs(inst);
    const issuesOf = async (f: () => Promise<unknown>) => {
      try {
        await f();
      } catch (e) {
        expect(e).toBeInstanceOf(PasserelleInputError);
        return (e as PasserelleInputError).issues.map((i) => [i.path, i.code]);
      }
      throw new Error('no error');
    };
    expect(await issuesOf(() => allocate(batch, {} as never))).toEqual([['method', 'required']]);
    expect(await issuesOf(() => allocate(batch, { method: 'greedy' } as never))).toEqual([['method', 'invalid_value']]);
    expect(await issuesOf(() => allocate({} as never, { method: 'optimal' }))).toEqual([['batch', 'invalid_type']]);
    expect(await issuesOf(() => allocate(batch, { method: 'optimal', preferences: { a: ['v1'] } }))).toEqual([['preferences', 'contradictory']]);
    expect(await issuesOf(() => allocate(batch, { method: 'stable', preferences: { zz: ['v1'], a: ['v9', 'v1', 'v1'] } }))).toEqual([
      ['preferences["zz"]', 'unknown_id'], ['preferences["a"][0]', 'unknown_id'], ['preferences["a"][2]', 'invalid'],
    ]);
    expect(await issuesOf(() => allocate(batch, { method: 'stable', multiPost: 'yes' } as never))).toEqual([['multiPost', 'invalid_type']]);
  });
});
