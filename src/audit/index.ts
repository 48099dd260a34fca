/**
 * Measuring what the platform does (MODEL.md "Territory"): the fairness audit of a territory
 * result, criterion weights learned from outcomes, and the follow-up indicators for funders.
 */
export {
  auditFairness, FOUR_FIFTHS, MIN_ELIGIBLE, UNDER_SERVED_SHARE, NOTHING_IN_REACH,
  type FairnessAudit, type AuditGroupRow, type AuditBlockerRow, type AuditEmployerRow, type AuditOptions,
  type AuditedResult, type BatchLike, type AllocationLike, type SpreadLike, type ScheduleLike, type ResultKind,
  type CandidatesLike, type VacanciesLike, type VacancyLike,
} from './fairness.js';
export type { GroupLift } from './lifts.js';
export { calibrateWeights, type Calibration, type CalibrateOptions, type OutcomeLabel } from './calibrate.js';
export {
  platformIndicators, indicatorsCsv, RETENTION_3M_DAYS, RETENTION_6M_DAYS, UNSPECIFIED,
  type PlatformIndicators, type IndicatorRow, type IndicatorOptions, type Retention, type EventRejection,
} from './indicators.js';
export {
  OutcomeSchema, PlatformEventSchema, EVENT_KINDS, type Outcome, type PlatformEvent, type EventKind,
} from './schemas.js';
export type { GroupCode } from './groups.js';
