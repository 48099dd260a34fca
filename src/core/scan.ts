/**
 * Grid scans: the candidates that may reach one vacancy, or the vacancies one candidate may
 * reach. Cheap bit tests first, then a distance test against the precomputed reach, and the full
 * kernel only for pairs that can still enter a list.
 */
import { B_COMMUTE, type Kernel } from '../kernel/kernel.js';
import type { Grid } from '../geo/grid.js';
import { COMMUTE_SLOPE, NEAR_MISS_COMMUTE_FACTOR } from '../scoring/model.js';
import { DEG, EARTH_RADIUS_KM, MEAN_TRIP_IN_DISC } from '../geo/travel.js';
import { shownBlockerCount, type NearMissTopK, type TopK } from '../rank/topk.js';
import type { HeapBank } from '../rank/bank.js';
import { homeCareSlack } from './indexes.js';

/** Relative slack on reach tests so float rounding never drops a pair the kernel would keep. */
const REACH_EPS = 1e-9;

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

const range = new Int32Array(4);

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
  const lat = v.lat[vi];
  const lon = v.lon[vi];
  const radius = v.radius[vi];
  const slack = homeCareSlack(radius);
  grid.rangeInto(lat, lon, grid.maxRadius + slack + 1e-6, range);
  const x0 = range[0], x1 = range[1], y0 = range[2], y1 = range[3];
  const { compact, cellStart, items, cellRadius, itemRadius, nx } = grid;
  // Pure shortlists may stop early: cells are visited in rings around the vacancy (nearest
  // first), and once the list is full, a candidate whose best possible score cannot beat the
  // last kept one ends the cell (and a ring whose nearest cell cannot, the scan).
  const bounded = sinks.near === null && (sinks.visit ?? null) === null && sinks.candidateBank === null;
  const top = sinks.top;
  const filter = kernel.shortlistFilter;
  if (bounded) filter.setVacancy(vi, sinks.withoutBonus === true);
  const restMax = 100 - kernel.wCommute + kernel.maxBonus + 1e-9;
  const wc = kernel.wCommute * COMMUTE_SLOPE;
  const cx = Math.min(x1, Math.max(x0, Math.floor((lon - grid.lon0) / grid.cellDeg)));
  const cy = Math.min(y1, Math.max(y0, Math.floor((lat - grid.lat0) / grid.cellDeg)));
  const rings = Math.max(cx - x0, x1 - cx, cy - y0, y1 - cy);
  const farLat = Math.min(89.9, Math.max(Math.abs(grid.lat0 + y0 * grid.cellDeg), Math.abs(grid.lat0 + (y1 + 1) * grid.cellDeg)));
  const cellKmMin = grid.cellDeg * EARTH_RADIUS_KM * DEG * Math.cos(farLat * DEG);
  for (let r = 0; r <= rings; r++) {
    for (let y = cy - r; y <= cy + r; y++) {
      if (y < y0 || y > y1) continue;
      const edge = y === cy - r || y === cy + r;
      for (let x = cx - r; x <= cx + r; x += edge ? 1 : 2 * r) {
        if (x >= x0 && x <= x1) {
          const cell = compact[y * nx + x];
          const s0 = cell < 0 ? 0 : cellStart[cell];
          const s1 = cell < 0 ? 0 : cellStart[cell + 1];
          if (s0 !== s1) {
            const dmin = grid.minKmToCell(lat, lon, x, y);
            if (dmin <= (cellRadius[cell] + slack) * (1 + REACH_EPS) + 1e-6) {
              // The commute distance is at least this (home care: the way to the zone + a mean trip).
              const dEff = radius > 0 ? Math.max(MEAN_TRIP_IN_DISC * radius, dmin - slack) : dmin;
              for (let s = s0; s < s1; s++) {
                const reach = itemRadius[s];
                // Items are sorted by reach descending: the rest of the cell cannot reach either.
                if ((reach + slack) * (1 + REACH_EPS) + 1e-6 < dmin) break;
                if (bounded && top.size === top.k) {
                  const threshold = top.scores[0];
                  const ratio = dEff / reach;
                  if (restMax + kernel.wCommute - wc * (ratio < 1 ? ratio : 1) < threshold) break;
                  if (!filter.mayEnter(items[s], threshold)) continue;
                }
                visitPair(kernel, items[s], vi, slack, sinks);
              }
            }
          }
        }
        if (r === 0) break;
      }
    }
    if (bounded && top.size === top.k && r > 0) {
      // Every cell of the next rings is at least r cells away: stop when even the longest reach
      // cannot score enough from there.
      const ringMin = r * cellKmMin;
      const dEff = radius > 0 ? Math.max(MEAN_TRIP_IN_DISC * radius, ringMin - slack) : ringMin;
      const ratio = dEff / grid.maxRadius;
      if (restMax + kernel.wCommute - wc * (ratio < 1 ? ratio : 1) < top.scores[0]) break;
    }
  }
  for (let k = 0; k < overflow.length; k++) visitPair(kernel, overflow[k], vi, slack, sinks);
}

function visitPair(kernel: Kernel, ci: number, vi: number, slack: number, sinks: VacancyScanSinks): void {
  const c = kernel.c;
  if (c.alive[ci] === 0) return;
  const hard = kernel.hardMask(ci, vi);
  const near = sinks.near;
  const visit = sinks.visit ?? null;
  const wide = near !== null || visit !== null;
  if (hard !== 0 && !wide) return;
  const d = kernel.distance(ci, vi);
  const limit = (wide ? c.reachNear[ci] : c.reach[ci]) + slack;
  if (d > limit * (1 + REACH_EPS) + 1e-6) return;
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
  /** Stop at the first eligible vacancy (the scan then returns true). */
  stopAtEligible?: boolean;
  /** Receives the slot of every eligible vacancy. */
  eligibleOut?: number[] | null;
  /** Only blocker masks are wanted (visit gets NaN as the score): criteria are not computed. */
  masksOnly?: boolean;
  /** Rank by the bonus-free score, the one an employer's Match shows (MODEL.md "Two audiences"). */
  withoutBonus?: boolean;
}

