/**
 * The edge reader: what a caller passes besides records (options, referentials, extensions,
 * batches, plain arguments) is read ONCE, here, before anything else looks at it. Every read that
 * may run caller code (a getter, a Proxy trap, a `toString`) happens inside a try, so misuse
 * becomes an issue naming the argument and field, never the caller's own exception; sizes are
 * checked before anything is walked, so an absurd length costs nothing (README, "Errors").
 *
 * Records themselves take the validation path (validate/parse.ts): the fast path keeps only plain
 * data, zod copies the rest.
 */
import { types } from 'node:util';
import { type InputKind, type Issue, PasserelleInputError, formatPath, issue } from '../errors.js';
import { formatNumber } from '../format/french.js';

/** A Proxy cannot be told from its target in JavaScript; Node's own check can. */
export const isProxy: (value: unknown) => boolean = types.isProxy;

/** What the edge accepts at most (README, "Errors"); past these, input is rejected before it is walked. */
export const INPUT_LIMITS = Object.freeze({
  /** Records in one batch: validateBatch, indexCandidates/indexVacancies, matchAll arrays, sessions. */
  batchLength: 5_000_000,
  /** Elements of one array inside options, a referential or a referential extension. */
  arrayLength: 100_000,
  /** Nesting depth of such a value (a cyclic value stops here). */
  depth: 64,
  /** Values (objects, arrays and primitives) in such a value. */
  values: 2_000_000,
} as const);

/** A failed read gives its issue, and the rule alone (for errors that word their own paths). */
export type Read<T = unknown> = { ok: true; value: T } | { ok: false; issue: Issue; rule: string };

/** Unwinds a copy at the first value that cannot be taken; never escapes this module. */
class Refused {
  constructor(readonly issue: Issue, readonly rule: string) {}
}

const UNREADABLE_RULE = "propriété illisible : sa lecture lève une exception (accesseur ou proxy) ; envoyer des données JSON simples";

function refuse(code: Issue['code'], path: readonly PropertyKey[], rule: string): never {
  throw new Refused(issue(code, formatPath(path), rule), rule);
}

/** Runs one read of caller code; a throw becomes an `unreadable` issue at `path`. */
function attempt<T>(read: () => T, path: readonly PropertyKey[]): T {
  try {
    return read();
  } catch {
    return refuse('unreadable', path, UNREADABLE_RULE);
  }
}

/**
 * A copy of `value` made of plain data only, as JSON.parse would build it (objects with
 * Object.prototype, dense arrays); primitives are kept as they are (zod then words a wrong type).
 * Refused: an unreadable property, an object that is not plain data (class instance, Map, Date,
 * typed array…), a hole in an array, and anything past INPUT_LIMITS.
 */
export function readData(value: unknown, path: readonly PropertyKey[] = []): Read {
  const budget = { values: 0 };
  try {
    return { ok: true, value: copy(value, [...path], 0, budget) };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, issue: e.issue, rule: e.rule };
    throw e;
  }
}

function copy(value: unknown, path: PropertyKey[], depth: number, budget: { values: number }): unknown {
  if (++budget.values > INPUT_LIMITS.values) refuse('too_big', path, `plus de ${formatNumber(INPUT_LIMITS.values)} valeurs`);
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= INPUT_LIMITS.depth) {
    refuse('too_big', path, `plus de ${formatNumber(INPUT_LIMITS.depth)} niveaux d'imbrication (ou référence circulaire)`);
  }
  const source = value as Record<string, unknown>;
  if (attempt(() => Array.isArray(value), path)) {
    const length = attempt(() => (value as unknown[]).length, path);
    if (typeof length !== 'number' || !Number.isInteger(length) || length < 0) refuse('invalid_type', path, 'un tableau attendu');
    if (length > INPUT_LIMITS.arrayLength) refuse('too_big', path, `au plus ${formatNumber(INPUT_LIMITS.arrayLength)} éléments`);
    const out: unknown[] = new Array(length);
    for (let i = 0; i < length; i++) {
      path.push(i);
      const hole = attempt(() => !(i in source), path);
      if (hole) refuse('invalid_type', path, 'élément absent (tableau à trous) : un tableau JSON attendu');
      out[i] = copy(attempt(() => source[i], path), path, depth + 1, budget);
      path.pop();
    }
    return out;
  }
  const proto = attempt(() => Object.getPrototypeOf(value) as unknown, path);
  if (proto !== Object.prototype && proto !== null) refuse('invalid_type', path, 'un objet simple (données JSON) attendu');
  const keys = attempt(() => Object.keys(value), path);
  budget.values += keys.length;
  if (budget.values > INPUT_LIMITS.values) refuse('too_big', path, `plus de ${formatNumber(INPUT_LIMITS.values)} valeurs`);
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    path.push(k);
    setOwn(out, k, copy(attempt(() => source[k], path), path, depth + 1, budget));
    path.pop();
  }
  return out;
}

/** `out[k] = v`, where `__proto__` is an own key like any other, never the prototype. */
function setOwn(out: Record<string, unknown>, k: string, v: unknown): void {
  if (k === '__proto__') Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  else out[k] = v;
}

/**
 * How `readOptions` takes a field: `data` is copied by `readData`; `keep` is kept by reference
 * (functions, signals, indexes; a Proxy is refused); `batch` is an array of records, kept by
 * reference for the record path to read (a Proxy is copied one element at a time).
 */
