import type { z } from 'zod';
import { defaultReferential, readReferential } from '../referential/index.js';
import type { Referential } from '../referential/types.js';
import { type Issue, type RecordKind, PasserelleInputError, formatPath, issue } from '../errors.js';
import { isArray, readOptions } from './edge.js';
import {
  type Candidate, CandidateSchema, type TrainingSession, TrainingSessionSchema, type Vacancy, VacancySchema,
} from '../schema/index.js';
import { fromZodIssues } from './zod-issues.js';
import {
  candidateCodeIssues, checkCandidateCodes, checkTrainingSessionCodes, checkVacancyCodes, trainingSessionCodeIssues, vacancyCodeIssues,
} from './codes.js';
import { type CandidateFields, fastCheck } from './fast.js';
import { LENGTH } from '../schema/bounds.js';

export interface ParseOptions {
  /** Codes are checked against this referential (default: the built-in one). */
  referential?: Referential;
}

export interface RecordTypes {
  candidate: Candidate;
  vacancy: Vacancy;
  trainingSession: TrainingSession;
}

interface Kind<T> {
  schema: z.ZodType<T>;
  /** The referential check of a valid record; one that passes comes back with its ROME codes read as v3. */
  codes: (record: T, ref: Referential) => CheckResult<T>;
  /** The same check's issues, reading loosely: also run on a raw input that failed the structure check. */
  codeIssues: (record: Record<string, unknown>, ref: Referential, skip: ReadonlySet<string>) => Issue[];
}

const KINDS: { [K in RecordKind]: Kind<RecordTypes[K]> } = {
  candidate: { schema: CandidateSchema, codes: checkCandidateCodes, codeIssues: candidateCodeIssues },
  vacancy: { schema: VacancySchema, codes: checkVacancyCodes, codeIssues: vacancyCodeIssues },
  trainingSession: { schema: TrainingSessionSchema, codes: checkTrainingSessionCodes, codeIssues: trainingSessionCodeIssues },
};

/** A kind as validateBatch takes it (MODEL.md: the schema files' `training-session` too); PasserelleInputError otherwise. */
export function recordKind(kind: unknown): RecordKind {
  if (kind === 'candidate' || kind === 'vacancy' || kind === 'trainingSession') return kind;
  if (kind === 'training-session') return 'trainingSession';
  throw new PasserelleInputError('argument', [
    issue('invalid_value', 'kind', 'un de candidate, vacancy, trainingSession (ou training-session), outcome, platform-event (ou platformEvent) attendu'),
  ]);
}

/**
 * The referential an option names (`undefined`: the built-in one), read as readReferential says;
 * PasserelleInputError(kind) naming `path` and the referential's field otherwise.
 */
export function referentialOption(value: unknown, path = 'referential', kind: 'options' | 'argument' = 'options'): Referential {
  if (value === undefined) return defaultReferential;
  const r = readReferential(value, path);
  if (r.ok) return r.referential;
  throw new PasserelleInputError(kind, r.issues.map((i) => ({ code: 'invalid', path: i.path, message: `${i.path} : ${i.message}` })));
}

/** The referential of ParseOptions, read once. */
export function parseOptionsReferential(options: unknown): Referential {
  if (options === undefined) return defaultReferential;
  const read = readOptions(options, PARSE_OPTION_FIELDS);
  for (const k in read) {
    if (k !== 'referential') throw new PasserelleInputError('options', [issue('unrecognized_keys', formatPath([k]), 'option inconnue ; options admises : referential')]);
  }
  return referentialOption(read.referential);
}

const PARSE_OPTION_FIELDS = { referential: 'keep' } as const;

/**
 * `fields`, on a candidate the fast path accepted: the value's fields read into the caller's
 * CandidateFields (one fixed shape, what an encoder reads fastest), valid until it is reused.
 */
export type CheckResult<T> = { ok: true; value: T; fields?: T } | { ok: false; issues: Issue[] };

/**
 * The whole check of one record, never throwing: structure (zod) and codes against the referential,
 * in one round: when the structure fails, the codes that are strings where a code belongs are
 * checked too (a field zod already reported is not reported twice), so a bad date and an unknown
 * code come out together. `fields`: where a candidate's checked fields go (see CheckResult).
 */
