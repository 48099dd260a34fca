/**
 * Candidate and vacancy indexes: validated records compiled into columns plus a spatial grid.
 * `add`, `update`, `remove` work by id without a full rebuild: new slots are scanned from an
 * overflow list until the grid is rebuilt lazily, removed slots are tombstoned.
 */
import type { Candidate } from '../schema/candidate.js';
import type { Vacancy } from '../schema/vacancy.js';
import { CandidateColumns } from '../encode/candidates.js';
import { VacancyColumns } from '../encode/vacancies.js';
import type { EncodingContext } from '../encode/context.js';
import { Grid } from '../geo/grid.js';
import { CAPABILITIES, F_ACCEPTS_TRAINING, F_ANY_CERT, F_EXPECTED_EMPTY } from '../encode/flags.js';
import { PasserelleInputError, issue, type RecordKind } from '../errors.js';
import { parseRecord, validateInSteps, type BatchSteps, type Rejection } from '../validate/index.js';
import type { Referential } from '../referential/types.js';
import { IdMap } from './id-map.js';
import { stringArgument } from '../validate/edge.js';
import { homeCareSlack } from '../kernel/criteria.js';
import { experienceWordsInSteps } from '../kernel/kernel.js';
import { chunkEnd, runToEnd, type Work } from '../work.js';

/** Rebuild the grid once this many records were added since it was built. */
function overflowLimit(size: number): number {
  return Math.max(256, size >> 4);
}

/**
 * What a user may rely on in a candidate index (README "API"): the engine builds it
 * (`indexCandidates`) and takes it back; its columns and grids are the core's.
 */
export interface CandidateIndex {
  /** Number of live records. */
  readonly size: number;
  /** The referential its records were validated against (an engine takes only its own). */
  readonly referential: Referential;
  /** The validated records as indexed (read only; `get(id)` finds one). */
  readonly records: readonly Candidate[];
  /** The validated record of an id. @throws PasserelleInputError('argument') when `id` is not a string. */
  get(id: string): Candidate | undefined;
  /** Adds a record; throws PasserelleInputError when invalid or when the id exists. */
  add(input: unknown): Candidate;
  /** Replaces the record with the same id; throws when the id is unknown or the record invalid. */
  update(input: unknown): Candidate;
  /** Removes a record by id; returns whether it was there. */
  remove(id: string): boolean;
  /** A small summary (what `JSON.stringify(index)` writes). */
  toJSON(): IndexSummary;
}

/** A vacancy index: the same contract as `CandidateIndex`, for vacancies. */
export interface VacancyIndex {
  readonly size: number;
  readonly referential: Referential;
  readonly records: readonly Vacancy[];
  get(id: string): Vacancy | undefined;
  add(input: unknown): Vacancy;
  update(input: unknown): Vacancy;
  remove(id: string): boolean;
  toJSON(): IndexSummary;
}

/** An index as plain data (`JSON.stringify(index)`). */
export interface IndexSummary {
  kind: 'candidate' | 'vacancy';
  /** Live records. */
  size: number;
  referentialVersion: string;
}

/** The grid positions of each qualification tier's candidates, tier t at [starts[t], starts[t + 1]). */
interface TierMembers {
  positions: Int32Array;
  starts: Int32Array;
}

/** A grid built over an index, and what installing it changes in the index (`BaseIndex.gridInSteps`). */
interface BuiltGrid {
  grid: Grid;
  commit: () => void;
}

