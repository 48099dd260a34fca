/**
 * The reference implementation of docs/SCORING.md: plain objects, every pair, full sorts, no
 * caching. It is the oracle the fast kernel is checked against (agreement within 1e-9), so it is
 * written from the specification alone and favours being obviously right over being fast.
 *
 * Readings chosen where docs/SCORING.md leaves room (each also listed in the helper's report):
 * 1. `P` (partial) = qualifications whose `blocks` is present, even an empty list; `H` = the others.
 * 2. `qualification` with `E = ∅`: the +0.2 needs a code of `H` that the referential knows with a
 *    kind other than `prerequisite`; an unknown code gives nothing (its kind is unknown).
 * 3. `legal_certification`: a LEGAL job without `legalCertifications` blocks everyone (the literal
 *    rule with `L = ∅`): failing safe on a legal requirement.
 * 4. Commute: `commute.km` is the commute distance, i.e. `homeCareKm(d, R)` for home care
 *    (`interventionRadiusKm > 0`), the straight-line `d` otherwise; minutes come from that km.
 * 5. Sets are sets: duplicate codes (skills, categories, certifications) count once.
 * 6. Near misses: a pair whose blockers include `commute` with `minutes > 1.5 × maxMinutes` is not
 *    a near miss at all, whatever its other blockers.
 * 7. `positiveAction`: points must be finite and ≥ 0 (the option only ever adds). With the option
 *    given, `bonus` is an object even when no category applies (points 0); without it, `null`.
 *    `bonus.categories` lists the candidate's categories that the option configures, in the order
 *    of the Category enum; its weight is the sum of all configured points and its value
 *    `points / weight` (0 when that sum is 0). The final `score` includes the bonus points.
 * 8. `D(v)` keeps the order physicalDemands, then `night_work`, then `driving`, without repeats; a
 *    demand the referential does not know meets no restriction.
 */
import { Category, categoryCodes, type Candidate, type Mode, type Vacancy } from '../src/schema/index.js';
import type { Referential, Job, Certification } from '../src/referential/index.js';
import {
  BLOCKER_CODES, COMMUTE_SLOPE, CRITERION_CODES, EXPERIENCE, FRENCH_RANK, HOURS_GAP_SCALE, NEAR_MISS_COMMUTE_FACTOR,
  QUALIFICATION, START_LATE_SCALE_DAYS, WISH_RELATED, normalizeWeights,
  type BlockerCode, type CriterionCode, type Weights,
} from '../src/scoring/model.js';
import { MEAN_TRIP_IN_DISC, MODES, MODE_ORDER, distanceKm } from '../src/geo/travel.js';
import type { PairEvaluation } from '../src/scoring/types.js';

export type PositiveAction = Partial<Record<Category, number>>;

export interface ReferenceOptions {
  referential: Referential;
  weights?: Partial<Weights>;
  positiveAction?: PositiveAction;
}

export interface TopOptions extends ReferenceOptions {
  /** Eligible pairs kept (default 20). */
  limit?: number;
  /** Near misses kept (default 0). */
  nearMisses?: number;
}

export interface RankedId { id: string; score: number }
export interface NearMissId extends RankedId { blockers: BlockerCode[] }
export interface TopList { matches: RankedId[]; nearMisses: NearMissId[] }

const DOMICILE_KINDS: ReadonlySet<string> = new Set(['SAD', 'PARTICULIER', 'SAVS', 'SAMSAH']);
const MS_PER_DAY = 86_400_000;

/** UTC day number of a `YYYY-MM-DD` string. */
export function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

/** Code-point order (not localeCompare): the tie-break every ranking uses. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function intersects(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

function findJob(ref: Referential, rome: string): Job | undefined {
  return ref.jobs.find((j) => j.rome === rome);
}

function findCert(ref: Referential, code: string): Certification | undefined {
  return ref.certifications.find((c) => c.code === code);
}

/** Codes of referential certifications that some held certification equals or exceeds in its family. */
function equivalentOrLower(ref: Referential, held: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const x of ref.certifications) {
    if (x.family === undefined || x.family === 'prerequisite' || x.level === undefined) continue;
    for (const hCode of held) {
      if (hCode === x.code) continue;
      const h = findCert(ref, hCode);
      if (h === undefined || h.family === undefined || h.family === 'prerequisite' || h.level === undefined) continue;
      if (h.family === x.family && h.level >= x.level) {
        out.add(x.code);
        break;
      }
    }
  }
  return out;
}