export function checkRecord<K extends RecordKind>(
  kind: K, input: unknown, ref: Referential, fields?: CandidateFields,
): CheckResult<RecordTypes[K]> {
  const { schema, codes, codeIssues } = KINDS[kind] as unknown as Kind<RecordTypes[K]>;
  if (input === null || typeof input !== 'object' || isArray(input)) {
    return { ok: false, issues: [notAnObject(input)] };
  }
  // Almost every record is valid: a hand-written check builds the same value much faster and
  // answers undefined whenever it is unsure, leaving the issues to zod.
  const fast = fastCheck(kind, input, ref, fields);
  if (fast !== undefined) {
    return kind === 'candidate' && fields !== undefined
      ? { ok: true, value: fast, fields: fields as unknown as RecordTypes[K] }
      : { ok: true, value: fast };
  }
  try {
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      const issues = fromZodIssues(parsed.error.issues, input);
      issues.push(...codeIssues(input as Record<string, unknown>, ref, new Set(issues.map((i) => i.path))));
      return { ok: false, issues };
    }
    return codes(parsed.data, ref);
  } catch {
    // A getter or proxy trap threw while zod read the record, or while its issues were worded
    // (zod words them lazily, reading the values again).
    return { ok: false, issues: [unreadable(input)] };
  }
}

const NOT_AN_OBJECT: Record<string, string> = {
  null: "l'enregistrement : un objet attendu, reçu null",
  array: "l'enregistrement : un objet attendu, reçu un tableau",
  undefined: "l'enregistrement : un objet attendu, reçu undefined",
  number: "l'enregistrement : un objet attendu, reçu un nombre",
  string: "l'enregistrement : un objet attendu, reçu une chaîne",
  boolean: "l'enregistrement : un objet attendu, reçu un booléen",
  other: "l'enregistrement : un objet attendu",
};

// Built without zod: a batch of 10⁶ nulls costs one small object each, messages shared.
function notAnObject(input: unknown): Issue {
  const t = input === null ? 'null' : isArray(input) ? 'array' : typeof input;
  return { code: 'not_an_object', path: '', message: NOT_AN_OBJECT[t] ?? NOT_AN_OBJECT.other };
}

function unreadable(input: unknown): Issue {
  const path = findUnreadable(input, [], 0);
  return issue(
    'unreadable',
    path === undefined ? '' : formatPath(path),
    "propriété illisible : sa lecture lève une exception (accesseur ou proxy) ; envoyer des données JSON simples",
  );
}

/** Path of the first property whose read throws, without invoking anything twice per property. */
function findUnreadable(value: unknown, path: PropertyKey[], depth: number): PropertyKey[] | undefined {
  if (value === null || typeof value !== 'object' || depth > 8) return undefined;
  let keys: string[];
  try {
    keys = Object.keys(value);
  } catch {
    return path;
  }
  for (const k of keys.slice(0, 200)) {
    const next = Array.isArray(value) && /^\d+$/.test(k) ? Number(k) : k;
    let child: unknown;
    try {
      child = (value as Record<string, unknown>)[k];
    } catch {
      return [...path, next];
    }
    const found = findUnreadable(child, [...path, next], depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * Reads `id` (or `key`) only when it is an own data property holding a string of the schema's id
 * length (no getter is run; a 1 MB "id" is not echoed back into logs).
 */
export function safeId(input: unknown, key = 'id'): string | undefined {
  if (input === null || typeof input !== 'object') return undefined;
  try {
    const d = Object.getOwnPropertyDescriptor(input, key);
    return d !== undefined && 'value' in d && typeof d.value === 'string' && d.value.length <= LENGTH.id
      ? d.value
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One record against a referential already read (the engine's own): the record or a thrown
 * PasserelleInputError. The public parse* functions read their options first.
 * @internal
 */
export function parseRecord<K extends RecordKind>(kind: K, input: unknown, ref: Referential): RecordTypes[K] {
  const r = checkRecord(kind, input, ref);
  if (r.ok) return r.value;
  throw new PasserelleInputError(kind, r.issues, safeId(input));
}

function parse<K extends RecordKind>(kind: K, input: unknown, options: ParseOptions | undefined): RecordTypes[K] {
  return parseRecord(kind, input, parseOptionsReferential(options));
}

/**
 * Validates one candidate: structure, then codes against the referential.
 * @throws PasserelleInputError with every issue found.
 * @example
 * const c = parseCandidate(JSON.parse(body));
 * // bad input → PasserelleInputError: Candidat « c-1 » invalide (1 problème) :
 * //   - [unknown_code] qualifications[0].code : code de certification inconnu « DEAEZ » — vouliez-vous dire DEAES ?
 */
export function parseCandidate(input: unknown, options?: ParseOptions): Candidate {
  return parse('candidate', input, options);
}

/**
 * Validates one vacancy (defaults applied: `openings` 1, `job.romeVersion` 'v3', empty `requires`/`prefers`).
 * @throws PasserelleInputError
 * @example
 * const v = parseVacancy(offer, { referential: myReferential });
 */
export function parseVacancy(input: unknown, options?: ParseOptions): Vacancy {
  return parse('vacancy', input, options);
}

/**
 * Validates one training session.
 * @throws PasserelleInputError
 * @example
 * const s = parseTrainingSession(session);
 */
export function parseTrainingSession(input: unknown, options?: ParseOptions): TrainingSession {
  return parse('trainingSession', input, options);
}
