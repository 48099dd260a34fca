/**
 * Convocations in French: one per candidate (advisor audience: scores, and why not when there is
 * no interview) and one per employer (employer audience, MODEL.md "Two audiences": times, tables,
 * candidate ids and vacancies only — no score, since a positive-action bonus could carry a public
 * category into it, and no reason). Codes stay in their fields, beside the sentences.
 */
import { defaultReferential } from '../referential/index.js';
import { jobName } from '../explain/labels.js';
import { formatDate, formatNumber, formatTime, plural } from '../format/french.js';
import { type JobDatingEvent, minutesOf } from './event.js';
import { byCodePoint } from './pairs.js';
import type { JobDatingSchedule } from './schedule.js';

/** Why a candidate has no interview. */
export const UNSCHEDULED_REASONS = {
  no_eligible_employer: "Aucun employeur présent n'a d'offre pour laquelle ce·tte candidat·e est éligible.",
  no_common_slot: "Les employeurs présents pour lesquels ce·tte candidat·e est éligible ne reçoivent sur aucun de ses créneaux.",
  capacity:
    'Les tables des employeurs compatibles sont prises sur ses créneaux : le planning reçoit le plus grand nombre possible de candidat·es, et l’inclure en laisserait un·e autre sans entretien.',
  capacity_unproven:
    'Les tables des employeurs compatibles sont prises sur ses créneaux dans le meilleur planning trouvé (non prouvé optimal dans le temps imparti).',
} as const;
export type UnscheduledReason = Exclude<keyof typeof UNSCHEDULED_REASONS, 'capacity_unproven'>;

/** Why an employer has no interview. */
export const IDLE_REASONS = {
  no_eligible_candidate: "Aucun·e candidat·e présent·e n'est éligible à ses offres.",
  no_common_slot: "Les candidat·es éligibles à ses offres ne sont disponibles sur aucun de ses créneaux.",
  not_chosen: 'Les candidat·es éligibles à ses offres ont leurs entretiens ailleurs dans le planning retenu (nombre maximal atteint ou créneaux déjà pris).',
} as const;
export type IdleReason = keyof typeof IDLE_REASONS;

export interface CandidateConvocation {
  candidateId: string;
  /** `convoked`, or the reason code of `unscheduled`. */
  code: 'convoked' | UnscheduledReason;
  interviews: { slotId: string; start: string; end: string; employerId: string; vacancyId: string; table: number; score: number }[];
  lines: string[];
}

export interface EmployerConvocation {
  employerId: string;
  interviews: { slotId: string; start: string; end: string; table: number; candidateId: string; vacancyId: string }[];
  lines: string[];
}

/** The ROME fiche of each vacancy an event presents (`vacancyJobs`). */
type VacancyJobs = ReadonlyMap<string, string>;

/**
 * The fiche of each vacancy the event's employers present, read once from the caller's batch. A
 * record of another shape throws, so that `callerCode` reports the batch as unreadable.
 */
export function vacancyJobs(event: JobDatingEvent, batch: { vacancy(id: string): unknown }): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of event.employers) {
    for (const id of e.vacancyIds) {
      const v = batch.vacancy(id);
      if (v === undefined) continue;
      const rome = typeof v === 'object' && v !== null ? (v as { job?: { rome?: unknown } }).job?.rome : undefined;
      if (typeof rome !== 'string') throw new TypeError(`vacancy ${id}: no job.rome`);
      out.set(id, rome);
    }
  }
  return out;
}

const hours = (start: string, end: string) => `${formatTime(minutesOf(start))} – ${formatTime(minutesOf(end))}`;

function vacancyLabel(jobs: VacancyJobs, id: string): string {
  const rome = jobs.get(id);
  const name = rome === undefined ? undefined : jobName(defaultReferential, rome);
  return name === undefined ? `offre ${id}` : `offre ${id} (${name})`;
}

const count = (n: number) => `${formatNumber(n, 0)} ${plural(n, 'entretien', 'entretiens')}`;

export function candidateConvocations(event: JobDatingEvent, schedule: JobDatingSchedule, jobs: VacancyJobs): CandidateConvocation[] {
  const why = new Map(schedule.unscheduled.map((u) => [u.id, u]));
  const mine = new Map<string, JobDatingSchedule['interviews']>();
  for (const it of schedule.interviews) (mine.get(it.candidateId) ?? mine.set(it.candidateId, []).get(it.candidateId)!).push(it);
  const day = formatDate(event.date);
  return [...event.candidates]
    .sort((a, b) => byCodePoint(a.id, b.id))
    .map(({ id }) => {
      const its = mine.get(id) ?? [];
      const u = why.get(id);
      const lines = [`Candidat·e ${id} — job dating du ${day} : ${its.length === 0 ? 'aucun entretien' : count(its.length)}`];
      for (const it of its) {
        lines.push(
          `  ${hours(it.start, it.end)} · employeur ${it.employerId}, table ${it.table} · ${vacancyLabel(jobs, it.vacancyId)} · score ${formatNumber(it.score, 0)}/100${it.nearMiss ? ' · presque éligible, à voir avec la plateforme' : ''}`,
        );
      }
      if (u) lines.push(`  ${u.message}`);
      return {
        candidateId: id,
        code: u ? u.reason : 'convoked',
        interviews: its.map(({ slotId, start, end, employerId, vacancyId, table, score }) => ({ slotId, start, end, employerId, vacancyId, table, score })),
        lines,
      };
    });
}

export function employerConvocations(event: JobDatingEvent, schedule: JobDatingSchedule, jobs: VacancyJobs): EmployerConvocation[] {
  const mine = new Map<string, JobDatingSchedule['interviews']>();
  for (const it of schedule.interviews) (mine.get(it.employerId) ?? mine.set(it.employerId, []).get(it.employerId)!).push(it);
  const day = formatDate(event.date);
  return [...event.employers]
    .sort((a, b) => byCodePoint(a.id, b.id))
    .map((e) => {
      const its = mine.get(e.id) ?? [];
      const lines = [
        `Employeur ${e.id} — job dating du ${day} : ${its.length === 0 ? 'aucun entretien' : count(its.length)}, ${formatNumber(e.tables, 0)} ${plural(e.tables, 'table', 'tables')}`,
      ];
      for (const it of its) lines.push(`  ${hours(it.start, it.end)} · table ${it.table} · candidat·e ${it.candidateId} · ${vacancyLabel(jobs, it.vacancyId)}`);
      return {
        employerId: e.id,
        interviews: its.map(({ slotId, start, end, table, candidateId, vacancyId }) => ({ slotId, start, end, table, candidateId, vacancyId })),
        lines,
      };
    });
}
