/**
 * The grid's traversals against brute force: `withinInto` lists exactly the non-empty cells whose
 * lower-bound km is within reach of some item, no cell holding an item that reaches the point is
 * left out, and the rings of `ringsInto`/`ringInto` list the same cells, each once.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Grid, RING_COUNT, withinReach } from '../../src/geo/grid.js';
import { distanceKm } from '../../src/geo/travel.js';

const point = fc.record({
  lat: fc.double({ min: 44, max: 46, noNaN: true }),
  lon: fc.double({ min: 0, max: 2.5, noNaN: true }),
  radius: fc.oneof(fc.constantFrom(5, 12.5, 30), fc.double({ min: 0, max: 60, noNaN: true })),
});
const query = fc.record({
  lat: fc.double({ min: 43.5, max: 46.5, noNaN: true }),
  lon: fc.double({ min: -0.5, max: 3, noNaN: true }),
  extra: fc.double({ min: 0, max: 20, noNaN: true }),
});

function build(points: { lat: number; lon: number; radius: number }[]): { grid: Grid; lat: Float64Array; lon: Float64Array; radius: Float64Array } {
  const lat = Float64Array.from(points, (p) => p.lat);
  const lon = Float64Array.from(points, (p) => p.lon);
  const radius = Float64Array.from(points, (p) => p.radius);
  return { grid: Grid.build(lat, lon, Int32Array.from(points.keys()), radius), lat, lon, radius };
}

describe('grid traversal', () => {
  it('withinInto lists the cells within reach, and every item that reaches the point is in one of them', () => {
    fc.assert(fc.property(fc.array(point, { minLength: 1, maxLength: 200 }), query, (points, q) => {
      const { grid, lat, lon, radius } = build(points);
      const cells = new Int32Array(grid.cellCount);
      const km = new Float64Array(grid.cellCount);
      const n = grid.withinInto(q.lat, q.lon, q.extra, cells, km);
      const listed = new Set(cells.subarray(0, n));
      expect(listed.size).toBe(n);
      for (let k = 0; k < n; k++) expect(withinReach(km[k], q.extra + grid.cellRadius[cells[k]])).toBe(true);
      // Brute force: each item within its radius + extra of the query sits in a listed cell.
      for (let s = 0; s < points.length; s++) {
        if (distanceKm(q.lat, q.lon, lat[s], lon[s]) <= radius[s] + q.extra) {
          expect(listed.has(grid.compact[grid.cellIndex(lat[s], lon[s])])).toBe(true);
        }
      }
    }), { numRuns: 150 });
  });

  it('the rings list the same cells as withinInto, each once, in rings of growing distance', () => {
    fc.assert(fc.property(fc.array(point, { minLength: 1, maxLength: 200 }), query, (points, q) => {
      const { grid } = build(points);
      const cells = new Int32Array(grid.cellCount);
      const km = new Float64Array(grid.cellCount);
      const n = grid.withinInto(q.lat, q.lon, q.extra, cells, km);
      const expected = [...cells.subarray(0, n)].sort((a, b) => a - b);
      const ring = new Float64Array(8);
      grid.ringsInto(q.lat, q.lon, q.extra, ring);
      const seen: number[] = [];
      for (let r = 0; r <= ring[RING_COUNT]; r++) {
        const m = grid.ringInto(q.lat, q.lon, q.extra, ring, r, cells, km);
        seen.push(...cells.subarray(0, m));
      }
      expect(seen.slice().sort((a, b) => a - b)).toEqual(expected);
    }), { numRuns: 150 });
  });
});
