/**
 * scheduleJobDating on a real batch (a small seeded Orne territory): validation issues naming
 * their field, every candidate and employer accounted for, the rules kept on the output itself,
 * only eligible pairs about the employer's best vacancy, reason codes, determinism under any
 * input order, and employer convocations that carry nothing but times, tables and ids.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createEngine } from '../../src/engine/engine.js';
import type { BatchResult } from '../../src/batch/matchAll.js';
import { PasserelleInputError } from '../../src/errors.js';
import { scheduleJobDating, type JobDatingSchedule } from '../../src/jobdating/index.js';
import type { JobDatingEventInput } from '../../src/jobdating/event.js';
import { generateTerritory } from '../../bench/workload.js';

let batch: BatchResult;
let event: JobDatingEventInput;
let employerOf: Map<string, string>;

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const SLOTS = [
  { id: 's1', start: '09:00', end: '09:20' },
  { id: 's2', start: '09:20', end: '09:40' },
  { id: 's3', start: '09:40', end: '10:00' },
  { id: 's4', start: '10:00', end: '10:20' },
  // Overlaps s3 and s4: a clash with both.
  { id: 'x', start: '09:50', end: '10:10' },
];
const toMin = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));

beforeAll(async () => {
  const t = generateTerritory({ seed: 14, scope: { departement: '61' }, candidates: 300, vacancies: 40, sessions: 0 });
  const engine = createEngine({ today: '2026-11-23' });
  batch = await engine.matchAll(t.candidates, t.vacancies, { perVacancy: 10, perCandidate: 3 });
  const byEmployer = new Map<string, string[]>();
  for (const v of batch.vacancyIds()) {
    const e = batch.vacancy(v)!.employerId;
    (byEmployer.get(e) ?? byEmployer.set(e, []).get(e)!).push(v);
  }
  const employers = [...byEmployer].filter(([, vs]) => vs.some((v) => batch.shortlist(v).length > 0)).slice(0, 6);
  employerOf = new Map(employers.flatMap(([e, vs]) => vs.map((v) => [v, e] as [string, string])));
  const invited = [...new Set(employers.flatMap(([, vs]) => vs.flatMap((v) => batch.shortlist(v).map((m) => m.candidateId))))].sort(cmp).slice(0, 24);
  const none = batch.unmatchedCandidates.map((u) => u.id).sort(cmp).slice(0, 2);
  event = {
    id: 'jd-test',
    date: '2026-12-10',
    slots: SLOTS,
    employers: employers.map(([id, vacancyIds], i) => ({ id, vacancyIds, tables: i % 2 === 0 ? 1 : 2, ...(i === 1 ? { slotIds: ['s3', 's4', 'x'] } : {}) })),
    candidates: [...invited, ...none].map((id, i) => ({ id, ...(i % 4 === 1 ? { slotIds: ['s1', 'x'], maxInterviews: 1 } : {}) })),
  };
}, 60_000);

function issuesOf(fn: () => unknown): Promise<{ code: string; path: string }[]> {
  return Promise.resolve()
    .then(fn)
    .then(
      () => {
        throw new Error('expected a PasserelleInputError');
      },
      (e: unknown) => {
        expect(e).toBeInstanceOf(PasserelleInputError);
        return (e as PasserelleInputError).issues.map(({ code, path }) => ({ code, path }));
      },
    );
}

/** Every rule, read on the output alone. */
function checkRules(ev: JobDatingEventInput, plan: JobDatingSchedule): void {
  const slot = new Map(ev.slots.map((s) => [s.id, s]));
  const overlap = (a: string, b: string) => toMin(slot.get(a)!.start) < toMin(slot.get(b)!.end) && toMin(slot.get(b)!.start) < toMin(slot.get(a)!.end);
  const cand = new Map(ev.candidates.map((c) => [c.id, c]));
  const emp = new Map(ev.employers.map((e) => [e.id, e]));
  const pairs = new Set<string>();
  for (const it of plan.interviews) {
    const key = `${it.candidateId}|${it.employerId}`;
    expect(pairs.has(key)).toBe(false);
    pairs.add(key);
    const c = cand.get(it.candidateId)!;
    const e = emp.get(it.employerId)!;
    expect(c.slotIds ?? [it.slotId]).toContain(it.slotId);
    expect(e.slotIds ?? [it.slotId]).toContain(it.slotId);
    expect(e.vacancyIds).toContain(it.vacancyId);
    expect(it.table).toBeGreaterThanOrEqual(1);
    expect(it.table).toBeLessThanOrEqual(e.tables ?? 1);
    expect([it.start, it.end]).toEqual([slot.get(it.slotId)!.start, slot.get(it.slotId)!.end]);
  }
  for (const a of plan.interviews) {
    for (const b of plan.interviews) {
      if (a === b || !overlap(a.slotId, b.slotId)) continue;
      expect(a.candidateId === b.candidateId).toBe(false);
      if (a.employerId === b.employerId) expect(a.table).not.toBe(b.table);
    }
  }
  for (const c of ev.candidates) expect(plan.interviews.filter((i) => i.candidateId === c.id).length).toBeLessThanOrEqual(c.maxInterviews ?? 3);
  // Every candidate accounted for: interviewed, or unscheduled with a reason; employers likewise.
  const served = new Set(plan.interviews.map((i) => i.candidateId));
  expect(served.size + plan.unscheduled.length).toBe(ev.candidates.length);
  for (const u of plan.unscheduled) expect(served.has(u.id)).toBe(false);
  const busy = new Set(plan.interviews.map((i) => i.employerId));
  expect(busy.size + plan.idleEmployers.length).toBe(ev.employers.length);
  expect(plan.served).toBe(served.size);
  expect(plan.objective).toBeCloseTo(plan.interviews.reduce((s, i) => s + i.score, 0), 6);
}

