/**
 * Fast path of record validation: hand-written checks that recognise a VALID record and build the
 * very value zod plus the referential code checks would return (defaults applied), in about a
 * microsecond instead of 15–25. Anything it is not sure of gives `undefined`, and `checkRecord`
 * then runs the zod path, which also writes the issues. So this file only has to be right about
 * acceptance: it must never accept what the slow path rejects, and never return a different value.
 *
 * zod's reading of objects is followed to the letter: schema keys read by name (inherited and
 * non-enumerable ones too), an optional key present (`key in input`) with the value `undefined`
 * kept as `undefined`, a defaulted one given its default, any other key `for…in` lists refused.
 *
 * Deliberately left to zod (the fast path answers `undefined`):
 * - any key outside the schema, including `__proto__` and `constructor`;
 * - strings longer than a limit in UTF-16 units (zod counts code points: an emoji-heavy label
 *   may still pass there);
 * - throwing getters and proxies that throw (zod's path reports `unreadable`).
 *
 * The schema rules are re-stated here; test/validation/fast.test.ts checks both paths agree on
 * valid and mutated records, so a schema change that is not mirrored here shows up there.
 */
import type { Referential } from '../referential/types.js';
import { romeFiches } from '../referential/rome/index.js';
import type { RecordKind } from '../errors.js';
import type { Candidate, Place, TrainingSession, Vacancy } from '../schema/index.js';
import {
  Category, ContractType, FrenchLevel, FundingCode, Mode, Public, Sector, Status, StructureKind, StructurePublic,
  StructureStatus, TrainingAccess,
} from '../schema/primitives.js';
import type { RecordTypes } from './parse.js';

// ---------------------------------------------------------------------------------------------
// Code sets, built once per referential. Only codes that also pass the Code / RomeCode schema
// enter a set, so one `has` stands for both the zod format check and the referential check.

interface FastIndex {
  certification: Set<string>;
  rome: Set<string>;
  skill: Set<string>;
  restriction: Set<string>;
  physicalDemand: Set<string>;
  adaptation: Set<string>;
  /** Certification → its block codes (a certification without blocks maps to an empty set). */
  blocks: Map<string, Set<string>>;
}

const CODE = /^[A-Za-z0-9_]+$/;
const ROME = /^[A-N]\d{4}$/;

function codeSet(codes: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const c of codes) if (typeof c === 'string' && c.length >= 1 && c.length <= 64 && CODE.test(c)) out.add(c);
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
      if (typeof r === 'string' && ROME.test(r)) rome.add(r);
    }
    idx = {
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

/** Schema keys as a prototype-less lookup object: measured ~7 % faster per record than a Set. */
type KeySet = Record<string, true | undefined>;
const keys = (...k: string[]): KeySet => {
  const o: KeySet = Object.create(null);
  for (const x of k) o[x] = true;
  return o;
};
const PLACE_KEYS = keys('lat', 'lon', 'communeCode', 'label');
const CANDIDATE_KEYS = keys(
  'id', 'home', 'mobility', 'availableFrom', 'desiredJobs', 'desiredSectors', 'desiredPublics', 'qualifications',
  'inTraining', 'experience', 'skills', 'frenchLevel', 'schedule', 'contracts', 'restrictions', 'categories', 'status',
  'birthYear', 'workAuthorized',
);
const MOBILITY_KEYS = keys('modes', 'maxMinutes', 'drivingLicence', 'vehicle');
const QUALIFICATION_KEYS = keys('code', 'obtainedOn', 'blocks');
const IN_TRAINING_KEYS = keys('code', 'expectedEnd');
const EXPERIENCE_KEYS = keys('rome', 'months', 'domicile', 'lastEndedOn');
const CANDIDATE_SCHEDULE_KEYS = keys('nights', 'weekends', 'splitShifts', 'weeklyHoursMin', 'weeklyHoursMax');
const VACANCY_KEYS = keys(
  'id', 'employerId', 'structure', 'job', 'site', 'interventionRadiusKm', 'requires', 'prefers', 'vehicleProvided',
  'acceptsInTraining', 'contract', 'schedule', 'physicalDemands', 'adaptations', 'openings', 'accessibleTH',
  'trainsNewcomers',
);
const STRUCTURE_KEYS = keys('kind', 'public', 'status');
const JOB_KEYS = keys('rome', 'title', 'romeVersion');
const REQUIRES_KEYS = keys('certifications', 'drivingLicence', 'vehicle', 'frenchLevel', 'experienceMonths');
const PREFERS_KEYS = keys('certifications', 'experienceMonths', 'skills');
const CONTRACT_KEYS = keys('type', 'weeklyHours', 'startDate', 'endDate');
const VACANCY_SCHEDULE_KEYS = keys('nights', 'weekends', 'splitShifts');
const SESSION_KEYS = keys(
  'id', 'provider', 'certification', 'site', 'startDate', 'endDate', 'hours', 'seats', 'access', 'funding',
);

// ---------------------------------------------------------------------------------------------
// Primitive checks.

const ID = /^[^\s\u0000-\u001f]+$/;

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * zod rejects every key `for…in` lists outside the schema (own or inherited, `__proto__` too).
 * Schema keys are read by name, as zod reads them (`input[key]`), so a hidden or inherited
 * schema key gives the same value on both paths.
 */
function knownKeys(o: Obj, known: KeySet): boolean {
  for (const k in o) if (known[k] !== true) return false;
  return true;
}

function isId(v: unknown): v is string {
  return typeof v === 'string' && v.length >= 1 && v.length <= 128 && ID.test(v);
}

function inRange(v: unknown, min: number, max: number): v is number {
  return typeof v === 'number' && v >= min && v <= max;
}

function intInRange(v: unknown, min: number, max: number): v is number {
  return typeof v === 'number' && v >= min && v <= max && Number.isInteger(v);
}

function isShortText(v: unknown): v is string {
  return typeof v === 'string' && v.length <= 300;
}

/** zod's ISO date (a day that exists, Gregorian leap years) within 1900-01-01 … 2200-12-31. */
function isDate(s: unknown): s is string {
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
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  if (m === 2) return d <= ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28);
  return d <= (m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31);
}

