/**
 * createEngine: the public face of the scoring core (src/core). Validates arguments at the edge,
 * explains what is returned, stamps versions; the core does the work.
 */
import type { Candidate } from '../schema/candidate.js';
import type { Vacancy } from '../schema/vacancy.js';
import { parseRecord, type Rejection } from '../validate/index.js';
import type { Audience, Match, Versions } from '../scoring/types.js';
import { createCore } from '../core/core.js';
import type { CandidateIndex, CandidateStore, VacancyIndex, VacancyStore } from '../core/indexes.js';
import type { EngineOptions, ResolvedOptions } from '../core/options.js';
import { MatchAllOptionsSchema, ScoreOptionsSchema, TopOptionsSchema, checkCallOptions, checkIndex } from './call-options.js';
import { computeCounterfactuals, type Counterfactual } from './counterfactuals.js';
import { matchAll, type MatchAllOptions, type BatchResult } from '../batch/matchAll.js';
import type { Pathway } from '../pathways/index.js';
import { recommendForCandidate, type RecommendOptions } from './pathways.js';

export interface TopOptions {
  /** How many eligible matches (default 20). */
  limit?: number;
  /** How many near misses, ineligible with one or two blockers (default 0). */
  nearMisses?: number;
  audience?: Audience;
}

export interface TopResult {
  matches: Match[];
  nearMisses: Match[];
}

export interface IndexResult<I> {
  index: I;
  rejected: Rejection[];
}

export type { CandidateIndex, VacancyIndex };

export interface Engine {
  readonly options: Readonly<ResolvedOptions>;
  readonly versions: Versions;
  /** Validates (nothing lost: rejections are returned) and compiles candidates. */
  indexCandidates(records: unknown): IndexResult<CandidateIndex>;
  indexVacancies(records: unknown): IndexResult<VacancyIndex>;
  /** One pair with its full explanation. */
  score(candidate: unknown, vacancy: unknown, options?: { audience?: Audience }): Match;
  /** Best eligible candidates for a vacancy (record, or id of a vacancy in `vacancyIndex`), plus near misses. */
  topCandidates(vacancy: unknown, candidates: CandidateIndex, options?: TopOptions): TopResult;
  /** Best eligible vacancies for a candidate, plus near misses. */
  topVacancies(candidate: unknown, vacancies: VacancyIndex, options?: TopOptions): TopResult;
  /**
   * A whole territory: every vacancy's shortlist, every candidate's best vacancies, every record
   * accounted for. Takes indexes, or raw arrays of records (validated; the invalid ones come back in
   * `rejected`).
   */
  matchAll(candidates: CandidateIndex | unknown[], vacancies: VacancyIndex | unknown[], options?: MatchAllOptions): Promise<BatchResult>;
  /** How many more vacancies each single change would make eligible for this candidate. */
  counterfactuals(candidate: unknown, vacancies: VacancyIndex): Counterfactual[];
  /** Training pathways toward a job, a vacancy or a near miss, best first (MODEL.md "Pathway"). */
  recommendPathways(candidate: unknown, options?: RecommendOptions): (Pathway & { versions: Versions })[];
}

/**
 * @example
 * const engine = createEngine({ today: '2026-11-23' });
 * const { index: candidates, rejected } = engine.indexCandidates(candidateRecords);
 * const { matches, nearMisses } = engine.topCandidates(vacancy, candidates, { limit: 10, nearMisses: 3 });
 * console.log(matches[0].score, matches[0].summary);
 */
export function createEngine(engineOptions?: EngineOptions): Engine {
  const core = createCore(engineOptions);
  const { options, versions } = core;
  const referential = options.referential;
  const asVacancy = (input: unknown): Vacancy => parseRecord('vacancy', input, referential);
  const asCandidate = (input: unknown): Candidate => parseRecord('candidate', input, referential);
  // checkIndex accepts only the core's own stores, built by this referential.
  const candidateStore = (value: unknown): CandidateStore => (checkIndex(value, 'candidates', 'candidates', referential), value as CandidateStore);
  const vacancyStore = (value: unknown): VacancyStore => (checkIndex(value, 'vacancies', 'vacancies', referential), value as VacancyStore);

  const engine: Engine = {
    options,
    versions,

    indexCandidates(records) {
      return core.indexCandidates(records);
    },

    indexVacancies(records) {
      return core.indexVacancies(records);
    },

    score(candidateInput, vacancyInput, opts) {
      const o = checkCallOptions(ScoreOptionsSchema, opts);
      const c = asCandidate(candidateInput);
      const v = asVacancy(vacancyInput);
      return core.score(c, v, o.audience ?? options.audience);
    },

    topCandidates(vacancyInput, candidatesInput, opts) {
      const candidates = candidateStore(candidatesInput);
      const o = checkCallOptions(TopOptionsSchema, opts);
      const v = asVacancy(vacancyInput);
      const audience = o.audience ?? options.audience;
      const { kernel, slots, nearSlots } = core.topCandidates(v, candidates, o.limit ?? 20, o.nearMisses ?? 0, audience);
      const explain = (ci: number) => core.explain(ci, 0, kernel, candidates.records[ci], v, audience);
      return { matches: Array.from(slots, explain), nearMisses: Array.from(nearSlots, explain) };
    },

    topVacancies(candidateInput, vacanciesInput, opts) {
      const vacancies = vacancyStore(vacanciesInput);
      const o = checkCallOptions(TopOptionsSchema, opts);
      const c = asCandidate(candidateInput);
      const audience = o.audience ?? options.audience;
      const { kernel, slots, nearSlots } = core.topVacancies(c, vacancies, o.limit ?? 20, o.nearMisses ?? 0, audience);
      const explain = (vi: number) => core.explain(0, vi, kernel, c, vacancies.records[vi], audience);
      return { matches: Array.from(slots, explain), nearMisses: Array.from(nearSlots, explain) };
    },

    matchAll(candidates, vacancies, opts) {
      let o: MatchAllOptions;
      try {
        // matchAll also takes raw arrays, validated and accounted for record by record.
        checkIndex(candidates, 'candidates', 'candidates', referential, true);
        checkIndex(vacancies, 'vacancies', 'vacancies', referential, true);
        o = checkCallOptions(MatchAllOptionsSchema, opts) as MatchAllOptions;
      } catch (e) {
        return Promise.reject(e);
      }
      return matchAll(core, candidates as CandidateStore | unknown[], vacancies as VacancyStore | unknown[], o);
    },

    counterfactuals(candidateInput, vacancies) {
      return computeCounterfactuals(core, asCandidate(candidateInput), vacancyStore(vacancies));
    },

    recommendPathways(candidateInput, opts) {
      // Every result carries the versions it was computed with, so a decision can be traced later.
      // The pathways are this call's own objects: stamped in place rather than copied.
      const pathways = recommendForCandidate(core, asCandidate(candidateInput), opts ?? {}) as (Pathway & { versions: Versions })[];
      for (const p of pathways) p.versions = versions;
      return pathways;
    },
  };
  return engine;
}
