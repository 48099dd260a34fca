/**
 * Funding of a pathway step: every scheme that could pay for it, with `applies` and a French
 * reason, and what is left to the candidate. Lists of statuses, categories, ages and caps are read
 * from the referential scheme when it carries them; `RULES` holds the REFERENCE.md §4 fallback for
 * each with its confidence, so nothing here invents a regulation.
 *
 * Categories only ever open a scheme (an OR beside the status): adding one never closes anything,
 * which keeps "a category never lowers a pathway" true by construction.
 */
import type { Candidate } from '../schema/candidate.js';
import type { Vacancy } from '../schema/vacancy.js';
import type { TrainingSession } from '../schema/training.js';
import type { Category, FundingCode, Status, StructureStatus } from '../schema/primitives.js';
import type { FundingScheme, Referential } from '../referential/types.js';
import type { FundingDecision, StepKind } from './types.js';
import { CPF_CAPS, CPF_PARTICIPATION, FIXED_PRICES, POEI_MAX_HOURS, PRICE_PER_HOUR } from './estimates.js';
import { formatEuros, formatHours } from '../format/french.js';
import { CATEGORY_SHORT_LABELS } from '../explain/labels.js';
import { candidateAt, categoryCodes, hasDatedCategories } from '../schema/categories.js';
import { poeiContractFits } from '../explain/aids.js';
import { lookups } from './goals.js';

/** How a scheme pays: all of it, all but the CPF participation, or only a complement. */
type Coverage = 'full' | 'participation' | 'complement';

interface Rule {
  /** Referential codes to look for, first found wins. */
  codes: readonly string[];
  /** The TrainingSession.funding value of the scheme (a session that refuses it rules it out). */
  session?: FundingCode;
  coverage: Coverage;
  source: string;
  verified: boolean;
  statuses?: readonly Status[];
  categories?: readonly Category[];
  minAge?: number;
  maxAge?: number;
  ageExceptions?: readonly { category: Category; maxAge: number | null }[];
  /** Employer statuses for which the scheme is open (vacancy targets only). */
  employerStatuses?: readonly StructureStatus[];
}

export const RULES = {
  CPF: {
    codes: ['CPF'],
    session: 'CPF',
    coverage: 'participation',
    source: 'REFERENCE.md §4 CPF (participation forfaitaire, décret 2024-394)',
    verified: true,
  },
  PRF: {
    codes: ['PRF'],
    session: 'PRF',
    coverage: 'full',
    source: 'REFERENCE.md §4 PRF / Région [K]',
    verified: false,
    statuses: ['demandeur_emploi'],
    categories: ['RSA', 'DELD'],
  },
  AIF: {
    codes: ['AIF'],
    session: 'AIF',
    coverage: 'full',
    source: 'REFERENCE.md §4 AIF (France Travail)',
    verified: true,
    statuses: ['demandeur_emploi'],
    categories: ['DELD'],
  },
  PTP: {
    codes: ['PTP'],
    session: 'PTP',
    coverage: 'full',
    source: 'REFERENCE.md §4 PTP / Transitions Pro',
    verified: true,
    statuses: ['salarie'],
  },
  PRO_A: {
    codes: ['PRO_A'],
    session: 'PRO_A',
    coverage: 'full',
    source: 'REFERENCE.md §4 Pro-A',
    verified: true,
    statuses: ['salarie'],
  },
  AGEFIPH: {
    codes: ['AGEFIPH'],
    session: 'AGEFIPH',
    coverage: 'complement',
    source: 'REFERENCE.md §4 Agefiph (aides à la formation)',
    verified: true,
    categories: ['RQTH', 'AAH'],
  },
  AGEFIPH_PERMIS: {
    codes: ['AGEFIPH_PERMIS'],
    coverage: 'complement',
    source: 'REFERENCE.md §4 Agefiph (aide au permis ≤ 1 000 €, surcoût lié au handicap)',
    verified: true,
    categories: ['RQTH', 'AAH'],
  },
  APPRENTISSAGE: {
    codes: ['APPRENTISSAGE', 'CONTRAT_APPRENTISSAGE'],
    session: 'APPRENTISSAGE',
    coverage: 'full',
    source: 'REFERENCE.md §4 contrat d’apprentissage (C. trav. L6222-1)',
    verified: true,
    minAge: 16,
    maxAge: 29,
    ageExceptions: [{ category: 'RQTH', maxAge: null }],
  },
  PROFESSIONNALISATION: {
    codes: ['PROFESSIONNALISATION', 'CONTRAT_PRO'],
    session: 'PROFESSIONNALISATION',
    coverage: 'full',
    source: 'REFERENCE.md §4 contrat de professionnalisation (C. trav. L6325-1)',
    verified: true,
    statuses: ['demandeur_emploi'],
    categories: ['RSA', 'ASS', 'AAH'],
    minAge: 16,
    maxAge: 25,
    employerStatuses: ['prive_non_lucratif', 'prive_lucratif', 'particulier_employeur'],
  },
  POEI: {
    codes: ['POEI'],
    session: 'POEI',
    coverage: 'full',
    source: 'REFERENCE.md §4 POEI (décret 2024-561; France Travail délibération 2024-29)',
    verified: true,
    statuses: ['demandeur_emploi'],
    categories: ['DELD'],
  },
  CEJ: {
    codes: ['CEJ'],
    // An accompaniment with an allowance: it pays the young person, never the course.
    coverage: 'complement',
    source: 'REFERENCE.md §4 CEJ (16–25 ans révolus, moins de 30 ans avec une RQTH)',
    verified: true,
    statuses: ['demandeur_emploi', 'inactif'],
    minAge: 16,
    maxAge: 25,
    ageExceptions: [{ category: 'RQTH', maxAge: 29 }],
  },
  PMSMP: {
    codes: ['PMSMP'],
    coverage: 'full',
    source: 'REFERENCE.md §4 PMSMP',
    verified: true,
    statuses: ['demandeur_emploi'],
    categories: ['RSA', 'RQTH', 'JEUNE', 'RECONVERSION', 'DELD', 'AAH', 'ASS'],
  },
} as const satisfies Record<string, Rule>;

