/**
 * Labels of the single changes tried by `engine.counterfactuals` ("avec le permis B",
 * "en acceptant un CDD") and the line that states their gain ("avec le permis B : +12 offres").
 */
import type { ContractType, FrenchLevel } from '../schema/primitives.js';
import { certificationName, CONTRACT_LABELS, FRENCH_LEVEL_LABELS, withLe } from './labels.js';
import { formatNumber, plural } from '../format/french.js';
import { numberArgument, stringArgument } from '../validate/edge.js';

/** Fixed changes (codes without a parameter). */
export const COUNTERFACTUAL_LABELS: Readonly<Record<string, string>> = {
  driving_licence: 'avec le permis B',
  vehicle: 'avec un véhicule',
  nights: 'en acceptant le travail de nuit',
  weekends: 'en acceptant les week-ends',
  split_shifts: 'en acceptant les horaires coupés',
  commute_15: 'en acceptant 15 min de trajet de plus',
};

/**
 * French label of a counterfactual change. Codes: the keys of COUNTERFACTUAL_LABELS,
 * `contract:<TYPE>`, `certification:<CODE>`, `french:<LEVEL>`. `detail`, when given, names the
 * certification in place of its code-derived name; an unknown code reads as `detail` or itself.
 * @throws PasserelleInputError('argument') when `changeCode` or `detail` is not a string.
 *
 * @example
 * counterfactualLabel('driving_licence')       // 'avec le permis B'
 * counterfactualLabel('contract:CDD')          // 'en acceptant un CDD'
 * counterfactualLabel('certification:DEAS')    // 'avec le DEAS'
 * counterfactualLabel('french:B2')             // 'avec un niveau de français B2'
 */
export function counterfactualLabel(changeCode: string, detail?: string): string {
  stringArgument(changeCode, 'changeCode');
  if (detail !== undefined) stringArgument(detail, 'detail');
  // Own keys only: `constructor` or `toString` are not changes.
  if (Object.hasOwn(COUNTERFACTUAL_LABELS, changeCode)) return COUNTERFACTUAL_LABELS[changeCode];
  const colon = changeCode.indexOf(':');
  const kind = colon < 0 ? changeCode : changeCode.slice(0, colon);
  const arg = colon < 0 ? '' : changeCode.slice(colon + 1);
  if (kind === 'contract' && Object.hasOwn(CONTRACT_LABELS, arg)) {
    return `en acceptant ${CONTRACT_LABELS[arg as ContractType].withIndefinite}`;
  }
  if (kind === 'certification' && arg !== '') return `avec ${withLe(detail ?? certificationName(arg))}`;
  if (kind === 'french' && Object.hasOwn(FRENCH_LEVEL_LABELS, arg)) {
    return arg === 'native' ? 'avec le français en langue maternelle' : `avec un niveau de français ${FRENCH_LEVEL_LABELS[arg as FrenchLevel]}`;
  }
  return detail ?? changeCode;
}

/**
 * The gain line of a counterfactual.
 * @throws PasserelleInputError('argument') when `label` is not a string or `n` not a finite number.
 *
 * @example
 * formatGain('avec le permis B', 12)  // 'avec le permis B : +12 offres'
 * formatGain('avec le DEAS', 1)       // 'avec le DEAS : +1 offre'
 */
export function formatGain(label: string, n: number): string {
  stringArgument(label, 'label');
  numberArgument(n, 'n');
  return `${label} : +${formatNumber(n, 0)} ${plural(n, 'offre', 'offres')}`;
}
