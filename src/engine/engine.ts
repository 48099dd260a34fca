/**
 * createEngine: the public face of the scoring core. Validation at the edge, compiled indexes,
 * the kernel over them, and explanations built only for what is returned.
 */
import type { Candidate } from '../schema/candidate.js';
import { categoryCodes } from '../schema/categories.js';
import type { Vacancy } from '../schema/vacancy.js';
import { CandidateColumns } from '../encode/candidates.js';
import { VacancyColumns } from '../encode/vacancies.js';
import { createEncodingContext, type EncodingContext } from '../encode/context.js';
import { Kernel } from '../kernel/kernel.js';
import { NearMissTopK, TopK } from '../rank/topk.js';
import { explainMatch, shownBlockerCodes, shownScore } from '../explain/index.js';
import { parseRecord, type Rejection } from '../validate/index.js';
import type { Audience, Match, Versions } from '../scoring/types.js';
import { ROME_VERSION } from '../referential/rome/index.js';
import { ENGINE_VERSION } from '../version.js';
import { CandidateIndex, VacancyIndex } from './indexes.js';
import { resolveOptions, type EngineOptions, type ResolvedOptions } from './options.js';
import { toEvaluation, toScoreParts } from './evaluation.js';
import { scanCandidatesForVacancy, scanVacanciesForCandidate } from './scan.js';
import { MatchAllOptionsSchema, ScoreOptionsSchema, TopOptionsSchema, checkCallOptions, checkIndex } from './call-options.js';
import { computeCounterfactuals, type Counterfactual } from './counterfactuals.js';
import { matchAll, type MatchAllOptions, type BatchResult, type PairVerdict } from '../batch/matchAll.js';
import type { Pathway } from '../pathways/index.js';
import { recommendForCandidate, type RecommendOptions } from './pathways.js';
import { TO_DISCUSS_MASK } from '../scoring/model.js';

/** Near misses count blockers as the audience sees them: the employer's `to_discuss` is one. */
const sharedBlockers = (audience: Audience): number => (audience === 'employer' ? TO_DISCUSS_MASK : 0);

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
  /** Internal pieces for the pathways module and the batch (not part of the stable API). */
  readonly internals: EngineInternals;
}

export interface EngineInternals {
  ctx: EncodingContext;
  options: ResolvedOptions;
  kernelFor(c: CandidateColumns, v: VacancyColumns): Kernel;
  explain(ci: number, vi: number, kernel: Kernel, c: Candidate, v: Vacancy, audience: Audience): Match;
  /** What `explain` would say of eligibility, score and blocker codes, without building its text. */
  verdict(ci: number, vi: number, kernel: Kernel, c: Candidate, audience: Audience): PairVerdict;
  /** Encodes a candidate into scratch columns (slot 0). */
  scratchCandidate(c: Candidate): CandidateColumns;
  scratchVacancy(v: Vacancy): VacancyColumns;
}

/**
 * @example
 * const engine = createEngine({ today: '2026-11-23' });
 * const { index: candidates, rejected } = engine.indexCandidates(candidateRecords);
 * const { matches, nearMisses } = engine.topCandidates(vacancy, candidates, { limit: 10, nearMisses: 3 });
 * console.log(matches[0].score, matches[0].summary);
 */
