/** engine.recommendPathways: the pure pathway recommender, fed with the engine's reach and eligibility. */
import type { Candidate } from '../schema/candidate.js';
import type { TrainingSession } from '../schema/training.js';
import { recommendPathways as recommend, type Pathway, type PathwayOptions } from '../pathways/index.js';
import { PasserelleInputError } from '../errors.js';
import { validateBatch } from '../validate/index.js';
import { B_COMMUTE, B_FRENCH, B_LEGAL, B_LICENCE, B_REQUIRED } from '../kernel/kernel.js';
import { FRENCH_RANK } from '../scoring/model.js';
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

/** A catalogue is validated once per array: platforms pass the same one for every candidate. */
const parsedSessions = new WeakMap<readonly unknown[], TrainingSession[]>();

export function parseSessions(engine: Engine, sessions: readonly unknown[] | undefined): TrainingSession[] {
  if (sessions === undefined) return [];
  const cached = parsedSessions.get(sessions);
  if (cached !== undefined) return cached;
  const parsed = validateSessions(engine, sessions);
  parsedSessions.set(sessions, parsed);
  return parsed;
}

function validateSessions(engine: Engine, sessions: readonly unknown[]): TrainingSession[] {
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
  const { scratchCandidate, kernelFor, ctx } = engine.internals;
  // One scan of the vacancies in reach gives every blocker mask; what a pathway unlocks (a
  // certification, the licence, a French level) is then read off the masks, without rescanning.
  const reachable: { vi: number; mask: number; legal: readonly string[]; required: readonly string[] }[] = [];
  const none: readonly string[] = [];
  if (vacancies !== undefined) {
    const cols = scratchCandidate(candidate);
    const kernel = kernelFor(cols, vacancies.cols);
    const { grid, overflow } = vacancies.grid();
    scanVacanciesForCandidate(kernel, grid, overflow, 0, cols.reach[0], {
      top: null, near: null, masksOnly: true,
      visit: (vi, mask) => {
        if ((mask & B_COMMUTE) !== 0) return;
        const v = vacancies.records[vi];
        const legal = (mask & B_LEGAL) === 0 ? none : ctx.legalCerts[ctx.romeIndex.get(v.job.rome) ?? -1] ?? none;
        const required = (mask & B_REQUIRED) === 0 ? none : v.requires.certifications ?? none;
        reachable.push({ vi, mask, legal, required });
      },
    });
    // In id order, so the unlocked ids come out sorted.
    const ids = vacancies.ids;
    reachable.sort((a, b) => (ids[a.vi] < ids[b.vi] ? -1 : 1));
  }
  const held = new Set(candidate.qualifications.filter((q) => q.blocks === undefined).map((q) => q.code));
  const ownFrench = candidate.frenchLevel === undefined ? 0 : FRENCH_RANK[candidate.frenchLevel];
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
        if (vacancies === undefined) return [];
        const added = c.qualifications.filter((q) => q.blocks === undefined && !held.has(q.code)).map((q) => q.code);
        const licence = c.mobility.drivingLicence && !candidate.mobility.drivingLicence;
        const french = c.frenchLevel === undefined ? 0 : FRENCH_RANK[c.frenchLevel];
        const ids: string[] = [];
        for (const { vi, mask, legal, required } of reachable) {
          let lifted = 0;
          if (mask !== 0) {
            if (added.some((code) => legal.includes(code))) lifted |= B_LEGAL;
            if (added.some((code) => required.includes(code))) lifted |= B_REQUIRED;
            if (licence) lifted |= B_LICENCE;
            if (french > ownFrench && french >= vacancies.cols.french[vi]) lifted |= B_FRENCH;
          }
          if ((mask & ~lifted) === 0) ids.push(vacancies.ids[vi]);
        }
        return ids;
      },
      vacancyById: (id) => vacancies?.get(id),
      demandByRome: () => {
        const counts = new Map<string, number>();
        for (const { vi } of reachable) {
          const rome = vacancies!.records[vi].job.rome;
          counts.set(rome, (counts.get(rome) ?? 0) + 1);
        }
        return [...counts].map(([rome, count]) => ({ rome, count })).sort((a, b) => b.count - a.count || (a.rome < b.rome ? -1 : 1));
      },
    },
  );
}
