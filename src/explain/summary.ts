/** The one- or two-sentence summary of a Match. */
import type { Blocker, Criterion } from '../scoring/types.js';
import { formatPoints } from '../format/french.js';

/** A criterion counts as a strength from this value up. */
export const STRENGTH_THRESHOLD = 0.6;

const lowerFirst = (s: string) => (/^.[a-zà-ÿ’' ]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);
const noPeriod = (s: string) => s.replace(/\.\s*$/, '');

/** Up to two criteria with the most points and a value ≥ STRENGTH_THRESHOLD; ties keep criterion order. */
export function strengths(criteria: readonly Criterion[]): Criterion[] {
  return criteria
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.code !== 'positive_action' && c.value >= STRENGTH_THRESHOLD)
    .sort((a, b) => b.c.points - a.c.points || a.i - b.i)
    .slice(0, 2)
    .map(({ c }) => c);
}

export function summarize(
  eligible: boolean,
  score: number,
  criteria: readonly Criterion[],
  blockers: readonly Blocker[],
  bonusPoints: number | undefined,
): string {
  const strong = strengths(criteria).map((c) => c.label.toLowerCase());
  const forts = strong.length > 0 ? `points forts : ${strong.join(' et ')}` : 'aucun point fort marqué';
  const bonus = bonusPoints !== undefined && bonusPoints > 0 ? ` (dont ${formatPoints(bonusPoints)} points d’action positive)` : '';
  const head = `${eligible ? 'Éligible' : 'Non éligible'}, score ${Math.round(score)}/100${bonus} ; ${forts}.`;
  if (eligible || blockers.length === 0) return head;
  const main = blockers[0];
  const lift = main.lift ? ` ; levier : ${lowerFirst(noPeriod(main.lift.message))}` : '';
  const others = blockers.length - 1;
  const more = others > 0 ? ` ; ${others} autre${others > 1 ? 's blocages' : ' blocage'}` : '';
  return `${head} Blocage principal : ${lowerFirst(noPeriod(main.message))}${lift}${more}.`;
}
