/** IdMap (src/engine/id-map.ts) against a Map, over random sequences of adds, gets and deletes. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdMap } from '../../src/core/id-map.js';

type Op = { op: 'add' | 'get' | 'delete'; id: string };

// Few distinct ids, so that adds collide with present ids and deletes hit long probe runs.
const id = fc.oneof(fc.integer({ min: 0, max: 60 }).map((n) => `c${n}`), fc.string({ maxLength: 40 }));
const ops = fc.array(fc.record({ op: fc.constantFrom<'add' | 'get' | 'delete'>('add', 'add', 'get', 'delete'), id }), { maxLength: 400 });

function run(map: IdMap, list: Op[]) {
  const model = new Map<string, number>();
  let next = 0;
  for (const { op, id } of list) {
    if (op === 'add') {
      const existing = model.get(id);
      expect(map.add(id, next)).toBe(existing ?? -1);
      if (existing === undefined) model.set(id, next++);
    } else if (op === 'get') {
      expect(map.get(id)).toBe(model.get(id) ?? -1);
    } else {
      expect(map.delete(id)).toBe(model.delete(id));
    }
    expect(map.size).toBe(model.size);
  }
  for (const [k, v] of model) expect(map.get(k)).toBe(v);
}

describe('IdMap', () => {
  it('answers as a Map does, through growth and backward-shift deletions', () => {
    fc.assert(fc.property(ops, (list) => run(new IdMap(), list)), { numRuns: 300 });
  });

  it('answers the same when reserved up front', () => {
    fc.assert(fc.property(ops, fc.nat(1000), (list, n) => {
      const map = new IdMap();
      map.reserve(n);
      run(map, list);
    }), { numRuns: 100 });
  });

  it('holds 200 000 ids, finds each, and forgets the deleted half', () => {
    const map = new IdMap();
    map.reserve(200_000);
    let added = 0;
    let deleted = 0;
    for (let i = 0; i < 200_000; i++) if (map.add(`id-${i}`, i) === -1) added++;
    for (let i = 0; i < 200_000; i += 2) if (map.delete(`id-${i}`)) deleted++;
    expect([added, deleted]).toEqual([200_000, 100_000]);
    let found = 0;
    for (let i = 0; i < 200_000; i++) if (map.get(`id-${i}`) === (i % 2 === 1 ? i : -1)) found++;
    expect(found).toBe(200_000);
    expect(map.size).toBe(100_000);
  });
});
