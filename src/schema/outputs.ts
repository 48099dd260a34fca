/**
 * Zod schemas of the OUTPUTS, as `JSON.stringify` writes them: the source of the JSON Schemas
 * `match.json`, `pathway.json`, `batch.json`, `allocation.json`, `spread.json`,
 * `job-dating-schedule.json`, `fairness-audit.json` and `platform-indicators.json` (jsonSchemas()).
 * Never used to parse: the compile-time checks at the end keep each in step with its TS type
 * (every value of the type fits the schema), the tests validate real outputs against the JSON.
 * Codes are plain strings here (the referential may grow); closed lists are enums.
 */
import { z } from 'zod';
import type { Match } from '../scoring/types.js';
import type { Pathway } from '../pathways/types.js';
import type { BatchJSON } from '../batch/matchAll.js';
import type { Allocation } from '../allocate/allocate.js';
import type { Spread } from '../allocate/spread.js';
import type { JobDatingSchedule } from '../jobdating/schedule.js';
import type { FairnessAudit } from '../audit/fairness.js';
import type { PlatformIndicators } from '../audit/indicators.js';
import { Mode } from './primitives.js';

const Id = z.string();
const Count = z.number().int().min(0);
const Rate = z.number().nullable();
const Versions = z.strictObject({ engine: z.string(), referential: z.string(), rome: z.literal('v3') });
const Commute = z.strictObject({ km: z.number(), minutes: z.number(), mode: Mode });
const CodeMessage = z.strictObject({ code: z.string(), message: z.string() });
const Issue = z.strictObject({
  code: z.string(),
  path: z.string(),
  message: z.string(),
  suggestions: z.array(z.string()).optional(),
  firstIndex: z.number().int().optional(),
});
const Rejection = z.strictObject({ index: z.number().int(), id: Id.optional(), issues: z.array(Issue) });

export const MatchOutput = z.strictObject({
  candidateId: Id,
  vacancyId: Id,
  score: z.number(),
  eligible: z.boolean(),
  criteria: z.array(
    z.strictObject({ code: z.string(), label: z.string(), value: z.number(), weight: z.number(), points: z.number(), detail: z.string() }),
  ),
  blockers: z.array(z.strictObject({ code: z.string(), message: z.string(), lift: CodeMessage.optional() })),
  toCheck: z.array(CodeMessage),
  commute: Commute,
  aids: z.array(z.strictObject({ code: z.string(), label: z.string(), reason: z.string(), verified: z.boolean() })),
  summary: z.string(),
  audience: z.enum(['advisor', 'employer']),
  versions: Versions,
});

const FundingDecision = z.strictObject({
  code: z.string(),
  applies: z.boolean(),
  reason: z.string(),
  cost: z.number().optional(),
  verified: z.boolean(),
  condition: z.string().optional(),
});

export const PathwayOutput = z.strictObject({
  target: z.strictObject({
    kind: z.enum(['rome', 'vacancy', 'demand']),
    rome: z.string().optional(),
    vacancyId: Id.optional(),
    certification: z.string().optional(),
    label: z.string(),
  }),
  steps: z.array(
    z.strictObject({
      code: z.string(),
      kind: z.enum(['training', 'partial_training', 'vae', 'apprenticeship', 'professionalisation', 'prerequisite', 'french', 'immersion', 'poei']),
      label: z.string(),
      certification: z.string().optional(),
      sessionId: Id.optional(),
      provider: z.string().optional(),
      startDate: z.string(),
      endDate: z.string(),
      hours: z.number(),
      estimated: z.boolean(),
      funding: z.array(FundingDecision),
      verified: z.boolean(),
      cost: z.number(),
      costEstimated: z.boolean(),
      commute: Commute.optional(),
      notes: z.array(z.string()),
    }),
  ),
  jobReadyDate: z.string(),
  cost: z.number(),
  costDependsOn: z.array(z.strictObject({ code: z.string(), condition: z.string() })),
  afterVacancyStart: z.boolean(),
  toCheck: z.array(CodeMessage),
  unlocks: z.strictObject({ count: Count, vacancyIds: z.array(Id), newCount: Count }),
  verified: z.boolean(),
  summary: z.string(),
  notLifted: z.array(CodeMessage),
  trainingCommuteMinutes: z.number(),
  /** Set by engine.recommendPathways (the standalone recommendPathways has no engine to name). */
  versions: Versions.optional(),
});

