/**
 * Reading `Candidate.categories`, whose items are codes or `{ code, since?, until?, provenOn? }`
 * (MODEL.md "Candidate"). Scores read the codes alone (dates never change a score); funding, routes
 * and aids read the categories in force on the date their rule applies.
 */
import type { CandidateCategory, Category } from './primitives.js';

export function categoryCode(item: CandidateCategory): Category {
  return typeof item === 'string' ? item : item.code;
}

/** Whether some item carries dates (an object): plain lists need no copy. */
export function hasDatedCategories(list: readonly CandidateCategory[] | undefined): boolean {
  if (list === undefined) return false;
  for (let i = 0; i < list.length; i++) if (typeof list[i] !== 'string') return true;
  return false;
}

const NONE: readonly Category[] = [];

/** The codes, dates ignored (what scores and positive action read); the list itself when it holds only codes. */
export function categoryCodes(list: readonly CandidateCategory[] | undefined): readonly Category[] {
  if (list === undefined) return NONE;
  if (!hasDatedCategories(list)) return list as readonly Category[];
  return list.map(categoryCode);
}

/** Whether `item` holds on `date` (YYYY-MM-DD): from `since`, through `until`, both inclusive. */
export function inForce(item: CandidateCategory, date: string): boolean {
  if (typeof item === 'string') return true;
  return (item.since === undefined || item.since <= date) && (item.until === undefined || date <= item.until);
}

/** The codes of the categories in force on `date`: a status that has ended, or not begun, opens nothing. */
export function categoriesInForce(list: readonly CandidateCategory[] | undefined, date: string): readonly Category[] {
  if (!hasDatedCategories(list)) return categoryCodes(list);
  const out: Category[] = [];
  for (const item of list!) if (inForce(item, date)) out.push(categoryCode(item));
  return out;
}

/**
 * The candidate as a rule dated `date` sees them: categories reduced to the codes in force. The
 * candidate itself when no category carries dates (no copy on the common path).
 */
export function candidateAt<C extends { categories?: readonly CandidateCategory[] }>(c: C, date: string): C {
  if (!hasDatedCategories(c.categories)) return c;
  return { ...c, categories: categoriesInForce(c.categories, date) as Category[] };
}