export type RuleCode = keyof typeof RULES;

/** Schemes considered for each kind of step, in the order they are listed. */
export const SCHEMES_BY_KIND: Readonly<Record<StepKind, readonly RuleCode[]>> = {
  training: ['PRF', 'AIF', 'CPF', 'PTP', 'PRO_A', 'AGEFIPH'],
  partial_training: ['PRF', 'AIF', 'CPF', 'PTP', 'PRO_A', 'AGEFIPH'],
  vae: ['AIF', 'CPF', 'AGEFIPH'],
  apprenticeship: ['APPRENTISSAGE'],
  professionalisation: ['PROFESSIONNALISATION'],
  prerequisite: ['PRF', 'AIF', 'CPF', 'AGEFIPH'],
  // The CEJ path is immersion, a pre-qualifying course, then the training (REFERENCE.md §4).
  french: ['PRF', 'AIF', 'CPF', 'CEJ'],
  immersion: ['PMSMP', 'CEJ'],
  poei: ['POEI'],
};
/** The driving licence: CPF, and the Agefiph licence aid for the disability-related extra cost only. */
export const LICENCE_SCHEMES: readonly RuleCode[] = ['CPF', 'AGEFIPH_PERMIS'];

interface Resolved {
  code: string;
  rule: Rule;
  scheme: FundingScheme | undefined;
  verified: boolean;
  statuses: readonly Status[];
  categories: readonly Category[];
  minAge: number | undefined;
  maxAge: number | undefined;
  ageExceptions: readonly { category: Category; maxAge: number | null }[];
  employerStatuses: readonly StructureStatus[] | undefined;
}

/** Resolved schemes by referential: decide() asks for one per scheme of every step. */
const resolvedByReferential = new WeakMap<Referential, Map<RuleCode, Resolved>>();

export function resolveScheme(ref: Referential, code: RuleCode): Resolved {
  let byCode = resolvedByReferential.get(ref);
  if (byCode === undefined) resolvedByReferential.set(ref, (byCode = new Map()));
  let r = byCode.get(code);
  if (r === undefined) byCode.set(code, (r = resolve(ref, code)));
  return r;
}

function resolve(ref: Referential, code: RuleCode): Resolved {
  const rule: Rule = RULES[code];
  let scheme: FundingScheme | undefined;
  for (const c of rule.codes) {
    scheme = ref.funding.find((f) => f.code === c);
    if (scheme) break;
  }
  const e = scheme?.eligibility;
  return {
    code: scheme?.code ?? code,
    rule,
    scheme,
    // Only as verified as both the referential entry and our reading of REFERENCE.md.
    verified: scheme ? scheme.verified && rule.verified : rule.verified,
    statuses: e?.statuses ?? rule.statuses ?? [],
    categories: e?.categories ?? rule.categories ?? [],
    minAge: e?.minAge ?? rule.minAge,
    maxAge: e?.maxAge ?? rule.maxAge,
    ageExceptions: e?.ageExceptions ?? rule.ageExceptions ?? [],
    employerStatuses: e?.employerStatuses ?? rule.employerStatuses,
  };
}

/** The CPF participation forfaitaire (referential's traineeCost, else REFERENCE.md's 2025 figure). */
export function cpfParticipation(ref: Referential): number {
  return resolveScheme(ref, 'CPF').scheme?.traineeCost ?? CPF_PARTICIPATION.value;
}

/**
 * POEI hours cap: 450 h, the tier for a POEI with a training body (REFERENCE.md §4); the 600 h tier
 * needs a PIC targeting the input does not carry. A lower referential cap wins.
 */
export function poeiMaxHours(ref: Referential): number {
  return Math.min(resolveScheme(ref, 'POEI').scheme?.eligibility.maxHours ?? Infinity, POEI_MAX_HOURS.value);
}

type Tri = 'yes' | 'no' | 'unknown';

/** The age exception a category of the candidate opens in scheme `r` (RQTH for apprenticeship and CEJ), if any. */
function exceptionFor(r: Resolved, c: Candidate): Resolved['ageExceptions'][number] | undefined {
  const categories = categoryCodes(c.categories);
  return r.ageExceptions.find((e) => categories.includes(e.category));
}

