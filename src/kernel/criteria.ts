/**
 * Each criterion and hard test written once. The exact kernel and the pruning bound of the
 * shortlist scans both call these, so the early exit stays exact (docs/DESIGN.md "Why the pruning
 * is exact"): a bound that re-derived a criterion could drift from it.
 */
import { MEAN_TRIP_IN_DISC, MODES, minutesPerKm } from '../geo/travel.js';
import { MODE_NONE } from '../encode/flags.js';
import { popcount } from './bits.js';
import { COMMUTE_SLOPE, HOURS_GAP_SCALE, QUALIFICATION, START_LATE_SCALE_DAYS } from '../scoring/model.js';

const TRANSIT_FIXED = MODES.transit.fixedMinutes;
const TRANSIT_SLOPE = minutesPerKm('transit');
/** Index of transit in MODE_CODES; modes before it win ties against it. */
export const TRANSIT_MODE = 2;

/** Commute km for a straight-line distance `d` to a site; home care (radius r > 0): the way to the zone plus a mean trip in it. */
export function commuteKm(d: number, r: number): number {
  return r > 0 ? Math.max(0, d - r) + MEAN_TRIP_IN_DISC * r : d;
}

/**
 * How much farther than a candidate's reach a home-care site may be: the commute counts
 * max(0, d − R) + 0.905 R, so d may exceed the reach by R − 0.905 R.
 */
export function homeCareSlack(radiusKm: number): number {
  return (1 - MEAN_TRIP_IN_DISC) * radiusKm;
}

/** Minutes by the best mode without a fixed time (`slope` minutes per km), Infinity when there is none. */
export function slopeMinutes(km: number, slope: number, slopeMode: number): number {
  return slopeMode !== MODE_NONE ? km * slope : Infinity;
}

export function transitMinutes(km: number): number {
  return TRANSIT_FIXED + km * TRANSIT_SLOPE;
}

/** Whether transit is the commute's mode: fewer minutes, or as many and listed before the other mode. */
export function transitWins(transit: number, bySlope: number, slopeMode: number): boolean {
  return transit < bySlope || (transit === bySlope && slopeMode > TRANSIT_MODE);
}

/** Commute value: 1 at the door, 1 − COMMUTE_SLOPE at the candidate's limit. */
export function commuteValue(minutes: number, maxMinutes: number): number {
  const ratio = minutes / maxMinutes;
  return 1 - COMMUTE_SLOPE * (ratio < 1 ? ratio : 1);
}

/**
 * The most commute points (weight `wCommute`, `wc` = wCommute × COMMUTE_SLOPE) a candidate of
 * straight-line reach `reach` can get at a commute of at least `km`: its minutes over its limit
 * are at least km / reach (commuteValue's ratio).
 */
export function commuteCap(wCommute: number, wc: number, km: number, reach: number): number {
  const ratio = km / reach;
  return wCommute - wc * (ratio < 1 ? ratio : 1);
}

/** Hours value: loses 1 / HOURS_GAP_SCALE per weekly hour outside the candidate's range. */
export function hoursValue(weeklyHours: number, min: number, max: number): number {
  const gap = weeklyHours < min ? min - weeklyHours : weeklyHours > max ? weeklyHours - max : 0;
  return Math.max(0, 1 - gap / HOURS_GAP_SCALE);
}

/** Start-date value from the day numbers of availability and start. */
export function startValue(available: number, start: number): number {
  const late = available - start;
  return late <= 0 ? 1 : Math.max(0, 1 - late / START_LATE_SCALE_DAYS);
}

/** A French level below the post's (0: not stated, which never blocks). */
export function frenchBlocks(needed: number, held: number): boolean {
  return needed !== 0 && held !== 0 && held < needed;
}

/** Available only after the contract's end. */
export function startBlocks(available: number, end: number): boolean {
  return available > end;
}

/** A restriction of the candidate met by a demand of the post that no adaptation lifts. */
export function restrictionBlocks(restrictions: number, unlifted: number): boolean {
  return (restrictions & unlifted) !== 0;
}

/** Skills value: the share of the post's `count` preferred skills the candidate has (1 when it prefers none). */
export function skillsValue(skills: Uint32Array, at: number, preferred: Uint32Array, pAt: number, words: number, count: number): number {
  if (count === 0) return 1;
  let common = 0;
  for (let w = 0; w < words; w++) common += popcount(skills[at + w] & preferred[pAt + w]);
  return common / count;
}

/** Whether two bitsets of `words` words share a bit. */
export function anyCommon(a: Uint32Array, ai: number, b: Uint32Array, bi: number, words: number): boolean {
  for (let w = 0; w < words; w++) if ((a[ai + w] & b[bi + w]) !== 0) return true;
  return false;
}

/**
 * The certificate rungs of the qualification ladder against the post's expected set: held,
 * equivalent or higher, partial or in training, bridge; 0 when none applies (the rungs below
 * depend on experience: `experienceRung`).
 */
export function certificateRung(
  held: Uint32Array, equivalent: Uint32Array, partial: Uint32Array, bridge: Uint32Array, at: number,
  expected: Uint32Array, eAt: number, words: number,
): number {
  if (anyCommon(held, at, expected, eAt, words)) return QUALIFICATION.held;
  if (anyCommon(equivalent, at, expected, eAt, words)) return QUALIFICATION.equivalentOrHigher;
  if (anyCommon(partial, at, expected, eAt, words)) return QUALIFICATION.partialOrInTraining;
  if (anyCommon(bridge, at, expected, eAt, words)) return QUALIFICATION.bridge;
  return 0;
}

/** The ladder's rungs without a certificate, from the months of experience in the post's own fiche. */
export function experienceRung(exactMonths: number): number {
  if (exactMonths >= QUALIFICATION.experienceWithoutDiplomaMonths) return QUALIFICATION.experienceWithoutDiploma;
  return exactMonths > 0 ? QUALIFICATION.someExperienceWithoutDiploma : 0;
}

/** The highest rung `experienceRung` can give: what a bound assumes before experience is read. */
export const BEST_EXPERIENCE_RUNG = QUALIFICATION.experienceWithoutDiploma;

/** The qualification value when the post expects no certification: a base, and the rest for holding any. */
export function noneExpectedValue(holdsAny: boolean): number {
  return QUALIFICATION.noneExpectedBase + (holdsAny ? 1 - QUALIFICATION.noneExpectedBase : 0);
}
