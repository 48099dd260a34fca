/**
 * The options of each engine call, validated at the edge like records: a bad limit, date or index
 * throws a PasserelleInputError('options') whose issues name the field (zod paths) and the rule,
 * instead of a RangeError or a TypeError from deep inside.
 */
import { z } from 'zod';
import { IsoDate, RomeCode } from '../schema/primitives.js';
import { PasserelleInputError, issue, type Issue } from '../errors.js';
import { fromZodIssues } from '../validate/zod-issues.js';
import { isPlain } from '../validate/fast.js';
import { type FieldKind, isArray, isProxy, readOptions } from '../validate/edge.js';
import { CandidateStore, VacancyStore } from '../core/indexes.js';
import type { Referential } from '../referential/types.js';

const count = (max: number) => z.number().int().min(0).max(max);
const audience = z.enum(['advisor', 'employer']);
const fn = z.custom<(...args: never[]) => unknown>((f) => typeof f === 'function', { message: 'une fonction attendue' });

export const ScoreOptionsSchema = z.strictObject({ audience: audience.optional() });

export const TopOptionsSchema = z.strictObject({
  limit: count(10_000).optional(),
  nearMisses: count(1_000).optional(),
  audience: audience.optional(),
});

export const MatchAllOptionsSchema = z.strictObject({
  perVacancy: count(10_000).optional(),
  perCandidate: count(10_000).optional(),
  workers: count(64).optional(),
  onProgress: fn.optional(),
  signal: z.custom<AbortSignal>((s) => s instanceof AbortSignal, { message: 'un AbortSignal attendu' }).optional(),
  blockerCounts: z.boolean().optional(),
  audience: audience.optional(),
});

/** A near miss as topCandidates/topVacancies return it: only what the recommender reads is checked. */
const NearMissTargetSchema = z.looseObject({
  vacancyId: z.string().min(1).max(128),
  blockers: z.array(z.looseObject({ code: z.string().min(1).max(64) })).max(64),
});

export const RecommendOptionsSchema = z.strictObject({
  // A ROME code, a near miss, or a vacancy (checked as a record by parseVacancy).
  target: z.unknown().optional(),
  // An array of records (readOptions read it as a batch); each session is validated as a record.
  sessions: z.custom<unknown[]>((s) => Array.isArray(s), { message: 'un tableau de sessions attendu', params: { code: 'invalid_type' } }).optional(),
  vacancies: z.instanceof(VacancyStore, { message: 'un index d’offres (engine.indexVacancies) attendu' }).optional(),
  today: IsoDate.optional(),
  limit: count(1_000).optional(),
});

/** Fields of call options that are not plain data (readOptions): kept by reference, or read as a batch. */
export const CALL_OPTION_FIELDS: Readonly<Record<string, FieldKind>> = {
  onProgress: 'keep', signal: 'keep', vacancies: 'keep', sessions: 'batch',
  // Territory options: an index or a batch (read through its members, inside callerCode), a predicate.
  candidates: 'keep', batch: 'keep', priority: 'keep',
};

/**
 * `options` checked against `schema`; undefined stands for no option. The options are read once
 * (readOptions: a throwing getter or Proxy trap is an `unreadable` issue) and that copy is
 * returned: indexes, signals, callbacks and session arrays keep their identity. `looksValid`,
 * when given, accepts common valid options without zod (a batch calls the recommender once per
 * candidate, and zod copies the session array on every call); zod still decides, and words
 * the issues, whenever it says no.
 */
export function checkCallOptions<T extends object>(schema: z.ZodType<T>, options: unknown, looksValid?: (o: object) => boolean): T {
  if (options === undefined) return {} as T;
  const read = readOptions(options, CALL_OPTION_FIELDS);
  if (looksValid !== undefined && isPlain(read) && looksValid(read)) return read as T;
  const r = schema.safeParse(read);
  if (!r.success) throw new PasserelleInputError('options', fromZodIssues(r.error.issues, read));
  return read as T;
}

const RECOMMEND_KEYS = new Set(['target', 'sessions', 'vacancies', 'today', 'limit']);
/** Dates already found valid by IsoDate (a handful: today, a few reference days). */
const validDates = new Set<string>();

/** The common valid recommender options, recognised without zod; anything else goes to zod. */
export function recommendOptionsLookValid(o: object): boolean {
  for (const key in o) if (!RECOMMEND_KEYS.has(key)) return false;
  const { sessions, vacancies, today, limit } = o as Record<string, unknown>;
  if (sessions !== undefined && !Array.isArray(sessions)) return false;
  if (vacancies !== undefined && !(vacancies instanceof VacancyStore)) return false;
  if (limit !== undefined && !(typeof limit === 'number' && Number.isInteger(limit) && limit >= 0 && limit <= 1_000)) return false;
  if (today !== undefined) {
    if (typeof today !== 'string') return false;
    if (!validDates.has(today)) {
      if (!IsoDate.safeParse(today).success) return false;
      if (validDates.size < 1_024) validDates.add(today);
    }
  }
  return true;
}

/** What `target` is; a string must be a ROME v3 code, an object a vacancy or a near miss. */
export function targetKind(target: unknown): 'none' | 'rome' | 'vacancy' | 'nearMiss' {
  if (target === undefined) return 'none';
  const fail = (i: Issue[]) => {
    throw new PasserelleInputError('options', i);
  };
  if (typeof target === 'string') {
    if (!RomeCode.safeParse(target).success) fail([issue('invalid_format', 'target', 'code de fiche ROME v3 attendu, comme K1302')]);
    return 'rome';
  }
  if (typeof target === 'object' && target !== null && !Array.isArray(target)) {
    if ('vacancyId' in target && 'blockers' in target) {
      const r = NearMissTargetSchema.safeParse(target);
      if (!r.success) fail(fromZodIssues(r.error.issues, target).map((x) => ({ ...x, path: x.path ? `target.${x.path}` : 'target' })));
      return 'nearMiss';
    }
    return 'vacancy';
  }
  return fail([issue('invalid_type', 'target', 'un code ROME, une offre ou un presque-éligible attendu')]);
}

/**
 * An index argument that is not one (a plain object, an array of records where only an index is
 * taken…), or an index built against another referential (its codes are numbered differently).
 */
export function checkIndex(
  value: unknown, kind: 'candidates' | 'vacancies', path: string, referential: Referential, arraysToo = false,
): void {
  const fail = (rule: string): never => {
    throw new PasserelleInputError('options', [issue('invalid_type', path, rule)]);
  };
  // A Proxy is never an index, and `instanceof` would run its traps; arrays are read later as batches.
  if (isProxy(value) ? arraysToo && isArray(value) : arraysToo && Array.isArray(value)) return;
  const isIndex = !isProxy(value) && (kind === 'candidates' ? value instanceof CandidateStore : value instanceof VacancyStore);
  if (!isIndex) {
    fail(kind === 'candidates' ? 'un index de candidat·es (engine.indexCandidates) attendu' : 'un index d’offres (engine.indexVacancies) attendu');
  } else if ((value as CandidateStore | VacancyStore).referential !== referential) {
    fail('un index construit par un moteur du même référentiel attendu');
  }
}