/** Whether the age during `year` fits [min, max] (a person born in Y is Y−b−1 or Y−b that year). */
function ageFits(c: Candidate, year: number, min: number | undefined, max: number | null | undefined): Tri {
  if (min === undefined && (max === undefined || max === null)) return 'yes';
  if (c.birthYear === undefined) return 'unknown';
  const lo = year - c.birthYear - 1;
  const hi = year - c.birthYear;
  if (lo >= (min ?? -Infinity) && hi <= (max ?? Infinity)) return 'yes';
  if (hi < (min ?? -Infinity) || lo > (max ?? Infinity)) return 'no';
  return 'unknown';
}

const STATUS_FR: Readonly<Record<Status, string>> = {
  demandeur_emploi: 'demandeur·euse d’emploi',
  salarie: 'salarié·e',
  etudiant: 'étudiant·e',
  inactif: 'sans activité',
};

function hasWorked(c: Candidate): boolean {
  return c.status === 'salarie' || c.experience.some((e) => e.months > 0);
}

export interface StepContext {
  kind: StepKind;
  candidate: Candidate;
  referential: Referential;
  /** Start of the step: ages are taken that year. */
  startDate: string;
  hours: number;
  /** Hours spent at the training centre (placements excluded): what a self-funded price counts. Default: `hours`. */
  centreHours?: number;
  /** Certification or prerequisite code (prices, the licence aid). */
  code: string;
  session?: TrainingSession;
  vacancy?: Vacancy;
}

export interface StepFunding {
  decisions: FundingDecision[];
  cost: number;
  costEstimated: boolean;
  /** Every scheme that applies is verified. */
  verified: boolean;
  /** Schemes that would lower `cost` if their condition holds (not counted in it). */
  dependsOn: { code: string; condition: string }[];
}

function publicOpens(c: Candidate, r: Resolved): { ok: boolean; why: string } {
  if (r.statuses.length === 0 && r.categories.length === 0) return { ok: true, why: '' };
  if (c.status !== undefined && r.statuses.includes(c.status)) return { ok: true, why: `statut ${STATUS_FR[c.status]}` };
  const cats = categoryCodes(c.categories).filter((x) => r.categories.includes(x));
  if (cats.length > 0) return { ok: true, why: `public ${cats.map((x) => CATEGORY_SHORT_LABELS[x]).join(', ')}` };
  const wanted = [...r.statuses.map((s) => STATUS_FR[s]), ...r.categories.map((x) => CATEGORY_SHORT_LABELS[x])].join(', ');
  return { ok: false, why: `réservé à : ${wanted}` };
}

