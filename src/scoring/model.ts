/**
 * The scoring model's vocabulary and constants, shared by the fast kernel, the explanations and
 * the reference implementation in bench/. docs/SCORING.md gives the meaning of each number.
 */
import { type Issue, PasserelleInputError, issue } from '../errors.js';
import { readOptions } from '../validate/edge.js';

/** Hard constraints. The bit of a blocker in a blocker mask is its index here. */
export const BLOCKER_CODES = [
  'legal_certification',
  'required_certification',
  'driving_licence',
  'vehicle',
  'commute',
  'nights',
  'weekends',
  'split_shifts',
  'contract',
  'french_level',
  'experience',
  'work_authorization',
  'start_date',
  'restriction',
] as const;
export type BlockerCode = (typeof BLOCKER_CODES)[number];
export const BLOCKER_BIT: Readonly<Record<BlockerCode, number>> = Object.fromEntries(
  BLOCKER_CODES.map((c, i) => [c, 1 << i]),
) as Record<BlockerCode, number>;

/**
 * The employer view's one neutral blocker (MODEL.md "Two audiences"): a blocking restriction and a
 * missing work authorisation both read `to_discuss`, once, after the other blockers, so that
 * neither the code, the count nor the order tells which. Not a kernel bit: a view of two of them.
 */
export const TO_DISCUSS = 'to_discuss' as const;
export const TO_DISCUSS_BLOCKERS: readonly BlockerCode[] = ['work_authorization', 'restriction'];
export const TO_DISCUSS_MASK = BLOCKER_BIT.work_authorization | BLOCKER_BIT.restriction;
/** A blocker code as a Match carries it: a kernel blocker, or `to_discuss` in the employer view. */
export type MatchBlockerCode = BlockerCode | typeof TO_DISCUSS;

/** Soft criteria, each a value in [0, 1]; points = weight × value; score = Σ points. */
export const CRITERION_CODES = ['qualification', 'experience', 'commute', 'hours', 'start_date', 'wishes', 'skills'] as const;
export type CriterionCode = (typeof CRITERION_CODES)[number];
export const POSITIVE_ACTION = 'positive_action' as const;

export type Weights = Record<CriterionCode, number>;

/** Default weights (sum 100); the README's table gives the reason for each. */
export const DEFAULT_WEIGHTS: Readonly<Weights> = {
  qualification: 30,
  experience: 15,
  commute: 20,
  hours: 10,
  start_date: 10,
  wishes: 10,
  skills: 5,
};

/** Qualification fit levels (docs/SCORING.md §qualification). */
export const QUALIFICATION = {
  held: 1,
  equivalentOrHigher: 0.85,
  partialOrInTraining: 0.6,
  bridge: 0.5,
  experienceWithoutDiploma: 0.4,
  someExperienceWithoutDiploma: 0.25,
  /** No certification expected: everyone fits; holding one adds the rest. */
  noneExpectedBase: 0.8,
  experienceWithoutDiplomaMonths: 12,
} as const;

export const EXPERIENCE = {
  /** Months that make the criterion full when the vacancy states no preference. */
  defaultTargetMonths: 24,
  /** Experience in a related job counts half. */
  relatedFactor: 0.5,
} as const;

/** Commute value = 1 − slope × min(1, minutes / maxMinutes): 1 at the door, 0.25 at the limit. */
export const COMMUTE_SLOPE = 0.75;
/** Near misses on commute are looked for up to this multiple of the candidate's limit. */
export const NEAR_MISS_COMMUTE_FACTOR = 1.5;
/** Hours value loses 0.1 per hour outside the candidate's range. */
export const HOURS_GAP_SCALE = 10;
/** Start-date value loses everything over 90 days of lateness. */
export const START_LATE_SCALE_DAYS = 90;
/** Wishes: a related job is half a wish. */
export const WISH_RELATED = 0.5;

export const FRENCH_RANK = { A1: 1, A2: 2, B1: 3, B2: 4, C1: 5, C2: 6, native: 7 } as const;

/**
 * Validates and normalises weights so they sum to 100 (a criterion left out keeps its default).
 * @throws PasserelleInputError('options') naming `weights.<criterion>`: not a finite number ≥ 0,
 * or every weight 0.
 * @example
 * normalizeWeights({ commute: 0 }).qualification // the default's share of the six others
 */
export function normalizeWeights(weights: Partial<Weights> | undefined): Weights {
  const given = readOptions(weights, {}, 'options', 'weights');
  const w: Record<string, unknown> = { ...DEFAULT_WEIGHTS };
  for (const c of CRITERION_CODES) if (given[c] !== undefined) w[c] = given[c];
  const issues: Issue[] = [];
  let sum = 0;
  for (const c of CRITERION_CODES) {
    const v = w[c];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) issues.push(issue('invalid_type', `weights.${c}`, 'un nombre fini ≥ 0 attendu'));
    else sum += v;
  }
  if (issues.length === 0 && sum <= 0) issues.push(issue('too_small', 'weights', 'au moins un poids doit être positif'));
  if (issues.length > 0) throw new PasserelleInputError('options', issues);
  const out = {} as Weights;
  for (const c of CRITERION_CODES) out[c] = ((w[c] as number) * 100) / sum;
  return out;
}

/** The commute counterfactual: this many more minutes accepted. */
export const COMMUTE_EXTRA_MINUTES = 15;
