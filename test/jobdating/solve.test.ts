import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Solution, solveProblem, trivialBound } from '../../src/jobdating/solve.js';
import type { Problem } from '../../src/jobdating/problem.js';
import { compile, compilePairs, solveStage } from '../../src/jobdating/milp.js';
import { greedySchedule } from '../../src/jobdating/greedy.js';
import { type Best, bruteForce, feasible, problemArb, value } from './oracle.js';

const tiny = problemArb({ slots: 3, candidates: 4, employers: 3, maxPairs: 6 });

/** A schedule that may not be optimal: feasible, bounds that hold the optimum, optimal only when it is. */
function expectSound(problem: Problem, s: Solution, best: Best): void {
  expect(feasible(problem, s.placements)).toBe(true);
  expect(s.bound.served).toBeGreaterThanOrEqual(best.served);
  expect(s.value.served).toBeLessThanOrEqual(best.served);
  // The score bound covers the schedules serving at least as many as this one.
  if (s.value.served === best.served) expect(s.bound.score).toBeGreaterThanOrEqual(best.score - 1e-6);
  if (s.optimal) {
    expect(s.value.served).toBe(best.served);
    expect(s.value.score).toBeCloseTo(best.score, 6);
  }
}

describe('solveProblem against a brute force over every schedule', () => {
  it('exact: feasible, same served count and same total score, proven', async () => {
    await fc.assert(
      fc.asyncProperty(tiny, async (problem) => {
        const best = bruteForce(problem);
        const s = await solveProblem(problem);
        expect(feasible(problem, s.placements)).toBe(true);
        expect(value(problem, s.placements).served).toBe(best.served);
        expect(value(problem, s.placements).score).toBeCloseTo(best.score, 6);
        expect(s.optimal).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('heuristic: feasible, and its bounds hold the optimum (gap ≥ 0, exact when it claims optimality)', async () => {
    await fc.assert(
      fc.asyncProperty(tiny, async (problem) => {
        const best = bruteForce(problem);
        expectSound(problem, await solveProblem(problem, { method: 'heuristic' }), best);
      }),
      { numRuns: 150 },
    );
  });
});

describe('solveProblem cut short by its time limit', () => {
  it('still returns a feasible schedule whose bounds hold the optimum; optimal only when it is', async () => {
    await fc.assert(
      fc.asyncProperty(tiny, async (problem) => {
        expectSound(problem, await solveProblem(problem, { timeLimitSeconds: 1e-6 }), bruteForce(problem));
      }),
      { numRuns: 60 },
    );
  });
});

describe('greedySchedule', () => {
  it('is feasible on larger problems', () => {
    fc.assert(
      fc.property(problemArb({ slots: 6, candidates: 12, employers: 4, maxPairs: 30 }), (problem) => {
        expect(feasible(problem, greedySchedule(problem))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe('solveProblem properties on medium problems', () => {
  const medium = problemArb({ slots: 6, candidates: 14, employers: 5, maxPairs: 40 });

  it('no clash, tables, pair once, maxInterviews, only given pairs in common slots; everyone servable served; deterministic', async () => {
    await fc.assert(
      fc.asyncProperty(medium, async (problem) => {
        const s = await solveProblem(problem);
        expect(s.optimal).toBe(true);
        const slotsOf = new Map<number, number[]>();
        const atEmployer = new Map<number, number[]>();
        const pairs = new Set<number>();
        for (const { pair, slot } of s.placements) {
          const p = problem.pairs[pair];
          // Only given pairs, in a slot both sides are available in, once.
          expect(p).toBeDefined();
          expect(problem.candidates[p.candidate].slots).toContain(slot);
          expect(problem.employers[p.employer].slots).toContain(slot);
          expect(pairs.has(pair)).toBe(false);
          pairs.add(pair);
          (slotsOf.get(p.candidate) ?? slotsOf.set(p.candidate, []).get(p.candidate)!).push(slot);
          (atEmployer.get(p.employer) ?? atEmployer.set(p.employer, []).get(p.employer)!).push(slot);
        }
        const meet = (a: number, b: number) => problem.slots[a].start < problem.slots[b].end && problem.slots[b].start < problem.slots[a].end;
        for (const [c, slots] of slotsOf) {
          expect(slots.length).toBeLessThanOrEqual(problem.candidates[c].maxInterviews);
          // No clash: no two of a candidate's interviews overlap.
          for (let i = 0; i < slots.length; i++) for (let j = i + 1; j < slots.length; j++) expect(meet(slots[i], slots[j])).toBe(false);
        }
        // Tables: at each slot's start, the employer's interviews running then fit its tables.
        for (const [e, slots] of atEmployer) {
          for (const t of problem.slots) {
            const running = slots.filter((s2) => problem.slots[s2].start <= t.start && t.start < problem.slots[s2].end);
            expect(running.length).toBeLessThanOrEqual(problem.employers[e].tables);
          }
        }
        // Everyone servable is served: no unserved candidate fits in anywhere as things stand.
        for (let pair = 0; pair < problem.pairs.length; pair++) {
          const p = problem.pairs[pair];
          if (slotsOf.has(p.candidate)) continue;
          for (const slot of problem.candidates[p.candidate].slots) {
            expect(feasible(problem, [...s.placements, { pair, slot }])).toBe(false);
          }
        }
        expect(await solveProblem(problem)).toEqual(s);
      }),
      { numRuns: 40 },
    );
  });
});

describe('relaxations', () => {
  it('the pair-level and slot-level LP bounds hold the optimum, at both levels', async () => {
    await fc.assert(
      fc.asyncProperty(tiny, async (problem) => {
        const best = bruteForce(problem);
        for (const compiled of [compilePairs(problem), compile(problem)]) {
          const served = await solveStage(problem, compiled, { objective: 'served', relax: true, timeLimitSeconds: 10 });
          expect(served.bound).toBeGreaterThanOrEqual(best.served - 1e-6);
          const score = await solveStage(problem, compiled, { objective: 'score', relax: true, minServed: best.served, timeLimitSeconds: 10 });
          expect(score.bound).toBeGreaterThanOrEqual(best.score - 1e-6);
        }
        expect(trivialBound(problem).served).toBeGreaterThanOrEqual(best.served);
        expect(trivialBound(problem).score).toBeGreaterThanOrEqual(best.score - 1e-6);
      }),
      { numRuns: 100 },
    );
  });
});
