/**
 * The demo's job dating: ten employers of the Orne demo territory meet the candidates their
 * vacancies shortlisted, in eight 20-minute slots, one morning. The event is picked by rule from
 * the batch, so the section stays meaningful if the data change.
 */
import { BLOCKER_LABELS, type BatchResult, type JobDatingSchedule, scheduleJobDating } from '../src/index.js';
import { formatDate, formatNumber } from '../src/format/french.js';

const SLOTS = ['09:00', '09:20', '09:40', '10:00', '10:20', '10:40', '11:00', '11:20', '11:40'];
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The event: the 10 employers whose vacancies shortlisted the most candidates, and those candidates. */
export function demoEvent(batch: BatchResult) {
  const byEmployer = new Map<string, string[]>();
  for (const v of batch.vacancyIds()) {
    const e = batch.vacancy(v)!.employerId;
    (byEmployer.get(e) ?? byEmployer.set(e, []).get(e)!).push(v);
  }
  const reach = (vs: string[]) => new Set(vs.flatMap((v) => batch.shortlist(v).map((m) => m.candidateId)));
  const employers = [...byEmployer]
    .map(([id, vacancyIds]) => ({ id, vacancyIds, n: reach(vacancyIds).size }))
    .sort((a, b) => b.n - a.n || cmp(a.id, b.id))
    .slice(0, 10)
    .sort((a, b) => cmp(a.id, b.id));
  const invited = [...reach(employers.flatMap((e) => e.vacancyIds))].sort(cmp).slice(0, 45);
  // Two invited candidates the batch found nothing for (a "why not" to show).
  const without = batch.unmatchedCandidates.map((u) => u.id).sort(cmp).slice(0, 2);
  const slots = SLOTS.slice(0, -1).map((start, i) => ({ id: `s${i + 1}`, start, end: SLOTS[i + 1] }));
  return {
    id: 'jd-orne-demo',
    date: '2026-12-10',
    slots,
    employers: employers.map((e, i) => ({
      id: e.id,
      vacancyIds: e.vacancyIds,
      tables: e.vacancyIds.length > 1 ? 2 : 1,
      // The third employer comes for the second half of the morning only.
      ...(i === 2 ? { slotIds: slots.slice(4).map((s) => s.id) } : {}),
    })),
    candidates: [...invited, ...without].map((id, i) => ({
      id,
      // Every fifth candidate is available in the first hour only, and meets at most two employers.
      ...(i % 5 === 0 ? { slotIds: ['s1', 's2', 's3'], maxInterviews: 2 } : {}),
    })),
  };
}

const pad = (s: string | number, n: number) => String(s).padEnd(n);

export async function runJobDatingDemo(batch: BatchResult, print: (line: string) => void): Promise<JobDatingSchedule> {
  const event = demoEvent(batch);
  const plan = await scheduleJobDating(event, batch, { timeLimitSeconds: 30 });
  print(
    `  ${event.employers.length} employeurs × ${event.candidates.length} candidat·es × ${event.slots.length} créneaux, le ${formatDate(event.date)} ; ${plan.stats.pairs} paires possibles`,
  );
  print(
    `  ${plan.interviews.length} entretiens ; ${plan.served} candidat·es reçu·es sur ${event.candidates.length} ; score total ${formatNumber(plan.objective, 1)} ; ${plan.optimal ? 'optimum prouvé (HiGHS)' : `non prouvé, écart ≤ ${formatNumber(plan.gap.objective, 1)} points`}`,
  );
  print('  Convocations (candidat·es, trois premières) :');
  for (const c of plan.convocations.candidates.filter((x) => x.code === 'convoked').slice(0, 3)) for (const l of c.lines) print(`    ${l}`);
  print('  Convocations (employeurs, deux premiers) :');
  for (const e of plan.convocations.employers.slice(0, 2)) for (const l of e.lines) print(`    ${l}`);
  print(`  Sans entretien (${plan.unscheduled.length}) :`);
  for (const u of plan.unscheduled) print(`    ${pad(u.id, 6)} ${pad(`[${u.reason}]`, 24)} ${u.message}`);
  // One candidate's "why not" in full: the vacancies of the event they came closest to.
  const shown = plan.unscheduled.find((u) => u.reason === 'no_eligible_employer');
  if (shown) {
    const closest = event.employers
      .flatMap((e) => e.vacancyIds.map((v) => batch.explain(shown.id, v)))
      .sort((a, b) => a.blockers.length - b.blockers.length || b.score - a.score || cmp(a.vacancyId, b.vacancyId))
      .slice(0, 2);
    print(`  Pourquoi ${shown.id} n'a pas d'entretien [${shown.reason}] : offres les plus proches —`);
    for (const m of closest) {
      for (const b of m.blockers) print(`    ${m.vacancyId} : ${(BLOCKER_LABELS as Record<string, string>)[b.code] ?? b.code} — ${b.message} [${b.code}]`);
    }
  }
  return plan;
}
