import { popcount } from '../kernel/bits.js';
import { heapOrder, heapPush } from './heap.js';

/**
 * Bounded best-k selections on typed arrays (never a sort of objects). Ties are broken by id
 * (string order by code point), the only time an id string is read.
 */

/** Best `k` by score descending, then id ascending (./heap.ts). */
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

  push(score: number, slot: number): void {
    this.size = heapPush(this.scores, this.slots, 0, this.size, this.k, score, slot, this.ids);
  }

  /** Kept slots, best first, written into `outSlots`/`outScores`; returns the count. */
  drainInto(outSlots: Int32Array, outScores: Float64Array, at = 0): number {
    const n = this.size;
    const order = heapOrder(this.scores, this.slots, 0, n, this.ids);
    for (let i = 0; i < n; i++) {
      outSlots[at + i] = this.slots[order[i]];
      outScores[at + i] = this.scores[order[i]];
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
