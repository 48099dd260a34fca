/**
 * The numeric heart: one candidate × one vacancy → blockers mask, criterion values, score.
 * Reads only typed arrays and numbers (docs/SCORING.md gives every formula). No allocation.
 */
import { chunkEnd, type Work } from '../work.js';
import type { CandidateColumns } from '../encode/candidates.js';
import type { VacancyColumns } from '../encode/vacancies.js';
import {
  F_ACCEPTS_TRAINING, F_ANY_CERT, F_AUTH, F_DESIRED_EMPTY, F_EXPECTED_EMPTY, F_HAS_LEGAL, F_HAS_REQUIRED, F_LICENCE,
  F_PUBLICS, F_SCHEDULE, F_SECTORS, F_VEHICLE,
} from '../encode/flags.js';
import { DEG, EARTH_RADIUS_KM } from '../geo/travel.js';
import { withinReach } from '../geo/grid.js';
import { EXPERIENCE, WISH_RELATED, type Weights } from '../scoring/model.js';
import {
  TRANSIT_MODE, anyCommon, certificateRung, commuteKm, commuteValue, experienceRung, frenchBlocks,
  homeCareSlack, hoursValue, noneExpectedValue, restrictionBlocks, skillsValue, slopeMinutes, startBlocks, startValue, transitMinutes, transitWins,
} from './criteria.js';

export const B_LEGAL = 1 << 0;
export const B_REQUIRED = 1 << 1;
export const B_LICENCE = 1 << 2;
export const B_VEHICLE = 1 << 3;
export const B_COMMUTE = 1 << 4;
/** nights, weekends, split shifts: bits 5–7, the schedule flags (bits 2–4) shifted by 3. */
export const SCHEDULE_TO_BLOCKER_SHIFT = 3;
export const B_CONTRACT = 1 << 8;
export const B_FRENCH = 1 << 9;
export const B_EXPERIENCE = 1 << 10;
export const B_AUTH = 1 << 11;
export const B_START = 1 << 12;
export const B_RESTRICTION = 1 << 13;

/** Unmet capabilities (`need & ~flags`) → their blocker bits; off the common path. */
function capabilityBlockers(missing: number): number {
  let m = 0;
  if ((missing & F_LICENCE) !== 0) m |= B_LICENCE;
  if ((missing & F_VEHICLE) !== 0) m |= B_VEHICLE;
  m |= (missing & F_SCHEDULE) << SCHEDULE_TO_BLOCKER_SHIFT;
  if ((missing & (0x7f << 8)) !== 0) m |= B_CONTRACT;
  if ((missing & F_AUTH) !== 0) m |= B_AUTH;
  return m;
}

/**
 * A shortlist scan's evaluation of a candidate: certain ineligibility (capabilities, French level,
 * start, restrictions, commute) or an upper bound of the score that cannot reach the last kept one
 * ends it early; a pair that gets through all the bound's stages has its exact score, the one
 * `Kernel.evaluate` gives (same functions, ./criteria.ts, summed in the same order). Bit tests
 * first, distance next, lists and bitsets last. The vacancy's values are hoisted into fields once
 * per vacancy.
 */
