/** The options of the territory functions, validated at the edge (zod). */
import { z } from 'zod';

const id = z.string().min(1).max(128);

export const AllocateOptionsSchema = z.strictObject({
  method: z.enum(['optimal', 'stable']),
  /** candidateId → vacancy ids that candidate lists first, in order (stable only). */
  preferences: z.record(id, z.array(id).max(10_000)).optional(),
  multiPost: z.boolean().optional(),
  /** multiPost optimal only: the solver's time limit (default 60 s). */
  timeLimitSeconds: z.number().positive().max(86_400).optional(),
});
export type AllocateOptions = z.infer<typeof AllocateOptionsSchema>;

const count = z.number().int().min(1).max(10_000);

export const SpreadOptionsSchema = z.strictObject({
  perCandidate: count.optional(),
  perOpening: count.optional(),
});
export type SpreadOptions = z.infer<typeof SpreadOptionsSchema>;

const categoryEntry = z.union([z.string(), z.looseObject({ code: z.string() })]);

/** An item of a ranking: a Match, or just an id with categories. */
export const RankedItemSchema = z.looseObject({
  candidateId: id,
  categories: z.array(categoryEntry).max(64).optional(),
  score: z.number().finite().optional(),
});

const candidateSource = z.custom<{ get(id: string): unknown } | unknown[]>(
  (x) => Array.isArray(x) || (typeof x === 'object' && x !== null && typeof (x as { get?: unknown }).get === 'function'),
  { message: 'un index de candidat·es ou un tableau de candidat·es attendu' },
);

export const PrioritizeOptionsSchema = z.strictObject({
  minShare: z.number().min(0).max(1),
  priority: z.union([
    z.array(z.string().min(1).max(64)).min(1).max(64),
    z.custom<(item: unknown) => boolean>((f) => typeof f === 'function', { message: 'une fonction attendue' }),
  ]),
  candidates: candidateSource.optional(),
});

export const RankingSchema = z.array(RankedItemSchema).max(1_000_000);
