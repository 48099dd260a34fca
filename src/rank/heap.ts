/**
 * The one bounded best-k heap, on flat typed arrays: score descending, then id ascending (string
 * order by code point, the only time an id string is read). The root is the worst kept entry.
 * `TopK` is one heap; `HeapBank` keeps one per owner in the same arrays.
 */

/** True when (sa, a) ranks before (sb, b). */
function before(sa: number, a: number, sb: number, b: number, ids: readonly string[]): boolean {
  return sa > sb || (sa === sb && ids[a] < ids[b]);
}

/**
 * Offers (score, item) to the heap of capacity `k` stored at `base` with `n` entries; returns its
 * new size.
 */
export function heapPush(
  scores: Float64Array, items: Int32Array, base: number, n: number, k: number, score: number, item: number, ids: readonly string[],
): number {
  if (k === 0) return 0;
  if (n < k) {
    let i = n;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(scores[base + p], items[base + p], score, item, ids)) break;
      scores[base + i] = scores[base + p];
      items[base + i] = items[base + p];
      i = p;
    }
    scores[base + i] = score;
    items[base + i] = item;
    return n + 1;
  }
  if (!before(score, item, scores[base], items[base], ids)) return n;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    const r = l + 1;
    let w = l;
    if (r < n && before(scores[base + l], items[base + l], scores[base + r], items[base + r], ids)) w = r;
    if (!before(score, item, scores[base + w], items[base + w], ids)) break;
    scores[base + i] = scores[base + w];
    items[base + i] = items[base + w];
    i = w;
  }
  scores[base + i] = score;
  items[base + i] = item;
  return n;
}

/** Positions base … base + n − 1 of a heap, best first. */
export function heapOrder(scores: Float64Array, items: Int32Array, base: number, n: number, ids: readonly string[]): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = base + i;
  order.sort((a, b) => (scores[a] !== scores[b] ? scores[b] - scores[a] : ids[items[a]] < ids[items[b]] ? -1 : 1));
  return order;
}
