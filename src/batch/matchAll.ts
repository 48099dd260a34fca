/**
 * matchAll: a whole territory. Vacancies are shortlisted shard by shard (worker threads when
 * asked), candidates' best vacancies accumulate on the way, and every record is accounted for:
 * matched, or unmatched with the count of each blocker that kept it out.
 */
import { Worker } from 'node:worker_threads';
import type { Audience, Match, Versions } from '../scoring/types.js';
import type { Candidate } from '../schema/candidate.js';
import type { Vacancy } from '../schema/vacancy.js';
import type { Core } from '../core/core.js';
import type { CandidateStore, VacancyStore } from '../core/indexes.js';
import { scanCandidatesForVacancy } from '../core/scan.js';
import { HeapBank } from '../rank/bank.js';
import { TopK } from '../rank/topk.js';
import type { Rejection } from '../validate/index.js';
import { COUNT_COLUMNS, PROGRESS_CHUNK, ShardRunner, accountCandidates, countMask, countsFor, type ShardResult } from './shard.js';
import type { Grid, GridParts } from '../geo/grid.js';
import type { CandidateColumns } from '../encode/candidates.js';
import { allocShared } from '../encode/columns.js';
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
  onProgress?: (progress: { done: number; total: number; phase: 'shortlists' | 'unmatched' }) => void;
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

function abortError(): Error {
  const e = new Error('matchAll aborted');
  e.name = 'AbortError';
  return e;
}

