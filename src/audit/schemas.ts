/**
 * The audit layer's inputs, validated at the edge: outcomes (calibrateWeights) and follow-up
 * events (platformIndicators), and each function's options. A quick check accepts the common
 * valid record without zod (through zod, a large event log's check would cost more than the
 * indicators themselves: bench/audit.bench.ts); zod decides, and words the
 * issues, whenever the quick check says no.
 */
import { z } from 'zod';
import {
  Category, Code, ContractType, Id, IsoDate, RomeCode, StructureKind, boundedArray,
} from '../schema/primitives.js';
import { CRITERION_CODES } from '../scoring/model.js';
import { fromZodIssues } from '../validate/zod-issues.js';
import { isDate, isPlain } from '../validate/fast.js';
import { CODE_PATTERN, ID_PATTERN, ITEMS, LENGTH, ROME_PATTERN } from '../schema/bounds.js';
import type { Issue } from '../errors.js';

/** A public category as a code, or dated (MODEL.md Candidate.categories). */
export const CategoryItem = z.union([
  Category,
  z.strictObject({ code: Category, since: IsoDate.optional(), until: IsoDate.optional(), provenOn: IsoDate.optional() }),
]);
export type CategoryItem = z.infer<typeof CategoryItem>;

export const EVENT_KINDS = ['accompaniment_start', 'immersion', 'training_entry', 'training_completion', 'hire', 'exit'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** One follow-up event of a person accompanied by the platform (MODEL.md "Follow-up indicators"). */
export const PlatformEventSchema = z.strictObject({
  candidateId: Id,
  date: IsoDate,
  kind: z.enum(EVENT_KINDS),
  /** training_entry / training_completion: the certification aimed at. */
  certification: Code.optional(),
  /** hire: the job's ROME v3 fiche. */
  rome: RomeCode.optional(),
  /** hire: who employs. */
  structureKind: StructureKind.optional(),
  contract: ContractType.optional(),
  categories: boundedArray(CategoryItem, ITEMS.categories.max).optional(),
});
export type PlatformEvent = z.infer<typeof PlatformEventSchema>;

const CriterionValue = z.number().finite().min(0).max(1);

/**
 * A proposed pair and what became of it. `criteria` is the Match's criterion values, every
 * criterion of DEFAULT_WEIGHTS required; other keys (positive_action…) are dropped, never fitted.
 * No field may carry a public category: the object is closed.
 */
export const OutcomeSchema = z.strictObject({
  candidateId: Id,
  vacancyId: Id,
  criteria: z.object(Object.fromEntries(CRITERION_CODES.map((c) => [c, CriterionValue])) as Record<(typeof CRITERION_CODES)[number], typeof CriterionValue>),
  hired: z.boolean(),
  retained6m: z.boolean().optional(),
});
export type Outcome = z.infer<typeof OutcomeSchema>;

// ---------------------------------------------------------------------------------------------
// Quick checks: true only for records zod accepts (a property test holds them to it).

const KIND_SET: ReadonlySet<unknown> = new Set(EVENT_KINDS);
const CATEGORY_SET: ReadonlySet<unknown> = new Set(Category.options);
const STRUCTURE_SET: ReadonlySet<unknown> = new Set(StructureKind.options);
const CONTRACT_SET: ReadonlySet<unknown> = new Set(ContractType.options);
const EVENT_KEYS: ReadonlySet<string> = new Set(Object.keys(PlatformEventSchema.shape));

function isId(v: unknown): boolean {
  return typeof v === 'string' && v.length >= 1 && v.length <= LENGTH.id && ID_PATTERN.test(v);
}

/** Dates already found valid (an event log repeats a few thousand dates a million times). */
const validDates = new Set<string>();
const MAX_CACHED_DATES = 100_000;

function isKnownDate(v: unknown): boolean {
  if (typeof v === 'string' && validDates.has(v)) return true;
  if (!isDate(v)) return false;
  if (validDates.size < MAX_CACHED_DATES) validDates.add(v);
  return true;
}

export function quickEvent(e: unknown): e is PlatformEvent {
  if (!isPlain(e)) return false;
  const o = e as Record<string, unknown>;
  for (const k in o) if (!EVENT_KEYS.has(k)) return false;
  if (!isId(o.candidateId) || !isKnownDate(o.date) || !KIND_SET.has(o.kind)) return false;
  if (o.certification !== undefined && !(typeof o.certification === 'string' && o.certification.length <= LENGTH.code && CODE_PATTERN.test(o.certification))) return false;
  if (o.rome !== undefined && !(typeof o.rome === 'string' && ROME_PATTERN.test(o.rome))) return false;
  if (o.structureKind !== undefined && !STRUCTURE_SET.has(o.structureKind)) return false;
  if (o.contract !== undefined && !CONTRACT_SET.has(o.contract)) return false;
  const cats = o.categories;
  if (cats !== undefined) {
    // Dated categories (objects) go through zod.
    if (!Array.isArray(cats) || cats.length > ITEMS.categories.max) return false;
    for (let i = 0; i < cats.length; i++) if (!CATEGORY_SET.has(cats[i])) return false;
  }
  return true;
}

const OUTCOME_KEYS: ReadonlySet<string> = new Set(Object.keys(OutcomeSchema.shape));

export function quickOutcome(x: unknown): x is Outcome {
  if (!isPlain(x)) return false;
  const o = x as Record<string, unknown>;
  for (const k in o) if (!OUTCOME_KEYS.has(k)) return false;
  if (!isId(o.candidateId) || !isId(o.vacancyId) || typeof o.hired !== 'boolean') return false;
  if (o.retained6m !== undefined && typeof o.retained6m !== 'boolean') return false;
  const c = o.criteria;
  if (!isPlain(c)) return false;
  for (const code of CRITERION_CODES) {
    const v = (c as Record<string, unknown>)[code];
    if (typeof v !== 'number' || !(v >= 0 && v <= 1)) return false;
  }
  return true;
}

/** A record's issues (empty when valid), zod's verdict. */
/** The `candidateId` of a rejected record's plain copy, to name the rejection. */
export function candidateIdOf(copy: unknown): string | undefined {
  const id = copy !== null && typeof copy === 'object' ? (copy as { candidateId?: unknown }).candidateId : undefined;
  return typeof id === 'string' ? id : undefined;
}

export function recordIssues(schema: z.ZodType, record: unknown): Issue[] {
  const r = schema.safeParse(record);
  return r.success ? [] : fromZodIssues(r.error.issues, record);
}

// ---------------------------------------------------------------------------------------------
// Options.

const hasGet = z.custom<{ get(id: string): unknown }>(
  (x) => x !== null && typeof x === 'object' && typeof (x as { get?: unknown }).get === 'function',
  { message: 'un index (avec get(id)) attendu' },
);

export const AuditOptionsSchema = z.strictObject({
  /** The vacancies behind an allocation, a spread or a schedule: an index or records. */
  vacancies: z.union([z.array(z.unknown()), hasGet]).optional(),
  /** The batch the result was computed from: exact eligibility and blockers for any result kind. */
  batch: z.custom<object>((x) => x !== null && typeof x === 'object' && typeof (x as { candidateIds?: unknown }).candidateIds === 'function', {
    message: 'un BatchResult (matchAll) attendu',
  }).optional(),
});

export const CalibrateOptionsSchema = z.strictObject({
  label: z.enum(['hired', 'retained6m']).optional(),
  /** L2 penalty on the criterion coefficients (not the intercept), in log-likelihood units. */
  l2: z.number().finite().min(0).max(1e6).optional(),
  maxIterations: z.number().int().min(1).max(1000).optional(),
});

export const IndicatorOptionsSchema = z
  .strictObject({ from: IsoDate, to: IsoDate })
  .refine((o) => o.from <= o.to, { path: ['to'], message: 'doit être ≥ from', params: { code: 'invalid_range' } });

/** indicatorsCsv's argument: rows as platformIndicators gives them (the fields the CSV reads). */
const count = z.number().finite();
const counts = z.record(z.string(), count);
const Retention = z.looseObject({ counted: count, retained: count, rate: count.nullable() });
export const IndicatorRowsSchema = z.array(z.looseObject({
  group: z.string(), accompanied: count, immersions: count, entered: count, enteredShare: count.nullable(), medianDaysToHire: count.nullable(),
  trainingEntries: z.looseObject({ total: count, byCertification: counts }),
  hires: z.looseObject({ total: count, byRome: counts, byStructureKind: counts }),
  retention3m: Retention, retention6m: Retention,
}));