abstract class BaseIndex<T extends { id: string }> {
  /**
   * Id and record by slot (explanations read them back). Records are the validated inputs
   * themselves, not copies (see validate/fast.ts). Replaced, never mutated, by a renumbering.
   */
  ids: string[] = [];
  records: T[] = [];
  /**
   * Id → key, a number fixed for the record's life in the index; `slotOfKey` maps it to the current
   * slot. Renumbering the slots (the grid's memory order) then rewrites an Int32Array, not a Map
   * of 600 000 strings.
   */
  protected keyOf = new IdMap();
  protected slotOfKey = new Int32Array(16);
  protected keyOfSlot = new Int32Array(16);
  protected nextKey = 0;
  protected gridCache: Grid | null = null;
  /** Counts the insertions and removals: a grid built in steps is dropped if any came meanwhile. */
  private changes = 0;
  /** Slots added since the grid was built. */
  protected overflowSlots: number[] = [];
  protected live = 0;

  constructor(protected readonly ctx: EncodingContext, protected readonly kind: RecordKind) {}

  /** The referential its records were validated and encoded against (an engine takes only its own). */
  get referential(): Referential {
    return this.ctx.referential;
  }

  /** Number of live records. */
  get size(): number {
    return this.live;
  }

  /**
   * What `JSON.stringify(index)` writes: a small summary, not the columns (megabytes of typed
   * arrays that mean nothing outside this process). Records are read back with `get(id)`.
   */
  toJSON(): IndexSummary {
    return { kind: this.kind as IndexSummary['kind'], size: this.live, referentialVersion: this.ctx.referential.version };
  }

  /** The record columns: each kind's own, with the capacity and liveness every index uses. */
  abstract cols: { alive: Uint8Array; ensure(n: number): void };
  protected abstract parse(input: unknown): T;
  /** `fields`: the record's checked fields in one fixed shape (BatchSink.accept), or the record. */
  protected abstract encode(record: T, fields: T): number;
  /**
   * The grid over `slots`, built without changing the index: what it must change (the columns
   * renumbered in the grid's order) waits in `commit`. `parallel`: a run to the end may share the
   * copying with a worker thread.
   */
  protected abstract buildGrid(slots: Int32Array, parallel: boolean): Work<BuiltGrid>;

  isAlive(slot: number): boolean {
    return this.cols.alive[slot] === 1;
  }

  /** Slot of an id, or -1. */
  slot(id: string): number {
    const key = this.keyOf.get(id);
    return key < 0 ? -1 : this.slotOfKey[key];
  }

  /** The validated record of an id. @throws PasserelleInputError('argument') when `id` is not a string. */
  get(id: string): T | undefined {
    const s = this.slot(stringArgument(id, 'id'));
    return s < 0 ? undefined : this.records[s];
  }

  /** Adds a record; throws PasserelleInputError when invalid or when the id exists. */
  add(input: unknown): T {
    const record = this.parse(input);
    if (this.keyOf.get(record.id) >= 0) {
      throw new PasserelleInputError(this.kind, [issue('duplicate_id', 'id', "identifiant déjà présent dans l'index (utiliser update)")], record.id);
    }
    this.insert(record);
    return record;
  }

  /** Replaces the record with the same id; throws when the id is unknown or the record invalid. */
  update(input: unknown): T {
    const record = this.parse(input);
    const old = this.slot(record.id);
    if (old < 0) {
      throw new PasserelleInputError(this.kind, [issue('unknown_id', 'id', "identifiant absent de l'index (utiliser add)")], record.id);
    }
    this.removeSlot(old);
    this.insert(record);
    return record;
  }

  /** Removes a record by id; returns whether it was there. @throws PasserelleInputError('argument') when `id` is not a string. */
  remove(id: string): boolean {
    const s = this.slot(stringArgument(id, 'id'));
    if (s < 0) return false;
    this.removeSlot(s);
    return true;
  }

  /**
   * Validates a batch and inserts its valid records as it goes, accounting for every input: the
   * same rejections as `validateBatch` (the index's own id map finds duplicates, so a national
   * batch builds one map, not two).
   */
  insertBatch(records: unknown, referential: Referential): Rejection[] {
    const steps = this.insertInSteps(records, referential);
    steps.step(0, steps.length);
    return steps.rejected;
  }

