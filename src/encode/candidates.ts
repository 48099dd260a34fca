/** Candidates → struct-of-arrays columns: the only place a Candidate object becomes numbers. */
import type { Candidate } from '../schema/candidate.js';
import { DEG, MODES, minutesPerKm, reachKm } from '../geo/travel.js';
import { NEAR_MISS_COMMUTE_FACTOR, FRENCH_RANK } from '../scoring/model.js';
import { allocShared, dayNumber, grow, growPool } from './columns.js';
import type { EncodingContext } from './context.js';
import { romeIndexOf, setBits } from './context.js';
import { PARALLEL_GATHER_MIN, type GatherJob, gatherRange, gatherWithWorker } from './parallel-gather.js';
import { runToEnd, type Work } from '../work.js';

import {
  F_ANY_CERT, F_AUTH, F_DESIRED_EMPTY, F_DOMICILE, F_ETABLISSEMENT, F_LICENCE, F_NIGHTS, F_SPLIT, F_VEHICLE,
  F_WEEKENDS, MODE_CODES, MODE_NONE, PUBLIC_FLAG, CONTRACT_ORDER, contractFlag,
} from './flags.js';
import type { Mode } from '../schema/primitives.js';

/** Rows of a column gathered between two pauses of `permutedInSteps`. */
const GATHER_STEP = 1 << 14;

export class CandidateColumns {
  size = 0;
  lat = allocShared<Float64Array>(Float64Array, 16);
  lon = allocShared<Float64Array>(Float64Array, 16);
  cosLat = allocShared<Float64Array>(Float64Array, 16);
  /** Best minutes per km among the modes without a fixed time (Infinity when none). */
  slope = allocShared<Float64Array>(Float64Array, 16);
  /** Index in MODE_CODES of that mode, or MODE_NONE. */
  slopeMode = allocShared<Uint8Array>(Uint8Array, 16);
  transit = allocShared<Uint8Array>(Uint8Array, 16);
  maxMinutes = allocShared<Float64Array>(Float64Array, 16);
  /** Straight-line km reachable within maxMinutes, and within the near-miss allowance. */
  reach = allocShared<Float64Array>(Float64Array, 16);
  reachNear = allocShared<Float64Array>(Float64Array, 16);
  flags = allocShared<Uint32Array>(Uint32Array, 16);
  hoursMin = allocShared<Float64Array>(Float64Array, 16);
  hoursMax = allocShared<Float64Array>(Float64Array, 16);
  available = allocShared<Int32Array>(Int32Array, 16);
  french = allocShared<Uint8Array>(Uint8Array, 16);
  /** Certification sets, `certWords` words each: held, partial or in training, in training, equivalent, bridge. */
  held: Uint32Array;
  partial: Uint32Array;
  training: Uint32Array;
  equivalent: Uint32Array;
  bridge: Uint32Array;
  skills: Uint32Array;
  restrictions = allocShared<Uint32Array>(Uint32Array, 16);
  expStart = allocShared<Int32Array>(Int32Array, 16);
  expCount = allocShared<Int32Array>(Int32Array, 16);
  expRome = allocShared<Int32Array>(Int32Array, 64);
  expMonths = allocShared<Float64Array>(Float64Array, 64);
  expUsed = 0;
  wishStart = allocShared<Int32Array>(Int32Array, 16);
  wishCount = allocShared<Int32Array>(Int32Array, 16);
  wishRome = allocShared<Int32Array>(Int32Array, 64);
  wishUsed = 0;
  /** Positive-action points (0 unless the option is on). */
  bonus = allocShared<Float64Array>(Float64Array, 16);
  alive = allocShared<Uint8Array>(Uint8Array, 16);

  constructor(readonly certWords: number, readonly skillWords: number) {
    this.held = allocShared(Uint32Array, 16 * certWords);
    this.partial = allocShared(Uint32Array, 16 * certWords);
    this.training = allocShared(Uint32Array, 16 * certWords);
    this.equivalent = allocShared(Uint32Array, 16 * certWords);
    this.bridge = allocShared(Uint32Array, 16 * certWords);
    this.skills = allocShared(Uint32Array, 16 * skillWords);
  }

