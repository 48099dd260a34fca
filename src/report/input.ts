/**
 * renderReport's argument, read once at the edge (readOptions: a throwing getter or Proxy trap is
 * an `unreadable` issue), the data fields copied and checked by zod for exactly what the report
 * reads; the batch is kept by reference (its methods are called; what they throw passes on).
 */
import { z } from 'zod';
import { PasserelleInputError, issue } from '../errors.js';
import { readOptions } from '../validate/edge.js';
import { fromZodIssues } from '../validate/zod-issues.js';
import { IsoDate } from '../schema/primitives.js';
import type { ReportInput } from './render.js';

const Link = z.object({ candidateId: z.string(), vacancyId: z.string(), score: z.number().finite() });
const Share = z.number().finite().nullable();
const Count = z.number().finite();

const ReportInputSchema = z.object({
  allocation: z.object({ assignments: z.array(Link) }).optional(),
  schedule: z.object({ interviews: z.array(Link) }).optional(),
  audit: z
    .object({
      groups: z.array(z.object({ group: z.string(), label: z.string(), candidates: Count, eligible: Count, selected: Count, rate: Share, impactRatio: Share, flagged: z.boolean() })),
      blockers: z.array(z.object({ group: z.string(), code: z.string(), label: z.string(), count: Count, lift: z.object({ message: z.string() }).optional() })),
      employers: z.array(z.object({ employerId: z.string(), openings: Count, exposure: Count, perOpening: Count, underServed: z.boolean() })),
      text: z.string(),
    })
    .optional(),
  indicators: z
    .object({
      period: z.object({ from: IsoDate, to: IsoDate }),
      groups: z.array(
        z.object({
          group: z.string(), label: z.string(), accompanied: Count, immersions: Count, trainingEntries: z.object({ total: Count }),
          hires: z.object({ total: Count }), enteredShare: Share, retention3m: z.object({ rate: Share }), retention6m: z.object({ rate: Share }),
          medianDaysToHire: Share,
        }),
      ),
    })
    .optional(),
  communes: z
    .array(z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180), code: z.string().optional(), name: z.string().optional(), population: Count.optional() }))
    .optional(),
  communesSource: z.string().optional(),
  title: z.string().optional(),
  audience: z.enum(['advisor', 'employer'], { message: '« advisor » ou « employer » attendu' }).optional(),
  date: IsoDate.optional(),
  maxExplained: z.number().int().min(0).optional(),
  maxMarkers: z.number().int().min(1).optional(),
  maxLinks: z.number().int().min(0).optional(),
});

const BATCH_METHODS = ['candidateIds', 'vacancyIds', 'candidate', 'vacancy', 'shortlist', 'explain'] as const;

/** The argument as data the report can trust, or PasserelleInputError('options') naming the field. */
export function readReportInput(input: unknown): ReportInput {
  const read = readOptions(input, { batch: 'keep' });
  const batch = read.batch as Record<string, unknown> | undefined;
  let hasMethods = false;
  try {
    hasMethods = typeof batch === 'object' && batch !== null && BATCH_METHODS.every((m) => typeof batch[m] === 'function') &&
      typeof (batch.matches as { [Symbol.iterator]?: unknown } | undefined)?.[Symbol.iterator] === 'function' &&
      Array.isArray(batch.unmatchedCandidates) && Array.isArray(batch.unmatchedVacancies) &&
      typeof batch.versions === 'object' && batch.versions !== null;
  } catch {
    hasMethods = false;
  }
  if (!hasMethods) throw new PasserelleInputError('options', [issue('invalid_type', 'batch', 'un résultat de matchAll attendu')]);
  const r = ReportInputSchema.safeParse(read);
  if (!r.success) throw new PasserelleInputError('options', fromZodIssues(r.error.issues, read));
  return read as unknown as ReportInput;
}
