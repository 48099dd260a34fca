/**
 * The travel model: straight-line distance, a detour factor and a speed per mode.
 * One module so every part of passerelle (scoring, pathways, explanations) uses the same numbers.
 *
 * Distance: equirectangular with the mean of the two cosines of latitude — within 0.1 % of
 * haversine up to 200 km in metropolitan France, and cheap enough for the hot path (no trig per pair).
 */
import type { Mode } from '../schema/primitives.js';

export const EARTH_RADIUS_KM = 6371.0088;
export const DEG = Math.PI / 180;
/** Kilometres per degree of latitude (and of longitude at the equator). */
export const KM_PER_DEG = EARTH_RADIUS_KM * DEG;

export interface ModeModel {
  /** Road/path length over straight-line distance. */
  detour: number;
  /** Average door-to-door speed, km/h, on the detoured length. */
  speedKmh: number;
  /** Fixed minutes per trip (waiting, parking, walking to the stop). */
  fixedMinutes: number;
}

/**
 * Constants, with why: car and motorbike average 50 km/h door to door on French secondary roads
 * with a 1.3 detour; transit averages 20 km/h with a 10-minute wait and a 1.4 detour (rural
 * coaches are slow, towns have buses); bike 15 km/h, walk 4.5 km/h, both with a 1.2 detour.
 */
export const MODES: Readonly<Record<Mode, ModeModel>> = {
  car: { detour: 1.3, speedKmh: 50, fixedMinutes: 0 },
  motorbike: { detour: 1.3, speedKmh: 50, fixedMinutes: 0 },
  transit: { detour: 1.4, speedKmh: 20, fixedMinutes: 10 },
  bike: { detour: 1.2, speedKmh: 15, fixedMinutes: 0 },
  walk: { detour: 1.2, speedKmh: 4.5, fixedMinutes: 0 },
};
export const MODE_ORDER: readonly Mode[] = ['car', 'motorbike', 'transit', 'bike', 'walk'];

/** Minutes per straight-line km for a mode. */
export function minutesPerKm(mode: Mode): number {
  const m = MODES[mode];
  return (m.detour * 60) / m.speedKmh;
}

/**
 * Home care: the agency's zone is a disc of `interventionRadiusKm` around `site`. The commute counts
 * the way to the zone plus one typical trip inside it: the mean distance between two random points
 * of a disc of radius R is 128R/(45π) ≈ 0.905 R.
 */
export const MEAN_TRIP_IN_DISC = 128 / (45 * Math.PI);

export function homeCareKm(distanceToSiteKm: number, radiusKm: number): number {
  return Math.max(0, distanceToSiteKm - radiusKm) + MEAN_TRIP_IN_DISC * radiusKm;
}

/** Equirectangular distance in km between two points given in degrees. */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const c = 0.5 * (Math.cos(lat1 * DEG) + Math.cos(lat2 * DEG));
  const dx = (lon1 - lon2) * DEG * c;
  const dy = (lat1 - lat2) * DEG;
  return EARTH_RADIUS_KM * Math.sqrt(dx * dx + dy * dy);
}

/** Great-circle distance, the yardstick for the equirectangular approximation. */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * DEG;
  const dLon = (lon2 - lon1) * DEG;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * DEG) * Math.cos(lat2 * DEG) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

export interface Commute {
  km: number;
  minutes: number;
  mode: Mode;
}

/** Best mode (fewest minutes; ties by MODE_ORDER) for a straight-line distance. */
export function bestCommute(km: number, modes: readonly Mode[]): Commute {
  let best: Commute = { km, minutes: Infinity, mode: modes[0] };
  for (const mode of MODE_ORDER) {
    if (!modes.includes(mode)) continue;
    const m = MODES[mode];
    const minutes = m.fixedMinutes + km * minutesPerKm(mode);
    if (minutes < best.minutes) best = { km, minutes, mode };
  }
  return best;
}

/** Longest straight-line distance reachable within `maxMinutes` by the best of `modes`. */
export function reachKm(maxMinutes: number, modes: readonly Mode[]): number {
  let reach = 0;
  for (const mode of modes) {
    const m = MODES[mode];
    const k = minutesPerKm(mode);
    let r = Math.max(0, maxMinutes - m.fixedMinutes) / k;
    // Division rounding may put the exact limit one ulp beyond maxMinutes: step back until it fits.
    while (r > 0 && m.fixedMinutes + r * k > maxMinutes) r -= r * Number.EPSILON;
    reach = Math.max(reach, r);
  }
  return reach;
}
