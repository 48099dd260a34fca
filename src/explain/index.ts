/** Explanations: French sentences for returned results only (STYLE.md pipeline, last stage). */
export { explainMatch, shownScore, type ExplainContext } from './explain.js';
export { counterfactualLabel, formatGain, COUNTERFACTUAL_LABELS } from './counterfactual.js';
export {
  BLOCKER_LABELS, CATEGORY_SHORT_LABELS, CONTRACT_LABELS, CRITERION_LABELS, FRENCH_LEVEL_LABELS, MODE_LABELS, SCHEDULE_LABELS, certificationName,
} from './labels.js';
export { AID_RULES, type AidCode } from './aids.js';
export { TO_DISCUSS_MESSAGE, COMMUTE_LIFT_MINUTES, shownBlockerCodes } from './blockers.js';
