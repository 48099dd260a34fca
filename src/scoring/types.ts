/** What the scoring core returns (MODEL.md "What comes back"). */
import type { Mode } from '../schema/primitives.js';
import type { BlockerCode, CriterionCode, MatchBlockerCode } from './model.js';

export type Audience = 'advisor' | 'employer';

export interface Versions {
  engine: string;
  referential: string;
  rome: 'v3';
}

/** The numbers of one pair, before any sentence is written. */
export interface PairEvaluation {
  eligible: boolean;
  /** Blocker codes in BLOCKER_CODES order. */
  blockers: BlockerCode[];
  /** The seven criteria in CRITERION_CODES order with their normalised weights. */
  criteria: { code: CriterionCode; value: number; weight: number; points: number }[];
  /** Positive-action bonus points (0 when the option is off or no category applies). */
  bonus: { points: number; weight: number; categories: string[] } | null;
  score: number;
  commute: { km: number; minutes: number; mode: Mode };
  /** For the restriction blocker: the demands met by an unlifted restriction. */
  unliftedDemands: string[];
}

export interface Criterion {
  code: CriterionCode | 'positive_action';
  label: string;
  value: number;
  weight: number;
  points: number;
  /** A French sentence saying why this value. */
  detail: string;
}

export interface Lift {
  code: string;
  message: string;
}

export interface Blocker {
  code: MatchBlockerCode;
  message: string;
  lift?: Lift;
}

export interface ToCheck {
  code: string;
  message: string;
}

export interface Aid {
  code: string;
  label: string;
  reason: string;
  verified: boolean;
}

export interface Match {
  candidateId: string;
  vacancyId: string;
  score: number;
  eligible: boolean;
  criteria: Criterion[];
  blockers: Blocker[];
  toCheck: ToCheck[];
  commute: { km: number; minutes: number; mode: Mode };
  aids: Aid[];
  /** One or two French sentences for the advisor (or the employer). */
  summary: string;
  audience: Audience;
  versions: Versions;
}
