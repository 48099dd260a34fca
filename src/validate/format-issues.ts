import { type InputKind, type Issue, ISSUE_CODES, PasserelleInputError, formatIssues as format } from '../errors.js';
import { argumentError, readData } from './edge.js';

const KINDS: readonly unknown[] = ['candidate', 'vacancy', 'trainingSession', 'options', 'argument'];

/**
 * The message of a PasserelleInputError, for issues a backend kept (e.g. `rejected[i].issues` of a
 * batch): a header naming the kind and id, then one line per issue.
 * @throws PasserelleInputError('argument') when an argument is not what the signature says.
 * @example
 * formatIssues('candidate', rejected[0].issues, rejected[0].id);
 * // 'Candidat « c-1 » invalide (1 problème) :\n  - [required] home : champ obligatoire manquant'
 */
export function formatIssues(kind: InputKind, issues: readonly Issue[], recordId?: string): string {
  if (!KINDS.includes(kind)) throw argumentError('invalid_value', 'kind', `un de ${KINDS.join(', ')} attendu`);
  if (recordId !== undefined && typeof recordId !== 'string') throw argumentError('invalid_type', 'recordId', 'une chaîne attendue');
  const read = readData(issues, ['issues']);
  if (!read.ok) throw new PasserelleInputError('argument', [read.issue]);
  const list = read.value;
  if (!Array.isArray(list)) throw argumentError('invalid_type', 'issues', 'un tableau de problèmes attendu');
  list.forEach((i: unknown, n) => {
    const ok = typeof i === 'object' && i !== null && Object.hasOwn(ISSUE_CODES, (i as Issue).code) && typeof (i as Issue).message === 'string';
    if (!ok) throw argumentError('invalid_type', `issues[${n}]`, 'un problème { code, path, message } attendu');
  });
  return format(kind, list as Issue[], recordId);
}
