/**
 * The unmatched accounting of a batch: for each candidate no shortlist holds, whether a vacancy is
 * eligible for it and, if none is, how many vacancies within near-miss reach each blocker kept out;
 * for each vacancy with an empty shortlist, the same counts over the candidates within its reach.
 */
import { chunkEnd, runToEnd, type Work } from '../work.js';
import { Kernel } from '../kernel/kernel.js';
import { VacancyColumns } from '../encode/vacancies.js';
import { RING_COUNT, withinReach, type Grid } from '../geo/grid.js';
import { COUNT_COLUMNS } from './shard.js';
import { BLOCKER_CODES, TO_DISCUSS_MASK, type Weights } from '../scoring/model.js';
import { homeCareSlack } from '../kernel/criteria.js';

/**
 * The cells a scan lists around a point (`Grid.withinInto`, the engine's own traversal), with
 * their lower-bound km; grown to the largest grid seen. Within a cell, items are sorted by radius
 * descending: a walk stops at the first whose radius cannot reach (the scans' `withinReach` cut),
 * so the pairs and cells visited, hence the counts, are the scans'.
 */
let cells = new Int32Array(256);
let cellKm = new Float64Array(256);
function reserveCells(grid: Grid): void {
  if (cells.length < grid.cellCount) {
    cells = new Int32Array(grid.cellCount);
    cellKm = new Float64Array(grid.cellCount);
  }
}
function listCells(grid: Grid, lat: number, lon: number, extraKm: number): number {
  reserveCells(grid);
  return grid.withinInto(lat, lon, extraKm, cells, cellKm);
}
/** Ring state of a nearest-first traversal (`Grid.ringsInto`). */
const ring = new Float64Array(8);

/** Adds a blocker mask to a record's counts: only its set bits are visited (usually one or two). */
function addMask(counts: Int32Array, at: number, mask: number): void {
  if ((mask & TO_DISCUSS_MASK) !== 0) counts[at + BLOCKER_CODES.length]++;
  while (mask !== 0) {
    const low = mask & -mask;
    counts[at + 31 - Math.clz32(low)]++;
    mask ^= low;
  }
}

/** The vacancy columns with slot k holding slot items[k], pausing between chunks. */
function* inGridOrder(v: VacancyColumns, items: Int32Array): Work<VacancyColumns> {
  const out = new VacancyColumns(v.certWords, v.skillWords);
  const n = items.length;
  out.ensure(n);
  out.size = n;
  const capacity = v.lat.length;
  const from = v as unknown as Record<string, unknown>;
  const to = out as unknown as Record<string, ArrayLike<number> & { [i: number]: number }>;
  // Every per-record column (all grow to the same capacity, `width` values per record), so the
  // kernel reads the same values by position whatever columns its blocker tests use.
  for (const key of Object.keys(from)) {
    const column = from[key];
    if (!ArrayBuffer.isView(column)) continue;
    const src = column as unknown as ArrayLike<number>;
    const dst = to[key];
    const width = src.length / capacity;
    for (let k = 0; k < n; k++) {
      const a = items[k] * width;
      const b = k * width;
      for (let w = 0; w < width; w++) dst[b + w] = src[a + w];
      if (chunkEnd(k)) yield;
    }
  }
  return out;
}

/**
 * A kernel over the same candidates whose vacancy slot s is the grid's item s: a candidate's scan
 * then reads a cell's vacancies from contiguous memory instead of one cache miss per column and
 * pair. Built once per batch (or worker), for `accountCandidatesInto`.
 */
export function* vacanciesInGridOrder(kernel: Kernel, vacancyGrid: Grid): Work<Kernel> {
  const weights: Weights = {
    qualification: kernel.wQual, experience: kernel.wExp, commute: kernel.wCommute, hours: kernel.wHours,
    start_date: kernel.wStart, wishes: kernel.wWishes, skills: kernel.wSkills,
  };
  const v = yield* inGridOrder(kernel.v, vacancyGrid.items);
  return new Kernel(kernel.c, v, weights, kernel.related, kernel.romeCount, kernel.jobBit, kernel.maxBonus);
}

