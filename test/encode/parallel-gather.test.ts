/**
 * gatherWithWorker, and CandidateColumns.permuted through it: everything comes out gathered, the
 * worker file does its share, and a worker that fails (at start, or holding a chunk) costs nothing
 * but the fallback.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PARALLEL_GATHER_MIN, gatherWithWorker, type GatherJob } from '../../src/encode/parallel-gather.js';
import { CandidateColumns } from '../../src/encode/candidates.js';
import { createEncodingContext } from '../../src/encode/context.js';
import { defaultReferential } from '../../src/referential/index.js';
import { candidate } from '../engine/territory.js';

const shared = <T extends Float64Array | Int32Array | Uint32Array | Uint8Array>(C: new (b: SharedArrayBuffer) => T, bytes: number, n: number): T =>
  new C(new SharedArrayBuffer(n * bytes));

describe('gatherWithWorker', () => {
  it('gathers every column of every element type and strided word sets, in order, with this thread busy meanwhile', () => {
    const n = 50_000;
    const order = Int32Array.from({ length: n }, (_, k) => (k * 7919) % n);
    const f = shared(Float64Array, 8, n), i = shared(Int32Array, 4, n), u = shared(Uint32Array, 4, n), b = shared(Uint8Array, 1, n);
    for (let k = 0; k < n; k++) { f[k] = k + 0.5; i[k] = -k; u[k] = k * 3; b[k] = k & 255; }
    const out = [shared(Float64Array, 8, n), shared(Int32Array, 4, n), shared(Uint32Array, 4, n), shared(Uint8Array, 1, n)] as const;
    let here = 0;
    const words = shared(Uint32Array, 4, 2 * n), wordsOut = shared(Uint32Array, 4, 2 * n);
    for (let k = 0; k < 2 * n; k++) words[k] = k * 5 + 1;
    gatherWithWorker(order, [[f, out[0], 1], [i, out[1], 1], [u, out[2], 1], [b, out[3], 1], [words, wordsOut, 2]], () => { here++; });
    expect(here).toBe(1);
    let wrong = 0;
    for (let k = 0; k < n; k++) {
      const s = order[k];
      if (out[0][k] !== f[s] || out[1][k] !== i[s] || out[2][k] !== u[s] || out[3][k] !== b[s]) wrong++;
      if (wordsOut[2 * k] !== words[2 * s] || wordsOut[2 * k + 1] !== words[2 * s + 1]) wrong++;
    }
    expect(wrong).toBe(0);
  });
});

/** A gather of 300 000 rows (5 chunks per job) with its check. */
function bigGather() {
  const n = 300_000;
  const order = Int32Array.from({ length: n }, (_, k) => (k * 104_729) % n);
  const f = shared(Float64Array, 8, n), out = shared(Float64Array, 8, n);
  const words = shared(Uint32Array, 4, 3 * n), wordsOut = shared(Uint32Array, 4, 3 * n);
  for (let k = 0; k < n; k++) f[k] = k * 1.5;
  for (let k = 0; k < 3 * n; k++) words[k] = k ^ 0x5a5a;
  out.fill(-1);
  const wrong = () => {
    let w = 0;
    for (let k = 0; k < n; k++) {
      const s = order[k];
      if (out[k] !== f[s]) w++;
      for (let j = 0; j < 3; j++) if (wordsOut[3 * k + j] !== words[3 * s + j]) w++;
    }
    return w;
  };
  /**
   * Holds this thread (a bounded spin, no clock) until a worker wrote the first target's first row,
   * read through the high word of its float (-1 until then).
   */
  const high = new Int32Array(out.buffer, 4, 1);
  const unset = Atomics.load(high, 0);
  const holdUntilWorkerWrote = () => {
    for (let k = 0; k < 1e9 && Atomics.load(high, 0) === unset; k++);
  };
  return { order, jobs: [[f, out, 1], [words, wordsOut, 3]] as GatherJob[], wrong, holdUntilWorkerWrote };
}

describe('gatherWithWorker, chunks shared between the threads', () => {
  it('the worker file claims and finishes chunks while this thread is held up, and everything comes out whole', () => {
    const g = bigGather();
    const outcome = gatherWithWorker(g.order, g.jobs, g.holdUntilWorkerWrote);
    expect(outcome.fellBack).toBe(false);
    expect(outcome.workerChunks).toBeGreaterThan(0);
    expect(g.wrong()).toBe(0);
  }, 30_000);

  it('a worker that throws at start: this thread gathers every chunk itself', () => {
    const g = bigGather();
    const outcome = gatherWithWorker(g.order, g.jobs, () => {}, new URL('./fixtures/gather-fails-at-start.ts', import.meta.url));
    expect(outcome.workerChunks).toBe(0);
    expect(g.wrong()).toBe(0);
  });

  it('a worker that fails holding a chunk it claimed: this thread falls back and gathers everything', () => {
    const g = bigGather();
    const outcome = gatherWithWorker(g.order, g.jobs, g.holdUntilWorkerWrote, new URL('./fixtures/gather-fails-mid-chunk.ts', import.meta.url));
    expect(outcome.workerChunks).toBe(0);
    expect(outcome.fellBack).toBe(true);
    expect(g.wrong()).toBe(0);
  }, 30_000);
});

describe('CandidateColumns.permuted above the parallel threshold', () => {
  it('gives the columns a serial gather gives', () => {
    const ctx = createEncodingContext(defaultReferential);
    const sample = fc.sample(candidate, { numRuns: 40, seed: 3 });
    const n = PARALLEL_GATHER_MIN;
    const cols = new CandidateColumns(ctx.certWords, ctx.skillWords);
    cols.ensure(n);
    for (let k = 0; k < n; k++) cols.push(sample[k % sample.length], ctx, k % 3);
    const order = Int32Array.from({ length: n }, (_, k) => (k * 104_729) % n);
    const out = cols.permuted(order);
    const cw = ctx.certWords;
    let wrong = 0;
    for (let k = 0; k < n; k++) {
      const s = order[k];
      if (out.lat[k] !== cols.lat[s] || out.flags[k] !== cols.flags[s] || out.bonus[k] !== cols.bonus[s] || out.french[k] !== cols.french[s]) wrong++;
      for (let w = 0; w < cw; w++) if (out.held[k * cw + w] !== cols.held[s * cw + w] || out.bridge[k * cw + w] !== cols.bridge[s * cw + w]) wrong++;
      if (out.expCount[k] !== cols.expCount[s] || out.wishCount[k] !== cols.wishCount[s]) wrong++;
      for (let e = 0; e < out.expCount[k]; e++) if (out.expRome[out.expStart[k] + e] !== cols.expRome[cols.expStart[s] + e]) wrong++;
    }
    expect(wrong).toBe(0);
  });
});
