/**
 * The numeric heart: one candidate × one vacancy → blockers mask, criterion values, score.
 * Reads only typed arrays and numbers (docs/SCORING.md gives every formula). No allocation.
 */
import type { CandidateColumns } from '../encode/candidates.js';
import type { VacancyColumns } from '../encode/vacancies.js';
import {
  F_ACCEPTS_TRAINING, F_ANY_CERT, F_AUTH, F_DESIRED_EMPTY, F_EXPECTED_EMPTY, F_HAS_LEGAL, F_HAS_REQUIRED, F_LICENCE,
  F_PUBLICS, F_SCHEDULE, F_SECTORS, F_VEHICLE, MODE_NONE,
} from '../encode/flags.js';
import { DEG, EARTH_RADIUS_KM, MEAN_TRIP_IN_DISC, MODES, minutesPerKm } from '../geo/travel.js';
import {
  COMMUTE_SLOPE, EXPERIENCE, HOURS_GAP_SCALE, QUALIFICATION, START_LATE_SCALE_DAYS, WISH_RELATED, type Weights,
} from '../scoring/model.js';

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

const TRANSIT_FIXED = MODES.transit.fixedMinutes;
const TRANSIT_SLOPE = minutesPerKm('transit');
/** Index of transit in MODE_CODES; modes before it win ties against it. */
const TRANSIT_MODE = 2;

