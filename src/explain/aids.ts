/**
 * Aids a hire could mobilise (MODEL.md "aids[]"), decided from the referential's funding schemes
 * and `vacancy.structure.status`. Lists of statuses, categories, employer statuses and ages are
 * read from the referential scheme when it carries them; `AID_RULES` holds the fallback for each
 * (REFERENCE.md §4) with its source and verified flag, so nothing here invents a regulation.
 *
 * Two deciders, one per audience: `decideAids` (the advisor's) reads the candidate's status,
 * categories and age; `employerAids` is not given the candidate at all, so the employer's list —
 * its presence, order, texts and flags — cannot depend on them (MODEL.md "Two audiences").
 */
import type { Candidate } from '../schema/candidate.js';
import type { Vacancy } from '../schema/vacancy.js';
import type { Category, ContractType, Status, StructureStatus } from '../schema/primitives.js';
import type { FundingScheme, Referential } from '../referential/types.js';
import { andList, CATEGORY_SHORT_LABELS, dayNumber } from './labels.js';
import { candidateAt, categoryCodes } from '../schema/categories.js';

/** The date a hire's aids are decided at: the contract's start, or the candidate's availability if later. */
export function hireDate(c: Candidate, v: Vacancy): string {
  return c.availableFrom > v.contract.startDate ? c.availableFrom : v.contract.startDate;
}

export interface AidDecision {
  code: string;
  label: string;
  verified: boolean;
  source: string;
  /** Names the route (status, category, age) for the advisor; only the post for the employer. */
  reason: string;
}

/** An advisory fact the input does not settle (a `toCheck` entry). */
export interface Note {
  code: string;
  message: string;
}

interface AidRule {
  /** Referential funding codes to read, first found wins. */
  schemes: readonly string[];
  label: string;
  source: string;
  verified: boolean;
  statuses?: readonly Status[];
  categories?: readonly Category[];
  employerStatuses?: readonly StructureStatus[];
  minAge?: number;
  maxAge?: number;
  ageExceptions?: readonly { category: Category; maxAge: number | null }[];
}

/**
 * Fallback rules where the referential lacks a scheme or a field (REFERENCE.md §4, §5.1).
 * `verified` is the confidence of REFERENCE.md's tag for the rule used here.
 */
export const AID_RULES = {
  PEC: {
    schemes: ['PEC'],
    label: 'Parcours emploi compétences (PEC)',
    source: 'REFERENCE.md §4 PEC (travail-emploi.gouv.fr, DRIEETS IDF)',
    verified: true,
    statuses: ['demandeur_emploi'],
    categories: ['RSA', 'RQTH', 'DELD', 'QPV', 'ZRR', 'SENIOR', 'ASS'],
    employerStatuses: ['public', 'prive_non_lucratif'],
  },
  AGEFIPH: {
    schemes: ['AGEFIPH'],
    label: 'Aides de l’Agefiph',
    source: 'REFERENCE.md §4 Agefiph (agefiph.fr)',
    verified: true,
    categories: ['RQTH', 'AAH'],
    employerStatuses: ['prive_non_lucratif', 'prive_lucratif', 'particulier_employeur'],
  },
  FIPHFP: {
    schemes: ['FIPHFP'],
    label: 'Aides du FIPHFP',
    // REFERENCE.md §4 names the FIPHFP as the public employers' counterpart ([S] row); amounts are not given.
    source: 'REFERENCE.md §4 Agefiph / FIPHFP',
    verified: true,
    categories: ['RQTH', 'AAH'],
    employerStatuses: ['public'],
  },
  POEI: {
    schemes: ['POEI'],
    label: 'Préparation opérationnelle à l’emploi individuelle (POEI)',
    source: 'REFERENCE.md §4 POEI (décret 2024-561; France Travail délibération 2024-29)',
    verified: true,
    statuses: ['demandeur_emploi'],
    categories: ['DELD', 'RSA', 'ASS'],
  },
  APPRENTISSAGE: {
    schemes: ['APPRENTISSAGE', 'CONTRAT_APPRENTISSAGE'],
    label: 'Aide à l’embauche d’un apprenti',
    // The contract's age rules are [S] (C. trav. L6222-1); the yearly employer aid amounts are [U].
    source: 'REFERENCE.md §4 contrat d’apprentissage (C. trav. L6222-1); montants de l’aide [U]',
    verified: false,
    minAge: 16,
    maxAge: 29,
    ageExceptions: [{ category: 'RQTH', maxAge: null }],
  },
  PROFESSIONNALISATION: {
    schemes: ['PROFESSIONNALISATION', 'CONTRAT_PRO'],
    label: 'Contrat de professionnalisation',
    source: 'REFERENCE.md §4 contrat de professionnalisation (C. trav. L6325-1)',
    verified: true,
    statuses: ['demandeur_emploi'],
    categories: ['RSA', 'ASS', 'AAH'],
    employerStatuses: ['prive_non_lucratif', 'prive_lucratif', 'particulier_employeur'],
    minAge: 16,
    maxAge: 25,
  },
} as const satisfies Record<string, AidRule>;

