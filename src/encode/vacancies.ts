/** Vacancies → struct-of-arrays columns. */
import type { Vacancy } from '../schema/vacancy.js';
import { DEG } from '../geo/travel.js';
import { EXPERIENCE, FRENCH_RANK } from '../scoring/model.js';
import { allocShared, dayNumber, grow } from './columns.js';
import type { EncodingContext } from './context.js';
import { romeIndexOf, setBits } from './context.js';
import {
  F_ACCEPTS_TRAINING, F_DOMICILE, F_ETABLISSEMENT, F_EXPECTED_EMPTY, F_HAS_LEGAL, F_HAS_REQUIRED, F_LICENCE,
  F_AUTH, F_NIGHTS, F_SCHEDULE, F_SPLIT, F_VEHICLE, F_WEEKENDS, PUBLIC_FLAG, contractFlag,
} from './flags.js';

export const NO_END_DAY = 2_147_483_647;

/** The demands a vacancy makes of the body: its declared ones plus those its schedule and licence imply. */
export function impliedDemands(v: Vacancy): string[] {
  const demands = [...(v.physicalDemands ?? [])];
  if (v.schedule.nights && !demands.includes('night_work')) demands.push('night_work');
  if (v.requires.drivingLicence && !demands.includes('driving')) demands.push('driving');
  return demands;
}

export class VacancyColumns {
  size = 0;
  lat = allocShared<Float64Array>(Float64Array, 16);
  lon = allocShared<Float64Array>(Float64Array, 16);
  cosLat = allocShared<Float64Array>(Float64Array, 16);
  radius = allocShared<Float64Array>(Float64Array, 16);
  rome = allocShared<Int32Array>(Int32Array, 16);
  flags = allocShared<Uint32Array>(Uint32Array, 16);
  /** Capabilities the post needs (licence, vehicle, schedule, its contract type, work authorisation). */
  need = allocShared<Uint32Array>(Uint32Array, 16);
  hours = allocShared<Float64Array>(Float64Array, 16);
  start = allocShared<Int32Array>(Int32Array, 16);
  end = allocShared<Int32Array>(Int32Array, 16);
  french = allocShared<Uint8Array>(Uint8Array, 16);
  requiredExperience = allocShared<Float64Array>(Float64Array, 16);
  experienceTarget = allocShared<Float64Array>(Float64Array, 16);
  legal: Uint32Array;
  required: Uint32Array;
  expected: Uint32Array;
  preferredSkills: Uint32Array;
  preferredSkillCount = allocShared<Uint8Array>(Uint8Array, 16);
  /** Legal-diploma group of the post (−1: none): posts of a group only ever scan the group's holders. */
  legalGroup = allocShared<Int32Array>(Int32Array, 16);
  /** Group id → the certification bits any of which satisfies it. */
  readonly legalGroups: number[][] = [];
  private readonly legalGroupOf = new Map<string, number>();
  /** Restriction bits met by a demand that no adaptation of the vacancy lifts. */
  unlifted = allocShared<Uint32Array>(Uint32Array, 16);
  alive = allocShared<Uint8Array>(Uint8Array, 16);

  constructor(readonly certWords: number, readonly skillWords: number) {
    this.legal = allocShared(Uint32Array, 16 * certWords);
    this.required = allocShared(Uint32Array, 16 * certWords);
    this.expected = allocShared(Uint32Array, 16 * certWords);
    this.preferredSkills = allocShared(Uint32Array, 16 * skillWords);
  }

  /** Room for `n` records (capacity reserved up front for a batch). */
  ensure(n: number): void {
    if (this.lat.length >= n) return;
    // Every column grows to the same capacity (in records), so strided columns never fall short.
    const cap = Math.max(n, Math.ceil(this.lat.length * 1.5) + 16);
    const cw = this.certWords;
    this.lat = grow(this.lat, cap); this.lon = grow(this.lon, cap); this.cosLat = grow(this.cosLat, cap);
    this.radius = grow(this.radius, cap); this.rome = grow(this.rome, cap); this.flags = grow(this.flags, cap);
    this.need = grow(this.need, cap); this.hours = grow(this.hours, cap); this.start = grow(this.start, cap);
    this.end = grow(this.end, cap); this.french = grow(this.french, cap);
    this.requiredExperience = grow(this.requiredExperience, cap); this.experienceTarget = grow(this.experienceTarget, cap);
    this.legal = grow(this.legal, cap * cw); this.required = grow(this.required, cap * cw); this.expected = grow(this.expected, cap * cw);
    this.preferredSkills = grow(this.preferredSkills, cap * this.skillWords);
    this.preferredSkillCount = grow(this.preferredSkillCount, cap);
    this.unlifted = grow(this.unlifted, cap); this.alive = grow(this.alive, cap); this.legalGroup = grow(this.legalGroup, cap);
  }