  /** Room for `n` records (capacity reserved up front for a batch). */
  ensure(n: number): void {
    if (this.lat.length >= n) return;
    // Every column grows to the same capacity (in records), so strided columns never fall short.
    const cap = Math.max(n, Math.ceil(this.lat.length * 1.5) + 16);
    const cw = this.certWords;
    this.lat = grow(this.lat, cap); this.lon = grow(this.lon, cap); this.cosLat = grow(this.cosLat, cap);
    this.slope = grow(this.slope, cap); this.slopeMode = grow(this.slopeMode, cap); this.transit = grow(this.transit, cap);
    this.maxMinutes = grow(this.maxMinutes, cap); this.reach = grow(this.reach, cap); this.reachNear = grow(this.reachNear, cap);
    this.flags = grow(this.flags, cap); this.hoursMin = grow(this.hoursMin, cap); this.hoursMax = grow(this.hoursMax, cap);
    this.available = grow(this.available, cap); this.french = grow(this.french, cap);
    this.held = grow(this.held, cap * cw); this.partial = grow(this.partial, cap * cw); this.training = grow(this.training, cap * cw);
    this.equivalent = grow(this.equivalent, cap * cw); this.bridge = grow(this.bridge, cap * cw);
    this.skills = grow(this.skills, cap * this.skillWords);
    this.restrictions = grow(this.restrictions, cap);
    this.expStart = grow(this.expStart, cap); this.expCount = grow(this.expCount, cap);
    this.wishStart = grow(this.wishStart, cap); this.wishCount = grow(this.wishCount, cap);
    this.bonus = grow(this.bonus, cap); this.alive = grow(this.alive, cap);
  }

  /**
   * New columns holding the slots of `order`, in that order: slot `order[k]` becomes slot k.
   * The grid calls it so that candidates of one cell sit next to each other in memory (a national
   * scan otherwise spends its time in cache misses). The old columns are left untouched, so a
   * batch result that still reads them stays valid.
   */
  permuted(order: Int32Array): CandidateColumns {
    if (order.length < PARALLEL_GATHER_MIN) return runToEnd(this.permutedInSteps(order));
    const { out, columns } = this.permutation(order);
    gatherWithWorker(order, columns, () => this.gatherPools(order, out, 0, order.length));
    return out;
  }

  /** `permuted` on this thread alone, pausing between chunks of each column. */
  *permutedInSteps(order: Int32Array): Work<CandidateColumns> {
    const n = order.length;
    const { out, columns } = this.permutation(order);
    for (const [from, to, width] of columns) {
      for (let s = 0; s < n; s += GATHER_STEP) {
        gatherRange(from, to, order, width, s, Math.min(n, s + GATHER_STEP));
        yield;
      }
    }
    for (let s = 0; s < n; s += GATHER_STEP) {
      this.gatherPools(order, out, s, Math.min(n, s + GATHER_STEP));
      yield;
    }
    return out;
  }

  /** The columns of a permutation (`permuted`): new columns for `order`, and the fixed-width columns to gather. */
  private permutation(order: Int32Array): { out: CandidateColumns; columns: GatherJob[] } {
    const n = order.length;
    const out = new CandidateColumns(this.certWords, this.skillWords);
    out.ensure(n);
    out.size = n;
    out.expRome = growPool(out.expRome, this.expUsed);
    out.expMonths = growPool(out.expMonths, this.expUsed);
    out.wishRome = growPool(out.wishRome, this.wishUsed);
    const cw = this.certWords;
    const sw = this.skillWords;
    const columns: GatherJob[] = [
      [this.lat, out.lat, 1], [this.lon, out.lon, 1], [this.cosLat, out.cosLat, 1], [this.slope, out.slope, 1],
      [this.slopeMode, out.slopeMode, 1], [this.transit, out.transit, 1], [this.maxMinutes, out.maxMinutes, 1],
      [this.reach, out.reach, 1], [this.reachNear, out.reachNear, 1], [this.flags, out.flags, 1],
      [this.hoursMin, out.hoursMin, 1], [this.hoursMax, out.hoursMax, 1], [this.available, out.available, 1],
      [this.french, out.french, 1], [this.restrictions, out.restrictions, 1], [this.bonus, out.bonus, 1],
      [this.alive, out.alive, 1], [this.held, out.held, cw], [this.partial, out.partial, cw],
      [this.training, out.training, cw], [this.equivalent, out.equivalent, cw], [this.bridge, out.bridge, cw],
      [this.skills, out.skills, sw],
    ];
    return { out, columns };
  }

