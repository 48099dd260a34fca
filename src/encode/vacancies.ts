/** Vacancies → struct-of-arrays columns. */
import type { Vacancy } from '../schema/vacancy.js';
import { DEG } from '../geo/travel.js';
import { EXPERIENCE, FRENCH_RANK } from '../scoring/model.js';
import { allocShared, dayNumber, grow } from './columns.js';
import type { EncodingContext } from './context.js';
import { setBits } from './context.js';
import {
  F_ACCEPTS_TRAINING, F_DOMICILE, F_ETABLISSEMENT, F_EXPECTED_EMPTY, F_HAS_LEGAL, F_HAS_REQUIRED, F_LICENCE,
  F_NIGHTS, F_SPLIT, F_VEHICLE, F_WEEKENDS, PUBLIC_FLAG, contractFlag,
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
  /** The contract type's bit, to AND with the candidate's accepted contracts. */
  contract = allocShared<Uint32Array>(Uint32Array, 16);
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
  /** Restriction bits met by a demand that no adaptation of the vacancy lifts. */
  unlifted = allocShared<Uint32Array>(Uint32Array, 16);
  alive = allocShared<Uint8Array>(Uint8Array, 16);

  constructor(readonly certWords: number, readonly skillWords: number) {
    this.legal = allocShared(Uint32Array, 16 * certWords);
    this.required = allocShared(Uint32Array, 16 * certWords);
    this.expected = allocShared(Uint32Array, 16 * certWords);
    this.preferredSkills = allocShared(Uint32Array, 16 * skillWords);
  }

  private ensure(n: number): void {
    if (this.lat.length >= n) return;
    const cw = this.certWords;
    this.lat = grow(this.lat, n); this.lon = grow(this.lon, n); this.cosLat = grow(this.cosLat, n);
    this.radius = grow(this.radius, n); this.rome = grow(this.rome, n); this.flags = grow(this.flags, n);
    this.contract = grow(this.contract, n); this.hours = grow(this.hours, n); this.start = grow(this.start, n);
    this.end = grow(this.end, n); this.french = grow(this.french, n);
    this.requiredExperience = grow(this.requiredExperience, n); this.experienceTarget = grow(this.experienceTarget, n);
    this.legal = grow(this.legal, n * cw); this.required = grow(this.required, n * cw); this.expected = grow(this.expected, n * cw);
    this.preferredSkills = grow(this.preferredSkills, n * this.skillWords);
    this.preferredSkillCount = grow(this.preferredSkillCount, n);
    this.unlifted = grow(this.unlifted, n); this.alive = grow(this.alive, n);
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
    const rome = ctx.romeIndex.get(v.job.rome) ?? -1;
    this.rome[i] = rome;

    const cw = this.certWords;
    const at = i * cw;
    for (let w = 0; w < cw; w++) { this.legal[at + w] = 0; this.required[at + w] = 0; this.expected[at + w] = 0; }
    const legal = rome >= 0 ? ctx.legalCerts[rome] : [];
    const preferred = rome >= 0 ? ctx.preferredCerts[rome] : [];
    const required = v.requires.certifications ?? [];
    const expected = [...required, ...(v.prefers.certifications ?? []), ...legal, ...preferred];
    setBits(this.legal, at, ctx.certBit, legal);
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
    this.contract[i] = contractFlag(v.contract.type);
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