export class ShortlistFilter {
  private readonly flags: Uint32Array;
  private readonly alive: Uint8Array;
  private readonly french: Uint8Array;
  private readonly available: Int32Array;
  private readonly restrictions: Uint32Array;
  private readonly lat: Float64Array;
  private readonly lon: Float64Array;
  private readonly cosLat: Float64Array;
  private readonly slope: Float64Array;
  private readonly slopeMode: Uint8Array;
  private readonly transit: Uint8Array;
  private readonly maxMinutes: Float64Array;
  private readonly hoursMin: Float64Array;
  private readonly hoursMax: Float64Array;
  private readonly held: Uint32Array;
  private readonly equivalent: Uint32Array;
  private readonly partial: Uint32Array;
  private readonly bridge: Uint32Array;
  private readonly skills: Uint32Array;
  private readonly bonus: Float64Array;
  private readonly cw: number;
  private readonly sw: number;
  private readonly expected: Uint32Array;
  private readonly preferred: Uint32Array;
  private need = 0;
  private vFlags = 0;
  private vFrench = 0;
  private vEnd = 0;
  private vUnlifted = 0;
  private vLat = 0;
  private vLon = 0;
  private vCos = 0;
  private vRadius = 0;
  private vHours = 0;
  private vStart = 0;
  private nPref = 0;
  private vi = 0;
  private vRome = 0;
  private vReqExp = 0;
  private vTarget = 1;
  private useBonus = true;
  /** Per candidate, the stamp of the last vacancy whose scan visited it (`newStamp`). */
  seen = new Int32Array(0);
  stamp = 0;
  /**
   * When set (a batch's shortlists), each candidate this bound finds eligible for the vacancy is
   * marked 1, even when its score cannot enter the list: the batch's accounting then need not
   * search an eligible vacancy for it.
   */
  eligible: Uint8Array | null = null;
  private readonly reach: Float64Array;
  private vSlack = 0;

  constructor(private readonly k: Kernel) {
    const c = k.c;
    this.flags = c.flags; this.alive = c.alive; this.french = c.french; this.available = c.available;
    this.restrictions = c.restrictions; this.lat = c.lat; this.lon = c.lon; this.cosLat = c.cosLat;
    this.slope = c.slope; this.slopeMode = c.slopeMode; this.transit = c.transit; this.maxMinutes = c.maxMinutes;
    this.hoursMin = c.hoursMin; this.hoursMax = c.hoursMax; this.held = c.held; this.equivalent = c.equivalent;
    this.partial = c.partial; this.bridge = c.bridge; this.skills = c.skills; this.bonus = c.bonus;
    this.cw = c.certWords; this.sw = c.skillWords; this.reach = c.reach;
    this.expected = new Uint32Array(c.certWords);
    this.preferred = new Uint32Array(c.skillWords);
  }

  /** Vacancy `vi` of the kernel's columns; `withoutBonus`: lists rank by the score without the positive-action bonus. */
  setVacancy(vi: number, withoutBonus: boolean): void {
    const v = this.k.v;
    this.need = v.need[vi];
    this.vFlags = v.flags[vi];
    this.vFrench = v.french[vi];
    this.vEnd = v.end[vi];
    this.vUnlifted = v.unlifted[vi];
    this.vLat = v.lat[vi];
    this.vLon = v.lon[vi];
    this.vCos = v.cosLat[vi];
    this.vRadius = v.radius[vi];
    this.vSlack = homeCareSlack(this.vRadius);
    this.vHours = v.hours[vi];
    this.vStart = v.start[vi];
    this.nPref = v.preferredSkillCount[vi];
    this.vi = vi;
    this.vRome = v.rome[vi];
    this.vReqExp = v.requiredExperience[vi];
    this.vTarget = v.experienceTarget[vi];
    this.useBonus = !withoutBonus;
    for (let w = 0; w < this.cw; w++) this.expected[w] = v.expected[vi * this.cw + w];
    for (let w = 0; w < this.sw; w++) this.preferred[w] = v.preferredSkills[vi * this.sw + w];
  }

  /** A new stamp for the scan of one vacancy over several grids (a candidate is visited once). */
  newStamp(): void {
    if (this.seen.length < this.k.c.size) this.seen = new Int32Array(this.k.c.size);
    this.stamp++;
  }