/** INSEE commune code: five digits, or 2A/2B and three digits. */
function isCommuneCode(s: unknown): s is string {
  if (typeof s !== 'string' || s.length !== 5) return false;
  const c0 = s.charCodeAt(0);
  const c1 = s.charCodeAt(1);
  if (c0 === 50 && (c1 === 65 || c1 === 66)) {
    // 2A / 2B
  } else if (((c0 - 48) >>> 0) > 9 || ((c1 - 48) >>> 0) > 9) return false;
  return ((s.charCodeAt(2) - 48) >>> 0) <= 9 && ((s.charCodeAt(3) - 48) >>> 0) <= 9 && ((s.charCodeAt(4) - 48) >>> 0) <= 9;
}

/** A fresh array of members of `set` (codes or enum values), `min`…`max` long. */
function listOf(v: unknown, set: Set<unknown>, max: number, min = 0): string[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const n = v.length;
  if (n > max || n < min) return undefined;
  // Exact size, like zod's `Array(length)`: `[]` + push reserves 16 spare slots, and the
  // outputs are kept (an index holds 600 000 candidates).
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const x: unknown = v[i];
    if (!set.has(x)) return undefined;
    out[i] = x as string;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Objects. Each builds zod's output in zod's key order (schema order, absent optionals omitted,
// optionals present as `undefined` kept).

function place(p: unknown): Place | undefined {
  if (!isObject(p)) return undefined;
  const { lat, lon, communeCode, label } = p;
  if (!inRange(lat, -90, 90) || !inRange(lon, -180, 180)) return undefined;
  const out: Place = { lat, lon };
  if (communeCode !== undefined) {
    if (!isCommuneCode(communeCode)) return undefined;
    out.communeCode = communeCode;
  } else if ('communeCode' in p) out.communeCode = undefined;
  if (label !== undefined) {
    if (!isShortText(label)) return undefined;
    out.label = label;
  } else if ('label' in p) out.label = undefined;
  return knownKeys(p, PLACE_KEYS) ? out : undefined;
}

function mobility(m: unknown): Candidate['mobility'] | undefined {
  if (!isObject(m)) return undefined;
  const { modes, maxMinutes, drivingLicence, vehicle } = m;
  const modeList = listOf(modes, MODES, 5, 1);
  if (modeList === undefined || !intInRange(maxMinutes, 5, 180)) return undefined;
  if (typeof drivingLicence !== 'boolean' || typeof vehicle !== 'boolean') return undefined;
  if (!knownKeys(m, MOBILITY_KEYS)) return undefined;
  return { modes: modeList as Candidate['mobility']['modes'], maxMinutes, drivingLicence, vehicle };
}

function candidateSchedule(s: unknown): Candidate['schedule'] | undefined {
  if (!isObject(s)) return undefined;
  const { nights, weekends, splitShifts, weeklyHoursMin, weeklyHoursMax } = s;
  if (typeof nights !== 'boolean' || typeof weekends !== 'boolean' || typeof splitShifts !== 'boolean') return undefined;
  if (!inRange(weeklyHoursMin, 0, 48) || !inRange(weeklyHoursMax, 0, 48) || weeklyHoursMin > weeklyHoursMax) return undefined;
  if (!knownKeys(s, CANDIDATE_SCHEDULE_KEYS)) return undefined;
  return { nights, weekends, splitShifts, weeklyHoursMin, weeklyHoursMax };
}

function qualifications(v: unknown, ix: FastIndex): Candidate['qualifications'] | undefined {
  if (!Array.isArray(v) || v.length > 50) return undefined;
  const out: Candidate['qualifications'] = new Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const q: unknown = v[i];
    if (!isObject(q)) return undefined;
    const { code, obtainedOn, blocks } = q;
    if (!ix.certification.has(code as string)) return undefined;
    const item: Candidate['qualifications'][number] = { code: code as string };
    if (obtainedOn !== undefined) {
      if (!isDate(obtainedOn)) return undefined;
      item.obtainedOn = obtainedOn;
    } else if ('obtainedOn' in q) item.obtainedOn = undefined;
    if (blocks !== undefined) {
      const known = ix.blocks.get(code as string);
      const list = known === undefined ? undefined : listOf(blocks, known as Set<unknown>, 32);
      if (list === undefined) return undefined;
      item.blocks = list;
    } else if ('blocks' in q) item.blocks = undefined;
    if (!knownKeys(q, QUALIFICATION_KEYS)) return undefined;
    out[i] = item;
  }
  return out;
}

function inTraining(v: unknown, ix: FastIndex): NonNullable<Candidate['inTraining']> | undefined {
  if (!Array.isArray(v) || v.length > 10) return undefined;
  const out: NonNullable<Candidate['inTraining']> = new Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const t: unknown = v[i];
    if (!isObject(t)) return undefined;
    const { code, expectedEnd } = t;
    if (!ix.certification.has(code as string) || !isDate(expectedEnd) || !knownKeys(t, IN_TRAINING_KEYS)) return undefined;
    out[i] = { code: code as string, expectedEnd };
  }
  return out;
}

