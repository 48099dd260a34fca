/**
 * The optimal allocation when a candidate may take several posts (multiPost): no longer a flow
 * (a candidate's hours are a knapsack), so an exact MILP solved by HiGHS (WebAssembly, loaded on
 * first use only).
 *
 *   maximise Σ round(1000 · score_p) · x_p          x_p ∈ {0, 1} for each eligible pair
 *   Σ_{p ∈ v} x_p ≤ openings_v                        for each vacancy
 *   Σ_{p ∈ c, h_p ≤ H_c} h_p x_p + H_c · Σ_{p ∈ c, h_p > H_c} x_p ≤ H_c
 *   Σ_{p ∈ c, h_p > H_c} x_p ≤ 1                       for each candidate whose posts cannot all fit
 *   Σ_{p ∈ c} x_p ≤ 1                                  instead, when no two of the candidate's posts fit
 *
 * (H_c = weeklyHoursMax, h_p the vacancy's weekly hours ≥ 1.) A post longer than H_c may be taken
 * alone (as without multiPost), and then nothing else fits; shorter posts combine within H_c. No
 * big-M: the relaxation stays close to the flow's. The objective has integer coefficients, so an
 * absolute gap below 1 proves the optimum exactly. When no candidate can hold two posts the
 * problem is the flow's and the solver is not called; nor is it when a Lagrangian bound built from
 * the flow's dual prices shows that no second post can raise the total. Otherwise the single-post
 * optimum (a flow) seeds the search as a first feasible solution.
 */
import type { EligibleGraph } from './graph.js';
import { scaledScore } from './min-cost-flow.js';

type HighsModule = typeof import('highs');
type Highs = Awaited<ReturnType<HighsModule['default']>>;
let highsPromise: Promise<Highs> | undefined;

function loadHighs(): Promise<Highs> {
  highsPromise ??= import('highs').then((m) => m.default());
  return highsPromise;
}

export interface MilpResult {
  held: Uint8Array;
  /** The solver proved optimality (false: stopped at the time limit with its best solution). */
  proven: boolean;
}

/**
 * An upper bound on the multiPost optimum (scaled scores), by Lagrangian relaxation of the
 * vacancies' openings with prices p ≥ 0: Σ_v p_v · openings_v + Σ_c max over the candidate's
 * allowed sets S of Σ_{v ∈ S} (score − p_v). Valid for any p ≥ 0; with the one-post flow's dual
 * prices it is tight whenever no candidate gains from a second post at those prices, which proves
 * the seed optimal without the solver.
 */
export function lagrangianBound(g: EligibleGraph, prices: Float64Array): number {
  const { cStart, pairVacancy, pairScore, openings, vacancyHours, candidateHoursMax } = g;
  let bound = 0;
  for (let v = 0; v < openings.length; v++) bound += prices[v] * openings[v];
  const gains: number[] = [];
  const hours: number[] = [];
  for (let c = 0; c < cStart.length - 1; c++) {
    gains.length = 0;
    hours.length = 0;
    let best = 0;
    const H = candidateHoursMax[c];
    for (let p = cStart[c]; p < cStart[c + 1]; p++) {
      const gain = scaledScore(pairScore[p]) - prices[pairVacancy[p]];
      if (gain <= 0) continue;
      best = Math.max(best, gain);
      // A post longer than the maximum is only ever taken alone: `best` covers it.
      const h = vacancyHours[pairVacancy[p]];
      if (h > H) continue;
      gains.push(gain);
      hours.push(h);
    }
    bound += gains.length < 2 ? best : Math.max(best, knapsack(gains, hours, H));
  }
  return bound;
}

/**
 * An upper bound on the best total gain of items within `capacity` hours: exact by enumeration for
 * up to 10 items, the fractional (LP) knapsack beyond.
 */
function knapsack(gains: number[], hours: number[], capacity: number): number {
  const n = gains.length;
  if (n <= 10) {
    let best = 0;
    for (let mask = 1; mask < 1 << n; mask++) {
      let g = 0;
      let h = 0;
      for (let i = 0; i < n; i++) if ((mask & (1 << i)) !== 0) { g += gains[i]; h += hours[i]; }
      if (h <= capacity && g > best) best = g;
    }
    return best;
  }
  const order = gains.map((_, i) => i).sort((a, b) => gains[b] / hours[b] - gains[a] / hours[a]);
  let left = capacity;
  let total = 0;
  for (const i of order) {
    if (hours[i] <= left) {
      total += gains[i];
      left -= hours[i];
    } else {
      total += (gains[i] * left) / hours[i];
      break;
    }
  }
  return total;
}

