import { type Issue, type RecordKind, issue, truncate } from '../errors.js';
import { type ParseOptions, type RecordTypes, checkRecord, parseOptionsReferential, recordKind, safeId } from './parse.js';
import { CandidateFields } from './fast.js';
import { UNREADABLE_ELEMENT, readBatch } from './edge.js';
import {
  type Outcome, OutcomeSchema, type PlatformEvent, PlatformEventSchema, quickEvent, quickOutcome, recordIssues,
} from '../audit/schemas.js';

export interface Rejection {
  /** Position in the input array (-1: the batch itself is not an array). */
  index: number;
  /** The record's id, when it carries a string one. */
  id?: string;
  issues: Issue[];
}

export interface BatchResult<T> {
  valid: T[];
  /** `validIndexes[i]` is the input position of `valid[i]`. */
  validIndexes: number[];
  rejected: Rejection[];
}

/**
 * Validates a batch without ever throwing on bad data: every input index lands in exactly one of
 * `validIndexes` or `rejected`. A record whose id already appeared earlier in the batch (valid or
 * not) is rejected with `duplicate_id` naming the first index: the first occurrence wins.
 * Valid records are returned as given, not copied (a shallow copy when a default is filled in):
 * do not mutate them afterwards. A batch that is not a dense array of at most
 * INPUT_LIMITS.batchLength records is rejected as a whole (index -1).
 * @throws PasserelleInputError for an unknown `kind` ('argument') or bad `options` ('options').
 * @example
 * const { valid, rejected } = validateBatch('candidate', JSON.parse(body));
 * for (const r of rejected) log(r.index, r.id, r.issues.map((i) => `${i.path}: ${i.code}`));
 */
export function validateBatch(kind: 'training-session', records: unknown, options?: ParseOptions): BatchResult<RecordTypes['trainingSession']>;
export function validateBatch(kind: 'outcome', records: unknown): BatchResult<Outcome>;
export function validateBatch(kind: 'platform-event' | 'platformEvent', records: unknown): BatchResult<PlatformEvent>;
export function validateBatch<K extends RecordKind>(kind: K, records: unknown, options?: ParseOptions): BatchResult<RecordTypes[K]>;
export function validateBatch<K extends RecordKind>(
  kind: K | 'training-session' | 'outcome' | 'platform-event' | 'platformEvent',
  records: unknown,
  options?: ParseOptions,
): BatchResult<RecordTypes[K]> | BatchResult<Outcome> | BatchResult<PlatformEvent> {
  if (kind === 'outcome') return validateFollowUp<Outcome>(records, options, OutcomeSchema, quickOutcome);
  if (kind === 'platform-event' || kind === 'platformEvent') return validateFollowUp<PlatformEvent>(records, options, PlatformEventSchema, quickEvent);
  const valid: RecordTypes[K][] = [];
  const validIndexes: number[] = [];
  const firstIndexById = new Map<string, number>();
  const first = (id: string, index: number): number => {
    const f = firstIndexById.get(id);
    if (f !== undefined) return f;
    firstIndexById.set(id, index);
    return -1;
  };
  const rejected = validateEach(kind, records, options, {
    accept: (value, index, id) => {
      const f = first(id, index);
      if (f < 0) {
        valid.push(value);
        validIndexes.push(index);
      }
      return f;
    },
    seen: first,
  });
  return { valid, validIndexes, rejected };
}

/**
 * Outcomes and follow-up events (calibrateWeights', platformIndicators' inputs), checked as those
 * functions check them before using them: no codes against a referential (they carry none that
 * needs it), no ids of their own (`id` of a rejection is the `candidateId`, as they report it),
 * so no duplicate rule: a person has many events.
 */
function validateFollowUp<T>(
  records: unknown,
  options: unknown,
  schema: Parameters<typeof recordIssues>[0],
  quick: (x: unknown) => boolean,
): BatchResult<T> {
  if (options !== undefined) parseOptionsReferential(options);
  const out: BatchResult<T> = { valid: [], validIndexes: [], rejected: [] };
  const batch = readBatch(records);
  if (!batch.ok) {
    out.rejected.push({ index: -1, issues: [batch.issue] });
    return out;
  }
  batch.value.forEach((input, i) => {
    let issues: Issue[];
    try {
      issues = input === UNREADABLE_ELEMENT ? [UNREADABLE] : quick(input) ? [] : recordIssues(schema, input);
    } catch {
      issues = [UNREADABLE];
    }
    if (issues.length === 0) {
      out.valid.push(input as T);
      out.validIndexes.push(i);
      return;
    }
    const rejection: Rejection = { index: i, issues };
    const id = safeId(input, 'candidateId');
    if (id !== undefined) rejection.id = id;
    out.rejected.push(rejection);
  });
  return out;
}