function experience(v: unknown, ix: FastIndex): Candidate['experience'] | undefined {
  if (!Array.isArray(v) || v.length > 100) return undefined;
  const out: Candidate['experience'] = new Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const e: unknown = v[i];
    if (!isObject(e)) return undefined;
    const { rome, months, domicile, lastEndedOn } = e;
    if (!ix.rome.has(rome as string) || !inRange(months, 0, 720)) return undefined;
    const item: Candidate['experience'][number] = { rome: rome as string, months };
    if (domicile !== undefined) {
      if (typeof domicile !== 'boolean') return undefined;
      item.domicile = domicile;
    } else if ('domicile' in e) item.domicile = undefined;
    if (lastEndedOn !== undefined) {
      if (!isDate(lastEndedOn)) return undefined;
      item.lastEndedOn = lastEndedOn;
    } else if ('lastEndedOn' in e) item.lastEndedOn = undefined;
    if (!knownKeys(e, EXPERIENCE_KEYS)) return undefined;
    out[i] = item;
  }
  return out;
}

function candidate(c: Obj, ix: FastIndex): Candidate | undefined {
  const {
    id, home, mobility: mob, availableFrom, desiredJobs, desiredSectors, desiredPublics, qualifications: quals,
    inTraining: training, experience: exp, skills, frenchLevel, schedule, contracts, restrictions, categories, status,
    birthYear, workAuthorized,
  } = c;
  if (!isId(id) || !isDate(availableFrom)) return undefined;
  const h = place(home);
  if (h === undefined) return undefined;
  const m = mobility(mob);
  if (m === undefined) return undefined;
  const jobs = listOf(desiredJobs, ix.rome as Set<unknown>, 50);
  if (jobs === undefined) return undefined;
  // Built in schema order so the value is zod's to the key order.
  const out = { id, home: h, mobility: m, availableFrom, desiredJobs: jobs } as Candidate;
  if (desiredSectors !== undefined) {
    const l = listOf(desiredSectors, SECTORS, 2);
    if (l === undefined) return undefined;
    out.desiredSectors = l as Candidate['desiredSectors'];
  } else if ('desiredSectors' in c) out.desiredSectors = undefined;
  if (desiredPublics !== undefined) {
    const l = listOf(desiredPublics, PUBLICS, 3);
    if (l === undefined) return undefined;
    out.desiredPublics = l as Candidate['desiredPublics'];
  } else if ('desiredPublics' in c) out.desiredPublics = undefined;
  const q = qualifications(quals, ix);
  if (q === undefined) return undefined;
  out.qualifications = q;
  if (training !== undefined) {
    const t = inTraining(training, ix);
    if (t === undefined) return undefined;
    out.inTraining = t;
  } else if ('inTraining' in c) out.inTraining = undefined;
  const e = experience(exp, ix);
  if (e === undefined) return undefined;
  out.experience = e;
  if (skills !== undefined) {
    const l = listOf(skills, ix.skill as Set<unknown>, 100);
    if (l === undefined) return undefined;
    out.skills = l;
  } else if ('skills' in c) out.skills = undefined;
  if (frenchLevel !== undefined) {
    if (!FRENCH_LEVELS.has(frenchLevel)) return undefined;
    out.frenchLevel = frenchLevel as Candidate['frenchLevel'];
  } else if ('frenchLevel' in c) out.frenchLevel = undefined;
  const s = candidateSchedule(schedule);
  if (s === undefined) return undefined;
  out.schedule = s;
  const ct = listOf(contracts, CONTRACT_TYPES, 7, 1);
  if (ct === undefined) return undefined;
  out.contracts = ct as Candidate['contracts'];
  if (restrictions !== undefined) {
    const l = listOf(restrictions, ix.restriction as Set<unknown>, 20);
    if (l === undefined) return undefined;
    out.restrictions = l;
  } else if ('restrictions' in c) out.restrictions = undefined;
  if (categories !== undefined) {
    const l = listOf(categories, CATEGORIES, 13);
    if (l === undefined) return undefined;
    out.categories = l as Candidate['categories'];
  } else if ('categories' in c) out.categories = undefined;
  if (status !== undefined) {
    if (!STATUSES.has(status)) return undefined;
    out.status = status as Candidate['status'];
  } else if ('status' in c) out.status = undefined;
  if (birthYear !== undefined) {
    if (!intInRange(birthYear, 1900, 2100)) return undefined;
    out.birthYear = birthYear;
  } else if ('birthYear' in c) out.birthYear = undefined;
  if (workAuthorized === undefined) out.workAuthorized = true;
  else {
    if (typeof workAuthorized !== 'boolean') return undefined;
    out.workAuthorized = workAuthorized;
  }
  return knownKeys(c, CANDIDATE_KEYS) ? out : undefined;
}