/** One scheme for one step. */
function decide(code: RuleCode, ctx: StepContext): FundingDecision & { coverage: Coverage } {
  const r = resolveScheme(ctx.referential, code);
  const c = ctx.candidate;
  const no = (reason: string) => ({ code: r.code, applies: false, reason, verified: r.verified, coverage: r.rule.coverage });
  // `condition`: it applies only if that holds, which the input does not settle (the cost does not count on it).
  const yes = (reason: string, cost?: number, condition?: string) => ({
    code: r.code, applies: true, reason, ...(cost !== undefined ? { cost } : {}), ...(condition !== undefined ? { condition } : {}),
    verified: r.verified, coverage: r.rule.coverage,
  });

  if (ctx.session && r.rule.session && !ctx.session.funding.includes(r.rule.session)) {
    // The step names its session (sessionId): the reason does not, so it is shared by every session.
    return no('la session retenue n’accepte pas ce financement');
  }
  const year = Number(ctx.startDate.slice(0, 4));

  switch (code) {
    case 'CPF': {
      if (!hasWorked(c)) return no('pas de droits CPF connus : le compte s’alimente par une activité salariée passée');
      const jobSeeker = c.status === 'demandeur_emploi';
      const part = jobSeeker ? 0 : cpfParticipation(ctx.referential);
      return yes(
        jobSeeker
          ? 'droits acquis par l’activité passée, dans la limite du solde ; demandeur·euse d’emploi : exonéré·e de la participation forfaitaire'
          : `droits acquis par l’activité passée, dans la limite du solde ; participation forfaitaire de ${formatEuros(part)} à la charge du titulaire`,
        part,
      );
    }
    case 'APPRENTISSAGE': {
      const exception = exceptionFor(r, c);
      const max = exception ? exception.maxAge : r.maxAge;
      const fit = ageFits(c, year, r.minAge, max);
      if (fit === 'no') return no(`âge hors des limites du contrat d’apprentissage (${r.minAge ?? 16}–${r.maxAge ?? 29} ans, sans limite avec une RQTH)`);
      if (exception && max === null) return yes(`ouvert sans limite d’âge au titre de la ${exception.category}`);
      if (fit === 'unknown') {
        return yes(`âge à vérifier : ouvert jusqu’à ${max ?? r.maxAge ?? 29} ans révolus (sans limite avec une RQTH)`, undefined,
          `au plus ${max ?? r.maxAge ?? 29} ans révolus au début du contrat`);
      }
      return yes(`âge compatible (jusqu’à ${max ?? 29} ans révolus) ; formation financée par l’OPCO, l’apprenti·e est rémunéré·e`);
    }
    case 'CEJ': {
      if (c.status !== undefined && !r.statuses.includes(c.status)) {
        return no('réservé aux jeunes sans emploi ni formation (demandeur·euse d’emploi ou sans activité)');
      }
      const exception = exceptionFor(r, c);
      const base = ageFits(c, year, r.minAge, r.maxAge);
      const fit = exception ? ageFits(c, year, r.minAge, exception.maxAge) : base;
      if (fit === 'no') return no(`âge hors des limites du CEJ (${r.minAge ?? 16}–${r.maxAge ?? 25} ans révolus, moins de 30 ans avec une RQTH)`);
      const why: string[] = [];
      if (base === 'yes') why.push(`âge compatible (${r.minAge ?? 16}–${r.maxAge ?? 25} ans révolus)`);
      else if (exception && fit === 'yes') {
        why.push(`ouvert ${exception.maxAge === null ? 'sans limite d’âge' : `jusqu’à ${exception.maxAge} ans révolus`} au titre de la ${exception.category}`);
      } else why.push(`âge à vérifier (jusqu’à ${(exception ? exception.maxAge : r.maxAge) ?? r.maxAge ?? 25} ans révolus)`);
      if (c.status === undefined) why.push('statut à vérifier (sans emploi ni formation)');
      return yes(`${why.join(' ; ')} : accompagnement CEJ (Mission locale ou France Travail), 15 à 20 h d’activités par semaine jusqu’à 12 mois${cejAllowance(r)} ; ne paie pas la formation`);
    }
    case 'PROFESSIONNALISATION': {
      if (ctx.vacancy?.structure.status && r.employerStatuses && !r.employerStatuses.includes(ctx.vacancy.structure.status)) {
        return no('non ouvert aux employeurs publics');
      }
      const young = ageFits(c, year, r.minAge, r.maxAge);
      const pub = publicOpens(c, r);
      if (young === 'yes') return yes(`ouvert de ${r.minAge ?? 16} à ${r.maxAge ?? 25} ans révolus ; formation financée par l’OPCO`);
      if (pub.ok) return yes(`ouvert au titre du ${pub.why} ; formation financée par l’OPCO`);
      if (young === 'unknown') {
        return yes(`âge à vérifier (16–25 ans), ou inscription comme demandeur·euse d’emploi à partir de 26 ans`, undefined,
          `au plus ${r.maxAge ?? 25} ans révolus au début du contrat, ou inscription comme demandeur·euse d’emploi`);
      }
      return no(`réservé aux 16–25 ans, aux demandeur·euses d’emploi de 26 ans et plus et aux bénéficiaires du RSA, de l’ASS ou de l’AAH`);
    }
    case 'POEI': {
      const pub = publicOpens(c, r);
      if (!pub.ok) return no('réservée aux demandeur·euses d’emploi');
      if (!ctx.vacancy) return no('suppose une offre d’emploi précise');
      if (!ctx.vacancy.trainsNewcomers) return no('l’employeur n’indique pas former les débutant·es');
      const contract = poeiContractFits(ctx.referential, ctx.vacancy);
      if (contract === 'no') return no('contrat de l’offre hors de la liste du décret 2024-561 (CDI, CDD, alternance ou intérim d’au moins 6 mois)');
      return yes(
        `${pub.why}, offre visée avec formation assurée ; au plus ${formatHours(poeiMaxHours(ctx.referential))} avant l’embauche, financées par France Travail`,
        undefined,
        contract === 'unknown' ? 'contrat d’au moins 6 mois (décret 2024-561), durée de l’offre non précisée' : undefined,
      );
    }
    case 'PTP': {
      const pub = publicOpens(c, r);
      if (!pub.ok) return no('réservé aux salarié·es du secteur privé');
      const rqth = categoryCodes(c.categories).includes('RQTH');
      // No seniority for a BOETH is [K] in REFERENCE.md §4: a decision resting on it is unverified.
      const ptp = yes(
        rqth
          ? 'salarié·e : projet de transition professionnelle, sans condition d’ancienneté pour un·e bénéficiaire de l’obligation d’emploi'
          : 'salarié·e : projet de transition professionnelle, sous condition d’ancienneté (24 mois dont 12 dans l’entreprise en CDI) à vérifier',
        undefined,
        rqth ? 'accord de la commission Transitions Pro sur le projet' : 'ancienneté (24 mois dont 12 dans l’entreprise en CDI) et accord de la commission Transitions Pro',
      );
      if (rqth) ptp.verified = false;
      return ptp;
    }
    case 'PRO_A': {
      const pub = publicOpens(c, r);
      if (!pub.ok) return no('réservée aux salarié·es en CDI');
      return yes('salarié·e : Pro-A si CDI et si la certification figure sur la liste de la branche (à vérifier)', undefined,
        'contrat en CDI et certification inscrite sur la liste de la branche');
    }
    case 'AGEFIPH_PERMIS': {
      const pub = publicOpens(c, r);
      if (!pub.ok) return no('réservée aux bénéficiaires de l’obligation d’emploi (RQTH…)');
      const ceiling = r.scheme?.amounts?.[0]?.euros;
      return yes(`aide Agefiph au permis${ceiling === undefined ? '' : ` (au plus ${formatEuros(ceiling)})`} : seulement le surcoût lié au handicap (permis adapté), pas un permis B standard`);
    }
    case 'PRF': {
      const pub = publicOpens(c, r);
      if (!pub.ok) return no(pub.why);
      // A place is free only on a session the Région bought (REFERENCE.md §4 [K]): without a session, nothing says one exists.
      if (!ctx.session) {
        return yes(`${pub.why} : places gratuites achetées par la Région, sur les sessions qu’elle finance`, undefined,
          'une session financée par la Région (PRF) a une place pour cette formation');
      }
      return yes(`${pub.why} : place financée par la Région sur cette session`);
    }
    case 'AIF': {
      const pub = publicOpens(c, r);
      if (!pub.ok) return no(pub.why);
      if (ctx.session && prfCovers(ctx)) {
        return no('la Région finance les places de cette session (PRF) : l’AIF ne vient qu’à défaut de financement collectif');
      }
      // REFERENCE.md §4: granted only when no collective funding covers the need, project validated in the PPAE.
      return yes(`${pub.why} : aide individuelle de France Travail, à défaut de financement collectif`, undefined,
        'aucun financement collectif ne couvre la formation et le projet est validé par le ou la conseiller·ère France Travail (PPAE)');
    }
    default: {
      const pub = publicOpens(c, r);
      if (!pub.ok) return no(pub.why);
      const what: Record<string, string> = {
        AGEFIPH: 'aides Agefiph à la formation, en complément d’un autre financement',
        PMSMP: 'convention d’immersion signée par un prescripteur (France Travail, Mission locale, Cap emploi), non rémunérée par l’accueil',
      };
      return yes(`${pub.why} : ${what[code] ?? 'ouvert'}`);
    }
  }
}