describe('scheduleJobDating: validation', () => {
  it('names the field of each problem', async () => {
    const bad = {
      ...event,
      slots: [...SLOTS, { id: 's1', start: '11:00', end: '11:20' }],
      employers: [
        { id: 'e-x', vacancyIds: ['v-nowhere'], slotIds: ['s9'] },
        { id: 'e-x', vacancyIds: [event.employers[0].vacancyIds[0]] },
      ],
      candidates: [{ id: 'c-nobody' }, { id: 'c-nobody' }],
    };
    expect(await issuesOf(() => scheduleJobDating(bad, batch))).toEqual([
      { code: 'duplicate_id', path: 'slots[5].id' },
      { code: 'duplicate_id', path: 'employers[1].id' },
      { code: 'duplicate_id', path: 'candidates[1].id' },
      { code: 'unknown_id', path: 'employers[0].slotIds[0]' },
      { code: 'unknown_id', path: 'employers[0].vacancyIds[0]' },
      { code: 'unknown_id', path: 'candidates[0].id' },
      { code: 'unknown_id', path: 'candidates[1].id' },
    ]);
  });

  it('checks shapes, times and options with zod', async () => {
    const bad = { ...event, date: '2026-02-30', slots: [{ id: 's1', start: '9:00', end: '09:20' }, { id: 's2', start: '10:00', end: '09:40' }], extra: 1 };
    expect(await issuesOf(() => scheduleJobDating(bad, batch, { timeLimitSeconds: -1 }))).toEqual([
      { code: 'invalid_date', path: 'date' },
      { code: 'invalid_format', path: 'slots[0].start' },
      { code: 'invalid_range', path: 'slots[1].end' },
      { code: 'unrecognized_keys', path: 'extra' },
      { code: 'too_small', path: 'options.timeLimitSeconds' },
    ]);
    expect(await issuesOf(() => scheduleJobDating(event, batch, { method: 'magic' } as never))).toEqual([{ code: 'invalid_value', path: 'options.method' }]);
    expect(await issuesOf(() => scheduleJobDating(null, batch))).toEqual([{ code: 'not_an_object', path: '' }]);
  });

  it('reports a batch whose vacancy member answers something else than a vacancy as unreadable', async () => {
    // A mimic of the batch (its members bound), whose vacancy() answers a symbol, a record without
    // a job, or throws: the convocations name each vacancy's job, read from it.
    const members = Object.fromEntries(Object.keys(batch).map((k) => {
      const m = (batch as unknown as Record<string, unknown>)[k];
      return [k, typeof m === 'function' ? m.bind(batch) : m];
    }));
    for (const vacancy of [() => Symbol('s'), () => ({ id: 'v' }), () => { throw new Error('boom'); }]) {
      const mimic = { ...members, vacancy } as unknown as BatchResult;
      expect(await issuesOf(() => scheduleJobDating(event, mimic, { method: 'heuristic', timeLimitSeconds: 2 }))).toEqual([{ code: 'unreadable', path: 'batch' }]);
    }
  });
});