const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

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
  if (signal?.aborted) throw abortError();
  let rejectedCandidates: Rejection[] = [];
  let rejectedVacancies: Rejection[] = [];
  let candidates: CandidateStore;
  let vacancies: VacancyStore;
  if (Array.isArray(candidatesIn)) {
    const r = core.indexCandidates(candidatesIn);
    candidates = r.index;
    rejectedCandidates = r.rejected;
  } else candidates = candidatesIn;
  if (Array.isArray(vacanciesIn)) {
    const r = core.indexVacancies(vacanciesIn);
    vacancies = r.index;
    rejectedVacancies = r.rejected;
  } else vacancies = vacanciesIn;

  // Grids first: building the candidates' grid may renumber their columns.
  const { grid, overflow } = candidates.grid();
  vacancies.grid();
  const vacancySlots = vacancies.liveSlotsById();
  const nV = vacancySlots.length;
  const capacity = candidates.cols.size;
  const kernel = core.kernelFor(candidates.cols, vacancies.cols);
  // The numbering of this batch: the result keeps reading these even if the index changes later.
  const candidateIds = candidates.ids;
  const vacancyIds = vacancies.ids;
  const candidateCols = candidates.cols;
  const candidateSlots = candidates.liveSlotsById();
  const nearGrid = (options.blockerCounts ?? true) ? candidates.nearGrid() : grid;
  // The shortlist grid of every vacancy, built before any await so the batch sees one numbering.
  const shortlistGrids: Grid[] = [];
  const gridIndex = new Map<Grid, number>();
  const gridOfSlot = new Int32Array(vacancies.cols.size);
  for (const vi of vacancySlots) {
    const g = candidates.gridFor(vacancies.cols, vi, false);
    let k = gridIndex.get(g);
    if (k === undefined) {
      k = shortlistGrids.length;
      shortlistGrids.push(g);
      gridIndex.set(g, k);
    }
    gridOfSlot[vi] = k;
  }
  const gridFor = (vi: number): Grid => shortlistGrids[gridOfSlot[vi]];


  // Candidates found eligible by any shortlist scan (shared memory: workers mark it too).
  const matched = allocShared<Uint8Array>(Uint8Array, capacity);
  const shards: ShardResult[] = [];
  const shardSlots: Int32Array[] = [];
  let done = 0;
  const report = (phase: 'shortlists' | 'unmatched', d: number, total: number) => options.onProgress?.({ done: d, total, phase });
  const audience = options.audience ?? core.options.audience;
  // An employer's shortlists and best lists rank by the score its Match shows, without the bonus.
  const withoutBonus = audience === 'employer';

  if (workers <= 1) {
    const runner = new ShardRunner(kernel, gridFor, overflow, vacancySlots, candidateIds, vacancyIds, perVacancy, perCandidate, capacity, matched, withoutBonus);
    for (let from = 0; from < nV; from += PROGRESS_CHUNK) {
      if (signal?.aborted) throw abortError();
      const to = Math.min(nV, from + PROGRESS_CHUNK);
      runner.run(from, to);
      done = to;
      report('shortlists', done, nV);
      if (options.signal !== undefined || options.onProgress !== undefined) await yieldToEvents();
    }
    shards.push(runner.result);
    shardSlots.push(vacancySlots);
  } else {
    // Interleaved shards balance dense and sparse areas between threads.
    for (let w = 0; w < workers; w++) {
      const slots: number[] = [];
      for (let k = w; k < nV; k += workers) slots.push(vacancySlots[k]);
      shardSlots.push(Int32Array.from(slots));
    }
    const progress = new Array<number>(workers).fill(0);
    const results = await Promise.all(
      shardSlots.map((slots, w) =>
        runWorker(core, candidateCols, candidateIds, vacancies, shortlistGrids.map((g) => g.toParts()), gridOfSlot, overflow, slots, perVacancy, perCandidate, capacity, matched, withoutBonus, signal, (d) => {
          progress[w] = d;
          report('shortlists', progress.reduce((a, b) => a + b, 0), nV);
        }),
      ),
    );
    shards.push(...results);
  }
  const tShortlists = performance.now();

  // Merge shards into id order.
  const position = new Map<number, { shard: number; k: number }>();
  shardSlots.forEach((slots, s) => slots.forEach((slot, k) => position.set(slot, { shard: s, k })));
  const offsets = new Int32Array(nV + 1);
  for (let k = 0; k < nV; k++) {
    const p = position.get(vacancySlots[k])!;
    offsets[k + 1] = offsets[k] + shards[p.shard].topCounts[p.k];
  }
  const outSlots = new Int32Array(offsets[nV]);
  const outScores = new Float64Array(offsets[nV]);
  for (let k = 0; k < nV; k++) {
    const p = position.get(vacancySlots[k])!;
    const r = shards[p.shard];
    const n = r.topCounts[p.k];
    outSlots.set(r.topSlots.subarray(p.k * perVacancy, p.k * perVacancy + n), offsets[k]);
    outScores.set(r.topScores.subarray(p.k * perVacancy, p.k * perVacancy + n), offsets[k]);
  }
  let bank: HeapBank | null = null;
  if (perCandidate > 0) {
    bank = new HeapBank(capacity, perCandidate, vacancies.ids);
    if (shards.length === 1) {
      bank.scores.set(shards[0].bankScores!);
      bank.items.set(shards[0].bankItems!);
      bank.sizes.set(shards[0].bankSizes!);
    } else {
      for (const r of shards) {
        for (let ci = 0; ci < capacity; ci++) {
          for (let j = 0; j < r.bankSizes![ci]; j++) bank.push(ci, r.bankScores![ci * perCandidate + j], r.bankItems![ci * perCandidate + j]);
        }
      }
    }
  }

  // Every record accounted for: the unmatched ones with the blockers that kept them out.
  const countBlockers = options.blockerCounts ?? true;
  const unmatchedCandidates: Unmatched[] = [];
  const unmatchedVacancies: Unmatched[] = [];
  const counts = new Int32Array(COUNT_COLUMNS);
  const toRecord = (id: string): Unmatched => ({ id, blockers: countsFor(counts, 0, audience) });
  const { grid: vGrid, overflow: vOverflow } = vacancies.grid();
  const unmatchedTotal = candidateSlots.length + nV;
  const shortlisted = new Uint8Array(capacity);
  for (let j = 0; j < outSlots.length; j++) shortlisted[outSlots[j]] = 1;
  // Candidates in no shortlist: matched elsewhere, or unmatched with their blocker counts.
  const pending = candidateSlots.filter((ci) => shortlisted[ci] === 0 && matched[ci] === 0);
  const matchedByScans = candidateSlots.length - pending.length;
  const accountShards: Int32Array[] = [];
  const accounts: { matched: Uint8Array; counts: Int32Array }[] = [];
  if (workers <= 1) {
    accountShards.push(pending);
    accounts.push(accountCandidates(kernel, vGrid, vOverflow, pending, countBlockers));
  } else {
    for (let w = 0; w < workers; w++) accountShards.push(pending.filter((_, k) => k % workers === w));
    accounts.push(
      ...(await Promise.all(
        accountShards.map((slots) =>
          runAccountWorker(core, candidateCols, vacancies, vGrid.toParts(), vOverflow, slots, countBlockers, signal),
        ),
      )),
    );
  }
  if (signal?.aborted) throw abortError();
  let matchedCandidates = matchedByScans;
  const unmatchedBySlot = new Map<number, Unmatched>();
  accountShards.forEach((slots, s) => {
    const { matched, counts: c } = accounts[s];
    for (let k = 0; k < slots.length; k++) {
      if (matched[k] === 1) { matchedCandidates++; continue; }
      counts.set(c.subarray(k * counts.length, (k + 1) * counts.length));
      unmatchedBySlot.set(slots[k], toRecord(candidateIds[slots[k]]));
    }
  });
  // In id order, like every list of the batch.
  for (const ci of pending) { const u = unmatchedBySlot.get(ci); if (u !== undefined) unmatchedCandidates.push(u); }
  let unmatchedDone = candidateSlots.length;
  report('unmatched', unmatchedDone, unmatchedTotal);
  const emptyTop = new TopK(0, candidateIds);
  for (let k = 0; k < nV; k++) {
    if (offsets[k + 1] > offsets[k]) continue;
    counts.fill(0);
    if (countBlockers) {
      scanCandidatesForVacancy(kernel, nearGrid, overflow, vacancySlots[k], {
        top: emptyTop, near: null, candidateBank: null, visit: (_ci, mask) => countMask(counts, 0, mask),
      });
    }
    unmatchedVacancies.push(toRecord(vacancyIds[vacancySlots[k]]));
  }
  report('unmatched', unmatchedTotal, unmatchedTotal);

  let shortlistedCandidates = 0;
  for (const ci of candidateSlots) shortlistedCandidates += shortlisted[ci];
  const t1 = performance.now();

  const matches = new BatchMatches(vacancySlots, offsets, outSlots, outScores, candidateIds, vacancyIds);
  const vacancyPosition = new Map<string, number>();
  for (let k = 0; k < nV; k++) vacancyPosition.set(vacancyIds[vacancySlots[k]], k);
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
 * Starts the worker: the built `worker.js` next to the bundle, or — when passerelle runs from its
 * TypeScript sources (tests, benchmarks) — the source file behind tsx's loader, which workers do
 * not inherit from the parent's command line.
 */
