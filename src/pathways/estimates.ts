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
 * Partial cursus known only from a historic regime: the old shortened length, kept as an order of
 * magnitude for the current bridge that REFERENCE.md does not quantify. Hours = full cursus × the
 * old ratio of weeks.
 */
export const HISTORIC_PARTIAL_WEEKS: Readonly<Record<string, { weeks: number; fullWeeks: number; label: string; source: string; verified: boolean }>> = {
  'DEAS>DEAP': {
    weeks: 9 + 12,
    fullWeeks: 17 + 24,
    label: 'régime 2006 (abrogé en 2022) : modules 1 et 3 seulement, 9 semaines de cours + 12 semaines de stage au lieu de 17 + 24',
    source: 'REFERENCE.md §3 (DEAS → DEAP, 2006 regime, historic)',
    verified: false,
  },
};

/** VAE admissibility of DEAS / DEAP: domain coverage, checked by France VAE's AAP (REFERENCE.md §2.1). */
export const VAE_DOMAIN_RULE: Readonly<Record<string, { verified: boolean; source: string }>> = {
  DEAP: { verified: true, source: 'arrêté 28 Mar 2022 (DEAP VAE, domaines d’activité)' },
  DEAS: { verified: false, source: 'REFERENCE.md §2.1 (DEAS wording assumed parallel to DEAP [U])' },
};