  private groupOf(bits: number[]): number {
    const key = bits.join(',');
    let g = this.legalGroupOf.get(key);
    if (g === undefined) {
      g = this.legalGroups.length;
      this.legalGroups.push(bits);
      this.legalGroupOf.set(key, g);
    }
    return g;
  }

  /** Forgets every slot (scratch columns for one-off queries). */
  clear(): void {
    this.size = 0;
  }

  push(v: Vacancy, ctx: EncodingContext): number {
    const i = this.size;
    this.ensure(i + 1);
    this.size = i + 1;
    this.lat[i] = v.site.lat;
    this.lon[i] = v.site.lon;
    this.cosLat[i] = Math.cos(v.site.lat * DEG);
    this.radius[i] = v.interventionRadiusKm ?? 0;
    const rome = romeIndexOf(ctx, v.job.rome);
    this.rome[i] = rome;

    const cw = this.certWords;
    const at = i * cw;
    for (let w = 0; w < cw; w++) { this.legal[at + w] = 0; this.required[at + w] = 0; this.expected[at + w] = 0; }
    const legal = rome >= 0 ? ctx.legalCerts[rome] : [];
    const preferred = rome >= 0 ? ctx.preferredCerts[rome] : [];
    const required = v.requires.certifications ?? [];
    const expected = [...required, ...(v.prefers.certifications ?? []), ...legal, ...preferred];
    setBits(this.legal, at, ctx.certBit, legal);
    const legalBits = [...new Set(legal.map((c) => ctx.certBit.get(c)).filter((b) => b !== undefined))].sort((a, b) => a - b);
    this.legalGroup[i] = legalBits.length === 0 ? -1 : this.groupOf(legalBits);
    setBits(this.required, at, ctx.certBit, required);
    setBits(this.expected, at, ctx.certBit, expected);

    let f = 0;
    if (legal.length > 0) f |= F_HAS_LEGAL;
    if (required.length > 0) f |= F_HAS_REQUIRED;
    if (expected.length === 0) f |= F_EXPECTED_EMPTY;
    if (v.requires.drivingLicence) f |= F_LICENCE;
    if (v.requires.vehicle && !v.vehicleProvided) f |= F_VEHICLE;
    if (v.schedule.nights) f |= F_NIGHTS;
    if (v.schedule.weekends) f |= F_WEEKENDS;
    if (v.schedule.splitShifts) f |= F_SPLIT;
    if (v.acceptsInTraining) f |= F_ACCEPTS_TRAINING;
    f |= ctx.sectorOfKind.get(v.structure.kind) === 1 ? F_DOMICILE : F_ETABLISSEMENT;
    f |= PUBLIC_FLAG[v.structure.public];
    this.flags[i] = f >>> 0;
    this.need[i] = ((f & (F_LICENCE | F_VEHICLE | F_SCHEDULE)) | contractFlag(v.contract.type) | F_AUTH) >>> 0;
    this.hours[i] = v.contract.weeklyHours;
    this.start[i] = dayNumber(v.contract.startDate);
    this.end[i] = v.contract.endDate === undefined ? NO_END_DAY : dayNumber(v.contract.endDate);
    this.french[i] = v.requires.frenchLevel === undefined ? 0 : FRENCH_RANK[v.requires.frenchLevel];
    this.requiredExperience[i] = v.requires.experienceMonths ?? 0;
    this.experienceTarget[i] = Math.max(
      1,
      v.prefers.experienceMonths ?? v.requires.experienceMonths ?? EXPERIENCE.defaultTargetMonths,
    );

    const sw = this.skillWords;
    for (let w = 0; w < sw; w++) this.preferredSkills[i * sw + w] = 0;
    const prefSkills = [...new Set(v.prefers.skills ?? [])];
    setBits(this.preferredSkills, i * sw, ctx.skillBit, prefSkills);
    this.preferredSkillCount[i] = prefSkills.length;

    let unlifted = 0;
    const adaptations = v.adaptations ?? [];
    for (const d of impliedDemands(v)) {
      const rule = ctx.demands.get(d);
      if (rule === undefined) continue;
      if (rule.liftedBy.some((a) => adaptations.includes(a))) continue;
      unlifted |= 1 << rule.restrictionBit;
    }
    this.unlifted[i] = unlifted >>> 0;
    this.alive[i] = 1;
    return i;
  }
}
