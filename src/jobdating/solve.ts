/**
 * The lexicographic optimum of a job dating problem: most candidates served, then most score.
 * Exact through HiGHS within a time limit; the heuristic's schedule seeds it and stands in for
 * it, with the bound that says how far from the optimum it may be.
 */
import { greedySchedule } from './greedy.js';
import { compile, solveStage } from './milp.js';
import { type Placement, type Problem, type Value, valueOf, violations } from './problem.js';

export type SolveMethod = 'exact' | 'heuristic';

export interface Solution {
  placements: Placement[];
  value: Value;
  /**
   * Upper bounds on the lexicographic optimum: `served` on the candidates any schedule can
   * serve, `score` on the total score of any schedule serving at least `value.served`.
   */
  bound: Value;
  /** Proven lexicographically optimal (to 10⁻⁶ points). */
  optimal: boolean;
  method: SolveMethod;
}

export interface SolveOptions {
  method?: SolveMethod;
  timeLimitSeconds?: number;
}

const EPS = 1e-6;

function better(a: Value, b: Value): boolean {
  return a.served > b.served || (a.served === b.served && a.score > b.score + EPS);
}

/** Integer bound from a solver's (possibly fractional) bound on a count. */
function countBound(bound: number, n: number): number {
  return Number.isFinite(bound) ? Math.min(n, Math.floor(bound + EPS)) : n;
}

export async function solveProblem(problem: Problem, options: SolveOptions = {}): Promise<Solution> {
  const method = options.method ?? 'exact';
  const limit = options.timeLimitSeconds ?? 30;
  const deadline = performance.now() + limit * 1000;
  const remaining = () => (deadline - performance.now()) / 1000;
  const greedy = greedySchedule(problem);
  const greedyValue = valueOf(problem, greedy);
  const compiled = compile(problem);
  const nCandidates = problem.candidates.length;

  if (method === 'heuristic') {
    const lp1 = await solveStage(problem, compiled, { objective: 'served', relax: true, timeLimitSeconds: limit });
    const servedBound = countBound(lp1.bound, nCandidates);
    const lp2 = await solveStage(problem, compiled, {
      objective: 'score', relax: true, minServed: greedyValue.served, timeLimitSeconds: Math.max(1, remaining()),
    });
    return finish(problem, greedy, { served: servedBound, score: lp2.bound }, false, method);
  }

  const s1 = await solveStage(problem, compiled, { objective: 'served', timeLimitSeconds: limit, start: greedy });
  let best = greedy;
  let bestValue = greedyValue;
  if (s1.placements && isValid(problem, s1.placements) && better(valueOf(problem, s1.placements), bestValue)) {
    best = s1.placements;
    bestValue = valueOf(problem, best);
  }
  const servedBound = s1.optimal ? bestValue.served : countBound(s1.bound, nCandidates);
  const left = remaining();
  if (left <= 0) {
    // No time left to search: the LP relaxation still bounds the score.
    const lp2 = await solveStage(problem, compiled, { objective: 'score', relax: true, minServed: bestValue.served, timeLimitSeconds: 1 });
    return finish(problem, best, { served: servedBound, score: lp2.bound }, false, method);
  }
  const s2 = await solveStage(problem, compiled, {
    objective: 'score', minServed: bestValue.served, timeLimitSeconds: left, start: best,
  });
  if (s2.placements && isValid(problem, s2.placements)) {
    const v = valueOf(problem, s2.placements);
    if (v.served >= bestValue.served && v.score >= bestValue.score - EPS) {
      best = s2.placements;
      bestValue = v;
    }
  }
  const proven = s1.optimal && s2.optimal && bestValue.served === servedBound;
  return finish(problem, best, { served: servedBound, score: proven ? bestValue.score : s2.bound }, proven, method);
}

function isValid(problem: Problem, placements: readonly Placement[]): boolean {
  return violations(problem, placements).length === 0;
}

function finish(problem: Problem, placements: Placement[], bound: Value, proven: boolean, method: SolveMethod): Solution {
  const value = valueOf(problem, placements);
  const sorted = [...placements].sort((a, b) => a.pair - b.pair || a.slot - b.slot);
  // Bounds never below what was reached (solver tolerances), and equal to it when proven.
  const optimal = proven || (value.served === bound.served && value.score >= bound.score - EPS);
  const b = optimal
    ? { served: value.served, score: value.score }
    : { served: Math.max(bound.served, value.served), score: Math.max(bound.score, value.score) };
  return { placements: sorted, value, bound: b, optimal, method };
}
