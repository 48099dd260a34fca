/**
 * A uniform latitude/longitude grid over a set of points, stored as CSR arrays (cell → slots).
 * Cells of ~0.1° (≈ 11 km): queries visit the cells a disc overlaps and skip those whose nearest
 * point is beyond what the cell's occupants could reach.
 */
import { DEG, KM_PER_DEG } from './travel.js';
import { allocShared } from '../encode/columns.js';
import { chunkEnd, runToEnd, type Work } from '../work.js';

/**
 * A grid array on shared memory, exactly `length` long (`allocShared` keeps one element for an
 * empty one): a batch hands grids to its workers without copying them.
 */
function shared<T extends Int32Array | Uint32Array | Float64Array>(ctor: { new (n: number): T; BYTES_PER_ELEMENT: number }, length: number): T {
  return allocShared<T>(ctor as never, length).subarray(0, length) as T;
}

const MAX_CELLS = 4_000_000;

export interface GridParts {
  lat0: number;
  lon0: number;
  cellDeg: number;
  nx: number;
  ny: number;
  compact: Int32Array;
  cellStart: Int32Array;
  items: Int32Array;
  cellRadius: Float64Array;
  itemRadius: Float64Array;
  /** See `Grid.itemBits`; absent when the items carry none (every bit set). */
  itemBits?: Uint32Array | null;
  maxRadius: number;
  /** See `Grid.tiers`; absent or null when unused. */
  tiers?: readonly (GridParts | null)[] | null;
  /** See `Grid.tierSplit`; absent: every tier. */
  tierSplit?: number;
}

/** Relative slack on reach tests, so float rounding never drops a pair the kernel would keep. */
const REACH_EPS = 1e-9;
/** Absolute slack on reach tests (km), beside the relative one. */
const REACH_ABS_KM = 1e-6;

/** The km a reach of `km` is tested against: every reach test of the scans goes through it. */
export function reachTolerance(km: number): number {
  return km * (1 + REACH_EPS) + REACH_ABS_KM;
}

/** Whether a distance `d` (or a lower bound of it) is within a reach of `km`, with the tolerance. */
export function withinReach(d: number, km: number): boolean {
  return d <= reachTolerance(km);
}

/**
 * A reach below every `km` for which `withinReach(d, km)` holds (the tolerance inverted, less a
 * margin for rounding): a scan over reaches sorted descending may stop at the first below it.
 */
export function reachNeeded(d: number): number {
  // The tolerance inverted, then the absolute slack once more as the margin for rounding.
  return (d - REACH_ABS_KM) / (1 + REACH_EPS) - REACH_ABS_KM;
}

/** Ring state of a nearest-first traversal (`ringsInto`): box, centre cell, ring count, km per ring. */
export const RING_X0 = 0, RING_X1 = 1, RING_Y0 = 2, RING_Y1 = 3, RING_CX = 4, RING_CY = 5, RING_COUNT = 6, RING_KM = 7;

export class Grid {
  readonly lat0: number;
  readonly lon0: number;
  readonly cellDeg: number;
  readonly nx: number;
  readonly ny: number;
  /**
   * Cell (y · nx + x) → its index among the non-empty cells of the base grid, or −1. France with
   * its overseas départements spans a huge, mostly empty box: per-cell arrays stay compact, and
   * the grids derived from this one share this table.
   */
  readonly compact: Int32Array;
  /** cellStart[c] … cellStart[c + 1] index `items`, for compact cell c. */
  readonly cellStart: Int32Array;
  readonly items: Int32Array;
  /** Largest per-item radius (km) in each compact cell, e.g. the reach of the candidates living there. */
  readonly cellRadius: Float64Array;
  /**
   * The radius of each item, parallel to `items`. Inside a cell items are sorted by radius
   * descending, so a scan stops at the first item that cannot reach the query point.
   */
  readonly itemRadius: Float64Array;
  /**
   * A word per item, parallel to `items` (for candidates: their capability flags), so a scan can
   * reject an item by a bit test on memory it reads in order, before touching the item's columns.
   * Null when the items carry none: a scan then tests nothing.
   */
  readonly itemBits: Uint32Array | null;
  readonly maxRadius: number;
  /**
   * Sub-grids of the same base grid that a scan visits before this one's items, best first (for
   * a shortlist: the candidates holding what the post expects, then those near it;
   * CandidateStore.shortlistGrid). Null when unused.
   */
  readonly tiers: readonly (Grid | null)[] | null;
  /** The tiers before this index are the best ones (for a shortlist: at the full qualification rung). */
  readonly tierSplit: number;

