import type { z } from 'zod';
import { type Issue, type IssueCode, formatPath, issue } from '../errors.js';

type ZodIssue = z.core.$ZodIssue;

const EXPECTED: Record<string, string> = {
  number: 'un nombre fini attendu',
  int: 'un entier attendu',
  string: 'une chaîne attendue',
  boolean: 'un booléen (true ou false) attendu',
  array: 'un tableau attendu',
  object: 'un objet attendu',
};

/** What was received, by type only: a value is never quoted (it may be free text). */
function describeReceived(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'un tableau';
  switch (typeof input) {
    case 'number':
      return Number.isNaN(input) ? 'NaN' : Number.isFinite(input) ? 'un nombre' : 'un nombre infini';
    case 'string':
      return 'une chaîne';
    case 'boolean':
      return 'un booléen';
    case 'object':
      return 'un objet';
    case 'bigint':
      return 'un bigint';
    case 'function':
      return 'une fonction';
    case 'symbol':
      return 'un symbole';
    case 'undefined':
      return 'undefined';
    default:
      return 'une valeur non reconnue';
  }
}

const ORIGIN_UNIT: Record<string, [string, string]> = {
  string: ['caractère', 'caractères'],
  array: ['élément', 'éléments'],
  set: ['élément', 'éléments'],
};

function bound(origin: string, limit: number | bigint, inclusive: boolean, side: 'min' | 'max'): string {
  const unit = ORIGIN_UNIT[origin];
  if (unit) {
    const n = Number(limit);
    const words = n > 1 ? unit[1] : unit[0];
    if (side === 'min') return n === 1 && origin === 'string' ? 'ne doit pas être vide' : `au moins ${n} ${words}`;
    return `au plus ${n} ${words}`;
  }
  const op = side === 'min' ? (inclusive ? '≥' : '>') : inclusive ? '≤' : '<';
  return `doit être ${op} ${String(limit)}`;
}

/** A received enum value is quoted only when it looks like a code (letters, digits, _ . -). */
function quoteCode(input: unknown): string {
  return typeof input === 'string' && /^[A-Za-z0-9_.-]{1,32}$/.test(input) ? ` « ${input} »` : '';
}

function customCode(i: ZodIssue): IssueCode {
  const params = (i as { params?: { code?: unknown } }).params;
  const code = params?.code;
  return code === 'invalid_date' || code === 'invalid_range' || code === 'contradictory' || code === 'invalid_type' ||
    code === 'required' || code === 'unknown_code'
    ? code
    : 'invalid';
}

/**
 * The value at `path` in the record, read again only for a failing field (cheaper than zod's
 * `reportInput`, which copies every input into every issue).
 */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  try {
    for (const s of path) {
      if (v === null || typeof v !== 'object' || !Object.hasOwn(v, s)) return undefined;
      v = (v as Record<PropertyKey, unknown>)[s];
    }
    return v;
  } catch {
    return undefined;
  }
}

/**
 * zod issues → passerelle issues. Messages are rebuilt from the issue's structure, except
 * invalid_format / custom whose schema messages are French already. One issue per path: the
 * first one zod reports (a bad date is not also "too long").
 */
export function fromZodIssues(zodIssues: readonly ZodIssue[], input: unknown): Issue[] {
  const out: Issue[] = [];
  const seen = new Set<string>();
  for (const zi of zodIssues) {
    for (const mapped of mapOne(zi, input)) {
      if (seen.has(mapped.path)) continue;
      seen.add(mapped.path);
      out.push(mapped);
    }
  }
  return out;
}

function mapOne(zi: ZodIssue, record: unknown): Issue[] {
  const path = formatPath(zi.path);
  switch (zi.code) {
    case 'invalid_type': {
      const input = valueAt(record, zi.path);
      const expected = EXPECTED[zi.expected] ?? `${zi.expected} attendu`;
      if (path === '') return [issue('not_an_object', path, `un objet attendu, reçu ${describeReceived(input)}`)];
      if (input === undefined) return [issue('required', path, 'champ obligatoire manquant')];
      return [issue('invalid_type', path, `${expected}, reçu ${describeReceived(input)}`)];
    }
    case 'too_small':
      return [issue('too_small', path, bound(zi.origin, zi.minimum, zi.inclusive !== false, 'min'))];
    case 'too_big':
      return [issue('too_big', path, bound(zi.origin, zi.maximum, zi.inclusive !== false, 'max'))];
    case 'invalid_format':
      if (zi.format === 'date') return [issue('invalid_date', path, zi.message)];
      return [issue('invalid_format', path, zi.message)];
    case 'invalid_value': {
      const input = valueAt(record, zi.path);
      if (input === undefined) return [issue('required', path, 'champ obligatoire manquant')];
      if (path.endsWith('romeVersion')) {
        return [
          issue(
            'unsupported_rome_version',
            path,
            `version${quoteCode(input)} non prise en charge : v3 (ROME v3, par défaut) ou v4 (ROME 4.0)`,
          ),
        ];
      }
      const values = zi.values.map(String);
      const list = values.length > 20 ? `${values.slice(0, 20).join(', ')}…` : values.join(', ');
      return [issue('invalid_value', path, `valeur${quoteCode(input)} non admise ; valeurs admises : ${list}`)];
    }
    case 'unrecognized_keys': {
      // One issue per key so each path points at the offending field; at most 10 per object.
      const keys = zi.keys.slice(0, 10);
      const issues = keys.map((k) =>
        issue('unrecognized_keys', formatPath([...zi.path, k]), 'champ inconnu du modèle'),
      );
      if (zi.keys.length > keys.length) {
        issues.push(issue('unrecognized_keys', path, `${zi.keys.length - keys.length} autres champs inconnus`));
      }
      return issues;
    }
    case 'custom':
      return [issue(customCode(zi), path, zi.message)];
    case 'invalid_union': {
      // Alternatives (a category: a code, or an object with dates): the issues of the branch made
      // for the input's kind — the one that got deepest into the value, else the first that is
      // not a mere type mismatch.
      let branch: ZodIssue[] | undefined;
      let best = -1;
      for (const issues of zi.errors) {
        if (issues.length === 0) continue;
        let depth = Infinity;
        for (const x of issues) depth = Math.min(depth, x.path.length);
        const rank = depth * 2 + (issues.every((x) => x.code === 'invalid_type') ? 0 : 1);
        if (rank > best) {
          best = rank;
          branch = issues;
        }
      }
      if (branch === undefined) return [issue('invalid', path, 'valeur invalide')];
      return branch.flatMap((x) => mapOne({ ...x, path: [...zi.path, ...x.path] } as ZodIssue, record));
    }
    default:
      return [issue('invalid', path, 'valeur invalide')];
  }
}
