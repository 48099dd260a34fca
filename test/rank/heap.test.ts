/** The one bounded heap against a sort oracle: the best k by score descending, then id (code points). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TopK } from '../../src/rank/topk.js';
import { HeapBank } from '../../src/rank/bank.js';

const entries = fc.array(fc.record({ score: fc.constantFrom(0, 50, 50.5, 80, 100), item: fc.nat({ max: 39 }) }), { maxLength: 120 });
const ids = Array.from({ length: 40 }, (_, i) => `id-${String.fromCharCode(0x41 + ((i * 7) % 40))}${i}`);

/** Each item offered once (a scan never offers an item twice). */
const distinct = (es: { score: number; item: number }[]) => es.filter((e, i) => es.findIndex((f) => f.item === e.item) === i);
const oracle = (es: { score: number; item: number }[], k: number) =>
  distinct(es).sort((a, b) => b.score - a.score || (ids[a.item] < ids[b.item] ? -1 : 1)).slice(0, k);

describe('bounded heap', () => {
  it('TopK keeps the oracle\'s best k, best first', () => {
    fc.assert(fc.property(entries, fc.nat({ max: 25 }), (es, k) => {
      const top = new TopK(k, ids);
      for (const e of distinct(es)) top.push(e.score, e.item);
      const slots = new Int32Array(top.size);
      const scores = new Float64Array(top.size);
      top.drainInto(slots, scores);
      expect([...slots].map((item, i) => ({ score: scores[i], item }))).toEqual(oracle(es, k));
    }), { numRuns: 300 });
  });

  it('HeapBank keeps each owner\'s best k like TopK', () => {
    fc.assert(fc.property(fc.array(entries, { minLength: 1, maxLength: 4 }), fc.nat({ max: 10 }), (perOwner, k) => {
      const bank = new HeapBank(perOwner.length, k, ids);
      perOwner.forEach((es, owner) => { for (const e of distinct(es)) bank.push(owner, e.score, e.item); });
      perOwner.forEach((es, owner) => expect(bank.sortedOf(owner)).toEqual(oracle(es, k)));
    }), { numRuns: 200 });
  });
});