const BatchMatch = z.strictObject({ candidateId: Id, vacancyId: Id, score: z.number(), rank: z.number().int().min(1) });
const Unmatched = z.strictObject({ id: Id, blockers: z.record(z.string(), Count.optional()) });

export const BatchOutput = z.strictObject({
  matches: z.array(BatchMatch),
  bestFor: z.array(BatchMatch).optional(),
  unmatchedCandidates: z.array(Unmatched),
  unmatchedVacancies: z.array(Unmatched),
  rejected: z.strictObject({ candidates: z.array(Rejection), vacancies: z.array(Rejection) }),
  stats: z.strictObject({
    candidates: Count,
    vacancies: Count,
    shortlistedPairs: Count,
    matchedCandidates: Count,
    shortlistedCandidates: Count,
    unmatchedCandidates: Count,
    unmatchedVacancies: Count,
    rejectedCandidates: Count,
    rejectedVacancies: Count,
    workers: Count,
    ms: z.strictObject({ shortlists: z.number(), unmatched: z.number(), total: z.number() }),
  }),
  versions: Versions,
});

export const AllocationOutput = z.strictObject({
  method: z.enum(['optimal', 'stable']),
  multiPost: z.boolean(),
  assignments: z.array(
    z.strictObject({ candidateId: Id, vacancyId: Id, score: z.number(), choice: z.number().int().min(1), explanation: z.string() }),
  ),
  unassignedCandidates: z.array(
    z.strictObject({ id: Id, reason: z.enum(['no_eligible_vacancy', 'outcompeted']), eligible: Count, explanation: z.string() }),
  ),
  unfilledVacancies: z.array(
    z.strictObject({
      id: Id, open: Count, openings: Count, reason: z.enum(['no_candidate', 'not_chosen']), eligible: Count, explanation: z.string(),
    }),
  ),
  total: z.number(),
  proven: z.boolean(),
  size: z.strictObject({ candidates: Count, vacancies: Count, openings: Count, pairs: Count }),
  versions: Versions,
});

const SpreadMetrics = z.strictObject({ coverage: z.number(), gini: z.number(), meanScore: z.number(), pairs: Count });

export const SpreadOutput = z.strictObject({
  lists: z.array(
    z.strictObject({ candidateId: Id, vacancyIds: z.array(Id), reason: z.enum(['no_eligible_vacancy', 'outcompeted']).optional() }),
  ),
  exposure: z.array(z.strictObject({ vacancyId: Id, recommended: Count, openings: Count, cap: Count })),
  metrics: SpreadMetrics.extend({ unconstrained: SpreadMetrics }),
  total: z.number(),
  size: z.strictObject({ candidates: Count, vacancies: Count, pairs: Count }),
  versions: Versions,
});

const Slot = { slotId: Id, start: z.string(), end: z.string() };

