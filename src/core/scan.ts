/**
 * Grid scans: the candidates that may reach one vacancy, or the vacancies one candidate may
 * reach. Cheap bit tests first, then a distance test against the precomputed reach, and the full
 * kernel only for pairs that can still enter a list.
 */
import { B_COMMUTE, SLACK, type Kernel } from '../kernel/kernel.js';
import { RING_COUNT, RING_KM, reachNeeded, withinReach, type Grid } from '../geo/grid.js';
import { COMMUTE_SLOPE, NEAR_MISS_COMMUTE_FACTOR, QUALIFICATION } from '../scoring/model.js';
import { F_EXPECTED_EMPTY } from '../encode/flags.js';
import { BEST_EXPERIENCE_RUNG, commuteCap, commuteKm, homeCareSlack, noneExpectedValue } from '../kernel/criteria.js';
import { shownBlockerCount, type NearMissTopK, type TopK } from '../rank/topk.js';
import type { HeapBank } from '../rank/bank.js';

/**
 * Work done by the scans of this thread, read by bench/run.ts (not public API), at the indexes
 * below: candidates met in reach of a shortlist scan, those the bound was computed for, those it
 * let through, pairs fully scored, and grid items skipped on their bits (capabilities, experience
 * for the post) before any of that (counted again in each grid that holds them). A Float64Array:
 * counts pass 2³¹ nationally, where an object's number field would box every increment.
 */
export const scanCounters = new Float64Array(5);
export const IN_REACH = 0, BOUNDED = 1, PASSED = 2, SCORED = 3, CAPABILITY_SKIPPED = 4;

/** The cells a traversal lists, with their lower-bound km; grown to the largest grid seen. */
let cells = new Int32Array(256);
let cellKm = new Float64Array(256);
function reserveCells(grid: Grid): void {
  if (cells.length < grid.cellCount) {
    cells = new Int32Array(grid.cellCount);
    cellKm = new Float64Array(grid.cellCount);
  }
}
const ring = new Float64Array(8);

export interface VacancyScanSinks {
  top: TopK;
  near: NearMissTopK | null;
  /** Per-candidate best vacancies (matchAll with perCandidate). */
  candidateBank: HeapBank | null;
  /** Called for every pair within near-miss reach (blocker counts of unmatched vacancies). */
  visit?: ((ci: number, mask: number) => void) | null;
  /** Marked 1 for every candidate found eligible (shared between worker threads). */
  matched?: Uint8Array | null;
  /** Rank by the bonus-free score, the one an employer's Match shows (MODEL.md "Two audiences"). */
  withoutBonus?: boolean;
}


/** Score of a pair with the positive-action bonus, capped so the total stays ≤ 100. */
function withBonus(score: number, bonus: number): number {
  if (bonus <= 0) return score;
  const room = 100 - score;
  return score + (bonus < room ? bonus : room);
}

export function scanCandidatesForVacancy(
  kernel: Kernel,
  grid: Grid,
  overflow: readonly number[],
  vi: number,
  sinks: VacancyScanSinks,
): void {
  const v = kernel.v;
  // Pure shortlists may stop early (bounded by the last kept score); lists that want near misses,
  // per-candidate bests or blocker counts see every pair in reach.
  const bounded = sinks.near === null && (sinks.visit ?? null) === null && sinks.candidateBank === null;
  const tiers = grid.tiers;
  // The best possible score but the commute: every other criterion perfect, the largest bonus.
  const restMax = 100 - kernel.wCommute + kernel.maxBonus + SLACK;
  if (!bounded) {
    scanRings(kernel, grid, vi, sinks, false, restMax, 0, ANY);
  } else {
    const filter = kernel.shortlistFilter;
    filter.setVacancy(vi, sinks.withoutBonus === true);
    filter.eligible = sinks.matched ?? null;
    // Without experience for the post a candidate loses its experience points.
    const loss = kernel.wExp;
    if (tiers === null) {
      scanRings(kernel, grid, vi, sinks, true, restMax, loss, ANY);
    } else {
      // The post's qualification tiers first, best first: they fill the list with high scores,
      // and each next scan has a lower bound (its rung capped), so its rings stop nearer. A
      // visited candidate carries the vacancy's stamp and is not visited again.
      filter.newStamp();
      const wq = kernel.wQual;
      if ((v.flags[vi] & F_EXPECTED_EMPTY) !== 0) {
        // First who holds any certification.
        scanTiers(kernel, tiers, grid.tierSplit, vi, sinks, restMax, restMax, loss);
        scanRings(kernel, grid, vi, sinks, true, restMax - wq * (1 - noneExpectedValue(false)), loss, SKIP_MARKED);
      } else {
        // Who holds an expected certification, then who partly holds or is bridged to one.
        scanTiers(kernel, tiers, grid.tierSplit, vi, sinks, restMax, restMax - wq * (1 - QUALIFICATION.partialOrInTraining), loss);
        // Outside the tiers the rung comes from months in the post's own fiche: none without its experience bit.
        scanRings(kernel, grid, vi, sinks, true, restMax - wq * (1 - BEST_EXPERIENCE_RUNG), loss + wq * BEST_EXPERIENCE_RUNG, SKIP_MARKED);
      }
    }
  }
  const slack = homeCareSlack(v.radius[vi]);
  for (let k = 0; k < overflow.length; k++) visitPair(kernel, overflow[k], vi, slack, sinks);
}