function startWorker(workerData: unknown): Worker {
  const here = import.meta.url;
  // execArgv: [] — a worker must not inherit the parent's command-line flags (e.g. `-e`).
  if (!here.endsWith('.ts')) return new Worker(new URL('./worker.js', here), { workerData, execArgv: [] });
  const source = new URL('./worker.ts', here).href;
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(boot, { eval: true, workerData, execArgv: [] });
}

function runWorker(
  core: Core,
  candidateCols: CandidateColumns,
  candidateIds: readonly string[],
  vacancies: VacancyStore,
  grids: GridParts[],
  gridOfSlot: Int32Array,
  overflow: readonly number[],
  slots: Int32Array,
  perVacancy: number,
  perCandidate: number,
  capacity: number,
  matched: Uint8Array,
  withoutBonus: boolean,
  signal: AbortSignal | undefined,
  onProgress: (done: number) => void,
): Promise<ShardResult> {
  const { ctx, options } = core;
  return new Promise((resolve, reject) => {
    const worker = startWorker({
        phase: 'shortlists',
        candidates: { ...candidateCols },
        vacancies: { ...vacancies.cols },
        candidateIds,
        vacancyIds: vacancies.ids,
        grids,
        gridOfSlot,
        overflow: [...overflow],
        weights: options.weights,
        related: ctx.related,
        romeCount: ctx.romeCount,
        maxBonus: options.positiveActionWeight,
        slots,
        perVacancy,
        perCandidate,
        capacity,
        matched,
        withoutBonus,
    });
    const onAbort = () => {
      void worker.terminate();
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (m: { type: 'progress'; done: number } | { type: 'done'; result: ShardResult }) => {
      if (m.type === 'progress') onProgress(m.done);
      else {
        signal?.removeEventListener('abort', onAbort);
        resolve(m.result);
        void worker.terminate();
      }
    });
    worker.on('error', (e) => {
      signal?.removeEventListener('abort', onAbort);
      reject(e);
    });
  });
}

/** Phase two in a worker: account for candidates that no shortlist holds. */
function runAccountWorker(
  core: Core,
  candidateCols: CandidateColumns,
  vacancies: VacancyStore,
  vacancyGrid: GridParts,
  vacancyOverflow: readonly number[],
  slots: Int32Array,
  countBlockers: boolean,
  signal: AbortSignal | undefined,
): Promise<{ matched: Uint8Array; counts: Int32Array }> {
  const { ctx, options } = core;
  return new Promise((resolve, reject) => {
    const worker = startWorker({
      phase: 'account',
      candidates: { ...candidateCols },
      vacancies: { ...vacancies.cols },
      vacancyGrid,
      vacancyOverflow: [...vacancyOverflow],
      weights: options.weights,
      related: ctx.related,
      romeCount: ctx.romeCount,
      maxBonus: options.positiveActionWeight,
      slots,
      countBlockers,
    });
    const onAbort = () => {
      void worker.terminate();
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (m: { matched: Uint8Array; counts: Int32Array }) => {
      signal?.removeEventListener('abort', onAbort);
      resolve(m);
      void worker.terminate();
    });
    worker.on('error', (e) => {
      signal?.removeEventListener('abort', onAbort);
      reject(e);
    });
  });
}
