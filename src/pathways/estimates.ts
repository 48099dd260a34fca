/**
 * Figures the pathway recommender needs and the referential does not carry. Each one says where it
 * comes from and whether a public source confirms it; `verified: false` ones make the steps that use
 * them `verified: false` (durations) or `costEstimated: true` (prices). Replace them with a
 * provider's calendar or quote whenever one exists: a session always wins over an estimate.
 */

export interface Estimate {
  value: number;
  source: string;
  verified: boolean;
}

/**
 * Full-time rhythm used to turn hours into weeks when no session gives dates: 35 h a week, the
 * legal full-time week (also the DEAS figure: 1,540 h in 44 weeks = 35 h/week, REFERENCE.md §2).
 */
export const FULL_TIME_WEEKLY_HOURS = 35;

/** Alternance durations (months) stated in REFERENCE.md §2; other certifications: full-time months × 1.5. */
export const APPRENTICESHIP_MONTHS: Readonly<Record<string, Estimate>> = {
  DEAS: { value: 18, source: 'REFERENCE.md §2 (DEAS: 18 months apprenticeship)', verified: true },
  DEAP: { value: 18, source: 'REFERENCE.md §2 (DEAP: 16–18 months apprenticeship, upper bound)', verified: true },
  TP_ADVF: { value: 12, source: 'REFERENCE.md §2 (TP ADVF: apprenticeship 9–12 months, upper bound)', verified: true },
};
/** Alternance stretches a cursus over more months (school/employer rhythm); 1.5 matches DEAS 11 → 18 months. */
export const ALTERNANCE_FACTOR: Estimate = {
  value: 1.5,
  source: 'ratio DEAS 18 mois en apprentissage / 11 mois à temps plein (REFERENCE.md §2), étendu aux autres certifications',
  verified: false,
};

/** A France VAE pathway (registration, dossier, accompaniment, jury): no duration in REFERENCE.md. */
export const VAE_MONTHS: Estimate = { value: 8, source: 'estimation (aucune durée dans REFERENCE.md §2.1)', verified: false };
/** Congé VAE: 48 h per evaluation session (C. trav. L6422-2, D6422-8 since 13 Apr 2024). */
export const VAE_HOURS: Estimate = { value: 48, source: 'REFERENCE.md §2.1 (congé VAE 48 h par session)', verified: true };

/** Hours per CEFR level step (A1→A2 …): the CIR's +100 h from A1 to A2, extrapolated to higher levels. */
export const FRENCH_HOURS_PER_LEVEL: Estimate = {
  value: 100,
  source: 'REFERENCE.md §5.1 (CIR : +100 h de A1 à A2), extrapolé aux niveaux suivants',
  verified: false,
};

/** Prerequisite courses whose length the referential leaves out. */
export const PREREQUISITE_HOURS: Readonly<Record<string, Estimate>> = {
  PERMIS_B: { value: 35, source: 'estimation (code + leçons de conduite), absente de REFERENCE.md', verified: false },
  SST: { value: 14, source: 'estimation (formation initiale SST), absente de REFERENCE.md', verified: false },
};

/** PMSMP: ≤ 1 month per convention (REFERENCE.md §4); two weeks full time is our default. */
export const IMMERSION_DAYS: Estimate = { value: 14, source: 'REFERENCE.md §4 (PMSMP ≤ 1 mois) ; 2 semaines par défaut', verified: false };
export const IMMERSION_HOURS = 2 * FULL_TIME_WEEKLY_HOURS;

/** POEI cap when the referential has none: 450 h with a training body (France Travail délibération 2024-29). */
export const POEI_MAX_HOURS: Estimate = { value: 450, source: 'REFERENCE.md §4 (POEI 300/450/600 h)', verified: true };

/** CPF ceilings (REFERENCE.md §4): €5,000; €8,000 for the low-qualified (below niveau 3). */
export const CPF_CAPS: Readonly<Record<'standard' | 'lowQualified', Estimate>> = {
  standard: { value: 5000, source: 'REFERENCE.md §4 (CPF : plafond 5 000 €)', verified: true },
  lowQualified: { value: 8000, source: 'REFERENCE.md §4 (CPF : plafond 8 000 € sous le niveau 3)', verified: true },
};

/** CPF participation forfaitaire when the referential has none: €102.23 in 2025 (décret 2024-394, indexed). */
export const CPF_PARTICIPATION: Estimate = { value: 102.23, source: 'REFERENCE.md §4 (participation forfaitaire 2025)', verified: true };

/**
 * Indicative prices for self-funding when no quote exists: no price is in REFERENCE.md, so these are
 * orders of magnitude only and make `costEstimated: true`.
 */
export const PRICE_PER_HOUR: Estimate = { value: 12, source: 'ordre de grandeur, non sourcé', verified: false };
export const FIXED_PRICES: Readonly<Record<string, Estimate>> = {
  PERMIS_B: { value: 1800, source: 'ordre de grandeur du permis B, non sourcé', verified: false },
};

/** Prerequisites a certification's entry or hiring needs beyond French (the referential keeps them as notes). */
export const REQUIRED_PREREQUISITES: Readonly<Record<string, { codes: string[]; source: string; verified: boolean }>> = {
  SURVEILLANT_NUIT: {
    codes: ['SST'],
    source: 'REFERENCE.md §1.2 (SST + EPI exigés à l’embauche, règle d’un organisme)',
    verified: false,
  },
};