/** A shortlist grid's tiers in order, marking who they visit: the first `split` bounded by `restBest`, the others by `restNear`. */
function scanTiers(
  kernel: Kernel, tiers: readonly (Grid | null)[], split: number, vi: number, sinks: VacancyScanSinks, restBest: number, restNear: number, loss: number,
): void {
  for (let t = 0; t < tiers.length; t++) {
    const tier = tiers[t];
    if (tier !== null) scanRings(kernel, tier, vi, sinks, true, t < split ? restBest : restNear, loss, MARK);
  }
}

/** How a ring scan treats the stamp of the current vacancy: ignore it, set it, or skip who has it. */
const ANY = 0, MARK = 1, SKIP_MARKED = 2;

/**
 * The candidates of `grid` in reach of vacancy `vi`, by rings nearest first. When `bounded` and
 * the list is full, `restMax` (the best score but the commute of any item of this grid) ends a
 * cell at the first candidate whose reach leaves too little commute value, and the scan at the
 * first ring too far for the longest reach; and once a cell's best cannot enter with
 * `lossWithoutExperience` less, its items without experience for the post (their grid bits lack
 * its job bit) are skipped on the bit test; where the post requires experience, always.
 */
function scanRings(
  kernel: Kernel, grid: Grid, vi: number, sinks: VacancyScanSinks, bounded: boolean, restMax: number, lossWithoutExperience: number, stamps: number,
): void {
  const v = kernel.v;
  const lat = v.lat[vi];
  const lon = v.lon[vi];
  const radius = v.radius[vi];
  const slack = homeCareSlack(radius);
  const top = sinks.top;
  const filter = kernel.shortlistFilter;
  const seen = filter.seen;
  const stamp = filter.stamp;
  const wCommute = kernel.wCommute;
  const wc = wCommute * COMMUTE_SLOPE;
  const { cellStart, items, itemRadius } = grid;
  // A pair missing a capability is dropped by the kernel's first test unless near misses or
  // visits want it: then it is skipped on the grid's item bits (every item passes without them).
  const itemBits = grid.itemBits;
  const need = sinks.near === null && (sinks.visit ?? null) === null && itemBits !== null ? v.need[vi] : 0;
  const rome = v.rome[vi];
  const job = bounded && itemBits !== null && rome >= 0 ? kernel.jobBit[rome] : 0;
  const always = v.requiredExperience[vi] > 0 ? need | job : need;
  reserveCells(grid);
  grid.ringsInto(lat, lon, slack, ring);
  const rings = ring[RING_COUNT];
  const ringKm = ring[RING_KM];
  // Counted in locals, added to scanCounters once: an increment of a typed array element per item
  // would chain every iteration through memory.
  let skipped = 0, inReach = 0, boundedCount = 0, passed = 0, scored = 0;
  const bonus = sinks.withoutBonus === true ? null : kernel.c.bonus;
  for (let r = 0; r <= rings; r++) {
    const n = grid.ringInto(lat, lon, slack, ring, r, cells, cellKm);
    for (let k = 0; k < n; k++) {
      const cell = cells[k];
      const dmin = cellKm[k];
      // The commute distance is at least this (home care: the way to the zone + a mean trip).
      const dEff = commuteKm(dmin, radius);
      // The job bit becomes required once even the cell's best commute cannot make up its loss
      // (tested again as the list's last score rises).
      const cellCapWithout = restMax - lossWithoutExperience + commuteCap(wCommute, wc, dEff, grid.cellRadius[cell]);
      let required = job !== 0 && top.size === top.k && cellCapWithout < top.scores[0] ? need | job : always;
      // The least reach that passes the reach test at this cell's distance, taken a little lower
      // (an item let through that cannot reach fails the bound's own reach test).
      const leastReach = reachNeeded(dmin) - slack;
      const s1 = cellStart[cell + 1];
      for (let s = cellStart[cell]; s < s1; s++) {
        const reach = itemRadius[s];
        // Items are sorted by reach descending: the rest of the cell cannot reach either.
        if (reach < leastReach) break;
        if (required !== 0 && (required & ~itemBits![s]) !== 0) {
          skipped++;
          continue;
        }
        const ci = items[s];
        if (stamps !== ANY) {
          if (seen[ci] === stamp) continue;
          if (stamps === MARK) seen[ci] = stamp;
        }
        inReach++;
        if (!bounded) {
          visitPair(kernel, ci, vi, slack, sinks);
          continue;
        }
        // Before the list is full every eligible pair enters.
        let threshold = -Infinity;
        let commuteMax = wCommute;
        if (top.size === top.k) {
          threshold = top.scores[0];
          commuteMax = commuteCap(wCommute, wc, dEff, reach);
          if (restMax + commuteMax < threshold) break;
          boundedCount++;
        }
        const score = filter.enteringScore(ci, threshold, restMax, commuteMax);
        if (score < 0) continue;
        if (threshold !== -Infinity) passed++;
        scored++;
        top.push(withBonus(score, bonus === null ? 0 : bonus[ci]), ci);
        if (job !== 0 && top.size === top.k && cellCapWithout < top.scores[0]) required = need | job;
      }
    }
    if (bounded && top.size === top.k && r > 0) {
      // Every cell of the next rings is at least r cells away: stop when even the longest reach
      // cannot score enough from there.
      if (restMax + commuteCap(wCommute, wc, commuteKm(r * ringKm, radius), grid.maxRadius) < top.scores[0]) break;
    }
  }
  const counters = scanCounters;
  counters[CAPABILITY_SKIPPED] += skipped;
  counters[IN_REACH] += inReach;
  counters[BOUNDED] += boundedCount;
  counters[PASSED] += passed;
  counters[SCORED] += scored;
}