function commuteOf(c: Candidate, v: Vacancy): { km: number; minutes: number; mode: Mode } {
  const d = distanceKm(c.home.lat, c.home.lon, v.site.lat, v.site.lon);
  const r = v.interventionRadiusKm ?? 0;
  const km = r > 0 ? Math.max(0, d - r) + MEAN_TRIP_IN_DISC * r : d;
  let minutes = Infinity;
  let mode: Mode = c.mobility.modes[0];
  for (const m of MODE_ORDER) {
    if (!c.mobility.modes.includes(m)) continue;
    const model = MODES[m];
    const t = model.fixedMinutes + km * ((model.detour * 60) / model.speedKmh);
    if (t < minutes) {
      minutes = t;
      mode = m;
    }
  }
  return { km, minutes, mode };
}

/** Demands of the vacancy, in a fixed order, without repeats. */
function demandsOf(v: Vacancy): string[] {
  const d = [...(v.physicalDemands ?? [])];
  if (v.schedule.nights) d.push('night_work');
  if (v.requires.drivingLicence) d.push('driving');
  return [...new Set(d)];
}

/** Evaluates one candidate–vacancy pair exactly as docs/SCORING.md defines it. */
export function referenceEvaluate(c: Candidate, v: Vacancy, options: ReferenceOptions): PairEvaluation {
  const ref = options.referential;
  const weights = normalizeWeights(options.weights);
  const job = findJob(ref, v.job.rome);

  const H = new Set(c.qualifications.filter((q) => q.blocks === undefined).map((q) => q.code));
  const P = new Set(c.qualifications.filter((q) => q.blocks !== undefined).map((q) => q.code));
  const T = new Set((c.inTraining ?? []).map((t) => t.code));
  const B = new Set(
    ref.bridges.filter((b) => !b.historic && b.effect === 'partial_cursus' && H.has(b.from)).map((b) => b.to),
  );
  const Q = equivalentOrLower(ref, H);
  const E = new Set([
    ...(v.requires.certifications ?? []),
    ...(v.prefers.certifications ?? []),
    ...(job?.legalCertifications ?? []),
    ...(job?.preferredCertifications ?? []),
  ]);
  const related = new Set(job?.relatedJobs ?? []);
  let exact = 0;
  let relatedMonths = 0;
  for (const e of c.experience) {
    if (e.rome === v.job.rome) exact += e.months;
    else if (related.has(e.rome)) relatedMonths += e.months;
  }
  const eff = exact + EXPERIENCE.relatedFactor * relatedMonths;
  const commute = commuteOf(c, v);
  const availableDay = dayNumber(c.availableFrom);

  // Blockers.
  const failed = new Set<BlockerCode>();
  if (job?.diploma === 'LEGAL') {
    const L = new Set(job.legalCertifications ?? []);
    if (!intersects(H, L) && !(v.acceptsInTraining === true && intersects(T, L))) failed.add('legal_certification');
  }
  const R = new Set(v.requires.certifications ?? []);
  if (R.size > 0 && !intersects(H, R) && !(v.acceptsInTraining === true && intersects(T, R))) {
    failed.add('required_certification');
  }
  if (v.requires.drivingLicence === true && !c.mobility.drivingLicence) failed.add('driving_licence');
  if (v.requires.vehicle === true && v.vehicleProvided !== true && !c.mobility.vehicle) failed.add('vehicle');
  if (commute.minutes > c.mobility.maxMinutes) failed.add('commute');
  if (v.schedule.nights && !c.schedule.nights) failed.add('nights');
  if (v.schedule.weekends && !c.schedule.weekends) failed.add('weekends');
  if (v.schedule.splitShifts && !c.schedule.splitShifts) failed.add('split_shifts');
  if (!c.contracts.includes(v.contract.type)) failed.add('contract');
  if (
    v.requires.frenchLevel !== undefined && c.frenchLevel !== undefined
    && FRENCH_RANK[c.frenchLevel] < FRENCH_RANK[v.requires.frenchLevel]
  ) failed.add('french_level');
  const requiredMonths = v.requires.experienceMonths ?? 0;
  if (requiredMonths > 0 && eff < requiredMonths) failed.add('experience');
  if (c.workAuthorized === false) failed.add('work_authorization');
  if (v.contract.endDate !== undefined && availableDay > dayNumber(v.contract.endDate)) failed.add('start_date');
  const restrictions = new Set(c.restrictions ?? []);
  const adaptations = new Set(v.adaptations ?? []);
  const unliftedDemands: string[] = [];
  for (const code of demandsOf(v)) {
    const demand = ref.physicalDemands.find((d) => d.code === code);
    if (demand === undefined || !restrictions.has(demand.restriction)) continue;
    if (demand.liftedBy.some((a) => adaptations.has(a))) continue;
    unliftedDemands.push(code);
  }
  if (unliftedDemands.length > 0) failed.add('restriction');
  const blockers = BLOCKER_CODES.filter((b) => failed.has(b));

  // Criteria.
  const values: Record<CriterionCode, number> = {
    qualification: 0, experience: 0, commute: 0, hours: 0, start_date: 0, wishes: 0, skills: 0,
  };
  if (E.size === 0) {
    const holdsOne = [...H].some((h) => {
      const cert = findCert(ref, h);
      return cert !== undefined && cert.kind !== 'prerequisite';
    });
    values.qualification = QUALIFICATION.noneExpectedBase + (holdsOne ? 1 - QUALIFICATION.noneExpectedBase : 0);
  } else {
    const PT = new Set([...P, ...T]);
    const levels = [
      intersects(H, E) ? QUALIFICATION.held : 0,
      intersects(Q, E) ? QUALIFICATION.equivalentOrHigher : 0,
      intersects(PT, E) ? QUALIFICATION.partialOrInTraining : 0,
      intersects(B, E) ? QUALIFICATION.bridge : 0,
      exact >= QUALIFICATION.experienceWithoutDiplomaMonths ? QUALIFICATION.experienceWithoutDiploma : 0,
      exact > 0 ? QUALIFICATION.someExperienceWithoutDiploma : 0,
    ];
    values.qualification = Math.max(...levels);
  }
  const target = Math.max(1, v.prefers.experienceMonths ?? v.requires.experienceMonths ?? EXPERIENCE.defaultTargetMonths);
  values.experience = Math.min(1, eff / target);
  values.commute = 1 - COMMUTE_SLOPE * Math.min(1, commute.minutes / c.mobility.maxMinutes);
  const h = v.contract.weeklyHours;
  const gap = Math.max(0, c.schedule.weeklyHoursMin - h, h - c.schedule.weeklyHoursMax);
  values.hours = Math.max(0, 1 - gap / HOURS_GAP_SCALE);
  const late = availableDay - dayNumber(v.contract.startDate);
  values.start_date = late <= 0 ? 1 : Math.max(0, 1 - late / START_LATE_SCALE_DAYS);
  const wishes: number[] = [];
  if (c.desiredJobs.length === 0 || c.desiredJobs.includes(v.job.rome)) wishes.push(1);
  else if (c.desiredJobs.some((r) => related.has(r))) wishes.push(WISH_RELATED);
  else wishes.push(0);
  if (c.desiredSectors !== undefined && c.desiredSectors.length > 0) {
    const sector = DOMICILE_KINDS.has(v.structure.kind) ? 'domicile' : 'etablissement';
    wishes.push(c.desiredSectors.includes(sector) ? 1 : 0);
  }
  if (c.desiredPublics !== undefined && c.desiredPublics.length > 0) {
    const pub = v.structure.public;
    wishes.push(pub === 'mixte' || (c.desiredPublics as string[]).includes(pub) ? 1 : 0);
  }
  values.wishes = wishes.reduce((a, b) => a + b, 0) / wishes.length;
  const S = new Set(v.prefers.skills ?? []);
  if (S.size === 0) values.skills = 1;
  else {
    const skills = new Set(c.skills ?? []);
    let n = 0;
    for (const s of S) if (skills.has(s)) n++;
    values.skills = n / S.size;
  }

  const criteria = CRITERION_CODES.map((code) => ({
    code, value: values[code], weight: weights[code], points: weights[code] * values[code],
  }));
  let score = criteria.reduce((sum, k) => sum + k.points, 0);

  let bonus: PairEvaluation['bonus'] = null;
  if (options.positiveAction !== undefined) {
    let weight = 0;
    for (const [cat, pts] of Object.entries(options.positiveAction)) {
      if (typeof pts !== 'number' || !Number.isFinite(pts) || pts < 0) {
        throw new RangeError(`positiveAction.${cat} must be a finite number ≥ 0`);
      }
      weight += pts;
    }
    const held = new Set(categoryCodes(c.categories));
    const categories = Category.options.filter((k) => held.has(k) && options.positiveAction?.[k] !== undefined);
    const raw = categories.reduce((sum, k) => sum + (options.positiveAction?.[k] ?? 0), 0);
    const points = Math.min(raw, Math.max(0, 100 - score));
    bonus = { points, weight, categories };
    score += points;
  }

  return { eligible: blockers.length === 0, blockers, criteria, bonus, score, commute, unliftedDemands };
}

