/** Kernel state after `evaluate` → the plain PairEvaluation the explanations read. */
import type { Candidate } from '../schema/candidate.js';
import type { Vacancy } from '../schema/vacancy.js';
import type { Kernel } from '../kernel/kernel.js';
import { Category } from '../schema/primitives.js';
import { categoryCodes } from '../schema/categories.js';
import { MODE_CODES } from '../encode/flags.js';
import { impliedDemands } from '../encode/vacancies.js';
import type { EncodingContext } from '../encode/context.js';
import { BLOCKER_CODES, CRITERION_CODES, type Weights } from '../scoring/model.js';
import type { PairEvaluation } from '../scoring/types.js';
import type { ResolvedOptions } from './options.js';

/** What every reader of a pair needs (verdict, score, bonus), without the commute and restriction details only sentences read. */
export function toScoreParts(
  kernel: Kernel,
  score: number,
  candidate: Candidate,
  weights: Weights,
  options: ResolvedOptions,
): Pick<PairEvaluation, 'eligible' | 'blockers' | 'criteria' | 'bonus' | 'score'> {
  const mask = kernel.mask;
  const blockers = BLOCKER_CODES.filter((_, i) => (mask & (1 << i)) !== 0);
  const criteria = CRITERION_CODES.map((code, i) => {
    const value = kernel.values[i];
    return { code, value, weight: weights[code], points: weights[code] * value };
  });
  let bonus: PairEvaluation['bonus'] = null;
  if (options.positiveAction !== null) {
    const held = new Set(categoryCodes(candidate.categories));
    const categories = Category.options.filter((k) => held.has(k) && (options.positiveAction![k] ?? 0) > 0);
    const raw = categories.reduce((s, k) => s + (options.positiveAction![k] ?? 0), 0);
    bonus = { points: Math.min(raw, 100 - score), weight: options.positiveActionWeight, categories };
  }
  return { eligible: mask === 0, blockers, criteria, bonus, score };
}

export function toEvaluation(
  kernel: Kernel,
  score: number,
  candidate: Candidate,
  vacancy: Vacancy,
  weights: Weights,
  options: ResolvedOptions,
  ctx: EncodingContext,
): PairEvaluation {
  const restrictions = new Set(candidate.restrictions ?? []);
  const adaptations = new Set(vacancy.adaptations ?? []);
  const unliftedDemands = impliedDemands(vacancy).filter((d) => {
    const rule = ctx.referential.physicalDemands.find((p) => p.code === d);
    return rule !== undefined && restrictions.has(rule.restriction) && !rule.liftedBy.some((a) => adaptations.has(a));
  });
  return {
    ...toScoreParts(kernel, score, candidate, weights, options),
    commute: { km: kernel.km, minutes: kernel.minutes, mode: MODE_CODES[kernel.mode] ?? candidate.mobility.modes[0] },
    unliftedDemands,
  };
}
