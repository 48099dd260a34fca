/**
 * A uniform latitude/longitude grid over a set of points, stored as CSR arrays (cell → slots).
 * Cells of ~0.1° (≈ 11 km): queries visit the cells a disc overlaps and skip those whose nearest
 * point is beyond what the cell's occupants could reach.
 */
import { DEG, KM_PER_DEG } from './travel.js';

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
  maxRadius: number;
}

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
  readonly maxRadius: number;

  /**
   * @param slots the live slots to index, in increasing order (ties inside a cell stay in slot order)
   * @param radius per-slot radius for cell pruning (km)
   */
  constructor(lat: Float64Array, lon: Float64Array, slots: Int32Array, radius: Float64Array) {
    let minLat = 90, maxLat = -90, minLon = 180, maxLon = -180;
    for (let k = 0; k < slots.length; k++) {
      const s = slots[k];
      if (lat[s] < minLat) minLat = lat[s];
      if (lat[s] > maxLat) maxLat = lat[s];
      if (lon[s] < minLon) minLon = lon[s];
      if (lon[s] > maxLon) maxLon = lon[s];
    }
    if (slots.length === 0) { minLat = maxLat = minLon = maxLon = 0; }
    let cellDeg = 0.1;
    while (((maxLat - minLat) / cellDeg + 1) * ((maxLon - minLon) / cellDeg + 1) > MAX_CELLS) cellDeg *= 2;
    this.cellDeg = cellDeg;
    this.lat0 = minLat;
    this.lon0 = minLon;
    this.nx = Math.floor((maxLon - minLon) / cellDeg) + 1;
    this.ny = Math.floor((maxLat - minLat) / cellDeg) + 1;
    const n = slots.length;
    const cellOf = new Int32Array(n);
    this.compact = new Int32Array(this.nx * this.ny).fill(-1);
    let nonEmpty = 0;
    for (let k = 0; k < n; k++) {
      const c = this.cellIndex(lat[slots[k]], lon[slots[k]]);
      cellOf[k] = c;
      if (this.compact[c] < 0) this.compact[c] = nonEmpty++;
    }
    // Compact ids in cell order, so that items of one cell, and cells of one row, are contiguous.
    let next = 0;
    for (let c = 0; c < this.compact.length; c++) if (this.compact[c] >= 0) this.compact[c] = next++;
    const counts = new Int32Array(nonEmpty + 1);
    for (let k = 0; k < n; k++) counts[this.compact[cellOf[k]] + 1]++;
    for (let c = 0; c < nonEmpty; c++) counts[c + 1] += counts[c];
    this.cellStart = counts.slice();
    this.cellRadius = new Float64Array(nonEmpty);
    this.itemRadius = new Float64Array(n);
    const items = new Int32Array(n);
    if (!sortByRadixRanks(this, cellOf, slots, radius, items)) sortByComparator(this, cellOf, slots, radius, items, counts);
    let maxRadius = 0;
    for (let c = 0; c < nonEmpty; c++) {
      const a = this.cellStart[c];
      // Sorted by radius descending: the cell's largest radius comes first.
      if (this.cellStart[c + 1] > a) this.cellRadius[c] = this.itemRadius[a];
      if (this.cellRadius[c] > maxRadius) maxRadius = this.cellRadius[c];
    }
    this.maxRadius = maxRadius;
    this.items = items;
  }

  /** A grid over some items of this one, given by their increasing positions in `items` (same cells, same order). */
  subset(positions: Int32Array): Grid {
    const g = Object.create(Grid.prototype) as { -readonly [K in keyof Grid]: Grid[K] };
    g.lat0 = this.lat0; g.lon0 = this.lon0; g.cellDeg = this.cellDeg; g.nx = this.nx; g.ny = this.ny;
    g.compact = this.compact;
    const nCells = this.cellStart.length - 1;
    const m = positions.length;
    const start = new Int32Array(nCells + 1);
    const items = new Int32Array(m);
    const itemRadius = new Float64Array(m);
    const cellRadius = new Float64Array(nCells);
    let maxRadius = 0;
    let cell = 0;
    for (let k = 0; k < m; k++) {
      const p = positions[k];
      while (this.cellStart[cell + 1] <= p) start[++cell] = k;
      items[k] = this.items[p];
      const r = this.itemRadius[p];
      itemRadius[k] = r;
      if (r > cellRadius[cell]) cellRadius[cell] = r;
      if (r > maxRadius) maxRadius = r;
    }
    while (cell < nCells) start[++cell] = m;
    g.cellStart = start; g.items = items; g.itemRadius = itemRadius; g.cellRadius = cellRadius; g.maxRadius = maxRadius;
    return g as Grid;
  }

  /** This grid after its items were renumbered 0, 1, 2… in its own order (see CandidateColumns.permuted). */
  renumbered(): Grid {
    const g = Object.assign(Object.create(Grid.prototype) as Grid, this.toParts());
    const items = new Int32Array(this.items.length);
    for (let k = 0; k < items.length; k++) items[k] = k;
    (g as { items: Int32Array }).items = items;
    return g;
  }

  /** The grid's arrays, to rebuild it in a worker without recomputing. */
  toParts(): GridParts {
    const { lat0, lon0, cellDeg, nx, ny, compact, cellStart, items, cellRadius, itemRadius, maxRadius } = this;
    return { lat0, lon0, cellDeg, nx, ny, compact, cellStart, items, cellRadius, itemRadius, maxRadius };
  }

  static fromParts(parts: GridParts): Grid {
    return Object.assign(Object.create(Grid.prototype) as Grid, parts);
  }

  cellIndex(lat: number, lon: number): number {
    let x = Math.floor((lon - this.lon0) / this.cellDeg);
    let y = Math.floor((lat - this.lat0) / this.cellDeg);
    if (x < 0) x = 0; else if (x >= this.nx) x = this.nx - 1;
    if (y < 0) y = 0; else if (y >= this.ny) y = this.ny - 1;
    return y * this.nx + x;
  }

  /** Cell row range [y0, y1] and column range [x0, x1] covering a disc of `km` around a point; written into `out`. */
  rangeInto(lat: number, lon: number, km: number, out: Int32Array): void {
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
}

