/**
 * The exact model, solved by HiGHS (branch-and-cut, compiled to WebAssembly: the `highs` package).
 *
 * Variables: x[p,s] ∈ {0,1} for each pair p and each slot s both sides are available in;
 * y[c] ∈ [0,1] for each candidate with such a variable (continuous: at an integer x, the best y is
 * min(1, Σ x), so y counts a served candidate exactly).
 * Rows: a pair meets at most once (Σ_s x[p,s] ≤ 1); a candidate is in at most one interview at any
 * instant (Σ over their pairs and the slots of an instant ≤ 1); an employer holds at most `tables`
 * interviews at any instant; a candidate has at most `maxInterviews`; y[c] ≤ Σ x[c,·,·].
 * Instants are the maximal sets of overlapping slots (problem.ts), so overlapping slots clash.
 *
 * Lexicographic objective in two solves: (1) max Σ y = k*; (2) max Σ score·x subject to Σ y ≥ k*.
 * Two solves rather than one weighted objective: a weight large enough to be safe makes the
 * score level vanish in the solver's tolerances.
 *
 * Why this formulation (bench/jobdating.bench.ts, Orne events): the slot model is exact for any
 * availability and overlapping slots, where choosing pairs then colouring them into slots is
 * exact only when slots are disjoint and everyone is available throughout. Branch-and-cut on it
 * alone took 13–32 s on 300 × 30 × 12; its relaxations are tight, so solve.ts bounds each level
 * with them first and branches only when they do not settle it. `compilePairs` below is the
 * pair-then-slot idea used as a relaxation, valid whatever the availabilities.
 */
import loadHighs, { type Highs } from 'highs';
import { type Placement, type Problem, commonSlots, instantCliques } from './problem.js';

let highsPromise: Promise<Highs> | undefined;

/** The WebAssembly module loads once, asynchronously, on first use. */
export function loadSolver(): Promise<Highs> {
  highsPromise ??= loadHighs();
  return highsPromise;
}

export interface Compiled {
  /** The pair and slot of each x column; y columns follow them. */
  x: Placement[];
  /** Candidate of each y column. */
  y: number[];
  /** Rows `Σ x[cols] (− y[link]) ≤ upper`. */
  rows: { cols: number[]; upper: number; link?: number }[];
}

export function compile(problem: Problem): Compiled {
  const common = commonSlots(problem);
  const cliques = instantCliques(problem.slots);
  const x: Placement[] = [];
  const colsOfPair: number[][] = problem.pairs.map(() => []);
  const colsOfCandidate: number[][] = problem.candidates.map(() => []);
  const colsOfEmployer: number[][] = problem.employers.map(() => []);
  problem.pairs.forEach((p, pair) => {
    for (const slot of common[pair]) {
      colsOfPair[pair].push(x.length);
      colsOfCandidate[p.candidate].push(x.length);
      colsOfEmployer[p.employer].push(x.length);
      x.push({ pair, slot });
    }
  });
  const rows: Compiled['rows'] = [];
  // A row that cannot bind is left out.
  const add = (cols: number[], upper: number) => {
    if (cols.length > upper) rows.push({ cols, upper });
  };
  for (const cols of colsOfPair) add(cols, 1);
  const inClique = (cols: number[], set: number[]) => cols.filter((j) => set.includes(x[j].slot));
  problem.candidates.forEach((c, i) => {
    for (const set of cliques) add(inClique(colsOfCandidate[i], set), 1);
    add(colsOfCandidate[i], c.maxInterviews);
  });
  problem.employers.forEach((e, i) => {
    for (const set of cliques) add(inClique(colsOfEmployer[i], set), e.tables);
  });
  const y: number[] = [];
  colsOfCandidate.forEach((cols, c) => {
    if (cols.length === 0) return;
    // y[c] ≤ Σ x[c,·,·], written −Σ x + y ≤ 0.
    rows.push({ cols, upper: 0, link: x.length + y.length });
    y.push(c);
  });
  return { x, y, rows };
}

