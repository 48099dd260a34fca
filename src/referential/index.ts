import type { Referential } from './types.js';
import { jobs } from './data/jobs.js';
import { certifications } from './data/certifications.js';
import { bridges } from './data/bridges.js';
import { funding } from './data/funding.js';
import { categories } from './data/categories.js';
import { adaptations, physicalDemands, restrictions, skills, structureKinds } from './data/vocabulary.js';
import { trustReferential } from './extend.js';

export type * from './types.js';
export { ANY_CERTIFICATION } from './types.js';
export { compileReferential, foldTerm, type CompiledReferential, type UnitRef } from './lookup.js';
export {
  extendReferential,
  checkReferentialIntegrity,
  checkReferentialShape,
  readReferential,
  referentialArgument,
  ReferentialError,
  REFERENTIAL_ISSUE_CODES,
  type ReferentialExtension,
  type ReferentialIssue,
  type ReferentialIssueCode,
} from './extend.js';

/** The built-in referential (REFERENCE.md, ROME v3). */
export const defaultReferential: Referential = {
  version: '2026.11-rome-v3',
  jobs,
  certifications,
  bridges,
  funding,
  categories,
  skills,
  physicalDemands,
  restrictions,
  adaptations,
  structureKinds,
};
trustReferential(defaultReferential);
