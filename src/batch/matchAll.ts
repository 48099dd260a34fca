/**
 * matchAll: a whole territory. Vacancies are shortlisted shard by shard (worker threads when
 * asked), candidates' best vacancies accumulate on the way, and every record is accounted for:
 * matched, or unmatched with the count of each blocker that kept it out. Every phase runs in
 * time-sized steps (batch/control.ts) so that the caller's event loop, its aborts and its
 * progress bar keep running.
 */
import type { Audience, Match, Versions } from '../scoring/types.js';
import type { Candidate } from '../schema/candidate.js';
import type { Vacancy } from '../schema/vacancy.js';
import type { Core } from '../core/core.js';
import type { CandidateStore, VacancyStore } from '../core/indexes.js';
import { HeapBank } from '../rank/bank.js';
import type { Rejection } from '../validate/index.js';
import { COUNT_COLUMNS, ShardRunner, countsFor, type ShardResult } from './shard.js';
import { accountCandidatesInto, accountVacanciesInto, vacanciesInGridOrder } from './account.js';
import type { Grid } from '../geo/grid.js';
import { allocShared } from '../encode/columns.js';
import { Pacer, type BatchProgress } from './control.js';
import { onSharedMemory, packIdsInSteps, type AccountResult, type AccountTask, type KernelParts, type ShardTask, type ShortlistTask } from '../workers/protocol.js';
import { runWorker, workerFile } from '../workers/spawn.js';
import { argumentError, stringArgument } from '../validate/edge.js';
import { ScoreOptionsSchema, checkCallOptions } from '../engine/call-options.js';

export interface MatchAllOptions {
  /** Shortlist length per vacancy (default 20). */
  perVacancy?: number;
  /**
   * Best vacancies kept per candidate (default 0). Keeping them means every eligible pair is
   * scored, where shortlists alone stop early once no candidate can enter: slower at scale.
   */
  perCandidate?: number;
  /** Worker threads (default 0: the calling thread). Pays off at national scale. */
  workers?: number;
  /**
   * Called at the start and end of each phase and every 50 ms of work in between: 'index'
   * (raw arrays validated and indexed, records), 'shortlists' (vacancies), 'unmatched' (candidates,
   * then vacancies). `done` never decreases within a phase.
   */
  onProgress?: (progress: BatchProgress) => void;
  /**
   * Stops the batch: the promise rejects with a DOMException named 'AbortError' (the signal's
   * reason itself when it is one, else one whose `cause` is the reason) and workers are terminated.
   * The batch gives the event loop back every 10 ms of work, so an abort from a timer or an I/O
   * callback is seen; the indexes must not change until the promise settles.
   */
  signal?: AbortSignal;
  /** Count the blockers of unmatched records (default true). A candidate is matched when at least one vacancy is eligible for it. */
  blockerCounts?: boolean;
  /**
   * Who reads the lists, counts, `explain` and `evaluate` (default: the engine's audience). An
   * employer's counts read `to_discuss` for a restriction or a missing work authorisation, and its
   * shortlists and `bestFor` rank by (and show) the score without the positive-action bonus, so
   * neither order nor membership depends on categories (MODEL.md "Two audiences").
   */
  audience?: Audience;
}

export interface BatchMatch {
  candidateId: string;
  vacancyId: string;
  score: number;
  /** 1-based rank in the vacancy's shortlist (or in the candidate's list for `bestFor`). */
  rank: number;
}

export interface Unmatched {
  id: string;
  /** How many records within reach each blocker kept out (empty: nothing within reach). */
  blockers: Partial<Record<string, number>>;
}

export interface BatchStats {
  candidates: number;
  vacancies: number;
  shortlistedPairs: number;
  matchedCandidates: number;
  shortlistedCandidates: number;
  unmatchedCandidates: number;
  unmatchedVacancies: number;
  rejectedCandidates: number;
  rejectedVacancies: number;
  workers: number;
  ms: { shortlists: number; unmatched: number; total: number };
}

