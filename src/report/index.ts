/** The territory report: one self-contained HTML page (map, filters, scores, blockers, audit). */
export { renderReport, type ReportInput, type ReportBatch } from './render.js';
export type { ReportCommune } from './map.js';