interface Scored { id: string; evaluation: PairEvaluation; maxMinutes: number }

function rank(scored: Scored[], limit: number, nearMisses: number): TopList {
  const matches = scored
    .filter((s) => s.evaluation.eligible)
    .sort((a, b) => b.evaluation.score - a.evaluation.score || compareIds(a.id, b.id))
    .slice(0, limit)
    .map((s) => ({ id: s.id, score: s.evaluation.score }));
  const near = scored
    .filter((s) => {
      const n = s.evaluation.blockers.length;
      if (n < 1 || n > 2) return false;
      return !s.evaluation.blockers.includes('commute')
        || s.evaluation.commute.minutes <= NEAR_MISS_COMMUTE_FACTOR * s.maxMinutes;
    })
    .sort((a, b) =>
      a.evaluation.blockers.length - b.evaluation.blockers.length
      || b.evaluation.score - a.evaluation.score
      || compareIds(a.id, b.id))
    .slice(0, nearMisses)
    .map((s) => ({ id: s.id, score: s.evaluation.score, blockers: s.evaluation.blockers }));
  return { matches, nearMisses: near };
}

/** Best candidates for a vacancy: every pair evaluated, then sorted (docs/SCORING.md "Rankings"). */
export function referenceTopCandidates(v: Vacancy, candidates: readonly Candidate[], options: TopOptions): TopList {
  const scored = candidates.map((c) => ({
    id: c.id, evaluation: referenceEvaluate(c, v, options), maxMinutes: c.mobility.maxMinutes,
  }));
  return rank(scored, options.limit ?? 20, options.nearMisses ?? 0);
}

/** Best vacancies for a candidate, by the same rules. */
export function referenceTopVacancies(c: Candidate, vacancies: readonly Vacancy[], options: TopOptions): TopList {
  const scored = vacancies.map((v) => ({
    id: v.id, evaluation: referenceEvaluate(c, v, options), maxMinutes: c.mobility.maxMinutes,
  }));
  return rank(scored, options.limit ?? 20, options.nearMisses ?? 0);
}

export interface MatchAllOptions extends ReferenceOptions {
  /** Candidates kept per vacancy (default 20). */
  perVacancy?: number;
}

/** Every vacancy's top candidates, keyed by vacancy id in input order. */
export function referenceMatchAll(
  candidates: readonly Candidate[],
  vacancies: readonly Vacancy[],
  options: MatchAllOptions,
): Map<string, RankedId[]> {
  const out = new Map<string, RankedId[]>();
  for (const v of vacancies) {
    out.set(v.id, referenceTopCandidates(v, candidates, { ...options, limit: options.perVacancy ?? 20 }).matches);
  }
  return out;
}
