/**
 * calibrateWeights (MODEL.md "Weights from outcomes"): a logistic regression of an outcome
 * (hired, or still in post at 6 months) on the criterion values logged when each pair was
 * proposed, with an L2 penalty and non-negative coefficients, rescaled into weights for
 * `createEngine({ weights })`. The outcome schema is closed: no public category, status or age
 * can enter the fit.
 *
 * The fit is a projected Newton method (Bertsekas 1982) on
 *   f(b₀, β) = Σᵢ −[yᵢ log pᵢ + (1 − yᵢ) log(1 − pᵢ)] + (l2 / 2) ‖β‖²,  pᵢ = σ(b₀ + xᵢ·β),  β ≥ 0,
 * the intercept b₀ free and unpenalised: coefficients at 0 whose gradient pushes them below are
 * held there, a Newton step is solved on the others (ml-matrix: Xᵀ W X and a Cholesky solve),
 * the step is projected back onto β ≥ 0 with an Armijo backtracking search.
 */
import { CholeskyDecomposition, Matrix } from 'ml-matrix';
import { CRITERION_CODES, type Weights } from '../scoring/model.js';
import { PasserelleInputError, issue } from '../errors.js';
import { checkCallOptions } from '../engine/call-options.js';
import type { Rejection } from '../validate/batch.js';
import { CalibrateOptionsSchema, OutcomeSchema, candidateIdOf, quickOutcome, type Outcome } from './schemas.js';
import { batchArgument, readElement, readRecord } from '../validate/edge.js';

export type OutcomeLabel = 'hired' | 'retained6m';

export interface CalibrateOptions {
  /** What counts as success (default `hired`). */
  label?: OutcomeLabel;
  /** L2 penalty on the criterion coefficients (default 1; the intercept is not penalised). */
  l2?: number;
  /** Newton iterations at most (default 100). */
  maxIterations?: number;
}

export interface Calibration {
  /** Non-negative, summing to 100 (to the hundredth), one per criterion of DEFAULT_WEIGHTS. */
  weights: Weights;
  fit: {
    n: number;
    /** Mean log-loss of the fitted model on the outcomes (unpenalised). */
    logLoss: number;
    /** Mean log-loss of the intercept alone (the base rate): what the criteria improve on. */
    nullLogLoss: number;
    /** McFadden's pseudo-R² = 1 − logLoss / nullLogLoss: 0 when the criteria explain nothing. */
    pseudoR2: number;
    /** Area under the ROC curve on the outcomes (ties count half). */
    auc: number;
    iterations: number;
    converged: boolean;
  };
  /** The fitted logistic coefficients (per unit of criterion value) and intercept. */
  coefficients: { intercept: number } & Weights;
  label: OutcomeLabel;
  rejected: Rejection[];
}

const P = CRITERION_CODES.length;
const Q = P + 1;
/** Stop when the largest projected-gradient component, per outcome, falls below this. */
const TOLERANCE = 1e-9;
const ARMIJO = 1e-4;

function labelIssues(o: Outcome, label: OutcomeLabel) {
  if (label !== 'retained6m') return [];
  if (o.retained6m === true && !o.hired) return [issue('contradictory', 'retained6m', 'une personne non embauchée ne peut pas être maintenue en poste')];
  // Not hired means not retained; a hire whose 6 months are not known cannot be labelled.
  if (o.retained6m === undefined && o.hired) return [issue('required', 'retained6m', 'champ obligatoire pour une embauche quand label vaut retained6m')];
  return [];
}

/** σ(t) = 1 / (1 + e^−t), and log(1 + e^t) without overflow. */
const sigmoid = (t: number) => (t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t)));
const softplus = (t: number) => (t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t)));

/** Σᵢ log-loss at linear predictors `eta` (= Σ softplus(η) − yη). */
function logLossSum(eta: Float64Array, y: Uint8Array): number {
  let s = 0;
  for (let i = 0; i < eta.length; i++) s += softplus(eta[i]) - (y[i] === 1 ? eta[i] : 0);
  return s;
}