function anyCommon(a: Uint32Array, ai: number, b: Uint32Array, bi: number, words: number): boolean {
  for (let w = 0; w < words; w++) if ((a[ai + w] & b[bi + w]) !== 0) return true;
  return false;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

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
 * The cheap test a shortlist scan runs on every candidate once its list is full: certain
 * ineligibility (capabilities, French level, start, restrictions, reach) or an upper bound of the
 * score (cheap criteria exact, the others perfect) that cannot beat the last kept score. Columns
 * and the vacancy's values are hoisted into fields once, so the test is a few loads and flops.
 * Conservative: whatever passes goes through the exact kernel.
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
  private readonly cw: number;
  private readonly expected: Uint32Array;
  private need = 0;
  private vFrench = 0;
  private vEnd = 0;
  private vUnlifted = 0;
  private vLat = 0;
  private vLon = 0;
  private vCos = 0;
  private vRadius = 0;
  private vHours = 0;
  private vStart = 0;
  private expectedEmpty = false;
  private readonly base: number;

  constructor(private readonly k: Kernel) {
    const c = k.c;
    this.flags = c.flags; this.alive = c.alive; this.french = c.french; this.available = c.available;
    this.restrictions = c.restrictions; this.lat = c.lat; this.lon = c.lon; this.cosLat = c.cosLat;
    this.slope = c.slope; this.slopeMode = c.slopeMode; this.transit = c.transit; this.maxMinutes = c.maxMinutes;
    this.hoursMin = c.hoursMin; this.hoursMax = c.hoursMax; this.held = c.held; this.equivalent = c.equivalent;
    this.partial = c.partial; this.bridge = c.bridge; this.cw = c.certWords;
    this.expected = new Uint32Array(c.certWords);
    this.base = k.wExp + k.wWishes + k.wSkills + k.maxBonus + 1e-9;
  }

  setVacancy(vi: number): void {
    const v = this.k.v;
    this.need = v.need[vi];
    this.vFrench = v.french[vi];
    this.vEnd = v.end[vi];
    this.vUnlifted = v.unlifted[vi];
    this.vLat = v.lat[vi];
    this.vLon = v.lon[vi];
    this.vCos = v.cosLat[vi];
    this.vRadius = v.radius[vi];
    this.vHours = v.hours[vi];
    this.vStart = v.start[vi];
    this.expectedEmpty = (v.flags[vi] & F_EXPECTED_EMPTY) !== 0;
    for (let w = 0; w < this.cw; w++) this.expected[w] = v.expected[vi * this.cw + w];
  }

  /** false when candidate `ci` certainly cannot be eligible with a score ≥ `threshold`. */
  mayEnter(ci: number, threshold: number): boolean {
    if (this.alive[ci] === 0 || (this.need & ~this.flags[ci]) !== 0) return false;
    const fr = this.french[ci];
    if (this.vFrench !== 0 && fr !== 0 && fr < this.vFrench) return false;
    if (this.available[ci] > this.vEnd || (this.restrictions[ci] & this.vUnlifted) !== 0) return false;
    const k = 0.5 * (this.cosLat[ci] + this.vCos);
    const dx = (this.lon[ci] - this.vLon) * DEG * k;
    const dy = (this.lat[ci] - this.vLat) * DEG;
    const d = EARTH_RADIUS_KM * Math.sqrt(dx * dx + dy * dy);
    const r = this.vRadius;
    const km = r > 0 ? Math.max(0, d - r) + MEAN_TRIP_IN_DISC * r : d;
    let minutes = this.slopeMode[ci] !== MODE_NONE ? km * this.slope[ci] : Infinity;
    if (this.transit[ci] !== 0) {
      const t = TRANSIT_FIXED + km * TRANSIT_SLOPE;
      if (t < minutes) minutes = t;
    }
    const maxMinutes = this.maxMinutes[ci];
    if (minutes > maxMinutes) return false;
    const kk = this.k;
    const ratio = minutes / maxMinutes;
    let ub = this.base + kk.wCommute * (1 - COMMUTE_SLOPE * ratio);
    const lo = this.hoursMin[ci];
    const hi = this.hoursMax[ci];
    const wh = this.vHours;
    const gap = wh < lo ? lo - wh : wh > hi ? wh - hi : 0;
    ub += kk.wHours * (gap >= HOURS_GAP_SCALE ? 0 : 1 - gap / HOURS_GAP_SCALE);
    const late = this.available[ci] - this.vStart;
    ub += kk.wStart * (late <= 0 ? 1 : late >= START_LATE_SCALE_DAYS ? 0 : 1 - late / START_LATE_SCALE_DAYS);
    if (ub + kk.wQual < threshold) return false;
    if (this.expectedEmpty) return true;
    const at = ci * this.cw;
    let q: number = QUALIFICATION.experienceWithoutDiploma;
    for (let w = 0; w < this.cw; w++) {
      const e = this.expected[w];
      if ((this.held[at + w] & e) !== 0) return true;
      if ((this.equivalent[at + w] & e) !== 0) q = Math.max(q, QUALIFICATION.equivalentOrHigher);
      else if ((this.partial[at + w] & e) !== 0) q = Math.max(q, QUALIFICATION.partialOrInTraining);
      else if ((this.bridge[at + w] & e) !== 0) q = Math.max(q, QUALIFICATION.bridge);
    }
    return ub + kk.wQual * q >= threshold;
  }
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
    const cf = c.flags[ci];
    const vf = v.flags[vi];
    const missing = v.need[vi] & ~cf;
    let m = missing === 0 ? 0 : capabilityBlockers(missing);
    const cw = c.certWords;
    if ((vf & F_HAS_LEGAL) !== 0) {
      if (!anyCommon(c.held, ci * cw, v.legal, vi * cw, cw) &&
          !((vf & F_ACCEPTS_TRAINING) !== 0 && anyCommon(c.training, ci * cw, v.legal, vi * cw, cw))) m |= B_LEGAL;
    }
    if ((vf & F_HAS_REQUIRED) !== 0) {
      if (!anyCommon(c.held, ci * cw, v.required, vi * cw, cw) &&
          !((vf & F_ACCEPTS_TRAINING) !== 0 && anyCommon(c.training, ci * cw, v.required, vi * cw, cw))) m |= B_REQUIRED;
    }
    const fr = v.french[vi];
    if (fr !== 0) {
      const cr = c.french[ci];
      if (cr !== 0 && cr < fr) m |= B_FRENCH;
    }
    if (c.available[ci] > v.end[vi]) m |= B_START;
    if ((c.restrictions[ci] & v.unlifted[vi]) !== 0) m |= B_RESTRICTION;
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
    const r = this.v.radius[vi];
    const km = r > 0 ? Math.max(0, d - r) + MEAN_TRIP_IN_DISC * r : d;
    let minutes = Infinity;
    let mode = c.slopeMode[ci];
    if (mode !== MODE_NONE) minutes = 0 + km * c.slope[ci];
    if (c.transit[ci] !== 0) {
      const t = TRANSIT_FIXED + km * TRANSIT_SLOPE;
      if (t < minutes || (t === minutes && mode > TRANSIT_MODE)) {
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
  private exactMonths = 0;

  /** Experience for the post: months in its fiche, plus related fiches at half (sets `exactMonths`). */
  private experience(ci: number, vi: number): number {
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
    const rowAt = vr * this.romeCount;
    const reqExp = v.requiredExperience[vi];
    if (reqExp > 0 && eff < reqExp) mask |= B_EXPERIENCE;
    this.mask = mask;

    const values = this.values;
    const cf = c.flags[ci];
    const vf = v.flags[vi];
    const cw = c.certWords;

    // qualification
    let q: number;
    if ((vf & F_EXPECTED_EMPTY) !== 0) {
      q = QUALIFICATION.noneExpectedBase + ((cf & F_ANY_CERT) !== 0 ? 1 - QUALIFICATION.noneExpectedBase : 0);
    } else {
      const ca = ci * cw;
      const va = vi * cw;
      if (anyCommon(c.held, ca, v.expected, va, cw)) q = QUALIFICATION.held;
      else if (anyCommon(c.equivalent, ca, v.expected, va, cw)) q = QUALIFICATION.equivalentOrHigher;
      else if (anyCommon(c.partial, ca, v.expected, va, cw)) q = QUALIFICATION.partialOrInTraining;
      else if (anyCommon(c.bridge, ca, v.expected, va, cw)) q = QUALIFICATION.bridge;
      else if (exact >= QUALIFICATION.experienceWithoutDiplomaMonths) q = QUALIFICATION.experienceWithoutDiploma;
      else if (exact > 0) q = QUALIFICATION.someExperienceWithoutDiploma;
      else q = 0;
    }
    values[0] = q;

    const x = eff / v.experienceTarget[vi];
    values[1] = x < 1 ? x : 1;

    const ratio = minutes / maxMinutes;
    values[2] = 1 - COMMUTE_SLOPE * (ratio < 1 ? ratio : 1);

    const wh = v.hours[vi];
    const lo = c.hoursMin[ci];
    const hi = c.hoursMax[ci];
    const gap = wh < lo ? lo - wh : wh > hi ? wh - hi : 0;
    values[3] = Math.max(0, 1 - gap / HOURS_GAP_SCALE);

    const late = c.available[ci] - v.start[vi];
    values[4] = late <= 0 ? 1 : Math.max(0, 1 - late / START_LATE_SCALE_DAYS);

    // wishes: jobs always, sectors and publics when the candidate stated them
    let jobs = 0;
    if ((cf & F_DESIRED_EMPTY) !== 0) jobs = 1;
    else {
      const w0 = c.wishStart[ci];
      const w1 = w0 + c.wishCount[ci];
      for (let k = w0; k < w1; k++) {
        const r = c.wishRome[k];
        if (r === vr) { jobs = 1; break; }
        if (vr >= 0 && r >= 0 && this.related[rowAt + r] !== 0) jobs = WISH_RELATED;
      }
    }
    let wishSum = jobs;
    let wishCount = 1;
    if ((cf & F_SECTORS) !== 0) { wishSum += (cf & vf & F_SECTORS) !== 0 ? 1 : 0; wishCount++; }
    if ((cf & F_PUBLICS) !== 0) { wishSum += (cf & vf & F_PUBLICS) !== 0 ? 1 : 0; wishCount++; }
    values[5] = wishSum / wishCount;

    const nPref = v.preferredSkillCount[vi];
    if (nPref === 0) values[6] = 1;
    else {
      const sw = c.skillWords;
      let common = 0;
      for (let w = 0; w < sw; w++) common += popcount(c.skills[ci * sw + w] & v.preferredSkills[vi * sw + w]);
      values[6] = common / nPref;
    }

    return this.wQual * values[0] + this.wExp * values[1] + this.wCommute * values[2] + this.wHours * values[3] +
      this.wStart * values[4] + this.wWishes * values[5] + this.wSkills * values[6];
  }
}