export async function multiPostOptimal(g: EligibleGraph, seed: Uint8Array, prices: Float64Array, timeLimitSeconds: number): Promise<MilpResult> {
  const { cStart, pairVacancy, vStart, openings, vacancyHours, candidateHoursMax, pairScore } = g;
  const nC = cStart.length - 1;
  const nV = vStart.length - 1;
  const nP = pairVacancy.length;
  if (nP === 0) return { held: new Uint8Array(0), proven: true };

  // Rows: vacancies; a candidate none of whose two posts fit together takes one (Σ x ≤ 1, the
  // flow's row); one whose posts all fit together needs no row; the others get the two hours rows.
  const kind = new Uint8Array(nC); // 0: no row, 1: one post, 2: hours rows
  const row = new Int32Array(nC).fill(-1);
  let nRows = nV;
  let combining = 0;
  for (let c = 0; c < nC; c++) {
    if (cStart[c + 1] - cStart[c] < 2) continue;
    let sum = 0;
    let least = Infinity;
    let second = Infinity;
    for (let p = cStart[c]; p < cStart[c + 1]; p++) {
      const h = vacancyHours[pairVacancy[p]];
      sum += h;
      if (h < least) { second = least; least = h; } else if (h < second) second = h;
    }
    if (least + second > candidateHoursMax[c]) {
      kind[c] = 1;
      row[c] = nRows++;
      continue;
    }
    combining++;
    if (sum <= candidateHoursMax[c]) continue;
    kind[c] = 2;
    row[c] = nRows;
    nRows += 2;
  }
  // Nobody can hold two posts: the problem is the flow's, and the seed is its optimum. Or the
  // bound proves that no second post can raise the total (objective values are integers).
  if (combining === 0) return { held: seed, proven: true };
  let seedValue = 0;
  for (let p = 0; p < nP; p++) if (seed[p] === 1) seedValue += scaledScore(pairScore[p]);
  if (lagrangianBound(g, prices) < seedValue + 1 - 1e-6) return { held: seed, proven: true };
  const rowLower = new Float64Array(nRows).fill(-Infinity);
  const rowUpper = new Float64Array(nRows);
  for (let v = 0; v < nV; v++) rowUpper[v] = openings[v];
  for (let c = 0; c < nC; c++) {
    if (kind[c] === 1) rowUpper[row[c]] = 1;
    if (kind[c] === 2) {
      rowUpper[row[c]] = candidateHoursMax[c];
      rowUpper[row[c] + 1] = 1;
    }
  }
  const starts = new Int32Array(nP + 1);
  const indices: number[] = [];
  const values: number[] = [];
  const colCost = new Float64Array(nP);
  for (let p = 0; p < nP; p++) {
    const c = g.pairCandidate[p];
    const v = pairVacancy[p];
    colCost[p] = scaledScore(pairScore[p]);
    indices.push(v);
    values.push(1);
    const r = row[c];
    if (kind[c] === 1) {
      indices.push(r);
      values.push(1);
    } else if (kind[c] === 2) {
      const h = vacancyHours[v];
      const H = candidateHoursMax[c];
      if (h <= H) {
        indices.push(r);
        values.push(h);
      } else if (H > 0) {
        indices.push(r, r + 1);
        values.push(H, 1);
      } else {
        indices.push(r + 1);
        values.push(1);
      }
    }
    starts[p + 1] = indices.length;
  }
  const nCols = nP;

  const highs = await loadHighs();
  const model = highs.createModel({
    numCols: nCols,
    numRows: nRows,
    sense: highs.constants.objectiveSense.maximize,
    colCost,
    colLower: new Float64Array(nCols),
    colUpper: new Float64Array(nCols).fill(1),
    rowLower,
    rowUpper,
    matrix: { format: 'csc', numRows: nRows, numCols: nCols, starts, indices: Int32Array.from(indices), values: Float64Array.from(values) },
    integrality: new Int32Array(nCols).fill(highs.constants.variableType.integer),
  });
  try {
    model.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0.5, time_limit: timeLimitSeconds, random_seed: 0 });
    model.setSolution({ colValue: Float64Array.from(seed) });
    const { modelStatus } = model.run();
    const x = model.getSolution().colValue;
    const held = new Uint8Array(nP);
    for (let p = 0; p < nP; p++) held[p] = x[p] > 0.5 ? 1 : 0;
    return { held, proven: modelStatus === highs.constants.modelStatus.optimal };
  } finally {
    model.dispose();
  }
}
