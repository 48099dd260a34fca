/**
 * Output and input shapes of the pathway recommender (MODEL.md "Pathway"). Field names of the
 * output contract are kept as MODEL.md names them; extra fields are additions.
 */
import type { Candidate } from '../schema/candidate.js';
import type { Vacancy } from '../schema/vacancy.js';
import type { TrainingSession } from '../schema/training.js';
import type { FrenchLevel, Mode } from '../schema/primitives.js';
import type { Referential } from '../referential/types.js';

export type StepKind =
  | 'training'
  | 'partial_training'
  | 'vae'
  | 'apprenticeship'
  | 'professionalisation'
  | 'prerequisite'
  | 'french'
  | 'immersion'
  | 'poei';

/** One funding scheme considered for a step: whether it applies and why (in French). */
export interface FundingDecision {
  /** Scheme code of the referential (CPF, PRF, AIF…) or AUTOFINANCEMENT. */
  code: string;
  applies: boolean;
  reason: string;
  /** What the candidate pays through this scheme, in euros (CPF participation, self-funding). */
  cost?: number;
  /** false when the rule comes from an unverified referential entry or is missing from it. */
  verified: boolean;
  /**
   * Set when the scheme applies only if this holds and the input does not settle it (PTP's
   * seniority, Pro-A's branch list, an age known by year only…), in French: the step's cost does
   * not count on it, the pathway lists it in `costDependsOn`.
   */
  condition?: string;
}

export interface PathwayStep {
  /** Stable machine code: `<kind>:<certification or scheme>`, e.g. `partial_training:DEAS`. */
  code: string;
  kind: StepKind;
  /** French label for the advisor. */
  label: string;
  certification?: string;
  sessionId?: string;
  provider?: string;
  startDate: string;
  endDate: string;
  hours: number;
  /** true when dates (and hours) are estimated: no matching session was found. */
  estimated: boolean;
  funding: FundingDecision[];
  /** false when any fact this step relies on is `verified: false` (or is an estimate of ours). */
  verified: boolean;
  /** What the candidate pays for this step (0 when funded). */
  cost: number;
  /** true when `cost` rests on an indicative price (no quote from a provider). */
  costEstimated: boolean;
  /** Commute to the training site, when a session is used. */
  commute?: { km: number; minutes: number; mode: Mode };
  /** Remarks the advisor should read (conditions to check, units granted, recommendations), in French. */
  notes: string[];
}

export type PathwayTargetKind = 'rome' | 'vacancy' | 'demand';

export interface PathwayTarget {
  kind: PathwayTargetKind;
  rome?: string;
  vacancyId?: string;
  /** The certification the pathway leads to, when it leads to one. */
  certification?: string;
  /** French label of the target (job label, or vacancy id). */
  label: string;
}

export interface Pathway {
  target: PathwayTarget;
  steps: PathwayStep[];
  /** End of the last step (YYYY-MM-DD). */
  jobReadyDate: string;
  /** What the candidate pays, in euros: Σ step costs, counting only the schemes that surely apply. */
  cost: number;
  /** Schemes still to check that would lower `cost` if granted, with their condition (French); the summary says so. */
  costDependsOn: { code: string; condition: string }[];
  /** Toward a vacancy: the job-ready date falls after the contract's start (the summary says so). false otherwise. */
  afterVacancyStart: boolean;
  /** Facts the input does not settle that the advisor should check (a category's proof to renew), in French. */
  toCheck: { code: string; message: string }[];
  /**
   * `vacancyIds`: vacancies within reach that the candidate would be eligible for once the pathway
   * is done (`deps.eligibleVacancies` on the modified candidate); `newCount`: those not already
   * eligible today.
   */
  unlocks: { count: number; vacancyIds: string[]; newCount: number };
  verified: boolean;
  /** French paragraph: route, job-ready date, cost and funding, vacancies opened. */
  summary: string;
  /** Blockers of the target that no training lifts (commute, nights…), with a French message. */
  notLifted: { code: string; message: string }[];
  /** Longest commute to a training site of the pathway, minutes (ranking key). */
  trainingCommuteMinutes: number;
}

/** A near miss as the engine returns it (a Match with blockers). */
export interface NearMissTarget {
  vacancyId: string;
  blockers: { code: string }[];
}

export type PathwayGoal = string | Vacancy | NearMissTarget;

export interface PathwayOptions {
  /** A ROME code, a vacancy, or a near-miss match; none: the jobs with most vacancies in reach. */
  target?: PathwayGoal;
  sessions?: readonly TrainingSession[];
  /** Reference date YYYY-MM-DD: nothing starts before it. */
  today: string;
  /** Pathways returned, best first (default 5). */
  limit?: number;
}

export interface PathwayDeps {
  referential: Referential;
  /** Vacancy ids within the candidate's reach that would be eligible for this (modified) candidate. */
  eligibleVacancies?: (c: Candidate) => string[];
  /**
   * true when eligibleVacancies returns a fresh array already in string order (the engine does):
   * the recommender then keeps it as is instead of copying and checking the order.
   */
  eligibleVacanciesSorted?: boolean;
  /**
   * What eligibleVacancies answers, for engines that can count without listing: ranking reads only
   * counts, so ids are asked for the returned pathways alone. Gains only ever lift blockers, so the
   * vacancies eligible today stay eligible after any gain. Takes precedence over eligibleVacancies.
   */
  unlocks?: UnlockCounter;
  /** Vacancies by id (to resolve a near-miss target). */
  vacancyById?: (id: string) => Vacancy | undefined;
  /** ROME codes with most vacancies in reach. */
  demandByRome?: (c: Candidate) => { rome: string; count: number }[];
}

/** What a pathway adds to the candidate: a certification, the driving licence, a French level. */
export interface PathwayGain {
  certification: string | undefined;
  licence: boolean;
  frenchLevel: FrenchLevel | undefined;
}

export interface UnlockCounter {
  /** How many vacancies within reach the candidate would be eligible for with `gain`. */
  count(gain: PathwayGain): number;
  /** Their ids, in string order (a fresh array). */
  ids(gain: PathwayGain): string[];
}