  /** `insertBatch` in steps (matchAll's raw arrays, between which it gives the event loop back). */
  insertInSteps(records: unknown, referential: Referential): BatchSteps {
    if (this.ids.length !== 0) throw new Error('insertBatch: on a new index only');
    // Input index of each slot (= key, in a new index), for the `duplicate_id` message.
    let inputIndex = new Int32Array(0);
    const rejectedIds = new Map<string, number>();
    return validateInSteps(this.kind as 'candidate' | 'vacancy', records, { referential }, {
      reserve: (length) => {
        this.cols.ensure(length);
        this.keyOf.reserve(length);
        inputIndex = new Int32Array(length);
      },
      accept: (value, index, id, fields) => {
        if (rejectedIds.size > 0) {
          const first = rejectedIds.get(id);
          if (first !== undefined) return first;
        }
        const key = this.nextKey;
        const existing = this.keyOf.add(id, key);
        if (existing >= 0) return inputIndex[existing];
        inputIndex[key] = index;
        this.nextKey++;
        this.place(value as unknown as T, key, id, fields as unknown as T);
        return -1;
      },
      seen: (id, index) => {
        const key = this.keyOf.get(id);
        if (key >= 0) return inputIndex[key];
        const first = rejectedIds.get(id);
        if (first !== undefined) return first;
        rejectedIds.set(id, index);
        return -1;
      },
    });
  }

  /** Live slots in id order: the deterministic order of every batch. */
  liveSlotsById(): Int32Array {
    return runToEnd(this.liveSlotsByIdInSteps());
  }

  /**
   * `liveSlotsById` in steps: the ids in runs of ID_RUN sorted without a comparator (by UTF-16
   * units, the order `a < b` gives: twice as fast as slots through a comparator), then merged
   * pairwise. Taken in insertion order, which the runs' sorts make near-linear when records came
   * in id order; live ids are unique, so each maps back to one slot.
   */
  *liveSlotsByIdInSteps(): Work<Int32Array> {
    let sorted: string[] = new Array(this.live);
    let n = 0;
    for (let key = 0; key < this.nextKey; key++) {
      const slot = this.slotOfKey[key];
      if (slot >= 0 && this.isAlive(slot)) sorted[n++] = this.ids[slot];
      if (chunkEnd(key)) yield;
    }
    for (let a = 0; a < n; a += ID_RUN) {
      const run = sorted.slice(a, Math.min(n, a + ID_RUN)).sort();
      for (let k = 0; k < run.length; k++) sorted[a + k] = run[k];
      yield;
    }
    let other: string[] = new Array(n);
    for (let width = ID_RUN; width < n; width *= 2) {
      let out = 0;
      for (let a = 0; a < n; a += 2 * width) {
        let i = a;
        let j = Math.min(n, a + width);
        const mid = j, end = Math.min(n, a + 2 * width);
        while (i < mid && j < end) {
          other[out++] = sorted[i] < sorted[j] ? sorted[i++] : sorted[j++];
          if (chunkEnd(out)) yield;
        }
        while (i < mid) other[out++] = sorted[i++];
        while (j < end) other[out++] = sorted[j++];
      }
      [sorted, other] = [other, sorted];
      yield;
    }
    const out = new Int32Array(n);
    for (let k = 0; k < n; k++) {
      out[k] = this.slot(sorted[k]);
      if (chunkEnd(k)) yield;
    }
    return out;
  }

  /** Live slots in slot order. */
  private liveSlots(): Int32Array {
    const out = new Int32Array(this.live);
    let n = 0;
    for (let s = 0; s < this.ids.length; s++) if (this.isAlive(s)) out[n++] = s;
    return out;
  }

  /** Internal: inserts an already-validated record whose id is not in the index. */
  insert(record: T): number {
    const key = this.nextKey;
    if (this.keyOf.add(record.id, key) >= 0) throw new Error(`insert: id already indexed`);
    this.nextKey++;
    return this.place(record, key, record.id);
  }

