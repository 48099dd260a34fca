/**
 * spreadRecommendations: the vacancies each candidate is sent to apply to, so that no vacancy is
 * flooded while others get nobody (congestion), with what spreading costs and buys beside the
 * plain top-N lists.
 */
import type { Versions } from '../scoring/types.js';
import { checkCallOptions } from '../engine/call-options.js';
import { checkBatch, eligibleGraph, type BatchView, type EligibleGraph } from './graph.js';
import { maxWeightBMatching } from './min-cost-flow.js';
import { SpreadOptionsSchema, type SpreadOptions } from './schema.js';

export type { SpreadOptions };

export interface SpreadMetrics {
  /** Share of the batch's vacancies (all of them) recommended at least once. */
  coverage: number;
  /** Gini of recommended / openings over the batch's vacancies (0 when nothing is recommended). */
  gini: number;
  /** Mean score of the recommended pairs (0 when there are none). */
  meanScore: number;
  /** Number of recommended pairs. */
  pairs: number;
}

export interface Spread {
  /** Every candidate of the batch, in id order; vacancies by score then id. */
  lists: { candidateId: string; vacancyIds: string[]; reason?: 'no_eligible_vacancy' | 'outcompeted' }[];
  /** Every vacancy of the batch, in id order. */
  exposure: { vacancyId: string; recommended: number; openings: number; cap: number }[];
  metrics: SpreadMetrics & { unconstrained: SpreadMetrics };
  /** The total score of the recommended pairs (the maximum under the caps). */
  total: number;
  size: { candidates: number; vacancies: number; pairs: number };
  versions: Versions;
}

/**
 * Up to `perCandidate` vacancies per candidate, no vacancy recommended to more than
 * `perOpening × openings` candidates, the lists of largest total score under those caps (an exact
 * b-matching by min-cost flow; ties: the most recommendations). `metrics.unconstrained` measures
 * each candidate's plain top-`perCandidate` eligible vacancies (by score, ties by vacancy id).
 *
 * @example
 * const spread = spreadRecommendations(batch, { perCandidate: 5, perOpening: 3 });
 * spread.metrics.coverage; // vs spread.metrics.unconstrained.coverage
 */
export function spreadRecommendations(batch: BatchView, options: SpreadOptions = {}): Spread {
  const view = checkBatch(batch);
  const o = checkCallOptions(SpreadOptionsSchema, options ?? {});
  const perCandidate = o.perCandidate ?? 5;
  const perOpening = o.perOpening ?? 3;
  const g = eligibleGraph(view);
  const nC = g.candidateIds.length;
  const nV = g.vacancyIds.length;
  const cap = g.openings.map((n) => Math.min(n * perOpening, 2 ** 31 - 1));
  const used = maxWeightBMatching(g, new Int32Array(nC).fill(perCandidate), cap);

  // The plain top lists: each candidate's first perCandidate pairs (the graph keeps them by score, then id).
  const plain = new Uint8Array(used.length);
  for (let c = 0; c < nC; c++) for (let p = g.cStart[c]; p < Math.min(g.cStart[c + 1], g.cStart[c] + perCandidate); p++) plain[p] = 1;

  const lists: Spread['lists'] = [];
  let total = 0;
  for (let c = 0; c < nC; c++) {
    const vacancyIds: string[] = [];
    for (let p = g.cStart[c]; p < g.cStart[c + 1]; p++) {
      if (used[p] === 0) continue;
      vacancyIds.push(g.vacancyIds[g.pairVacancy[p]]);
      total += g.pairScore[p];
    }
    const item: Spread['lists'][number] = { candidateId: g.candidateIds[c], vacancyIds };
    if (vacancyIds.length === 0) item.reason = g.cStart[c + 1] === g.cStart[c] ? 'no_eligible_vacancy' : 'outcompeted';
    lists.push(item);
  }
  const recommended = countByVacancy(g, used);
  const exposure = Array.from({ length: nV }, (_, v) => ({
    vacancyId: g.vacancyIds[v], recommended: recommended[v], openings: g.openings[v], cap: cap[v],
  }));
  return {
    lists,
    exposure,
    metrics: { ...metrics(g, used, recommended), unconstrained: metrics(g, plain, countByVacancy(g, plain)) },
    total,
    size: { candidates: nC, vacancies: nV, pairs: g.pairVacancy.length },
    versions: g.versions,
  };
}

function countByVacancy(g: EligibleGraph, chosen: Uint8Array): Int32Array {
  const out = new Int32Array(g.vacancyIds.length);
  for (let p = 0; p < chosen.length; p++) if (chosen[p] === 1) out[g.pairVacancy[p]]++;
  return out;
}

function metrics(g: EligibleGraph, chosen: Uint8Array, recommended: Int32Array): SpreadMetrics {
  let pairs = 0;
  let sum = 0;
  for (let p = 0; p < chosen.length; p++) if (chosen[p] === 1) { pairs++; sum += g.pairScore[p]; }
  const n = recommended.length;
  let covered = 0;
  const x = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    if (recommended[v] > 0) covered++;
    x[v] = recommended[v] / g.openings[v];
  }
  return { coverage: n === 0 ? 0 : covered / n, gini: gini(x), meanScore: pairs === 0 ? 0 : sum / pairs, pairs };
}

/** Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² x̄), from the sorted values: Σᵢ Σⱼ |xᵢ − xⱼ| = 2 Σₖ (2k − n + 1) x₍ₖ₎. */
export function gini(values: Float64Array): number {
  const n = values.length;
  if (n === 0) return 0;
  const x = values.slice().sort();
  let sum = 0;
  let weighted = 0;
  for (let k = 0; k < n; k++) {
    sum += x[k];
    weighted += (2 * k - n + 1) * x[k];
  }
  return sum === 0 ? 0 : (2 * weighted) / (2 * n * sum);
}