/** The capabilities every live vacancy of `v` needs (a candidate lacking one is eligible for none). */
const needOfAll = new WeakMap<VacancyColumns, number>();
function needOfEvery(v: VacancyColumns): number {
  let all = needOfAll.get(v);
  if (all === undefined) {
    all = -1;
    for (let s = 0; s < v.size; s++) if (v.alive[s] !== 0) all &= v.need[s];
    needOfAll.set(v, all);
  }
  return all;
}

/**
 * Each candidate of `slots`: `matched[k]` is 1 when some vacancy is eligible for it (within its
 * reach, no blocker); otherwise, when `countBlockers`, slot k's COUNT_COLUMNS counts over the
 * vacancies within its near-miss reach. One pass over the near-miss reach answers both: the
 * eligible pairs are a subset of it, told apart by the reach tests the eligibility scan runs.
 */
export function accountCandidates(
  kernel: Kernel,
  vacancyGrid: Grid,
  vacancyOverflow: readonly number[],
  slots: Int32Array,
  countBlockers: boolean,
): { matched: Uint8Array; counts: Int32Array } {
  const matched = new Uint8Array(slots.length);
  const counts = new Int32Array(slots.length * COUNT_COLUMNS);
  const byPosition = runToEnd(vacanciesInGridOrder(kernel, vacancyGrid));
  accountCandidatesInto(kernel, byPosition, vacancyGrid, vacancyOverflow, slots, 0, slots.length, countBlockers, matched, counts);
  return { matched, counts };
}

/**
 * `accountCandidates` for slots[from … to), into `matched` (one entry per slot of `slots`) and
 * `counts` (COUNT_COLUMNS per slot), which the caller zeroed: a batch may account in chunks.
 * `byPosition` is `vacanciesInGridOrder(kernel, vacancyGrid)`.
 */
export function accountCandidatesInto(
  kernel: Kernel,
  byPosition: Kernel,
  vacancyGrid: Grid,
  vacancyOverflow: readonly number[],
  slots: Int32Array,
  from: number,
  to: number,
  countBlockers: boolean,
  matched: Uint8Array,
  counts: Int32Array,
): void {
  const nb = COUNT_COLUMNS;
  const c = kernel.c;
  const grid = vacancyGrid;
  const { cellRadius } = grid;
  // Candidates in slot order, which is the candidate grid's cell order: neighbours in turn scan
  // the same vacancies, still in cache.
  const order = Int32Array.from({ length: to - from }, (_, j) => from + j).sort((a, b) => slots[a] - slots[b]);
  // Without counts, a candidate lacking a capability every grid vacancy needs is settled at once
  // (the overflow's vacancies, added since the grid was built, are still searched).
  const needed = countBlockers ? 0 : needOfEvery(byPosition.v);
  for (const k of order) {
    const ci = slots[k];
    const lat = c.lat[ci];
    const lon = c.lon[ci];
    const reach = c.reach[ci];
    // Without counts the near-miss reach is not needed: the eligibility reach alone is scanned.
    const outer = countBlockers ? c.reachNear[ci] : reach;
    const at = k * nb;
    let found = false;
    // First the cells the eligibility scan lists (those an item of which is in the candidate's own
    // reach), ring by ring nearest first: an eligible vacancy ends the search, and a near one is
    // the likeliest within the commute limit. Then, for the counts, the rest of the near-miss
    // reach. The counts are sums: the order only decides how soon an eligible pair is met.
    if ((needed & ~c.flags[ci]) === 0) {
      reserveCells(grid);
      grid.ringsInto(lat, lon, reach, ring);
      for (let r = 0, rings = ring[RING_COUNT]; r <= rings && !found; r++) {
        const n = grid.ringInto(lat, lon, reach, ring, r, cells, cellKm);
        for (let w = 0; w < n && !found; w++) found = accountCell(byPosition, grid, ci, cells[w], cellKm[w], true, reach, outer, countBlockers, counts, at);
      }
      if (!found && countBlockers) {
        const n = listCells(grid, lat, lon, outer);
        for (let w = 0; w < n; w++) {
          if (!withinReach(cellKm[w], reach + cellRadius[cells[w]])) accountCell(byPosition, grid, ci, cells[w], cellKm[w], false, reach, outer, countBlockers, counts, at);
        }
      }
    }
    for (let j = 0; j < vacancyOverflow.length && !found; j++) {
      const vi = vacancyOverflow[j];
      if (kernel.v.alive[vi] === 0) continue;
      const d = kernel.distance(ci, vi);
      const slack = homeCareSlack(kernel.v.radius[vi]);
      if (!withinReach(d, outer + slack)) continue;
      const mask = kernel.blockersAt(ci, vi, kernel.hardMask(ci, vi), d);
      if (mask === 0 && withinReach(d, reach + slack)) found = true;
      else if (countBlockers) addMask(counts, at, mask);
    }
    if (found) {
      matched[k] = 1;
      counts.fill(0, at, at + nb);
    }
  }
}

