/**
 * auditFairness (MODEL.md "Fairness audit"): selection rates per public for a batch, an
 * allocation, a spread or a schedule, the 4/5 rule, the blockers that keep each public out and
 * the employers' exposure. Categories are read only to count: nothing here scores, and the
 * result's objects are read, never changed.
 */
import type { Versions } from '../scoring/types.js';
import { defaultReferential } from '../referential/index.js';
import { ROME_VERSION } from '../referential/rome/index.js';
import { ENGINE_VERSION } from '../version.js';
import { PasserelleInputError, issue } from '../errors.js';
import { checkCallOptions } from '../engine/call-options.js';
import { callerCode } from '../validate/edge.js';
import { BLOCKER_LABELS } from '../explain/labels.js';
import { AuditOptionsSchema } from './schemas.js';
import {
  ALL_SLOT, CATEGORY_ORDER, NONE_SLOT, SLOT_COUNT, categoryMask, groupLabel, groupsPresent, slotOf, type GroupCode,
} from './groups.js';
import { groupLift, type GroupLift } from './lifts.js';
import { auditText } from './fairness-text.js';
import { median } from './stats.js';

// ---------------------------------------------------------------------------------------------
// The result shapes audited (MODEL.md "Territory"), structurally: any object of that shape.

export interface VacancyLike { id: string; employerId: string; openings?: number }

/** A `matchAll` result, read through its public members. */
export interface BatchLike {
  matches: Iterable<{ candidateId: string; vacancyId: string; score: number }>;
  unmatchedCandidates: readonly { id: string; blockers: Partial<Record<string, number>> }[];
  candidateIds(): string[];
  vacancyIds(): string[];
  vacancy(id: string): VacancyLike | undefined;
  versions?: Versions;
}

export interface AllocationLike {
  method: string;
  assignments: readonly { candidateId: string; vacancyId: string; score: number }[];
  unassignedCandidates: readonly { id: string; reason: string }[];
  unfilledVacancies: readonly { id: string; open: number; reason: string }[];
  versions?: Versions;
}

export interface SpreadLike {
  lists: readonly { candidateId: string; vacancyIds: readonly string[] }[];
  exposure: readonly { vacancyId: string; recommended: number; openings: number }[];
  metrics: object;
  versions?: Versions;
}

export interface ScheduleLike {
  interviews: readonly { candidateId: string; employerId: string; vacancyId: string; slotId: string; score: number }[];
  unscheduled: readonly { id: string; reason: string }[];
  versions?: Versions;
}

export type AuditedResult = BatchLike | AllocationLike | SpreadLike | ScheduleLike;
export type ResultKind = 'batch' | 'allocation' | 'spread' | 'schedule';

type CandidateRecordLike = { id: string; categories?: readonly unknown[] };
/** Candidates: an index (`engine.indexCandidates(...).index`) or records. */
export type CandidatesLike = { get(id: string): { categories?: readonly unknown[] } | undefined } | readonly CandidateRecordLike[];
export type VacanciesLike = { get(id: string): VacancyLike | undefined } | readonly VacancyLike[];

export interface AuditOptions {
  /** The vacancies behind an allocation, a spread or a schedule (a batch has its own). */
  vacancies?: VacanciesLike;
  /**
   * The batch an allocation, a spread or a schedule was computed from: eligibility and blockers
   * then follow MODEL.md's batch definitions exactly (without it, see README "Fairness audit").
   */
  batch?: BatchLike;
}

export interface AuditGroupRow {
  group: GroupCode;
  label: string;
  candidates: number;
  eligible: number;
  selected: number;
  /** selected / eligible; null with no eligible candidate. */
  rate: number | null;
  /** rate / the highest rate among category and `none` rows with ≥ 10 eligible; null without one. */
  impactRatio: number | null;
  flagged: boolean;
}

export interface AuditBlockerRow {
  group: GroupCode;
  code: string;
  label: string;
  /** Candidates of the group with no eligible vacancy whom this blocker kept out at least once. */
  count: number;
  lift?: GroupLift;
}

export interface AuditEmployerRow {
  employerId: string;
  openings: number;
  exposure: number;
  perOpening: number;
  underServed: boolean;
}

export interface FairnessAudit {
  kind: ResultKind;
  groups: AuditGroupRow[];
  employers: AuditEmployerRow[];
  blockers: AuditBlockerRow[];
  /** Candidates of the result not found in `candidates`: counted in `all` only. */
  unknownCandidates: number;
  /** The 4/5 rule's threshold and minimum group size. */
  rule: { threshold: number; minEligible: number };
  text: string;
  versions: Versions;
}

