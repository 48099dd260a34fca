/**
 * scheduleJobDating: who meets whom, when and at which table, at a job dating.
 *
 * Guarantees (for the pairs considered, see pairs.ts): no candidate in two interviews at once, no
 * employer above `tables` interviews at any instant (overlapping slots count), a pair met at most
 * once and only in a slot both sides are available in, at most `maxInterviews` per candidate,
 * only eligible pairs (near misses only with `includeNearMisses`); then, lexicographically, the
 * most candidates with at least one interview, and within that the largest total score. `optimal`
 * says whether HiGHS proved both levels within `timeLimitSeconds`; otherwise `bound` and `gap`
 * say how far the schedule may be from the optimum.
 */
import { callerCode } from '../validate/edge.js';
import type { BatchResult } from '../batch/matchAll.js';
import type { Versions } from '../scoring/types.js';
import { type JobDatingEvent, type JobDatingOptions, minutesOf, parseJobDating } from './event.js';
import { type Pair, byCodePoint, eventPairs } from './pairs.js';
import { type Problem, commonSlots, overlaps } from './problem.js';
import { type SolveMethod, solveProblem } from './solve.js';
import {
  type CandidateConvocation, type EmployerConvocation, candidateConvocations, employerConvocations, vacancyJobs, IDLE_REASONS, UNSCHEDULED_REASONS,
  type IdleReason, type UnscheduledReason,
} from './convocations.js';

export interface JobDatingInterview {
  candidateId: string;
  employerId: string;
  vacancyId: string;
  slotId: string;
  score: number;
  /** 1 … the employer's `tables`; overlapping interviews of an employer never share a table. */
  table: number;
  start: string;
  end: string;
  /** Blocker codes when the pair is a near miss (only with `includeNearMisses`). */
  nearMiss?: string[];
}

export interface JobDatingSchedule {
  eventId: string;
  date: string;
  /** By start time, then employer, then table. */
  interviews: JobDatingInterview[];
  /** Every event candidate without an interview, with why (UNSCHEDULED_REASONS). */
  unscheduled: { id: string; reason: UnscheduledReason; message: string }[];
  /** Every event employer without an interview, with why (IDLE_REASONS). */
  idleEmployers: { id: string; reason: IdleReason; message: string }[];
  /** Total score of the interviews. */
  objective: number;
  /** Candidates with at least one interview. */
  served: number;
  /** Both levels proven optimal (to 10⁻⁶ points). */
  optimal: boolean;
  method: SolveMethod;
  /** Upper bounds: on the candidates any schedule serves, and on the score of any schedule serving at least `served`. */
  bound: { served: number; objective: number };
  /** bound − reached, ≥ 0 (0 when optimal). */
  gap: { served: number; objective: number };
  convocations: { candidates: CandidateConvocation[]; employers: EmployerConvocation[] };
  /** Pairs that may meet; candidate × vacancy pairs looked at, and of those decided by batch.evaluate. */
  stats: { pairs: number; considered: number; explained: number };
  versions: Versions;
}

type BatchView = Pick<BatchResult, 'shortlist' | 'bestFor' | 'evaluate' | 'unmatchedCandidates' | 'candidate' | 'vacancy' | 'versions'>;

/**
 * Schedules a job dating from a batch (matchAll's result). Async: the HiGHS WebAssembly module
 * loads on first use.
 *
 * @example
 * const batch = await engine.matchAll(candidates, vacancies, { perVacancy: 20, perCandidate: 5 });
 * const plan = await scheduleJobDating({
 *   id: 'jd-alencon', date: '2026-12-10',
 *   slots: [{ id: 's1', start: '09:00', end: '09:20' }, { id: 's2', start: '09:20', end: '09:40' }],
 *   employers: [{ id: 'e1', vacancyIds: ['v1', 'v2'], tables: 2 }],
 *   candidates: [{ id: 'c1' }, { id: 'c2', slotIds: ['s2'], maxInterviews: 1 }],
 * }, batch);
 * plan.interviews; // [{ candidateId: 'c1', employerId: 'e1', vacancyId: 'v2', slotId: 's1', table: 1, … }, …]
 */
export async function scheduleJobDating(event: unknown, batch: BatchView, options?: JobDatingOptions): Promise<JobDatingSchedule> {
  const { event: ev, options: opts } = callerCode(() => parseJobDating(event, options, batch), 'batch', 'jobDating');
  const { pairs, stats } = callerCode(() => eventPairs(ev, batch, opts), 'batch', 'jobDating');
  const jobs = callerCode(() => vacancyJobs(ev, batch), 'batch', 'jobDating');
  const built = buildProblem(ev, pairs);
  const solution = await solveProblem(built.problem, { method: opts.method, timeLimitSeconds: opts.timeLimitSeconds });

  const interviews = withTables(
    solution.placements.map(({ pair, slot }) => {
      const p = pairs[pair];
      const s = built.slots[slot];
      const out: JobDatingInterview = {
        candidateId: p.candidateId, employerId: p.employerId, vacancyId: p.vacancyId, slotId: s.id, score: p.score, table: 0, start: s.start, end: s.end,
      };
      if (p.nearMiss) out.nearMiss = p.nearMiss;
      return out;
    }),
  );
  const common = commonSlots(built.problem);
  const unscheduled = whyNot(ev, pairs, common, interviews, solution.optimal);
  const idleEmployers = idle(ev, pairs, common, interviews);
  const bound = { served: solution.bound.served, objective: solution.bound.score };
  const schedule: JobDatingSchedule = {
    eventId: ev.id,
    date: ev.date,
    interviews,
    unscheduled,
    idleEmployers,
    objective: solution.value.score,
    served: solution.value.served,
    optimal: solution.optimal,
    method: solution.method,
    bound,
    gap: { served: bound.served - solution.value.served, objective: bound.objective - solution.value.score },
    convocations: { candidates: [], employers: [] },
    stats: { pairs: pairs.length, ...stats },
    versions: batch.versions,
  };
  schedule.convocations = {
    candidates: candidateConvocations(ev, schedule, jobs),
    employers: employerConvocations(ev, schedule, jobs),
  };
  return schedule;
}