export type AidCode = keyof typeof AID_RULES;

interface Resolved {
  code: AidCode;
  label: string;
  source: string;
  verified: boolean;
  statuses: readonly Status[];
  categories: readonly Category[];
  /** 'all' (the referential's default): a listed status and a listed category must both hold when both lists are given. */
  combine: 'any' | 'all';
  employerStatuses: readonly StructureStatus[] | undefined;
  contracts: readonly ContractType[] | undefined;
  minAge: number | undefined;
  maxAge: number | undefined;
  ageExceptions: readonly { category: Category; maxAge: number | null }[];
}

function resolve(ref: Referential, code: AidCode): Resolved {
  const rule: AidRule = AID_RULES[code];
  let scheme: FundingScheme | undefined;
  for (const s of rule.schemes) {
    scheme = ref.funding.find((f) => f.code === s);
    if (scheme) break;
  }
  const e = scheme?.eligibility;
  // With a scheme, its lists are the truth (a missing list means "not a condition"); the rule
  // only fills in when the referential has no entry at all. Ages fall back field by field since
  // the referential may state a route (16–25 for the contrat pro) in its notes only.
  return {
    code,
    label: scheme?.label ?? rule.label,
    source: scheme?.source ?? rule.source,
    // A rule is only as verified as both the scheme entry and our reading of it.
    verified: scheme ? scheme.verified && rule.verified : rule.verified,
    statuses: scheme ? e?.statuses ?? [] : rule.statuses ?? [],
    categories: scheme ? e?.categories ?? [] : rule.categories ?? [],
    combine: scheme ? e?.combine ?? 'all' : 'any',
    employerStatuses: scheme ? e?.employerStatuses : rule.employerStatuses,
    contracts: e?.contracts,
    minAge: e?.minAge ?? rule.minAge,
    maxAge: e?.maxAge ?? rule.maxAge,
    ageExceptions: e?.ageExceptions ?? rule.ageExceptions ?? [],
  };
}

/**
 * Categories that imply being a registered job seeker, for schemes open to `demandeur_emploi`
 * (POEI, PEC) when the referential lists no category for them.
 */
export const JOB_SEEKER_CATEGORIES: Readonly<Partial<Record<Category, { source: string; verified: boolean }>>> = {
  DELD: { source: 'REFERENCE.md §5.1 DELD (registered in categories A, B or C for ≥1 year)', verified: true },
  RSA: { source: 'REFERENCE.md §5.1 RSA (automatic registration at France Travail since 1 Jan 2025)', verified: true },
  // ASS is paid to job seekers whose insurance rights ran out: [K], not stated in REFERENCE.md.
  ASS: { source: 'allocation de solidarité spécifique (demandeurs d’emploi) [K]', verified: false },
};

/** Ages a person born in `birthYear` may have during `year` (before / after the birthday). */
function ageSpan(birthYear: number, year: number): { min: number; max: number } {
  return { min: year - birthYear - 1, max: year - birthYear };
}

type Tri = 'yes' | 'no' | 'unknown';

