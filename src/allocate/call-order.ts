/**
 * Parcoursup's call order with one minimum share q of priority candidates: a ranking (best
 * first) is called in an order where every prefix of k candidates holds at least ⌈q·k⌉ priority
 * candidates while some remain. Each position takes the next priority candidate when the share
 * needs one, otherwise the best-ranked candidate left, so:
 *   P1  every prefix k holds at least min(⌈q·k⌉, number of priority candidates) of them;
 *   P2  a priority candidate is never overtaken (nobody ranked below them is called before them);
 *   P3  a non-priority candidate of rank r is called at a position between r and 1 + ⌊r/(1−q)⌋.
 * Categories only order the call: nobody's score changes. Off unless called.
 */
import { z } from 'zod';
import { PasserelleInputError, issue, type Issue } from '../errors.js';
import { checkCallOptions } from '../engine/call-options.js';
import { formatPercent } from '../format/french.js';
import { fromZodIssues } from '../validate/zod-issues.js';
import { PrioritizeOptionsSchema, RankingSchema } from './schema.js';

type CategoryEntry = string | { code: string };

/** A ranked item: a Match, or an id with its categories. */
export interface RankedItem {
  candidateId: string;
  categories?: readonly CategoryEntry[];
  score?: number;
}

export interface PrioritizeOptions<T extends RankedItem = RankedItem> {
  /** The minimum share q of priority candidates in every prefix, in [0, 1]. */
  minShare: number;
  /** Category codes (holding any makes a priority candidate), or a predicate on the item. */
  priority: readonly string[] | ((item: T) => boolean);
  /** Where to read categories when items carry none: an index (`get(id)`) or candidate records. */
  candidates?: { get(id: string): { categories?: readonly CategoryEntry[] } | undefined } | readonly { id: string; categories?: readonly CategoryEntry[] }[];
}

export interface CallOrderItem {
  candidateId: string;
  /** 1-based position in the call order. */
  rank: number;
  /** 1-based position in the ranking given. */
  originalRank: number;
  priority: boolean;
  /** The item's score, unchanged (when the item had one). */
  score?: number;
  /** true when rank ≠ originalRank; the explanation then says why. */
  reordered: boolean;
  explanation?: string;
}

export interface CallOrder {
  order: CallOrderItem[];
  minShare: number;
  /** How many items moved. */
  reordered: number;
}

export interface CallOrderViolation {
  code: 'not_a_permutation' | 'rank' | 'original_rank' | 'priority_flag' | 'min_share' | 'priority_overtaken' | 'rank_bound';
  /** 1-based position in the order, when the violation has one. */
  position?: number;
  candidateId?: string;
  message: string;
}

// q·k and r/(1−q) in floating point land a hair off integers (0.3 × 10 = 3.0000000000000004).
const EPS = 1e-9;
/** ⌈q·k⌉: priority candidates due in a prefix of k. */
export const minPriority = (q: number, k: number): number => Math.max(0, Math.ceil(q * k - EPS));
/** 1 + ⌊r/(1−q)⌋: the latest position of a non-priority candidate of rank r (Infinity when q = 1). */
export const latestPosition = (q: number, r: number): number => (q >= 1 ? Infinity : 1 + Math.floor(r / (1 - q) + EPS));

interface Checked<T> {
  items: T[];
  flags: Uint8Array;
  minShare: number;
}

function check<T extends RankedItem>(ranking: readonly T[], options: PrioritizeOptions<T>): Checked<T> {
  const o = checkCallOptions(PrioritizeOptionsSchema, options ?? {}) as PrioritizeOptions<T>;
  const r = RankingSchema.safeParse(ranking);
  if (!r.success) throw new PasserelleInputError('options', fromZodIssues(r.error.issues, ranking).map((i) => ({ ...i, path: `ranking${i.path.startsWith('[') ? '' : '.'}${i.path}` })));
  const issues: Issue[] = [];
  const seen = new Map<string, number>();
  ranking.forEach((item, i) => {
    const first = seen.get(item.candidateId);
    if (first !== undefined) issues.push({ ...issue('duplicate_id', `ranking[${i}].candidateId`, `candidat·e déjà au rang ${first + 1}`), firstIndex: first });
    else seen.set(item.candidateId, i);
  });
  if (issues.length > 0) throw new PasserelleInputError('options', issues);
  return { items: [...ranking], flags: priorityFlags(ranking, o), minShare: o.minShare };
}

function priorityFlags<T extends RankedItem>(ranking: readonly T[], o: PrioritizeOptions<T>): Uint8Array {
  const flags = new Uint8Array(ranking.length);
  const { priority } = o;
  if (typeof priority === 'function') {
    ranking.forEach((item, i) => { flags[i] = priority(item) ? 1 : 0; });
    return flags;
  }
  const wanted = new Set(priority);
  const source = o.candidates;
  const byId = Array.isArray(source) ? new Map((source as { id: string; categories?: readonly CategoryEntry[] }[]).map((c) => [c.id, c])) : null;
  const lookup = (id: string) => (byId !== null ? byId.get(id) : (source as { get(id: string): { categories?: readonly CategoryEntry[] } | undefined } | undefined)?.get(id));
  ranking.forEach((item, i) => {
    const categories = item.categories ?? lookup(item.candidateId)?.categories ?? [];
    flags[i] = categories.some((c) => wanted.has(typeof c === 'string' ? c : c.code)) ? 1 : 0;
  });
  return flags;
}

