/**
 * explainMatch: turns the numbers of one pair (a PairEvaluation from the engine) into a Match with
 * French sentences, for returned results only. Pure and deterministic: the same inputs (with the
 * same `today`) give the same Match; no clock, no randomness, fixed orders everywhere.
 */
import type { Candidate } from '../schema/candidate.js';
import type { Vacancy } from '../schema/vacancy.js';
import type { Category } from '../schema/primitives.js';
import type { Referential } from '../referential/types.js';
import type { Aid, Audience, Criterion, Match, PairEvaluation, ToCheck, Versions } from '../scoring/types.js';
import { decideAids, employerAids, hireDate, type Note } from './aids.js';
import { staleCategoryProofs } from '../referential/proofs.js';
import { explainBlockers } from './blockers.js';
import { criterionDetail, qualificationFacts } from './criteria.js';
import { andList, CATEGORY_SHORT_LABELS, CRITERION_LABELS } from './labels.js';
import { formatPoints } from '../format/french.js';
import { summarize } from './summary.js';
import { explainToCheck } from './tocheck.js';

export interface ExplainContext {
  referential: Referential;
  audience: Audience;
  /** `YYYY-MM-DD`: the reference day for "obtained more than 10 years ago". */
  today: string;
  versions: Versions;
}

function positiveActionCriterion(bonus: NonNullable<PairEvaluation['bonus']>): Criterion {
  const names = bonus.categories.map((k) => CATEGORY_SHORT_LABELS[k as Category] ?? k);
  const detail = bonus.points > 0
    ? `Option d’action positive de la plateforme : +${formatPoints(bonus.points)} points (${andList(names)}), sans rien retirer aux autres candidatures.`
    : 'Option d’action positive active ; aucune des catégories retenues par la plateforme ne s’applique.';
  return {
    code: 'positive_action',
    label: CRITERION_LABELS.positive_action,
    value: bonus.weight > 0 ? bonus.points / bonus.weight : 0,
    weight: bonus.weight,
    points: bonus.points,
    detail,
  };
}

/**
 * The score an audience's Match shows: the criteria's points in criterion order, then, for an
 * advisor, the positive-action points (the order of the Match's criteria, so `score` is their sum).
 */
export function shownScore(evaluation: Pick<PairEvaluation, 'criteria' | 'bonus'>, audience: Audience): number {
  let score = 0;
  for (const k of evaluation.criteria) score += k.points;
  if (audience === 'advisor' && evaluation.bonus !== null) score += evaluation.bonus.points;
  return score;
}

/**
 * Builds the Match of one evaluated pair for an audience.
 *
 * Score and positive action: `evaluation.score` is computed without the bonus, and
 * `evaluation.bonus.points` adds on top. The advisor view carries the `positive_action` criterion
 * and a score that includes its points; the employer view has neither (the bonus rests on public
 * categories, GDPR art. 9), so its score is the bonus-free one. In both views `score` is the sum of
 * the criteria's points, summed here in criterion order so the invariant holds exactly.
 *
 * @example
 * const match = explainMatch(evaluation, candidate, vacancy, {
 *   referential: defaultReferential, audience: 'employer', today: '2026-01-15',
 *   versions: { engine: '1.0.0', referential: defaultReferential.version, rome: 'v3' },
 * });
 * match.summary // 'Éligible, score 82/100 ; points forts : qualification et trajet.'
 */
export function explainMatch(evaluation: PairEvaluation, candidate: Candidate, vacancy: Vacancy, ctx: ExplainContext): Match {
  const { referential: ref, audience } = ctx;
  const facts = qualificationFacts(candidate, vacancy, ref);

  const criteria: Criterion[] = evaluation.criteria.map((k) => ({
    code: k.code,
    label: CRITERION_LABELS[k.code],
    value: k.value,
    weight: k.weight,
    points: k.points,
    detail: criterionDetail(k.code, k.value, evaluation, candidate, vacancy, ref, facts),
  }));
  const bonus = audience === 'advisor' ? evaluation.bonus : null;
  if (bonus) criteria.push(positiveActionCriterion(bonus));
  const score = shownScore(evaluation, audience);

  const blockers = explainBlockers(evaluation, candidate, vacancy, ref, facts, audience);

  // The employer's aids are decided without the candidate (MODEL.md "Two audiences").
  const { aids: decided, notes: aidNotes } = audience === 'employer' ? employerAids(vacancy, ref) : decideAids(candidate, vacancy, ref);
  const aids: Aid[] = decided.map((a) => ({ code: a.code, label: a.label, reason: a.reason, verified: a.verified }));

  const notes: Note[] = [...explainToCheck(candidate, vacancy, ref, facts, ctx.today), ...aidNotes];
  // A category's proof too old at the hire: to renew, never a blocker nor a score change; it names a category, so advisors only.
  if (audience === 'advisor') for (const p of staleCategoryProofs(candidate, hireDate(candidate, vacancy), ref)) notes.push({ code: p.code, message: p.message });
  const toCheck: ToCheck[] = [];
  const seen = new Set<string>();
  for (const n of notes) {
    const key = `${n.code}\u0000${n.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    toCheck.push({ code: n.code, message: n.message });
  }

  const summary = summarize(evaluation.eligible, score, criteria, blockers, bonus?.points);

  return {
    candidateId: candidate.id,
    vacancyId: vacancy.id,
    score,
    eligible: evaluation.eligible,
    criteria,
    blockers,
    toCheck,
    commute: { km: evaluation.commute.km, minutes: evaluation.commute.minutes, mode: evaluation.commute.mode },
    aids,
    summary,
    audience,
    versions: ctx.versions,
  };
}