function structure(s: unknown): Vacancy['structure'] | undefined {
  if (!isObject(s)) return undefined;
  const { kind, public: pub, status } = s;
  if (!STRUCTURE_KINDS.has(kind) || !STRUCTURE_PUBLICS.has(pub)) return undefined;
  const out = { kind, public: pub } as Vacancy['structure'];
  if (status !== undefined) {
    if (!STRUCTURE_STATUSES.has(status)) return undefined;
    out.status = status as Vacancy['structure']['status'];
  } else if ('status' in s) out.status = undefined;
  return knownKeys(s, STRUCTURE_KEYS) ? out : undefined;
}

function job(j: unknown, ix: FastIndex): Vacancy['job'] | undefined {
  if (!isObject(j)) return undefined;
  const { rome, title, romeVersion } = j;
  if (!ix.rome.has(rome as string)) return undefined;
  const out = { rome } as Vacancy['job'];
  if (title !== undefined) {
    if (!isShortText(title)) return undefined;
    out.title = title;
  } else if ('title' in j) out.title = undefined;
  if (romeVersion !== undefined) {
    if (romeVersion !== 'v3') return undefined;
  }
  out.romeVersion = 'v3';
  return knownKeys(j, JOB_KEYS) ? out : undefined;
}

function requires(r: unknown, ix: FastIndex): Vacancy['requires'] | undefined {
  if (r === undefined) return {};
  if (!isObject(r)) return undefined;
  const { certifications, drivingLicence, vehicle, frenchLevel, experienceMonths } = r;
  const out: Vacancy['requires'] = {};
  if (certifications !== undefined) {
    const l = listOf(certifications, ix.certification as Set<unknown>, 20);
    if (l === undefined) return undefined;
    out.certifications = l;
  } else if ('certifications' in r) out.certifications = undefined;
  if (drivingLicence !== undefined) {
    if (typeof drivingLicence !== 'boolean') return undefined;
    out.drivingLicence = drivingLicence;
  } else if ('drivingLicence' in r) out.drivingLicence = undefined;
  if (vehicle !== undefined) {
    if (typeof vehicle !== 'boolean') return undefined;
    out.vehicle = vehicle;
  } else if ('vehicle' in r) out.vehicle = undefined;
  if (frenchLevel !== undefined) {
    if (!FRENCH_LEVELS.has(frenchLevel)) return undefined;
    out.frenchLevel = frenchLevel as Vacancy['requires']['frenchLevel'];
  } else if ('frenchLevel' in r) out.frenchLevel = undefined;
  if (experienceMonths !== undefined) {
    if (!intInRange(experienceMonths, 0, 600)) return undefined;
    out.experienceMonths = experienceMonths;
  } else if ('experienceMonths' in r) out.experienceMonths = undefined;
  return knownKeys(r, REQUIRES_KEYS) ? out : undefined;
}

