/**
 * The session calendar: date arithmetic (date-fns, a few calls per step, never per pair) and the
 * choice of the next session a candidate can reach.
 */
import { addDays, addMonths, formatISO, parseISO } from 'date-fns';
import type { Candidate } from '../schema/candidate.js';
import type { TrainingSession } from '../schema/training.js';
import type { TrainingAccess } from '../schema/primitives.js';
import { bestCommute, distanceKm, type Commute } from '../geo/travel.js';
import { FULL_TIME_WEEKLY_HOURS } from './estimates.js';

/** YYYY-MM-DD; formatISO skips format()'s token parsing. */
const iso = (d: Date): string => formatISO(d, { representation: 'date' });

/**
 * Results of the date arithmetic by date, then by offset. A date-fns round trip (parse, add,
 * format) costs ~1–2 µs; pathways ask again and again for the same few dates (today, the
 * catalogue's session starts) plus the same lengths, so a lookup replaces most of them. Bounded:
 * cleared when it holds too many dates (a long-running server sees new dates every day).
 */
type DateMemo = Map<string, Map<number, string>>;
const MEMO_MAX_DATES = 4096;
const daysMemo: DateMemo = new Map();
const monthsMemo: DateMemo = new Map();
const endMonthsMemo: DateMemo = new Map();

function memoFor(memo: DateMemo, date: string): Map<number, string> {
  let m = memo.get(date);
  if (m === undefined) {
    if (memo.size >= MEMO_MAX_DATES) memo.clear();
    memo.set(date, (m = new Map()));
  }
  return m;
}

export function plusDays(date: string, days: number): string {
  const m = memoFor(daysMemo, date);
  let r = m.get(days);
  if (r === undefined) m.set(days, (r = iso(addDays(parseISO(date), days))));
  return r;
}

export function plusMonths(date: string, months: number): string {
  const m = memoFor(monthsMemo, date);
  let r = m.get(months);
  if (r === undefined) m.set(months, (r = iso(addMonths(parseISO(date), months))));
  return r;
}

/** Later of two YYYY-MM-DD dates (string order is date order). */
export function maxDate(a: string, b: string): string {
  return a >= b ? a : b;
}

/**
 * End date of `hours` of training started on `start` at the full-time rhythm (35 h a week): the
 * last day of the ⌈hours / 35 × 7⌉-day span, at least the start day itself.
 */
export function endAfterHours(start: string, hours: number): string {
  const days = Math.ceil((hours / FULL_TIME_WEEKLY_HOURS) * 7);
  return plusDays(start, Math.max(0, days - 1));
}

/** End date of a course lasting `months` months from `start` (the day before the anniversary). */
export function endAfterMonths(start: string, months: number): string {
  const m = memoFor(endMonthsMemo, start);
  let r = m.get(months);
  if (r === undefined) {
    const whole = Math.floor(months);
    const days = Math.round((months - whole) * 30);
    m.set(months, (r = maxDate(start, plusDays(plusMonths(start, whole), days - 1))));
  }
  return r;
}

/** One bit per access mode, so a session's modes and a step's wanted modes compare as integers. */
const ACCESS_BIT: Readonly<Record<TrainingAccess, number>> = {
  formation_continue: 1, apprentissage: 2, professionnalisation: 4, vae: 8, parcours_partiel: 16,
};

export function accessMask(access: readonly TrainingAccess[]): number {
  let m = 0;
  for (const a of access) m |= ACCESS_BIT[a] ?? 0;
  return m;
}

/** The sessions of one certification, sorted by start date then id, with what nextSession tests of each. */
export interface SessionList {
  sessions: TrainingSession[];
  /** accessMask of each session. */
  access: Uint8Array;
  /** Position of each session in the catalogue (SessionCommutes is indexed by it). */
  ordinal: Int32Array;
}

export interface SessionIndex {
  byCertification: Map<string, SessionList>;
  /** Number of sessions in the catalogue. */
  size: number;
}

/** Sessions by certification, built once per session array. */
const indexCache = new WeakMap<readonly TrainingSession[], SessionIndex>();