  /**
   * Rows [s, e) of `out`'s variable-length pools (experience, wishes) in `order`, after rows
   * [0, s): what only this thread can do, the pools' arrays growing as they fill.
   */
  private gatherPools(order: Int32Array, out: CandidateColumns, s: number, e: number): void {
    out.expUsed = gatherPool(order, s, e, out.expUsed, this.expStart, this.expCount, out.expStart, out.expCount, this.expRome, out.expRome, this.expMonths, out.expMonths);
    out.wishUsed = gatherPool(order, s, e, out.wishUsed, this.wishStart, this.wishCount, out.wishStart, out.wishCount, this.wishRome, out.wishRome, null, null);
  }

  /** Forgets every slot (scratch columns for one-off queries). */
  clear(): void {
    this.size = 0;
    this.expUsed = 0;
    this.wishUsed = 0;
  }

  /** Appends a candidate and returns its slot. */
  push(c: Candidate, ctx: EncodingContext, bonus: number): number {
    const i = this.size;
    this.ensure(i + 1);
    this.size = i + 1;
    // Each field of `c` read once: records come in many shapes (optional keys), so every read of
    // one is a megamorphic property load.
    const { home, mobility, schedule, qualifications, inTraining, experience, desiredJobs, skills, restrictions } = c;
    this.lat[i] = home.lat;
    this.lon[i] = home.lon;
    this.cosLat[i] = Math.cos(home.lat * DEG);

    let modeMask = 0;
    const { modes, maxMinutes } = mobility;
    for (const mode of modes) modeMask |= MODE_BIT[mode];
    this.slope[i] = MASK_SLOPE[modeMask];
    this.slopeMode[i] = MASK_SLOPE_MODE[modeMask];
    this.transit[i] = modeMask & MODE_BIT.transit ? 1 : 0;
    this.maxMinutes[i] = maxMinutes;
    this.reach[i] = cachedReach(maxMinutes, modeMask, modes, false);
    this.reachNear[i] = cachedReach(maxMinutes, modeMask, modes, true);

    let f = 0;
    if (mobility.drivingLicence) f |= F_LICENCE;
    if (mobility.vehicle) f |= F_VEHICLE;
    if (schedule.nights) f |= F_NIGHTS;
    if (schedule.weekends) f |= F_WEEKENDS;
    if (schedule.splitShifts) f |= F_SPLIT;
    if (c.workAuthorized !== false) f |= F_AUTH;
    for (const t of c.contracts) f |= CONTRACT_FLAG[t];
    if (desiredJobs.length === 0) f |= F_DESIRED_EMPTY;
    if (c.desiredSectors !== undefined) for (const s of c.desiredSectors) f |= s === 'domicile' ? F_DOMICILE : F_ETABLISSEMENT;
    if (c.desiredPublics !== undefined) for (const p of c.desiredPublics) f |= PUBLIC_FLAG[p];

    const cw = this.certWords;
    const at = i * cw;
    for (let w = 0; w < cw; w++) {
      this.held[at + w] = 0; this.partial[at + w] = 0; this.training[at + w] = 0;
      this.equivalent[at + w] = 0; this.bridge[at + w] = 0;
    }
    const held = this.held, equivalent = this.equivalent, bridge = this.bridge, partial = this.partial;
    for (const q of qualifications) {
      const e = ctx.certEncoding.get(q.code);
      if (e === undefined) continue;
      if (q.blocks !== undefined) {
        partial[at + (e.bit >>> 5)] |= 1 << (e.bit & 31);
        continue;
      }
      held[at + (e.bit >>> 5)] |= 1 << (e.bit & 31);
      if (e.countsAsCert) f |= F_ANY_CERT;
      for (const b of e.equivalentBits) equivalent[at + (b >>> 5)] |= 1 << (b & 31);
      for (const b of e.bridgeBits) bridge[at + (b >>> 5)] |= 1 << (b & 31);
    }
    if (inTraining !== undefined) {
      for (const t of inTraining) {
        const b = ctx.certBit.get(t.code);
        if (b === undefined) continue;
        this.training[at + (b >>> 5)] |= 1 << (b & 31);
        partial[at + (b >>> 5)] |= 1 << (b & 31);
      }
    }
    this.flags[i] = f >>> 0;

    this.hoursMin[i] = schedule.weeklyHoursMin;
    this.hoursMax[i] = schedule.weeklyHoursMax;
    this.available[i] = dayNumber(c.availableFrom);
    this.french[i] = c.frenchLevel === undefined ? 0 : FRENCH_RANK[c.frenchLevel];

    const sw = this.skillWords;
    for (let w = 0; w < sw; w++) this.skills[i * sw + w] = 0;
    if (skills !== undefined) setBits(this.skills, i * sw, ctx.skillBit, skills);
    let r = 0;
    if (restrictions !== undefined) {
      for (const code of restrictions) {
        const b = ctx.restrictionBit.get(code);
        if (b !== undefined) r |= 1 << b;
      }
    }
    this.restrictions[i] = r >>> 0;

    const ne = experience.length;
    this.expRome = growPool(this.expRome, this.expUsed + ne);
    this.expMonths = growPool(this.expMonths, this.expUsed + ne);
    this.expStart[i] = this.expUsed;
    this.expCount[i] = ne;
    for (const e of experience) {
      this.expRome[this.expUsed] = romeIndexOf(ctx, e.rome);
      this.expMonths[this.expUsed] = e.months;
      this.expUsed++;
    }
    const nw = desiredJobs.length;
    this.wishRome = growPool(this.wishRome, this.wishUsed + nw);
    this.wishStart[i] = this.wishUsed;
    this.wishCount[i] = nw;
    for (const rome of desiredJobs) this.wishRome[this.wishUsed++] = romeIndexOf(ctx, rome);

    this.bonus[i] = bonus;
    this.alive[i] = 1;
    return i;
  }
}

