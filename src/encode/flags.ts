/** Bit layout of the candidate and vacancy flag words; shared positions let the kernel AND them directly. */
export const F_LICENCE = 1 << 0;
export const F_VEHICLE = 1 << 1;
export const F_NIGHTS = 1 << 2;
export const F_WEEKENDS = 1 << 3;
export const F_SPLIT = 1 << 4;
export const F_SCHEDULE = F_NIGHTS | F_WEEKENDS | F_SPLIT;
/** Vacancy: accepts a candidate in training. */
export const F_ACCEPTS_TRAINING = 1 << 5;
/** Candidate: holds a certification that is not a prerequisite. Vacancy: has a legal certification rule. */
export const F_ANY_CERT = 1 << 6;
export const F_HAS_LEGAL = 1 << 6;
/** Candidate: no desired job (open to all). Vacancy: has required certifications. */
export const F_DESIRED_EMPTY = 1 << 7;
export const F_HAS_REQUIRED = 1 << 7;
/** Contract types, bits 8–14, in ContractType order. */
export const CONTRACT_SHIFT = 8;
export const CONTRACT_ORDER = ['CDI', 'CDD', 'INTERIM', 'APPRENTISSAGE', 'PROFESSIONNALISATION', 'PEC', 'VACATION'] as const;
/** Vacancy: no certification expected at all. */
export const F_EXPECTED_EMPTY = 1 << 15;
export const F_DOMICILE = 1 << 16;
export const F_ETABLISSEMENT = 1 << 17;
export const F_SECTORS = F_DOMICILE | F_ETABLISSEMENT;
export const F_PUB_AGED = 1 << 18;
export const F_PUB_HANDICAP = 1 << 19;
export const F_PUB_CHILDREN = 1 << 20;
export const F_PUBLICS = F_PUB_AGED | F_PUB_HANDICAP | F_PUB_CHILDREN;
/** Candidate: authorised to work. Every vacancy needs it. */
export const F_AUTH = 1 << 21;
/**
 * Capabilities a vacancy may need and a candidate may have, at the same bit positions in the
 * vacancy's `need` word and the candidate's flags: `need & ~flags` names every unmet one at once.
 */
export const CAPABILITIES = F_LICENCE | F_VEHICLE | F_NIGHTS | F_WEEKENDS | F_SPLIT | (0x7f << 8) | F_AUTH;
/**
 * The bits of a shortlist grid's item words (`Grid.itemBits`) that no post's `need` uses: there a
 * candidate's capabilities leave room for its job bits (EncodingContext.jobBit).
 */
export const JOB_BIT_POSITIONS: readonly number[] = Array.from({ length: 32 }, (_, b) => b).filter((b) => (CAPABILITIES & (1 << b)) === 0);

export const PUBLIC_FLAG: Readonly<Record<string, number>> = {
  personnes_agees: F_PUB_AGED,
  handicap: F_PUB_HANDICAP,
  enfance: F_PUB_CHILDREN,
  mixte: F_PUBLICS,
};

export function contractFlag(type: string): number {
  return 1 << (CONTRACT_SHIFT + CONTRACT_ORDER.indexOf(type as (typeof CONTRACT_ORDER)[number]));
}

/** Transit is the only mode with a fixed time; the others reduce to their best minutes per km. */
export const MODE_CODES = ['car', 'motorbike', 'transit', 'bike', 'walk'] as const;
export const MODE_NONE = 255;
