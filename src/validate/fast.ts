/**
 * Fast path of record validation: hand-written checks that recognise a VALID record that is
 * already zod's output as it stands, several times faster than zod (bench/validate.bench.ts), and return it
 * WITHOUT A COPY (a shallow copy when a default is missing). A national index holds 600 000
 * candidates: copying each would double the heap and the garbage collector's work. Callers own
 * the records they pass and must not mutate them afterwards (README, "Records are not copied").
 *
 * Anything the checks are not sure of gives `undefined`, and `checkRecord` then runs the zod path,
 * which copies and writes the issues. So this file only has to be right about acceptance: it must
 * never accept what the slow path rejects, and never return a value that differs from zod's.
 *
 * Left to zod (the fast path answers `undefined`):
 * - any object that is not plain data (a prototype other than Object.prototype or null: class
 *   instances, arrays), and any schema key that is inherited or non-enumerable — zod's copy makes
 *   those own and enumerable, so the input is not its output. (A null-prototype record is kept as
 *   it is: zod's copy would differ only by its prototype.)
 * - any key outside the schema, including `__proto__` and `constructor`;
 * - strings longer than a limit in UTF-16 units (zod counts code points: an emoji-heavy label
 *   may still pass there);
 * - any Proxy, at any depth (kept, it would run the caller's traps at every later read; zod's
 *   path copies it, or reports `unreadable` when a trap throws), and throwing getters.
 *
 * Records that zod's path rewrites are rewritten here the same way, in a shallow copy: a place
 * given by its commune code alone gets the commune's lat/lon, ROME 4.0 codes their v3 fiche
 * (rome-versions.ts, shared with that path).
 *
 * The schema rules are re-stated here, their bounds and patterns read from src/schema/bounds.ts
 * as the schemas read them; test/validation/fast.test.ts checks both paths agree on valid and
 * mutated records, test/validation/bounds.test.ts at every bound, so a schema change that is not
 * mirrored here shows up there.
 */
import { popcount } from '../kernel/bits.js';
import type { Referential } from '../referential/types.js';
import { romeFiches } from '../referential/rome/index.js';
import type { RecordKind } from '../errors.js';
import {
  Category, ContractType, FrenchLevel, FundingCode, Mode, Public, Sector, Status, StructureKind, StructurePublic,
  StructureStatus, TrainingAccess,
} from '../schema/primitives.js';
import {
  APPELLATION_PATTERN, CODE_PATTERN, ID_PATTERN, ITEMS, LENGTH, RANGE, ROME_PATTERN, YEARS, type Range,
} from '../schema/bounds.js';
import type { RecordTypes } from './parse.js';
import { ROME_KEYS, romeKey } from '../referential/rome/key.js';
import { rome4Appellations, rome4Fiches } from '../referential/rome/index.js';
import { communeLat, communeLon, communeRow } from '../geo/communes.js';
import { type JobInput, type JobRules, normalisedJob, readJobCodes, rome4Parent } from './rome-versions.js';
import { isProxy } from './edge.js';

// ---------------------------------------------------------------------------------------------
// Code sets, built once per referential. Only codes that also pass the Code / RomeCode schema
// enter a set, so one `has` stands for both the zod format check and the referential check.

interface FastIndex {
  certification: Set<string>;
  rome: Set<string>;
  /** The same codes by packed key (`romeKey`): 1 where valid. */
  romeByKey: Uint8Array;
  skill: Set<string>;
  restriction: Set<string>;
  physicalDemand: Set<string>;
  adaptation: Set<string>;
  /** Certification → its block codes (a certification without blocks maps to an empty set). */
  blocks: Map<string, Set<string>>;
  /** rome-versions.ts' rules, answering only yes or no. */
  jobRules: JobRules;
}

function codeSet(codes: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const c of codes) if (typeof c === 'string' && c.length >= 1 && c.length <= LENGTH.code && CODE_PATTERN.test(c)) out.add(c);
  return out;
}

// Same vocabularies as codes.ts `codeIndex`; keyed by referential, treated as immutable once used.
const indexes = new WeakMap<Referential, FastIndex>();
let lastRef: Referential | undefined;
let lastIndex: FastIndex | undefined;

