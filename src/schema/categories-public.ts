/**
 * The category helpers as exported (src/index.ts): each argument read once at the edge (a plain
 * copy, checked by the candidate schema's own category rules), so misuse is a PasserelleInputError
 * naming the argument. Inside passerelle the unchecked helpers of categories.ts read validated records.
 */
import { z } from 'zod';
import { dataArgument } from '../validate/edge.js';
import * as inner from './categories.js';
import { CandidateSchema } from './candidate.js';
import { CandidateCategory, IsoDate, type Category } from './primitives.js';

const List = CandidateSchema.shape.categories;

export const categoryCode = (item: CandidateCategory): Category => inner.categoryCode(dataArgument(CandidateCategory, item, 'item'));
export const hasDatedCategories = (list: readonly CandidateCategory[] | undefined): boolean => inner.hasDatedCategories(dataArgument(List, list, 'list'));
export const categoryCodes = (list: readonly CandidateCategory[] | undefined): readonly Category[] => inner.categoryCodes(dataArgument(List, list, 'list'));
export const inForce = (item: CandidateCategory, date: string): boolean =>
  inner.inForce(dataArgument(CandidateCategory, item, 'item'), dataArgument(IsoDate, date, 'date'));
export const categoriesInForce = (list: readonly CandidateCategory[] | undefined, date: string): readonly Category[] =>
  inner.categoriesInForce(dataArgument(List, list, 'list'), dataArgument(IsoDate, date, 'date'));

const HasCategories = z.looseObject({ categories: List });
/** A copy of the candidate (plain data) when its categories carry dates, as categories.ts's candidateAt. */
export function candidateAt<C extends { categories?: readonly CandidateCategory[] }>(c: C, date: string): C {
  return inner.candidateAt(dataArgument(HasCategories, c, 'candidate') as C, dataArgument(IsoDate, date, 'date'));
}
