/** Engine options, validated once at createEngine. */
import { z } from 'zod';
import { Category, IsoDate } from '../schema/primitives.js';
import { CRITERION_CODES, normalizeWeights, type Weights } from '../scoring/model.js';
import type { Referential } from '../referential/types.js';
import type { Audience } from '../scoring/types.js';
import { PasserelleInputError } from '../errors.js';
import { readOptions } from '../validate/edge.js';
import { fromZodIssues } from '../validate/zod-issues.js';
import { referentialOption } from '../validate/parse.js';

const WeightsSchema = z.strictObject(
  Object.fromEntries(CRITERION_CODES.map((c) => [c, z.number().finite().min(0).max(1000).optional()])) as Record<
    (typeof CRITERION_CODES)[number],
    z.ZodOptional<z.ZodNumber>
  >,
);

const OptionsSchema = z.strictObject({
  weights: WeightsSchema.optional(),
  /** Points per public category, added on top of the score (never removed). Off by default. */
  positiveAction: z.partialRecord(Category, z.number().finite().min(0).max(100)).optional(),
  today: IsoDate.optional(),
  // Read apart by referentialOption (a referential is checked once per object, not copied per call).
  referential: z.unknown().optional(),
  audience: z.enum(['advisor', 'employer']).optional(),
});

export interface EngineOptions {
  /** Criterion weights (normalised to sum 100); defaults in DEFAULT_WEIGHTS. */
  weights?: Partial<Weights>;
  /** Positive-action points per public category (e.g. `{ RQTH: 5, RSA: 3 }`); off by default. */
  positiveAction?: Partial<Record<z.infer<typeof Category>, number>>;
  /** The date the engine reasons at (YYYY-MM-DD); default: the current date. */
  today?: string;
  /** A referential extended with `extendReferential`; default: the built-in one. */
  referential?: Referential;
  /** Default audience of explanations. */
  audience?: Audience;
}

export interface ResolvedOptions {
  weights: Weights;
  positiveAction: Partial<Record<string, number>> | null;
  positiveActionWeight: number;
  today: string;
  referential: Referential;
  audience: Audience;
}

/** @throws PasserelleInputError('options') naming the field. */
export function resolveOptions(options: EngineOptions | undefined): ResolvedOptions {
  // Read once: a getter or Proxy trap runs one time, here; the rest reads this copy.
  const read = readOptions(options, { referential: 'keep' });
  const parsed = OptionsSchema.safeParse(read);
  if (!parsed.success) throw new PasserelleInputError('options', fromZodIssues(parsed.error.issues, read));
  const o = parsed.data;
  const referential = referentialOption(o.referential);
  const positive = o.positiveAction && Object.values(o.positiveAction).some((p) => (p ?? 0) > 0) ? o.positiveAction : null;
  const positiveActionWeight = positive ? Object.values(positive).reduce<number>((s, p) => s + (p ?? 0), 0) : 0;
  return {
    weights: normalizeWeights(o.weights),
    positiveAction: positive,
    positiveActionWeight,
    today: o.today ?? new Date().toISOString().slice(0, 10),
    referential,
    audience: o.audience ?? 'advisor',
  };
}