/** The 4/5 rule (EEOC Uniform Guidelines §1607.4 D), applied only to groups of ≥ 10 eligible. */
export const FOUR_FIFTHS = 0.8;
export const MIN_ELIGIBLE = 10;
/** Employers below this share of the median exposure per opening are under-served. */
export const UNDER_SERVED_SHARE = 0.5;
/** Unmatched candidates with no blocker had no vacancy within commute reach. */
export const NOTHING_IN_REACH = 'nothing_in_reach';

const REASON_NO_ELIGIBLE = 'no_eligible_vacancy';

function resultKind(r: unknown): ResultKind | undefined {
  if (r === null || typeof r !== 'object') return undefined;
  const o = r as Record<string, unknown>;
  if (Array.isArray(o.assignments) && Array.isArray(o.unassignedCandidates)) return 'allocation';
  if (Array.isArray(o.lists) && Array.isArray(o.exposure)) return 'spread';
  if (Array.isArray(o.interviews) && Array.isArray(o.unscheduled)) return 'schedule';
  if (typeof o.candidateIds === 'function' && Array.isArray(o.unmatchedCandidates) && o.matches !== undefined) return 'batch';
  return undefined;
}

/** A candidate's flags in the population audited. */
const ELIGIBLE = 1;
const SELECTED = 2;
/** Its record was read (a duplicate record is read once). */
const SEEN = 4;
/** Known only from a schedule's `unscheduled`, which may name employers: dropped if no candidate has the id. */
const MAYBE_EMPLOYER = 8;

/**
 * Who is audited (id → slot of its flags) and what blocked the ineligible, when a batch tells it.
 * A France batch looks up 2.4 M shortlisted ids among 600 000, each a cache miss or more: the ids
 * live in a prototype-less object, whose probe reads key and value in one entry (a Map reads a
 * bucket, then an entry), and everything else about a candidate is kept by slot.
 */
class Population {
  private readonly slotById: Record<string, number> = Object.create(null) as Record<string, number>;
  /** Ids that are not strings (a malformed result), kept apart so that 5 and '5' stay two ids. */
  private readonly slotByOther = new Map<unknown, number>();
  /** Id of each slot; a repeated id gets a new slot and leaves the old one behind (`isCurrent`). */
  readonly ids: string[] = [];
  /** Flags by slot, sized for the candidates expected (a batch's count) and grown past them. */
  flags: Uint8Array;
  /** Some id was added twice (a malformed batch): a record's position then says nothing of its slot. */
  repeated = false;
  /** Blocker codes by slot, when a batch tells them. */
  blockers: (readonly string[] | undefined)[] | null = null;
  /** A batch's shortlist places per vacancy, counted in the same pass as the candidates selected. */
  shortlisted: Map<string, number> | null = null;

  constructor(expected = 1024) {
    this.flags = new Uint8Array(Math.max(expected, 16));
  }

  /** Slot of an id, or -1. */
  slot(id: string): number {
    const k = typeof id === 'string' ? this.slotById[id] : this.slotByOther.get(id);
    return k === undefined ? -1 : k;
  }

  /** Whether `k` is its id's slot (not one a repeated id left behind). */
  isCurrent(k: number): boolean {
    return this.slot(this.ids[k]) === k;
  }

  /** Adds a candidate the result names (the first mention decides its flags). */
  include(id: string, flags: number): void {
    if (this.slot(id) < 0) this.add(id, flags);
  }

  /**
   * Adds a candidate known to be new (a batch's ids are unique: one probe fewer per candidate; a
   * repeated id would only leave an unread slot behind).
   */
  add(id: string, flags: number): void {
    const k = this.ids.length;
    if (k === this.flags.length) {
      const grown = new Uint8Array(2 * k);
      grown.set(this.flags);
      this.flags = grown;
    }
    if (typeof id === 'string') {
      // The read takes the cache miss the write would take alone: it costs almost nothing more.
      if (this.slotById[id] !== undefined) this.repeated = true;
      this.slotById[id] = k;
    } else {
      if (this.slotByOther.has(id)) this.repeated = true;
      this.slotByOther.set(id, k);
    }
    this.ids.push(id);
    this.flags[k] = flags;
  }

  select(id: string): void {
    const k = typeof id === 'string' ? this.slotById[id] : this.slotByOther.get(id);
    if (k !== undefined) this.flags[k] |= SELECTED;
  }
}