function prefers(p: unknown, ix: FastIndex): Vacancy['prefers'] | undefined {
  if (p === undefined) return {};
  if (!isObject(p)) return undefined;
  const { certifications, experienceMonths, skills } = p;
  const out: Vacancy['prefers'] = {};
  if (certifications !== undefined) {
    const l = listOf(certifications, ix.certification as Set<unknown>, 20);
    if (l === undefined) return undefined;
    out.certifications = l;
  } else if ('certifications' in p) out.certifications = undefined;
  if (experienceMonths !== undefined) {
    if (!intInRange(experienceMonths, 0, 600)) return undefined;
    out.experienceMonths = experienceMonths;
  } else if ('experienceMonths' in p) out.experienceMonths = undefined;
  if (skills !== undefined) {
    const l = listOf(skills, ix.skill as Set<unknown>, 50);
    if (l === undefined) return undefined;
    out.skills = l;
  } else if ('skills' in p) out.skills = undefined;
  return knownKeys(p, PREFERS_KEYS) ? out : undefined;
}

function contract(c: unknown): Vacancy['contract'] | undefined {
  if (!isObject(c)) return undefined;
  const { type, weeklyHours, startDate, endDate } = c;
  if (!CONTRACT_TYPES.has(type) || !inRange(weeklyHours, 1, 48) || !isDate(startDate)) return undefined;
  const out = { type, weeklyHours, startDate } as Vacancy['contract'];
  if (endDate !== undefined) {
    if (!isDate(endDate) || endDate < startDate) return undefined;
    out.endDate = endDate;
  } else if ('endDate' in c) out.endDate = undefined;
  return knownKeys(c, CONTRACT_KEYS) ? out : undefined;
}

function vacancySchedule(s: unknown): Vacancy['schedule'] | undefined {
  if (!isObject(s)) return undefined;
  const { nights, weekends, splitShifts } = s;
  if (typeof nights !== 'boolean' || typeof weekends !== 'boolean' || typeof splitShifts !== 'boolean') return undefined;
  return knownKeys(s, VACANCY_SCHEDULE_KEYS) ? { nights, weekends, splitShifts } : undefined;
}

function optionalBoolean(v: unknown): boolean {
  return v === undefined || typeof v === 'boolean';
}

