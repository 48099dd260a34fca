export { allocate, type Allocation, type Assignment, type UnassignedCandidate, type UnfilledVacancy, type UnassignedReason, type UnfilledReason, type AllocateOptions } from './allocate.js';
export { spreadRecommendations, type Spread, type SpreadMetrics, type SpreadOptions } from './spread.js';
export {
  prioritize, checkCallOrder, type CallOrder, type CallOrderItem, type CallOrderViolation, type PrioritizeOptions, type RankedItem,
} from './call-order.js';
export type { BatchView } from './graph.js';
