/**
 * What the parent and its workers say to each other: one type per task (in `workerData`), and the
 * replies a task's worker posts. Both sides import these types, so a field renamed on one side
 * fails to compile on the other.
 */
import { allocShared } from '../encode/columns.js';
import { chunkEnd, type Work } from '../work.js';
import type { CandidateColumns } from '../encode/candidates.js';
import type { VacancyColumns } from '../encode/vacancies.js';
import type { GridParts } from '../geo/grid.js';
import type { Weights } from '../scoring/model.js';
import type { ShardResult } from '../batch/shard.js';

/** The worker files, as built beside the bundle (`dist/<name>.js`) and as sources (`src/workers/<name>.ts`). */
export type WorkerName = 'shard-worker' | 'gather-worker';

/** A class's data without its methods: what survives a structured clone. */
export type Fields<T> = { [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: T[K] };

/** What a worker needs to build the parent's kernel: columns on shared memory, the compiled options. */
export interface KernelParts {
  candidates: Fields<CandidateColumns>;
  vacancies: Fields<VacancyColumns>;
  weights: Weights;
  related: Uint8Array;
  romeCount: number;
  jobBit: Uint32Array;
  maxBonus: number;
}

/**
 * Strings as their UTF-16 code units end to end and the end of each, on shared memory: a worker's
 * task is cloned while the calling thread waits, and shared arrays cross as handles where an
 * array of national ids is cloned string by string (and one national string, allocated at once,
 * makes the collector mark the record heap on the calling thread).
 */
export interface PackedIds {
  codes: Uint16Array;
  ends: Int32Array;
}

/** The packed ids, built pausing between chunks of ids. */
export function* packIdsInSteps(ids: readonly string[]): Work<PackedIds> {
  const ends = allocShared<Int32Array>(Int32Array, ids.length).subarray(0, ids.length);
  let end = 0;
  for (let k = 0; k < ids.length; k++) {
    ends[k] = end += ids[k].length;
    if (chunkEnd(k)) yield;
  }
  const codes = allocShared<Uint16Array>(Uint16Array, end).subarray(0, end);
  for (let k = 0, at = 0; k < ids.length; k++) {
    const id = ids[k];
    for (let j = 0; j < id.length; j++) codes[at++] = id.charCodeAt(j);
    if (chunkEnd(k)) yield;
  }
  return { codes, ends };
}

/**
 * The ids as an array whose strings are cut from the packed codes when read: a worker reads an id
 * only to break a tie between equal scores, and national ids unpacked at once cost each worker
 * tens of megabytes.
 */
export function unpackIds({ codes, ends }: PackedIds): readonly string[] {
  return new Proxy([] as string[], {
    get(target, key) {
      if (key === 'length') return ends.length;
      if (typeof key === 'string') {
        const k = Number(key);
        if (Number.isInteger(k) && k >= 0 && k < ends.length) return String.fromCharCode.apply(null, codes.subarray(k === 0 ? 0 : ends[k - 1], ends[k]) as unknown as number[]);
      }
      return Reflect.get(target, key);
    },
  });
}

/**
 * `value` with each typed array not yet on shared memory copied onto one SharedArrayBuffer (an
 * array met twice is copied once): `new Worker` clones a task while the calling thread waits, once
 * per worker and buffer by buffer, where shared arrays cross as handles. One buffer for all: a
 * national task holds hundreds of grid arrays. Walks plain objects and arrays only.
 */
export function onSharedMemory<T>(value: T): T {
  const views = new Set<Uint8Array>();
  walk(value, (v) => views.add(v));
  let bytes = 0;
  for (const v of views) bytes += align8(v.byteLength);
  const arena = new SharedArrayBuffer(Math.max(8, bytes));
  const copies = new Map<object, unknown>();
  let at = 0;
  for (const v of views) {
    const ctor = v.constructor as new (b: SharedArrayBuffer, offset: number, length: number) => Uint8Array;
    const copy = new ctor(arena, at, v.length);
    copy.set(v);
    copies.set(v, copy);
    at += align8(v.byteLength);
  }
  return walk(value, () => {}, copies) as T;
}

function align8(n: number): number {
  return (n + 7) & ~7;
}

/** Visits `value`'s typed arrays off shared memory; rebuilds it with `copies` in their place. */
function walk(value: unknown, visit: (view: Uint8Array) => void, copies: Map<object, unknown> = new Map()): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (copies.has(value)) return copies.get(value);
  let out: unknown = value;
  const proto: unknown = Object.getPrototypeOf(value);
  if (ArrayBuffer.isView(value)) {
    if (!(value instanceof DataView) && !(value.buffer instanceof SharedArrayBuffer)) visit(value as Uint8Array);
  } else if (Array.isArray(value)) {
    out = value.map((v) => walk(v, visit, copies));
  } else if (proto === Object.prototype || proto === null) {
    const o: Record<string, unknown> = Object.create(proto as object | null);
    for (const [k, v] of Object.entries(value)) o[k] = walk(v, visit, copies);
    out = o;
  }
  copies.set(value, out);
  return out;
}

/** Shortlists for some vacancy slots of a batch (`ShardRunner` in the worker). */
export interface ShortlistTask {
  kind: 'shortlists';
  kernel: KernelParts;
  /** The batch's ids by slot (ties are broken by id), packed. */
  candidateIds: PackedIds;
  vacancyIds: PackedIds;
  /** The shortlist grids, and which one each vacancy slot scans. */
  grids: GridParts[];
  gridOfSlot: Int32Array;
  overflow: number[];
  slots: Int32Array;
  perVacancy: number;
  perCandidate: number;
  capacity: number;
  /** Shared marks of candidates found eligible. */
  matched: Uint8Array;
  withoutBonus: boolean;
}

/** The unmatched accounting of some candidate slots (`accountCandidates` in the worker). */
export interface AccountTask {
  kind: 'account';
  kernel: KernelParts;
  vacancyGrid: GridParts;
  vacancyOverflow: number[];
  slots: Int32Array;
  countBlockers: boolean;
}

export type ShardTask = ShortlistTask | AccountTask;

export interface AccountResult {
  /** matched[k] is 1 when slot k has an eligible vacancy. */
  matched: Uint8Array;
  /** COUNT_COLUMNS blocker counts per slot. */
  counts: Int32Array;
}

export type ShardTaskResult<T extends ShardTask> = T extends ShortlistTask ? ShardResult : AccountResult;

/** A worker's replies: progress (items of its task done) any number of times, then its result once. */
export type WorkerReply<R> = { type: 'progress'; done: number } | { type: 'done'; result: R };

/**
 * Gather chunks claimed by the worker as well as by the parent (the parent blocks meanwhile, so
 * everything goes through shared memory, nothing through messages). `counters` on a
 * SharedArrayBuffer: see GATHER_* in encode/parallel-gather.ts.
 */
export interface GatherTask {
  order: Int32Array;
  jobs: [GatherColumn, GatherColumn, number][];
  counters: Int32Array;
  chunk: number;
}

export type GatherColumn = Float64Array | Int32Array | Uint32Array | Uint8Array;
