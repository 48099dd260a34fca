/**
 * The work of one shard of a batch: every vacancy of the shard gets its shortlist; every
 * candidate's best vacancies and eligible count accumulate. Runs on the main thread or in a worker.
 */
import type { Kernel } from '../kernel/kernel.js';
import type { Grid } from '../geo/grid.js';
import { TopK } from '../rank/topk.js';
import { HeapBank } from '../rank/bank.js';
import { scanCandidatesForVacancy, type VacancyScanSinks } from '../core/scan.js';
import { BLOCKER_CODES, TO_DISCUSS, TO_DISCUSS_BLOCKERS } from '../scoring/model.js';
import type { Audience } from '../scoring/types.js';

export interface ShardResult {
  /** Shortlists: vacancy k of the shard owns topSlots[k*K … k*K + topCounts[k]). */
  topSlots: Int32Array;
  topScores: Float64Array;
  topCounts: Int32Array;
  /** Per-candidate best vacancies (null when perCandidate is 0). */
  bankScores: Float64Array | null;
  bankItems: Int32Array | null;
  bankSizes: Int32Array | null;
}

export class ShardRunner {
  readonly result: ShardResult;
  private readonly top: TopK;
  private readonly sinks: VacancyScanSinks;

  constructor(
    private readonly kernel: Kernel,
    /** The candidate grid to scan for a vacancy slot (its legal diploma's holders, or everyone). */
    private readonly gridFor: (vi: number) => Grid,
    private readonly overflow: readonly number[],
    private readonly vacancySlots: Int32Array,
    candidateIds: readonly string[],
    vacancyIds: readonly string[],
    private readonly perVacancy: number,
    perCandidate: number,
    candidateCapacity: number,
    /** Shared marks of candidates found eligible (spares them the matched check afterwards). */
    matched: Uint8Array | null = null,
    /** Rank by the bonus-free score: an employer's lists may not depend on categories (MODEL.md "Two audiences"). */
    withoutBonus = false,
  ) {
    const bank = perCandidate > 0 ? new HeapBank(candidateCapacity, perCandidate, vacancyIds) : null;
    this.result = {
      topSlots: new Int32Array(vacancySlots.length * perVacancy),
      topScores: new Float64Array(vacancySlots.length * perVacancy),
      topCounts: new Int32Array(vacancySlots.length),
      bankScores: bank?.scores ?? null,
      bankItems: bank?.items ?? null,
      bankSizes: bank?.sizes ?? null,
    };
    this.top = new TopK(perVacancy, candidateIds);
    // Without per-candidate lists the scan may stop early (bounded by the k-th best score).
    this.sinks = { top: this.top, near: null, candidateBank: bank, matched, withoutBonus };
  }

  /** Shortlists vacancies [from, to) of the shard. */
  run(from: number, to: number): void {
    const { top, sinks, kernel, overflow, vacancySlots, result } = this;
    const K = this.perVacancy;
    for (let k = from; k < to; k++) {
      top.reset();
      const vi = vacancySlots[k];
      scanCandidatesForVacancy(kernel, this.gridFor(vi), overflow, vi, sinks);
      result.topCounts[k] = top.drainInto(result.topSlots, result.topScores, k * K);
    }
  }
}

/**
 * A record's blocker counts: one column per blocker, then `to_discuss` (the pairs that either of
 * its blockers kept out), so that both audiences' counts come from the same scan.
 */
export const COUNT_COLUMNS = BLOCKER_CODES.length + 1;

/**
 * The counts as an audience reads them (MODEL.md "Two audiences"): the employer's fold a
 * restriction and a missing work authorisation into `to_discuss`, last.
 */
export function countsFor(counts: Int32Array, at: number, audience: Audience): Partial<Record<string, number>> {
  const out: Partial<Record<string, number>> = {};
  const employer = audience === 'employer';
  for (let b = 0; b < BLOCKER_CODES.length; b++) {
    const n = counts[at + b];
    if (n > 0 && !(employer && TO_DISCUSS_BLOCKERS.includes(BLOCKER_CODES[b]))) out[BLOCKER_CODES[b]] = n;
  }
  const shared = counts[at + BLOCKER_CODES.length];
  if (employer && shared > 0) out[TO_DISCUSS] = shared;
  return out;
}