/** Whether the step's session is a Région place the candidate may take (PRF surely applies): AIF then has no need to meet. */
function prfCovers(ctx: StepContext): boolean {
  const d = decide('PRF', ctx);
  return d.applies && d.condition === undefined;
}

/** The scheme's largest stated allowance, for the reason ("… (allocation mensuelle maximale (…) : 561,68 €)"). */
function cejAllowance(r: Resolved): string {
  let best: { label: string; euros: number } | undefined;
  for (const a of r.scheme?.amounts ?? []) if (best === undefined || a.euros > best.euros) best = a;
  return best === undefined ? ', allocation sous conditions de ressources'
    : `, allocation sous conditions de ressources (${best.label} : ${formatEuros(best.euros)})`;
}


/**
 * Indicative price of a step when the candidate pays it (no quote known): a fixed price where one
 * is known (the licence), else the hours at the training centre at PRICE_PER_HOUR — placements in
 * structures are not bought from the centre.
 */
export function indicativePrice(code: string, centreHours: number): number {
  const fixed = FIXED_PRICES[code];
  return Math.round(fixed ? fixed.value : centreHours * PRICE_PER_HOUR.value);
}

/**
 * Steps that exist only through their scheme and never cost the trainee: work-study contracts (the
 * OPCO pays the training, the trainee is paid) and the POEI (France Travail pays), REFERENCE.md §4.
 * Where no scheme applies, the recommender does not offer the route.
 */
export const SCHEME_ONLY: ReadonlySet<StepKind> = new Set<StepKind>(['apprenticeship', 'professionalisation', 'poei']);

/**
 * The CPF ceiling of the candidate: €8,000 below niveau 3 (no certification of level 3 or more
 * held), else €5,000 (REFERENCE.md §4). The balance itself is not an input: the ceiling bounds it.
 */
function cpfCap(ref: Referential, c: Candidate): number {
  return lowQualified(ref, c) ? CPF_CAPS.lowQualified.value : CPF_CAPS.standard.value;
}

function lowQualified(ref: Referential, c: Candidate): boolean {
  if (c.qualifications.length === 0) return true;
  const certs = lookups(ref).certs;
  for (const q of c.qualifications) {
    if (q.blocks !== undefined) continue;
    const level = certs.get(q.code)?.level;
    if (level !== undefined && level >= 3) return false;
  }
  return true;
}

/**
 * Decisions for a step and its cost, counting only the schemes that surely apply (a scheme whose
 * condition the input does not settle — PTP, Pro-A, AIF, PRF without a session… — is listed in `dependsOn`): 0 when a fully
 * covering scheme applies; else, with the CPF, its participation plus what the indicative price
 * leaves above the CPF ceiling (0 participation for job seekers); else AUTOFINANCEMENT at the
 * indicative price. An immersion costs nothing even without a PMSMP convention (no training is
 * bought), nor does a work-study contract (the trainee is paid, the OPCO pays the training).
 * Categories are read as of the step's start.
 */
export function fundStep(ctx: StepContext): StepFunding {
  return assemble({ ...ctx, candidate: candidateAt(ctx.candidate, ctx.startDate) }, null);
}

