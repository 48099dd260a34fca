/** Training pathways: gap → routes → dated, funded, ranked steps (MODEL.md "Pathway"). */
export { recommendPathways, comparePathways, COMMUTE_BAND_MINUTES, DEFAULT_LIMIT } from './recommend.js';
export { fullHours, remainingHours } from './cursus.js';
export { fundStep, RULES as FUNDING_RULES, SCHEMES_BY_KIND } from './funding.js';
export { NOT_LIFTED_FR } from './goals.js';
export * as pathwayEstimates from './estimates.js';
export type * from './types.js';