/**
 * Partial cursus through a current bridge whose units REFERENCE.md §3 does not give: an estimate,
 * always `verified: false`. `share` is the part of the full cursus (hours) left to follow,
 * `centreShare` the part of those hours spent at the training centre (the rest: placements).
 *
 * - DEAS → DEAP: the 2006 regime's shortened length (9 weeks of courses + 12 of placement instead
 *   of 17 + 24).
 * - DEAP, Bac pro ASSP, Bac pro SAPAT → DEAS: the 2005 regime's list of modules to follow (2, 3 and
 *   4 of its 8 modules), taken as that share of today's 770 h of theory, plus the placements it
 *   kept (all of them for DEAP holders; 12 and 14 weeks at 35 h for the Bacs pro).
 * - DEAS, DEAP → DEAES (annex V "parcours partiel", blocs not stated): the one equivalence
 *   REFERENCE.md reports between DEAES and DEAS (bloc 5 [U]), taken as one fifth of the 546 h of
 *   theory; placements in full.
 */
export interface PartialEstimate {
  share: number;
  centreShare: number;
  /** French, for the step's notes. */
  label: string;
  source: string;
  verified: false;
}

const DEAS_THEORY = 770;
const DEAS_FULL = 1540;
const DEAES_THEORY = 546;
const DEAES_AFGSU = 21;
const DEAES_FULL = 1407;
const WEEK = FULL_TIME_WEEKLY_HOURS;

function toDeas(modulesToFollow: number, placementHours: number, label: string, source: string): PartialEstimate {
  const centre = (DEAS_THEORY * modulesToFollow) / 8;
  return { share: (centre + placementHours) / DEAS_FULL, centreShare: centre / (centre + placementHours), label, source, verified: false };
}

function toDeaesWithoutOneBloc(from: string): PartialEstimate {
  const centre = DEAES_THEORY - DEAES_THEORY / 5 + DEAES_AFGSU;
  const hours = DEAES_FULL - DEAES_THEORY / 5;
  return {
    share: hours / DEAES_FULL,
    centreShare: centre / hours,
    label: `calcul suivant : un bloc sur cinq en moins (l’équivalence de bloc rapportée entre DEAES et DEAS), stages complets ; blocs accordés au titre ${from === 'DEAP' ? 'du DEAP' : 'du DEAS'} à établir avec l’établissement`,
    source: 'REFERENCE.md §3 (DEAES annexe V : parcours partiel, blocs non précisés ; équivalence d’un bloc DEAES ↔ DEAS [U])',
    verified: false,
  };
}

export const PARTIAL_ESTIMATES: Readonly<Record<string, PartialEstimate>> = {
  'DEAS>DEAP': {
    share: (9 + 12) / (17 + 24),
    centreShare: 9 / (9 + 12),
    label: 'régime 2006 (abrogé en 2022) : modules 1 et 3 seulement, 9 semaines de cours + 12 semaines de stage au lieu de 17 + 24',
    source: 'REFERENCE.md §3 (DEAS → DEAP, 2006 regime, historic)',
    verified: false,
  },
  'DEAP>DEAS': toDeas(2, DEAS_FULL - DEAS_THEORY,
    'régime 2005 (abrogé en 2022) : modules 1 et 3 seulement sur 8, tous les stages auprès d’adultes',
    'REFERENCE.md §3 (DEAP → DEAS, 2005 regime, historic)'),
  'BAC_PRO_ASSP>DEAS': toDeas(3, 12 * WEEK,
    'régime 2005 (abrogé en 2022) : modules 2, 3 et 5 sur 8, plus 12 semaines de stage',
    'REFERENCE.md §3 (Bac Pro ASSP → DEAS, arrêté 21 May 2014, historic)'),
  'BAC_PRO_SAPAT>DEAS': toDeas(4, 14 * WEEK,
    'régime 2005 (abrogé en 2022) : modules 2, 3, 5 et 6 sur 8, plus 14 semaines de stage',
    'REFERENCE.md §3 (Bac Pro SAPAT → DEAS, 2005 regime, historic)'),
  'DEAS>DEAES': toDeaesWithoutOneBloc('DEAS'),
  'DEAP>DEAES': toDeaesWithoutOneBloc('DEAP'),
};

/**
 * Hours at the training centre when the referential does not split theory and placements: TP ADVF
 * ≈ 700–900 h including ≈ 200–300 h of placement (REFERENCE.md §2 [U]): 800 − 250 h.
 */
export const CENTRE_HOURS: Readonly<Record<string, Estimate>> = {
  TP_ADVF: { value: 800 - 250, source: 'REFERENCE.md §2 (TP ADVF ≈ 700–900 h dont ≈ 200–300 h de stage [U])', verified: false },
};

/**
 * Calendar length of a prerequisite whose hours say little about it: the driving licence (theory
 * test, at least 20 h of driving, waiting for an exam slot) takes about three months — an estimate,
 * REFERENCE.md gives none.
 */
export const PREREQUISITE_MONTHS: Readonly<Record<string, Estimate>> = {
  PERMIS_B: { value: 3, source: 'estimation (code, leçons de conduite et délai d’examen), absente de REFERENCE.md', verified: false },
};

/** VAE admissibility of DEAS / DEAP: domain coverage, checked by France VAE's AAP (REFERENCE.md §2.1). */
export const VAE_DOMAIN_RULE: Readonly<Record<string, { verified: boolean; source: string }>> = {
  DEAP: { verified: true, source: 'arrêté 28 Mar 2022 (DEAP VAE, domaines d’activité)' },
  DEAS: { verified: false, source: 'REFERENCE.md §2.1 (DEAS wording assumed parallel to DEAP [U])' },
};