  /**
   * The score (without bonus) of candidate `ci` when the pair is eligible and its shown score may
   * reach `threshold`, else −1. `restMax` bounds the score but the commute for every candidate of
   * the scanned grid, with the largest bonus (the scan's restMax: its qualification tier caps the
   * rung), and `commuteMax` the pair's commute points (the scan's `commuteCap` at the cell's
   * distance). The bound starts there and each stage replaces a criterion taken as perfect by its
   * exact value, cheapest first: hours and start from two columns, then the commute from the
   * distance, experience and the wished job, and last the certificate and skill bitsets, which
   * only the few pairs that survive read. Those then pass the scan's reach test and the kernel's
   * certificate tests.
   */
  enteringScore(ci: number, threshold: number, restMax: number, commuteMax: number): number {
    const cf = this.flags[ci];
    if (this.alive[ci] === 0 || (this.need & ~cf) !== 0) return -1;
    const available = this.available[ci];
    if (frenchBlocks(this.vFrench, this.french[ci]) || startBlocks(available, this.vEnd)) return -1;
    if (restrictionBlocks(this.restrictions[ci], this.vUnlifted)) return -1;
    const kk = this.k;
    const bonus = this.useBonus ? this.bonus[ci] : 0;
    const hours = kk.wHours * hoursValue(this.vHours, this.hoursMin[ci], this.hoursMax[ci]);
    const start = kk.wStart * startValue(available, this.vStart);
    // Summed in the order of `cap` below, with commuteMax ≥ commute: never below it (monotone rounding).
    const rest = restMax - kk.maxBonus - kk.wHours - kk.wStart + bonus;
    if (rest + commuteMax + hours + start < threshold) return -1;
    const k = 0.5 * (this.cosLat[ci] + this.vCos);
    const dx = (this.lon[ci] - this.vLon) * DEG * k;
    const dy = (this.lat[ci] - this.vLat) * DEG;
    const d = EARTH_RADIUS_KM * Math.sqrt(dx * dx + dy * dy);
    const km = commuteKm(d, this.vRadius);
    let minutes = slopeMinutes(km, this.slope[ci], this.slopeMode[ci]);
    if (this.transit[ci] !== 0) {
      const t = transitMinutes(km);
      if (t < minutes) minutes = t;
    }
    const maxMinutes = this.maxMinutes[ci];
    if (minutes > maxMinutes) return -1;
    const eligible = this.eligible;
    // Eligible when nothing else blocks: the certificates, and the experience the post requires.
    if (eligible !== null && this.vReqExp === 0 && eligible[ci] === 0) this.markIfEligible(eligible, ci, d);
    const commute = kk.wCommute * commuteValue(minutes, maxMinutes);
    let cap = rest + commute + hours + start;
    if (cap < threshold) return -1;
    const eff = kk.experience(ci, this.vi);
    if (this.vReqExp > 0) {
      if (eff < this.vReqExp) return -1;
      if (eligible !== null && eligible[ci] === 0) this.markIfEligible(eligible, ci, d);
    }
    const x = eff / this.vTarget;
    const experience = kk.wExp * (x < 1 ? x : 1);
    const wishes = kk.wWishes * wishesValue(kk.wishedJob(ci, this.vRome), cf, this.vFlags);
    cap += experience - kk.wExp + wishes - kk.wWishes;
    if (cap < threshold) return -1;
    // The exact qualification rung and skills: the pair's score, summed as Kernel.evaluateFrom sums it.
    let q: number;
    if ((this.vFlags & F_EXPECTED_EMPTY) !== 0) q = noneExpectedValue((cf & F_ANY_CERT) !== 0);
    else {
      q = certificateRung(this.held, this.equivalent, this.partial, this.bridge, ci * this.cw, this.expected, 0, this.cw);
      if (q === 0) q = experienceRung(kk.exactMonths);
    }
    const skills = skillsValue(this.skills, ci * this.sw, this.preferred, 0, this.sw, this.nPref);
    const score = kk.wQual * q + experience + commute + hours + start + wishes + kk.wSkills * skills;
    if (SLACK + score + bonus < threshold || !this.eligibleAt(ci, d)) return -1;
    if (eligible !== null) eligible[ci] = 1;
    return score;
  }

  /**
   * Whether the pair is eligible, `d` km apart, its other tests passed: the same reach test as the
   * scan's visit, then the kernel's certificate tests (the only hard tests left).
   */
  private eligibleAt(ci: number, d: number): boolean {
    return withinReach(d, this.reach[ci] + this.vSlack) && this.k.certificateBlockers(ci, this.vi) === 0;
  }