export function createEngine(engineOptions?: EngineOptions): Engine {
  const options = resolveOptions(engineOptions);
  const ctx = createEncodingContext(options.referential);
  const referential = options.referential;
  const versions: Versions = { engine: ENGINE_VERSION, referential: referential.version, rome: ROME_VERSION };
  const bonusOf = (c: Candidate): number => {
    if (options.positiveAction === null) return 0;
    let b = 0;
    for (const k of categoryCodes(c.categories)) b += options.positiveAction[k] ?? 0;
    return b;
  };
  const scratchC = new CandidateColumns(ctx.certWords, ctx.skillWords);
  const scratchV = new VacancyColumns(ctx.certWords, ctx.skillWords);

  const kernelFor = (c: CandidateColumns, v: VacancyColumns) =>
    new Kernel(c, v, options.weights, ctx.related, ctx.romeCount, options.positiveActionWeight);

  const explain = (ci: number, vi: number, kernel: Kernel, c: Candidate, v: Vacancy, audience: Audience): Match => {
    const score = kernel.evaluate(ci, vi);
    const evaluation = toEvaluation(kernel, score, c, v, options.weights, options, ctx);
    return explainMatch(evaluation, c, v, { referential, audience, today: options.today, versions });
  };

  const verdict = (ci: number, vi: number, kernel: Kernel, c: Candidate, audience: Audience): PairVerdict => {
    const parts = toScoreParts(kernel, kernel.evaluate(ci, vi), c, options.weights, options);
    return { eligible: parts.eligible, score: shownScore(parts, audience), blockers: shownBlockerCodes(parts.blockers, audience) };
  };

  const scratchCandidate = (c: Candidate): CandidateColumns => {
    scratchC.clear();
    scratchC.push(c, ctx, bonusOf(c));
    return scratchC;
  };
  const scratchVacancy = (v: Vacancy): VacancyColumns => {
    scratchV.clear();
    scratchV.push(v, ctx);
    return scratchV;
  };

  const asVacancy = (input: unknown): Vacancy => parseRecord('vacancy', input, referential);
  const asCandidate = (input: unknown): Candidate => parseRecord('candidate', input, referential);

  const internals: EngineInternals = { ctx, options, kernelFor, explain, verdict, scratchCandidate, scratchVacancy };

  const engine: Engine = {
    options,
    versions,
    internals,

    indexCandidates(records) {
      const index = new CandidateIndex(ctx, bonusOf);
      return { index, rejected: index.insertBatch(records, referential) };
    },

    indexVacancies(records) {
      const index = new VacancyIndex(ctx);
      return { index, rejected: index.insertBatch(records, referential) };
    },

    score(candidateInput, vacancyInput, opts) {
      const o = checkCallOptions(ScoreOptionsSchema, opts);
      const c = asCandidate(candidateInput);
      const v = asVacancy(vacancyInput);
      const kernel = kernelFor(scratchCandidate(c), scratchVacancy(v));
      return explain(0, 0, kernel, c, v, o.audience ?? options.audience);
    },

    topCandidates(vacancyInput, candidates, opts) {
      checkIndex(candidates, 'candidates', 'candidates', referential);
      const o = checkCallOptions(TopOptionsSchema, opts);
      const v = asVacancy(vacancyInput);
      const limit = o.limit ?? 20;
      const nNear = o.nearMisses ?? 0;
      const audience = o.audience ?? options.audience;
      // The grid first: building it may renumber the candidates' columns.
      const { overflow } = candidates.grid();
      const kernel = kernelFor(candidates.cols, scratchVacancy(v));
      const top = new TopK(limit, candidates.ids);
      const near = nNear > 0 ? new NearMissTopK(nNear, candidates.ids, sharedBlockers(audience)) : null;
      const grid = candidates.gridFor(kernel.v, 0, near !== null);
      scanCandidatesForVacancy(kernel, grid, overflow, 0, { top, near, candidateBank: null, withoutBonus: audience === 'employer' });
      const slots = new Int32Array(top.size);
      const scores = new Float64Array(top.size);
      top.drainInto(slots, scores);
      return {
        matches: Array.from(slots, (ci) => explain(ci, 0, kernel, candidates.records[ci], v, audience)),
        nearMisses: near === null ? [] : near.sorted().map((e) => explain(e.slot, 0, kernel, candidates.records[e.slot], v, audience)),
      };
    },

    topVacancies(candidateInput, vacancies, opts) {
      checkIndex(vacancies, 'vacancies', 'vacancies', referential);
      const o = checkCallOptions(TopOptionsSchema, opts);
      const c = asCandidate(candidateInput);
      const limit = o.limit ?? 20;
      const nNear = o.nearMisses ?? 0;
      const audience = o.audience ?? options.audience;
      const cols = scratchCandidate(c);
      const kernel = kernelFor(cols, vacancies.cols);
      const top = new TopK(limit, vacancies.ids);
      const near = nNear > 0 ? new NearMissTopK(nNear, vacancies.ids, sharedBlockers(audience)) : null;
      const { grid, overflow } = vacancies.grid();
      const reach = near === null ? cols.reach[0] : cols.reachNear[0];
      scanVacanciesForCandidate(kernel, grid, overflow, 0, reach, { top, near, visit: null, withoutBonus: audience === 'employer' });
      const slots = new Int32Array(top.size);
      const scores = new Float64Array(top.size);
      top.drainInto(slots, scores);
      // Explanations re-encode the candidate into the same scratch columns: read them now.
      const matches = Array.from(slots, (vi) => explain(0, vi, kernel, c, vacancies.records[vi], audience));
      const nearMisses = near === null ? [] : near.sorted().map((e) => explain(0, e.slot, kernel, c, vacancies.records[e.slot], audience));
      return { matches, nearMisses };
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
      return matchAll(engine, candidates, vacancies, o);
    },

    counterfactuals(candidateInput, vacancies) {
      checkIndex(vacancies, 'vacancies', 'vacancies', referential);
      return computeCounterfactuals(engine, asCandidate(candidateInput), vacancies);
    },

    recommendPathways(candidateInput, opts) {
      // Every result carries the versions it was computed with, so a decision can be traced later.
      // The pathways are this call's own objects: stamped in place rather than copied.
      const pathways = recommendForCandidate(engine, asCandidate(candidateInput), opts ?? {}) as (Pathway & { versions: Versions })[];
      for (const p of pathways) p.versions = versions;
      return pathways;
    },
  };
  return engine;
}