/** fundStep; with a memo, decisions come from (and go to) the profile's decision memo. */
function assemble(ctx: StepContext, memo: FundingMemo | null): StepFunding {
  const decisions: FundingDecision[] = [];
  let full = false;
  let cpf: number | undefined;
  let verified = true;
  let conditional: FundingDecision[] | undefined;
  const schemes = ctx.kind === 'prerequisite' && ctx.code === 'PERMIS_B' ? LICENCE_SCHEMES : SCHEMES_BY_KIND[ctx.kind];
  for (const code of schemes) {
    const { coverage, decision: d } = memo === null ? decideSplit(code, ctx) : decideShared(code, ctx, memo);
    decisions.push(d);
    if (!d.applies) continue;
    if (d.condition !== undefined) {
      // Not counted in the cost: listed with its condition when it would pay something (see `pending` below).
      if (coverage !== 'complement') (conditional ??= []).push(d);
      continue;
    }
    verified &&= d.verified;
    if (coverage === 'full') full = true;
    else if (coverage === 'participation') cpf = d.cost ?? 0;
  }
  // A work-study contract or a POEI exists only through its scheme: the route itself depends on its condition.
  // Else a scheme to check matters only if something is left to pay once the sure schemes are counted.
  // It folds the schemes it lists into `verified`: call it before reading `verified`.
  const schemeOnly = SCHEME_ONLY.has(ctx.kind);
  const pending = (cost: number): StepFunding['dependsOn'] => {
    if (conditional === undefined || (!schemeOnly && cost === 0)) return NO_DEPENDS;
    for (const d of conditional) verified &&= d.verified;
    return conditional.map((d) => ({ code: d.code, condition: d.condition! }));
  };
  // A work-study contract or a POEI never costs the trainee; one that no scheme opens is not offered (the recommender drops it).
  if (full || schemeOnly) return { decisions, cost: 0, costEstimated: false, dependsOn: pending(0), verified };
  if (ctx.kind === 'immersion') {
    decisions.push({
      code: 'AUTOFINANCEMENT',
      applies: true,
      reason: 'aucun coût : immersion à organiser avec un prescripteur (France Travail, Mission locale, Cap emploi)',
      cost: 0,
      verified: true,
    });
    return { decisions, cost: 0, costEstimated: false, dependsOn: pending(0), verified };
  }
  const price = indicativePrice(ctx.code, ctx.centreHours ?? ctx.hours);
  if (cpf !== undefined) {
    const above = Math.max(0, price - cpfCap(ctx.referential, ctx.candidate));
    if (above === 0) return { decisions, cost: cpf, costEstimated: false, dependsOn: pending(cpf), verified };
    decisions.push({
      code: 'AUTOFINANCEMENT',
      applies: true,
      reason: `au-delà du plafond du CPF (${formatEuros(cpfCap(ctx.referential, ctx.candidate))}) : reste à charge indicatif de ${formatEuros(above)} (prix estimé à remplacer par le devis de l’organisme)`,
      cost: above,
      verified: true,
    });
    const cost = Math.round((cpf + above) * 100) / 100;
    return { decisions, cost, costEstimated: true, dependsOn: pending(cost), verified };
  }
  decisions.push({
    code: 'AUTOFINANCEMENT',
    applies: true,
    reason: `aucun financement acquis : reste à charge indicatif de ${formatEuros(price)}${ctx.centreHours !== undefined && ctx.centreHours < ctx.hours ? ' (heures en centre seulement, hors stages)' : ''} (à remplacer par le devis de l’organisme)`,
    cost: price,
    // Not a rule: nothing to verify; an estimated price is flagged by costEstimated.
    verified: true,
  });
  return { decisions, cost: price, costEstimated: true, dependsOn: pending(price), verified };
}
const NO_DEPENDS: StepFunding['dependsOn'] = [];

interface Decided {
  coverage: Coverage;
  decision: FundingDecision;
}

function decideSplit(code: RuleCode, ctx: StepContext): Decided {
  const { coverage, ...decision } = decide(code, ctx);
  return { coverage, decision };
}

/**
 * decide(), memoised per profile: a decision depends only on the profile, the scheme, whether the
 * session refuses it, the age class for age-bound contracts and the vacancy for the schemes that
 * read it — not on the step's certification, hours or session otherwise. Steps differ far more
 * often than their decisions do.
 */
function decideShared(code: RuleCode, ctx: StepContext, memo: FundingMemo): Decided {
  const r = resolveScheme(ctx.referential, code);
  const refused = ctx.session !== undefined && r.rule.session !== undefined && !ctx.session.funding.includes(r.rule.session);
  const age = refused ? -1
    : AGE_BOUND.has(code) ? ageClass(ctx.referential, ctx.candidate, yearOf(ctx.startDate))
    : SESSION_BOUND.has(code) ? sessionClass(ctx.session) : 0;
  const vacancy = !refused && VACANCY_BOUND.has(code) ? ctx.vacancy : undefined;
  let entries = memo.decisions.get(code);
  if (entries === undefined) memo.decisions.set(code, (entries = []));
  for (const e of entries) if (e.age === age && e.vacancy === vacancy) return e.decided;
  const decided = decideSplit(code, ctx);
  entries.push({ age, vacancy, decided });
  return decided;
}