  private markIfEligible(eligible: Uint8Array, ci: number, d: number): void {
    if (this.eligibleAt(ci, d)) eligible[ci] = 1;
  }
}

/** Added to a bound so that its own float rounding never prunes a pair the exact sum would keep. */
export const SLACK = 1e-9;

/** Wishes value: the job part (1 wished, WISH_RELATED related), then sectors and publics when the candidate stated them. */
function wishesValue(jobs: number, cf: number, vf: number): number {
  let sum = jobs;
  let count = 1;
  if ((cf & F_SECTORS) !== 0) { sum += (cf & vf & F_SECTORS) !== 0 ? 1 : 0; count++; }
  if ((cf & F_PUBLICS) !== 0) { sum += (cf & vf & F_PUBLICS) !== 0 ? 1 : 0; count++; }
  return sum / count;
}

/**
 * Per candidate, the job bits (`jobBit`, by ROME index) of the fiches on whose posts its
 * experience counts (Kernel.experience): those of its experiences and the fiches they are related
 * to. Without the bit of a post's fiche a candidate has no experience for it: no experience
 * points, and no qualification rung from experience. Built pausing between chunks of candidates.
 */
export function* experienceWordsInSteps(c: CandidateColumns, related: Uint8Array, romeCount: number, jobBit: Uint32Array): Work<Uint32Array> {
  // For each fiche e, the bits of the fiches r for which experience in e counts: r = e, or e related to r.
  const bitsOf = new Uint32Array(romeCount);
  for (let e = 0; e < romeCount; e++) {
    let bits = jobBit[e];
    for (let r = 0; r < romeCount; r++) if (related[r * romeCount + e] !== 0) bits |= jobBit[r];
    bitsOf[e] = bits;
  }
  const out = new Uint32Array(c.size);
  for (let ci = 0; ci < c.size; ci++) {
    let bits = 0;
    for (let k = c.expStart[ci], end = k + c.expCount[ci]; k < end; k++) if (c.expRome[k] >= 0) bits |= bitsOf[c.expRome[k]];
    out[ci] = bits;
    if (chunkEnd(ci)) yield;
  }
  return out;
}

export class Kernel {
  /** Outputs of the last `evaluate`. */
  mask = 0;
  km = 0;
  minutes = 0;
  /** Index in MODE_CODES of the best mode. */
  mode = 0;
  /** Criterion values of the last `evaluate`, in CRITERION_CODES order. */
  readonly values = new Float64Array(7);
  /** The shortlist scans' cheap pre-test, bound to these columns. */
  private filterCache: ShortlistFilter | null = null;
  get shortlistFilter(): ShortlistFilter {
    if (this.filterCache === null) this.filterCache = new ShortlistFilter(this);
    return this.filterCache;
  }

  readonly wQual: number;
  readonly wExp: number;
  readonly wCommute: number;
  readonly wHours: number;
  readonly wStart: number;
  readonly wWishes: number;
  readonly wSkills: number;

  constructor(
    readonly c: CandidateColumns,
    readonly v: VacancyColumns,
    weights: Weights,
    /** related[vRome * romeCount + eRome] */
    readonly related: Uint8Array,
    readonly romeCount: number,
    /** Per ROME index, its job bit in the shortlist grids' item words (EncodingContext.jobBit). */
    readonly jobBit: Uint32Array,
    /** Largest positive-action bonus any candidate can get (0 when the option is off). */
    readonly maxBonus = 0,
  ) {
    this.wQual = weights.qualification;
    this.wExp = weights.experience;
    this.wCommute = weights.commute;
    this.wHours = weights.hours;
    this.wStart = weights.start_date;
    this.wWishes = weights.wishes;
    this.wSkills = weights.skills;
  }

