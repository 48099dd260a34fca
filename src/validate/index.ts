export {
  parseCandidate, parseVacancy, parseTrainingSession, checkRecord, parseRecord, type CheckResult, type ParseOptions, type RecordTypes,
} from './parse.js';
export { validateBatch, validateEach, validateInSteps, type BatchResult, type BatchSink, type BatchSteps, type Rejection } from './batch.js';
export { jsonSchemas, type JsonSchemas } from './json-schema.js';
export { normaliseCode } from './codes.js';
export { ISSUE_CODES, PasserelleInputError, type Issue, type IssueCode, type RecordKind } from '../errors.js';
export { formatIssues } from './format-issues.js';
export { INPUT_LIMITS } from './edge.js';