interface Built {
  problem: Problem;
  /** Slots in the problem's order (start, end, id). */
  slots: JobDatingEvent['slots'];
}

/** The integer problem, indices in canonical order (slots by time then id, people by id). */
export function buildProblem(event: JobDatingEvent, pairs: readonly Pair[]): Built {
  const slots = [...event.slots].sort(
    (a, b) => minutesOf(a.start) - minutesOf(b.start) || minutesOf(a.end) - minutesOf(b.end) || byCodePoint(a.id, b.id),
  );
  const slotIndex = new Map(slots.map((s, i) => [s.id, i]));
  const every = slots.map((_, i) => i);
  const indices = (ids: readonly string[] | undefined) => (ids === undefined ? every : ids.map((id) => slotIndex.get(id)!).sort((a, b) => a - b));
  const candidates = [...event.candidates].sort((a, b) => byCodePoint(a.id, b.id));
  const employers = [...event.employers].sort((a, b) => byCodePoint(a.id, b.id));
  const cIndex = new Map(candidates.map((c, i) => [c.id, i]));
  const eIndex = new Map(employers.map((e, i) => [e.id, i]));
  return {
    slots,
    problem: {
      slots: slots.map((s) => ({ start: minutesOf(s.start), end: minutesOf(s.end) })),
      candidates: candidates.map((c) => ({ maxInterviews: c.maxInterviews, slots: indices(c.slotIds) })),
      employers: employers.map((e) => ({ tables: e.tables, slots: indices(e.slotIds) })),
      pairs: pairs.map((p) => ({ candidate: cIndex.get(p.candidateId)!, employer: eIndex.get(p.employerId)!, score: p.score })),
    },
  };
}

const minutes = (i: JobDatingInterview) => ({ start: minutesOf(i.start), end: minutesOf(i.end) });

/**
 * Tables by interval colouring: an employer's interviews in start order, each at the lowest table
 * no overlapping interview holds. At most `tables` are ever needed: when an interview starts, the
 * ones holding a table all contain its start instant, and the schedule keeps at most `tables`
 * interviews at any instant.
 */
function withTables(interviews: JobDatingInterview[]): JobDatingInterview[] {
  const order = (a: JobDatingInterview, b: JobDatingInterview) =>
    minutesOf(a.start) - minutesOf(b.start) || minutesOf(a.end) - minutesOf(b.end) || byCodePoint(a.slotId, b.slotId) ||
    byCodePoint(a.employerId, b.employerId) || byCodePoint(a.candidateId, b.candidateId);
  const sorted = [...interviews].sort(order);
  const placed = new Map<string, JobDatingInterview[]>();
  for (const it of sorted) {
    const mine = placed.get(it.employerId) ?? placed.set(it.employerId, []).get(it.employerId)!;
    const taken = new Set(mine.filter((o) => overlaps(minutes(o), minutes(it))).map((o) => o.table));
    let t = 1;
    while (taken.has(t)) t++;
    it.table = t;
    mine.push(it);
  }
  return sorted.sort((a, b) => order(a, b) || a.table - b.table);
}

/**
 * The ids of one side without an interview, by id, with how far they got: 0 no pair at all, 1 no
 * pair in a slot both sides are available in, 2 pairs there that the schedule did not use.
 */
function notMet(
  records: readonly { id: string }[],
  pairs: readonly Pair[],
  common: readonly number[][],
  interviews: readonly JobDatingInterview[],
  side: 'candidateId' | 'employerId',
): { id: string; level: 0 | 1 | 2 }[] {
  const met = new Set(interviews.map((i) => i[side]));
  const withPair = new Set<string>();
  const withSlot = new Set<string>();
  pairs.forEach((p, i) => {
    withPair.add(p[side]);
    if (common[i].length > 0) withSlot.add(p[side]);
  });
  return records
    .filter((r) => !met.has(r.id))
    .map((r) => r.id)
    .sort(byCodePoint)
    .map((id) => ({ id, level: !withPair.has(id) ? 0 : !withSlot.has(id) ? 1 : 2 }));
}

const CANDIDATE_REASONS: readonly UnscheduledReason[] = ['no_eligible_employer', 'no_common_slot', 'capacity'];
const EMPLOYER_REASONS: readonly IdleReason[] = ['no_eligible_candidate', 'no_common_slot', 'not_chosen'];

function whyNot(
  event: JobDatingEvent,
  pairs: readonly Pair[],
  common: readonly number[][],
  interviews: readonly JobDatingInterview[],
  optimal: boolean,
): JobDatingSchedule['unscheduled'] {
  return notMet(event.candidates, pairs, common, interviews, 'candidateId').map(({ id, level }) => {
    const reason = CANDIDATE_REASONS[level];
    const message = reason === 'capacity' && !optimal ? UNSCHEDULED_REASONS.capacity_unproven : UNSCHEDULED_REASONS[reason];
    return { id, reason, message };
  });
}

function idle(
  event: JobDatingEvent,
  pairs: readonly Pair[],
  common: readonly number[][],
  interviews: readonly JobDatingInterview[],
): JobDatingSchedule['idleEmployers'] {
  return notMet(event.employers, pairs, common, interviews, 'employerId').map(({ id, level }) => {
    const reason = EMPLOYER_REASONS[level];
    return { id, reason, message: IDLE_REASONS[reason] };
  });
}