  /** Encodes a record under a key its id was just given; returns its slot. */
  protected place(record: T, key: number, id: string, fields: T = record): number {
    const slot = this.encode(record, fields);
    if (key >= this.slotOfKey.length) this.slotOfKey = growInt32(this.slotOfKey, key + 1);
    if (slot >= this.keyOfSlot.length) this.keyOfSlot = growInt32(this.keyOfSlot, slot + 1);
    this.slotOfKey[key] = slot;
    this.keyOfSlot[slot] = key;
    this.ids[slot] = id;
    this.records[slot] = record;
    this.live++;
    this.changes++;
    if (this.gridCache !== null) {
      this.overflowSlots.push(slot);
      if (this.overflowSlots.length > overflowLimit(this.live)) this.gridCache = null;
    }
    return slot;
  }

  private removeSlot(slot: number): void {
    this.cols.alive[slot] = 0;
    this.keyOf.delete(this.ids[slot]);
    this.slotOfKey[this.keyOfSlot[slot]] = -1;
    this.live--;
    this.changes++;
  }

  /** The spatial grid (built on first use after a batch of changes) and the slots it does not cover. */
  grid(): { grid: Grid; overflow: readonly number[] } {
    return runToEnd(this.gridInSteps(true));
  }

  /**
   * `grid()` in steps (a batch gives the event loop its turn between them). The index changes
   * only once the grid is built, in one go; if records were inserted or removed meanwhile, the
   * grid is built again over them.
   */
  *gridInSteps(parallel = false): Work<{ grid: Grid; overflow: readonly number[] }> {
    while (this.gridCache === null) {
      const changes = this.changes;
      const built = yield* this.buildGrid(this.liveSlots(), parallel);
      // Built meanwhile by a call that did not pause, or over records since changed.
      if (this.gridCache !== null || this.changes !== changes) continue;
      built.commit();
      this.gridCache = built.grid;
      this.overflowSlots = [];
      this.onGridRebuilt();
    }
    return { grid: this.gridCache, overflow: this.overflowSlots };
  }

  /**
   * Renumbers the live slots as `order` lists them (removed slots are dropped): new id, record
   * and slot arrays, built in steps and put in place by the returned function, so anything built
   * on the old numbering keeps reading consistent data.
   */
  protected *renumberInSteps(order: Int32Array): Work<() => void> {
    const n = order.length;
    const ids: string[] = new Array(n);
    const records: T[] = new Array(n);
    const keyOfSlot = new Int32Array(Math.max(16, n));
    const slotOfKey = new Int32Array(this.slotOfKey.length).fill(-1);
    for (let k = 0; k < n; k++) {
      const from = order[k];
      ids[k] = this.ids[from];
      records[k] = this.records[from];
      const key = this.keyOfSlot[from];
      keyOfSlot[k] = key;
      slotOfKey[key] = k;
      if (chunkEnd(k)) yield;
    }
    return () => {
      this.ids = ids;
      this.records = records;
      this.keyOfSlot = keyOfSlot;
      this.slotOfKey = slotOfKey;
    };
  }


  protected onGridRebuilt(): void {}
}

/**
 * Items per candidate the unions of several tiers may hold over one grid: above what the
 * benchmark workloads need (bench/WORKLOAD.md); posts expecting many different sets of
 * certifications would need more, and scan tier by tier past it.
 */
const UNION_BUDGET = 4;

/** Ids sorted by one native sort in `liveSlotsByIdInSteps`: well under a slice of work. */
const ID_RUN = 1 << 13;

function growInt32(a: Int32Array, n: number): Int32Array<ArrayBuffer> {
  const out = new Int32Array(Math.max(n, a.length * 2));
  out.set(a);
  return out;
}

/** The core's candidate index: columns in grid order, the grid, and the shortlist sub-grids. */
export class CandidateStore extends BaseIndex<Candidate> implements CandidateIndex {
  cols: CandidateColumns;