/** AUC by ranks (Mann–Whitney U), tied scores sharing their mean rank. */
export function auc(scores: Float64Array, y: Uint8Array): number {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b] || a - b);
  let pos = 0;
  let rankSum = 0;
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1]] === scores[order[i]]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (y[order[k]] === 1) { rankSum += rank; pos++; }
    i = j + 1;
  }
  const neg = n - pos;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** Weights from coefficients: β rescaled to sum to 100, in hundredths (largest remainder). */
function toWeights(beta: readonly number[]): Weights {
  const sum = beta.reduce((a, b) => a + b, 0);
  // No criterion raises the odds: nothing to tell them apart, every weight equal.
  const shares = sum > 0 ? beta.map((b) => (b * 10_000) / sum) : beta.map(() => 10_000 / P);
  const units = shares.map(Math.floor);
  let left = 10_000 - units.reduce((a, b) => a + b, 0);
  const byRemainder = shares.map((_, i) => i).sort((a, b) => (shares[b] - units[b]) - (shares[a] - units[a]) || a - b);
  for (const i of byRemainder) { if (left <= 0) break; units[i]++; left--; }
  const out = {} as Weights;
  CRITERION_CODES.forEach((c, i) => { out[c] = units[i] / 100; });
  return out;
}

/**
 * Learns criterion weights from what became of proposed pairs. Invalid outcomes are listed in
 * `rejected` with their issues and the rest is fitted; extra criterion keys (positive_action…)
 * are ignored.
 *
 * @example
 * const { weights, fit } = calibrateWeights(outcomes, { label: 'retained6m' });
 * if (fit.auc > 0.6) engine = createEngine({ weights });
 */