function fastIndex(ref: Referential): FastIndex {
  if (ref === lastRef && lastIndex !== undefined) return lastIndex;
  let idx = indexes.get(ref);
  if (idx === undefined) {
    const blocks = new Map<string, Set<string>>();
    // Later duplicates of a certification code win, as in codes.ts.
    for (const c of ref.certifications) blocks.set(c.code, codeSet((c.blocks ?? []).map((b) => b.code)));
    const rome = new Set<string>();
    for (const r of [...romeFiches().keys(), ...ref.jobs.map((j) => j.rome)]) {
      if (typeof r === 'string' && ROME_PATTERN.test(r)) rome.add(r);
    }
    const romeByKey = new Uint8Array(ROME_KEYS);
    for (const r of rome) romeByKey[romeKey(r)] = 1;
    idx = {
      jobRules: {
        // The ROME 4.0 tables are parsed on first use only: most platforms send v3 codes.
        known: (vocabulary, code) =>
          vocabulary === 'rome'
            ? romeByKey[romeKey(code)] === 1
            : (vocabulary === 'rome4' ? rome4Fiches() : rome4Appellations()).has(code),
        problem: () => undefined,
      },
      romeByKey,
      certification: codeSet(ref.certifications.map((c) => c.code)),
      rome,
      skill: codeSet(ref.skills.map((s) => s.code)),
      restriction: codeSet([...ref.restrictions.map((r) => r.code), ...ref.physicalDemands.map((d) => d.restriction)]),
      physicalDemand: codeSet(ref.physicalDemands.map((d) => d.code)),
      adaptation: codeSet([...ref.adaptations.map((a) => a.code), ...ref.physicalDemands.flatMap((d) => d.liftedBy)]),
      blocks,
    };
    indexes.set(ref, idx);
  }
  lastRef = ref;
  lastIndex = idx;
  return idx;
}

// ---------------------------------------------------------------------------------------------
// Enums and key sets.

const MODES = new Set<unknown>(Mode.options);
const SECTORS = new Set<unknown>(Sector.options);
const PUBLICS = new Set<unknown>(Public.options);
const STRUCTURE_PUBLICS = new Set<unknown>(StructurePublic.options);
const FRENCH_LEVELS = new Set<unknown>(FrenchLevel.options);
const CONTRACT_TYPES = new Set<unknown>(ContractType.options);
const CATEGORIES = new Set<unknown>(Category.options);
const STATUSES = new Set<unknown>(Status.options);
const STRUCTURE_KINDS = new Set<unknown>(StructureKind.options);
const STRUCTURE_STATUSES = new Set<unknown>(StructureStatus.options);
const TRAINING_ACCESS = new Set<unknown>(TrainingAccess.options);
const FUNDING_CODES = new Set<unknown>(FundingCode.options);

/** Schema keys as a prototype-less lookup object: one keyed load per key, cheaper than Set.has here. */
type KeySet = Record<string, true | undefined>;
const keys = (...k: string[]): KeySet => {
  const o: KeySet = Object.create(null);
  for (const x of k) o[x] = true;
  return o;
};
const PLACE_KEYS = keys('lat', 'lon', 'communeCode', 'label');
const MOBILITY_KEYS = keys('modes', 'maxMinutes', 'drivingLicence', 'vehicle');
const QUALIFICATION_KEYS = keys('code', 'obtainedOn', 'blocks');
const IN_TRAINING_KEYS = keys('code', 'expectedEnd');
const CATEGORY_KEYS = keys('code', 'since', 'until', 'provenOn');
const EXPERIENCE_KEYS = keys('rome', 'months', 'domicile', 'lastEndedOn');
const CANDIDATE_SCHEDULE_KEYS = keys('nights', 'weekends', 'splitShifts', 'weeklyHoursMin', 'weeklyHoursMax');
const VACANCY_KEYS = keys(
  'id', 'employerId', 'structure', 'job', 'site', 'interventionRadiusKm', 'requires', 'prefers', 'vehicleProvided',
  'acceptsInTraining', 'contract', 'schedule', 'physicalDemands', 'adaptations', 'openings', 'accessibleTH',
  'trainsNewcomers',
);
const STRUCTURE_KEYS = keys('kind', 'public', 'status');
const JOB_KEYS = keys('rome', 'title', 'romeVersion', 'appellation', 'rome4');
const REQUIRES_KEYS = keys('certifications', 'drivingLicence', 'vehicle', 'frenchLevel', 'experienceMonths');
const PREFERS_KEYS = keys('certifications', 'experienceMonths', 'skills');
const CONTRACT_KEYS = keys('type', 'weeklyHours', 'startDate', 'endDate');
const VACANCY_SCHEDULE_KEYS = keys('nights', 'weekends', 'splitShifts');
const SESSION_KEYS = keys(
  'id', 'provider', 'certification', 'site', 'startDate', 'endDate', 'hours', 'seats', 'access', 'funding',
);

// ---------------------------------------------------------------------------------------------
// Primitive checks.

type Obj = Record<string, unknown>;

function isId(v: unknown): v is string {
  return typeof v === 'string' && v.length >= 1 && v.length <= LENGTH.id && ID_PATTERN.test(v);
}

function inRange(v: unknown, r: Range): v is number {
  return typeof v === 'number' && v >= r.min && v <= r.max;
}

