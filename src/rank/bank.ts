/**
 * Many small best-k heaps in flat typed arrays: one per owner (e.g. every candidate's best
 * vacancies while a batch walks the vacancies). Score descending, then id ascending.
 */
export class HeapBank {
  readonly scores: Float64Array;
  readonly items: Int32Array;
  readonly sizes: Int32Array;

  constructor(readonly owners: number, readonly k: number, readonly itemIds: readonly string[]) {
    this.scores = new Float64Array(owners * k);
    this.items = new Int32Array(owners * k);
    this.sizes = new Int32Array(owners);
  }

  private before(sa: number, a: number, sb: number, b: number): boolean {
    return sa > sb || (sa === sb && this.itemIds[a] < this.itemIds[b]);
  }

  push(owner: number, score: number, item: number): void {
    const k = this.k;
    if (k === 0) return;
    const base = owner * k;
    const scores = this.scores;
    const items = this.items;
    const n = this.sizes[owner];
    if (n < k) {
      let i = n;
      this.sizes[owner] = n + 1;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!this.before(scores[base + p], items[base + p], score, item)) break;
        scores[base + i] = scores[base + p];
        items[base + i] = items[base + p];
        i = p;
      }
      scores[base + i] = score;
      items[base + i] = item;
      return;
    }
    if (!this.before(score, item, scores[base], items[base])) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let w = l;
      if (r < n && this.before(scores[base + l], items[base + l], scores[base + r], items[base + r])) w = r;
      if (!this.before(score, item, scores[base + w], items[base + w])) break;
      scores[base + i] = scores[base + w];
      items[base + i] = items[base + w];
      i = w;
    }
    scores[base + i] = score;
    items[base + i] = item;
  }

  /** An owner's items, best first. */
  sortedOf(owner: number): { item: number; score: number }[] {
    const base = owner * this.k;
    const out: { item: number; score: number }[] = [];
    for (let i = 0; i < this.sizes[owner]; i++) out.push({ item: this.items[base + i], score: this.scores[base + i] });
    const ids = this.itemIds;
    out.sort((a, b) => (a.score !== b.score ? b.score - a.score : ids[a.item] < ids[b.item] ? -1 : 1));
    return out;
  }
}