  /** The one constructor: from arrays built by `Grid.build`, derived from a grid, or sent to a worker. */
  constructor(parts: GridParts) {
    this.lat0 = parts.lat0; this.lon0 = parts.lon0; this.cellDeg = parts.cellDeg; this.nx = parts.nx; this.ny = parts.ny;
    this.compact = parts.compact; this.cellStart = parts.cellStart; this.items = parts.items;
    this.cellRadius = parts.cellRadius; this.itemRadius = parts.itemRadius; this.maxRadius = parts.maxRadius;
    this.itemBits = parts.itemBits ?? null;
    this.tiers = parts.tiers == null ? null : tierGrids(parts.tiers);
    this.tierSplit = parts.tierSplit ?? this.tiers?.length ?? 0;
  }

  /**
   * Indexes points by cell, each cell's items by radius descending.
   * @param slots the live slots to index, in increasing order (ties inside a cell stay in slot order)
   * @param radius per-slot radius for cell pruning (km)
   */
  static build(lat: Float64Array, lon: Float64Array, slots: Int32Array, radius: Float64Array): Grid {
    return runToEnd(Grid.buildInSteps(lat, lon, slots, radius));
  }

  /** `build`, pausing between chunks of its passes. */
  static *buildInSteps(lat: Float64Array, lon: Float64Array, slots: Int32Array, radius: Float64Array): Work<Grid> {
    let minLat = 90, maxLat = -90, minLon = 180, maxLon = -180;
    for (let k = 0; k < slots.length; k++) {
      const s = slots[k];
      if (lat[s] < minLat) minLat = lat[s];
      if (lat[s] > maxLat) maxLat = lat[s];
      if (lon[s] < minLon) minLon = lon[s];
      if (lon[s] > maxLon) maxLon = lon[s];
      if (chunkEnd(k)) yield;
    }
    if (slots.length === 0) { minLat = maxLat = minLon = maxLon = 0; }
    let cellDeg = 0.1;
    while (((maxLat - minLat) / cellDeg + 1) * ((maxLon - minLon) / cellDeg + 1) > MAX_CELLS) cellDeg *= 2;
    const nx = Math.floor((maxLon - minLon) / cellDeg) + 1;
    const ny = Math.floor((maxLat - minLat) / cellDeg) + 1;
    const n = slots.length;
    const cellOf = new Int32Array(n);
    const compact = shared<Int32Array>(Int32Array, nx * ny).fill(-1);
    let nonEmpty = 0;
    for (let k = 0; k < n; k++) {
      const c = cellIndex(lat[slots[k]], lon[slots[k]], minLat, minLon, cellDeg, nx, ny);
      cellOf[k] = c;
      if (compact[c] < 0) compact[c] = nonEmpty++;
      if (chunkEnd(k)) yield;
    }
    // Compact ids in cell order, so that items of one cell, and cells of one row, are contiguous.
    let next = 0;
    for (let c = 0; c < compact.length; c++) {
      if (compact[c] >= 0) compact[c] = next++;
      if (chunkEnd(c)) yield;
    }
    const counts = new Int32Array(nonEmpty + 1);
    for (let k = 0; k < n; k++) counts[compact[cellOf[k]] + 1]++;
    for (let c = 0; c < nonEmpty; c++) counts[c + 1] += counts[c];
    yield;
    const cellStart = shared<Int32Array>(Int32Array, nonEmpty + 1);
    cellStart.set(counts);
    const building: Building = { compact, cellStart, itemRadius: shared<Float64Array>(Float64Array, n) };
    const items = shared<Int32Array>(Int32Array, n);
    if (!(yield* sortByRadixRanks(building, cellOf, slots, radius, items))) yield* sortByComparator(building, cellOf, slots, radius, items, counts);
    const { itemRadius } = building;
    const cellRadius = shared<Float64Array>(Float64Array, nonEmpty);
    let maxRadius = 0;
    for (let c = 0; c < nonEmpty; c++) {
      const a = cellStart[c];
      // Sorted by radius descending: the cell's largest radius comes first.
      if (cellStart[c + 1] > a) cellRadius[c] = itemRadius[a];
      if (cellRadius[c] > maxRadius) maxRadius = cellRadius[c];
    }
    return new Grid({ lat0: minLat, lon0: minLon, cellDeg, nx, ny, compact, cellStart, items, cellRadius, itemRadius, maxRadius });
  }