export function sessionsByCertification(sessions: readonly TrainingSession[]): SessionIndex {
  let index = indexCache.get(sessions);
  if (index) return index;
  const lists = new Map<string, number[]>();
  sessions.forEach((s, i) => {
    let list = lists.get(s.certification);
    if (!list) lists.set(s.certification, (list = []));
    list.push(i);
  });
  const byCertification = new Map<string, SessionList>();
  for (const [code, list] of lists) {
    list.sort((i, j) => {
      const a = sessions[i], b = sessions[j];
      return a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    });
    byCertification.set(code, {
      sessions: list.map((i) => sessions[i]),
      access: Uint8Array.from(list, (i) => accessMask(sessions[i].access)),
      ordinal: Int32Array.from(list),
    });
  }
  index = { byCertification, size: sessions.length };
  indexCache.set(sessions, index);
  return index;
}

/**
 * A candidate's commute to each session of a catalogue, kept for one call (a call asks about the
 * same sessions for several routes): `reset` starts a call without clearing, by generation.
 */
export class SessionCommutes {
  private stamp = new Int32Array(0);
  private value: Commute[] = [];
  private generation = 0;
  /**
   * The candidate's longest reach in straight-line km (reachKm): a site farther than that is out of
   * reach without working out each mode's minutes (most sites of a département are, for most people).
   */
  reachKm = Infinity;

  reset(size: number, reach = Infinity): void {
    if (this.stamp.length < size) this.stamp = new Int32Array(size);
    this.generation++;
    this.reachKm = reach;
  }

  get(ordinal: number): Commute | undefined {
    return this.stamp[ordinal] === this.generation ? this.value[ordinal] : undefined;
  }

  set(ordinal: number, c: Commute): void {
    this.stamp[ordinal] = this.generation;
    this.value[ordinal] = c;
  }
}

/** Stands for any site beyond the candidate's reach; never chosen, so never output. */
const OUT_OF_REACH: Commute = Object.freeze({ km: Infinity, minutes: Infinity, mode: 'car' });

export interface ChosenSession {
  session: TrainingSession;
  commute: Commute;
}

/**
 * The next session of `certification` offering one of the `access` modes (accessMask), starting on
 * or after `notBefore`, whose site the candidate reaches within `mobility.maxMinutes` (same travel
 * rule as jobs). Among sessions starting the same day: shortest commute, then id. `commutes`, when
 * given, keeps this candidate's commute to each session already measured.
 */
export function nextSession(
  index: SessionIndex,
  candidate: Candidate,
  certification: string,
  access: number,
  notBefore: string,
  commutes?: SessionCommutes,
): ChosenSession | undefined {
  const list = index.byCertification.get(certification);
  if (!list) return undefined;
  const { sessions, access: offered, ordinal } = list;
  let best: ChosenSession | undefined;
  for (let i = firstStartingFrom(sessions, notBefore); i < sessions.length; i++) {
    const s = sessions[i];
    if (best && s.startDate > best.session.startDate) break;
    if ((offered[i] & access) === 0) continue;
    let commute = commutes?.get(ordinal[i]);
    if (commute === undefined) {
      const km = distanceKm(candidate.home.lat, candidate.home.lon, s.site.lat, s.site.lon);
      // Beyond the reach (with a margin for rounding) no mode makes it in time: skip the modes.
      commute = commutes !== undefined && km > commutes.reachKm * (1 + 1e-9) + 1e-6 ? OUT_OF_REACH : bestCommute(km, candidate.mobility.modes);
      commutes?.set(ordinal[i], commute);
    }
    if (commute.minutes > candidate.mobility.maxMinutes) continue;
    if (!best || commute.minutes < best.commute.minutes) best = { session: s, commute };
  }
  return best;
}

/**
 * First start date on or after `notBefore` among all sessions of `certification` (any access, any
 * site): cohorts start on an institute's calendar, so an estimated step does not start before it.
 */
export function nextCohortStart(index: SessionIndex, certification: string, notBefore: string): string | undefined {
  const list = index.byCertification.get(certification)?.sessions;
  if (!list) return undefined;
  const i = firstStartingFrom(list, notBefore);
  return i < list.length ? list[i].startDate : undefined;
}

/** Index of the first session of `list` (sorted by start date) starting on or after `date`. */
function firstStartingFrom(list: readonly TrainingSession[], date: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid].startDate < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
