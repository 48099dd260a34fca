/**
 * Proofs of public categories (`provenOn`, MODEL.md "Candidate"): a proof older than its category's
 * window is a point for the advisor to check, never a blocker, a score or a route change.
 */
import type { Candidate } from '../schema/candidate.js';
import { inForce } from '../schema/categories.js';
import type { Category } from '../schema/primitives.js';
import { formatDate, formatMonths } from '../format/french.js';
import { CATEGORY_PROOF_VALIDITY } from './data/categories.js';
import type { Referential } from './types.js';

export interface StaleProof {
  code: 'category_proof';
  category: Category;
  /** French, with the category's label (never its code). */
  message: string;
}

/** Whether `date` is more than `months` calendar months after `provenOn` (both YYYY-MM-DD). */
function olderThan(provenOn: string, date: string, months: number): boolean {
  const y = Number(provenOn.slice(0, 4));
  const m = Number(provenOn.slice(5, 7)) - 1 + months;
  const end = `${String(y + Math.floor(m / 12)).padStart(4, '0')}-${String((m % 12) + 1).padStart(2, '0')}-${provenOn.slice(8, 10)}`;
  return date > end;
}

/**
 * The categories in force on `date` whose proof was last seen more than their window before it
 * (the category's `proofValidityMonths`, else the platform default CATEGORY_PROOF_VALIDITY), in the
 * candidate's order.
 */
export function staleCategoryProofs(c: Candidate, date: string, ref: Referential): StaleProof[] {
  const out: StaleProof[] = [];
  for (const item of c.categories ?? []) {
    if (typeof item === 'string' || item.provenOn === undefined || !inForce(item, date)) continue;
    const entry = ref.categories.find((x) => x.code === item.code);
    const months = entry?.proofValidityMonths ?? CATEGORY_PROOF_VALIDITY.months;
    if (!olderThan(item.provenOn, date, months)) continue;
    out.push({
      code: 'category_proof',
      category: item.code,
      message: `Justificatif « ${entry?.label ?? item.code} » vu le ${formatDate(item.provenOn)}, il y a plus de ${formatMonths(months)} : à renouveler.`,
    });
  }
  return out;
}
