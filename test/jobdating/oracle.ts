/**
 * Test oracles for job dating: an independent feasibility check and a brute force that
 * enumerates every schedule of a tiny problem (each pair unmet, or met in one of its slots).
 */
import fc from 'fast-check';
import type { Placement, Problem } from '../../src/jobdating/problem.js';

export interface Best {
  served: number;
  score: number;
}

/** Whether a schedule keeps every rule, checked instant by instant (every minute of the event). */
export function feasible(problem: Problem, placements: readonly Placement[]): boolean {
  const seen = new Set<number>();
  const count = new Map<number, number>();
  for (const { pair, slot } of placements) {
    const p = problem.pairs[pair];
    if (seen.has(pair)) return false;
    seen.add(pair);
    if (!problem.candidates[p.candidate].slots.includes(slot) || !problem.employers[p.employer].slots.includes(slot)) return false;
    count.set(p.candidate, (count.get(p.candidate) ?? 0) + 1);
  }
  for (const [c, n] of count) if (n > problem.candidates[c].maxInterviews) return false;
  const end = Math.max(0, ...problem.slots.map((s) => s.end));
  for (let t = 0; t < end; t++) {
    const at = placements.filter((x) => problem.slots[x.slot].start <= t && t < problem.slots[x.slot].end);
    const byCandidate = new Map<number, number>();
    const byEmployer = new Map<number, number>();
    for (const x of at) {
      const p = problem.pairs[x.pair];
      byCandidate.set(p.candidate, (byCandidate.get(p.candidate) ?? 0) + 1);
      byEmployer.set(p.employer, (byEmployer.get(p.employer) ?? 0) + 1);
    }
    for (const n of byCandidate.values()) if (n > 1) return false;
    for (const [e, n] of byEmployer) if (n > problem.employers[e].tables) return false;
  }
  return true;
}

export function value(problem: Problem, placements: readonly Placement[]): Best {
  return {
    served: new Set(placements.map((x) => problem.pairs[x.pair].candidate)).size,
    score: placements.reduce((s, x) => s + problem.pairs[x.pair].score, 0),
  };
}

/** The lexicographic optimum by enumeration. */
export function bruteForce(problem: Problem): Best {
  let best: Best = { served: 0, score: 0 };
  const chosen: Placement[] = [];
  const visit = (pair: number) => {
    if (pair === problem.pairs.length) {
      if (!feasible(problem, chosen)) return;
      const v = value(problem, chosen);
      if (v.served > best.served || (v.served === best.served && v.score > best.score + 1e-9)) best = v;
      return;
    }
    visit(pair + 1);
    const { candidate, employer } = problem.pairs[pair];
    for (const slot of problem.candidates[candidate].slots) {
      if (!problem.employers[employer].slots.includes(slot)) continue;
      chosen.push({ pair, slot });
      // Prune as soon as the partial schedule breaks a rule.
      if (feasible(problem, chosen)) visit(pair + 1);
      chosen.pop();
    }
  };
  visit(0);
  return best;
}

const subset = (n: number) => fc.subarray(Array.from({ length: n }, (_, i) => i));

/** Random problems: slots of 10 or 20 minutes on a 10-minute grid (so some overlap), pairs with scores. */
export function problemArb(sizes: { slots: number; candidates: number; employers: number; maxPairs: number }): fc.Arbitrary<Problem> {
  return fc
    .record({
      nSlots: fc.integer({ min: 1, max: sizes.slots }),
      nC: fc.integer({ min: 1, max: sizes.candidates }),
      nE: fc.integer({ min: 1, max: sizes.employers }),
    })
    .chain(({ nSlots, nC, nE }) =>
      fc.record({
        slots: fc
          .array(fc.record({ at: fc.integer({ min: 0, max: nSlots + 1 }), len: fc.constantFrom(1, 1, 2) }), { minLength: nSlots, maxLength: nSlots })
          .map((xs) => xs.map(({ at, len }) => ({ start: at * 10, end: (at + len) * 10 })).sort((a, b) => a.start - b.start || a.end - b.end)),
        candidates: fc.array(fc.record({ maxInterviews: fc.integer({ min: 1, max: 3 }), slots: subset(nSlots) }), { minLength: nC, maxLength: nC }),
        employers: fc.array(fc.record({ tables: fc.integer({ min: 1, max: 2 }), slots: subset(nSlots) }), { minLength: nE, maxLength: nE }),
        pairs: fc
          .uniqueArray(
            fc.record({ candidate: fc.integer({ min: 0, max: nC - 1 }), employer: fc.integer({ min: 0, max: nE - 1 }), score: fc.integer({ min: 1, max: 1000 }).map((s) => s / 10) }),
            { selector: (p) => `${p.candidate}:${p.employer}`, maxLength: sizes.maxPairs },
          )
          .map((ps) => ps.sort((a, b) => a.candidate - b.candidate || a.employer - b.employer)),
      }),
    );
}
