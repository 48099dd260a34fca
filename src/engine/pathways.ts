/** engine.recommendPathways: the pure pathway recommender, fed with the core's reach and eligibility. */
import type { Candidate } from '../schema/candidate.js';
import type { TrainingSession } from '../schema/training.js';
import { recommendPathways as recommend, type NearMissTarget, type Pathway, type PathwayDeps, type PathwayGain, type PathwayOptions, type UnlockCounter } from '../pathways/index.js';
import { byDemand } from '../pathways/goals.js';
import type { Referential } from '../referential/types.js';
import type { Vacancy } from '../schema/vacancy.js';
import { PasserelleInputError, issue } from '../errors.js';
import { RecommendOptionsSchema, checkCallOptions, checkIndex, recommendOptionsLookValid, targetKind } from './call-options.js';
import { parseRecord, validateBatch } from '../validate/index.js';
import { B_FRENCH, B_LEGAL, B_LICENCE, B_REQUIRED } from '../kernel/kernel.js';
import { FRENCH_RANK } from '../scoring/model.js';
import type { Core } from '../core/core.js';
import type { VacancyIndex, VacancyStore } from '../core/indexes.js';
import type { EncodingContext } from '../encode/context.js';
import { scanReachMasks } from '../core/scan.js';

export interface RecommendOptions {
  /** A ROME code, a vacancy, a near miss from topCandidates/topVacancies, or nothing (the jobs most in demand within reach). */
  target?: PathwayOptions['target'];
  /** The local training offer (validated; an invalid session throws naming it). */
  sessions?: readonly unknown[];
  /** Vacancies for demand and for what each pathway unlocks. */
  vacancies?: VacancyIndex;
  today?: string;
  limit?: number;
}

/** A catalogue is validated once per array: platforms pass the same one for every candidate. */
const parsedSessions = new WeakMap<readonly unknown[], TrainingSession[]>();

export function parseSessions(referential: Referential, sessions: readonly unknown[] | undefined): TrainingSession[] {
  if (sessions === undefined) return [];
  const cached = parsedSessions.get(sessions);
  if (cached !== undefined) return cached;
  const parsed = validateSessions(referential, sessions);
  parsedSessions.set(sessions, parsed);
  return parsed;
}

function validateSessions(referential: Referential, sessions: readonly unknown[]): TrainingSession[] {
  const { valid, rejected } = validateBatch('trainingSession', sessions, { referential });
  if (rejected.length > 0) {
    const first = rejected[0];
    throw new PasserelleInputError(
      'trainingSession',
      // index -1: the array itself (not an array, holes, too long).
      first.issues.map((i) => ({ ...i, path: `sessions${first.index < 0 ? '' : `[${first.index}]`}${i.path ? `.${i.path}` : ''}` })),
      first.id,
    );
  }
  return valid;
}

/**
 * The target as the recommender takes it: a vacancy is validated as a record; a near miss must name
 * a vacancy of the index passed (else nothing could say what it lacks).
 */
function checkedTarget(core: Core, options: RecommendOptions): PathwayOptions['target'] {
  const target = options.target;
  switch (targetKind(target)) {
    case 'none':
      return undefined;
    case 'rome':
      return target as string;
    case 'nearMiss': {
      const nearMiss = target as NearMissTarget;
      if (options.vacancies?.get(nearMiss.vacancyId) === undefined) {
        throw new PasserelleInputError('options', [
          issue('unknown_id', 'target.vacancyId', 'le presque-éligible désigne une offre absente de l’index `vacancies` passé en option'),
        ]);
      }
      return nearMiss;
    }
    case 'vacancy':
      return parseRecord('vacancy', target, core.options.referential);
  }
}

/**
 * Scratch of one call, reused by every call (recommendPathways is synchronous and never
 * re-entered): the vacancies in reach in id order with their blocker masks, and per-ROME counts.
 */
let reachSlots: Int32Array = new Int32Array(256);
let reachCount = 0;
/**
 * Those of them whose blockers training can all lift (certifications, licence, French): only they
 * can be unlocked by a pathway, so only they are tested for each pathway.
 */
let liftSlots: Int32Array = new Int32Array(256);
let liftMasks: Int32Array = new Int32Array(256);
let liftCount = 0;
/** Slots an unlock query found eligible, before their ids are copied out. */
let matched: Int32Array = new Int32Array(256);
const LIFTABLE = B_LEGAL | B_REQUIRED | B_LICENCE | B_FRENCH;
/** Id ranks of the vacancies in reach, one bit each. */
let rankBits: Uint32Array = new Uint32Array(64);
/** Blocker mask by slot, written by the scan and read back once the slots are in id order. */
let maskOfSlot: Int32Array = new Int32Array(256);
let romeCounts: Int32Array = new Int32Array(0);