export type FieldKind = 'data' | 'keep' | 'batch';

/**
 * The caller's options object, read once: each own enumerable field is read one time, then taken
 * as `fields` says (unlisted fields are data). Throws PasserelleInputError(kind) naming the field.
 * `undefined` stands for no option.
 */
export function readOptions(
  value: unknown,
  fields: Readonly<Record<string, FieldKind>>,
  kind: InputKind = 'options',
  name = 'options',
): Record<string, unknown> {
  if (value === undefined) return {};
  const fail = (i: Issue): never => {
    throw new PasserelleInputError(kind, [i]);
  };
  if (typeof value !== 'object' || value === null || (!isProxy(value) && Array.isArray(value))) {
    fail({ code: 'invalid_type', path: '', message: `${name} : un objet attendu` });
  }
  let keys: string[] = [];
  try {
    keys = Object.keys(value as object);
  } catch {
    fail({ code: 'unreadable', path: '', message: `${name} : ${UNREADABLE_RULE}` });
  }
  // Options are named by their field alone (`limit`); another argument's fields under its name (`deps.referential`).
  const at = (k: string): string[] => (name === 'options' ? [k] : [name, k]);
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    let v: unknown;
    try {
      v = (value as Record<string, unknown>)[k];
    } catch {
      fail(issue('unreadable', formatPath(at(k)), UNREADABLE_RULE));
    }
    const how = Object.hasOwn(fields, k) ? fields[k] : 'data';
    if (how === 'data') {
      const r = readData(v, at(k));
      if (!r.ok) fail(r.issue);
      else v = r.value;
    } else if (how === 'keep') {
      if (isProxy(v)) fail(issue('invalid_type', formatPath(at(k)), "un proxy n'est pas accepté : passer l'objet lui-même"));
    } else if (isProxy(v) || Array.isArray(v)) {
      // Anything else is left to the schema, which words the wrong type.
      const r = readBatch(v, formatPath(at(k)));
      if (!r.ok) fail(r.issue);
      else v = r.value;
    }
    setOwn(out, k, v);
  }
  return out;
}

/** Array.isArray that answers false for a revoked Proxy (where it throws). */
export function isArray(value: unknown): boolean {
  try {
    return Array.isArray(value);
  } catch {
    return false;
  }
}

/** Stands for a batch element whose read threw (a Proxy batch is copied before validation). */
export const UNREADABLE_ELEMENT: unique symbol = Symbol('unreadable');

/**
 * A batch as the record path reads it: the caller's array itself when it is a dense array (its
 * elements are read once each, later, by the record loop), a copy when it is a Proxy (each
 * element read once here; one that throws becomes UNREADABLE_ELEMENT). Refused as a whole: not an
 * array, an unreadable length, a length past INPUT_LIMITS.batchLength, holes.
 */
export function readBatch(records: unknown, path = ''): Read<readonly unknown[]> {
  const batchIssue = (code: Issue['code'], rule: string): Read<readonly unknown[]> => ({ ok: false, issue: issue(code, path, rule), rule });
  const notArray = batchIssue('not_an_array', `un tableau d'enregistrements attendu`);
  if (typeof records !== 'object' || records === null) return notArray;
  const proxy = isProxy(records);
  let length: unknown;
  try {
    if (!Array.isArray(records)) return notArray;
    length = records.length;
  } catch {
    return batchIssue('unreadable', "le lot d'enregistrements n'a pas pu être lu (proxy)");
  }
  if (typeof length !== 'number' || !Number.isInteger(length) || length < 0) return notArray;
  if (length > INPUT_LIMITS.batchLength) return batchIssue('too_big', `au plus ${formatNumber(INPUT_LIMITS.batchLength)} enregistrements par lot`);
  const list = records as unknown[];
  if (proxy) {
    const out: unknown[] = new Array(length);
    for (let i = 0; i < length; i++) {
      try {
        out[i] = list[i];
      } catch {
        out[i] = UNREADABLE_ELEMENT;
      }
    }
    return { ok: true, value: out };
  }
  // Only an array holding `undefined` (or a hole) pays for counting its elements.
  let holes = false;
  try {
    holes = list.includes(undefined) && Object.keys(list).length < length;
  } catch {
    // An element getter threw: the record loop reports that element as unreadable.
  }
  if (holes) return batchIssue('invalid_type', 'un tableau sans trous attendu (des positions sont vides)');
  return { ok: true, value: list };
}

/** One argument issue, thrown: `PasserelleInputError('argument')`. */
export function argumentError(code: Issue['code'], name: string, rule: string): PasserelleInputError {
  return new PasserelleInputError('argument', [issue(code, name, rule)]);
}

/** `value` when it is a string, else throws naming the argument (no `toString` of the caller's runs). */
export function stringArgument(value: unknown, name: string): string {
  if (typeof value !== 'string') throw argumentError('invalid_type', name, 'une chaîne attendue');
  return value;
}

/** `value` when it is a finite number within [min, max], else throws naming the argument. */
export function numberArgument(value: unknown, name: string, min = -Infinity, max = Infinity): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw argumentError('invalid_type', name, 'un nombre fini attendu');
  if (value < min || value > max) throw argumentError(value < min ? 'too_small' : 'too_big', name, `un nombre entre ${formatNumber(min, 6)} et ${formatNumber(max, 6)} attendu`);
  return value;
}
