/**
 * Tiny instances written as pairs, and brute-force oracles that enumerate every assignment: slow,
 * obviously correct, for checking the exact algorithms of src/allocate.
 */
import fc from 'fast-check';
import type { PairsInput } from '../../src/allocate/graph.js';
import { scaledScore } from '../../src/allocate/min-cost-flow.js';

export interface Instance extends PairsInput {
  candidates: { id: string; weeklyHoursMax: number }[];
  vacancies: { id: string; openings: number; weeklyHours: number }[];
}

/** Up to `maxC` candidates × `maxV` vacancies, each pair eligible with probability `density`; scores with ties. */
export function instance(maxC: number, maxV: number, maxOpenings = 2, maxPairs = Infinity, density = 0.5): fc.Arbitrary<Instance> {
  return fc
    .record({
      nC: fc.integer({ min: 1, max: maxC }),
      nV: fc.integer({ min: 1, max: maxV }),
      seedPairs: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 20 })), { minLength: maxC * maxV, maxLength: maxC * maxV }),
      openings: fc.array(fc.integer({ min: 1, max: maxOpenings }), { minLength: maxV, maxLength: maxV }),
      hours: fc.array(fc.constantFrom(8, 12, 17.5, 24, 35), { minLength: maxV, maxLength: maxV }),
      hoursMax: fc.array(fc.constantFrom(0, 20, 24, 35, 48), { minLength: maxC, maxLength: maxC }),
    })
    .map(({ nC, nV, seedPairs, openings, hours, hoursMax }) => {
      // Ids whose code-point order differs from their numeric order, to catch a sort by number.
      const cId = (i: number) => `c${(i * 7) % 10}${i}`;
      const vId = (j: number) => `v${(j * 3) % 10}${j}`;
      const pairs: Instance['pairs'] = [];
      for (let i = 0; i < nC; i++) {
        for (let j = 0; j < nV; j++) {
          const [on, s] = seedPairs[i * maxV + j];
          // Scores 50–100 by steps of 2.5: ties happen, and scaled scores are exact.
          if (on < density && pairs.length < maxPairs) pairs.push({ candidateId: cId(i), vacancyId: vId(j), score: 50 + s * 2.5 });
        }
      }
      return {
        candidates: Array.from({ length: nC }, (_, i) => ({ id: cId(i), weeklyHoursMax: hoursMax[i] })),
        vacancies: Array.from({ length: nV }, (_, j) => ({ id: vId(j), openings: openings[j], weeklyHours: hours[j] })),
        pairs,
      };
    });
}

export type Chosen = { candidateId: string; vacancyId: string }[];

/** Every set of pairs in which each candidate holds an allowed set and no vacancy exceeds its openings. */
export function* feasibleSets(inst: Instance, allowed: (c: Instance['candidates'][number], vacancies: Instance['vacancies']) => boolean): Generator<Chosen> {
  const byCandidate = inst.candidates.map((c) => inst.pairs.filter((p) => p.candidateId === c.id));
  const vacancy = new Map(inst.vacancies.map((v) => [v.id, v]));
  const load = new Map<string, number>();
  const current: Chosen = [];
  function* rec(i: number): Generator<Chosen> {
    if (i === inst.candidates.length) {
      yield [...current];
      return;
    }
    const mine = byCandidate[i];
    for (let mask = 0; mask < 1 << mine.length; mask++) {
      const picked = mine.filter((_, k) => (mask & (1 << k)) !== 0);
      if (!allowed(inst.candidates[i], picked.map((p) => vacancy.get(p.vacancyId)!))) continue;
      if (picked.some((p) => (load.get(p.vacancyId) ?? 0) + 1 > vacancy.get(p.vacancyId)!.openings)) continue;
      for (const p of picked) { load.set(p.vacancyId, (load.get(p.vacancyId) ?? 0) + 1); current.push(p); }
      yield* rec(i + 1);
      for (const p of picked) { load.set(p.vacancyId, load.get(p.vacancyId)! - 1); current.pop(); }
    }
  }
  yield* rec(0);
}

export const singlePost = (_c: unknown, vs: unknown[]) => vs.length <= 1;
export const multiPost = (c: { weeklyHoursMax: number }, vs: { weeklyHours: number }[]) =>
  vs.length <= 1 || vs.reduce((s, v) => s + v.weeklyHours, 0) <= c.weeklyHoursMax;

