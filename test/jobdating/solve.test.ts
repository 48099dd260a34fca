import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveProblem } from '../../src/jobdating/solve.js';
import { greedySchedule } from '../../src/jobdating/greedy.js';
import { bruteForce, feasible, problemArb, value } from './oracle.js';

const tiny = problemArb({ slots: 3, candidates: 3, employers: 2, maxPairs: 5 });

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
        const s = await solveProblem(problem, { method: 'heuristic' });
        expect(feasible(problem, s.placements)).toBe(true);
        expect(s.bound.served).toBeGreaterThanOrEqual(best.served);
        expect(s.value.served).toBeLessThanOrEqual(best.served);
        if (s.value.served === best.served) expect(s.bound.score).toBeGreaterThanOrEqual(best.score - 1e-6);
        if (s.optimal) {
          expect(s.value.served).toBe(best.served);
          expect(s.value.score).toBeCloseTo(best.score, 6);
        }
      }),
      { numRuns: 150 },
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