describe('scheduleJobDating on an Orne batch', () => {
  let plan: JobDatingSchedule;
  beforeAll(async () => {
    plan = await scheduleJobDating(event, batch);
  });

  it('keeps every rule and accounts for everyone; proven optimal', () => {
    checkRules(event, plan);
    expect(plan.optimal).toBe(true);
    expect(plan.gap).toEqual({ served: 0, objective: 0 });
    expect(plan.interviews.length).toBeGreaterThan(10);
  });

  it('meets only eligible pairs, about the employer vacancy that suits the candidate best', () => {
    for (const it of plan.interviews) {
      const m = batch.explain(it.candidateId, it.vacancyId);
      expect(m.eligible).toBe(true);
      expect(it.score).toBeCloseTo(m.score, 9);
      for (const [v, e] of employerOf) {
        if (e !== it.employerId || v === it.vacancyId) continue;
        const other = batch.explain(it.candidateId, v);
        if (other.eligible) expect(other.score < it.score || (other.score === it.score && it.vacancyId < v)).toBe(true);
      }
    }
  });

  it('gives each unscheduled candidate the reason that holds', () => {
    const reasons = new Map(plan.unscheduled.map((u) => [u.id, u.reason]));
    // The two candidates the batch matched nowhere.
    expect(reasons.get(event.candidates.at(-1)!.id)).toBe('no_eligible_employer');
    expect(reasons.get(event.candidates.at(-2)!.id)).toBe('no_eligible_employer');
    for (const u of plan.unscheduled) {
      const c = event.candidates.find((x) => x.id === u.id)!;
      const eligible = event.employers.filter((e) => e.vacancyIds.some((v) => batch.explain(c.id, v).eligible));
      const meet = eligible.filter((e) => (e.slotIds ?? SLOTS.map((s) => s.id)).some((s) => (c.slotIds ?? [s]).includes(s)));
      expect(u.reason).toBe(eligible.length === 0 ? 'no_eligible_employer' : meet.length === 0 ? 'no_common_slot' : 'capacity');
    }
  });

  it('prints French convocations: times, tables, codes beside', () => {
    const c = plan.convocations.candidates.find((x) => x.code === 'convoked')!;
    expect(c.lines[0]).toMatch(/^Candidat·e \S+ — job dating du 10 décembre 2026 : \d entretiens?$/);
    expect(c.lines[1]).toMatch(/^ {2}\d{1,2} h \d\d – \d{1,2} h \d\d · employeur \S+, table \d · offre \S+ .* · score \d+\/100$/);
    const none = plan.convocations.candidates.find((x) => x.code === 'no_eligible_employer')!;
    expect(none.lines.at(-1)).toMatch(/Aucun employeur présent/);
    expect(none.lines.join(' ')).not.toMatch(/no_eligible_employer/);
    expect(plan.convocations.candidates).toHaveLength(event.candidates.length);
    expect(plan.convocations.employers).toHaveLength(event.employers.length);
  });

  it('tells employers times, tables, candidate ids and vacancies only (two audiences)', () => {
    for (const e of plan.convocations.employers) {
      for (const it of e.interviews) expect(Object.keys(it).sort()).toEqual(['candidateId', 'end', 'slotId', 'start', 'table', 'vacancyId']);
      for (const line of e.lines) expect(line).not.toMatch(/score|\/100|RQTH|RSA|restriction|catégorie/i);
    }
  });

  it('is the same schedule whatever the order of the input', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer(), async (seed) => {
        const shuffle = <T>(xs: readonly T[]) => fc.sample(fc.shuffledSubarray([...xs], { minLength: xs.length }), { seed, numRuns: 1 })[0];
        const permuted = {
          ...event,
          slots: shuffle(event.slots),
          employers: shuffle(event.employers).map((e) => ({ ...e, vacancyIds: shuffle(e.vacancyIds) })),
          candidates: shuffle(event.candidates),
        };
        const again = await scheduleJobDating(permuted, batch);
        expect(again.interviews).toEqual(plan.interviews);
        expect(again.unscheduled).toEqual(plan.unscheduled);
        expect(again.convocations).toEqual(plan.convocations);
      }),
      { numRuns: 4 },
    );
  });

  it('the heuristic keeps every rule and reports a gap ≥ 0 against the exact optimum', async () => {
    const h = await scheduleJobDating(event, batch, { method: 'heuristic' });
    checkRules(event, h);
    expect(h.served).toBeLessThanOrEqual(plan.served);
    expect(h.bound.served).toBeGreaterThanOrEqual(plan.served);
    expect(h.gap.served).toBeGreaterThanOrEqual(0);
    expect(h.gap.objective).toBeGreaterThanOrEqual(0);
    if (h.served === plan.served) expect(h.bound.objective).toBeGreaterThanOrEqual(plan.objective - 1e-6);
  });

  it("pairs: 'lists' considers a subset of 'all' and never explains", async () => {
    const lists = await scheduleJobDating(event, batch, { pairs: 'lists' });
    checkRules(event, lists);
    expect(lists.stats.explained).toBe(0);
    expect(lists.stats.pairs).toBeLessThanOrEqual(plan.stats.pairs);
    expect(lists.served).toBeLessThanOrEqual(plan.served);
  });

  it('schedules near misses only when asked, each with one or two blockers', async () => {
    expect(plan.interviews.some((i) => i.nearMiss)).toBe(false);
    const wide = await scheduleJobDating(event, batch, { includeNearMisses: true });
    checkRules(event, wide);
    expect(wide.served).toBeGreaterThanOrEqual(plan.served);
    for (const it of wide.interviews) {
      const m = batch.explain(it.candidateId, it.vacancyId);
      if (it.nearMiss) {
        expect(m.eligible).toBe(false);
        expect(it.nearMiss).toEqual(m.blockers.map((b) => b.code));
        expect(it.nearMiss.length).toBeLessThanOrEqual(2);
      } else expect(m.eligible).toBe(true);
    }
  });
});