  constructor(ctx: EncodingContext, private readonly bonusOf: (c: Candidate) => number) {
    super(ctx, 'candidate');
    this.cols = new CandidateColumns(ctx.certWords, ctx.skillWords);
  }

  protected parse(input: unknown): Candidate {
    return parseRecord('candidate', input, this.ctx.referential);
  }
  protected encode(record: Candidate, fields: Candidate): number {
    return this.cols.push(fields, this.ctx, this.bonusOf(record));
  }
  protected *buildGrid(slots: Int32Array, parallel: boolean): Work<BuiltGrid> {
    // Ordered by each candidate's reach: a shortlist scan stops at the first who cannot reach.
    const grid = yield* Grid.buildInSteps(this.cols.lat, this.cols.lon, slots, this.cols.reach);
    // Then the columns are rewritten in the grid's order, so a cell's candidates are contiguous.
    const order = grid.items;
    const cols = parallel ? this.cols.permuted(order) : yield* this.cols.permutedInSteps(order);
    const renumber = yield* this.renumberInSteps(order);
    // Each candidate's capabilities and experience bits beside its grid item: shortlist scans test them first.
    const words = yield* experienceWordsInSteps(cols, this.ctx.related, this.ctx.romeCount, this.ctx.jobBit);
    for (let ci = 0; ci < words.length; ci++) words[ci] |= cols.flags[ci] & CAPABILITIES;
    const built = yield* grid.renumberedInSteps(words);
    return {
      grid: built,
      commit: () => {
        this.cols = cols;
        renumber();
      },
    };
  }

  private legalGrids = new Map<string, Grid>();
  private shortlistGrids = new Map<string, Grid>();
  private nearGridCache: Grid | null = null;
  /** Sub-grids over the candidates of some qualification tiers, by the tiers' numbers (`tierUnion`). */
  private unions = new Map<string, Grid | null>();
  /** Items counted for the unions of several tiers over this grid (`tierGroup`). */
  private unionItems = 0;
  /** Items per candidate the unions of several tiers may hold over one grid (`tierGroup`). */
  unionBudget = UNION_BUDGET;
  protected override onGridRebuilt(): void {
    this.unionItems = 0;
    this.legalGrids.clear();
    this.shortlistGrids.clear();
    this.nearGridCache = null;
    this.unions.clear();
    this.tierMembers = null;
  }

  /**
   * The number of qualification tiers. Per certification bit b, tier b holds the candidates
   * holding it or a higher level of its family (rungs 1 and 0.85), tier `certBits + b` those
   * partly holding it or bridged to it (0.6, 0.5); tier `2 × certBits` those holding any
   * certification (what a post expecting none rewards). See scan.ts.
   */
  private get tierCount(): number {
    return 2 * this.cols.certWords * 32 + 1;
  }

  /**
   * Every candidate sorted into its qualification tiers, once per grid. Like every grid derived
   * from `grid()` below, built in steps over one grid and kept only if that grid is still the
   * index's when it is done (else built again over the new one).
   */
  private *tierMembersInSteps(parallel: boolean): Work<TierMembers> {
    for (;;) {
      const { grid } = yield* this.gridInSteps(parallel);
      if (this.tierMembers !== null) return this.tierMembers;
      const members = yield* this.tierPositions(grid.items);
      if (this.gridCache === grid) return (this.tierMembers = members);
    }
  }