/** Whether the candidate's age at the contract start fits [minAge, maxAge]; 'unknown' when undecidable. */
function ageFits(c: Candidate, startYear: number, minAge: number | undefined, maxAge: number | null | undefined): Tri {
  if (minAge === undefined && (maxAge === undefined || maxAge === null)) return 'yes';
  if (c.birthYear === undefined) return 'unknown';
  const a = ageSpan(c.birthYear, startYear);
  const lo = minAge ?? -Infinity;
  const hi = maxAge ?? Infinity;
  if (a.min >= lo && a.max <= hi) return 'yes';
  if (a.max < lo || a.min > hi) return 'no';
  return 'unknown';
}

/** Calendar months from `start` to the day after `end`, as "≥ n months?" — 'unknown' without an end. */
export function lastsAtLeastMonths(start: string, end: string | undefined, n: number): Tri {
  if (end === undefined) return 'unknown';
  const [y, m, d] = start.split('-').map(Number);
  const ty = y + Math.floor((m - 1 + n) / 12);
  const tm = ((m - 1 + n) % 12) + 1;
  const dim = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  const target = Date.UTC(ty, tm - 1, Math.min(d, dim)) / 86_400_000;
  return dayNumber(end) + 1 >= target ? 'yes' : 'no';
}

const STATUS_PHRASES: Readonly<Record<Status, string>> = {
  demandeur_emploi: 'demandeur·euse d’emploi',
  salarie: 'salarié·e',
  etudiant: 'étudiant·e',
  inactif: 'sans activité',
};

function categoryLabel(code: Category): string {
  return CATEGORY_SHORT_LABELS[code] ?? code;
}

interface Routes {
  /** The candidate's status when it opens the scheme. */
  status: Status | undefined;
  /** The candidate's categories that open it (listed ones, or job-seeker ones for job-seeker schemes). */
  categories: Category[];
  open: boolean;
  /** false when the only route rests on an unverified reading (ASS as job seeker). */
  verified: boolean;
}

/** Which of the candidate's facts open a scheme's public. */
function publicRoutes(c: Candidate, r: Resolved): Routes {
  const own = categoryCodes(c.categories);
  const status = c.status !== undefined && r.statuses.includes(c.status) ? c.status : undefined;
  const listed = own.filter((x) => r.categories.includes(x));
  const implied = r.statuses.includes('demandeur_emploi')
    ? own.filter((x) => JOB_SEEKER_CATEGORIES[x] !== undefined && !listed.includes(x))
    : [];
  const categories = [...listed, ...implied];
  let open: boolean;
  if (r.statuses.length > 0 && r.categories.length > 0 && r.combine === 'all') {
    open = (status !== undefined || implied.length > 0) && listed.length > 0;
  } else {
    open = status !== undefined || categories.length > 0;
  }
  const verified = status !== undefined || listed.length > 0 || implied.some((x) => JOB_SEEKER_CATEGORIES[x]?.verified);
  return { status, categories, open, verified };
}

function routesText(status: Status | undefined, categories: readonly Category[]): string {
  const parts: string[] = [];
  if (status !== undefined) parts.push(STATUS_PHRASES[status]);
  for (const k of categories) parts.push(categoryLabel(k));
  return andList(parts);
}

const NON_MARKET: readonly StructureStatus[] = ['public', 'prive_non_lucratif'];

/** A scheme's employer condition: undefined list = any employer; unknown status = cannot tell. */
function employerAllowed(r: Resolved, employer: StructureStatus | undefined): Tri {
  if (r.employerStatuses === undefined) return 'yes';
  if (employer === undefined) return 'unknown';
  return r.employerStatuses.includes(employer) ? 'yes' : 'no';
}

function decision(r: Resolved, verified: boolean, reason: string): AidDecision {
  return { code: r.code, label: r.label, verified: r.verified && verified, source: r.source, reason };
}

/** PEC employer: its listed statuses, or the non-market ones (public, associations) when none are listed. */
function pecEmployer(r: Resolved, employer: StructureStatus | undefined): Tri {
  if (r.employerStatuses !== undefined) return employerAllowed(r, employer);
  if (employer === undefined) return 'unknown';
  return NON_MARKET.includes(employer) ? 'yes' : 'no';
}