/** Compact shortlists: ids and scores in typed arrays, iterable as plain objects. */
export class BatchMatches implements Iterable<BatchMatch> {
  constructor(
    private readonly vacancySlots: Int32Array,
    /** offsets[k] … offsets[k + 1] index candidateSlots/scores for vacancy k (in id order). */
    readonly offsets: Int32Array,
    readonly candidateSlots: Int32Array,
    readonly scores: Float64Array,
    private readonly candidateIds: readonly string[],
    private readonly vacancyIds: readonly string[],
  ) {}

  get size(): number {
    return this.candidateSlots.length;
  }

  /** `JSON.stringify` writes the pairs as a plain array (in vacancy id order, then rank), not the typed arrays. */
  toJSON(): BatchMatch[] {
    return [...this];
  }

  *[Symbol.iterator](): Iterator<BatchMatch> {
    for (let k = 0; k < this.vacancySlots.length; k++) {
      const vacancyId = this.vacancyIds[this.vacancySlots[k]];
      for (let j = this.offsets[k]; j < this.offsets[k + 1]; j++) {
        yield { candidateId: this.candidateIds[this.candidateSlots[j]], vacancyId, score: this.scores[j], rank: j - this.offsets[k] + 1 };
      }
    }
  }
}

import type { PairVerdict } from '../core/core.js';
export type { PairVerdict };

export interface BatchResult {
  matches: BatchMatches;
  unmatchedCandidates: Unmatched[];
  unmatchedVacancies: Unmatched[];
  /** Records given as arrays and rejected by validation (empty when indexes were given). */
  rejected: { candidates: Rejection[]; vacancies: Rejection[] };
  stats: BatchStats;
  versions: Versions;
  /** A vacancy's shortlist. */
  shortlist(vacancyId: string): BatchMatch[];
  /** A candidate's best vacancies (perCandidate of them). */
  bestFor(candidateId: string): BatchMatch[];
  /** The full explained Match of a pair, built on demand. */
  explain(candidateId: string, vacancyId: string, options?: { audience?: Audience }): Match;
  /**
   * `explain`'s eligibility, score and blocker codes in the batch's audience, read from the
   * indexes' columns without building a Match (microseconds rather than 0.1 ms).
   */
  evaluate(candidateId: string, vacancyId: string): PairVerdict;
  /** Ids of the batch's candidates and vacancies (valid records only), in id order (code points). */
  candidateIds(): string[];
  vacancyIds(): string[];
  /** The validated record behind an id, as the index holds it now (undefined if unknown or removed). */
  candidate(id: string): Candidate | undefined;
  vacancy(id: string): Vacancy | undefined;
  /** The batch as plain data (what `JSON.stringify(batch)` writes; JSON Schema `batch.json`). */
  toJSON(): BatchJSON;
}

/**
 * The live vacancy slots of `live` in the order of the vacancy grid's items (cell by cell), then
 * those added since the grid was built (its overflow).
 */
function spatialOrder(live: Int32Array, gridItems: Int32Array, overflow: readonly number[], slotCount: number): Int32Array {
  const isLive = new Uint8Array(slotCount);
  for (let k = 0; k < live.length; k++) isLive[live[k]] = 1;
  const order = new Int32Array(live.length);
  let n = 0;
  for (let k = 0; k < gridItems.length; k++) {
    const s = gridItems[k];
    if (isLive[s] === 1) { order[n++] = s; isLive[s] = 0; }
  }
  for (const s of overflow) if (isLive[s] === 1) { order[n++] = s; isLive[s] = 0; }
  // A live slot in neither would go unscanned: none while the grid and its overflow hold them all.
  for (let k = 0; k < live.length && n < live.length; k++) if (isLive[live[k]] === 1) { order[n++] = live[k]; isLive[live[k]] = 0; }
  return order;
}

/**
 * A batch as plain data: the shortlists' pairs, every unmatched and rejected record, the stats and
 * versions; with `perCandidate > 0`, also `bestFor`: every candidate's best vacancies, in candidate
 * id order then rank (absent otherwise, so a reader can tell "not asked" from "none found").
 */