const FIRST_ELIGIBLE: CandidateScanSinks = { top: null, near: null, visit: null, stopAtEligible: true, masksOnly: true };

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
): boolean {
  const c = kernel.c;
  const lat = c.lat[ci];
  const lon = c.lon[ci];
  grid.rangeInto(lat, lon, reachKm + grid.maxRadius + 1e-6, range);
  const x0 = range[0], x1 = range[1], y0 = range[2], y1 = range[3];
  const { compact, cellStart, items, cellRadius, itemRadius, nx } = grid;
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const cell = compact[y * nx + x];
      if (cell < 0) continue;
      const s0 = cellStart[cell];
      const s1 = cellStart[cell + 1];
      if (s0 === s1) continue;
      const dmin = grid.minKmToCell(lat, lon, x, y);
      if (dmin > (reachKm + cellRadius[cell]) * (1 + REACH_EPS) + 1e-6) continue;
      for (let s = s0; s < s1; s++) {
        if ((reachKm + itemRadius[s]) * (1 + REACH_EPS) + 1e-6 < dmin) break;
        if (visitVacancy(kernel, ci, items[s], reachKm, sinks) && sinks.stopAtEligible === true) return true;
      }
    }
  }
  for (let k = 0; k < overflow.length; k++) {
    if (visitVacancy(kernel, ci, overflow[k], reachKm, sinks) && sinks.stopAtEligible === true) return true;
  }
  return false;
}

/** Evaluates one pair for the candidate-side scan; returns whether it is eligible. */
function visitVacancy(kernel: Kernel, ci: number, vi: number, reachKm: number, sinks: CandidateScanSinks): boolean {
  const v = kernel.v;
  if (v.alive[vi] === 0) return false;
  const hard = kernel.hardMask(ci, vi);
  if (hard !== 0 && sinks.near === null && sinks.visit === null) return false;
  const d = kernel.distance(ci, vi);
  if (d > (reachKm + homeCareSlack(v.radius[vi])) * (1 + REACH_EPS) + 1e-6) return false;
  if (sinks.masksOnly === true) {
    const mask = kernel.blockersFrom(ci, vi, hard);
    if (sinks.visit !== null) sinks.visit(vi, mask, NaN);
    return mask === 0;
  }
  const score = kernel.evaluateFrom(ci, vi, hard);
  const mask = kernel.mask;
  if (sinks.visit !== null) sinks.visit(vi, mask, score);
  const shown = withBonus(score, sinks.withoutBonus === true ? 0 : kernel.c.bonus[ci]);
  if (mask === 0) {
    if (sinks.top !== null) sinks.top.push(shown, vi);
    if (sinks.eligibleOut != null) sinks.eligibleOut.push(vi);
    return true;
  }
  if (sinks.near !== null) pushNearMiss(kernel, sinks.near, mask, shown, vi, ci);
  return false;
}

/** Whether candidate `ci` has at least one eligible vacancy (the scan stops at the first). */
export function hasEligibleVacancy(kernel: Kernel, grid: Grid, overflow: readonly number[], ci: number, reachKm: number): boolean {
  return scanVacanciesForCandidate(kernel, grid, overflow, ci, reachKm, FIRST_ELIGIBLE);
}

/**
 * Every vacancy candidate `ci` reaches within `reachKm` with an acceptable commute: its blocker mask
 * goes to `maskOut[vi]` and its id rank `rank[vi]` is set in `rankBits`, so the caller reads them in
 * id order. The pathway recommender's one scan; written without sinks or callbacks because it runs
 * for every candidate of a batch (a callback per vacancy cost a third of the scan).
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
  grid.rangeInto(lat, lon, reachKm + grid.maxRadius + 1e-6, range);
  const x0 = range[0], x1 = range[1], y0 = range[2], y1 = range[3];
  const { compact, cellStart, items, cellRadius, itemRadius, nx } = grid;
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const cell = compact[y * nx + x];
      if (cell < 0) continue;
      const s0 = cellStart[cell];
      const s1 = cellStart[cell + 1];
      if (s0 === s1) continue;
      const dmin = grid.minKmToCell(lat, lon, x, y);
      if (dmin > (reachKm + cellRadius[cell]) * (1 + REACH_EPS) + 1e-6) continue;
      for (let s = s0; s < s1; s++) {
        if ((reachKm + itemRadius[s]) * (1 + REACH_EPS) + 1e-6 < dmin) break;
        reachMask(kernel, ci, items[s], reachKm, rank, maskOut, rankBits);
      }
    }
  }
  for (let k = 0; k < overflow.length; k++) reachMask(kernel, ci, overflow[k], reachKm, rank, maskOut, rankBits);
}

function reachMask(kernel: Kernel, ci: number, vi: number, reachKm: number, rank: Int32Array, maskOut: Int32Array, rankBits: Uint32Array): void {
  const v = kernel.v;
  if (v.alive[vi] === 0) return;
  const d = kernel.distance(ci, vi);
  if (d > (reachKm + homeCareSlack(v.radius[vi])) * (1 + REACH_EPS) + 1e-6) return;
  const mask = kernel.blockersAt(ci, vi, kernel.hardMask(ci, vi), d);
  if ((mask & B_COMMUTE) !== 0) return;
  maskOut[vi] = mask;
  const r = rank[vi];
  rankBits[r >>> 5] |= 1 << (r & 31);
}