/**
 * Rank of every slot in id order, so the vacancies in reach come out in id order through a bitset
 * of ranks instead of string comparisons. Valid while the index keeps the same id array with the same
 * length: slots are only ever appended, and a compaction replaces the array (indexes.ts).
 */
interface IdOrder { ids: readonly string[]; size: number; rank: Int32Array; slotAt: Int32Array }
const idOrders = new WeakMap<VacancyStore, IdOrder>();

function idOrder(index: VacancyStore): IdOrder {
  const ids = index.ids;
  let o = idOrders.get(index);
  if (o === undefined || o.ids !== ids || o.size !== ids.length) {
    const n = ids.length;
    const slotAt = new Int32Array(n);
    for (let s = 0; s < n; s++) slotAt[s] = s;
    // Removed slots keep their id (a re-added id gets a new slot): ties go by slot.
    slotAt.sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : a - b));
    const rank = new Int32Array(n);
    for (let k = 0; k < n; k++) rank[slotAt[k]] = k;
    o = { ids, size: n, rank, slotAt };
    idOrders.set(index, o);
  }
  return o;
}

function growInt32(a: Int32Array, n: number): Int32Array {
  return a.length >= n ? a : new Int32Array(Math.max(n, a.length * 2));
}

export function recommendForCandidate(core: Core, candidate: Candidate, input: RecommendOptions | undefined): Pathway[] {
  const options = checkCallOptions(RecommendOptionsSchema, input, recommendOptionsLookValid) as RecommendOptions;
  const vacancies = options.vacancies as VacancyStore | undefined;
  if (vacancies !== undefined) checkIndex(vacancies, 'vacancies', 'vacancies', core.options.referential);
  const target = checkedTarget(core, options);
  const { scratchCandidate, kernelFor, ctx } = core;
  // One scan of the vacancies in reach gives every blocker mask; what a pathway unlocks (a
  // certification, the licence, a French level) is then read off the masks, without rescanning.
  reachCount = 0;
  liftCount = 0;
  if (vacancies !== undefined) {
    const cols = scratchCandidate(candidate);
    const kernel = kernelFor(cols, vacancies.cols);
    const { grid, overflow } = vacancies.grid();
    const order = idOrder(vacancies);
    const rank = order.rank;
    const size = vacancies.cols.size;
    maskOfSlot = growInt32(maskOfSlot, size);
    reachSlots = growInt32(reachSlots, size);
    liftSlots = growInt32(liftSlots, size);
    liftMasks = growInt32(liftMasks, size);
    matched = growInt32(matched, size);
    const words = (order.slotAt.length + 31) >>> 5;
    if (rankBits.length < words) rankBits = new Uint32Array(words);
    const bits = rankBits;
    bits.fill(0, 0, words);
    // The scan marks the id rank of each vacancy in reach in a bitset; reading the bits in order
    // lists them in id order, without a sort.
    scanReachMasks(kernel, grid, overflow, 0, cols.reach[0], rank, maskOfSlot, bits);
    const slotAt = order.slotAt;
    for (let w = 0; w < words; w++) {
      let x = bits[w];
      if (x === 0) continue;
      while (x !== 0) {
        const low = x & -x;
        const vi = slotAt[(w << 5) | (31 - Math.clz32(low))];
        x ^= low;
        reachSlots[reachCount++] = vi;
        const mask = maskOfSlot[vi];
        if ((mask & ~LIFTABLE) === 0) {
          liftSlots[liftCount] = vi;
          liftMasks[liftCount++] = mask;
        }
      }
    }
  }
  const held = new Set<string>();
  for (const q of candidate.qualifications) if (q.blocks === undefined) held.add(q.code);
  const ownFrench = candidate.frenchLevel === undefined ? 0 : FRENCH_RANK[candidate.frenchLevel];
  return recommend(
    candidate,
    {
      target,
      sessions: parseSessions(core.options.referential, options.sessions),
      today: options.today ?? core.options.today,
      limit: options.limit,
    },
    new EngineDeps(core.options.referential, vacancies, ctx, held, candidate.mobility.drivingLicence, ownFrench),
  );
}

/**
 * The recommender's dependencies, answered from this call's scan: demand in reach, unlock counts
 * and ids, vacancies by id. Methods rather than closures (one object per call).
 */
class EngineDeps implements PathwayDeps, UnlockCounter {
  readonly unlocks: UnlockCounter = this;

  constructor(
    readonly referential: Referential,
    private readonly vacancies: VacancyStore | undefined,
    private readonly ctx: EncodingContext,
    private readonly held: ReadonlySet<string>,
    private readonly hadLicence: boolean,
    private readonly ownFrench: number,
  ) {}