  /** Number of non-empty cells of the base grid: the most cells a traversal can list. */
  get cellCount(): number {
    return this.cellStart.length - 1;
  }

  /**
   * A grid over some items of this one, given by their increasing positions in `items` (same
   * cells, same order), built pausing between chunks.
   */
  *subsetInSteps(positions: Int32Array): Work<Grid> {
    const nCells = this.cellCount;
    const m = positions.length;
    const cellStart = shared<Int32Array>(Int32Array, nCells + 1);
    const items = shared<Int32Array>(Int32Array, m);
    const itemRadius = shared<Float64Array>(Float64Array, m);
    const bits = this.itemBits;
    const itemBits = bits === null ? null : shared<Uint32Array>(Uint32Array, m);
    const cellRadius = shared<Float64Array>(Float64Array, nCells);
    let maxRadius = 0;
    let cell = 0;
    for (let k = 0; k < m; k++) {
      const p = positions[k];
      while (this.cellStart[cell + 1] <= p) cellStart[++cell] = k;
      items[k] = this.items[p];
      if (itemBits !== null) itemBits[k] = bits![p];
      const r = this.itemRadius[p];
      itemRadius[k] = r;
      if (r > cellRadius[cell]) cellRadius[cell] = r;
      if (r > maxRadius) maxRadius = r;
      if (chunkEnd(k)) yield;
    }
    while (cell < nCells) cellStart[++cell] = m;
    return new Grid({ ...this.toParts(), cellStart, items, itemRadius, itemBits, cellRadius, maxRadius, tiers: null });
  }

  /**
   * This grid after its items were renumbered 0, 1, 2… in its own order (see
   * CandidateColumns.permuted), each with the word `bits[k]` of its new number k as `itemBits`.
   */
  *renumberedInSteps(bits: Uint32Array): Work<Grid> {
    const n = this.items.length;
    const items = shared<Int32Array>(Int32Array, n);
    const itemBits = shared<Uint32Array>(Uint32Array, n);
    for (let k = 0; k < n; k++) {
      items[k] = k;
      itemBits[k] = bits[k];
      if (chunkEnd(k)) yield;
    }
    return new Grid({ ...this.toParts(), items, itemBits });
  }

  /** The grid's arrays, to rebuild it in a worker without recomputing. */
  toParts(): GridParts {
    const { lat0, lon0, cellDeg, nx, ny, compact, cellStart, items, cellRadius, itemRadius, itemBits, maxRadius } = this;
    const tiers = this.tiers === null ? null : tierParts(this.tiers);
    return { lat0, lon0, cellDeg, nx, ny, compact, cellStart, items, cellRadius, itemRadius, itemBits, maxRadius, tiers, tierSplit: this.tierSplit };
  }

  cellIndex(lat: number, lon: number): number {
    return cellIndex(lat, lon, this.lat0, this.lon0, this.cellDeg, this.nx, this.ny);
  }

  /** Cell row range [y0, y1] and column range [x0, x1] covering a disc of `km` around a point; written into `out`. */
  rangeInto(lat: number, lon: number, km: number, out: Int32Array | Float64Array): void {
    const dLat = km / KM_PER_DEG;
    const maxAbsLat = Math.min(89.9, Math.abs(lat) + dLat);
    const dLon = km / (KM_PER_DEG * Math.cos(maxAbsLat * DEG));
    out[0] = Math.max(0, Math.floor((lon - dLon - this.lon0) / this.cellDeg));
    out[1] = Math.min(this.nx - 1, Math.floor((lon + dLon - this.lon0) / this.cellDeg));
    out[2] = Math.max(0, Math.floor((lat - dLat - this.lat0) / this.cellDeg));
    out[3] = Math.min(this.ny - 1, Math.floor((lat + dLat - this.lat0) / this.cellDeg));
  }

  /** A lower bound of the km from a point to any point of cell (x, y). */
  minKmToCell(lat: number, lon: number, x: number, y: number): number {
    const la0 = this.lat0 + y * this.cellDeg;
    const lo0 = this.lon0 + x * this.cellDeg;
    const cl = lat < la0 ? la0 : lat > la0 + this.cellDeg ? la0 + this.cellDeg : lat;
    const co = lon < lo0 ? lo0 : lon > lo0 + this.cellDeg ? lo0 + this.cellDeg : lon;
    // The smaller cosine of the two latitudes underestimates the east-west km: a safe bound.
    const cos = Math.min(Math.cos(lat * DEG), Math.cos(cl * DEG));
    const dx = (lon - co) * cos;
    const dy = lat - cl;
    return KM_PER_DEG * Math.sqrt(dx * dx + dy * dy);
  }

