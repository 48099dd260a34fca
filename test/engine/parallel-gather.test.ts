/** gatherWithWorker: the worker's columns and this thread's share both come out gathered. */
import { describe, expect, it } from 'vitest';
import { gatherWithWorker } from '../../src/encode/parallel-gather.js';

const shared = <T extends Float64Array | Int32Array | Uint32Array | Uint8Array>(C: new (b: SharedArrayBuffer) => T, bytes: number, n: number): T =>
  new C(new SharedArrayBuffer(n * bytes));

describe('gatherWithWorker', () => {
  it('gathers every column of every element type, in order, with this thread busy meanwhile', () => {
    const n = 50_000;
    const order = Int32Array.from({ length: n }, (_, k) => (k * 7919) % n);
    const f = shared(Float64Array, 8, n), i = shared(Int32Array, 4, n), u = shared(Uint32Array, 4, n), b = shared(Uint8Array, 1, n);
    for (let k = 0; k < n; k++) { f[k] = k + 0.5; i[k] = -k; u[k] = k * 3; b[k] = k & 255; }
    const out = [shared(Float64Array, 8, n), shared(Int32Array, 4, n), shared(Uint32Array, 4, n), shared(Uint8Array, 1, n)] as const;
    let here = 0;
    gatherWithWorker(order, [[f, out[0]], [i, out[1]], [u, out[2]], [b, out[3]]], () => { here++; });
    expect(here).toBe(1);
    let wrong = 0;
    for (let k = 0; k < n; k++) {
      const s = order[k];
      if (out[0][k] !== f[s] || out[1][k] !== i[s] || out[2][k] !== u[s] || out[3][k] !== b[s]) wrong++;
    }
    expect(wrong).toBe(0);
  });
});