const TRI_INDEX: Readonly<Record<Tri, number>> = { yes: 0, no: 1, unknown: 2 };

/**
 * What the age-bound schemes read of the age (decide()), the year the step starts: whether it fits
 * the apprenticeship bounds (with a category's exception), the professionalisation ones, and the
 * CEJ ones with and without its exception.
 * Answers depend on these fits, not on the birth year itself, so candidates born in different
 * years share them (keyed by birth year, a national batch missed the memo once per year of birth).
 */
function ageClass(ref: Referential, c: Candidate, year: number): number {
  const a = resolveScheme(ref, 'APPRENTISSAGE');
  const aException = exceptionFor(a, c);
  const apprenticeship = ageFits(c, year, a.minAge, aException ? aException.maxAge : a.maxAge);
  const p = resolveScheme(ref, 'PROFESSIONNALISATION');
  const professionalisation = ageFits(c, year, p.minAge, p.maxAge);
  const j = resolveScheme(ref, 'CEJ');
  const jException = exceptionFor(j, c);
  const cejBase = ageFits(c, year, j.minAge, j.maxAge);
  const cej = jException ? ageFits(c, year, j.minAge, jException.maxAge) : cejBase;
  return 1 + TRI_INDEX[apprenticeship] * 27 + TRI_INDEX[professionalisation] * 9 + TRI_INDEX[cejBase] * 3 + TRI_INDEX[cej];
}

/** The year of a YYYY-MM-DD date, without a substring (asked for every step). */
function yearOf(date: string): number {
  return (date.charCodeAt(0) - 48) * 1000 + (date.charCodeAt(1) - 48) * 100 + (date.charCodeAt(2) - 48) * 10 + (date.charCodeAt(3) - 48);
}

/** Schemes whose decision reads whether there is a session and whether it takes PRF (a Région place). */
const SESSION_BOUND: ReadonlySet<RuleCode> = new Set<RuleCode>(['PRF', 'AIF']);

/** The part of a session PRF and AIF read, as a key below the refused one (-1). */
function sessionClass(session: TrainingSession | undefined): number {
  return session === undefined ? -2 : session.funding.includes('PRF') ? -3 : -4;
}

/** Schemes whose decision reads the vacancy (employer status, training offered, its id). */
const VACANCY_BOUND: ReadonlySet<RuleCode> = new Set<RuleCode>(['PROFESSIONNALISATION', 'POEI']);
const KIND_VACANCY_BOUND = new Map<StepKind, boolean>(
  (Object.keys(SCHEMES_BY_KIND) as StepKind[]).map((k) => [k, SCHEMES_BY_KIND[k].some((c) => VACANCY_BOUND.has(c))]),
);

/** One bit per scheme a session may accept (TrainingSession.funding values of RULES). */
const SESSION_FUNDING_BIT = new Map<string, number>(
  [...new Set(Object.values(RULES as Record<string, Rule>).map((r) => r.session).filter((x) => x !== undefined))].map((code, i) => [code, 1 << i]),
);

/** Which schemes of RULES the session accepts: all decide() reads of a session. */
function sessionFundingMask(session: TrainingSession): number {
  let m = 0;
  for (const f of session.funding) m |= SESSION_FUNDING_BIT.get(f) ?? 0;
  return m;
}

/**
 * Schemes whose decision reads the candidate's age (decide() checks ageFits for these only): a
 * funding answer for a kind that uses none of them does not depend on the birth or start year.
 */
const AGE_BOUND: ReadonlySet<RuleCode> = new Set<RuleCode>(['APPRENTISSAGE', 'PROFESSIONNALISATION', 'CEJ']);
const KIND_AGE_BOUND = new Map<StepKind, boolean>(
  (Object.keys(SCHEMES_BY_KIND) as StepKind[]).map((k) => [k, SCHEMES_BY_KIND[k].some((c) => AGE_BOUND.has(c))]),
);
const LICENCE_AGE_BOUND = LICENCE_SCHEMES.some((c) => AGE_BOUND.has(c));

interface MemoEntry {
  hours: number;
  centreHours: number | undefined;
  vacancy: Vacancy | undefined;
  funding: StepFunding;
}

/** Small integers for step kinds, combined with the age into one numeric memo key. */
const KIND_INDEX: Readonly<Record<StepKind, number>> = {
  training: 0, partial_training: 1, vae: 2, apprenticeship: 3, professionalisation: 4, prerequisite: 5, french: 6, immersion: 7, poei: 8,
};

/**
 * Funding answers for one candidate profile: by code, then by one number for the schemes the
 * session accepts, the age class and the kind, a short list scanned by hours (and the vacancy for
 * kinds whose schemes read it). Codes are interned and the rest is a number, so a look-up builds no
 * string (hashing a key string built per step cost more than the answer it found).
 */
