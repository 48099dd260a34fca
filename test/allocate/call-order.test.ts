/**
 * prioritize / checkCallOrder: P1–P3 on random rankings, the checker catching broken orders,
 * scores untouched, explanations on exactly the items that moved, categories read from the
 * items, from records or from a predicate, and input errors naming the field.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkCallOrder, latestPosition, minPriority, prioritize } from '../../src/allocate/call-order.js';
import { PasserelleInputError } from '../../src/errors.js';
import { formatPercent } from '../../src/format/french.js';

const share = fc.oneof(
  fc.constantFrom(0, 0.1, 0.2, 0.25, 0.3, 1 / 3, 0.5, 0.7, 0.9, 1),
  fc.double({ min: 0, max: 1, noNaN: true }),
);

/** A ranking of n candidates, some holding RSA or QPV (or another code), with scores. */
const ranking = fc.array(fc.record({ categories: fc.subarray(['RSA', 'QPV', 'RQTH', 'SENIOR']), score: fc.integer({ min: 0, max: 100 }) }), { maxLength: 60 })
  .map((xs) => xs.map((x, i) => ({ candidateId: `c${String(i).padStart(3, '0')}`, ...x })));
const priority = ['RSA', 'QPV'];

describe('prioritize', () => {
  it('P1–P3 hold on random rankings (checkCallOrder finds nothing), scores unchanged, explanations on moved items only', () => {
    fc.assert(
      fc.property(ranking, share, (items, q) => {
        const r = prioritize(items, { minShare: q, priority });
        expect(checkCallOrder(items, r.order, { minShare: q, priority })).toEqual([]);
        const isPriority = (x: { categories: string[] }) => x.categories.some((c) => priority.includes(c));
        // P1–P3 stated once more here, straight from MODEL.md, on the positions.
        const total = items.filter(isPriority).length;
        let seen = 0;
        r.order.forEach((o, k) => {
          const item = items[o.originalRank - 1];
          expect(o.candidateId).toBe(item.candidateId);
          expect(o.score).toBe(item.score);
          expect(o.priority).toBe(isPriority(item));
          expect(o.rank).toBe(k + 1);
          if (o.priority) seen++;
          expect(seen).toBeGreaterThanOrEqual(Math.min(minPriority(q, k + 1), total));
          if (o.priority) {
            expect(r.order.slice(0, k).every((b) => b.originalRank < o.originalRank)).toBe(true);
          } else {
            expect(o.rank).toBeGreaterThanOrEqual(o.originalRank);
            expect(o.rank).toBeLessThanOrEqual(latestPosition(q, o.originalRank));
          }
          expect(o.reordered).toBe(o.rank !== o.originalRank);
          if (o.reordered) expect(o.explanation).toMatch(/^Appelé·e au rang \d+ au lieu du rang \d+ : .*Score inchangé\.$/);
          else expect(o.explanation).toBeUndefined();
        });
        expect(r.reordered).toBe(r.order.filter((o) => o.reordered).length);
        // q = 0: nothing moves.
        if (q === 0) expect(r.reordered).toBe(0);
      }),
      { numRuns: 500 },
    );
  });

  it('never names a category in its sentences', () => {
    fc.assert(
      fc.property(ranking, share, (items, q) => {
        for (const o of prioritize(items, { minShare: q, priority }).order) {
          expect(o.explanation ?? '').not.toMatch(/RSA|QPV|RQTH|SENIOR/);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('reads categories from the items, from candidate records or an index, or a predicate: same order', () => {
    fc.assert(
      fc.property(ranking, share, (items, q) => {
        const expected = prioritize(items, { minShare: q, priority }).order;
        const bare = items.map(({ candidateId, score }) => ({ candidateId, score }));
        const records = items.map(({ candidateId, categories }) => ({ id: candidateId, categories }));
        const index = { get: (id: string) => records.find((c) => c.id === id) };
        expect(prioritize(bare, { minShare: q, priority, candidates: records }).order).toEqual(expected);
        expect(prioritize(bare, { minShare: q, priority, candidates: index }).order).toEqual(expected);
        // A class instance with get() (a CandidateIndex, a Map) is kept as it is, not read as JSON data.
        expect(prioritize(bare, { minShare: q, priority, candidates: new Map(records.map((c) => [c.id, c])) }).order).toEqual(expected);
        const byId = new Map(records.map((c) => [c.id, c.categories]));
        expect(prioritize(bare, { minShare: q, priority: (x) => byId.get(x.candidateId)!.some((c) => priority.includes(c)) }).order).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });

  it('the Parcoursup example: 20 % of priority candidates from the first call', () => {
    const items = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((candidateId) => ({ candidateId, categories: candidateId === 'f' || candidateId === 'g' ? ['RSA'] : [] }));
    const r = prioritize(items, { minShare: 0.2, priority: ['RSA'] });
    // ⌈0.2⌉ = 1: f first; ⌈0.2 × 6⌉ = 2: g at position 6.
    expect(r.order.map((o) => o.candidateId)).toEqual(['f', 'a', 'b', 'c', 'd', 'g', 'e']);
    const pct = formatPercent(0.2);
    expect(r.order[0].explanation).toBe(`Appelé·e au rang 1 au lieu du rang 6 : part minimale de ${pct} de publics prioritaires dans l’ordre d’appel. Score inchangé.`);
    expect(r.order[1].explanation).toBe(`Appelé·e au rang 2 au lieu du rang 1 : l’ordre d’appel réserve une part minimale de ${pct} aux publics prioritaires. Score inchangé.`);
  });

  it('checkCallOrder reports each broken guarantee', () => {
    const items = ['a', 'b', 'c', 'd', 'e'].map((candidateId) => ({ candidateId, categories: candidateId === 'e' || candidateId === 'd' ? ['QPV'] : [] }));
    const options = { minShare: 0.5, priority: ['QPV'] };
    const asGiven = items.map((x, i) => ({ candidateId: x.candidateId, rank: i + 1, originalRank: i + 1, priority: i >= 3 }));
    expect(checkCallOrder(items, asGiven, options).map((v) => v.code)).toContain('min_share');
    const good = prioritize(items, options).order;
    expect(good.map((o) => o.candidateId)).toEqual(['d', 'a', 'e', 'b', 'c']);
    // e before d: d is overtaken.
    const swapped = [good[2], good[1], good[0], good[3], good[4]].map((o, k) => ({ ...o, rank: k + 1 }));
    expect(checkCallOrder(items, swapped, options).map((v) => v.code)).toContain('priority_overtaken');
    // c pushed past 1 + ⌊3 / 0.5⌋ = 7 cannot happen with 5 items; a non-priority moved ahead of its rank can.
    const early = [good[4], ...good.slice(0, 4)].map((o, k) => ({ ...o, rank: k + 1 }));
    expect(checkCallOrder(items, early, options).map((v) => v.code)).toContain('rank_bound');
    expect(checkCallOrder(items, good.slice(1), options).map((v) => v.code)).toEqual(['not_a_permutation']);
    expect(checkCallOrder(items, good.map((o) => ({ ...o, priority: !o.priority })), options).map((v) => v.code)).toContain('priority_flag');
  });

  it('rejects bad input naming the field', () => {
    const issues = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(PasserelleInputError);
        return (e as PasserelleInputError).issues.map((i) => [i.path, i.code]);
      }
      throw new Error('no error');
    };
    const items = [{ candidateId: 'a' }, { candidateId: 'b' }];
    expect(issues(() => prioritize(items, { minShare: 1.5, priority: ['RSA'] }))).toEqual([['minShare', 'too_big']]);
    expect(issues(() => prioritize(items, { minShare: 0.2, priority: [] }))).toEqual([['priority', 'too_small']]);
    expect(issues(() => prioritize(items, { minShare: 0.2 } as never)).map(([path]) => path)).toEqual(['priority']);
    expect(issues(() => prioritize([{ candidateId: 'a' }, { candidateId: 'a' }], { minShare: 0.2, priority: ['RSA'] }))).toEqual([['ranking[1].candidateId', 'duplicate_id']]);
    expect(issues(() => prioritize([{ id: 'a' }] as never, { minShare: 0.2, priority: ['RSA'] }))).toEqual([['ranking[0].candidateId', 'required']]);
  });
});
