/**
 * The lexicographic optimum of a job dating problem: most candidates served, then most score.
 *
 * Each level is a stage that tightens an upper bound and improves the best schedule until they
 * meet (proven) or time runs out, cheapest steps first:
 * 1. bounds read off the pairs (trivialBound);
 * 2. the pair-level relaxation (milp.ts compilePairs: one column per pair), its pairs placed by
 *    the heuristic, then by the slot model restricted to those pairs — on the Orne events its
 *    bound is the optimum and this step proves it;
 * 3. the slot model's LP relaxation, its vertex rounded, then a MILP around its fractional values;
 * 4. HiGHS branch-and-cut on the whole slot model, from the best schedule.
 * Any schedule reaching a valid upper bound is optimal, whichever step found it. Every schedule
 * kept is checked against the rules first (problem.ts `violations`).
 */
import { greedySchedule } from './greedy.js';
import { type Compiled, compile, compilePairs, solveStage } from './milp.js';
import { type Placement, type Problem, type Value, commonSlots, valueOf, violations } from './problem.js';

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

type Level = 'served' | 'score';

interface Incumbent {
  placements: Placement[];
  value: Value;
}

/** Whether `a` is better than `b` at this level (the score level needs `minServed`). */
function improves(level: Level, a: Value, b: Value, minServed: number): boolean {
  if (level === 'served') return a.served > b.served || (a.served === b.served && a.score > b.score + EPS);
  return a.served >= minServed && (a.score > b.score + EPS || b.served < minServed);
}

function levelValue(level: Level, v: Value): number {
  return level === 'served' ? v.served : v.score;
}

/**
 * Where the relaxation hesitates: the columns of the candidates its fractional values touch, and
 * of their employers in the slots concerned, are free; every other column keeps its (integral)
 * LP value. A small MILP, whose optimum often reaches the LP bound, which proves the level.
 */
function neighbourhood(problem: Problem, compiled: Compiled, lp: readonly { column: number; value: number }[]) {
  const n = compiled.x.length;
  const xLower = new Float64Array(n);
  const xUpper = new Float64Array(n);
  const candidates = new Set<number>();
  const employerSlots = new Set<string>();
  for (const { column, value } of lp) {
    const { pair, slot } = compiled.x[column];
    if (value >= 1 - 1e-9) {
      xLower[column] = 1;
      xUpper[column] = 1;
      continue;
    }
    candidates.add(problem.pairs[pair].candidate);
    employerSlots.add(`${problem.pairs[pair].employer}:${slot}`);
  }
  compiled.x.forEach(({ pair, slot }, j) => {
    const p = problem.pairs[pair];
    if (candidates.has(p.candidate) || employerSlots.has(`${p.employer}:${slot}`)) {
      xLower[j] = 0;
      xUpper[j] = 1;
    }
  });
  return { xLower, xUpper };
}

/**
 * Bounds read off the pairs: a candidate is served only with a pair in a common slot, and scores
 * at most their `maxInterviews` best such pairs. Exact whenever the greedy schedule serves every
 * candidate that has such a pair (most events): the served level then needs no solve.
 */
export function trivialBound(problem: Problem): Value {
  const common = commonSlots(problem);
  const scores: number[][] = problem.candidates.map(() => []);
  problem.pairs.forEach((p, i) => {
    if (common[i].length > 0) scores[p.candidate].push(p.score);
  });
  let served = 0;
  let score = 0;
  scores.forEach((list, c) => {
    const m = Math.min(problem.candidates[c].maxInterviews, problem.candidates[c].slots.length);
    if (list.length === 0 || m === 0) return;
    served++;
    list.sort((a, b) => b - a);
    for (let k = 0; k < Math.min(m, list.length); k++) score += list[k];
  });
  return { served, score };
}

