/** engine.recommendPathways: the pure pathway recommender, fed with the engine's reach and eligibility. */
import type { Candidate } from '../schema/candidate.js';
import type { TrainingSession } from '../schema/training.js';
import { recommendPathways as recommend, type Pathway, type PathwayOptions } from '../pathways/index.js';
import { PasserelleInputError } from '../errors.js';
import { validateBatch } from '../validate/index.js';
import { B_COMMUTE } from '../kernel/kernel.js';
import type { Engine } from './engine.js';
import type { VacancyIndex } from './indexes.js';
import { scanVacanciesForCandidate } from './scan.js';

export interface RecommendOptions {
  /** A ROME code, a vacancy, a near miss from topCandidates/topVacancies, or nothing (the jobs most in demand within reach). */
  target?: PathwayOptions['target'];
  /** The local training offer (validated; an invalid session throws naming it). */
  sessions?: readonly unknown[];
  /** Vacancies for demand and for what each pathway unlocks. */
  vacancies?: VacancyIndex;
  today?: string;
  limit?: number;
}

export function parseSessions(engine: Engine, sessions: readonly unknown[] | undefined): TrainingSession[] {
  if (sessions === undefined) return [];
  const { valid, rejected } = validateBatch('trainingSession', sessions, { referential: engine.options.referential });
  if (rejected.length > 0) {
    const first = rejected[0];
    throw new PasserelleInputError(
      'trainingSession',
      first.issues.map((i) => ({ ...i, path: `sessions[${first.index}]${i.path ? `.${i.path}` : ''}` })),
      first.id,
    );
  }
  return valid;
}

export function recommendForCandidate(engine: Engine, candidate: Candidate, options: RecommendOptions): Pathway[] {
  const vacancies = options.vacancies;
  const { scratchCandidate, kernelFor } = engine.internals;
  const scan = (c: Candidate, visit: (vi: number, mask: number) => void) => {
    if (vacancies === undefined) return;
    const cols = scratchCandidate(c);
    const kernel = kernelFor(cols, vacancies.cols);
    const { grid, overflow } = vacancies.grid();
    scanVacanciesForCandidate(kernel, grid, overflow, 0, cols.reach[0], { top: null, near: null, visit });
  };
  return recommend(
    candidate,
    {
      target: options.target,
      sessions: parseSessions(engine, options.sessions),
      today: options.today ?? engine.options.today,
      limit: options.limit,
    },
    {
      referential: engine.options.referential,
      eligibleVacancies: (c) => {
        const ids: string[] = [];
        scan(c, (vi, mask) => { if (mask === 0) ids.push(vacancies!.ids[vi]); });
        return ids;
      },
      vacancyById: (id) => vacancies?.get(id),
      demandByRome: (c) => {
        const counts = new Map<string, number>();
        scan(c, (vi, mask) => {
          if ((mask & B_COMMUTE) !== 0) return;
          const rome = vacancies!.records[vi].job.rome;
          counts.set(rome, (counts.get(rome) ?? 0) + 1);
        });
        return [...counts].map(([rome, count]) => ({ rome, count })).sort((a, b) => b.count - a.count || (a.rome < b.rome ? -1 : 1));
      },
    },
  );
}