  /**
   * The candidates of any of `tiers` (increasing tier numbers) who are also in `within` (a legal
   * diploma's grid, keyed `withinKey`), as a sub-grid of `grid()`, null when there are none: a
   * post rewards the holders of each certification it expects alike, so one scan over their
   * union visits each once, nearest first, and who lacks the post's legal diploma is never
   * eligible for it.
   */
  private *tierUnion(tiers: readonly number[], within: Grid, withinKey: string, parallel: boolean): Work<Grid | null> {
    if (tiers.length === 0) return null;
    const key = unionKey(tiers, withinKey);
    for (;;) {
      const { grid } = yield* this.gridInSteps(parallel);
      const cached = this.unions.get(key);
      if (cached !== undefined) return cached;
      const { positions, starts } = yield* this.tierMembersInSteps(parallel);
      let n = 0;
      for (const t of tiers) n += starts[t + 1] - starts[t];
      const union = new Int32Array(n);
      let at = 0;
      for (const t of tiers) {
        union.set(positions.subarray(starts[t], starts[t + 1]), at);
        at += starts[t + 1] - starts[t];
      }
      // Each tier's positions increase; their union must too, once each (`subset`). Positions in
      // `grid()` are slots (its items are 0, 1, 2…), as are `within`'s increasing items.
      if (tiers.length > 1) union.sort();
      yield;
      const allowed = within === grid ? null : within.items;
      let m = 0;
      for (let k = 0, j = 0; k < n; k++) {
        if (chunkEnd(k)) yield;
        const p = union[k];
        if (m > 0 && p === union[m - 1]) continue;
        if (allowed !== null) {
          while (j < allowed.length && allowed[j] < p) j++;
          if (j === allowed.length || allowed[j] !== p) continue;
        }
        union[m++] = p;
      }
      const g = m === 0 ? null : yield* grid.subsetInSteps(union.subarray(0, m));
      if (this.gridCache === grid) {
        this.unions.set(key, g);
        return g;
      }
    }
  }

  /**
   * The grids a scan visits for a group of tiers the post rewards alike: their union, while the
   * unions built over this grid hold at most `unionBudget` items per candidate; past it (posts
   * expecting many different sets of certifications), each tier's own grid, scanned in turn.
   */
  private *tierGroup(tiers: readonly number[], within: Grid, withinKey: string, parallel: boolean): Work<(Grid | null)[]> {
    if (tiers.length > 1 && !this.unions.has(unionKey(tiers, withinKey))) {
      const { starts } = yield* this.tierMembersInSteps(parallel);
      let size = 0;
      for (const t of tiers) size += starts[t + 1] - starts[t];
      if (this.unionItems + size > this.unionBudget * this.live) {
        const each: (Grid | null)[] = [];
        for (const t of tiers) each.push(yield* this.tierUnion([t], within, withinKey, parallel));
        return each;
      }
      this.unionItems += size;
    }
    return [yield* this.tierUnion(tiers, within, withinKey, parallel)];
  }

  /**
   * The tiers a shortlist scan of vacancy `vi` visits before the other candidates, best first:
   * those holding a certification it expects, then those partly holding or bridged to one; for a
   * post expecting none, those holding any.
   */
  private expectedTiers(v: VacancyColumns, vi: number): [number[], number[]] {
    const certBits = this.cols.certWords * 32;
    if ((v.flags[vi] & F_EXPECTED_EMPTY) !== 0) return [[2 * certBits], []];
    const full: number[] = [];
    const near: number[] = [];
    for (let w = 0; w < v.certWords; w++) {
      let bits = v.expected[vi * v.certWords + w];
      while (bits !== 0) {
        const low = bits & -bits;
        bits ^= low;
        const b = (w << 5) | (31 - Math.clz32(low));
        full.push(b);
        near.push(certBits + b);
      }
    }
    return [full, near];
  }

  private tierMembers: TierMembers | null = null;