export interface BatchJSON {
  matches: BatchMatch[];
  bestFor?: BatchMatch[];
  unmatchedCandidates: Unmatched[];
  unmatchedVacancies: Unmatched[];
  rejected: { candidates: Rejection[]; vacancies: Rejection[] };
  stats: BatchStats;
  versions: Versions;
}

export async function matchAll(
  core: Core,
  candidatesIn: CandidateStore | unknown[],
  vacanciesIn: VacancyStore | unknown[],
  options: MatchAllOptions,
): Promise<BatchResult> {
  const t0 = performance.now();
  const perVacancy = options.perVacancy ?? 20;
  const perCandidate = options.perCandidate ?? 0;
  const workers = Math.max(0, Math.floor(options.workers ?? 0));
  const signal = options.signal;
  const pacer = new Pacer(signal, options.onProgress);
  pacer.throwIfAborted();
  // Raw arrays: validated and indexed in steps, into new indexes nobody else holds.
  const candidates = Array.isArray(candidatesIn) ? core.indexCandidates([]).index : candidatesIn;
  const vacancies = Array.isArray(vacanciesIn) ? core.indexVacancies([]).index : vacanciesIn;
  const candidateSteps = Array.isArray(candidatesIn) ? candidates.insertInSteps(candidatesIn, candidates.referential) : null;
  const vacancySteps = Array.isArray(vacanciesIn) ? vacancies.insertInSteps(vacanciesIn, vacancies.referential) : null;
  if (candidateSteps !== null || vacancySteps !== null) {
    const nc = candidateSteps?.length ?? 0;
    const total = nc + (vacancySteps?.length ?? 0);
    if (candidateSteps !== null) await pacer.run(nc, candidateSteps.step, 'index', 0, total);
    if (vacancySteps !== null) await pacer.run(vacancySteps.length, vacancySteps.step, 'index', nc, total);
  }
  const rejectedCandidates: Rejection[] = candidateSteps?.rejected ?? [];
  const rejectedVacancies: Rejection[] = vacancySteps?.rejected ?? [];

  // Grids first: building a grid may renumber its index's columns. The set-up is driven in
  // chunks, the event loop getting its turn between them: nationally each piece is far longer
  // than a slice.
  const vacancyGrid = await pacer.drive(vacancies.gridInSteps());
  const vacancySlots = await pacer.drive(vacancies.liveSlotsByIdInSteps());
  const nV = vacancySlots.length;
  // Shortlists are scanned in the vacancy grid's order, cell by cell: consecutive vacancies then
  // share most of their candidates, whose columns and grid cells are still in cache.
  const scanOrder = spatialOrder(vacancySlots, vacancyGrid.grid.items, vacancyGrid.overflow, vacancies.cols.size);
  // The rest of the set-up prepares the shortlists: reported as their start.
  pacer.report('shortlists', 0, nV);
  await pacer.checkpoint();
  const { grid, overflow } = await pacer.drive(candidates.gridInSteps());
  const capacity = candidates.cols.size;
  const kernel = core.kernelFor(candidates.cols, vacancies.cols);
  // The numbering of this batch: the result keeps reading these even if the index changes later.
  const candidateIds = candidates.ids;
  const vacancyIds = vacancies.ids;
  const candidateCols = candidates.cols;
  const candidateSlots = await pacer.drive(candidates.liveSlotsByIdInSteps());
  const nearGrid = (options.blockerCounts ?? true) ? await pacer.drive(candidates.nearGridInSteps()) : grid;
  // The shortlist grid of every vacancy: vacancies grouped by the grid they share, then each grid
  // built (the first also sorts the candidates into their qualification tiers).
  const gridKeys = new Map<string, number>();
  const firstOfGrid: number[] = [];
  const gridOfSlot = new Int32Array(vacancies.cols.size);
  await pacer.run(nV, (from, to) => {
    for (let k = from; k < to; k++) {
      const vi = vacancySlots[k];
      const key = candidates.shortlistKey(vacancies.cols, vi);
      let n = gridKeys.get(key);
      if (n === undefined) {
        n = firstOfGrid.length;
        firstOfGrid.push(vi);
        gridKeys.set(key, n);
      }
      gridOfSlot[vi] = n;
    }
  });
  const shortlistGrids: Grid[] = [];
  for (const vi of firstOfGrid) shortlistGrids.push(await pacer.drive(candidates.gridForInSteps(vacancies.cols, vi, false)));
  const gridFor = (vi: number): Grid => shortlistGrids[gridOfSlot[vi]];

  // Candidates found eligible by any shortlist scan (shared memory: workers mark it too).
  const matched = allocShared<Uint8Array>(Uint8Array, capacity);
  const shards: ShardResult[] = [];
  const shardSlots: Int32Array[] = [];
  const audience = options.audience ?? core.options.audience;
  // An employer's shortlists and best lists rank by the score its Match shows, without the bonus.
  const withoutBonus = audience === 'employer';

  // What a worker needs to rebuild this batch's kernel (the engine's compiled options).
  const kernelParts = (): KernelParts => ({
    candidates: { ...candidateCols },
    vacancies: { ...vacancies.cols },
    weights: core.options.weights,
    related: core.ctx.related,
    romeCount: core.ctx.romeCount,
    jobBit: core.ctx.jobBit,
    maxBonus: core.options.positiveActionWeight,
  });

  if (workers <= 1) {
    const runner = new ShardRunner(kernel, gridFor, overflow, scanOrder, candidateIds, vacancyIds, perVacancy, perCandidate, capacity, matched, withoutBonus);
    await pacer.run(nV, (from, to) => runner.run(from, to), 'shortlists');
    shards.push(runner.result);
    shardSlots.push(scanOrder);
  } else {
    // Interleaved shards balance dense and sparse areas between threads, and keep them in the
    // same area at the same time.
    for (let w = 0; w < workers; w++) {
      const slots: number[] = [];
      for (let k = w; k < nV; k += workers) slots.push(scanOrder[k]);
      shardSlots.push(Int32Array.from(slots));
    }
    // On shared memory once, so each worker's task is cloned without its arrays.
    const packedCandidateIds = await pacer.drive(packIdsInSteps(candidateIds));
    const packedVacancyIds = await pacer.drive(packIdsInSteps(vacancyIds));
    const common = onSharedMemory({
      kind: 'shortlists' as const, kernel: kernelParts(), candidateIds: packedCandidateIds, vacancyIds: packedVacancyIds, grids: shortlistGrids.map((g) => g.toParts()),
      gridOfSlot, overflow: [...overflow], perVacancy, perCandidate, capacity, matched, withoutBonus,
    });
    const tasks = shardSlots.map((slots): ShortlistTask => ({ ...common, slots }));
    pacer.report('shortlists', 0, nV);
    let done = 0;
    const stop = pacer.heartbeat('shortlists', () => done, nV);
    try {
      shards.push(...(await inWorkers<ShardResult>(tasks, signal, (d) => pacer.report('shortlists', (done = d), nV))));
    } finally {
      stop();
    }
    pacer.report('shortlists', nV, nV);
    pacer.resumed();
  }
  const tShortlists = performance.now();

  // Merge shards into id order: which shard holds each vacancy slot's shortlist, at which row.
  // Each pass over the vacancies or candidates below is paced: nationally each is tens of ms.
  const shardOf = new Int32Array(vacancies.cols.size);
  const rowOf = new Int32Array(vacancies.cols.size);
  for (let s = 0; s < shardSlots.length; s++) {
    const slots = shardSlots[s];
    await pacer.run(slots.length, (from, to) => {
      for (let k = from; k < to; k++) { shardOf[slots[k]] = s; rowOf[slots[k]] = k; }
    });
  }
  const offsets = new Int32Array(nV + 1);
  await pacer.run(nV, (from, to) => {
    for (let k = from; k < to; k++) offsets[k + 1] = offsets[k] + shards[shardOf[vacancySlots[k]]].topCounts[rowOf[vacancySlots[k]]];
  });
  const outSlots = new Int32Array(offsets[nV]);
  const outScores = new Float64Array(offsets[nV]);
  await pacer.run(nV, (from, to) => {
    for (let k = from; k < to; k++) {
      const r = shards[shardOf[vacancySlots[k]]];
      const row = rowOf[vacancySlots[k]];
      const n = r.topCounts[row];
      // Copied entry by entry: a view per list would be an allocation per vacancy, and with the
      // indexed records on the heap each allocation pays a step of the collector's marking.
      for (let j = 0, from = row * perVacancy, at = offsets[k]; j < n; j++) {
        outSlots[at + j] = r.topSlots[from + j];
        outScores[at + j] = r.topScores[from + j];
      }
    }
  });
  let bank: HeapBank | null = null;
  if (perCandidate > 0) {
    const merged = new HeapBank(capacity, perCandidate, vacancies.ids);
    bank = merged;
    if (shards.length === 1) {
      merged.scores.set(shards[0].bankScores!);
      merged.items.set(shards[0].bankItems!);
      merged.sizes.set(shards[0].bankSizes!);
    } else {
      for (const r of shards) {
        await pacer.run(capacity, (from, to) => {
          for (let ci = from; ci < to; ci++) {
            for (let j = 0; j < r.bankSizes![ci]; j++) merged.push(ci, r.bankScores![ci * perCandidate + j], r.bankItems![ci * perCandidate + j]);
          }
        });
      }
    }
  }

  // Every record accounted for: the unmatched ones with the blockers that kept them out.
  const countBlockers = options.blockerCounts ?? true;
  const unmatchedCandidates: Unmatched[] = [];
  const unmatchedVacancies: Unmatched[] = [];
  const counts = new Int32Array(COUNT_COLUMNS);
  const toRecord = (id: string): Unmatched => ({ id, blockers: countsFor(counts, 0, audience) });
  const { grid: vGrid, overflow: vOverflow } = await pacer.drive(vacancies.gridInSteps());
  const unmatchedTotal = candidateSlots.length + nV;
  const shortlisted = new Uint8Array(capacity);
  await pacer.run(outSlots.length, (from, to) => {
    for (let j = from; j < to; j++) shortlisted[outSlots[j]] = 1;
  });
  // Candidates in no shortlist: matched elsewhere, or unmatched with their blocker counts. In id
  // order, and in slot order, which is the candidate grid's cell order: accounted in that order,
  // neighbours in turn scan the same vacancies, still in cache.
  const isPending = new Uint8Array(capacity);
  let pendingCount = 0;
  await pacer.run(candidateSlots.length, (from, to) => {
    for (let k = from; k < to; k++) {
      const ci = candidateSlots[k];
      if (shortlisted[ci] === 0 && matched[ci] === 0) { isPending[ci] = 1; pendingCount++; }
    }
  });
  const pending = new Int32Array(pendingCount);
  const pendingBySlot = new Int32Array(pendingCount);
  let inIdOrder = 0;
  await pacer.run(candidateSlots.length, (from, to) => {
    for (let k = from; k < to; k++) if (isPending[candidateSlots[k]] === 1) pending[inIdOrder++] = candidateSlots[k];
  });
  let inSlotOrder = 0;
  await pacer.run(capacity, (from, to) => {
    for (let ci = from; ci < to; ci++) if (isPending[ci] === 1) pendingBySlot[inSlotOrder++] = ci;
  });
  const matchedByScans = candidateSlots.length - pending.length;
  // Progress of this phase: candidates (those the scans matched count as done), then vacancies.
  const accountShards: Int32Array[] = [];
  const accounts: AccountResult[] = [];
  if (workers <= 1) {
    const account: AccountResult = { matched: new Uint8Array(pending.length), counts: new Int32Array(pending.length * COUNT_COLUMNS) };
    const byPosition = await pacer.drive(vacanciesInGridOrder(kernel, vGrid));
    await pacer.run(pending.length, (from, to) => {
      accountCandidatesInto(kernel, byPosition, vGrid, vOverflow, pendingBySlot, from, to, countBlockers, account.matched, account.counts);
    }, 'unmatched', matchedByScans, unmatchedTotal);
    accountShards.push(pendingBySlot);
    accounts.push(account);
  } else {
    for (let w = 0; w < workers; w++) accountShards.push(pendingBySlot.filter((_, k) => k % workers === w));
    const kernelOfWorkers = onSharedMemory(kernelParts());
    const vacancyGrid = onSharedMemory(vGrid.toParts());
    const tasks = accountShards.map((slots): AccountTask => ({
      kind: 'account', kernel: kernelOfWorkers, vacancyGrid, vacancyOverflow: [...vOverflow], slots, countBlockers,
    }));
    pacer.report('unmatched', matchedByScans, unmatchedTotal);
    let done = matchedByScans;
    const stop = pacer.heartbeat('unmatched', () => done, unmatchedTotal);
    try {
      accounts.push(...(await inWorkers<AccountResult>(tasks, signal, (d) => pacer.report('unmatched', (done = matchedByScans + d), unmatchedTotal))));
    } finally {
      stop();
    }
    pacer.resumed();
  }
  let matchedCandidates = matchedByScans;
  const unmatchedBySlot = new Map<number, Unmatched>();
  for (let s = 0; s < accountShards.length; s++) {
    const slots = accountShards[s];
    const { matched, counts: c } = accounts[s];
    await pacer.run(slots.length, (from, to) => {
      for (let k = from; k < to; k++) {
        if (matched[k] === 1) { matchedCandidates++; continue; }
        counts.set(c.subarray(k * counts.length, (k + 1) * counts.length));
        unmatchedBySlot.set(slots[k], toRecord(candidateIds[slots[k]]));
      }
    });
  }
  // In id order, like every list of the batch.
  await pacer.run(pending.length, (from, to) => {
    for (let k = from; k < to; k++) {
      const u = unmatchedBySlot.get(pending[k]);
      if (u !== undefined) unmatchedCandidates.push(u);
    }
  });
  const emptySlots = vacancySlots.filter((_, k) => offsets[k + 1] === offsets[k]);
  const vacancyCounts = new Int32Array(emptySlots.length * COUNT_COLUMNS);
  if (countBlockers) {
    await pacer.run(emptySlots.length, (from, to) => accountVacanciesInto(kernel, nearGrid, overflow, emptySlots, from, to, vacancyCounts),
      'unmatched', unmatchedTotal - emptySlots.length, unmatchedTotal);
  }
  for (let k = 0; k < emptySlots.length; k++) {
    counts.set(vacancyCounts.subarray(k * COUNT_COLUMNS, (k + 1) * COUNT_COLUMNS));
    unmatchedVacancies.push(toRecord(vacancyIds[emptySlots[k]]));
  }
  pacer.report('unmatched', unmatchedTotal, unmatchedTotal);

  let shortlistedCandidates = 0;
  await pacer.run(candidateSlots.length, (from, to) => {
    for (let k = from; k < to; k++) shortlistedCandidates += shortlisted[candidateSlots[k]];
  });
  const t1 = performance.now();

  const matches = new BatchMatches(vacancySlots, offsets, outSlots, outScores, candidateIds, vacancyIds);
  const vacancyPosition = new Map<string, number>();
  await pacer.run(nV, (from, to) => {
    for (let k = from; k < to; k++) vacancyPosition.set(vacancyIds[vacancySlots[k]], k);
  });
  let candidatePosition: Map<string, number> | null = null;
  let liveKernel = kernel;
  /** The current slots of a pair of the indexes. @throws PasserelleInputError('argument') for a non-string or unknown id. */
  const pairSlots = (candidateId: string, vacancyId: string): { c: number; v: number } => {
    const c = candidates.slot(stringArgument(candidateId, 'candidateId'));
    const v = vacancies.slot(stringArgument(vacancyId, 'vacancyId'));
    if (c < 0) throw argumentError('unknown_id', 'candidateId', 'candidat·e absent·e du lot');
    if (v < 0) throw argumentError('unknown_id', 'vacancyId', 'offre absente du lot');
    return { c, v };
  };

  const result: BatchResult = {
    matches,
    unmatchedCandidates,
    unmatchedVacancies,
    rejected: { candidates: rejectedCandidates, vacancies: rejectedVacancies },
    versions: core.versions,
    stats: {
      candidates: candidateSlots.length,
      vacancies: nV,
      shortlistedPairs: outSlots.length,
      matchedCandidates,
      shortlistedCandidates,
      unmatchedCandidates: unmatchedCandidates.length,
      unmatchedVacancies: unmatchedVacancies.length,
      rejectedCandidates: rejectedCandidates.length,
      rejectedVacancies: rejectedVacancies.length,
      workers: Math.max(1, workers),
      ms: { shortlists: tShortlists - t0, unmatched: t1 - tShortlists, total: t1 - t0 },
    },
    shortlist(vacancyId) {
      const k = vacancyPosition.get(stringArgument(vacancyId, 'vacancyId'));
      if (k === undefined) return [];
      const out: BatchMatch[] = [];
      for (let j = offsets[k]; j < offsets[k + 1]; j++) {
        out.push({ candidateId: candidateIds[outSlots[j]], vacancyId, score: outScores[j], rank: j - offsets[k] + 1 });
      }
      return out;
    },
    bestFor(candidateId) {
      stringArgument(candidateId, 'candidateId');
      if (bank === null) return [];
      if (candidatePosition === null) {
        candidatePosition = new Map();
        for (const ci of candidateSlots) candidatePosition.set(candidateIds[ci], ci);
      }
      const ci = candidatePosition.get(candidateId);
      if (ci === undefined) return [];
      return bank.sortedOf(ci).map((e, i) => ({ candidateId, vacancyId: vacancyIds[e.item], score: e.score, rank: i + 1 }));
    },
    explain(candidateId, vacancyId, opts) {
      // From the indexes' current records, scored afresh: independent of the batch's numbering.
      const explainAudience = checkCallOptions(ScoreOptionsSchema, opts).audience ?? audience;
      const { c, v } = pairSlots(candidateId, vacancyId);
      return core.score(candidates.records[c], vacancies.records[v], explainAudience);
    },
    evaluate(candidateId, vacancyId) {
      // Like explain, from the indexes' current slots and columns (a grid rebuild may have renumbered them).
      const { c, v } = pairSlots(candidateId, vacancyId);
      if (liveKernel.c !== candidates.cols || liveKernel.v !== vacancies.cols) liveKernel = core.kernelFor(candidates.cols, vacancies.cols);
      return core.verdict(c, v, liveKernel, candidates.records[c], audience);
    },
    candidateIds() {
      return Array.from(candidateSlots, (ci) => candidateIds[ci]);
    },
    vacancyIds() {
      return Array.from(vacancySlots, (vi) => vacancyIds[vi]);
    },
    candidate(id) {
      return candidates.get(id);
    },
    vacancy(id) {
      return vacancies.get(id);
    },
    toJSON() {
      const json: BatchJSON = {
        matches: matches.toJSON(),
        unmatchedCandidates: this.unmatchedCandidates,
        unmatchedVacancies: this.unmatchedVacancies,
        rejected: this.rejected,
        stats: this.stats,
        versions: this.versions,
      };
      if (perCandidate > 0) json.bestFor = this.candidateIds().flatMap((id) => this.bestFor(id));
      return json;
    },
  };
  return result;
}

/**
 * One task per worker (the shard worker file); the first failure, or the caller's abort,
 * terminates them all and rejects with that error (or the abort rejection).
 */
async function inWorkers<R>(tasks: ShardTask[], signal: AbortSignal | undefined, onProgress: (done: number) => void): Promise<R[]> {
  const group = new AbortController();
  const forward = () => group.abort(signal!.reason);
  signal?.addEventListener('abort', forward, { once: true });
  const progress = new Array<number>(tasks.length).fill(0);
  const file = workerFile('shard-worker');
  try {
    return await Promise.all(
      tasks.map((task, w) =>
        runWorker<R>(file, task, {
          signal: group.signal,
          onProgress: (done) => {
            progress[w] = done;
            onProgress(progress.reduce((a, b) => a + b, 0));
          },
        }).catch((e: unknown) => {
          group.abort(e);
          throw e;
        }),
      ),
    );
  } finally {
    signal?.removeEventListener('abort', forward);
  }
}