  /**
   * Every non-empty cell an item of which may reach the point: its lower-bound km within
   * `extraKm` + the cell's largest radius. Row by row; cells into `out`, their lower-bound km into
   * `outKm` (both at least `cellCount` long); returns the count. No callback per cell or item.
   */
  withinInto(lat: number, lon: number, extraKm: number, out: Int32Array, outKm: Float64Array): number {
    const box = this.box;
    this.rangeInto(lat, lon, reachTolerance(extraKm + this.maxRadius), box);
    const { compact, cellStart, cellRadius, nx } = this;
    let n = 0;
    for (let y = box[2]; y <= box[3]; y++) {
      for (let x = box[0]; x <= box[1]; x++) {
        const cell = compact[y * nx + x];
        if (cell < 0 || cellStart[cell] === cellStart[cell + 1]) continue;
        const d = this.minKmToCell(lat, lon, x, y);
        if (!withinReach(d, extraKm + cellRadius[cell])) continue;
        out[n] = cell;
        outKm[n++] = d;
      }
    }
    return n;
  }

  /**
   * Prepares a nearest-first traversal around a point for `ringInto`: the box of cells that may
   * hold an item reaching it (`extraKm` + the largest radius), the point's cell, the number of
   * rings, and a lower bound of the km per ring (every cell of ring r is at least r × that away).
   */
  ringsInto(lat: number, lon: number, extraKm: number, ring: Float64Array): void {
    this.rangeInto(lat, lon, reachTolerance(extraKm + this.maxRadius), ring);
    const x0 = ring[RING_X0], x1 = ring[RING_X1], y0 = ring[RING_Y0], y1 = ring[RING_Y1];
    const cx = Math.min(x1, Math.max(x0, Math.floor((lon - this.lon0) / this.cellDeg)));
    const cy = Math.min(y1, Math.max(y0, Math.floor((lat - this.lat0) / this.cellDeg)));
    ring[RING_CX] = cx;
    ring[RING_CY] = cy;
    ring[RING_COUNT] = Math.max(cx - x0, x1 - cx, cy - y0, y1 - cy);
    const farLat = Math.min(89.9, Math.max(Math.abs(this.lat0 + y0 * this.cellDeg), Math.abs(this.lat0 + (y1 + 1) * this.cellDeg)));
    ring[RING_KM] = this.cellDeg * KM_PER_DEG * Math.cos(farLat * DEG);
  }

  /**
   * The cells of ring `r` (prepared by `ringsInto`) an item of which may reach the point, as
   * `withinInto` lists them: edge rows left to right, the rows between by their two ends.
   */
  ringInto(lat: number, lon: number, extraKm: number, ring: Float64Array, r: number, out: Int32Array, outKm: Float64Array): number {
    const x0 = ring[RING_X0], x1 = ring[RING_X1], y0 = ring[RING_Y0], y1 = ring[RING_Y1], cx = ring[RING_CX], cy = ring[RING_CY];
    const { compact, cellStart, cellRadius, nx } = this;
    let n = 0;
    for (let y = cy - r; y <= cy + r; y++) {
      if (y < y0 || y > y1) continue;
      const edge = y === cy - r || y === cy + r;
      for (let x = cx - r; x <= cx + r; x += edge ? 1 : 2 * r) {
        if (x >= x0 && x <= x1) {
          const cell = compact[y * nx + x];
          if (cell >= 0 && cellStart[cell] !== cellStart[cell + 1]) {
            const d = this.minKmToCell(lat, lon, x, y);
            if (withinReach(d, extraKm + cellRadius[cell])) {
              out[n] = cell;
              outKm[n++] = d;
            }
          }
        }
        if (r === 0) break;
      }
    }
    return n;
  }

  /** Scratch of `withinInto` (one query at a time per thread). */
  private readonly box = new Int32Array(4);
}

// Tiers are shared: one parts array per tiers array (one structured clone to a worker however many
// grids refer to it), and one array of grids per parts array received.
const partsOfTiers = new WeakMap<readonly (Grid | null)[], (GridParts | null)[]>();
const gridsOfTiers = new WeakMap<readonly (GridParts | null)[], (Grid | null)[]>();