export function scoreOf(inst: Instance): (candidateId: string, vacancyId: string) => number {
  const m = new Map(inst.pairs.map((p) => [`${p.candidateId}|${p.vacancyId}`, p.score]));
  return (c, v) => m.get(`${c}|${v}`)!;
}

/** The objective the exact methods maximise: total scaled score, then the number of pairs. */
export function objective(inst: Instance, chosen: Chosen): [number, number] {
  const score = scoreOf(inst);
  return [chosen.reduce((s, p) => s + scaledScore(score(p.candidateId, p.vacancyId)), 0), chosen.length];
}

export function bestObjective(inst: Instance, allowed: Parameters<typeof feasibleSets>[1]): [number, number] {
  let best: [number, number] = [-1, -1];
  for (const set of feasibleSets(inst, allowed)) {
    const o = objective(inst, set);
    if (o[0] > best[0] || (o[0] === best[0] && o[1] > best[1])) best = o;
  }
  return best;
}

/** A candidate's order of preference: wishes first (in order), then score, then vacancy id. */
export function preferenceRank(inst: Instance, preferences: Record<string, string[]>): (c: string, v: string) => number {
  const score = scoreOf(inst);
  const lists = new Map<string, string[]>();
  for (const c of inst.candidates) {
    const mine = inst.pairs.filter((p) => p.candidateId === c.id).map((p) => p.vacancyId);
    const wishes = (preferences[c.id] ?? []).filter((v) => mine.includes(v));
    const rest = mine.filter((v) => !wishes.includes(v)).sort((a, b) => score(c.id, b) - score(c.id, a) || (a < b ? -1 : 1));
    lists.set(c.id, [...wishes, ...rest]);
  }
  return (c, v) => lists.get(c)!.indexOf(v);
}

/** Vacancy v's order: score, then candidate id. true when v prefers a to b. */
export function vacancyPrefers(inst: Instance, v: string, a: string, b: string): boolean {
  const score = scoreOf(inst);
  const sa = score(a, v);
  const sb = score(b, v);
  return sa > sb || (sa === sb && a < b);
}

/** Blocking pairs of a one-post matching. */
export function blockingPairs(inst: Instance, chosen: Chosen, rank: (c: string, v: string) => number): Chosen {
  const of = new Map(chosen.map((p) => [p.candidateId, p.vacancyId]));
  const out: Chosen = [];
  for (const p of inst.pairs) {
    const mine = of.get(p.candidateId);
    if (mine === p.vacancyId) continue;
    if (mine !== undefined && rank(p.candidateId, mine) < rank(p.candidateId, p.vacancyId)) continue;
    const holders = chosen.filter((q) => q.vacancyId === p.vacancyId).map((q) => q.candidateId);
    const openings = inst.vacancies.find((v) => v.id === p.vacancyId)!.openings;
    if (holders.length < openings || holders.some((h) => vacancyPrefers(inst, p.vacancyId, p.candidateId, h))) out.push(p);
  }
  return out;
}

/**
 * A market where every pair is eligible, one opening each, as many candidates as vacancies, and
 * each candidate lists every vacancy in a random order of wishes: both sides' orders are then
 * unrelated, and several stable matchings are common.
 */
export const openMarket: fc.Arbitrary<{ inst: Instance; preferences: Record<string, string[]> }> = fc
  .integer({ min: 2, max: 4 })
  .chain((n) =>
    fc.record({
      scores: fc.array(fc.integer({ min: 0, max: 20 }), { minLength: n * n, maxLength: n * n }),
      wishes: fc.array(fc.shuffledSubarray([...Array(n).keys()], { minLength: n }), { minLength: n, maxLength: n }),
    }).map(({ scores, wishes }) => {
      const ids = [...Array(n).keys()];
      const inst: Instance = {
        candidates: ids.map((i) => ({ id: `c${i}`, weeklyHoursMax: 35 })),
        vacancies: ids.map((j) => ({ id: `v${j}`, openings: 1, weeklyHours: 35 })),
        pairs: ids.flatMap((i) => ids.map((j) => ({ candidateId: `c${i}`, vacancyId: `v${j}`, score: 50 + scores[i * n + j] * 2.5 }))),
      };
      return { inst, preferences: Object.fromEntries(ids.map((i) => [`c${i}`, wishes[i].map((j) => `v${j}`)])) };
    }),
  );
