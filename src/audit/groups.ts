/**
 * The groups every audit and indicator table reports on: one per public category (a person in
 * several counts in each), `none` (no category) and `all`. A person's categories are a bitmask
 * over Category's order; rows come in that order, then `none`, then `all`.
 */
import { Category } from '../schema/primitives.js';
import type { Referential } from '../referential/types.js';

export const CATEGORY_ORDER: readonly Category[] = Category.options;
const BIT = new Map<string, number>(CATEGORY_ORDER.map((c, i) => [c, 1 << i]));

export type GroupCode = Category | 'none' | 'all';

/** The bitmask of a `categories` list (codes or dated items); unknown codes are not categories. */
export function categoryMask(items: readonly unknown[] | undefined): number {
  if (items === undefined) return 0;
  let mask = 0;
  for (let i = 0; i < items.length; i++) {
    const x = items[i];
    const code = typeof x === 'string' ? x : x !== null && typeof x === 'object' ? (x as { code?: unknown }).code : undefined;
    if (typeof code === 'string') mask |= BIT.get(code) ?? 0;
  }
  return mask;
}

/** Category indexes present in any of the masks, then `none` and `all`: the report's rows. */
export function groupsPresent(union: number, anyNone: boolean): GroupCode[] {
  const out: GroupCode[] = [];
  for (let i = 0; i < CATEGORY_ORDER.length; i++) if ((union & (1 << i)) !== 0) out.push(CATEGORY_ORDER[i]);
  if (anyNone) out.push('none');
  out.push('all');
  return out;
}

/** Accumulator slots: 0…12 the categories, then none, then all. */
export const NONE_SLOT = CATEGORY_ORDER.length;
export const ALL_SLOT = CATEGORY_ORDER.length + 1;
export const SLOT_COUNT = CATEGORY_ORDER.length + 2;

export function slotOf(group: GroupCode): number {
  if (group === 'none') return NONE_SLOT;
  if (group === 'all') return ALL_SLOT;
  return CATEGORY_ORDER.indexOf(group);
}

/** A group's name in a French sentence: the referential's label of the category. */
export function groupLabel(group: GroupCode, ref: Referential): string {
  if (group === 'none') return 'Sans catégorie de public';
  if (group === 'all') return 'Ensemble des personnes';
  return ref.categories.find((c) => c.code === group)?.label ?? group;
}
