/**
 * A job dating event and the options of scheduleJobDating, validated at the edge: zod for the
 * shapes, then the checks that need the whole event or the batch (duplicate ids, unknown slots,
 * vacancies and candidates the batch does not hold). Every problem is an issue naming its field.
 */
import { z } from 'zod';
import { type Issue, PasserelleInputError, issue } from '../errors.js';
import { Id, IsoDate, boundedArray } from '../schema/primitives.js';
import { fromZodIssues } from '../validate/zod-issues.js';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const Time = z.string().regex(TIME, { message: 'heure HH:MM attendue, de 00:00 à 23:59' });

/** "09:30" → 570. */
export function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

export const JobDatingSlotSchema = z
  .strictObject({ id: Id, start: Time, end: Time })
  // A malformed time is its own issue, not also a range one.
  .refine((s) => !TIME.test(s.start) || !TIME.test(s.end) || minutesOf(s.end) > minutesOf(s.start), {
    message: 'la fin du créneau doit suivre son début',
    path: ['end'],
    params: { code: 'invalid_range' },
  });

const SlotIds = boundedArray(Id, 500);

export const JobDatingEmployerSchema = z.strictObject({
  id: Id,
  vacancyIds: boundedArray(Id, 500).min(1, { message: 'au moins une offre' }),
  tables: z.int().min(1).max(100).default(1),
  slotIds: SlotIds.optional(),
});

export const JobDatingCandidateSchema = z.strictObject({
  id: Id,
  slotIds: SlotIds.optional(),
  maxInterviews: z.int().min(1).max(100).default(3),
});

export const JobDatingEventSchema = z.strictObject({
  id: Id,
  date: IsoDate,
  slots: boundedArray(JobDatingSlotSchema, 500).min(1, { message: 'au moins un créneau' }),
  employers: boundedArray(JobDatingEmployerSchema, 10_000),
  candidates: boundedArray(JobDatingCandidateSchema, 100_000),
});

export const JobDatingOptionsSchema = z.strictObject({
  /** Time the exact solver may take, in seconds (default 30); past it, the best schedule found and its gap. */
  timeLimitSeconds: z.number().positive().max(86_400).default(30),
  /** `exact` (default): HiGHS, proven when it finishes in time; `heuristic`: greedy + local improvement, with its LP bound. */
  method: z.enum(['exact', 'heuristic']).default('exact'),
  /**
   * Which pairs are considered: `all` (default) every candidate × every vacancy of the event
   * (the batch's lists first, `batch.evaluate` for the others); `lists` only the pairs in the
   * batch's shortlists and candidates' best lists.
   */
  pairs: z.enum(['all', 'lists']).default('all'),
  /** Also schedule near misses (ineligible pairs with one or two blockers), after eligible ones. */
  includeNearMisses: z.boolean().default(false),
});

export type JobDatingEventInput = z.input<typeof JobDatingEventSchema>;
export type JobDatingEvent = z.output<typeof JobDatingEventSchema>;
export type JobDatingOptions = z.input<typeof JobDatingOptionsSchema>;
export type ResolvedJobDatingOptions = z.output<typeof JobDatingOptionsSchema>;

/** What the event is checked against: the batch's records, read through its public members. */
export interface Holder {
  candidate(id: string): unknown;
  vacancy(id: string): unknown;
}

export function parseJobDating(
  eventInput: unknown,
  optionsInput: unknown,
  batch: Holder,
): { event: JobDatingEvent; options: ResolvedJobDatingOptions } {
  const parsedOptions = JobDatingOptionsSchema.safeParse(optionsInput ?? {});
  const optionIssues = parsedOptions.success
    ? []
    : fromZodIssues(parsedOptions.error.issues, optionsInput).map((i) => prefix(i, 'options'));
  const parsed = JobDatingEventSchema.safeParse(eventInput);
  if (!parsed.success) {
    throw new PasserelleInputError('jobDating', [...fromZodIssues(parsed.error.issues, eventInput), ...optionIssues], idOf(eventInput));
  }
  const event = parsed.data;
  const issues = [...crossCheck(event, batch), ...optionIssues];
  if (issues.length > 0 || !parsedOptions.success) throw new PasserelleInputError('jobDating', issues, event.id);
  return { event, options: parsedOptions.data };
}

function prefix(i: Issue, root: string): Issue {
  const path = i.path === '' ? root : i.path.startsWith('[') ? `${root}${i.path}` : `${root}.${i.path}`;
  return { ...i, path, message: i.path === '' ? `${root} : ${i.message.replace(/^[^:]*: /, '')}` : `${root}.${i.message}` };
}

function idOf(input: unknown): string | undefined {
  const id = input !== null && typeof input === 'object' ? (input as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

/** Each id once in its list: the later ones are issues naming the first index. */
function duplicates(items: readonly { id: string }[], path: string, out: Issue[]): void {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const at = first.get(item.id);
    if (at === undefined) first.set(item.id, i);
    else out.push({ ...issue('duplicate_id', `${path}[${i}].id`, `identifiant déjà donné par ${path}[${at}]`), firstIndex: at });
  });
}

function crossCheck(event: JobDatingEvent, batch: Holder): Issue[] {
  const out: Issue[] = [];
  duplicates(event.slots, 'slots', out);
  duplicates(event.employers, 'employers', out);
  duplicates(event.candidates, 'candidates', out);
  const slotIds = new Set(event.slots.map((s) => s.id));
  const checkSlots = (ids: readonly string[] | undefined, path: string) => {
    const seen = new Set<string>();
    ids?.forEach((id, j) => {
      if (!slotIds.has(id)) out.push(issue('unknown_id', `${path}.slotIds[${j}]`, `créneau « ${id} » absent de slots`));
      else if (seen.has(id)) out.push(issue('duplicate_id', `${path}.slotIds[${j}]`, `créneau « ${id} » déjà cité`));
      seen.add(id);
    });
  };
  const vacancyOwner = new Map<string, string>();
  event.employers.forEach((e, i) => {
    checkSlots(e.slotIds, `employers[${i}]`);
    e.vacancyIds.forEach((v, j) => {
      const path = `employers[${i}].vacancyIds[${j}]`;
      if (batch.vacancy(v) === undefined) out.push(issue('unknown_id', path, `offre « ${v} » absente du lot (matchAll)`));
      else if (vacancyOwner.has(v)) out.push(issue('duplicate_id', path, `offre « ${v} » déjà présentée par l'employeur « ${vacancyOwner.get(v)} »`));
      else vacancyOwner.set(v, e.id);
    });
  });
  event.candidates.forEach((c, i) => {
    checkSlots(c.slotIds, `candidates[${i}]`);
    if (batch.candidate(c.id) === undefined) out.push(issue('unknown_id', `candidates[${i}].id`, `candidat·e « ${c.id} » absent·e du lot (matchAll)`));
  });
  return out;
}