describe('scheduleJobDating: reasons on a hand-made event', () => {
  it('no_common_slot and capacity', async () => {
    const plan0 = await scheduleJobDating(event, batch);
    // An employer with two convoked candidates; the first of them alone with it at the event.
    const it = plan0.interviews.find((a) => plan0.interviews.some((b) => b.employerId === a.employerId && b.candidateId !== a.candidateId))!;
    const others = plan0.interviews.filter((i) => i.employerId === it.employerId && i.candidateId !== it.candidateId);
    const e = event.employers.find((x) => x.id === it.employerId)!;
    const small = {
      id: 'jd-small',
      date: '2026-12-10',
      slots: [SLOTS[0], SLOTS[1]],
      employers: [{ id: e.id, vacancyIds: e.vacancyIds, tables: 1, slotIds: ['s1'] }],
      candidates: [{ id: it.candidateId, slotIds: ['s2'] }],
    };
    const a = await scheduleJobDating(small, batch);
    expect(a.unscheduled).toEqual([{ id: it.candidateId, reason: 'no_common_slot', message: expect.stringMatching(/aucun de ses créneaux/) }]);
    expect(a.idleEmployers.map((x) => x.reason)).toEqual(['no_common_slot']);
    // Two candidates, one table, one slot: one of them waits, for capacity.
    const two = { ...small, candidates: [{ id: it.candidateId }, { id: others[0].candidateId }] };
    const b = await scheduleJobDating(two, batch);
    expect(b.interviews).toHaveLength(1);
    expect(b.unscheduled.map((u) => u.reason)).toEqual(['capacity']);
    // The better-scored candidate gets the table.
    const scores = [it, others[0]].map((x) => batch.explain(x.candidateId, x.vacancyId).score);
    expect(b.interviews[0].score).toBeCloseTo(Math.max(...scores), 6);
  });
});

describe('scheduleJobDating: an event with nobody to meet', () => {
  it('accounts for every employer, proven (nothing to schedule)', async () => {
    const plan = await scheduleJobDating({ ...event, candidates: [] }, batch);
    expect(plan.interviews).toEqual([]);
    expect(plan.optimal).toBe(true);
    expect(plan.idleEmployers.map((e) => e.reason)).toEqual(event.employers.map(() => 'no_eligible_candidate'));
  });
});