/** The PEC hire is a CUI-CAE: a PEC contract, a CDI, or a CDD of at least 6 months, 20–35 h a week (REFERENCE.md §4). */
function pecContract(v: Vacancy): Tri {
  const { type, weeklyHours } = v.contract;
  if (weeklyHours < 20 || weeklyHours > 35) return 'no';
  if (type === 'CDI') return 'yes';
  return type === 'CDD' || type === 'PEC' ? lastsAtLeastMonths(v.contract.startDate, v.contract.endDate, 6) : 'no';
}

/** Contracts décret 2024-561 opens the POEI to, when the referential lists none (REFERENCE.md §4). */
const POEI_CONTRACTS: readonly ContractType[] = ['CDI', 'CDD', 'INTERIM', 'APPRENTISSAGE', 'PROFESSIONNALISATION'];

/** POEI: an eligible contract (décret 2024-561) of at least 6 months; read by aids and by pathways' POEI route. */
export function poeiContractFits(ref: Referential, v: Vacancy): Tri {
  const type = v.contract.type;
  if (!(resolve(ref, 'POEI').contracts ?? POEI_CONTRACTS).includes(type)) return 'no';
  return type === 'CDI' ? 'yes' : lastsAtLeastMonths(v.contract.startDate, v.contract.endDate, 6);
}

const IF_SIX_MONTHS = ' si le contrat dure au moins 6 mois';
/** Every employer aid ends so: whether the person is eligible is the platform's to say. */
const FOR_THE_PERSON = 'selon la situation de la personne, à voir avec la plateforme';

/**
 * Aids and the advisory notes they raise, in a fixed order (PEC, Agefiph/FIPHFP, POEI,
 * apprenticeship, contrat pro) so that the output is deterministic.
 */
