/**
 * passerelle — matching engine for the plateformes des métiers de l'autonomie.
 *
 * The pipeline, in the order data flows: schema (validation at the edge) → referential (codes,
 * free-text resolution) → encode (typed arrays) → grid + kernel (scores) → top-k → explain
 * (French sentences, for returned results only) → pathways.
 */

// Input model: zod schemas, their types, and validation.
export * from './schema/index.js';
export {
  parseCandidate, parseVacancy, parseTrainingSession, validateBatch, jsonSchemas,
  PasserelleInputError, ISSUE_CODES, formatIssues,
  type Issue, type IssueCode, type RecordKind, type Rejection, type BatchResult as ValidationResult,
  type ParseOptions, type JsonSchemas,
} from './validate/index.js';

// The sector referential and free-text resolution.
export {
  defaultReferential, extendReferential, checkReferentialIntegrity, compileReferential, ReferentialError,
  type Referential, type ReferentialExtension, type ReferentialIssue, type Job, type Certification, type Block,
  type Bridge, type FundingScheme, type PublicCategory, type Skill, type PhysicalDemand, type Provenance,
} from './referential/index.js';
export {
  resolveJobTitle, resolveCertification, createResolver, normalizeTitle,
  type JobResolution, type CertificationResolution, type Resolver,
} from './referential/resolve.js';
export { romeFiches, romeAppellations, ROME_VERSION } from './referential/rome/index.js';

// The scoring core.
export { createEngine, type Engine, type TopOptions, type TopResult, type IndexResult } from './engine/engine.js';
export type { CandidateIndex, VacancyIndex } from './engine/indexes.js';
export type { EngineOptions } from './engine/options.js';
export type { Counterfactual } from './engine/counterfactuals.js';
export type { RecommendOptions } from './engine/pathways.js';
export type {
  MatchAllOptions, BatchResult, BatchMatch, BatchMatches, BatchStats, Unmatched,
} from './batch/matchAll.js';
export {
  BLOCKER_CODES, CRITERION_CODES, DEFAULT_WEIGHTS, normalizeWeights,
  type BlockerCode, type CriterionCode, type Weights,
} from './scoring/model.js';
export type {
  Match, Criterion, Blocker, Lift, ToCheck, Aid, Audience, Versions, PairEvaluation,
} from './scoring/types.js';
export { MODES, type Commute, type ModeModel } from './geo/travel.js';
export { distanceKm, haversineKm, bestCommute, reachKm, homeCareKm } from './geo/public.js';
export { counterfactualLabel, formatGain, COUNTERFACTUAL_LABELS, BLOCKER_LABELS, CRITERION_LABELS } from './explain/index.js';

// Training pathways.
export { recommendPathways } from './pathways/public.js';
export type * from './pathways/types.js';

export { ENGINE_VERSION } from './version.js';

// Hostile input (issue 13): what the edge reads at most (README, "Errors").
export { INPUT_LIMITS } from './validate/edge.js';