function intInRange(v: unknown, r: Range): v is number {
  return typeof v === 'number' && v >= r.min && v <= r.max && Number.isInteger(v);
}

function isShortText(v: unknown): v is string {
  return typeof v === 'string' && v.length <= LENGTH.shortText;
}

/** zod's ISO date (a day that exists, Gregorian leap years) within DATE_MIN … DATE_MAX. */
export function isDate(s: unknown): s is string {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const y0 = s.charCodeAt(0) - 48;
  const y1 = s.charCodeAt(1) - 48;
  const y2 = s.charCodeAt(2) - 48;
  const y3 = s.charCodeAt(3) - 48;
  const m0 = s.charCodeAt(5) - 48;
  const m1 = s.charCodeAt(6) - 48;
  const d0 = s.charCodeAt(8) - 48;
  const d1 = s.charCodeAt(9) - 48;
  // Unsigned compare: one test per digit for both bounds.
  if ((y0 >>> 0) > 9 || (y1 >>> 0) > 9 || (y2 >>> 0) > 9 || (y3 >>> 0) > 9) return false;
  if ((m0 >>> 0) > 9 || (m1 >>> 0) > 9 || (d0 >>> 0) > 9 || (d1 >>> 0) > 9) return false;
  const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const m = m0 * 10 + m1;
  const d = d0 * 10 + d1;
  // YEARS bound the whole year, as DATE_MIN … DATE_MAX do.
  if (y < YEARS.min || y > YEARS.max || m < 1 || m > 12 || d < 1) return false;
  if (m === 2) return d <= ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28);
  return d <= (m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31);
}

/** A string of the RomeCode schema (v3 or 4.0: the same format). */
function isRomeFormat(v: unknown): v is string {
  return typeof v === 'string' && v.length === LENGTH.rome && ROME_PATTERN.test(v);
}

/**
 * A plain array, kept as given: Array.prototype and no own `constructor` (one would hijack the
 * species of every `map`/`filter` later run on it; zod's copy drops it).
 */
function isPlainArray(v: unknown): v is unknown[] {
  return Array.isArray(v) && !isProxy(v) && Object.getPrototypeOf(v) === Array.prototype && !Object.hasOwn(v, 'constructor');
}

/** `v` is a plain array of `items.min`…`items.max` members of `set` (codes or enum values). */
function isListOf(v: unknown, set: Set<unknown>, items: Range): boolean {
  if (!isPlainArray(v)) return false;
  const n = v.length;
  if (n > items.max || n < items.min) return false;
  for (let i = 0; i < n; i++) if (!set.has(v[i])) return false;
  return true;
}

/** A ROME code of the referential, by its packed key (no string hashing). */
function isRome(v: unknown, ix: FastIndex): boolean {
  if (typeof v !== 'string') return false;
  const k = romeKey(v);
  return k >= 0 && ix.romeByKey[k] === 1;
}

/** A ROME 4.0 fiche code. */
function isRome4(v: unknown): boolean {
  return typeof v === 'string' && rome4Fiches().has(v);
}

function isRomeList(v: unknown, ix: FastIndex, items: Range, v4: boolean): boolean {
  if (!isPlainArray(v) || v.length > items.max) return false;
  for (let i = 0; i < v.length; i++) if (!(v4 ? isRome4(v[i]) : isRome(v[i], ix))) return false;
  return true;
}

/** Absent, or a list as `isListOf` says. */
function optionalList(v: unknown, set: Set<unknown>, items: Range): boolean {
  return v === undefined || isListOf(v, set, items);
}

/**
 * The number of keys `for…in` lists when all are schema keys, else -1. A checker compares it with
 * the schema keys it found present (`value !== undefined || key in o`): equal counts mean every
 * present key is an enumerable own one, so the object is already what zod would return.
 */
function enumerableKnownKeys(o: Obj, known: KeySet): number {
  let n = 0;
  for (const k in o) {
    if (known[k] !== true) return -1;
    n++;
  }
  return n;
}

