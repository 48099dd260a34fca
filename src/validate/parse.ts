import type { z } from 'zod';
import { defaultReferential } from '../referential/index.js';
import type { Referential } from '../referential/types.js';
import { type Issue, type RecordKind, PasserelleInputError, formatPath, issue } from '../errors.js';
import {
  type Candidate, CandidateSchema, type TrainingSession, TrainingSessionSchema, type Vacancy, VacancySchema,
} from '../schema/index.js';
import { fromZodIssues } from './zod-issues.js';
import { checkCandidateCodes, checkTrainingSessionCodes, checkVacancyCodes } from './codes.js';
import { fastCheck } from './fast.js';

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
  /** The referential check; a record that passes comes back with its ROME codes read as v3. */
  codes: (record: T, ref: Referential) => CheckResult<T>;
}

const KINDS: { [K in RecordKind]: Kind<RecordTypes[K]> } = {
  candidate: { schema: CandidateSchema, codes: checkCandidateCodes },
  vacancy: { schema: VacancySchema, codes: checkVacancyCodes },
  trainingSession: { schema: TrainingSessionSchema, codes: checkTrainingSessionCodes },
};

export function isRecordKind(kind: unknown): kind is RecordKind {
  return kind === 'candidate' || kind === 'vacancy' || kind === 'trainingSession';
}

export type CheckResult<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

/**
 * The whole check of one record, never throwing: structure (zod), then codes against the
 * referential (only once the structure is sound, so code issues never pile onto a broken record).
 */
export function checkRecord<K extends RecordKind>(kind: K, input: unknown, ref: Referential): CheckResult<RecordTypes[K]> {
  const { schema, codes } = KINDS[kind] as unknown as Kind<RecordTypes[K]>;
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, issues: [notAnObject(input)] };
  }
  // Almost every record is valid: a hand-written check builds the same value ~10× faster and
  // answers undefined whenever it is unsure, leaving the issues to zod.
  const fast = fastCheck(kind, input, ref);
  if (fast !== undefined) return { ok: true, value: fast };
  let parsed: ReturnType<typeof schema.safeParse>;
  try {
    parsed = schema.safeParse(input);
  } catch {
    // A getter or proxy trap threw while zod read the record.
    return { ok: false, issues: [unreadable(input)] };
  }
  if (!parsed.success) return { ok: false, issues: fromZodIssues(parsed.error.issues, input) };
  return codes(parsed.data, ref);
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
  const t = input === null ? 'null' : Array.isArray(input) ? 'array' : typeof input;
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

/** Longest id a rejection echoes: the schema's bound (a 1 MB "id" is not echoed back into logs). */
const MAX_ID_LENGTH = 128;

/** Reads `id` only when it is an own data property holding a string of id length (no getter is run). */
export function safeId(input: unknown): string | undefined {
  if (input === null || typeof input !== 'object') return undefined;
  try {
    const d = Object.getOwnPropertyDescriptor(input, 'id');
    return d !== undefined && 'value' in d && typeof d.value === 'string' && d.value.length <= MAX_ID_LENGTH
      ? d.value
      : undefined;
  } catch {
    return undefined;
  }
}

function parse<K extends RecordKind>(kind: K, input: unknown, options: ParseOptions | undefined): RecordTypes[K] {
  const r = checkRecord(kind, input, options?.referential ?? defaultReferential);
  if (r.ok) return r.value;
  throw new PasserelleInputError(kind, r.issues, safeId(input));
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
