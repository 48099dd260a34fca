/**
 * The travel model as the package exports it: each argument checked at the edge
 * (PasserelleInputError('argument') naming it). The engine calls travel.ts directly, unchecked,
 * with values it validated once.
 */
import type { Mode } from '../schema/primitives.js';
import { argumentError, numberArgument, readData } from '../validate/edge.js';
import { PasserelleInputError } from '../errors.js';
import * as travel from './travel.js';

function modesArgument(value: unknown): Mode[] {
  const read = readData(value, ['modes']);
  if (!read.ok) throw new PasserelleInputError('argument', [read.issue]);
  const modes = read.value;
  if (!Array.isArray(modes) || modes.length === 0) throw argumentError('invalid_type', 'modes', 'un tableau non vide de modes attendu');
  modes.forEach((m, i) => {
    if (typeof m !== 'string' || !Object.hasOwn(travel.MODES, m)) {
      throw argumentError('invalid_value', `modes[${i}]`, `un de ${Object.keys(travel.MODES).join(', ')} attendu`);
    }
  });
  return modes as Mode[];
}

function point(lat: unknown, lon: unknown, n: 1 | 2): void {
  numberArgument(lat, `lat${n}`, -90, 90);
  numberArgument(lon, `lon${n}`, -180, 180);
}

/**
 * Equirectangular distance in km between two points given in degrees.
 * @example
 * distanceKm(48.43, 0.09, 48.6, 0.02) // ≈ 19.5 (Alençon → Sées)
 */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  point(lat1, lon1, 1);
  point(lat2, lon2, 2);
  return travel.distanceKm(lat1, lon1, lat2, lon2);
}

/**
 * Great-circle distance in km, the yardstick for the equirectangular approximation.
 * @example
 * haversineKm(48.43, 0.09, 48.6, 0.02) // ≈ 19.5
 */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  point(lat1, lon1, 1);
  point(lat2, lon2, 2);
  return travel.haversineKm(lat1, lon1, lat2, lon2);
}

/**
 * Best mode (fewest minutes; ties by mode order) for a straight-line distance.
 * @example
 * bestCommute(12, ['car', 'bike']).mode // 'car'
 */
export function bestCommute(km: number, modes: readonly Mode[]): travel.Commute {
  numberArgument(km, 'km', 0);
  return travel.bestCommute(km, modesArgument(modes));
}

/**
 * Longest straight-line distance reachable within `maxMinutes` by the best of `modes`.
 * @example
 * reachKm(30, ['car']) // km reachable by car in 30 minutes
 */
export function reachKm(maxMinutes: number, modes: readonly Mode[]): number {
  numberArgument(maxMinutes, 'maxMinutes', 0);
  return travel.reachKm(maxMinutes, modesArgument(modes));
}

/**
 * Home care: the way to an agency's zone (a disc of `radiusKm` around its site) plus one typical trip inside it.
 * @example
 * homeCareKm(10, 5) // 5 + 0.905 × 5
 */
export function homeCareKm(distanceToSiteKm: number, radiusKm: number): number {
  numberArgument(distanceToSiteKm, 'distanceToSiteKm', 0);
  numberArgument(radiusKm, 'radiusKm', 0);
  return travel.homeCareKm(distanceToSiteKm, radiusKm);
}