/** Slot of the columns of `compilePairs`: one column per pair, whichever slot. */
export const ANY_SLOT = -1;

/**
 * The pair-level relaxation: z[p] ∈ [0, 1] per pair with a common slot, no slot chosen. Any
 * schedule gives a feasible z (z = 1 for its pairs), so its optimum bounds the slot model's:
 * a candidate holds at most min(maxInterviews, their slots) interviews, and at most one per slot
 * of each group of employers sharing the same availability; an employer at most `tables` per slot
 * of theirs, overall and within each group of candidates sharing the same availability. Rows
 * count slots rather than instants, which stays valid when slots overlap (each slot holds at most
 * one interview of a candidate, `tables` of an employer). It has as many columns as pairs, not
 * pairs × slots: a fast bound, and a pair set to place slot by slot.
 */
export function compilePairs(problem: Problem): Compiled {
  const common = commonSlots(problem);
  const x: Placement[] = [];
  const ofCandidate = new Map<number, Map<string, number[]>>();
  const ofEmployer = new Map<number, Map<string, number[]>>();
  const group = (m: Map<number, Map<string, number[]>>, who: number, key: string, j: number) => {
    const byKey = m.get(who) ?? m.set(who, new Map()).get(who)!;
    (byKey.get(key) ?? byKey.set(key, []).get(key)!).push(j);
  };
  problem.pairs.forEach((p, pair) => {
    if (common[pair].length === 0) return;
    const j = x.length;
    x.push({ pair, slot: ANY_SLOT });
    group(ofCandidate, p.candidate, problem.employers[p.employer].slots.join(','), j);
    group(ofEmployer, p.employer, problem.candidates[p.candidate].slots.join(','), j);
  });
  const rows: Compiled['rows'] = [];
  const add = (cols: number[], upper: number) => {
    if (cols.length > upper) rows.push({ cols, upper });
  };
  const shared = (cols: number[]) => common[x[cols[0]].pair].length;
  for (const [c, groups] of ofCandidate) {
    const all = [...groups.values()].flat().sort((a, b) => a - b);
    add(all, Math.min(problem.candidates[c].maxInterviews, problem.candidates[c].slots.length));
    for (const cols of groups.values()) add(cols, shared(cols));
  }
  for (const [e, groups] of ofEmployer) {
    const tables = problem.employers[e].tables;
    add([...groups.values()].flat().sort((a, b) => a - b), tables * problem.employers[e].slots.length);
    for (const cols of groups.values()) add(cols, tables * shared(cols));
  }
  const y: number[] = [];
  for (const [c, groups] of [...ofCandidate].sort((a, b) => a[0] - b[0])) {
    rows.push({ cols: [...groups.values()].flat().sort((a, b) => a - b), upper: 0, link: x.length + y.length });
    y.push(c);
  }
  return { x, y, rows };
}

export interface StageResult {
  /** The best schedule found (undefined when none, e.g. stopped before any). */
  placements?: Placement[];
  objective: number;
  /** Upper bound on the stage's optimum (the LP value for a relaxation). */
  bound: number;
  optimal: boolean;
  /** Relaxation: the positive x values of its optimal vertex, with their column. */
  fractional?: (Placement & { value: number; column: number })[];
}

export interface StageOptions {
  objective: 'served' | 'score';
  /** Σ y ≥ minServed (score stage). */
  minServed?: number;
  /** Solve the LP relaxation only (a bound). */
  relax?: boolean;
  timeLimitSeconds: number;
  /** A feasible schedule handed to the solver as its first incumbent. */
  start?: readonly Placement[];
  /** Bounds of the x columns (default 0 and 1): a neighbourhood search fixes most of them. */
  xLower?: Float64Array;
  xUpper?: Float64Array;
}