/**
 * The call order of a ranking under a minimum share of priority candidates.
 *
 * @example
 * const { order } = prioritize(shortlist, { minShare: 0.2, priority: ['RSA', 'QPV'], candidates: candidateIndex });
 */
export function prioritize<T extends RankedItem>(ranking: readonly T[], options: PrioritizeOptions<T>): CallOrder {
  const { items, flags, minShare } = check(ranking, options);
  const n = items.length;
  const placed = new Uint8Array(n);
  let nextAny = 0;
  let nextPriority = 0;
  let priorityCalled = 0;
  const order: CallOrderItem[] = [];
  const share = formatPercent(minShare);
  for (let k = 1; k <= n; k++) {
    while (nextPriority < n && (flags[nextPriority] === 0 || placed[nextPriority] === 1)) nextPriority++;
    while (placed[nextAny] === 1) nextAny++;
    const i = nextPriority < n && priorityCalled < minPriority(minShare, k) ? nextPriority : nextAny;
    placed[i] = 1;
    if (flags[i] === 1) priorityCalled++;
    const item: CallOrderItem = { candidateId: items[i].candidateId, rank: k, originalRank: i + 1, priority: flags[i] === 1, reordered: k !== i + 1 };
    if (items[i].score !== undefined) item.score = items[i].score;
    if (item.reordered) {
      item.explanation = k < i + 1
        ? `Appelé·e au rang ${k} au lieu du rang ${i + 1} : part minimale de ${share} de publics prioritaires dans l’ordre d’appel. Score inchangé.`
        : `Appelé·e au rang ${k} au lieu du rang ${i + 1} : l’ordre d’appel réserve une part minimale de ${share} aux publics prioritaires. Score inchangé.`;
    }
    order.push(item);
  }
  return { order, minShare, reordered: order.filter((x) => x.reordered).length };
}

const OrderSchema = z.array(z.looseObject({
  candidateId: z.string(), rank: z.number(), originalRank: z.number(), priority: z.boolean(),
}));

/** The violations of P1–P3 (and of the order's own fields) by `order` for this ranking; empty when all hold. */
export function checkCallOrder<T extends RankedItem>(
  ranking: readonly T[], order: readonly Pick<CallOrderItem, 'candidateId' | 'rank' | 'originalRank' | 'priority'>[], options: PrioritizeOptions<T>,
): CallOrderViolation[] {
  const { items, flags, minShare: q } = check(ranking, options);
  const parsed = OrderSchema.safeParse(order);
  if (!parsed.success) throw new PasserelleInputError('options', fromZodIssues(parsed.error.issues, order).map((i) => ({ ...i, path: `order${i.path.startsWith('[') ? '' : '.'}${i.path}` })));
  const out: CallOrderViolation[] = [];
  const position = new Map(items.map((x, i) => [x.candidateId, i]));
  const n = items.length;
  const called = new Set<string>();
  const at = new Int32Array(order.length);
  let permutation = order.length === n;
  order.forEach((o, k) => {
    const i = position.get(o.candidateId);
    if (i === undefined || called.has(o.candidateId)) permutation = false;
    called.add(o.candidateId);
    at[k] = i ?? -1;
  });
  if (!permutation) return [{ code: 'not_a_permutation', message: 'l’ordre d’appel ne reprend pas exactement les candidat·es du classement, chacun·e une fois' }];

  const totalPriority = flags.reduce((s, f) => s + f, 0);
  let seenPriority = 0;
  let worstCalled = -1;
  for (let k = 0; k < n; k++) {
    const o = order[k];
    const i = at[k];
    const position1 = k + 1;
    const base = { position: position1, candidateId: o.candidateId };
    if (o.rank !== position1) out.push({ code: 'rank', ...base, message: `rang ${o.rank} annoncé à la position ${position1}` });
    if (o.originalRank !== i + 1) out.push({ code: 'original_rank', ...base, message: `rang initial ${o.originalRank} annoncé, ${i + 1} dans le classement` });
    if (o.priority !== (flags[i] === 1)) out.push({ code: 'priority_flag', ...base, message: 'statut prioritaire différent de celui que donnent les options' });
    if (flags[i] === 1) {
      seenPriority++;
      if (worstCalled > i) out.push({ code: 'priority_overtaken', ...base, message: `dépassé·e par le rang ${worstCalled + 1} du classement, appelé avant` });
    } else {
      const latest = latestPosition(q, i + 1);
      if (position1 < i + 1 || position1 > latest) {
        out.push({ code: 'rank_bound', ...base, message: `rang ${i + 1} appelé en position ${position1}, hors de [${i + 1}, ${latest}]` });
      }
    }
    worstCalled = Math.max(worstCalled, i);
    const due = Math.min(minPriority(q, position1), totalPriority);
    if (seenPriority < due) out.push({ code: 'min_share', position: position1, message: `${seenPriority} prioritaires parmi les ${position1} premiers appels, ${due} requis` });
  }
  return out;
}
