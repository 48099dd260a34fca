/**
 * Shapes of the sector referential. Every fact carries where it comes from and whether a public
 * source confirmed it (`verified: true` only for facts tagged [S] in REFERENCE.md).
 */
import type { ContractType, FrenchLevel, FundingCode, Category, Status, StructureKind, StructureStatus } from '../schema/primitives.js';

export interface Provenance {
  /** Short citation: a text (arrêté, CSP article), a site, or "REFERENCE.md §x". */
  source: string;
  /** true only when a public source confirms it ([S]); false for [K] and [U]. */
  verified: boolean;
  /** Fields of this entry that are only [K]/[U] although the entry itself is sourced (e.g. 'totalHours'). */
  unverifiedFields?: string[];
}

/** A term whose mapping to a job is not the official one (REFERENCE.md usage vs the ROME appellations file). */
export interface AlternativeTerm extends Provenance {
  term: string;
  note: string;
}

export type SectorKind = 'domicile' | 'etablissement' | 'both';
/** Whether the diploma is a legal requirement (LEGAL), a convention/employer habit (CONV) or none. */
export type DiplomaRule = 'LEGAL' | 'CONV' | 'NONE';

export interface Job extends Provenance {
  /** ROME v3 fiche code (the key). */
  rome: string;
  /** ROME 4.0 métier code where known (always verified: false until checked against the live API). */
  rome4?: string;
  label: string;
  /** Words and abbreviations people type for this job, lower-case, accents kept as typed. */
  synonyms: string[];
  /**
   * Synonyms shared with another job (AVS, aide à domicile…): resolved by context. Each is also in
   * `synonyms`, and every job that holds it lists it here.
   */
  ambiguousSynonyms?: string[];
  /** Ambiguous synonyms this job takes when no context word decides (exactly one job per term). */
  defaultFor?: string[];
  /** Context words (lower-case) that point to this job when an ambiguous synonym is met (école, domicile…). */
  contextWords?: string[];
  /** Mappings kept as alternatives because the official appellations file or REFERENCE.md says otherwise. */
  alternativeTerms?: AlternativeTerm[];
  /** false for jobs outside the sector kept only to route look-alike titles (AESH, security night guard). Default true. */
  inSector?: boolean;
  /** Why the entry looks the way it does (merged roles, legal caveats). */
  note?: string;
  sector: SectorKind;
  /** Core care fiches are in the sector by themselves; shared fiches need a sector context. */
  core: boolean;
  diploma: DiplomaRule;
  /** Certifications any one of which satisfies the legal requirement (LEGAL only). */
  legalCertifications?: string[];
  /** Certifications employers usually expect or prefer. */
  preferredCertifications?: string[];
  /** Jobs whose experience counts as related (ROME codes). */
  relatedJobs?: string[];
}

export interface Module {
  code: string;
  label: string;
  hours?: number;
  /** Overrides the bloc's `verified` for this module's hours (DEAS M3–M10 hours are [K]). */
  verified?: boolean;
}

export interface Block extends Provenance {
  /** Stable code, e.g. DEAS_B1, TP_ADVF_CCP2. */
  code: string;
  label: string;
  /** Theory hours of the bloc where known (sum of its modules when they are known). */
  hours?: number;
  modules?: Module[];
  /** Units kept from a former version of the certification (historic), or other remarks. */
  note?: string;
}

export interface Certification extends Provenance {
  code: string;
  label: string;
  /** Abbreviations and spellings people write on a CV ("DE AES", "titre pro ADVF"). */
  aliases: string[];
  /** Cadre national des certifications level (3 = CAP, 4 = Bac, 5 = Bac+2, 6 = Licence). */
  level?: number;
  kind: 'diploma' | 'titre_pro' | 'branch' | 'function' | 'prerequisite' | 'historic';
  /** Theory + practice hours of the full cursus; `theoryHours` when stated separately. */
  totalHours?: number;
  theoryHours?: number;
  practiceHours?: number;
  typicalMonths?: number;
  /** Range of months when sources only give a range (DETISF 18–24). */
  monthsRange?: { min: number; max: number };
  /** Range of total hours when sources only give one (TP ADVF ≈ 700–900 h [U]). */
  hoursRange?: { min: number; max: number };
  /**
   * Hours outside the blocs: `inTheory` when counted in `theoryHours` (DEAS: API, TPG, suivi des
   * apprentis), otherwise added on top of theory + practice (DEAES: AFGSU 2).
   */
  extraHours?: { label: string; hours: number; inTheory: boolean }[];
  certifier?: string;
  rncp?: { code: string; validFrom?: string; validTo?: string; predecessors: string[] } & Provenance;
  vae: boolean | 'unknown';
  access?: {
    minAge?: number;
    frenchLevelForeigners?: FrenchLevel;
    /** 'legal' = set by the regulatory text; 'provider' = a training provider's own rule. */
    requirementKind?: 'legal' | 'provider';
    /** Access conditions in words (selection, admission de droit, documents). */
    notes?: string;
  } & Partial<Provenance>;
  /** Other remarks (VAE conditions, validity of an attestation…). */
  notes?: string;
  blocks?: Block[];
  /**
   * A diploma of initial (school) education — lycée professionnel, CAP in school — whose full cursus
   * is meant for young people (REFERENCE.md §2: Bac pro ASSP / SAPAT "after 3e", 3 years); adults
   * reach the same jobs by adult routes, and the diploma itself by VAE or a partial cursus.
   */
  initialEducation?: boolean;
  /** Length of the same diploma's course for adults, where sources give one (CAP AEPE: GRETA/CNED 6–9 months [U]). */
  adultCourseMonths?: { min: number; max: number };
  /** Family used to tell "equivalent or higher" (e.g. 'care', 'social', 'home', 'childcare', 'nursing'). */
  family?: string;
  /** Historic certifications still held: what they count for today (a note, plus the current code when a rule exists). */
  historic?: { countsAs?: string; until?: string; note: string } & Provenance;
}

