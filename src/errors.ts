/**
 * Validation errors are data: `{ code, path, message }`. Codes are stable (backends switch on them);
 * messages are French, name the field and the rule, and never quote a free-text value
 * (job.title, labels, provider…). Code values (certifications, ROME codes) may be quoted.
 */

/** Every issue code passerelle emits, with what it means (French, for documentation screens). */
export const ISSUE_CODES = {
  not_an_array: "le lot d'enregistrements n'est pas un tableau",
  not_an_object: "l'enregistrement n'est pas un objet",
  unreadable: "une propriété de l'enregistrement n'a pas pu être lue (accesseur qui lève une exception)",
  required: 'champ obligatoire manquant',
  invalid_type: 'type de valeur inattendu (nombre non fini, chaîne au lieu de nombre…)',
  too_small: 'valeur, longueur ou nombre d’éléments sous le minimum',
  too_big: 'valeur, longueur ou nombre d’éléments au-dessus du maximum',
  invalid_format: 'format inattendu (identifiant, code, code ROME, code commune INSEE…)',
  invalid_date: 'date calendaire AAAA-MM-JJ attendue, qui existe',
  invalid_value: 'valeur hors de la liste admise',
  unsupported_rome_version: 'version du ROME non prise en charge (v3 ou v4 attendu)',
  unrecognized_keys: 'champ inconnu du modèle',
  invalid_range: 'bornes incohérentes (minimum au-dessus du maximum, fin avant le début)',
  contradictory: 'deux champs se contredisent',
  unknown_code: 'code absent du référentiel',
  unknown_block: "bloc qui n'appartient pas à cette certification",
  duplicate_id: 'identifiant déjà présent plus tôt dans le lot',
  unknown_id: "identifiant absent de l'index",
  invalid: 'valeur invalide',
} as const;

export type IssueCode = keyof typeof ISSUE_CODES;

export interface Issue {
  code: IssueCode;
  /** Where in the record: `home.lat`, `qualifications[2].code`, '' for the record itself. */
  path: string;
  /** French, names the field and the rule; never quotes a free-text value. */
  message: string;
  /** unknown_code / unknown_block: closest valid codes, best first (at most 3). */
  suggestions?: string[];
  /** duplicate_id: index of the first record carrying this id. */
  firstIndex?: number;
}

export type RecordKind = 'candidate' | 'vacancy' | 'trainingSession';
/** What an input error is about: a record, the options of a call, another argument of a public function, or a job dating event. */
export type InputKind = RecordKind | 'options' | 'argument' | 'jobDating';

const KIND_LABEL: Record<InputKind, string> = {
  candidate: 'Candidat',
  vacancy: 'Offre',
  trainingSession: 'Session de formation',
  options: 'Options du moteur',
  argument: 'Argument',
  jobDating: 'Job dating',
};

/**
 * The one error class of misuse: thrown by parseCandidate / parseVacancy / parseTrainingSession for
 * a bad record (validateBatch returns issues instead), and by every public function for a bad
 * option or argument (README, "Errors"). A referential's own problems throw ReferentialError.
 */
export class PasserelleInputError extends Error {
  override readonly name = 'PasserelleInputError';
  readonly kind: InputKind;
  readonly issues: Issue[];
  readonly recordId?: string;

  constructor(kind: InputKind, issues: Issue[], recordId?: string) {
    super(formatIssues(kind, issues, recordId));
    this.kind = kind;
    this.issues = issues;
    if (recordId !== undefined) this.recordId = recordId;
  }
}

/** `Candidat « c-1 » invalide (2 problèmes) :` then one line per issue. */
export function formatIssues(kind: InputKind, issues: readonly Issue[], recordId?: string): string {
  const who = recordId === undefined ? '' : ` « ${truncate(recordId, 64)} »`;
  const n = issues.length;
  const head = `${KIND_LABEL[kind]}${who} invalide (${n} problème${n > 1 ? 's' : ''}) :`;
  return [head, ...issues.map((i) => `  - [${i.code}] ${i.message}`)].join('\n');
}

/** Path segments → `qualifications[2].code`; odd keys are JSON-quoted and truncated. */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (typeof s === 'string' && /^[A-Za-z_$][\w$]{0,63}$/.test(s)) out += out === '' ? s : `.${s}`;
    else out += `[${JSON.stringify(truncate(String(s), 64))}]`;
  }
  return out;
}

/** How a path is named at the start of a message ('' = the record itself). */
export function fieldName(path: string): string {
  return path === '' ? "l'enregistrement" : path;
}

export function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max)}…`;
}

export function issue(code: IssueCode, path: string, rule: string): Issue {
  return { code, path, message: `${fieldName(path)} : ${rule}` };
}
