/** The grid's two item orders (radix sort by radius rank, comparator sort) agree: cell, radius descending, slot. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Grid, sortByComparator, sortByRadixRanks } from '../../src/geo/grid.js';
import { runToEnd } from '../../src/work.js';

const point = fc.record({
  lat: fc.double({ min: 42, max: 43, noNaN: true }),
  lon: fc.double({ min: 2, max: 3, noNaN: true }),
  // Few distinct radii, as in real indexes, and some arbitrary ones.
  radius: fc.oneof(fc.constantFrom(5, 10, 12.5, 30), fc.double({ min: 0, max: 100, noNaN: true })),
});

describe('grid item order', () => {
  it('packed keys and the comparator give the same items, radii and cells', () => {
    fc.assert(fc.property(fc.array(point, { maxLength: 300 }), (points) => {
      const lat = Float64Array.from(points, (p) => p.lat);
      const lon = Float64Array.from(points, (p) => p.lon);
      const radius = Float64Array.from(points, (p) => p.radius);
      const slots = Int32Array.from(points.keys());
      const grid = Grid.build(lat, lon, slots, radius);
      const cellOf = Int32Array.from(slots, (s) => grid.cellIndex(lat[s], lon[s]));
      const run = (packed: boolean) => {
        const g = { compact: grid.compact, cellStart: grid.cellStart, itemRadius: new Float64Array(slots.length) };
        const items = new Int32Array(slots.length);
        if (packed) expect(runToEnd(sortByRadixRanks(g, cellOf, slots, radius, items))).toBe(true);
        else runToEnd(sortByComparator(g, cellOf, slots, radius, items, grid.cellStart.slice()));
        return { items: [...items], radii: [...g.itemRadius] };
      };
      const a = run(true);
      expect(a).toEqual(run(false));
      expect(a.items).toEqual([...grid.items]);
    }), { numRuns: 200 });
  });

  it('falls back to the comparator for a radius that cannot be ranked', () => {
    const g = { compact: new Int32Array([0]), cellStart: new Int32Array([0, 2]), itemRadius: new Float64Array(2) };
    expect(runToEnd(sortByRadixRanks(g, new Int32Array(2), Int32Array.from([0, 1]), Float64Array.from([1, Infinity]), new Int32Array(2)))).toBe(false);
  });
});