const UNREADABLE = issue('unreadable', '', "l'enregistrement n'a pas pu être lu");

/** Shared by every valid record; never pushed to. */
const NO_ISSUES: Issue[] = [];

/**
 * Where `validateEach` sends records and looks up ids (an index keeps them in its own id map).
 * Both calls register the id when it is new, so the first occurrence wins, valid or not.
 */
export interface BatchSink<T> {
  /**
   * Takes a valid record (`id` is its id) unless its id came earlier: then returns that input
   * index (else -1). `fields`: the same values as `value`'s, in one fixed shape when the fast
   * path read them (an encoder reads those without megamorphic loads), else `value` itself;
   * read them during the call only (the object is reused for the next record).
   */
  accept(value: T, index: number, id: string, fields: T): number;
  /** A rejected record's id: the input index of an earlier record with it, or -1. */
  seen(id: string, index: number): number;
  /** Told the batch's length once it is read, before any record. */
  reserve?(length: number): void;
}

/**
 * The loop of `validateBatch`, handing each valid record to `sink.accept` as it goes (no
 * intermediate arrays for a national batch); returns the rejections in input order.
 * @internal
 */
export function validateEach<K extends RecordKind>(
  kindArgument: K | 'training-session',
  records: unknown,
  options: ParseOptions | undefined,
  sink: BatchSink<RecordTypes[K]>,
): Rejection[] {
  const steps = validateInSteps(kindArgument, records, options, sink);
  steps.step(0, steps.length);
  return steps.rejected;
}

/** `validateEach` cut into steps: a caller that gives the event loop back between steps (matchAll). */
export interface BatchSteps {
  /** Records in the batch (0 when it is not an array: `rejected` then says so). */
  readonly length: number;
  /** The rejections so far, in input order. */
  readonly rejected: Rejection[];
  /** Validates records [from, to); steps come in order and cover [0, length). */
  step(from: number, to: number): void;
}

/** @internal */
export function validateInSteps<K extends RecordKind>(
  kindArgument: K | 'training-session',
  records: unknown,
  options: ParseOptions | undefined,
  sink: BatchSink<RecordTypes[K]>,
): BatchSteps {
  const kind = recordKind(kindArgument) as K;
  const ref = parseOptionsReferential(options);
  const rejected: Rejection[] = [];
  const batch = readBatch(records);
  if (!batch.ok) {
    rejected.push({ index: -1, issues: [batch.issue] });
    return { length: 0, rejected, step() {} };
  }
  const list = batch.value;
  sink.reserve?.(list.length);
  const scratch = kind === 'candidate' ? new CandidateFields() : undefined;
  const step = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      let input: unknown;
      let issues: Issue[] = NO_ISSUES;
      let value: RecordTypes[K] | undefined;
      let fields: RecordTypes[K] | undefined;
      try {
        input = list[i];
        // An element of a Proxy batch whose read threw: reported as any unreadable record below.
        if (input === UNREADABLE_ELEMENT) throw input;
        const r = checkRecord(kind, input, ref, scratch);
        if (r.ok) {
          value = r.value;
          fields = r.fields;
        } else issues = r.issues;
      } catch {
        input = undefined;
        issues = [UNREADABLE];
      }
      // A valid record's id was validated; a rejected one's is read without running getters.
      if (issues === NO_ISSUES && value !== undefined) {
        const id = (value as { id: string }).id;
        const first = sink.accept(value, i, id, fields ?? value);
        if (first < 0) continue;
        rejected.push({ index: i, id, issues: [duplicate(id, i, first)] });
        continue;
      }
      const id = safeId(input);
      if (id !== undefined) {
        const first = sink.seen(id, i);
        if (first >= 0) issues = [...issues, duplicate(id, i, first)];
      }
      const rejection: Rejection = { index: i, issues };
      if (id !== undefined) rejection.id = id;
      rejected.push(rejection);
    }
  };
  return { length: list.length, rejected, step };
}

/** Names both input indexes: the record rejected and the first one, which is kept. */
function duplicate(id: string, index: number, first: number): Issue {
  const dup = issue(
    'duplicate_id',
    'id',
    `identifiant « ${truncate(id, 64)} » de l'enregistrement ${index} déjà porté par l'enregistrement ${first}`,
  );
  dup.firstIndex = first;
  return dup;
}