function visitPair(kernel: Kernel, ci: number, vi: number, slack: number, sinks: VacancyScanSinks): void {
  const c = kernel.c;
  if (c.alive[ci] === 0) return;
  scanCounters[SCORED]++;
  const hard = kernel.hardMask(ci, vi);
  const near = sinks.near;
  const visit = sinks.visit ?? null;
  const wide = near !== null || visit !== null;
  if (hard !== 0 && !wide) return;
  const d = kernel.distance(ci, vi);
  if (!withinReach(d, (wide ? c.reachNear[ci] : c.reach[ci]) + slack)) return;
  const score = kernel.evaluateFrom(ci, vi, hard);
  const mask = kernel.mask;
  if (visit !== null) visit(ci, mask);
  const total = withBonus(score, sinks.withoutBonus === true ? 0 : c.bonus[ci]);
  if (mask === 0) {
    sinks.top.push(total, ci);
    if (sinks.matched != null) sinks.matched[ci] = 1;
    if (sinks.candidateBank !== null) sinks.candidateBank.push(ci, total, vi);
    return;
  }
  if (near === null) return;
  pushNearMiss(kernel, near, mask, total, ci, ci);
}

/**
 * A near miss has one or two blockers (the employer's `to_discuss` counting once), and a commute
 * blocker only within 1.5 × the candidate's limit. It ranks by `shown`, the score its Match shows
 * (positive-action bonus included for an advisor).
 */
function pushNearMiss(kernel: Kernel, near: NearMissTopK, mask: number, shown: number, item: number, ci: number): void {
  const count = shownBlockerCount(near, mask);
  if (count > 2) return;
  if ((mask & B_COMMUTE) !== 0 && kernel.minutes > NEAR_MISS_COMMUTE_FACTOR * kernel.c.maxMinutes[ci]) return;
  near.push(count, shown, item, mask);
}

export interface CandidateScanSinks {
  top: TopK | null;
  near: NearMissTopK | null;
  /** Called for every pair evaluated (counterfactuals, demand). */
  visit: ((vi: number, mask: number, score: number) => void) | null;
  /** Rank by the bonus-free score, the one an employer's Match shows (MODEL.md "Two audiences"). */
  withoutBonus?: boolean;
}