  /**
   * The grid positions of each tier's candidates, tier after tier, in one pass over the candidates
   * and their certification words (a pass per tier cost a second nationally): counted, then placed.
   */
  private *tierPositions(items: Int32Array): Work<TierMembers> {
    const { held, equivalent, partial, bridge, flags, certWords } = this.cols;
    const certBits = certWords * 32;
    const anyTier = 2 * certBits;
    const starts = new Int32Array(this.tierCount + 1);
    function* visit(place: (tier: number, k: number) => void): Work<void> {
      for (let k = 0; k < items.length; k++) {
        const s = items[k];
        for (let w = 0; w < certWords; w++) {
          let top = held[s * certWords + w] | equivalent[s * certWords + w];
          while (top !== 0) {
            const low = top & -top;
            top ^= low;
            place((w << 5) | (31 - Math.clz32(low)), k);
          }
          let near = partial[s * certWords + w] | bridge[s * certWords + w];
          while (near !== 0) {
            const low = near & -near;
            near ^= low;
            place(certBits + ((w << 5) | (31 - Math.clz32(low))), k);
          }
        }
        if ((flags[s] & F_ANY_CERT) !== 0) place(anyTier, k);
        if (chunkEnd(k)) yield;
      }
    }
    yield* visit((tier) => { starts[tier + 1]++; });
    for (let t = 0; t < this.tierCount; t++) starts[t + 1] += starts[t];
    const next = starts.slice(0, this.tierCount);
    const positions = new Int32Array(starts[this.tierCount]);
    // Items in increasing k, so each tier's positions come out increasing, as `subset` wants.
    yield* visit((tier, k) => { positions[next[tier]++] = k; });
    return { positions, starts };
  }

  /**
   * The same slots as `grid()`, ordered and pruned by the near-miss reach (1.5 × the commute
   * limit): for scans that also want near misses or blocker counts.
   */
  nearGrid(): Grid {
    return runToEnd(this.nearGridInSteps(true));
  }

  *nearGridInSteps(parallel = false): Work<Grid> {
    for (;;) {
      const { grid } = yield* this.gridInSteps(parallel);
      if (this.nearGridCache !== null) return this.nearGridCache;
      const near = yield* Grid.buildInSteps(this.cols.lat, this.cols.lon, Int32Array.from(grid.items).sort(), this.cols.reachNear);
      if (this.gridCache === grid) return (this.nearGridCache = near);
    }
  }

  /**
   * The candidates a post may shortlist by its legal diploma: for a post with one, those holding
   * one of `legalBits` (or in training toward one when `withTraining`); otherwise every candidate.
   * The capabilities a post needs are tested on the grid's item bits as the scan goes
   * (`itemBits`): a grid per signature of needs cost a pass and a copy per signature, over a
   * hundred nationally.
   */
  private *legalGrid(legalBits: readonly number[] | null, withTraining: boolean, parallel: boolean): Work<Grid> {
    const key = legalGridKey(legalBits, withTraining);
    for (;;) {
      const { grid } = yield* this.gridInSteps(parallel);
      const cached = this.legalGrids.get(key);
      if (cached !== undefined) return cached;
      let g = grid;
      if (legalBits !== null) {
        const { held, training, certWords } = this.cols;
        // The legal certifications as word masks, tested on the held (or in-training) sets.
        const legal = new Uint32Array(certWords);
        for (const b of legalBits) legal[b >>> 5] |= 1 << (b & 31);
        const items = grid.items;
        const positions = new Int32Array(items.length);
        let m = 0;
        for (let k = 0; k < items.length; k++) {
          const s = items[k];
          let ok = false;
          for (let w = 0; w < certWords && !ok; w++) {
            ok = (held[s * certWords + w] & legal[w]) !== 0 || (withTraining && (training[s * certWords + w] & legal[w]) !== 0);
          }
          if (ok) positions[m++] = k;
          if (chunkEnd(k)) yield;
        }
        g = yield* grid.subsetInSteps(positions.subarray(0, m));
      }
      if (this.gridCache === grid) {
        this.legalGrids.set(key, g);
        return g;
      }
    }
  }

