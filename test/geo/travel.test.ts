import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEG, EARTH_RADIUS_KM, MEAN_TRIP_IN_DISC, MODES, MODE_ORDER, bestCommute, distanceKm, haversineKm, homeCareKm,
  minutesPerKm, reachKm,
} from '../../src/geo/travel.js';
import type { Mode } from '../../src/schema/index.js';

/** Metropolitan France's bounding box, Corsica included. */
const LAT = { min: 41.3, max: 51.1 };
const LON = { min: -5.2, max: 9.6 };

const point = fc.record({
  lat: fc.double({ min: LAT.min, max: LAT.max, noNaN: true }),
  lon: fc.double({ min: LON.min, max: LON.max, noNaN: true }),
});

/** A second point at most `maxKm` away (by a bearing and a distance on the local tangent plane). */
function pairWithin(maxKm: number) {
  return fc
    .tuple(point, fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }), fc.double({ min: 0, max: maxKm, noNaN: true }))
    .map(([a, bearing, km]) => {
      const dLat = (km * Math.cos(bearing)) / EARTH_RADIUS_KM / DEG;
      const dLon = (km * Math.sin(bearing)) / (EARTH_RADIUS_KM * Math.cos(a.lat * DEG)) / DEG;
      return { a, b: { lat: a.lat + dLat, lon: a.lon + dLon } };
    })
    .filter(({ a, b }) => haversineKm(a.lat, a.lon, b.lat, b.lon) <= maxKm && b.lat >= LAT.min && b.lat <= LAT.max);
}

const modes = fc.uniqueArray(fc.constantFrom<Mode>(...MODE_ORDER), { minLength: 1, maxLength: 5 });

describe('distanceKm (equirectangular) against haversine in metropolitan France', () => {
  it('is within 0.5 % of haversine up to 200 km', () => {
    fc.assert(
      fc.property(pairWithin(200), ({ a, b }) => {
        const h = haversineKm(a.lat, a.lon, b.lat, b.lon);
        const d = distanceKm(a.lat, a.lon, b.lat, b.lon);
        expect(Math.abs(d - h)).toBeLessThanOrEqual(0.005 * h + 1e-9);
      }),
      { numRuns: 5000 },
    );
  });

  it('is within 1 m of haversine for near-equal points', () => {
    fc.assert(
      fc.property(pairWithin(0.05), ({ a, b }) => {
        const h = haversineKm(a.lat, a.lon, b.lat, b.lon);
        const d = distanceKm(a.lat, a.lon, b.lat, b.lon);
        expect(Math.abs(d - h)).toBeLessThan(0.001);
      }),
      { numRuns: 2000 },
    );
  });

  it('is symmetric and zero on the same point', () => {
    fc.assert(
      fc.property(point, point, (a, b) => {
        expect(distanceKm(a.lat, a.lon, b.lat, b.lon)).toBe(distanceKm(b.lat, b.lon, a.lat, a.lon));
        expect(distanceKm(a.lat, a.lon, a.lat, a.lon)).toBe(0);
      }),
    );
  });

  it('gives the known Paris–Lyon distance (≈ 392 km great circle) within 0.5 %', () => {
    const paris = { lat: 48.8566, lon: 2.3522 };
    const lyon = { lat: 45.764, lon: 4.8357 };
    const h = haversineKm(paris.lat, paris.lon, lyon.lat, lyon.lon);
    expect(h).toBeGreaterThan(390);
    expect(h).toBeLessThan(394);
    expect(Math.abs(distanceKm(paris.lat, paris.lon, lyon.lat, lyon.lon) - h) / h).toBeLessThan(0.005);
  });
});

