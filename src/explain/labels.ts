/**
 * French labels and number/date formatting for explanations. Text only: nothing here decides a
 * score or an eligibility. Numbers stay raw in the Match; they are rounded only inside sentences.
 */
import type { Category, ContractType, FrenchLevel, Mode } from '../schema/primitives.js';
import type { CriterionCode, MatchBlockerCode } from '../scoring/model.js';
import type { Referential } from '../referential/types.js';

/** Criterion labels shown to advisors and employers. */
export const CRITERION_LABELS: Readonly<Record<CriterionCode | 'positive_action', string>> = {
  qualification: 'Qualification',
  experience: 'Expérience',
  commute: 'Trajet',
  hours: 'Heures',
  start_date: 'Date de début',
  wishes: 'Souhaits',
  skills: 'Compétences',
  positive_action: 'Action positive',
};

/** Short titles of the blockers (the message says the details). */
export const BLOCKER_LABELS: Readonly<Record<MatchBlockerCode, string>> = {
  legal_certification: 'Diplôme légalement obligatoire',
  required_certification: 'Diplôme exigé',
  driving_licence: 'Permis B exigé',
  vehicle: 'Véhicule exigé',
  commute: 'Trajet trop long',
  nights: 'Travail de nuit',
  weekends: 'Travail le week-end',
  split_shifts: 'Horaires coupés',
  contract: 'Type de contrat',
  french_level: 'Niveau de français',
  experience: 'Expérience exigée',
  work_authorization: 'Autorisation de travail',
  start_date: 'Dates du contrat',
  restriction: 'Aménagement du poste',
  to_discuss: 'À voir avec la plateforme',
};

/** "32 min en voiture". */
export const MODE_LABELS: Readonly<Record<Mode, string>> = {
  car: 'en voiture',
  motorbike: 'en deux-roues motorisé',
  transit: 'en transports en commun',
  bike: 'à vélo',
  walk: 'à pied',
};

/** The contract as a noun with its article ("un CDD"), for "en acceptant …" and sentences. */
export const CONTRACT_LABELS: Readonly<Record<ContractType, { short: string; withIndefinite: string; withDefinite: string }>> = {
  CDI: { short: 'CDI', withIndefinite: 'un CDI', withDefinite: 'le CDI' },
  CDD: { short: 'CDD', withIndefinite: 'un CDD', withDefinite: 'le CDD' },
  INTERIM: { short: 'intérim', withIndefinite: 'une mission d’intérim', withDefinite: 'la mission d’intérim' },
  APPRENTISSAGE: { short: 'apprentissage', withIndefinite: 'un contrat d’apprentissage', withDefinite: 'le contrat d’apprentissage' },
  PROFESSIONNALISATION: {
    short: 'contrat de professionnalisation',
    withIndefinite: 'un contrat de professionnalisation',
    withDefinite: 'le contrat de professionnalisation',
  },
  PEC: { short: 'PEC', withIndefinite: 'un contrat PEC', withDefinite: 'le contrat PEC' },
  VACATION: { short: 'vacation', withIndefinite: 'des vacations', withDefinite: 'la vacation' },
};

export const FRENCH_LEVEL_LABELS: Readonly<Record<FrenchLevel, string>> = {
  A1: 'A1', A2: 'A2', B1: 'B1', B2: 'B2', C1: 'C1', C2: 'C2', native: 'langue maternelle',
};

/**
 * Short names of public categories, for the advisor only: the employer view never prints them
 * (GDPR art. 9, anti-discrimination).
 */
export const CATEGORY_SHORT_LABELS: Readonly<Record<Category, string>> = {
  RSA: 'RSA',
  RQTH: 'RQTH',
  DELD: 'DELD',
  JEUNE: 'jeune',
  QPV: 'QPV',
  ZRR: 'ZRR',
  BPI: 'BPI',
  SENIOR: 'senior',
  RECONVERSION: 'reconversion',
  ETUDIANT: 'étudiant·e',
  ASS: 'ASS',
  AAH: 'AAH',
  PARENT_ISOLE: 'parent isolé',
};

/** Schedule blockers: what the post demands, as a noun phrase. */
export const SCHEDULE_LABELS = {
  nights: 'du travail de nuit',
  weekends: 'du travail le week-end',
  split_shifts: 'des horaires coupés',
} as const;

/**
 * How certifications read in a sentence. Codes are abbreviations already (DEAS, DEAES); the table
 * only fixes those whose code is not how people say them.
 */