/** 1 when optional key `k` of `o` is present (even as `undefined`), else 0. */
function present(o: Obj, v: unknown, k: string): number {
  return v !== undefined || k in o ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Objects. Each answers whether `o` is valid AND already zod's output as it stands, apart from the
// defaults `withDefaults` fills: a plain object (Object.prototype), every present key enumerable
// and own, no key outside the schema. Anything else goes to zod, which copies.

/** A plain data object: what JSON.parse builds, or a null-prototype dictionary; never a Proxy. */
export function isPlain(v: unknown): v is Obj {
  if (typeof v !== 'object' || v === null || isProxy(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * The validated place: `p` itself when it has its coordinates (and any commune code is known), a
 * copy with the commune's lat/lon when the code alone places it, else `undefined`.
 */
function placeValue(p: unknown): Obj | undefined {
  if (!isPlain(p)) return undefined;
  const { lat, lon, communeCode, label } = p;
  if (label !== undefined && !isShortText(label)) return undefined;
  // communeRow is −1 for a string that is not a commune code (the schema's format) or not a commune.
  const row = communeCode === undefined ? -1 : typeof communeCode === 'string' ? communeRow(communeCode) : -2;
  if (row === -2 || (communeCode !== undefined && row < 0)) return undefined;
  const n = present(p, lat, 'lat') + present(p, lon, 'lon') + present(p, communeCode, 'communeCode') + present(p, label, 'label');
  if (enumerableKnownKeys(p, PLACE_KEYS) !== n) return undefined;
  if (lat !== undefined || lon !== undefined) return inRange(lat, RANGE.latitude) && inRange(lon, RANGE.longitude) ? p : undefined;
  return row < 0 ? undefined : { ...p, lat: communeLat(row), lon: communeLon(row) };
}

function isMobility(m: unknown): boolean {
  if (!isPlain(m)) return false;
  const { modes, maxMinutes, drivingLicence, vehicle } = m;
  if (!isListOf(modes, MODES, ITEMS.modes) || !intInRange(maxMinutes, RANGE.maxMinutes)) return false;
  if (typeof drivingLicence !== 'boolean' || typeof vehicle !== 'boolean') return false;
  return enumerableKnownKeys(m, MOBILITY_KEYS) === 4;
}

function isCandidateSchedule(s: unknown): boolean {
  if (!isPlain(s)) return false;
  const { nights, weekends, splitShifts, weeklyHoursMin, weeklyHoursMax } = s;
  if (typeof nights !== 'boolean' || typeof weekends !== 'boolean' || typeof splitShifts !== 'boolean') return false;
  if (!inRange(weeklyHoursMin, RANGE.candidateWeeklyHours) || !inRange(weeklyHoursMax, RANGE.candidateWeeklyHours)) return false;
  if (weeklyHoursMin > weeklyHoursMax) return false;
  return enumerableKnownKeys(s, CANDIDATE_SCHEDULE_KEYS) === 5;
}

function isQualifications(v: unknown, ix: FastIndex): boolean {
  if (!isPlainArray(v) || v.length > ITEMS.qualifications.max) return false;
  for (let i = 0; i < v.length; i++) {
    const q: unknown = v[i];
    if (!isPlain(q)) return false;
    const { code, obtainedOn, blocks } = q;
    if (!ix.certification.has(code as string)) return false;
    if (obtainedOn !== undefined && !isDate(obtainedOn)) return false;
    if (blocks !== undefined) {
      const known = ix.blocks.get(code as string);
      if (known === undefined || !isListOf(blocks, known as Set<unknown>, ITEMS.blocks)) return false;
    }
    if (enumerableKnownKeys(q, QUALIFICATION_KEYS) !== 1 + present(q, obtainedOn, 'obtainedOn') + present(q, blocks, 'blocks')) return false;
  }
  return true;
}

/** `categories`: codes, or `{ code, since?, until?, provenOn? }` with since ≤ until (MODEL.md "Candidate"). */
function isCategories(v: unknown): boolean {
  if (v === undefined) return true;
  if (!isPlainArray(v) || v.length > ITEMS.categories.max) return false;
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i];
    if (CATEGORIES.has(x)) continue;
    if (!isPlain(x)) return false;
    const { code, since, until, provenOn } = x;
    if (!CATEGORIES.has(code)) return false;
    if (since !== undefined && !isDate(since)) return false;
    if (until !== undefined && !isDate(until)) return false;
    if (provenOn !== undefined && !isDate(provenOn)) return false;
    if (since !== undefined && until !== undefined && (since as string) > (until as string)) return false;
    if (enumerableKnownKeys(x, CATEGORY_KEYS) !== 1 + present(x, since, 'since') + present(x, until, 'until') + present(x, provenOn, 'provenOn')) return false;
  }
  return true;
}

function isInTraining(v: unknown, ix: FastIndex): boolean {
  if (!isPlainArray(v) || v.length > ITEMS.inTraining.max) return false;
  for (let i = 0; i < v.length; i++) {
    const t: unknown = v[i];
    if (!isPlain(t)) return false;
    const { code, expectedEnd } = t;
    if (!ix.certification.has(code as string) || !isDate(expectedEnd)) return false;
    if (enumerableKnownKeys(t, IN_TRAINING_KEYS) !== 2) return false;
  }
  return true;
}

function isExperience(v: unknown, ix: FastIndex, v4: boolean): boolean {
  if (!isPlainArray(v) || v.length > ITEMS.experience.max) return false;
  for (let i = 0; i < v.length; i++) {
    const e: unknown = v[i];
    if (!isPlain(e)) return false;
    const { rome, months, domicile, lastEndedOn } = e;
    if (!(v4 ? isRome4(rome) : isRome(rome, ix)) || !inRange(months, RANGE.experienceMonths)) return false;
    if (domicile !== undefined && typeof domicile !== 'boolean') return false;
    if (lastEndedOn !== undefined && !isDate(lastEndedOn)) return false;
    if (enumerableKnownKeys(e, EXPERIENCE_KEYS) !== 2 + present(e, domicile, 'domicile') + present(e, lastEndedOn, 'lastEndedOn')) return false;
  }
  return true;
}

/**
 * A candidate's top-level fields, read once per record into this fixed shape. Records come in
 * hundreds of shapes (whichever optional keys each carries): reading their fields by name makes
 * every access megamorphic and thrashes V8's lookup caches, while a `for…in` reads each field by
 * its slot in the record's layout. The checks, and then the encoder (validateEach hands the
 * object to its sink with the record), read this object instead of the record: the encoder sees
 * exactly the values that were checked. The caller owns it and reuses it from record to record.
 */
export class CandidateFields {
  id: unknown = undefined;
  home: unknown = undefined;
  mobility: unknown = undefined;
  availableFrom: unknown = undefined;
  desiredJobs: unknown = undefined;
  desiredSectors: unknown = undefined;
  desiredPublics: unknown = undefined;
  qualifications: unknown = undefined;
  inTraining: unknown = undefined;
  experience: unknown = undefined;
  skills: unknown = undefined;
  frenchLevel: unknown = undefined;
  schedule: unknown = undefined;
  contracts: unknown = undefined;
  restrictions: unknown = undefined;
  categories: unknown = undefined;
  status: unknown = undefined;
  birthYear: unknown = undefined;
  workAuthorized: unknown = undefined;
  romeVersion: unknown = undefined;
}

/**
 * Reads `c`'s enumerable keys into `f`; returns the mask of schema keys seen (bits in the order
 * of the `switch`), or -1 at the first key outside the schema.
 */
function readCandidate(c: Obj, f: CandidateFields): number {
  f.id = f.home = f.mobility = f.availableFrom = f.desiredJobs = f.desiredSectors = f.desiredPublics = undefined;
  f.qualifications = f.inTraining = f.experience = f.skills = f.frenchLevel = f.schedule = f.contracts = undefined;
  f.restrictions = f.categories = f.status = f.birthYear = f.workAuthorized = f.romeVersion = undefined;
  let seen = 0;
  for (const k in c) {
    const v = c[k];
    switch (k) {
      case 'id': f.id = v; seen |= 1 << 0; break;
      case 'home': f.home = v; seen |= 1 << 1; break;
      case 'mobility': f.mobility = v; seen |= 1 << 2; break;
      case 'availableFrom': f.availableFrom = v; seen |= 1 << 3; break;
      case 'desiredJobs': f.desiredJobs = v; seen |= 1 << 4; break;
      case 'desiredSectors': f.desiredSectors = v; seen |= 1 << 5; break;
      case 'desiredPublics': f.desiredPublics = v; seen |= 1 << 6; break;
      case 'qualifications': f.qualifications = v; seen |= 1 << 7; break;
      case 'inTraining': f.inTraining = v; seen |= 1 << 8; break;
      case 'experience': f.experience = v; seen |= 1 << 9; break;
      case 'skills': f.skills = v; seen |= 1 << 10; break;
      case 'frenchLevel': f.frenchLevel = v; seen |= 1 << 11; break;
      case 'schedule': f.schedule = v; seen |= 1 << 12; break;
      case 'contracts': f.contracts = v; seen |= 1 << 13; break;
      case 'restrictions': f.restrictions = v; seen |= 1 << 14; break;
      case 'categories': f.categories = v; seen |= 1 << 15; break;
      case 'status': f.status = v; seen |= 1 << 16; break;
      case 'birthYear': f.birthYear = v; seen |= 1 << 17; break;
      case 'workAuthorized': f.workAuthorized = v; seen |= 1 << 18; break;
      case 'romeVersion': f.romeVersion = v; seen |= 1 << 19; break;
      default: return -1;
    }
  }
  return seen;
}

/**
 * The keys `for…in` listed are all the record has: no non-enumerable own key (they would be
 * counted by getOwnPropertyNames) and no schema key inherited from Object.prototype (zod reads
 * inherited keys; a polluted prototype sends the record to zod). `for…in` lists inherited
 * enumerable keys too, and those are not own names: the counts then differ.
 */
function nothingHidden(c: Obj, seen: number): boolean {
  if (Object.getOwnPropertyNames(c).length !== popcount(seen)) return false;
  if (Object.getPrototypeOf(c) === null) return true;
  // Optional keys only (an inherited required key leaves its field undefined, which the checks
  // refuse), one constant name per test so that each stays a monomorphic lookup.
  const p = Object.prototype;
  return !(
    ((seen & (1 << 5)) === 0 && 'desiredSectors' in p) || ((seen & (1 << 6)) === 0 && 'desiredPublics' in p) ||
    ((seen & (1 << 8)) === 0 && 'inTraining' in p) || ((seen & (1 << 10)) === 0 && 'skills' in p) ||
    ((seen & (1 << 11)) === 0 && 'frenchLevel' in p) || ((seen & (1 << 14)) === 0 && 'restrictions' in p) ||
    ((seen & (1 << 15)) === 0 && 'categories' in p) || ((seen & (1 << 16)) === 0 && 'status' in p) ||
    ((seen & (1 << 17)) === 0 && 'birthYear' in p) || ((seen & (1 << 18)) === 0 && 'workAuthorized' in p) ||
    ((seen & (1 << 19)) === 0 && 'romeVersion' in p)
  );
}

/**
 * The validated candidate (`c`, or a shallow copy where zod's path rewrites it), else `undefined`;
 * when valid, `f` holds its fields (the copy's where there is one).
 */
function candidateValue(c: Obj, ix: FastIndex, f: CandidateFields): Obj | undefined {
  const seen = readCandidate(c, f);
  if (seen < 0 || !nothingHidden(c, seen)) return undefined;
  if (!isId(f.id) || !isDate(f.availableFrom) || !isMobility(f.mobility)) return undefined;
  const home = placeValue(f.home);
  if (home === undefined) return undefined;
  if (f.romeVersion !== undefined && f.romeVersion !== 'v3' && f.romeVersion !== 'v4') return undefined;
  const v4 = f.romeVersion === 'v4';
  if (!isCandidateRest(f, ix, v4)) return undefined;
  let out = c;
  if (home !== f.home || v4) {
    out = { ...c, home };
    f.home = home;
    if (v4) {
      // Read as their v3 fiches, as codes.ts does.
      out.romeVersion = f.romeVersion = 'v3';
      out.desiredJobs = f.desiredJobs = (f.desiredJobs as string[]).map((r) => rome4Parent(r)!);
      out.experience = f.experience = (f.experience as Obj[]).map((e) => ({ ...e, rome: rome4Parent(e.rome as string)! }));
    }
  }
  return out;
}

function isCandidateRest(f: CandidateFields, ix: FastIndex, v4: boolean): boolean {
  if (!isRomeList(f.desiredJobs, ix, ITEMS.desiredJobs, v4)) return false;
  if (!optionalList(f.desiredSectors, SECTORS, ITEMS.desiredSectors) || !optionalList(f.desiredPublics, PUBLICS, ITEMS.desiredPublics)) return false;
  if (!isQualifications(f.qualifications, ix) || !isExperience(f.experience, ix, v4)) return false;
  if (f.inTraining !== undefined && !isInTraining(f.inTraining, ix)) return false;
  if (!optionalList(f.skills, ix.skill as Set<unknown>, ITEMS.skills)) return false;
  if (f.frenchLevel !== undefined && !FRENCH_LEVELS.has(f.frenchLevel)) return false;
  if (!isCandidateSchedule(f.schedule) || !isListOf(f.contracts, CONTRACT_TYPES, ITEMS.contracts)) return false;
  if (!optionalList(f.restrictions, ix.restriction as Set<unknown>, ITEMS.restrictions) || !isCategories(f.categories)) return false;
  if (f.status !== undefined && !STATUSES.has(f.status)) return false;
  if (f.birthYear !== undefined && !intInRange(f.birthYear, RANGE.birthYear)) return false;
  return f.workAuthorized === undefined || typeof f.workAuthorized === 'boolean';
}

function isStructure(s: unknown): boolean {
  if (!isPlain(s)) return false;
  const { kind, public: pub, status } = s;
  if (!STRUCTURE_KINDS.has(kind) || !STRUCTURE_PUBLICS.has(pub)) return false;
  if (status !== undefined && !STRUCTURE_STATUSES.has(status)) return false;
  return enumerableKnownKeys(s, STRUCTURE_KEYS) === 2 + present(s, status, 'status');
}

/** The validated job (`j`, or a copy with the default version or the codes read as v3), else `undefined`. */
function jobValue(j: unknown, ix: FastIndex): Obj | undefined {
  if (!isPlain(j)) return undefined;
  const { rome, title, romeVersion, appellation, rome4 } = j;
  if (title !== undefined && !isShortText(title)) return undefined;
  const n = present(j, rome, 'rome') + present(j, title, 'title') + present(j, romeVersion, 'romeVersion') +
    present(j, appellation, 'appellation') + present(j, rome4, 'rome4');
  if (enumerableKnownKeys(j, JOB_KEYS) !== n) return undefined;
  if (appellation === undefined && rome4 === undefined && romeVersion !== 'v4') {
    // Almost every vacancy: a v3 fiche.
    if (!isRome(rome, ix) || (romeVersion !== undefined && romeVersion !== 'v3')) return undefined;
    return romeVersion === undefined ? { ...j, romeVersion: 'v3' } : j;
  }
  if (romeVersion !== undefined && romeVersion !== 'v3' && romeVersion !== 'v4') return undefined;
  if ((rome !== undefined && !isRomeFormat(rome)) || (rome4 !== undefined && !isRomeFormat(rome4))) return undefined;
  if (appellation === undefined ? rome === undefined : typeof appellation !== 'string' || !APPELLATION_PATTERN.test(appellation)) return undefined;
  const job = (romeVersion === undefined ? { ...j, romeVersion: 'v3' } : j) as unknown as JobInput;
  const codes = readJobCodes(job, ix.jobRules);
  return codes === undefined ? undefined : (normalisedJob(job, codes) as unknown as Obj);
}

function isRequires(r: unknown, ix: FastIndex): boolean {
  if (r === undefined) return true;
  if (!isPlain(r)) return false;
  const { certifications, drivingLicence, vehicle, frenchLevel, experienceMonths } = r;
  if (!optionalList(certifications, ix.certification as Set<unknown>, ITEMS.requiredCertifications)) return false;
  if (!optionalBoolean(drivingLicence) || !optionalBoolean(vehicle)) return false;
  if (frenchLevel !== undefined && !FRENCH_LEVELS.has(frenchLevel)) return false;
  if (experienceMonths !== undefined && !intInRange(experienceMonths, RANGE.vacancyExperienceMonths)) return false;
  return enumerableKnownKeys(r, REQUIRES_KEYS) ===
    present(r, certifications, 'certifications') + present(r, drivingLicence, 'drivingLicence') + present(r, vehicle, 'vehicle') +
    present(r, frenchLevel, 'frenchLevel') + present(r, experienceMonths, 'experienceMonths');
}

function isPrefers(p: unknown, ix: FastIndex): boolean {
  if (p === undefined) return true;
  if (!isPlain(p)) return false;
  const { certifications, experienceMonths, skills } = p;
  if (!optionalList(certifications, ix.certification as Set<unknown>, ITEMS.preferredCertifications)) return false;
  if (experienceMonths !== undefined && !intInRange(experienceMonths, RANGE.vacancyExperienceMonths)) return false;
  if (!optionalList(skills, ix.skill as Set<unknown>, ITEMS.preferredSkills)) return false;
  return enumerableKnownKeys(p, PREFERS_KEYS) ===
    present(p, certifications, 'certifications') + present(p, experienceMonths, 'experienceMonths') + present(p, skills, 'skills');
}

function isContract(c: unknown): boolean {
  if (!isPlain(c)) return false;
  const { type, weeklyHours, startDate, endDate } = c;
  if (!CONTRACT_TYPES.has(type) || !inRange(weeklyHours, RANGE.contractWeeklyHours) || !isDate(startDate)) return false;
  if (endDate !== undefined && (!isDate(endDate) || endDate < startDate)) return false;
  return enumerableKnownKeys(c, CONTRACT_KEYS) === 3 + present(c, endDate, 'endDate');
}

function isVacancySchedule(s: unknown): boolean {
  if (!isPlain(s)) return false;
  const { nights, weekends, splitShifts } = s;
  if (typeof nights !== 'boolean' || typeof weekends !== 'boolean' || typeof splitShifts !== 'boolean') return false;
  return enumerableKnownKeys(s, VACANCY_SCHEDULE_KEYS) === 3;
}

function optionalBoolean(v: unknown): boolean {
  return v === undefined || typeof v === 'boolean';
}

/**
 * The validated vacancy: `v`, or a shallow copy carrying what zod's path fills or rewrites (the
 * defaults `job.romeVersion`, `requires`, `prefers`, `openings`; the job's v3 fiche; the site's
 * commune position), else `undefined`.
 */
function vacancyValue(v: Obj, ix: FastIndex): Obj | undefined {
  if (!isVacancy(v, ix)) return undefined;
  const job = jobValue(v.job, ix);
  const site = placeValue(v.site);
  if (job === undefined || site === undefined) return undefined;
  if (job === v.job && site === v.site && v.requires !== undefined && v.prefers !== undefined && v.openings !== undefined) return v;
  const out: Obj = { ...v, job, site };
  if (v.requires === undefined) out.requires = {};
  if (v.prefers === undefined) out.prefers = {};
  if (v.openings === undefined) out.openings = 1;
  return out;
}

/** Every rule but the job's and the site's (vacancyValue). */
function isVacancy(v: Obj, ix: FastIndex): boolean {
  const {
    id, employerId, structure, interventionRadiusKm, requires, prefers, vehicleProvided,
    acceptsInTraining, contract, schedule, physicalDemands, adaptations, openings, accessibleTH, trainsNewcomers,
  } = v;
  if (!isId(id) || !isId(employerId) || !isStructure(structure)) return false;
  if (interventionRadiusKm !== undefined && !inRange(interventionRadiusKm, RANGE.interventionRadiusKm)) return false;
  if (!isRequires(requires, ix) || !isPrefers(prefers, ix)) return false;
  if (!optionalBoolean(vehicleProvided) || !optionalBoolean(acceptsInTraining)) return false;
  // The schema's refinement: a vehicle cannot be both required and provided.
  if (requires !== undefined && (requires as Obj).vehicle === true && vehicleProvided === true) return false;
  if (!isContract(contract) || !isVacancySchedule(schedule)) return false;
  if (!optionalList(physicalDemands, ix.physicalDemand as Set<unknown>, ITEMS.physicalDemands)) return false;
  if (!optionalList(adaptations, ix.adaptation as Set<unknown>, ITEMS.adaptations)) return false;
  if (openings !== undefined && !intInRange(openings, RANGE.openings)) return false;
  if (!optionalBoolean(accessibleTH) || !optionalBoolean(trainsNewcomers)) return false;
  const keys =
    7 + present(v, interventionRadiusKm, 'interventionRadiusKm') + present(v, requires, 'requires') +
    present(v, prefers, 'prefers') + present(v, vehicleProvided, 'vehicleProvided') +
    present(v, acceptsInTraining, 'acceptsInTraining') + present(v, physicalDemands, 'physicalDemands') +
    present(v, adaptations, 'adaptations') + present(v, openings, 'openings') + present(v, accessibleTH, 'accessibleTH') +
    present(v, trainsNewcomers, 'trainsNewcomers');
  return enumerableKnownKeys(v, VACANCY_KEYS) === keys;
}

/** The validated session: `s`, or a copy whose site gets its commune's position; else `undefined`. */
function trainingSessionValue(s: Obj, ix: FastIndex): Obj | undefined {
  const { id, provider, certification, site, startDate, endDate, hours, seats, access, funding } = s;
  if (!isId(id) || typeof provider !== 'string' || provider.length < 1 || provider.length > LENGTH.shortText) return undefined;
  if (!ix.certification.has(certification as string)) return undefined;
  if (!isDate(startDate) || !isDate(endDate) || endDate < startDate || !inRange(hours, RANGE.sessionHours)) return undefined;
  if (seats !== undefined && !intInRange(seats, RANGE.seats)) return undefined;
  if (!isListOf(access, TRAINING_ACCESS, ITEMS.access) || !isListOf(funding, FUNDING_CODES, ITEMS.funding)) return undefined;
  if (enumerableKnownKeys(s, SESSION_KEYS) !== 9 + present(s, seats, 'seats')) return undefined;
  const place = placeValue(site);
  return place === undefined ? undefined : place === site ? s : { ...s, site: place };
}

// ---------------------------------------------------------------------------------------------

let enabled = true;

/**
 * Turns the fast path on or off (tests compare both paths); returns the previous setting.
 * @internal
 */
export function setFastPath(on: boolean): boolean {
  const previous = enabled;
  enabled = on;
  return previous;
}

/**
 * The record's parsed value when it is certainly valid (structure and codes), else `undefined`:
 * the caller then runs the zod path. Never throws (a throwing getter gives `undefined`). A
 * candidate's checked fields are read into `fields` (a new object when none is given): valid
 * until that object is used again, and only when a value is returned.
 * @example
 * const value = fastCheck('candidate', input, defaultReferential) ?? slowParse(input);
 */
export function fastCheck<K extends RecordKind>(
  kind: K, input: unknown, ref: Referential, fields?: CandidateFields,
): RecordTypes[K] | undefined {
  if (!enabled || !isPlain(input)) return undefined;
  try {
    const ix = fastIndex(ref);
    const value =
      kind === 'candidate'
        ? candidateValue(input, ix, fields ?? new CandidateFields())
        : kind === 'vacancy' ? vacancyValue(input, ix) : trainingSessionValue(input, ix);
    return value as RecordTypes[K] | undefined;
  } catch {
    return undefined;
  }
}
