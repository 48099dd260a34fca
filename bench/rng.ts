/**
 * Seeded pseudo-random numbers for workloads and benchmarks: the same seed gives the same
 * sequence on every machine, so runs compare and tests can pin outputs.
 */

/** A generator of floats in [0, 1). */
export type Rng = () => number;

/**
 * mulberry32: 32-bit state, one multiply-xorshift round per draw; fast and good enough for
 * synthetic data (not for cryptography).
 *
 * @example
 * const rng = mulberry32(42);
 * rng(); // 0.6011037519201636, always
 */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Integer in [min, max], both included. */
export function int(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

/** true with probability p. */
export function chance(rng: Rng, p: number): boolean {
  return rng() < p;
}

/** One element, uniformly. */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)];
}

/** Items with their cumulative weights, built once so each draw is a binary search. */
export interface WeightedTable<T> {
  readonly items: readonly T[];
  readonly cumulative: Float64Array;
  readonly total: number;
}

/** Builds a table for `pickWeighted`; weights ≤ 0 are never drawn. */
export function weighted<T>(items: readonly T[], weights: readonly number[]): WeightedTable<T> {
  if (items.length !== weights.length) throw new Error('weighted: items and weights differ in length');
  if (items.length === 0) throw new Error('weighted: no items');
  const cumulative = new Float64Array(items.length);
  let total = 0;
  for (let i = 0; i < items.length; i++) {
    total += Math.max(0, weights[i]);
    cumulative[i] = total;
  }
  if (!(total > 0)) throw new Error('weighted: weights sum to zero');
  return { items, cumulative, total };
}

/** Shorthand for a table from `[item, weight]` pairs. */
export function table<T>(pairs: ReadonlyArray<readonly [T, number]>): WeightedTable<T> {
  return weighted(
    pairs.map((p) => p[0]),
    pairs.map((p) => p[1]),
  );
}

/** Index of the first cumulative weight above a uniform draw: O(log n). */
export function pickWeightedIndex(rng: Rng, t: WeightedTable<unknown>): number {
  const x = rng() * t.total;
  const c = t.cumulative;
  let lo = 0;
  let hi = c.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (c[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function pickWeighted<T>(rng: Rng, t: WeightedTable<T>): T {
  return t.items[pickWeightedIndex(rng, t)];
}

/** Normal draw (Box–Muller); two uniforms per call, the second value is dropped for simplicity. */
export function normal(rng: Rng, mean = 0, sd = 1): number {
  const u = 1 - rng(); // (0, 1]: log(0) is avoided
  const v = rng();
  return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Fisher–Yates, in place; returns the same array. */
export function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const tmp = items[i];
    items[i] = items[j];
    items[j] = tmp;
  }
  return items;
}

/** k distinct elements (k clipped to the length), in draw order. */
export function sample<T>(rng: Rng, items: readonly T[], k: number): T[] {
  const n = items.length;
  const m = Math.min(k, n);
  if (m <= 0) return [];
  if (m === 1) return [items[Math.floor(rng() * n)]];
  // Small k from a small list (the usual case here): redraw duplicates rather than copy the list.
  const out: T[] = [];
  if (m * 4 <= n || m <= 3) {
    while (out.length < m) {
      const x = items[Math.floor(rng() * n)];
      if (!out.includes(x)) out.push(x);
    }
    return out;
  }
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  for (let i = 0; i < m; i++) {
    const j = i + Math.floor(rng() * (n - i));
    const tmp = idx[i];
    idx[i] = idx[j];
    idx[j] = tmp;
    out.push(items[idx[i]]);
  }
  return out;
}