describe('bestCommute and reachKm', () => {
  it('bestCommute takes the fewest minutes among the declared modes, ties by MODE_ORDER', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 300, noNaN: true }), modes, (km, ms) => {
        const best = bestCommute(km, ms);
        expect(best.km).toBe(km);
        expect(ms).toContain(best.mode);
        for (const m of ms) {
          const t = MODES[m].fixedMinutes + km * minutesPerKm(m);
          expect(best.minutes).toBeLessThanOrEqual(t);
          if (t === best.minutes) expect(MODE_ORDER.indexOf(best.mode)).toBeLessThanOrEqual(MODE_ORDER.indexOf(m));
        }
      }),
    );
  });

  it('a distance equal to reachKm takes at most maxMinutes by the best mode', () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 180 }), modes, (maxMinutes, ms) => {
        // Transit alone under its 10 fixed minutes reaches nothing (reachKm 0, the test below):
        // the property is about limits some mode can meet.
        fc.pre(ms.some((m) => MODES[m].fixedMinutes <= maxMinutes));
        const reach = reachKm(maxMinutes, ms);
        expect(bestCommute(reach, ms).minutes).toBeLessThanOrEqual(maxMinutes + 1e-9);
      }),
    );
  });

  it('reachKm is the longest such distance: a little further is over the limit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 11, max: 180 }), modes, (maxMinutes, ms) => {
        const reach = reachKm(maxMinutes, ms);
        expect(bestCommute(reach + 0.01, ms).minutes).toBeGreaterThan(maxMinutes);
      }),
    );
  });

  it('reachKm is non-decreasing in maxMinutes and in the set of modes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 179 }), modes, modes, (t, ms, more) => {
        expect(reachKm(t + 1, ms)).toBeGreaterThanOrEqual(reachKm(t, ms));
        expect(reachKm(t, [...new Set([...ms, ...more])])).toBeGreaterThanOrEqual(reachKm(t, ms));
      }),
    );
  });

  it('transit cannot reach anything within its 10 fixed minutes', () => {
    expect(reachKm(5, ['transit'])).toBe(0);
    expect(reachKm(10, ['transit'])).toBe(0);
  });

  it('car at 50 km/h with a 1.3 detour: 30 minutes reach 30 × 50 / 60 / 1.3 km', () => {
    expect(reachKm(30, ['car'])).toBeCloseTo(25 / 1.3, 12);
    const best = bestCommute(10, ['walk', 'car']);
    expect(best.mode).toBe('car');
    expect(best.minutes).toBeCloseTo(15.6, 12);
  });
});

describe('homeCareKm', () => {
  const km = fc.double({ min: 0, max: 500, noNaN: true });
  const radius = fc.double({ min: 0, max: 200, noNaN: true });

  it('is the straight-line distance when there is no zone', () => {
    fc.assert(fc.property(km, (d) => {
      expect(homeCareKm(d, 0)).toBe(d);
    }));
  });

  it('is never negative and never below the mean trip inside the zone', () => {
    fc.assert(
      fc.property(km, radius, (d, r) => {
        expect(homeCareKm(d, r)).toBeGreaterThanOrEqual(MEAN_TRIP_IN_DISC * r);
      }),
    );
  });

  it('is constant inside the zone and grows one for one outside it', () => {
    fc.assert(
      fc.property(km, radius, fc.double({ min: 0, max: 100, noNaN: true }), (d, r, extra) => {
        const inside = Math.min(d, r);
        expect(homeCareKm(inside, r)).toBeCloseTo(homeCareKm(0, r), 9);
        expect(homeCareKm(r + extra, r) - homeCareKm(r, r)).toBeCloseTo(extra, 9);
      }),
    );
  });

  it('is non-decreasing in the distance', () => {
    fc.assert(
      fc.property(km, km, radius, (a, b, r) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(homeCareKm(lo, r)).toBeLessThanOrEqual(homeCareKm(hi, r));
      }),
    );
  });

  it('uses the mean distance between two random points of a disc, 128/(45π) ≈ 0.9054 R', () => {
    expect(MEAN_TRIP_IN_DISC).toBeCloseTo(0.9054, 4);
    expect(homeCareKm(25, 10)).toBeCloseTo(15 + 9.054, 3);
  });
});