  /**
   * The blockers that need neither distance nor experience: bit tests only. A pair failing here is
   * skipped before any floating-point work when near misses are not asked for.
   */
  hardMask(ci: number, vi: number): number {
    const c = this.c;
    const v = this.v;
    const missing = v.need[vi] & ~c.flags[ci];
    let m = missing === 0 ? 0 : capabilityBlockers(missing);
    m |= this.certificateBlockers(ci, vi);
    if (frenchBlocks(v.french[vi], c.french[ci])) m |= B_FRENCH;
    if (startBlocks(c.available[ci], v.end[vi])) m |= B_START;
    if (restrictionBlocks(c.restrictions[ci], v.unlifted[vi])) m |= B_RESTRICTION;
    return m;
  }

  /** The legal and required certification blockers: held, or in training where the post accepts it. */
  certificateBlockers(ci: number, vi: number): number {
    const c = this.c;
    const v = this.v;
    const vf = v.flags[vi];
    if ((vf & (F_HAS_LEGAL | F_HAS_REQUIRED)) === 0) return 0;
    const cw = c.certWords;
    let m = 0;
    if ((vf & F_HAS_LEGAL) !== 0) {
      if (!anyCommon(c.held, ci * cw, v.legal, vi * cw, cw) &&
          !((vf & F_ACCEPTS_TRAINING) !== 0 && anyCommon(c.training, ci * cw, v.legal, vi * cw, cw))) m |= B_LEGAL;
    }
    if ((vf & F_HAS_REQUIRED) !== 0) {
      if (!anyCommon(c.held, ci * cw, v.required, vi * cw, cw) &&
          !((vf & F_ACCEPTS_TRAINING) !== 0 && anyCommon(c.training, ci * cw, v.required, vi * cw, cw))) m |= B_REQUIRED;
    }
    return m;
  }

  /** Straight-line km between the candidate's home and the vacancy's site. */
  distance(ci: number, vi: number): number {
    const c = this.c;
    const v = this.v;
    const k = 0.5 * (c.cosLat[ci] + v.cosLat[vi]);
    const dx = (c.lon[ci] - v.lon[vi]) * DEG * k;
    const dy = (c.lat[ci] - v.lat[vi]) * DEG;
    return EARTH_RADIUS_KM * Math.sqrt(dx * dx + dy * dy);
  }

  /** Sets km, minutes and mode for the pair; returns minutes. */
  commute(ci: number, vi: number): number {
    return this.commuteAt(ci, vi, this.distance(ci, vi));
  }

  /** `commute` when the caller already measured the straight-line km `d` (distance(ci, vi)). */
  commuteAt(ci: number, vi: number, d: number): number {
    const c = this.c;
    const km = commuteKm(d, this.v.radius[vi]);
    let mode = c.slopeMode[ci];
    let minutes = slopeMinutes(km, c.slope[ci], mode);
    if (c.transit[ci] !== 0) {
      const t = transitMinutes(km);
      if (transitWins(t, minutes, mode)) {
        minutes = t;
        mode = TRANSIT_MODE;
      }
    }
    this.km = km;
    this.minutes = minutes;
    this.mode = mode;
    return minutes;
  }

  /** Months in the vacancy's fiche of the last `experience` call. */
  exactMonths = 0;

  /** Experience for the post: months in its fiche, plus related fiches at half (sets `exactMonths`). */
  experience(ci: number, vi: number): number {
    const c = this.c;
    const vr = this.v.rome[vi];
    const rowAt = vr * this.romeCount;
    let exact = 0;
    let related = 0;
    const e0 = c.expStart[ci];
    const e1 = e0 + c.expCount[ci];
    for (let k = e0; k < e1; k++) {
      const r = c.expRome[k];
      if (r === vr) exact += c.expMonths[k];
      else if (vr >= 0 && r >= 0 && this.related[rowAt + r] !== 0) related += c.expMonths[k];
    }
    this.exactMonths = exact;
    return exact + EXPERIENCE.relatedFactor * related;
  }