export interface Grant {
  /** Bloc or module code of the target certification. */
  unit: string;
  kind: 'equivalence' | 'allegement';
  hoursSaved?: number;
}

/** The code of `Bridge.from` when no certification is needed (an experience or contribution route). */
export const ANY_CERTIFICATION = '*';

export interface Bridge extends Provenance {
  /** Certification held, or ANY_CERTIFICATION ('*') when the route rests on `requires` only. */
  from: string;
  to: string;
  grants: Grant[];
  /**
   * 'admission' = admitted de droit / selection waived, without units granted;
   * 'written_test_waived' = dispensed from the written admission test only (the oral remains).
   */
  effect: 'partial_cursus' | 'admission' | 'deemed_holder' | 'eligibility' | 'written_test_waived';
  /** Regulatory regime: '2021' current, '2005'/'2006'/'2016' historic. */
  regime: string;
  historic: boolean;
  note?: string;
  /** Conditions besides holding `from`: experience in some jobs (empty `rome` = any job). */
  requires?: { experienceMonths?: number; rome?: string[]; note?: string };
}

export interface FundingScheme extends Provenance {
  code: string;
  label: string;
  eligibility: {
    statuses?: Status[];
    /** Any one of these categories opens it. */
    categories?: Category[];
    minAge?: number;
    maxAge?: number;
    /** Categories that lift the age limit (RQTH for apprenticeship…), with the new limit (null = none). */
    ageExceptions?: { category: Category; maxAge: number | null }[];
    /** Employer statuses for which it is open (PEC: non-market only). */
    employerStatuses?: StructureStatus[];
    contracts?: ContractType[];
    requiresJobOffer?: boolean;
    maxHours?: number;
    /** Hour caps by case (POEI 300/450/600). `maxHours` is the largest. */
    maxHoursTiers?: { maxHours: number; when: string }[];
    /** How `statuses` and `categories` combine: 'any' = either opens it; 'all' (default) = both must hold. */
    combine?: 'any' | 'all';
    /** Categories given priority or attention, without being required. */
    priorityCategories?: Category[];
    /** Contracts the person must currently hold (Pro-A: CDI), as opposed to `contracts` (the contract it leads to). */
    currentContracts?: ContractType[];
    notes?: string;
  };
  /** Dated amounts (allowance, cap, aid ceiling), in euros. */
  amounts?: { label: string; euros: number; from?: string }[];
  /** Statuses exempt from `traineeCost` (CPF: job seekers). */
  traineeCostExemptStatuses?: Status[];
  /** Which TrainingSession.funding value this scheme corresponds to, if any. */
  sessionFunding?: FundingCode;
  /** Indicative cost left to the trainee, in euros (CPF participation forfaitaire…). */
  traineeCost?: number;
}

export interface PublicCategory extends Provenance {
  code: Category;
  label: string;
  definition: string;
  /** Schemes this category may open. */
  opens: string[];
  /** Features this category must never lower. */
  neverLowers: string[];
  /**
   * How long a proof of this category stays current, in months (a platform may set its own by
   * extending the referential); absent: CATEGORY_PROOF_VALIDITY, the platform default.
   */
  proofValidityMonths?: number;
}

export interface Skill extends Provenance {
  code: string;
  label: string;
  synonyms?: string[];
}

export interface PhysicalDemand extends Provenance {
  code: string;
  label: string;
  /** Restriction code the demand meets. */
  restriction: string;
  /** Adaptation codes that lift it (empty: none). */
  liftedBy: string[];
  /** Aid that can fund the adaptation (e.g. AGEFIPH_ADAPTATION). */
  aid?: string;
}

export interface Restriction extends Provenance { code: string; label: string }
export interface Adaptation extends Provenance {
  code: string;
  label: string;
  /** Aid that can fund it (e.g. AGEFIPH_ADAPTATION). */
  aid?: string;
}
export interface StructureKindInfo extends Provenance { code: StructureKind; label: string; sector: 'domicile' | 'etablissement' }

export interface Referential {
  version: string;
  jobs: Job[];
  certifications: Certification[];
  bridges: Bridge[];
  funding: FundingScheme[];
  categories: PublicCategory[];
  skills: Skill[];
  physicalDemands: PhysicalDemand[];
  restrictions: Restriction[];
  adaptations: Adaptation[];
  structureKinds: StructureKindInfo[];
}