/**
 * The vacancies candidate `ci` may reach within `reachKm` (its own reach, its near-miss reach, or a
 * counterfactual one).
 */
export function scanVacanciesForCandidate(
  kernel: Kernel,
  grid: Grid,
  overflow: readonly number[],
  ci: number,
  reachKm: number,
  sinks: CandidateScanSinks,
): void {
  const c = kernel.c;
  const lat = c.lat[ci];
  const lon = c.lon[ci];
  const { cellStart, items, itemRadius } = grid;
  reserveCells(grid);
  const n = grid.withinInto(lat, lon, reachKm, cells, cellKm);
  for (let k = 0; k < n; k++) {
    const dmin = cellKm[k];
    const s1 = cellStart[cells[k] + 1];
    for (let s = cellStart[cells[k]]; s < s1; s++) {
      if (!withinReach(dmin, reachKm + itemRadius[s])) break;
      visitVacancy(kernel, ci, items[s], reachKm, sinks);
    }
  }
  for (let k = 0; k < overflow.length; k++) visitVacancy(kernel, ci, overflow[k], reachKm, sinks);
}

/** Evaluates one pair for the candidate-side scan. */
function visitVacancy(kernel: Kernel, ci: number, vi: number, reachKm: number, sinks: CandidateScanSinks): void {
  const v = kernel.v;
  if (v.alive[vi] === 0) return;
  const hard = kernel.hardMask(ci, vi);
  if (hard !== 0 && sinks.near === null && sinks.visit === null) return;
  const d = kernel.distance(ci, vi);
  if (!withinReach(d, reachKm + homeCareSlack(v.radius[vi]))) return;
  const score = kernel.evaluateFrom(ci, vi, hard);
  const mask = kernel.mask;
  if (sinks.visit !== null) sinks.visit(vi, mask, score);
  const shown = withBonus(score, sinks.withoutBonus === true ? 0 : kernel.c.bonus[ci]);
  if (mask === 0) {
    if (sinks.top !== null) sinks.top.push(shown, vi);
    return;
  }
  if (sinks.near !== null) pushNearMiss(kernel, sinks.near, mask, shown, vi, ci);
}

/**
 * Every vacancy candidate `ci` reaches within `reachKm` with an acceptable commute: its blocker mask
 * goes to `maskOut[vi]` and its id rank `rank[vi]` is set in `rankBits`, so the caller reads them in
 * id order. The pathway recommender's one scan; written without sinks or callbacks because it runs
 * for every candidate of a batch (a callback per vacancy would dominate the scan).
 */
export function scanReachMasks(
  kernel: Kernel,
  grid: Grid,
  overflow: readonly number[],
  ci: number,
  reachKm: number,
  rank: Int32Array,
  maskOut: Int32Array,
  rankBits: Uint32Array,
): void {
  const c = kernel.c;
  const lat = c.lat[ci];
  const lon = c.lon[ci];
  const { cellStart, items, itemRadius } = grid;
  reserveCells(grid);
  const n = grid.withinInto(lat, lon, reachKm, cells, cellKm);
  for (let k = 0; k < n; k++) {
    const dmin = cellKm[k];
    const s1 = cellStart[cells[k] + 1];
    for (let s = cellStart[cells[k]]; s < s1; s++) {
      if (!withinReach(dmin, reachKm + itemRadius[s])) break;
      reachMask(kernel, ci, items[s], reachKm, rank, maskOut, rankBits);
    }
  }
  for (let k = 0; k < overflow.length; k++) reachMask(kernel, ci, overflow[k], reachKm, rank, maskOut, rankBits);
}

function reachMask(kernel: Kernel, ci: number, vi: number, reachKm: number, rank: Int32Array, maskOut: Int32Array, rankBits: Uint32Array): void {
  const v = kernel.v;
  if (v.alive[vi] === 0) return;
  const d = kernel.distance(ci, vi);
  if (!withinReach(d, reachKm + homeCareSlack(v.radius[vi]))) return;
  const mask = kernel.blockersAt(ci, vi, kernel.hardMask(ci, vi), d);
  if ((mask & B_COMMUTE) !== 0) return;
  maskOut[vi] = mask;
  const r = rank[vi];
  rankBits[r >>> 5] |= 1 << (r & 31);
}
