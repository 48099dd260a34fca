/**
 * The optimal allocation when a candidate may take several posts (multiPost): no longer a flow
 * (a candidate's hours are a knapsack), so an exact MILP solved by HiGHS (WebAssembly, loaded on
 * first use only).
 *
 *   maximise Σ round(1000 · score_p) · x_p          x_p ∈ {0, 1} for each eligible pair
 *   Σ_{p ∈ v} x_p ≤ openings_v                        for each vacancy
 *   Σ_{p ∈ c, h_p ≤ H_c} h_p x_p + H_c · Σ_{p ∈ c, h_p > H_c} x_p ≤ H_c
 *   Σ_{p ∈ c, h_p > H_c} x_p ≤ 1                       for each candidate whose posts cannot all fit
 *
 * (H_c = weeklyHoursMax, h_p the vacancy's weekly hours ≥ 1.) A post longer than H_c may be taken
 * alone (as without multiPost), and then nothing else fits; shorter posts combine within H_c. No
 * big-M: the relaxation stays close to the flow's. The objective has integer coefficients, so an
 * absolute gap below 1 proves the optimum exactly. The single-post optimum (a flow) seeds the
 * search as a first feasible solution.
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

export async function multiPostOptimal(g: EligibleGraph, seed: Uint8Array, timeLimitSeconds: number): Promise<MilpResult> {
  const { cStart, pairVacancy, vStart, vPairs, openings, vacancyHours, candidateHoursMax, pairScore } = g;
  const nC = cStart.length - 1;
  const nV = vStart.length - 1;
  const nP = pairVacancy.length;
  if (nP === 0) return { held: new Uint8Array(0), proven: true };

  // Rows: vacancies, then two rows per candidate whose posts cannot all be taken together.
  const hoursRow = new Int32Array(nC).fill(-1);
  let nRows = nV;
  for (let c = 0; c < nC; c++) {
    if (cStart[c + 1] - cStart[c] < 2) continue;
    let sum = 0;
    for (let p = cStart[c]; p < cStart[c + 1]; p++) sum += vacancyHours[pairVacancy[p]];
    if (sum <= candidateHoursMax[c]) continue;
    hoursRow[c] = nRows;
    nRows += 2;
  }
  const rowLower = new Float64Array(nRows).fill(-Infinity);
  const rowUpper = new Float64Array(nRows);
  for (let v = 0; v < nV; v++) rowUpper[v] = openings[v];
  for (let c = 0; c < nC; c++) {
    if (hoursRow[c] < 0) continue;
    rowUpper[hoursRow[c]] = candidateHoursMax[c];
    rowUpper[hoursRow[c] + 1] = 1;
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
    const row = hoursRow[c];
    if (row >= 0) {
      const h = vacancyHours[v];
      const H = candidateHoursMax[c];
      if (h <= H) {
        indices.push(row);
        values.push(h);
      } else if (H > 0) {
        indices.push(row, row + 1);
        values.push(H, 1);
      } else {
        indices.push(row + 1);
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