/** Rows [s, e) of a variable-length pool (experience, wishes) in `order`, from entry `used` on; returns the entries used. */
function gatherPool(
  order: Int32Array, s: number, e: number, used: number, start: Int32Array, count: Int32Array, outStart: Int32Array, outCount: Int32Array,
  rome: Int32Array, outRome: Int32Array, months: Float64Array | null, outMonths: Float64Array | null,
): number {
  for (let k = s; k < e; k++) {
    const i = order[k];
    const a = start[i];
    const c = count[i];
    outStart[k] = used;
    outCount[k] = c;
    for (let x = 0; x < c; x++) outRome[used + x] = rome[a + x];
    if (months !== null) for (let x = 0; x < c; x++) outMonths![used + x] = months[a + x];
    used += c;
  }
  return used;
}

// Mobility compiled per set of modes (a 5-bit mask): best slope, its mode, and the reach for each
// whole number of minutes — national batches hold a few hundred distinct (minutes, modes) pairs.
const MODE_BIT: Readonly<Record<Mode, number>> = { car: 1, motorbike: 2, transit: 4, bike: 8, walk: 16 };
const MASK_SLOPE = new Float64Array(32);
const MASK_SLOPE_MODE = new Uint8Array(32);
for (let mask = 0; mask < 32; mask++) {
  let slope = Infinity;
  let slopeMode = MODE_NONE;
  for (let m = 0; m < MODE_CODES.length; m++) {
    const mode = MODE_CODES[m];
    if ((mask & MODE_BIT[mode]) === 0 || MODES[mode].fixedMinutes > 0) continue;
    const k = minutesPerKm(mode);
    if (k < slope) { slope = k; slopeMode = m; }
  }
  MASK_SLOPE[mask] = slope;
  MASK_SLOPE_MODE[mask] = slopeMode;
}
const REACH_MINUTES = 181;
/** reach(minutes, mask) at [(near ? 32 * 181 : 0) + mask * 181 + minutes]; NaN until computed. */
const REACH_CACHE = new Float64Array(2 * 32 * REACH_MINUTES).fill(NaN);

function cachedReach(maxMinutes: number, mask: number, modes: readonly Mode[], near: boolean): number {
  const minutes = near ? maxMinutes * NEAR_MISS_COMMUTE_FACTOR : maxMinutes;
  if (!Number.isInteger(maxMinutes) || maxMinutes < 0 || maxMinutes >= REACH_MINUTES) return reachKm(minutes, modes);
  const at = (near ? 32 * REACH_MINUTES : 0) + mask * REACH_MINUTES + maxMinutes;
  let r = REACH_CACHE[at];
  if (r !== r) REACH_CACHE[at] = r = reachKm(minutes, modes);
  return r;
}

const CONTRACT_FLAG: Readonly<Record<string, number>> = Object.fromEntries(CONTRACT_ORDER.map((t) => [t, contractFlag(t)]));