export function calibrateWeights(outcomes: readonly unknown[], options?: CalibrateOptions): Calibration {
  const opts = checkCallOptions(CalibrateOptionsSchema, options);
  const label: OutcomeLabel = opts.label ?? 'hired';
  const l2 = opts.l2 ?? 1;
  const maxIterations = opts.maxIterations ?? 100;
  const list = batchArgument(outcomes, 'outcomes', 'options');

  const rejected: Rejection[] = [];
  const rows: number[][] = [];
  const labels: number[] = [];
  for (let index = 0; index < list.length; index++) {
    const read = readRecord<Outcome>(OutcomeSchema, readElement(list, index), quickOutcome);
    const issues = read.ok ? labelIssues(read.value, label) : read.issues;
    if (!read.ok || issues.length > 0) {
      const id = read.ok ? read.value.candidateId : candidateIdOf(read.copy);
      rejected.push({ index, ...(id !== undefined ? { id } : {}), issues });
      continue;
    }
    const o = read.value;
    const row = new Array<number>(Q);
    row[0] = 1;
    for (let j = 0; j < P; j++) row[j + 1] = o.criteria[CRITERION_CODES[j]];
    rows.push(row);
    labels.push((label === 'hired' ? o.hired : o.retained6m === true) ? 1 : 0);
  }
  const n = rows.length;
  const y = Uint8Array.from(labels);
  const positives = labels.reduce((a, b) => a + b, 0);
  if (positives === 0 || positives === n) {
    throw new PasserelleInputError('options', [issue('too_small', 'outcomes',
      `au moins une issue positive et une négative (${label}) sont nécessaires parmi les issues valides (${n})`)]);
  }

  const X = new Matrix(rows);
  const Xt = X.transpose();
  const beta = new Array<number>(Q).fill(0);
  beta[0] = Math.log(positives / (n - positives));
  const nullLoss = logLossSum(new Float64Array(n).fill(beta[0]), y);

  // Products are taken in the orientation that keeps ml-matrix's results one row long (a column
  // vector of n rows would allocate n arrays).
  const etaOf = (b: readonly number[]) => Float64Array.from(Matrix.rowVector(b).mmul(Xt).getRow(0));
  const xtRows = Array.from({ length: Q }, (_, j) => Float64Array.from(Xt.getRow(j)));
  const XtW = new Matrix(Q, n);
  const scaled = new Float64Array(n);
  const objective = (eta: Float64Array, b: readonly number[]) => {
    let pen = 0;
    for (let j = 1; j < Q; j++) pen += b[j] * b[j];
    return logLossSum(eta, y) + (l2 / 2) * pen;
  };

  let eta = etaOf(beta);
  let f = objective(eta, beta);
  let iterations = 0;
  let converged = false;
  const residual = new Float64Array(n);
  const w = new Float64Array(n);
  while (iterations < maxIterations) {
    for (let i = 0; i < n; i++) {
      const p = sigmoid(eta[i]);
      residual[i] = p - y[i];
      w[i] = p * (1 - p);
    }
    const g = Matrix.rowVector(residual).mmul(X).getRow(0);
    for (let j = 1; j < Q; j++) g[j] += l2 * beta[j];
    // Projected gradient: zero where a coefficient at 0 is pushed below.
    let pg = Math.abs(g[0]);
    for (let j = 1; j < Q; j++) pg = Math.max(pg, beta[j] > 0 ? Math.abs(g[j]) : Math.max(0, -g[j]));
    if (pg / n < TOLERANCE) { converged = true; break; }
    iterations++;

    const free: number[] = [0];
    for (let j = 1; j < Q; j++) if (!(beta[j] <= 1e-12 && g[j] > 0)) free.push(j);
    // Xᵀ W X: W's diagonal scales the rows of Xᵀ, ml-matrix multiplies.
    for (let j = 0; j < Q; j++) {
      const r = xtRows[j];
      for (let i = 0; i < n; i++) scaled[i] = r[i] * w[i];
      XtW.setRow(j, scaled);
    }
    const H = XtW.mmul(X);
    for (let j = 1; j < Q; j++) H.set(j, j, H.get(j, j) + l2);
    const HF = new Matrix(free.length, free.length);
    // Exactly symmetric (the product's two triangles differ in the last bits, which Cholesky refuses).
    for (let a = 0; a < free.length; a++) {
      for (let b = a; b < free.length; b++) {
        const h = H.get(free[a], free[b]);
        HF.set(a, b, h);
        HF.set(b, a, h);
      }
    }
    const chol = new CholeskyDecomposition(HF);
    // Xᵀ W X is positive semi-definite; with collinear columns and l2 = 0, fall back to gradient steps.
    const dF = chol.isPositiveDefinite()
      ? chol.solve(Matrix.columnVector(free.map((j) => -g[j]))).getColumn(0)
      : free.map((j) => -g[j] / Math.max(H.get(j, j), 1e-12));
    const d = new Array<number>(Q).fill(0);
    free.forEach((j, a) => { d[j] = dF[a]; });
    // Newton decrement: what a full step could still gain, per outcome.
    let decrement = 0;
    for (let j = 0; j < Q; j++) decrement -= g[j] * d[j];
    if (decrement / 2 / n < TOLERANCE) { converged = true; break; }

    let step = 1;
    let accepted = false;
    for (let tries = 0; tries < 30; tries++) {
      const next = beta.map((b, j) => (j === 0 ? b + step * d[j] : Math.max(0, b + step * d[j])));
      let descent = 0;
      for (let j = 0; j < Q; j++) descent += g[j] * (next[j] - beta[j]);
      const etaNext = etaOf(next);
      const fNext = objective(etaNext, next);
      if (fNext <= f + ARMIJO * descent) {
        const gain = f - fNext;
        for (let j = 0; j < Q; j++) beta[j] = next[j];
        eta = etaNext;
        f = fNext;
        accepted = true;
        if (gain <= 1e-12 * Math.max(1, Math.abs(f))) converged = true;
        break;
      }
      step /= 2;
    }
    // No step decreases f: numerically at the optimum (the gradient test did not quite fire).
    if (!accepted) converged = pg / n < 1e-6;
    if (!accepted || converged) break;
  }

  const loss = logLossSum(eta, y);
  const coefficients = { intercept: beta[0] } as { intercept: number } & Weights;
  CRITERION_CODES.forEach((c, j) => { coefficients[c] = beta[j + 1]; });
  return {
    weights: toWeights(beta.slice(1)),
    fit: { n, logLoss: loss / n, nullLogLoss: nullLoss / n, pseudoR2: 1 - loss / nullLoss, auc: auc(eta, y), iterations, converged },
    coefficients,
    label,
    rejected,
  };
}