const CERTIFICATION_NAMES: Readonly<Record<string, string>> = {
  TP_ADVF: 'titre pro ADVF',
  TP_ASMS: 'titre pro ASMS',
  TP_RCSAD: 'titre pro RCSAD',
  BAC_PRO_ASSP: 'bac pro ASSP',
  BAC_PRO_SAPAT: 'bac pro SAPAT',
  CAP_AEPE: 'CAP AEPE',
  DEI: 'DE d’infirmier',
  DE_ERGO: 'DE d’ergothérapeute',
  DE_PSYCHOMOT: 'DE de psychomotricien',
  ASSISTANT_VIE_DEPENDANCE: 'titre Assistant de vie dépendance',
  EMPLOYE_FAMILIAL: 'titre Employé familial',
  SURVEILLANT_NUIT: 'titre de surveillant de nuit',
  MAITRE_MAISON: 'certificat de maître de maison',
  PERMIS_B: 'permis B',
  PREQUALIF_GRAND_AGE: 'préqualifiant grand âge',
  DE_AMBULANCIER: 'DE d’ambulancier',
  DE_ASSISTANT_FAMILIAL: 'DE d’assistant familial',
  BPJEPS_ANIMATION_SOCIALE: 'BPJEPS animation sociale',
  BAC: 'baccalauréat',
  AFGSU2: 'AFGSU 2',
  DEAES_2016: 'DEAES (version 2016)',
};

/** The name of a certification as written in a sentence ("DEAS", "titre pro ADVF"). */
export function certificationName(code: string): string {
  const known = CERTIFICATION_NAMES[code];
  if (known !== undefined) return known;
  const fle = /^FLE_([ABC][12])$/.exec(code);
  if (fle) return `FLE ${fle[1]}`;
  return code.replace(/_/g, ' ');
}

/**
 * A bloc (unit) of a certification as written in a sentence: « bloc 5 du DEAS (Travail en équipe
 * …) », its number read from the code's tail (B5, CCP2) and its name from the referential.
 */
export function blocName(ref: Referential, code: string): string {
  for (const cert of ref.certifications) {
    const block = cert.blocks?.find((b) => b.code === code);
    if (block === undefined) continue;
    const n = /_(?:B|CCP|DC|DF|M)?(\d+)$/.exec(code)?.[1];
    const unit = /_CCP\d+$/.test(code) ? 'CCP' : 'bloc';
    return `${n === undefined ? unit : `${unit} ${n}`} ${withDu(certificationName(cert.code))} (${block.label})`;
  }
  return `unité ${code.replace(/_/g, ' ')}`;
}

/**
 * Funding schemes as a sentence names them: acronyms as they are (CPF, PRF, AIF, POEI…), the
 * others by their usual short name. Unknown codes (a département's own) read by their referential label.
 */
const FUNDING_NAMES: Readonly<Record<string, string>> = {
  PROFESSIONNALISATION: 'contrat de professionnalisation',
  APPRENTISSAGE: 'apprentissage',
  PRO_A: 'Pro-A',
  PTP: 'Transitions Pro',
  AGEFIPH: 'Agefiph',
  AGEFIPH_PERMIS: 'aide Agefiph au permis',
  AGEFIPH_ADAPTATION: 'aide Agefiph à l’adaptation du poste',
  AUTOFINANCEMENT: 'autofinancement',
};

export function fundingName(ref: Referential, code: string): string {
  const known = FUNDING_NAMES[code];
  if (known !== undefined) return known;
  if (/^[A-Z]{2,6}$/.test(code)) return code;
  return ref.funding.find((f) => f.code === code)?.label ?? code.replace(/_/g, ' ');
}

const startsWithVowel = (s: string) => /^[aeiouyhàâéèêëîïôûùAEIOUYHÀÂÉÈÊËÎÏÔÛÙ]/.test(s);

/** "le DEAS", "l'ASG". */
export function withLe(name: string): string {
  return startsWithVowel(name) ? `l’${name}` : `le ${name}`;
}

/** "du DEAS", "de l'ASG". */
export function withDu(name: string): string {
  return startsWithVowel(name) ? `de l’${name}` : `du ${name}`;
}

/** "au DEAS", "à l'ASG". */
export function withAu(name: string): string {
  return startsWithVowel(name) ? `à l’${name}` : `au ${name}`;
}

/** "DEAS", "DEAS ou CAFAS", "DEAES, titre pro ADVF ou bac pro ASSP". */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ou ${items[items.length - 1]}`;
}

export function andList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;
}

/** A job as a complement: "aide-soignant(e)" from "Aide-soignant(e)"; parenthesised notes dropped. */
export function jobName(ref: Referential, rome: string): string | undefined {
  const job = ref.jobs.find((j) => j.rome === rome);
  if (!job) return undefined;
  const bare = job.label.replace(/\s*\([^()]*\)\s*$/, '').replace(/\s*—.*$/, '').trim();
  return bare.charAt(0).toLowerCase() + bare.slice(1);
}

/** UTC day number of a `YYYY-MM-DD` date (the same unit as the scoring core). */
export function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}