function tierParts(tiers: readonly (Grid | null)[]): (GridParts | null)[] {
  let parts = partsOfTiers.get(tiers);
  if (parts === undefined) partsOfTiers.set(tiers, (parts = tiers.map((g) => (g === null ? null : g.toParts()))));
  return parts;
}

function tierGrids(tiers: readonly (GridParts | null)[]): readonly (Grid | null)[] {
  if (tiers.every((g) => g === null || g instanceof Grid)) return tiers as readonly (Grid | null)[];
  let grids = gridsOfTiers.get(tiers);
  if (grids === undefined) gridsOfTiers.set(tiers, (grids = tiers.map((p) => (p === null ? null : new Grid(p)))));
  return grids;
}

function cellIndex(lat: number, lon: number, lat0: number, lon0: number, cellDeg: number, nx: number, ny: number): number {
  let x = Math.floor((lon - lon0) / cellDeg);
  let y = Math.floor((lat - lat0) / cellDeg);
  if (x < 0) x = 0; else if (x >= nx) x = nx - 1;
  if (y < 0) y = 0; else if (y >= ny) y = ny - 1;
  return y * nx + x;
}

type Building = { compact: Int32Array; cellStart: Int32Array; itemRadius: Float64Array };

/**
 * Orders items by (cell, radius descending, slot) with two stable counting sorts (LSD radix):
 * by radius rank, then by cell. Radii take few distinct values (one per commute limit and set of
 * modes), so this is linear; with more than `MAX_RANKS` of them, or a radius that cannot be
 * ranked, returns false and the comparator sort does it.
 * @internal exported for the test that both orders agree
 */
export function* sortByRadixRanks(g: Building, cellOf: Int32Array, slots: Int32Array, radius: Float64Array, items: Int32Array): Work<boolean> {
  const n = slots.length;
  const rankOf = new Map<number, number>();
  for (let k = 0; k < n; k++) {
    const r = radius[slots[k]];
    if (!Number.isFinite(r)) return false;
    if (!rankOf.has(r)) {
      if (rankOf.size === MAX_RANKS) return false;
      rankOf.set(r, 0);
    }
    if (chunkEnd(k)) yield;
  }
  // Rank 0 for the largest radius.
  const distinct = [...rankOf.keys()].sort((a, b) => b - a);
  for (let i = 0; i < distinct.length; i++) rankOf.set(distinct[i], i);
  const rank = new Int32Array(n);
  const byRank = new Int32Array(distinct.length + 1);
  for (let k = 0; k < n; k++) {
    byRank[(rank[k] = rankOf.get(radius[slots[k]])!) + 1]++;
    if (chunkEnd(k)) yield;
  }
  for (let i = 0; i < distinct.length; i++) byRank[i + 1] += byRank[i];
  const ranked = new Int32Array(n);
  for (let k = 0; k < n; k++) ranked[byRank[rank[k]]++] = k;
  yield;
  const fill = g.cellStart.slice();
  for (let j = 0; j < n; j++) {
    const k = ranked[j];
    const at = fill[g.compact[cellOf[k]]]++;
    const s = slots[k];
    items[at] = s;
    g.itemRadius[at] = radius[s];
    if (chunkEnd(j)) yield;
  }
  return true;
}

const MAX_RANKS = 1 << 16;

/** The general order: a counting sort by cell, then each cell sorted by radius descending, slot. */
export function* sortByComparator(g: Building, cellOf: Int32Array, slots: Int32Array, radius: Float64Array, items: Int32Array, fill: Int32Array): Work<void> {
  for (let k = 0; k < slots.length; k++) items[fill[g.compact[cellOf[k]]]++] = slots[k];
  yield;
  const buf: number[] = [];
  for (let c = 0; c < g.cellStart.length - 1; c++) {
    const a = g.cellStart[c];
    const b = g.cellStart[c + 1];
    if (b - a > 1) {
      buf.length = 0;
      for (let k = a; k < b; k++) buf.push(items[k]);
      buf.sort((p, q) => radius[q] - radius[p] || p - q);
      for (let k = a; k < b; k++) items[k] = buf[k - a];
    }
    for (let k = a; k < b; k++) g.itemRadius[k] = radius[items[k]];
    if (chunkEnd(c)) yield;
  }
}