  /**
   * The grid a shortlist of vacancy `vi` scans: its legal diploma's grid (sharing its arrays),
   * whose `tiers` are the unions of the tiers the post rewards most, best first (scan.ts).
   */
  private *shortlistGrid(v: VacancyColumns, vi: number, parallel: boolean): Work<Grid> {
    const key = this.shortlistKey(v, vi);
    const legal = legalBitsOf(v, vi);
    const withTraining = legal !== null && (v.flags[vi] & F_ACCEPTS_TRAINING) !== 0;
    const baseKey = legalGridKey(legal, withTraining);
    const [full, near] = this.expectedTiers(v, vi);
    for (;;) {
      const { grid } = yield* this.gridInSteps(parallel);
      const cached = this.shortlistGrids.get(key);
      if (cached !== undefined) return cached;
      const base = yield* this.legalGrid(legal, withTraining, parallel);
      const best = yield* this.tierGroup(full, base, baseKey, parallel);
      const tiers = [...best, ...(yield* this.tierGroup(near, base, baseKey, parallel))];
      if (this.gridCache === grid) {
        const g = new Grid({ ...base.toParts(), tiers, tierSplit: best.length });
        this.shortlistGrids.set(key, g);
        return g;
      }
    }
  }

  /** The grid a scan for vacancy `vi` must visit: its shortlist grid, or every candidate within near-miss reach. */
  gridFor(v: VacancyColumns, vi: number, wide: boolean): Grid {
    return runToEnd(this.gridForInSteps(v, vi, wide, true));
  }

  /** `gridFor` in steps (`parallel`: see `buildGrid`). */
  *gridForInSteps(v: VacancyColumns, vi: number, wide: boolean, parallel = false): Work<Grid> {
    return wide ? yield* this.nearGridInSteps(parallel) : yield* this.shortlistGrid(v, vi, parallel);
  }

  /**
   * Vacancies with the same key share one shortlist grid (`gridFor`): same legal diploma, same
   * expected certifications. A batch builds each once, one per step.
   */
  shortlistKey(v: VacancyColumns, vi: number): string {
    const legal = legalBitsOf(v, vi);
    let key = `${legalGridKey(legal, legal !== null && (v.flags[vi] & F_ACCEPTS_TRAINING) !== 0)}|`;
    if ((v.flags[vi] & F_EXPECTED_EMPTY) !== 0) return `${key}none`;
    for (let w = 0; w < v.certWords; w++) key += `${v.expected[vi * v.certWords + w]},`;
    return key;
  }
}

/** The key of a union of tiers within a legal grid (`tierUnion`). */
function unionKey(tiers: readonly number[], withinKey: string): string {
  return `${withinKey}/${tiers.join(',')}`;
}

function legalGridKey(legalBits: readonly number[] | null, withTraining: boolean): string {
  return `${legalBits === null ? '' : legalBits.join(',')}|${withTraining ? 1 : 0}`;
}

/** The legal certifications one of which a vacancy's post requires, or null. */
function legalBitsOf(v: VacancyColumns, vi: number): readonly number[] | null {
  const group = v.legalGroup[vi];
  return group < 0 ? null : v.legalGroups[group];
}

export class VacancyStore extends BaseIndex<Vacancy> implements VacancyIndex {
  readonly cols: VacancyColumns;
  /** Per-slot slack added to a candidate's reach by home care: (1 − mean trip) × radius. */
  private slack = new Float64Array(16);

  constructor(ctx: EncodingContext) {
    super(ctx, 'vacancy');
    this.cols = new VacancyColumns(ctx.certWords, ctx.skillWords);
  }

  protected parse(input: unknown): Vacancy {
    return parseRecord('vacancy', input, this.ctx.referential);
  }
  protected encode(record: Vacancy): number {
    return this.cols.push(record, this.ctx);
  }
  protected *buildGrid(slots: Int32Array): Work<BuiltGrid> {
    if (this.slack.length < this.cols.size) this.slack = new Float64Array(this.cols.size);
    for (let s = 0; s < this.cols.size; s++) this.slack[s] = homeCareSlack(this.cols.radius[s]);
    return { grid: yield* Grid.buildInSteps(this.cols.lat, this.cols.lon, slots, this.slack), commit: () => {} };
  }
}