export async function solveStage(problem: Problem, compiled: Compiled, options: StageOptions): Promise<StageResult> {
  const highs = await loadSolver();
  const { x, y, rows } = compiled;
  const nCols = x.length + y.length;
  if (nCols === 0) return { placements: [], objective: 0, bound: 0, optimal: true };
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  for (const r of rows) {
    const sign = r.link === undefined ? 1 : -1;
    for (const j of r.cols) {
      indices.push(j);
      values.push(sign);
    }
    if (r.link !== undefined) {
      indices.push(r.link);
      values.push(1);
    }
    starts.push(indices.length);
    lower.push(-highs.infinity);
    upper.push(r.upper);
  }
  if (options.minServed !== undefined && y.length > 0) {
    for (let k = 0; k < y.length; k++) {
      indices.push(x.length + k);
      values.push(1);
    }
    starts.push(indices.length);
    lower.push(options.minServed);
    upper.push(highs.infinity);
  }
  const cost = new Float64Array(nCols);
  if (options.objective === 'served') cost.fill(1, x.length);
  else for (let j = 0; j < x.length; j++) cost[j] = problem.pairs[x[j].pair].score;
  const integrality = new Int32Array(nCols);
  if (!options.relax) integrality.fill(1, 0, x.length);
  const nRows = lower.length;
  const model = highs.createModel({
    numCols: nCols,
    numRows: nRows,
    sense: highs.constants.objectiveSense.maximize,
    colCost: cost,
    colLower: columnBounds(nCols, options.xLower, 0),
    colUpper: columnBounds(nCols, options.xUpper, 1),
    rowLower: new Float64Array(lower),
    rowUpper: new Float64Array(upper),
    matrix: {
      format: 'csr',
      numRows: nRows,
      numCols: nCols,
      starts: new Int32Array(starts),
      indices: new Int32Array(indices),
      values: new Float64Array(values),
    },
    integrality,
  });
  try {
    // Exact: no relative gap accepted, 10⁻⁶ points absolute; one thread, fixed seed.
    model.options.set({
      output_flag: false,
      time_limit: Math.max(0.001, options.timeLimitSeconds),
      mip_rel_gap: 0,
      mip_abs_gap: 1e-6,
      random_seed: 0,
    });
    if (options.start && !options.relax) model.setSolution({ colValue: startVector(problem, compiled, options.start, nCols) });
    model.run();
    const status = model.getModelStatus();
    const feasible = model.info.get('primal_solution_status') === 2;
    const objective = feasible ? model.getObjectiveValue() : 0;
    const optimal = status === highs.constants.modelStatus.optimal;
    let bound: number;
    if (options.relax) bound = optimal ? objective : Infinity;
    else bound = optimal ? objective : Number(model.info.get('mip_dual_bound'));
    if (!Number.isFinite(bound)) bound = Infinity;
    if (!feasible) return { objective, bound, optimal };
    const col = model.getSolution().colValue;
    if (options.relax) return { objective, bound, optimal, fractional: x.map((p, j) => ({ ...p, value: col[j], column: j })).filter((p) => p.value > 1e-9) };
    const placements: Placement[] = [];
    for (let j = 0; j < x.length; j++) if (col[j] > 0.5) placements.push(x[j]);
    return { placements, objective, bound, optimal };
  } finally {
    model.dispose();
  }
}

function columnBounds(nCols: number, x: Float64Array | undefined, fill: number): Float64Array {
  const out = new Float64Array(nCols).fill(fill);
  if (x) out.set(x);
  return out;
}

/** The start schedule as a column vector, y set for each candidate it serves. */
function startVector(problem: Problem, compiled: Compiled, start: readonly Placement[], nCols: number): Float64Array {
  const v = new Float64Array(nCols);
  const column = new Map(compiled.x.map((p, j) => [`${p.pair}:${p.slot}`, j]));
  const served = new Set<number>();
  for (const p of start) {
    const j = column.get(`${p.pair}:${p.slot}`);
    if (j === undefined) continue;
    v[j] = 1;
    served.add(problem.pairs[p.pair].candidate);
  }
  compiled.y.forEach((c, k) => {
    if (served.has(c)) v[compiled.x.length + k] = 1;
  });
  return v;
}
