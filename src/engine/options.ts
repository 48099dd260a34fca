/** Engine options, validated once at createEngine. */
import { z } from 'zod';
import { Category, IsoDate } from '../schema/primitives.js';
import { CRITERION_CODES, normalizeWeights, type Weights } from '../scoring/model.js';
import type { Referential } from '../referential/types.js';
import { defaultReferential } from '../referential/index.js';
import type { Audience } from '../scoring/types.js';
import { PasserelleInputError } from '../errors.js';
import { formatPath } from '../errors.js';

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
  referential: z.custom<Referential>((r) => typeof r === 'object' && r !== null && Array.isArray((r as Referential).jobs)).optional(),
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

export function resolveOptions(options: EngineOptions | undefined): ResolvedOptions {
  const parsed = OptionsSchema.safeParse(options ?? {});
  if (!parsed.success) {
    throw new PasserelleInputError(
      'options',
      parsed.error.issues.map((i) => ({ code: 'invalid', path: formatPath(i.path), message: `${formatPath(i.path) || 'options'} : ${i.message}` })),
    );
  }
  const o = parsed.data;
  const positive = o.positiveAction && Object.values(o.positiveAction).some((p) => (p ?? 0) > 0) ? o.positiveAction : null;
  const positiveActionWeight = positive ? Object.values(positive).reduce<number>((s, p) => s + (p ?? 0), 0) : 0;
  return {
    weights: normalizeWeights(o.weights),
    positiveAction: positive,
    positiveActionWeight,
    today: o.today ?? new Date().toISOString().slice(0, 10),
    referential: o.referential ?? defaultReferential,
    audience: o.audience ?? 'advisor',
  };
}