/**
 * The vacancies of one cell `dmin` km away at least for candidate `ci`: true at the first eligible
 * one (the cell in its reach: `inReach`), else each pair within the near-miss reach `outer` adds its
 * blockers to the candidate's counts at `at` when `countBlockers`.
 */
function accountCell(
  byPosition: Kernel, grid: Grid, ci: number, cell: number, dmin: number, inReach: boolean, reach: number, outer: number,
  countBlockers: boolean, counts: Int32Array, at: number,
): boolean {
  const { cellStart, itemRadius } = grid;
  const alive = byPosition.v.alive;
  const radius = byPosition.v.radius;
  for (let s = cellStart[cell], end = cellStart[cell + 1]; s < end; s++) {
    if (!withinReach(dmin, outer + itemRadius[s])) break;
    if (alive[s] === 0) continue;
    // Without counts a pair with a hard blocker tells nothing: no distance for it.
    const hard = byPosition.hardMask(ci, s);
    if (hard !== 0 && !countBlockers) continue;
    const d = byPosition.distance(ci, s);
    const slack = homeCareSlack(radius[s]);
    if (!withinReach(d, outer + slack)) continue;
    const mask = byPosition.blockersAt(ci, s, hard, d);
    if (mask === 0 && inReach && withinReach(dmin, reach + itemRadius[s]) && withinReach(d, reach + slack)) return true;
    if (countBlockers) addMask(counts, at, mask);
  }
  return false;
}

/**
 * The COUNT_COLUMNS blocker counts of each vacancy of `slots` over the candidates of `nearGrid`
 * (ordered by near-miss reach) and `overflow` within their near-miss reach of it.
 */
export function accountVacancies(kernel: Kernel, nearGrid: Grid, overflow: readonly number[], slots: Int32Array): Int32Array {
  const counts = new Int32Array(slots.length * COUNT_COLUMNS);
  accountVacanciesInto(kernel, nearGrid, overflow, slots, 0, slots.length, counts);
  return counts;
}

/** `accountVacancies` for slots[from … to), into `counts` (COUNT_COLUMNS per slot of `slots`, zeroed by the caller). */
export function accountVacanciesInto(
  kernel: Kernel,
  nearGrid: Grid,
  overflow: readonly number[],
  slots: Int32Array,
  from: number,
  to: number,
  counts: Int32Array,
): void {
  const nb = COUNT_COLUMNS;
  const c = kernel.c;
  const v = kernel.v;
  const cAlive = c.alive;
  const reachNear = c.reachNear;
  const { cellStart, items, itemRadius } = nearGrid;
  for (let k = from; k < to; k++) {
    const vi = slots[k];
    const slack = homeCareSlack(v.radius[vi]);
    const at = k * nb;
    const n = listCells(nearGrid, v.lat[vi], v.lon[vi], slack);
    for (let w = 0; w < n; w++) {
      const dmin = cellKm[w];
      for (let s = cellStart[cells[w]], end = cellStart[cells[w] + 1]; s < end; s++) {
        if (!withinReach(dmin, slack + itemRadius[s])) break;
        const ci = items[s];
        if (cAlive[ci] === 0) continue;
        const d = kernel.distance(ci, vi);
        if (!withinReach(d, reachNear[ci] + slack)) continue;
        addMask(counts, at, kernel.blockersAt(ci, vi, kernel.hardMask(ci, vi), d));
      }
    }
    for (let j = 0; j < overflow.length; j++) {
      const ci = overflow[j];
      if (cAlive[ci] === 0) continue;
      const d = kernel.distance(ci, vi);
      if (!withinReach(d, reachNear[ci] + slack)) continue;
      addMask(counts, at, kernel.blockersAt(ci, vi, kernel.hardMask(ci, vi), d));
    }
  }
}