export function decideAids(candidate: Candidate, v: Vacancy, ref: Referential): { aids: AidDecision[]; notes: Note[] } {
  const aids: AidDecision[] = [];
  const notes: Note[] = [];
  const employer = v.structure.status;
  const type: ContractType = v.contract.type;
  // Decided at the hire: the contract's start, or later when the candidate is available later.
  const hire = hireDate(candidate, v);
  const c = candidateAt(candidate, hire);
  const startYear = Number(hire.slice(0, 4));
  const own = categoryCodes(c.categories);

  // PEC: non-market employers only. The hire is a CUI-CAE: a PEC contract, a CDI, or a CDD of at
  // least 6 months, 20–35 h a week (REFERENCE.md §4).
  {
    const r = resolve(ref, 'PEC');
    const routes = publicRoutes(c, r);
    const emp = pecEmployer(r, employer);
    const duration = pecContract(v);
    if (routes.open && emp === 'unknown') {
      notes.push({
        code: 'employer_status_unknown',
        message: 'Statut juridique de l’employeur non renseigné : l’accès au PEC (employeurs non marchands) reste à vérifier.',
      });
    } else if (routes.open && emp === 'yes' && duration !== 'no') {
      const cond = duration === 'unknown' ? IF_SIX_MONTHS : '';
      aids.push(decision(
        r,
        routes.verified,
        `Employeur non marchand et public éligible (${routesText(routes.status, routes.categories)}) : contrat aidé avec tutorat et formation${cond} ; taux d’aide fixé par la région.`,
      ));
    }
  }

  // Agefiph (private employers) or FIPHFP (public employers) for a beneficiary of the employment obligation.
  {
    const agefiph = resolve(ref, 'AGEFIPH');
    const fiphfp = resolve(ref, 'FIPHFP');
    const held = own.filter((x) => agefiph.categories.includes(x) || fiphfp.categories.includes(x));
    if (held.length > 0) {
      if (employer === undefined) {
        notes.push({
          code: 'employer_status_unknown',
          message: 'Statut juridique de l’employeur non renseigné : Agefiph (privé) ou FIPHFP (public) à déterminer.',
        });
      } else {
        const r = employerAllowed(fiphfp, employer) === 'yes' ? fiphfp : agefiph;
        const cats = held.filter((x) => r.categories.includes(x));
        if (employerAllowed(r, employer) === 'yes' && cats.length > 0) {
          const who = employer === 'public' ? 'Employeur public' : 'Employeur privé';
          aids.push(decision(
            r,
            true,
            `${who} et bénéficiaire de l’obligation d’emploi (${routesText(undefined, cats)}) : aides à l’embauche, à la formation et à l’adaptation du poste.`,
          ));
        }
      }
    }
  }

  // POEI: a job seeker with this offer, on an eligible contract of at least 6 months (décret 2024-561).
  {
    const r = resolve(ref, 'POEI');
    const routes = publicRoutes(c, r);
    const duration = poeiContractFits(ref, v);
    if (routes.open && duration !== 'no') {
      const cond = duration === 'unknown' ? IF_SIX_MONTHS : '';
      aids.push(decision(
        r,
        routes.verified,
        `${routesText(routes.status, routes.categories).replace(/^./, (x) => x.toUpperCase())}, avec cette offre précise : formation financée par France Travail avant l’embauche (300 à 600 h selon le cas)${cond}.`,
      ));
    }
  }

  // Apprenticeship: the contract is one; the age limit (16–29) does not apply with RQTH.
  if (type === 'APPRENTISSAGE' && employerAllowed(resolve(ref, 'APPRENTISSAGE'), employer) !== 'no') {
    const r = resolve(ref, 'APPRENTISSAGE');
    const fits = ageFits(c, startYear, r.minAge, r.maxAge);
    const exception = r.ageExceptions.find((x) => own.includes(x.category));
    const byException = exception !== undefined && fits !== 'yes' && ageFits(c, startYear, r.minAge, exception.maxAge) === 'yes';
    const limits = `${r.minAge ?? 16}–${r.maxAge ?? 29} ans`;
    if (fits !== 'no' || byException) {
      aids.push(decision(
        r,
        true,
        byException
          ? `Contrat d’apprentissage ouvert sans limite d’âge (${categoryLabel(exception.category)}) ; aide à l’embauche d’un apprenti, montant révisé chaque année.`
          : `Contrat d’apprentissage${fits === 'unknown' ? ` (limite d’âge ${limits} à vérifier)` : ''} : aide à l’embauche d’un apprenti, montant révisé chaque année.`,
      ));
    }
    if (!byException && fits === 'unknown') {
      notes.push({
        code: 'apprenticeship_age',
        message: c.birthYear === undefined
          ? `Âge non renseigné : le contrat d’apprentissage est ouvert de ${limits} (sans limite avec une RQTH).`
          : `Né·e en ${c.birthYear} : la limite d’âge de l’apprentissage (${limits}) peut être atteinte en ${startYear}, à vérifier avec la date de naissance.`,
      });
    } else if (!byException && fits === 'no') {
      notes.push({
        code: 'apprenticeship_age',
        message: `Hors de la tranche d’âge de l’apprentissage (${limits}) : possible seulement par une exception du Code du travail (L6222-1 : diplôme de niveau supérieur, rupture indépendante de la volonté de l’apprenti…).`,
      });
    }
  }

  // Contrat de professionnalisation: 16–25, job seekers of 26 and more, RSA/ASS/AAH; not public employers.
  if (type === 'PROFESSIONNALISATION') {
    const r = resolve(ref, 'PROFESSIONNALISATION');
    const routes = publicRoutes(c, r);
    const fits = ageFits(c, startYear, r.minAge, r.maxAge);
    const emp = employerAllowed(r, employer);
    const ages = `${r.minAge ?? 16}–${r.maxAge ?? 25} ans`;
    if (emp === 'no') {
      notes.push({
        code: 'professionalisation_employer',
        message: proEmployerRefused(employer),
      });
    } else {
      const openedBy: 'status' | 'age' | 'category' | undefined = routes.status !== undefined ? 'status'
        : fits !== 'no' ? 'age'
        : routes.open ? 'category' : undefined;
      if (openedBy !== undefined) {
        const route = openedBy === 'age'
          ? (fits === 'yes' ? ages : `âge à vérifier, ${ages}`)
          : routesText(routes.status, routes.categories);
        aids.push(decision(
          r,
          openedBy !== 'category' || routes.verified,
          `Public éligible au contrat de professionnalisation (${route}) : formation en alternance prise en charge.`,
        ));
      }
      if (openedBy === 'age' && fits === 'unknown') {
        notes.push({
          code: 'professionalisation_age',
          message: c.birthYear === undefined
            ? `Âge non renseigné : le contrat de professionnalisation est ouvert aux ${ages}, aux demandeurs d’emploi de 26 ans et plus et aux bénéficiaires de minima sociaux.`
            : `Né·e en ${c.birthYear} : la limite de ${r.maxAge ?? 25} ans peut être atteinte en ${startYear}, à vérifier.`,
        });
      }
      if (emp === 'unknown' && openedBy !== undefined) {
        notes.push({
          code: 'employer_status_unknown',
          message: PRO_EMPLOYER_UNKNOWN,
        });
      }
    }
  }

  return { aids, notes };
}