type Building = { compact: Int32Array; cellStart: Int32Array; itemRadius: Float64Array };

/**
 * Orders items by (cell, radius descending, slot) with two stable counting sorts (LSD radix):
 * by radius rank, then by cell. Radii take few distinct values (one per commute limit and set of
 * modes), so this is linear; with more than `MAX_RANKS` of them, or a radius that cannot be
 * ranked, returns false and the comparator sort does it.
 * @internal exported for the test that both orders agree
 */
export function sortByRadixRanks(g: Building, cellOf: Int32Array, slots: Int32Array, radius: Float64Array, items: Int32Array): boolean {
  const n = slots.length;
  const rankOf = new Map<number, number>();
  for (let k = 0; k < n; k++) {
    const r = radius[slots[k]];
    if (!Number.isFinite(r)) return false;
    if (!rankOf.has(r)) {
      if (rankOf.size === MAX_RANKS) return false;
      rankOf.set(r, 0);
    }
  }
  // Rank 0 for the largest radius.
  const distinct = [...rankOf.keys()].sort((a, b) => b - a);
  for (let i = 0; i < distinct.length; i++) rankOf.set(distinct[i], i);
  const rank = new Int32Array(n);
  const byRank = new Int32Array(distinct.length + 1);
  for (let k = 0; k < n; k++) byRank[(rank[k] = rankOf.get(radius[slots[k]])!) + 1]++;
  for (let i = 0; i < distinct.length; i++) byRank[i + 1] += byRank[i];
  const ranked = new Int32Array(n);
  for (let k = 0; k < n; k++) ranked[byRank[rank[k]]++] = k;
  const fill = g.cellStart.slice();
  for (let j = 0; j < n; j++) {
    const k = ranked[j];
    const at = fill[g.compact[cellOf[k]]]++;
    const s = slots[k];
    items[at] = s;
    g.itemRadius[at] = radius[s];
  }
  return true;
}

const MAX_RANKS = 1 << 16;

/** The general order: a counting sort by cell, then each cell sorted by radius descending, slot. */
export function sortByComparator(g: Building, cellOf: Int32Array, slots: Int32Array, radius: Float64Array, items: Int32Array, fill: Int32Array): void {
  for (let k = 0; k < slots.length; k++) items[fill[g.compact[cellOf[k]]]++] = slots[k];
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
  }
}
