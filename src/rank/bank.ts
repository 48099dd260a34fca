import { heapOrder, heapPush } from './heap.js';

/**
 * Many small best-k heaps in flat typed arrays: one per owner (e.g. every candidate's best
 * vacancies while a batch walks the vacancies): the heap of ./heap.ts at `owner × k`.
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

  push(owner: number, score: number, item: number): void {
    this.sizes[owner] = heapPush(this.scores, this.items, owner * this.k, this.sizes[owner], this.k, score, item, this.itemIds);
  }

  /** An owner's items, best first. */
  sortedOf(owner: number): { item: number; score: number }[] {
    const order = heapOrder(this.scores, this.items, owner * this.k, this.sizes[owner], this.itemIds);
    return Array.from(order, (p) => ({ item: this.items[p], score: this.scores[p] }));
  }
}