export class FundingMemo {
  readonly byCode = new Map<string, Map<number, MemoEntry[]>>();
  /** Scheme decisions (decideShared), by scheme then age and vacancy. */
  readonly decisions = new Map<RuleCode, { age: number; vacancy: Vacancy | undefined; decided: Decided }[]>();
  size = 0;
}
const memoByReferential = new WeakMap<Referential, Map<string, FundingMemo>>();
/** Profiles kept per referential, and answers per profile, before starting afresh (bounds a long-running server). */
const MEMO_MAX_PROFILES = 4096;
const MEMO_MAX_STEPS = 16_384;

const categoriesByReferential = new WeakMap<Referential, ReadonlySet<Category>>();

/** Categories some scheme of RULES opens to or excepts from its age limit, and RQTH: all decide() reads of them. */
function categoriesRead(ref: Referential): ReadonlySet<Category> {
  let read = categoriesByReferential.get(ref);
  if (read === undefined) {
    // PTP's reason names RQTH whatever the schemes list.
    const set = new Set<Category>(['RQTH']);
    for (const code of Object.keys(RULES) as RuleCode[]) {
      const r = resolveScheme(ref, code);
      for (const x of r.categories) set.add(x);
      for (const e of r.ageExceptions) set.add(e.category);
    }
    categoriesByReferential.set(ref, (read = set));
  }
  return read;
}

/**
 * The memo of fundStepShared for `c`'s profile: what decisions read of a candidate — status,
 * categories (in order: reasons list them), past work, the CPF ceiling — except the birth year, which only
 * age-bound contracts read (it is part of their step key). Looked up once per candidate.
 */
export function fundingMemoFor(referential: Referential, c: Candidate): FundingMemo {
  let profiles = memoByReferential.get(referential);
  if (profiles === undefined) memoByReferential.set(referential, (profiles = new Map()));
  const read = categoriesRead(referential);
  let categories = '';
  // Only the categories some scheme reads, in the candidate's order (reasons list them so).
  for (const x of categoryCodes(c.categories)) if (read.has(x)) categories += `${x},`;
  const profile = `${c.status ?? ''}|${categories}|${hasWorked(c)}|${lowQualified(referential, c)}`;
  let memo = profiles.get(profile);
  if (memo === undefined) {
    if (profiles.size >= MEMO_MAX_PROFILES) profiles.clear();
    profiles.set(profile, (memo = new FundingMemo()));
  }
  return memo;
}

/** The age class of one candidate for the last start year asked: one per recommender call (newAgeClasses). */
export interface AgeClasses {
  year: number;
  ageClass: number;
}

export function newAgeClasses(): AgeClasses {
  return { year: -1, ageClass: 0 };
}

/**
 * fundStep for callers that ask the same questions again and again (the pathway recommender:
 * every route of every candidate). `memo` must come from fundingMemoFor(referential, candidate),
 * `ages` from newAgeClasses() for this candidate.
 * Within a profile an answer depends only on the step (kind, code, hours, session, vacancy) and,
 * for age-bound contracts, the age class (ageClass). The step context is built only on a miss.
 * The result is shared between callers: read it, never mutate it.
 */
export function fundStepShared(
  memo: FundingMemo,
  ages: AgeClasses,
  referential: Referential,
  candidate: Candidate,
  kind: StepKind,
  startDate: string,
  hours: number,
  centreHours: number | undefined,
  code: string,
  session: TrainingSession | undefined,
  vacancy: Vacancy | undefined,
): StepFunding {
  // Dated categories: the profile changes with the step's date, so the profile's memo does not hold.
  if (hasDatedCategories(candidate.categories)) {
    return fundStep({ kind, candidate, referential, startDate, hours, ...(centreHours !== undefined ? { centreHours } : {}), code, session, vacancy });
  }
  const aged = kind === 'prerequisite' && code === 'PERMIS_B' ? LICENCE_AGE_BOUND : KIND_AGE_BOUND.get(kind) ?? true;
  let age = 0;
  if (aged) {
    const year = yearOf(startDate);
    if (ages.year !== year) {
      ages.year = year;
      ages.ageClass = ageClass(referential, candidate, year);
    }
    age = ages.ageClass;
  }
  if (memo.size >= MEMO_MAX_STEPS) {
    memo.byCode.clear();
    memo.decisions.clear();
    memo.size = 0;
  }
  let byKey = memo.byCode.get(code);
  if (byKey === undefined) memo.byCode.set(code, (byKey = new Map()));
  // A session matters only by the schemes it accepts (0: no session).
  // Age classes are below 128, kinds below 16.
  const key = ((session === undefined ? 0 : 1 + sessionFundingMask(session)) * 128 + age) * 16 + KIND_INDEX[kind];
  let entries = byKey.get(key);
  if (entries === undefined) byKey.set(key, (entries = []));
  const readsVacancy = KIND_VACANCY_BOUND.get(kind) ?? true;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (e.hours === hours && e.centreHours === centreHours && (!readsVacancy || e.vacancy === vacancy)) return e.funding;
  }
  const funding = assemble({ kind, candidate, referential, startDate, hours, ...(centreHours !== undefined ? { centreHours } : {}), code, session, vacancy }, memo);
  entries.push({ hours, centreHours, vacancy, funding });
  memo.size++;
  return funding;
}