export const JobDatingScheduleOutput = z.strictObject({
  eventId: Id,
  date: z.string(),
  interviews: z.array(
    z.strictObject({
      candidateId: Id, employerId: Id, vacancyId: Id, ...Slot, score: z.number(), table: z.number().int().min(1),
      nearMiss: z.array(z.string()).optional(),
    }),
  ),
  unscheduled: z.array(z.strictObject({ id: Id, reason: z.string(), message: z.string() })),
  idleEmployers: z.array(z.strictObject({ id: Id, reason: z.string(), message: z.string() })),
  objective: z.number(),
  served: Count,
  optimal: z.boolean(),
  method: z.enum(['exact', 'heuristic']),
  bound: z.strictObject({ served: z.number(), objective: z.number() }),
  gap: z.strictObject({ served: z.number(), objective: z.number() }),
  convocations: z.strictObject({
    candidates: z.array(
      z.strictObject({
        candidateId: Id,
        code: z.string(),
        interviews: z.array(z.strictObject({ ...Slot, employerId: Id, vacancyId: Id, table: z.number().int(), score: z.number() })),
        lines: z.array(z.string()),
      }),
    ),
    employers: z.array(
      z.strictObject({
        employerId: Id,
        interviews: z.array(z.strictObject({ ...Slot, table: z.number().int(), candidateId: Id, vacancyId: Id })),
        lines: z.array(z.string()),
      }),
    ),
  }),
  stats: z.strictObject({ pairs: Count, considered: Count, explained: Count }),
  versions: Versions,
});

export const FairnessAuditOutput = z.strictObject({
  kind: z.enum(['batch', 'allocation', 'spread', 'schedule']),
  groups: z.array(
    z.strictObject({
      group: z.string(), label: z.string(), candidates: Count, eligible: Count, selected: Count, rate: Rate, impactRatio: Rate, flagged: z.boolean(),
    }),
  ),
  employers: z.array(
    z.strictObject({ employerId: Id, openings: z.number(), exposure: z.number(), perOpening: z.number(), underServed: z.boolean() }),
  ),
  blockers: z.array(
    z.strictObject({
      group: z.string(),
      code: z.string(),
      label: z.string(),
      count: Count,
      lift: z
        .strictObject({ code: z.string(), message: z.string(), aids: z.array(z.strictObject({ code: z.string(), label: z.string(), verified: z.boolean() })) })
        .optional(),
    }),
  ),
  unknownCandidates: Count,
  rule: z.strictObject({ threshold: z.number(), minEligible: Count }),
  text: z.string(),
  versions: Versions,
});

const Retention = z.strictObject({ counted: Count, retained: Count, rate: Rate });

export const PlatformIndicatorsOutput = z.strictObject({
  period: z.strictObject({ from: z.string(), to: z.string() }),
  groups: z.array(
    z.strictObject({
      group: z.string(),
      label: z.string(),
      accompanied: Count,
      immersions: Count,
      trainingEntries: z.strictObject({ total: Count, byCertification: z.record(z.string(), Count) }),
      hires: z.strictObject({ total: Count, byRome: z.record(z.string(), Count), byStructureKind: z.record(z.string(), Count) }),
      entered: Count,
      enteredShare: Rate,
      retention3m: Retention,
      retention6m: Retention,
      medianDaysToHire: Rate,
    }),
  ),
  rejected: z.array(Rejection),
  csv: z.string(),
  text: z.string(),
  versions: Versions,
});

// Compile-time: every value of each output type fits its schema, and the schema names every
// top-level field of the type (a field added to a type and not here, or typed differently, fails
// the typecheck; nested fields added are caught by the tests, the schemas being closed).
type Fits<T, S extends z.ZodType> = [T] extends [z.infer<S>] ? ([Exclude<keyof T, keyof z.infer<S>>] extends [never] ? true : never) : never;
const inSync: [
  Fits<Match, typeof MatchOutput>,
  Fits<Pathway, typeof PathwayOutput>,
  Fits<BatchJSON, typeof BatchOutput>,
  Fits<Allocation, typeof AllocationOutput>,
  Fits<Spread, typeof SpreadOutput>,
  Fits<JobDatingSchedule, typeof JobDatingScheduleOutput>,
  Fits<FairnessAudit, typeof FairnessAuditOutput>,
  Fits<PlatformIndicators, typeof PlatformIndicatorsOutput>,
] = [true, true, true, true, true, true, true, true];
void inSync;
