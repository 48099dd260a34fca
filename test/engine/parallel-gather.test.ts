/** gatherWithWorker, and CandidateColumns.permuted through it: everything comes out gathered. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PARALLEL_GATHER_MIN, gatherWithWorker } from '../../src/encode/parallel-gather.js';
import { CandidateColumns } from '../../src/encode/candidates.js';
import { createEncodingContext } from '../../src/encode/context.js';
import { defaultReferential } from '../../src/referential/index.js';
import { candidate } from './territory.js';

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

describe('gatherWithWorker, chunks shared between the threads', () => {
  it('comes out whole when this thread is held up and the worker claims most chunks', () => {
    const n = 300_000;
    const order = Int32Array.from({ length: n }, (_, k) => (k * 104_729) % n);
    const f = shared(Float64Array, 8, n), out = shared(Float64Array, 8, n);
    const words = shared(Uint32Array, 4, 3 * n), wordsOut = shared(Uint32Array, 4, 3 * n);
    for (let k = 0; k < n; k++) f[k] = k * 1.5;
    for (let k = 0; k < 3 * n; k++) words[k] = k ^ 0x5a5a;
    // This thread is busy for a while (a spin, no clock): the worker, once started, claims chunks meanwhile.
    let spin = 0;
    gatherWithWorker(order, [[f, out, 1], [words, wordsOut, 3]], () => { for (let k = 0; k < 2e8; k++) spin = (spin + k) | 0; });
    let wrong = 0;
    for (let k = 0; k < n; k++) {
      const s = order[k];
      if (out[k] !== f[s]) wrong++;
      for (let j = 0; j < 3; j++) if (wordsOut[3 * k + j] !== words[3 * s + j]) wrong++;
    }
    expect(wrong).toBe(0);
  });
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
