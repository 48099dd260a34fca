/**
 * The unmatched accounting pair by pair, as matchAll did it before src/batch/account.ts: the oracle
 * its tests compare against and the "old" side of bench/account.bench.ts. Every pair goes through
 * the engine's own scans, one callback per pair.
 */
import type { Kernel } from '../src/kernel/kernel.js';
import type { Grid } from '../src/geo/grid.js';
import { TopK } from '../src/rank/topk.js';
import { scanCandidatesForVacancy, scanVacanciesForCandidate } from '../src/core/scan.js';
import { COUNT_COLUMNS } from '../src/batch/shard.js';
import { BLOCKER_CODES, TO_DISCUSS_MASK } from '../src/scoring/model.js';

function countMask(counts: Int32Array, at: number, mask: number): void {
  for (let b = 0; b < BLOCKER_CODES.length; b++) if ((mask & (1 << b)) !== 0) counts[at + b]++;
  if ((mask & TO_DISCUSS_MASK) !== 0) counts[at + BLOCKER_CODES.length]++;
}

/**
 * Each candidate of `slots`: `matched[k]` is 1 when some vacancy is eligible for it; otherwise (and
 * when `countBlockers`) its COUNT_COLUMNS blocker counts over the vacancies within near-miss reach.
 */
export function accountCandidatesPairwise(
  kernel: Kernel,
  vacancyGrid: Grid,
  vacancyOverflow: readonly number[],
  slots: Int32Array,
  countBlockers: boolean,
): { matched: Uint8Array; counts: Int32Array } {
  const nb = COUNT_COLUMNS;
  const matched = new Uint8Array(slots.length);
  const counts = new Int32Array(slots.length * nb);
  let at = 0;
  const sinks = { top: null, near: null, visit: (_vi: number, mask: number) => countMask(counts, at, mask) };
  // Matched: some vacancy within the candidate's own reach has no blocker (every pair is scanned).
  let eligible = false;
  const eligibility = { top: null, near: null, visit: (_vi: number, mask: number) => { if (mask === 0) eligible = true; } };
  for (let k = 0; k < slots.length; k++) {
    const ci = slots[k];
    eligible = false;
    scanVacanciesForCandidate(kernel, vacancyGrid, vacancyOverflow, ci, kernel.c.reach[ci], eligibility);
    if (eligible) {
      matched[k] = 1;
      continue;
    }
    at = k * nb;
    if (countBlockers) scanVacanciesForCandidate(kernel, vacancyGrid, vacancyOverflow, ci, kernel.c.reachNear[ci], sinks);
  }
  return { matched, counts };
}

/** The blocker counts of each vacancy of `slots` over every candidate within near-miss reach (COUNT_COLUMNS each). */
export function accountVacanciesPairwise(
  kernel: Kernel,
  nearGrid: Grid,
  overflow: readonly number[],
  slots: Int32Array,
  candidateIds: readonly string[],
): Int32Array {
  const counts = new Int32Array(slots.length * COUNT_COLUMNS);
  const emptyTop = new TopK(0, candidateIds);
  for (let k = 0; k < slots.length; k++) {
    const at = k * COUNT_COLUMNS;
    scanCandidatesForVacancy(kernel, nearGrid, overflow, slots[k], {
      top: emptyTop, near: null, candidateBank: null, visit: (_ci, mask) => countMask(counts, at, mask),
    });
  }
  return counts;
}
