/**
 * The category helpers as exported (src/index.ts): each argument read once at the edge (a plain
 * copy, checked by the candidate schema's own category rules), so misuse is a PasserelleInputError
 * naming the argument. Inside passerelle the unchecked helpers of categories.ts read validated records.
 */
import { z } from 'zod';
import { PasserelleInputError } from '../errors.js';
import { readData } from '../validate/edge.js';
import { fromZodIssues } from '../validate/zod-issues.js';
import * as inner from './categories.js';
import { CandidateSchema } from './candidate.js';
import { CandidateCategory, IsoDate, type Category } from './primitives.js';

const List = CandidateSchema.shape.categories;

/** `value` read once and accepted by `schema`, else PasserelleInputError('argument') naming `name`. */
function argument<T>(schema: z.ZodType<T>, value: unknown, name: string): T {
  const copy = readData(value, [name]);
  if (!copy.ok) throw new PasserelleInputError('argument', [copy.issue]);
  const r = schema.safeParse(copy.value);
  if (!r.success) {
    throw new PasserelleInputError('argument', fromZodIssues(r.error.issues, copy.value).map((i) => ({ ...i, path: `${name}${i.path === '' || i.path.startsWith('[') ? '' : '.'}${i.path}` })));
  }
  return copy.value as T;
}

export const categoryCode = (item: CandidateCategory): Category => inner.categoryCode(argument(CandidateCategory, item, 'item'));
export const hasDatedCategories = (list: readonly CandidateCategory[] | undefined): boolean => inner.hasDatedCategories(argument(List, list, 'list'));
export const categoryCodes = (list: readonly CandidateCategory[] | undefined): readonly Category[] => inner.categoryCodes(argument(List, list, 'list'));
export const inForce = (item: CandidateCategory, date: string): boolean =>
  inner.inForce(argument(CandidateCategory, item, 'item'), argument(IsoDate, date, 'date'));
export const categoriesInForce = (list: readonly CandidateCategory[] | undefined, date: string): readonly Category[] =>
  inner.categoriesInForce(argument(List, list, 'list'), argument(IsoDate, date, 'date'));

const HasCategories = z.looseObject({ categories: List });
/** A copy of the candidate (plain data) when its categories carry dates, as categories.ts's candidateAt. */
export function candidateAt<C extends { categories?: readonly CandidateCategory[] }>(c: C, date: string): C {
  return inner.candidateAt(argument(HasCategories, c, 'candidate') as C, argument(IsoDate, date, 'date'));
}
