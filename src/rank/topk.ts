import { popcount } from '../kernel/bits.js';

/**
 * Bounded best-k selections on typed arrays (never a sort of objects). Ties are broken by id
 * (string order by code point), the only time an id string is read.
 */

/** Best `k` by score descending, then id ascending. Root = the worst kept entry. */
export class TopK {
  readonly scores: Float64Array;
  readonly slots: Int32Array;
  size = 0;

  constructor(
    readonly k: number,
    readonly ids: readonly string[],
    /** Blockers that count as one (the employer's `to_discuss`): 0 counts every blocker. */
    readonly sharedMask = 0,
  ) {
    this.scores = new Float64Array(Math.max(1, k));
    this.slots = new Int32Array(Math.max(1, k));
  }

  reset(): void {
    this.size = 0;
  }

  /** True when (sa, a) ranks before (sb, b). */
  private before(sa: number, a: number, sb: number, b: number): boolean {
    return sa > sb || (sa === sb && this.ids[a] < this.ids[b]);
  }

  push(score: number, slot: number): void {
    const k = this.k;
    if (k === 0) return;
    const scores = this.scores;
    const slots = this.slots;
    if (this.size < k) {
      let i = this.size++;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!this.before(scores[p], slots[p], score, slot)) break;
        scores[i] = scores[p];
        slots[i] = slots[p];
        i = p;
      }
      scores[i] = score;
      slots[i] = slot;
      return;
    }
    if (!this.before(score, slot, scores[0], slots[0])) return;
    let i = 0;
    const n = this.size;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let w = l;
      if (r < n && this.before(scores[l], slots[l], scores[r], slots[r])) w = r;
      if (!this.before(score, slot, scores[w], slots[w])) break;
      scores[i] = scores[w];
      slots[i] = slots[w];
      i = w;
    }
    scores[i] = score;
    slots[i] = slot;
  }

  /** Kept slots, best first, written into `outSlots`/`outScores`; returns the count. */
  drainInto(outSlots: Int32Array, outScores: Float64Array, at = 0): number {
    const n = this.size;
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    const { scores, slots, ids } = this;
    order.sort((a, b) => (scores[a] !== scores[b] ? scores[b] - scores[a] : ids[slots[a]] < ids[slots[b]] ? -1 : 1));
    for (let i = 0; i < n; i++) {
      outSlots[at + i] = slots[order[i]];
      outScores[at + i] = scores[order[i]];
    }
    return n;
  }
}

/** Near misses: fewest blockers (as the audience sees them), then score descending, then id ascending. */
export class NearMissTopK {
  readonly scores: Float64Array;
  readonly slots: Int32Array;
  readonly counts: Int32Array;
  readonly masks: Int32Array;
  size = 0;

  constructor(
    readonly k: number,
    readonly ids: readonly string[],
    /** Blockers that count as one (the employer's `to_discuss`): 0 counts every blocker. */
    readonly sharedMask = 0,
  ) {
    this.scores = new Float64Array(Math.max(1, k));
    this.slots = new Int32Array(Math.max(1, k));
    this.counts = new Int32Array(Math.max(1, k));
    this.masks = new Int32Array(Math.max(1, k));
  }

  private before(na: number, sa: number, a: number, nb: number, sb: number, b: number): boolean {
    if (na !== nb) return na < nb;
    return sa > sb || (sa === sb && this.ids[a] < this.ids[b]);
  }

  push(count: number, score: number, slot: number, mask: number): void {
    if (this.k === 0) return;
    if (this.size < this.k) {
      const i = this.size++;
      this.counts[i] = count; this.scores[i] = score; this.slots[i] = slot; this.masks[i] = mask;
      return;
    }
    // k is small (a handful of near misses): find the worst linearly.
    let worst = 0;
    for (let i = 1; i < this.size; i++) {
      if (this.before(this.counts[worst], this.scores[worst], this.slots[worst], this.counts[i], this.scores[i], this.slots[i])) worst = i;
    }
    if (!this.before(count, score, slot, this.counts[worst], this.scores[worst], this.slots[worst])) return;
    this.counts[worst] = count; this.scores[worst] = score; this.slots[worst] = slot; this.masks[worst] = mask;
  }

  /** Entries best first. */
  sorted(): { slot: number; score: number; count: number; mask: number }[] {
    const out = [];
    for (let i = 0; i < this.size; i++) out.push({ slot: this.slots[i], score: this.scores[i], count: this.counts[i], mask: this.masks[i] });
    out.sort((a, b) => a.count - b.count || b.score - a.score || (this.ids[a.slot] < this.ids[b.slot] ? -1 : 1));
    return out;
  }
}

/** Blockers of a mask as `near` counts them: those of its shared mask count once together. */
export function shownBlockerCount(near: NearMissTopK, mask: number): number {
  const shared = popcount(mask & near.sharedMask);
  return popcount(mask) - (shared > 1 ? shared - 1 : 0);
}