const PRO_EMPLOYER_UNKNOWN = 'Statut juridique de l’employeur non renseigné : le contrat de professionnalisation n’est pas ouvert aux employeurs publics.';

function proEmployerRefused(employer: StructureStatus | undefined): string {
  return employer === 'public'
    ? 'Le contrat de professionnalisation n’est pas ouvert aux employeurs publics.'
    : 'Le contrat de professionnalisation n’est pas prévu pour ce type d’employeur dans le référentiel.';
}

/**
 * The aids an employer sees: decided by the post alone, the same for every candidate, in the
 * advisor's order. REFERENCE.md §4 splits each scheme into the post's side and the person's:
 * PEC — a non-market employer, a CDI or a CDD of 6 months or more, 20–35 h a week (the person:
 * diagnosed by France Travail, Mission locale or Cap emploi); POEI — an eligible contract of 6
 * months or more (décret 2024-561; the person: a job seeker); apprenticeship and contrat pro — the
 * contract type, and for the contrat pro a non-public employer (the person: age, status, minima
 * sociaux). The employer reads the post's side, each aid ending "selon la situation de la personne,
 * à voir avec la plateforme". Agefiph and FIPHFP, which only a category opens, are not listed.
 */
export function employerAids(v: Vacancy, ref: Referential): { aids: AidDecision[]; notes: Note[] } {
  const aids: AidDecision[] = [];
  const notes: Note[] = [];
  const employer = v.structure.status;
  const type = v.contract.type;

  const pec = resolve(ref, 'PEC');
  const pecDuration = pecContract(v);
  if (pecEmployer(pec, employer) === 'yes' && pecDuration !== 'no') {
    const cond = pecDuration === 'unknown' ? IF_SIX_MONTHS : '';
    aids.push(decision(pec, true, `Employeur non marchand : ce recrutement peut relever d’un contrat aidé PEC${cond}, ${FOR_THE_PERSON}.`));
  }

  const poei = resolve(ref, 'POEI');
  const poeiDuration = poeiContractFits(ref, v);
  if (poeiDuration !== 'no') {
    const cond = poeiDuration === 'unknown' ? IF_SIX_MONTHS : '';
    aids.push(decision(poei, true, `Une formation financée par France Travail avant l’embauche (POEI) est envisageable${cond}, ${FOR_THE_PERSON}.`));
  }

  const apprenticeship = resolve(ref, 'APPRENTISSAGE');
  if (type === 'APPRENTISSAGE' && employerAllowed(apprenticeship, employer) !== 'no') {
    aids.push(decision(apprenticeship, true, `Contrat d’apprentissage : aide de l’État à l’embauche d’un apprenti, montant révisé chaque année, ${FOR_THE_PERSON}.`));
  }

  if (type === 'PROFESSIONNALISATION') {
    const pro = resolve(ref, 'PROFESSIONNALISATION');
    const emp = employerAllowed(pro, employer);
    if (emp === 'no') {
      notes.push({ code: 'professionalisation_employer', message: proEmployerRefused(employer) });
    } else {
      aids.push(decision(pro, true, `Contrat de professionnalisation : formation en alternance prise en charge, ${FOR_THE_PERSON}.`));
      if (emp === 'unknown') notes.push({ code: 'employer_status_unknown', message: PRO_EMPLOYER_UNKNOWN });
    }
  }

  return { aids, notes };
}
