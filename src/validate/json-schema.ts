import { z } from 'zod';
import { CandidateSchema, TrainingSessionSchema, VacancySchema } from '../schema/index.js';
import { OutcomeSchema, PlatformEventSchema } from '../audit/schemas.js';

/** JSON Schema (draft 2020-12) of each input, keyed by the file name `scripts/write-json-schemas.ts` writes. */
export interface JsonSchemas {
  candidate: Record<string, unknown>;
  vacancy: Record<string, unknown>;
  'training-session': Record<string, unknown>;
  /** calibrateWeights' input. */
  outcome: Record<string, unknown>;
  /** platformIndicators' input. */
  'platform-event': Record<string, unknown>;
}

const RUNTIME_ONLY =
  'Checked at run time only, beyond this schema: codes against the referential (certifications and their blocks, ' +
  'ROME v3 fiches, or ROME 4.0 fiches and appellations under romeVersion v4, skills, restrictions, physical demands, ' +
  'adaptations, INSEE commune codes) and cross-field rules (weeklyHoursMin ≤ weeklyHoursMax, endDate ≥ startDate, ' +
  'a vehicle not both required and provided, job.rome and job.appellation agreeing).';

function build(schema: z.ZodType, title: string, what: string, runtime = RUNTIME_ONLY): Record<string, unknown> {
  // io 'input': what a backend sends, so fields with a default are optional; refinements have no
  // JSON Schema form and are described in `description` instead.
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { $schema: json.$schema, title, description: runtime === '' ? what : `${what} ${runtime}`, ...json };
}

let cache: JsonSchemas | undefined;

/**
 * The JSON Schemas of Candidate, Vacancy, TrainingSession, Outcome and PlatformEvent inputs, for backends written in other
 * languages (also shipped as `passerelle/schema/candidate.json` etc.). Each call returns fresh objects.
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
  };
  return structuredClone(cache);
}
