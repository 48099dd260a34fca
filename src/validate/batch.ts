import { defaultReferential } from '../referential/index.js';
import { type Issue, type RecordKind, issue, truncate } from '../errors.js';
import { type ParseOptions, type RecordTypes, checkRecord, isRecordKind, safeId } from './parse.js';

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
 * @throws TypeError only for a programming error: an unknown `kind`.
 * @example
 * const { valid, rejected } = validateBatch('candidate', JSON.parse(body));
 * for (const r of rejected) log(r.index, r.id, r.issues.map((i) => `${i.path}: ${i.code}`));
 */
export function validateBatch<K extends RecordKind>(
  kind: K,
  records: unknown,
  options?: ParseOptions,
): BatchResult<RecordTypes[K]> {
  if (!isRecordKind(kind)) throw new TypeError(`validateBatch: unknown kind (expected candidate, vacancy or trainingSession)`);
  const ref = options?.referential ?? defaultReferential;
  const result: BatchResult<RecordTypes[K]> = { valid: [], validIndexes: [], rejected: [] };
  let length: number;
  try {
    length = Array.isArray(records) ? records.length : -1;
  } catch {
    length = -1;
  }
  if (length < 0) {
    result.rejected.push({
      index: -1,
      issues: [issue('not_an_array', '', `un tableau d'enregistrements attendu`)],
    });
    return result;
  }
  const list = records as unknown[];
  const firstIndexById = new Map<string, number>();
  for (let i = 0; i < length; i++) {
    let input: unknown;
    let issues: Issue[];
    let value: RecordTypes[K] | undefined;
    try {
      input = list[i];
      const r = checkRecord(kind, input, ref);
      if (r.ok) {
        value = r.value;
        issues = [];
      } else issues = r.issues;
    } catch {
      input = undefined;
      issues = [issue('unreadable', '', "l'enregistrement n'a pas pu être lu")];
    }
    const id = safeId(input);
    if (id !== undefined) {
      const first = firstIndexById.get(id);
      if (first === undefined) firstIndexById.set(id, i);
      else {
        const dup = issue('duplicate_id', 'id', `identifiant « ${truncate(id, 64)} » déjà porté par l'enregistrement ${first}`);
        dup.firstIndex = first;
        issues.push(dup);
      }
    }
    if (issues.length === 0 && value !== undefined) {
      result.valid.push(value);
      result.validIndexes.push(i);
    } else {
      const rejection: Rejection = { index: i, issues };
      if (id !== undefined) rejection.id = id;
      result.rejected.push(rejection);
    }
  }
  return result;
}