export async function solveProblem(problem: Problem, options: SolveOptions = {}): Promise<Solution> {
  const method = options.method ?? 'exact';
  const deadline = performance.now() + (options.timeLimitSeconds ?? 30) * 1000;
  const left = () => (deadline - performance.now()) / 1000;
  const compiled = compile(problem);
  const pairLevel = compilePairs(problem);
  const common = commonSlots(problem);
  const greedy = greedySchedule(problem);
  let best: Incumbent = { placements: greedy, value: valueOf(problem, greedy) };
  const trivial = trivialBound(problem);

  const offer = (level: Level, placements: Placement[] | undefined, minServed: number) => {
    if (placements === undefined || violations(problem, placements).length > 0) return;
    const value = valueOf(problem, placements);
    if (improves(level, value, best.value, minServed)) best = { placements, value };
  };

  /**
   * One level: bounds that cost nothing, then the relaxation (a tighter bound, and a vertex to
   * round), then (exact method) a neighbourhood MILP and branch-and-cut. Returns its bound and
   * whether it is proven.
   */
  const stage = async (level: Level, minServed: number): Promise<{ bound: number; proven: boolean }> => {
    let bound = level === 'served' ? trivial.served : trivial.score;
    const reached = () => levelValue(level, best.value) >= bound - (level === 'served' ? 0 : EPS);
    if (reached()) return { bound: levelValue(level, best.value), proven: true };
    // The pair-level relaxation: few columns, often tight; its pairs placed slot by slot.
    const pl = await solveStage(problem, pairLevel, { objective: level, minServed, relax: true, timeLimitSeconds: Math.max(0.001, left()) });
    if (pl.optimal) bound = Math.min(bound, level === 'served' ? Math.floor(pl.bound + EPS) : pl.bound);
    if (pl.fractional) {
      const guide = pl.fractional.flatMap(({ pair, value }) => common[pair].map((slot) => ({ pair, slot, value })));
      offer(level, greedySchedule(problem, guide), minServed);
      if (!reached() && method === 'exact') {
        // Place exactly the pairs it chose: the slot model restricted to their columns.
        const chosen = new Set(pl.fractional.map((z) => z.pair));
        const xUpper = new Float64Array(compiled.x.length);
        compiled.x.forEach(({ pair }, j) => {
          if (chosen.has(pair)) xUpper[j] = 1;
        });
        const sub = await solveStage(problem, compiled, { objective: level, minServed, timeLimitSeconds: left() / 2, xUpper, start: best.placements.filter((p) => chosen.has(p.pair)) });
        offer(level, sub.placements, minServed);
      }
    }
    if (reached()) return { bound: levelValue(level, best.value), proven: true };
    // The heuristic stops here: what follows grows with pairs × slots.
    if (method === 'heuristic' || left() <= 0) return { bound, proven: false };
    const lp = await solveStage(problem, compiled, { objective: level, minServed, relax: true, timeLimitSeconds: Math.max(0.001, left()) });
    if (lp.optimal) bound = Math.min(bound, level === 'served' ? Math.floor(lp.bound + EPS) : lp.bound);
    if (lp.fractional) offer(level, greedySchedule(problem, lp.fractional), minServed);
    if (reached()) return { bound: levelValue(level, best.value), proven: true };
    if (left() <= 0) return { bound, proven: false };
    if (lp.fractional) {
      const near = neighbourhood(problem, compiled, lp.fractional);
      const sub = await solveStage(problem, compiled, { objective: level, minServed, timeLimitSeconds: left() / 2, ...near });
      offer(level, sub.placements, minServed);
      if (reached()) return { bound: levelValue(level, best.value), proven: true };
    }
    const mip = await solveStage(problem, compiled, { objective: level, minServed, timeLimitSeconds: left(), start: best.placements });
    offer(level, mip.placements, minServed);
    if (Number.isFinite(mip.bound)) bound = Math.min(bound, level === 'served' ? Math.floor(mip.bound + EPS) : mip.bound);
    return { bound: Math.max(bound, levelValue(level, best.value)), proven: mip.optimal || reached() };
  };

  const served = await stage('served', 0);
  const score = await stage('score', best.value.served);
  // The score level is only the lexicographic optimum once the served level is proven.
  const optimal = served.proven && score.proven;
  const placements = [...best.placements].sort((a, b) => a.pair - b.pair || a.slot - b.slot);
  const bound = optimal ? { ...best.value } : { served: Math.max(served.bound, best.value.served), score: Math.max(score.bound, best.value.score) };
  return { placements, value: best.value, bound, optimal, method };
}