/** The batch's candidates; eligible = matched (not in unmatchedCandidates); their blockers. */
function fromBatch(batch: BatchLike): Population {
  const ids = batch.candidateIds();
  const p = new Population(ids.length);
  for (const id of ids) p.add(id, ELIGIBLE);
  const blockers: (readonly string[] | undefined)[] = (p.blockers = []);
  for (const u of batch.unmatchedCandidates) {
    const k = p.slot(u.id);
    if (k < 0) continue;
    p.flags[k] &= ~ELIGIBLE;
    const codes = Object.keys(u.blockers).filter((c) => (u.blockers[c] ?? 0) > 0);
    blockers[k] = codes.length === 0 ? [NOTHING_IN_REACH] : codes;
  }
  return p;
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Selection per result kind, and eligibility when no batch is given (README "Fairness audit"). */
function populationOf(kind: ResultKind, result: AuditedResult, batch: BatchLike | undefined): Population {
  if (kind === 'batch') {
    const b = result as BatchLike;
    const p = fromBatch(b);
    const places = (p.shortlisted = new Map<string, number>());
    // Matches come vacancy by vacancy: count a run of one vacancy, then store it.
    let vacancy = '';
    let run = 0;
    for (const m of b.matches) {
      p.select(m.candidateId);
      if (m.vacancyId !== vacancy) {
        if (run > 0) places.set(vacancy, (places.get(vacancy) ?? 0) + run);
        vacancy = m.vacancyId;
        run = 0;
      }
      run++;
    }
    if (run > 0) places.set(vacancy, (places.get(vacancy) ?? 0) + run);
    return p;
  }
  const p = batch ? fromBatch(batch) : new Population();
  switch (kind) {
    case 'allocation': {
      const a = result as AllocationLike;
      if (!batch) {
        for (const x of a.assignments) p.include(x.candidateId, ELIGIBLE);
        for (const u of a.unassignedCandidates) p.include(u.id, u.reason === REASON_NO_ELIGIBLE ? 0 : ELIGIBLE);
      }
      for (const x of a.assignments) p.select(x.candidateId);
      break;
    }
    case 'spread': {
      const s = result as SpreadLike;
      for (const l of s.lists) {
        if (!batch) p.include(l.candidateId, ELIGIBLE);
        if (l.vacancyIds.length > 0) p.select(l.candidateId);
      }
      break;
    }
    case 'schedule': {
      const s = result as ScheduleLike;
      if (!batch) {
        for (const x of s.interviews) p.include(x.candidateId, ELIGIBLE);
        for (const u of s.unscheduled) p.include(u.id, (u.reason.startsWith('no_eligible') ? 0 : ELIGIBLE) | MAYBE_EMPLOYER);
      }
      for (const x of s.interviews) p.select(x.candidateId);
      break;
    }
  }
  return p;
}

/**
 * Calls `visit` once per audited candidate (its slot) with its record's categories (undefined: not
 * found among `candidates`; ids only a schedule's `unscheduled` names and no candidate has are left out).
 */
function forEachCandidate(
  p: Population,
  candidates: CandidatesLike,
  visit: (slot: number, flags: number, record: { categories?: readonly unknown[] } | undefined) => void,
): void {
  if (Array.isArray(candidates)) {
    const records = candidates as readonly unknown[];
    for (let i = 0; i < records.length; i++) {
      const c = records[i];
      if (c === null || typeof c !== 'object' || typeof (c as { id?: unknown }).id !== 'string') {
        throw new PasserelleInputError('options', [issue('invalid_type', `candidates[${i}].id`, 'un enregistrement avec un identifiant attendu')]);
      }
      const r = c as CandidateRecordLike;
      // Records usually come in the batch's order (the array the index was built from): the slot
      // of the same position is tried before a lookup.
      const k = !p.repeated && i < p.ids.length && p.ids[i] === r.id ? i : p.slot(r.id);
      if (k < 0 || (p.flags[k] & SEEN) !== 0) continue;
      p.flags[k] |= SEEN;
      visit(k, p.flags[k], r);
    }
    for (let k = 0; k < p.ids.length; k++) {
      if ((p.flags[k] & (SEEN | MAYBE_EMPLOYER)) === 0 && p.isCurrent(k)) visit(k, p.flags[k], undefined);
    }
    return;
  }
  if (candidates !== null && typeof candidates === 'object' && typeof (candidates as { get?: unknown }).get === 'function') {
    const index = candidates as { get(id: string): { categories?: readonly unknown[] } | undefined };
    for (let k = 0; k < p.ids.length; k++) {
      if (!p.isCurrent(k)) continue;
      const c = index.get(p.ids[k]);
      if (c !== undefined || (p.flags[k] & MAYBE_EMPLOYER) === 0) visit(k, p.flags[k], c);
    }
    return;
  }
  throw new PasserelleInputError('options', [issue('invalid_type', 'candidates', 'un index de candidats ou un tableau d’enregistrements attendu')]);
}

/** Vacancies and how often each was selected; vacancy records from the batch or `options.vacancies`. */
function exposureOf(kind: ResultKind, result: AuditedResult, options: AuditOptions, shortlisted: Map<string, number> | null): { vacancies: VacancyLike[]; selected: Map<string, number>; openings: Map<string, number> } {
  const selected = shortlisted ?? new Map<string, number>();
  const openings = new Map<string, number>();
  const add = (id: string, n = 1) => selected.set(id, (selected.get(id) ?? 0) + n);
  let referenced: string[] = [];
  switch (kind) {
    case 'batch':
      break;
    case 'allocation': {
      const a = result as AllocationLike;
      for (const x of a.assignments) add(x.vacancyId);
      referenced = [...a.assignments.map((x) => x.vacancyId), ...a.unfilledVacancies.map((x) => x.id)];
      break;
    }
    case 'spread':
      for (const e of (result as SpreadLike).exposure) {
        add(e.vacancyId, e.recommended);
        openings.set(e.vacancyId, e.openings);
      }
      referenced = (result as SpreadLike).exposure.map((e) => e.vacancyId);
      break;
    case 'schedule':
      for (const x of (result as ScheduleLike).interviews) add(x.vacancyId);
      referenced = (result as ScheduleLike).interviews.map((x) => x.vacancyId);
      break;
  }
  const batch = kind === 'batch' ? (result as BatchLike) : options.batch;
  const vacancies: VacancyLike[] = [];
  if (batch !== undefined) {
    for (const id of batch.vacancyIds()) {
      const v = batch.vacancy(id);
      if (v !== undefined) vacancies.push(v);
    }
  } else if (Array.isArray(options.vacancies)) {
    const records = options.vacancies as readonly unknown[];
    for (let i = 0; i < records.length; i++) {
      const v = records[i] as Partial<VacancyLike> | null;
      for (const field of ['id', 'employerId'] as const) {
        if (v === null || typeof v !== 'object' || typeof v[field] !== 'string') {
          throw new PasserelleInputError('options', [issue('invalid_type', `vacancies[${i}].${field}`, 'une chaîne attendue')]);
        }
      }
      vacancies.push(v as VacancyLike);
    }
  } else if (options.vacancies !== undefined) {
    const index = options.vacancies as { get(id: string): VacancyLike | undefined };
    for (const id of [...new Set(referenced)].sort(byCodePoint)) {
      const v = index.get(id);
      if (v !== undefined) vacancies.push(v);
    }
  }
  return { vacancies, selected, openings };
}

function employersOf(kind: ResultKind, result: AuditedResult, options: AuditOptions, shortlisted: Map<string, number> | null): AuditEmployerRow[] {
  const { vacancies, selected, openings } = exposureOf(kind, result, options, shortlisted);
  const byEmployer = new Map<string, { openings: number; exposure: number }>();
  const seen = new Set<string>();
  for (const v of vacancies) {
    if (seen.has(v.id)) continue;
    seen.add(v.id);
    const e = byEmployer.get(v.employerId) ?? { openings: 0, exposure: 0 };
    e.openings += openings.get(v.id) ?? v.openings ?? 1;
    e.exposure += selected.get(v.id) ?? 0;
    byEmployer.set(v.employerId, e);
  }
  const rows = [...byEmployer].sort((a, b) => byCodePoint(a[0], b[0])).map(([employerId, e]) => ({
    employerId, openings: e.openings, exposure: e.exposure, perOpening: e.openings > 0 ? e.exposure / e.openings : 0, underServed: false,
  }));
  const mid = median(rows.map((r) => r.perOpening));
  if (mid !== null) for (const r of rows) r.underServed = r.perOpening < UNDER_SERVED_SHARE * mid;
  return rows;
}

/**
 * Selection rates per public, the 4/5 rule, blockers and employers' exposure, for any territory
 * result. Categories only measure: the result is not changed and no score is read back into it.
 *
 * @example
 * const batch = await engine.matchAll(candidates, vacancies, { perVacancy: 20 });
 * const audit = auditFairness(batch, candidates);
 * audit.groups.filter((g) => g.flagged); // publics selected at under 4/5 of the best rate
 * console.log(audit.text);               // French, for a report
 */
export function auditFairness(result: AuditedResult, candidates: CandidatesLike, options?: AuditOptions): FairnessAudit {
  const opts = checkCallOptions(AuditOptionsSchema, options) as AuditOptions;
  const kind = callerCode(() => resultKind(result), 'result', 'options');
  if (kind === undefined) {
    throw new PasserelleInputError('options', [issue('invalid_type', 'result',
      'un résultat de matchAll, d’allocate, de spreadRecommendations ou de scheduleJobDating attendu')]);
  }
  const ref = defaultReferential;
  const p = callerCode(() => populationOf(kind, result, opts.batch), 'result', 'options');

  const counts = { candidates: new Float64Array(SLOT_COUNT), eligible: new Float64Array(SLOT_COUNT), selected: new Float64Array(SLOT_COUNT) };
  const blockerCounts: Map<string, number>[] = Array.from({ length: SLOT_COUNT }, () => new Map());
  let union = 0;
  let anyNone = false;
  let unknown = 0;
  const slots: number[] = [];
  callerCode(() => forEachCandidate(p, candidates, (k, f, c) => {
    slots.length = 0;
    slots.push(ALL_SLOT);
    if (c === undefined) unknown++;
    else {
      const mask = categoryMask(c.categories);
      union |= mask;
      if (mask === 0) { anyNone = true; slots.push(NONE_SLOT); }
      for (let i = 0; i < CATEGORY_ORDER.length; i++) if ((mask & (1 << i)) !== 0) slots.push(i);
    }
    const eligible = f & ELIGIBLE;
    const selected = eligible !== 0 && (f & SELECTED) !== 0 ? 1 : 0;
    const codes = eligible === 0 ? p.blockers?.[k] : undefined;
    for (const s of slots) {
      counts.candidates[s]++;
      counts.eligible[s] += eligible;
      counts.selected[s] += selected;
      if (codes) for (const code of codes) blockerCounts[s].set(code, (blockerCounts[s].get(code) ?? 0) + 1);
    }
  }), 'candidates', 'options');

  const groups = groupsPresent(union, anyNone);
  const rows: AuditGroupRow[] = groups.map((group) => {
    const s = slotOf(group);
    const eligible = counts.eligible[s];
    return {
      group, label: groupLabel(group, ref), candidates: counts.candidates[s], eligible, selected: counts.selected[s],
      rate: eligible > 0 ? counts.selected[s] / eligible : null, impactRatio: null, flagged: false,
    };
  });
  const reference = rows.filter((r) => r.group !== 'all' && r.eligible >= MIN_ELIGIBLE);
  const best = reference.length > 0 ? Math.max(...reference.map((r) => r.rate!)) : null;
  for (const r of rows) {
    if (best !== null && best > 0 && r.rate !== null) r.impactRatio = r.rate / best;
    r.flagged = r.group !== 'all' && r.eligible >= MIN_ELIGIBLE && r.impactRatio !== null && r.impactRatio < FOUR_FIFTHS;
  }

  const blockers: AuditBlockerRow[] = [];
  for (const group of groups) {
    const entries = [...blockerCounts[slotOf(group)]].sort((a, b) => b[1] - a[1] || byCodePoint(a[0], b[0]));
    for (const [code, count] of entries) {
      const lift = groupLift(code, group, ref);
      blockers.push({ group, code, label: blockerLabel(code), count, ...(lift ? { lift } : {}) });
    }
  }

  const employers = callerCode(() => employersOf(kind, result, opts, p.shortlisted), 'result', 'options');
  const versions = callerCode(() => result.versions ?? opts.batch?.versions, 'result', 'options') ?? { engine: ENGINE_VERSION, referential: ref.version, rome: ROME_VERSION };
  const audit = { kind, groups: rows, employers, blockers, unknownCandidates: unknown, rule: { threshold: FOUR_FIFTHS, minEligible: MIN_ELIGIBLE }, versions };
  return { ...audit, text: auditText(audit, p.blockers !== null, opts) };
}

function blockerLabel(code: string): string {
  return code === NOTHING_IN_REACH ? 'Aucune offre à portée de trajet' : (BLOCKER_LABELS as Record<string, string>)[code] ?? code;
}