function vacancy(v: Obj, ix: FastIndex): Vacancy | undefined {
  const {
    id, employerId, structure: st, job: jb, site, interventionRadiusKm, requires: req, prefers: pref, vehicleProvided,
    acceptsInTraining, contract: ct, schedule, physicalDemands, adaptations, openings, accessibleTH, trainsNewcomers,
  } = v;
  if (!isId(id) || !isId(employerId)) return undefined;
  const s = structure(st);
  if (s === undefined) return undefined;
  const j = job(jb, ix);
  if (j === undefined) return undefined;
  const p = place(site);
  if (p === undefined) return undefined;
  const out = { id, employerId, structure: s, job: j, site: p } as Vacancy;
  if (interventionRadiusKm !== undefined) {
    if (!inRange(interventionRadiusKm, 0, 200)) return undefined;
    out.interventionRadiusKm = interventionRadiusKm;
  } else if ('interventionRadiusKm' in v) out.interventionRadiusKm = undefined;
  const r = requires(req, ix);
  if (r === undefined) return undefined;
  out.requires = r;
  const pr = prefers(pref, ix);
  if (pr === undefined) return undefined;
  out.prefers = pr;
  if (!optionalBoolean(vehicleProvided) || !optionalBoolean(acceptsInTraining)) return undefined;
  // The schema's refinement: a vehicle cannot be both required and provided.
  if (r.vehicle === true && vehicleProvided === true) return undefined;
  if (vehicleProvided !== undefined) {
    out.vehicleProvided = vehicleProvided as boolean;
  } else if ('vehicleProvided' in v) out.vehicleProvided = undefined;
  if (acceptsInTraining !== undefined) {
    out.acceptsInTraining = acceptsInTraining as boolean;
  } else if ('acceptsInTraining' in v) out.acceptsInTraining = undefined;
  const c = contract(ct);
  if (c === undefined) return undefined;
  out.contract = c;
  const sc = vacancySchedule(schedule);
  if (sc === undefined) return undefined;
  out.schedule = sc;
  if (physicalDemands !== undefined) {
    const l = listOf(physicalDemands, ix.physicalDemand as Set<unknown>, 20);
    if (l === undefined) return undefined;
    out.physicalDemands = l;
  } else if ('physicalDemands' in v) out.physicalDemands = undefined;
  if (adaptations !== undefined) {
    const l = listOf(adaptations, ix.adaptation as Set<unknown>, 20);
    if (l === undefined) return undefined;
    out.adaptations = l;
  } else if ('adaptations' in v) out.adaptations = undefined;
  if (openings === undefined) out.openings = 1;
  else {
    if (!intInRange(openings, 1, 10_000)) return undefined;
    out.openings = openings;
  }
  if (!optionalBoolean(accessibleTH) || !optionalBoolean(trainsNewcomers)) return undefined;
  if (accessibleTH !== undefined) {
    out.accessibleTH = accessibleTH as boolean;
  } else if ('accessibleTH' in v) out.accessibleTH = undefined;
  if (trainsNewcomers !== undefined) {
    out.trainsNewcomers = trainsNewcomers as boolean;
  } else if ('trainsNewcomers' in v) out.trainsNewcomers = undefined;
  return knownKeys(v, VACANCY_KEYS) ? out : undefined;
}

function trainingSession(s: Obj, ix: FastIndex): TrainingSession | undefined {
  const { id, provider, certification, site, startDate, endDate, hours, seats, access, funding } = s;
  if (!isId(id) || typeof provider !== 'string' || provider.length < 1 || provider.length > 300) return undefined;
  if (!ix.certification.has(certification as string)) return undefined;
  const p = place(site);
  if (p === undefined) return undefined;
  if (!isDate(startDate) || !isDate(endDate) || endDate < startDate || !inRange(hours, 1, 6000)) return undefined;
  const out = { id, provider, certification, site: p, startDate, endDate, hours } as TrainingSession;
  if (seats !== undefined) {
    if (!intInRange(seats, 0, 10_000)) return undefined;
    out.seats = seats;
  } else if ('seats' in s) out.seats = undefined;
  const a = listOf(access, TRAINING_ACCESS, 5, 1);
  if (a === undefined) return undefined;
  out.access = a as TrainingSession['access'];
  const f = listOf(funding, FUNDING_CODES, 12, 1);
  if (f === undefined) return undefined;
  out.funding = f as TrainingSession['funding'];
  return knownKeys(s, SESSION_KEYS) ? out : undefined;
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
 * the caller then runs the zod path. Never throws (a throwing getter gives `undefined`).
 * @example
 * const value = fastCheck('candidate', input, defaultReferential) ?? slowParse(input);
 */
export function fastCheck<K extends RecordKind>(kind: K, input: unknown, ref: Referential): RecordTypes[K] | undefined {
  if (!enabled || !isObject(input)) return undefined;
  try {
    const ix = fastIndex(ref);
    const value =
      kind === 'candidate' ? candidate(input, ix) : kind === 'vacancy' ? vacancy(input, ix) : trainingSession(input, ix);
    return value as RecordTypes[K] | undefined;
  } catch {
    return undefined;
  }
}