  count(gain: PathwayGain): number {
    return this.vacancies === undefined ? 0 : lifted(this.vacancies, this.ctx, gain, this.held, this.hadLicence, this.ownFrench, false);
  }

  ids(gain: PathwayGain): string[] {
    const vacancies = this.vacancies;
    if (vacancies === undefined) return [];
    const n = lifted(vacancies, this.ctx, gain, this.held, this.hadLicence, this.ownFrench, true);
    // In id order: the vacancies in reach are listed in that order.
    const ids = vacancies.ids;
    const out = new Array<string>(n);
    for (let k = 0; k < n; k++) out[k] = ids[matched[k]];
    return out;
  }

  vacancyById(id: string): Vacancy | undefined {
    return this.vacancies?.get(id);
  }

  demandByRome(): { rome: string; count: number }[] {
    return this.vacancies === undefined ? [] : demandInReach(this.vacancies, this.ctx);
  }
}

/**
 * How many vacancies in reach the candidate is eligible for once `gain` is added (their slots go to
 * `matched` when `collect`): a blocker is lifted by a certification gained that the candidate did not
 * hold (legal or required, tested on the vacancy's certification bits), a licence gained, or a French
 * level raised enough.
 */
function lifted(
  vacancies: VacancyStore, ctx: EncodingContext, gain: PathwayGain, held: ReadonlySet<string>, hadLicence: boolean, ownFrench: number, collect: boolean,
): number {
  const cw = ctx.certWords;
  // The certification gained, as one bit: word `word` of a vacancy's set, tested against `bit`.
  let word = -1;
  let bit = 0;
  let unknown: string | undefined;
  const cert = gain.certification;
  if (cert !== undefined && !held.has(cert)) {
    const b = ctx.certBit.get(cert);
    // A code outside the referential has no bit: compared by name with the vacancy's lists (rare).
    if (b === undefined) unknown = cert;
    else { word = b >>> 5; bit = 1 << (b & 31); }
  }
  const licence = gain.licence && !hadLicence;
  const french = gain.frenchLevel === undefined ? 0 : FRENCH_RANK[gain.frenchLevel];
  const frenchUp = french > ownFrench;
  const { legal, required, french: vFrench } = vacancies.cols;
  let n = 0;
  for (let k = 0; k < liftCount; k++) {
    const mask = liftMasks[k];
    const vi = liftSlots[k];
    if (mask !== 0) {
      let lifts = 0;
      if ((mask & B_LEGAL) !== 0
        && ((word >= 0 && (legal[vi * cw + word] & bit) !== 0) || (unknown !== undefined && legalOf(vacancies, ctx, vi).includes(unknown)))) lifts |= B_LEGAL;
      if ((mask & B_REQUIRED) !== 0
        && ((word >= 0 && (required[vi * cw + word] & bit) !== 0) || (unknown !== undefined && (vacancies.records[vi].requires.certifications ?? []).includes(unknown)))) lifts |= B_REQUIRED;
      if (licence) lifts |= B_LICENCE;
      if (frenchUp && french >= vFrench[vi]) lifts |= B_FRENCH;
      if ((mask & ~lifts) !== 0) continue;
    }
    if (collect) matched[n] = vi;
    n++;
  }
  return n;
}


function legalOf(vacancies: VacancyStore, ctx: EncodingContext, vi: number): readonly string[] {
  const rome = vacancies.cols.rome[vi];
  return rome >= 0 ? ctx.legalCerts[rome] : [];
}

/** Vacancies in reach by ROME code, most first (then code order). */
function demandInReach(vacancies: VacancyStore, ctx: EncodingContext): { rome: string; count: number }[] {
  if (romeCounts.length < ctx.romeCount) romeCounts = new Int32Array(ctx.romeCount);
  const romes = vacancies.cols.rome;
  const records = vacancies.records;
  const out: { rome: string; count: number }[] = [];
  const touched: number[] = [];
  // Codes the encoding does not know (rome −1) are counted by name.
  let other: Map<string, number> | null = null;
  for (let k = 0; k < reachCount; k++) {
    const vi = reachSlots[k];
    const r = romes[vi];
    if (r < 0) {
      const code = records[vi].job.rome;
      (other ??= new Map()).set(code, (other.get(code) ?? 0) + 1);
    } else if (romeCounts[r]++ === 0) {
      touched.push(r);
      out.push({ rome: records[vi].job.rome, count: 0 });
    }
  }
  for (let k = 0; k < out.length; k++) {
    out[k].count = romeCounts[touched[k]];
    romeCounts[touched[k]] = 0;
  }
  if (other !== null) for (const [rome, count] of other) out.push({ rome, count });
  return out.sort(byDemand);
}
