import { z } from 'zod';
import { CandidateSchema, TrainingSessionSchema, VacancySchema } from '../schema/index.js';
import { OutcomeSchema, PlatformEventSchema } from '../audit/schemas.js';
import {
  AllocationOutput, BatchOutput, FairnessAuditOutput, JobDatingScheduleOutput, MatchOutput, PathwayOutput,
  PlatformIndicatorsOutput, SpreadOutput,
} from '../schema/outputs.js';

/** JSON Schema (draft 2020-12) of each input, keyed by the file name `scripts/write-json-schemas.ts` writes. */
export interface JsonSchemas {
  candidate: Record<string, unknown>;
  vacancy: Record<string, unknown>;
  'training-session': Record<string, unknown>;
  /** calibrateWeights' input. */
  outcome: Record<string, unknown>;
  /** platformIndicators' input. */
  'platform-event': Record<string, unknown>;
  /** Outputs, as `JSON.stringify` writes them: engine.score / explain. */
  match: Record<string, unknown>;
  /** recommendPathways' items. */
  pathway: Record<string, unknown>;
  /** `JSON.stringify(batch)` (BatchResult.toJSON). */
  batch: Record<string, unknown>;
  allocation: Record<string, unknown>;
  /** spreadRecommendations. */
  spread: Record<string, unknown>;
  /** scheduleJobDating. */
  'job-dating-schedule': Record<string, unknown>;
  /** auditFairness. */
  'fairness-audit': Record<string, unknown>;
  'platform-indicators': Record<string, unknown>;
}

const RUNTIME_ONLY =
  'Checked at run time only, beyond this schema: codes against the referential (certifications and their blocks, ' +
  'ROME v3 fiches, or ROME 4.0 fiches and appellations under romeVersion v4, skills, restrictions, physical demands, ' +
  'adaptations, INSEE commune codes) and cross-field rules (weeklyHoursMin ≤ weeklyHoursMax, endDate ≥ startDate, ' +
  'a vehicle not both required and provided, job.rome and job.appellation agreeing).';

function build(schema: z.ZodType, title: string, what: string, runtime = RUNTIME_ONLY, io: 'input' | 'output' = 'input'): Record<string, unknown> {
  // io 'input': what a backend sends, so fields with a default are optional; refinements have no
  // JSON Schema form and are described in `description` instead.
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return { $schema: json.$schema, title, description: runtime === '' ? what : `${what} ${runtime}`, ...json };
}

let cache: JsonSchemas | undefined;

const output = (schema: z.ZodType, title: string, what: string) => build(schema, title, what, '', 'output');

/**
 * The JSON Schemas of Candidate, Vacancy, TrainingSession, Outcome and PlatformEvent inputs, and of
 * the outputs as `JSON.stringify` writes them (Match, Pathway, batch, allocation, spread, job dating
 * schedule, fairness audit, platform indicators), for backends written in other languages (also
 * shipped as `passerelle/schema/candidate.json`, `passerelle/schema/match.json` etc.). Each call
 * returns fresh objects.
 * @example
 * const { candidate } = jsonSchemas();
 * ajv.compile(candidate);
 */
export function jsonSchemas(): JsonSchemas {
  cache ??= {
    candidate: build(CandidateSchema, 'passerelle Candidate', 'A candidate as a platform backend sends it.'),
    vacancy: build(VacancySchema, 'passerelle Vacancy', 'A vacancy (SAAD/ESMS job offer) as a platform backend sends it.'),
    'training-session': build(
      TrainingSessionSchema,
      'passerelle TrainingSession',
      'A session of the local training offer, as a platform backend sends it.',
    ),
    outcome: build(
      OutcomeSchema,
      'passerelle Outcome',
      'What became of a proposed pair, for calibrateWeights: the criterion values logged when it was proposed (keys other than the criteria are ignored), hired, and retained6m. No field may carry a public category.',
      '',
    ),
    'platform-event': build(
      PlatformEventSchema,
      'passerelle PlatformEvent',
      'One follow-up event of a person accompanied by the platform, for platformIndicators.',
      '',
    ),
    match: output(MatchOutput, 'passerelle Match', 'One scored and explained pair (engine.score, batch.explain, topCandidates/topVacancies items).'),
    pathway: output(PathwayOutput, 'passerelle Pathway', 'One training pathway (recommendPathways items).'),
    batch: output(
      BatchOutput,
      'passerelle Batch',
      'JSON.stringify of a matchAll result: shortlisted pairs, unmatched and rejected records, stats, versions; bestFor only when perCandidate > 0.',
    ),
    allocation: output(AllocationOutput, 'passerelle Allocation', 'The result of allocate (optimal or stable).'),
    spread: output(SpreadOutput, 'passerelle Spread', 'The result of spreadRecommendations.'),
    'job-dating-schedule': output(JobDatingScheduleOutput, 'passerelle JobDatingSchedule', 'The result of scheduleJobDating.'),
    'fairness-audit': output(FairnessAuditOutput, 'passerelle FairnessAudit', 'The result of auditFairness.'),
    'platform-indicators': output(PlatformIndicatorsOutput, 'passerelle PlatformIndicators', 'The result of platformIndicators.'),
  };
  return structuredClone(cache);
}
