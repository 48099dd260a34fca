/**
 * The scoring core: resolved options, the compiled referential, indexes, kernels, scans and
 * explanations of returned pairs. The public engine (src/engine) is a facade over it; the batch,
 * counterfactuals and the pathway glue work on a core, never on the facade.
 */
import type { Candidate } from '../schema/candidate.js';
import type { Vacancy } from '../schema/vacancy.js';
import { categoryCodes } from '../schema/categories.js';
import { CandidateColumns } from '../encode/candidates.js';
import { VacancyColumns } from '../encode/vacancies.js';
import { createEncodingContext, type EncodingContext } from '../encode/context.js';
import { Kernel } from '../kernel/kernel.js';
import { explainMatch, shownBlockerCodes, shownScore } from '../explain/index.js';
import type { Rejection } from '../validate/index.js';
import { TO_DISCUSS_MASK, type MatchBlockerCode } from '../scoring/model.js';
import { NearMissTopK, TopK } from '../rank/topk.js';
import { scanCandidatesForVacancy, scanVacanciesForCandidate } from './scan.js';
import type { Audience, Match, Versions } from '../scoring/types.js';
import { ROME_VERSION } from '../referential/rome/index.js';
import { ENGINE_VERSION } from '../version.js';
import { CandidateStore, VacancyStore } from './indexes.js';
import { resolveOptions, type EngineOptions, type ResolvedOptions } from './options.js';
import { toEvaluation, toScoreParts } from './evaluation.js';

/** A pair as `explain` judges it, without its sentences: what a scheduler needs by the thousand. */
export interface PairVerdict {
  eligible: boolean;
  /** The score `explain` shows for the same audience. */
  score: number;
  /** `explain`'s `blockers[].code`, in its order. */
  blockers: MatchBlockerCode[];
}

export interface Core {
  readonly options: ResolvedOptions;
  readonly ctx: EncodingContext;
  readonly versions: Versions;
  /** Validates (every rejection returned) and encodes a batch into a new index. */
  indexCandidates(records: unknown): { index: CandidateStore; rejected: Rejection[] };
  indexVacancies(records: unknown): { index: VacancyStore; rejected: Rejection[] };
  kernelFor(c: CandidateColumns, v: VacancyColumns): Kernel;
  /** The full explained Match of slots (ci, vi) of the kernel's columns, holding records c and v. */
  explain(ci: number, vi: number, kernel: Kernel, c: Candidate, v: Vacancy, audience: Audience): Match;
  /** What `explain` would say of eligibility, score and blocker codes, without building its text. */
  verdict(ci: number, vi: number, kernel: Kernel, c: Candidate, audience: Audience): PairVerdict;
  /** One pair of validated records, explained. */
  score(c: Candidate, v: Vacancy, audience: Audience): Match;
  /** Encodes a candidate into scratch columns (slot 0), reused by the next call. */
  scratchCandidate(c: Candidate): CandidateColumns;
  scratchVacancy(v: Vacancy): VacancyColumns;
  /** Slots of a vacancy's best candidates and near misses, best first, with the kernel that scored them (scratch vacancy at slot 0). */
  topCandidates(v: Vacancy, candidates: CandidateStore, limit: number, nearMisses: number, audience: Audience): TopSlots;
  /** Slots of a candidate's best vacancies and near misses (scratch candidate at slot 0). */
  topVacancies(c: Candidate, vacancies: VacancyStore, limit: number, nearMisses: number, audience: Audience): TopSlots;
}

export interface TopSlots {
  kernel: Kernel;
  slots: Int32Array;
  nearSlots: Int32Array;
}

/** Near misses count blockers as the audience sees them: the employer's `to_discuss` is one. */
const sharedBlockers = (audience: Audience): number => (audience === 'employer' ? TO_DISCUSS_MASK : 0);

/** The kept slots of a top-k and of its near misses, best first. */
function drained(kernel: Kernel, top: TopK, near: NearMissTopK | null): TopSlots {
  const slots = new Int32Array(top.size);
  top.drainInto(slots, new Float64Array(top.size));
  return { kernel, slots, nearSlots: near === null ? new Int32Array(0) : Int32Array.from(near.sorted(), (e) => e.slot) };
}

/** @throws PasserelleInputError('options') naming the field. */
export function createCore(engineOptions?: EngineOptions): Core {
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
    new Kernel(c, v, options.weights, ctx.related, ctx.romeCount, ctx.jobBit, options.positiveActionWeight);
  // One kernel per candidate columns for one-vacancy queries (the scratch vacancy is always the
  // same columns): its shortlist bound and per-candidate scratch are allocated once, not per query.
  const queryKernels = new WeakMap<CandidateColumns, Kernel>();
  const queryKernel = (c: CandidateColumns): Kernel => {
    let k = queryKernels.get(c);
    if (k === undefined) queryKernels.set(c, (k = kernelFor(c, scratchV)));
    return k;
  };

  const explain = (ci: number, vi: number, kernel: Kernel, c: Candidate, v: Vacancy, audience: Audience): Match => {
    const score = kernel.evaluate(ci, vi);
    const evaluation = toEvaluation(kernel, score, c, v, options.weights, options, ctx);
    return explainMatch(evaluation, c, v, { referential, audience, today: options.today, versions });
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

  return {
    options,
    ctx,
    versions,
    indexCandidates(records) {
      const index = new CandidateStore(ctx, bonusOf);
      return { index, rejected: index.insertBatch(records, referential) };
    },
    indexVacancies(records) {
      const index = new VacancyStore(ctx);
      return { index, rejected: index.insertBatch(records, referential) };
    },
    kernelFor,
    explain,
    verdict(ci, vi, kernel, c, audience) {
      const parts = toScoreParts(kernel, kernel.evaluate(ci, vi), c, options.weights, options);
      return { eligible: parts.eligible, score: shownScore(parts, audience), blockers: shownBlockerCodes(parts.blockers, audience) };
    },
    score(c, v, audience) {
      return explain(0, 0, kernelFor(scratchCandidate(c), scratchVacancy(v)), c, v, audience);
    },
    scratchCandidate,
    scratchVacancy,
    topCandidates(v, candidates, limit, nNear, audience) {
      // The grid first: building it may renumber the candidates' columns.
      const { overflow } = candidates.grid();
      scratchVacancy(v);
      const kernel = queryKernel(candidates.cols);
      const top = new TopK(limit, candidates.ids);
      const near = nNear > 0 ? new NearMissTopK(nNear, candidates.ids, sharedBlockers(audience)) : null;
      const grid = candidates.gridFor(kernel.v, 0, near !== null);
      scanCandidatesForVacancy(kernel, grid, overflow, 0, { top, near, candidateBank: null, withoutBonus: audience === 'employer' });
      return drained(kernel, top, near);
    },
    topVacancies(c, vacancies, limit, nNear, audience) {
      const cols = scratchCandidate(c);
      const kernel = kernelFor(cols, vacancies.cols);
      const top = new TopK(limit, vacancies.ids);
      const near = nNear > 0 ? new NearMissTopK(nNear, vacancies.ids, sharedBlockers(audience)) : null;
      const { grid, overflow } = vacancies.grid();
      const reach = near === null ? cols.reach[0] : cols.reachNear[0];
      scanVacanciesForCandidate(kernel, grid, overflow, 0, reach, { top, near, visit: null, withoutBonus: audience === 'employer' });
      return drained(kernel, top, near);
    },
  };
}