  /** The job part of wishes for a post of ROME index `vr`: 1 wished (or no wish stated), WISH_RELATED a related job, else 0. */
  wishedJob(ci: number, vr: number): number {
    const c = this.c;
    if ((c.flags[ci] & F_DESIRED_EMPTY) !== 0) return 1;
    const rowAt = vr * this.romeCount;
    let jobs = 0;
    const w0 = c.wishStart[ci];
    const w1 = w0 + c.wishCount[ci];
    for (let k = w0; k < w1; k++) {
      const r = c.wishRome[k];
      if (r === vr) return 1;
      if (vr >= 0 && r >= 0 && this.related[rowAt + r] !== 0) jobs = WISH_RELATED;
    }
    return jobs;
  }

  /** Every blocker of the pair (sets `mask`, km, minutes, mode) without the criteria: for blocker counts. */
  blockers(ci: number, vi: number): number {
    return this.blockersFrom(ci, vi, this.hardMask(ci, vi));
  }

  /** `blockers` when the caller already computed `hardMask(ci, vi)`. */
  blockersFrom(ci: number, vi: number, hard: number): number {
    return this.blockersAt(ci, vi, hard, this.distance(ci, vi));
  }

  /** `blockersFrom` when the caller also measured the straight-line km `d` (distance(ci, vi)). */
  blockersAt(ci: number, vi: number, hard: number, d: number): number {
    const c = this.c;
    const v = this.v;
    let mask = hard;
    if (this.commuteAt(ci, vi, d) > c.maxMinutes[ci]) mask |= B_COMMUTE;
    const reqExp = v.requiredExperience[vi];
    if (reqExp > 0 && this.experience(ci, vi) < reqExp) mask |= B_EXPERIENCE;
    this.mask = mask;
    return mask;
  }

  /**
   * Full evaluation: sets `mask` (all blockers), `values`, km/minutes/mode; returns the score
   * (without positive-action bonus).
   */
  evaluate(ci: number, vi: number): number {
    return this.evaluateFrom(ci, vi, this.hardMask(ci, vi));
  }

  /** `evaluate` when the caller already computed `hardMask(ci, vi)`. */
  evaluateFrom(ci: number, vi: number, hard: number): number {
    const c = this.c;
    const v = this.v;
    let mask = hard;
    const minutes = this.commute(ci, vi);
    const maxMinutes = c.maxMinutes[ci];
    if (minutes > maxMinutes) mask |= B_COMMUTE;

    const eff = this.experience(ci, vi);
    const exact = this.exactMonths;
    const vr = v.rome[vi];
    const reqExp = v.requiredExperience[vi];
    if (reqExp > 0 && eff < reqExp) mask |= B_EXPERIENCE;
    this.mask = mask;

    const values = this.values;
    const cf = c.flags[ci];
    const vf = v.flags[vi];
    const cw = c.certWords;

    let q: number;
    if ((vf & F_EXPECTED_EMPTY) !== 0) q = noneExpectedValue((cf & F_ANY_CERT) !== 0);
    else {
      q = certificateRung(c.held, c.equivalent, c.partial, c.bridge, ci * cw, v.expected, vi * cw, cw);
      if (q === 0) q = experienceRung(exact);
    }
    values[0] = q;

    const x = eff / v.experienceTarget[vi];
    values[1] = x < 1 ? x : 1;
    values[2] = commuteValue(minutes, maxMinutes);
    values[3] = hoursValue(v.hours[vi], c.hoursMin[ci], c.hoursMax[ci]);
    values[4] = startValue(c.available[ci], v.start[vi]);

    values[5] = wishesValue(this.wishedJob(ci, vr), cf, vf);

    const sw = c.skillWords;
    values[6] = skillsValue(c.skills, ci * sw, v.preferredSkills, vi * sw, sw, v.preferredSkillCount[vi]);

    return this.wQual * values[0] + this.wExp * values[1] + this.wCommute * values[2] + this.wHours * values[3] +
      this.wStart * values[4] + this.wWishes * values[5] + this.wSkills * values[6];
  }
}
