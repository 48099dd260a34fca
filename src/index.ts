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
export type { CandidateIndex, VacancyIndex } from './core/indexes.js';
export type { EngineOptions } from './core/options.js';
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
export { counterfactualLabel, formatGain, COUNTERFACTUAL_LABELS, BLOCKER_LABELS, CRITERION_LABELS, MODE_LABELS } from './explain/index.js';

// Training pathways.
export { recommendPathways } from './pathways/public.js';
export type * from './pathways/types.js';

export { ENGINE_VERSION } from './version.js';

// Issue 11 (employer view, French throughout): the neutral blocker, the blocker code a Match
// carries, and the one French formatter for numbers, money, percentages, dates and durations.
export { TO_DISCUSS, type MatchBlockerCode } from './scoring/model.js';
export { TO_DISCUSS_MESSAGE } from './explain/index.js';
export {
  formatNumber, formatFixed, formatEuros, formatPercent, formatDate, formatDays, formatMonths, formatHours, formatKm, formatMinutes, plural,
} from './format/public.js';

// Measuring what the platform does (issue 15): fairness audit, weights from outcomes, follow-up indicators.
export {
  auditFairness, calibrateWeights, platformIndicators, indicatorsCsv, OutcomeSchema, PlatformEventSchema, EVENT_KINDS,
  FOUR_FIFTHS, MIN_ELIGIBLE, UNDER_SERVED_SHARE, NOTHING_IN_REACH, RETENTION_3M_DAYS, RETENTION_6M_DAYS, UNSPECIFIED,
  type FairnessAudit, type AuditGroupRow, type AuditBlockerRow, type AuditEmployerRow, type AuditOptions, type AuditedResult,
  type BatchLike, type AllocationLike, type SpreadLike, type ScheduleLike, type ResultKind, type CandidatesLike,
  type VacanciesLike, type VacancyLike, type GroupLift, type GroupCode, type Calibration, type CalibrateOptions,
  type OutcomeLabel, type Outcome, type PlatformEvent, type EventKind, type PlatformIndicators, type IndicatorRow,
  type IndicatorOptions, type Retention, type EventRejection,
} from './audit/index.js';
// Dated rules (issue 11): categories with dates are read through src/schema/categories.ts
// (exported with the schema); a category's proof older than its window is a point to check.
export { CATEGORY_PROOF_VALIDITY } from './referential/data/categories.js';
export { staleCategoryProofs, type StaleProof } from './referential/proofs.js';
// Recruitment campaigns: allocation, spread recommendations, priority call order (issue 14).
export {
  allocate, spreadRecommendations, prioritize, checkCallOrder,
  type Allocation, type Assignment, type UnassignedCandidate, type UnfilledVacancy, type UnassignedReason, type UnfilledReason,
  type AllocateOptions, type Spread, type SpreadMetrics, type SpreadOptions, type CallOrder, type CallOrderItem,
  type CallOrderViolation, type PrioritizeOptions, type RankedItem, type BatchView,
} from './allocate/index.js';
// Job datings: interview schedules (scheduleJobDating), solved exactly with HiGHS.
export * from './jobdating/index.js';
// Hostile input (issue 13): what the edge reads at most (README, "Errors").
export { INPUT_LIMITS } from './validate/edge.js';

// The territory report (issue 16): one self-contained HTML page with a map, filters, scores and blockers.
export { renderReport, type ReportInput, type ReportBatch, type ReportCommune } from './report/index.js';
// batch.evaluate: a pair's verdict without its sentences (job dating pair gathering).
export type { PairVerdict } from './batch/matchAll.js';
// Places by INSEE commune code; ROME 4.0 ↔ v3 crosswalk (issue 16, item 3).
export { communePosition } from './geo/public.js';
export {
  rome4Fiches, rome4Appellations, ROME4_DATA_EDITION, type Rome4Fiche, type Rome4Appellation,
} from './referential/rome/index.js';
// Plain JSON out (issue 16): what JSON.stringify writes for a batch and an index.
export type { BatchJSON } from './batch/matchAll.js';
export type { IndexSummary } from './core/indexes.js';
