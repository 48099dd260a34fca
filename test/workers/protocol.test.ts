/**
 * Ids reach a worker packed (one string and the ends): the unpacked view reads back the same strings
 * in the same order, whatever they hold (empty ones, separators, surrogate pairs). A task put on
 * shared memory holds the same values, every typed array on a SharedArrayBuffer, each array
 * copied once however often it appears.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { onSharedMemory, packIdsInSteps, unpackIds } from '../../src/workers/protocol.js';
import { runToEnd } from '../../src/work.js';

describe('packed ids', () => {
  it('unpack(pack(ids)) reads back ids: the same length, the same string at every index', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 60 }), (ids) => {
        const unpacked = unpackIds(runToEnd(packIdsInSteps(ids)));
        expect(unpacked.length).toBe(ids.length);
        expect(Array.from({ length: ids.length }, (_, k) => unpacked[k])).toEqual(ids);
        expect(unpacked[ids.length]).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });
});

describe('tasks on shared memory', () => {
  const typed = fc.oneof(
    fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { maxLength: 20 }).map((a) => Int32Array.from(a)),
    fc.array(fc.double({ noNaN: true }), { maxLength: 20 }).map((a) => Float64Array.from(a)),
    fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 20 }).map((a) => Uint8Array.from(a)),
  );
  const leaf = fc.oneof(typed, fc.integer(), fc.string(), fc.boolean(), fc.constant(null));
  const { task } = fc.letrec((tie) => ({
    task: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('task'), { maxLength: 4 }), fc.dictionary(fc.string({ minLength: 1 }), tie('task'), { maxKeys: 4 })),
  }));

  function viewsOf(value: unknown, out: ArrayBufferView[] = []): ArrayBufferView[] {
    if (ArrayBuffer.isView(value)) out.push(value);
    else if (Array.isArray(value)) value.forEach((v) => viewsOf(v, out));
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach((v) => viewsOf(v, out));
    return out;
  }

  it('holds the same values, every typed array shared', () => {
    fc.assert(
      fc.property(task, (t) => {
        const shared = onSharedMemory(t);
        expect(shared).toEqual(t);
        for (const view of viewsOf(shared)) expect(view.buffer).toBeInstanceOf(SharedArrayBuffer);
      }),
      { numRuns: 200 },
    );
  });

  it('copies an array met twice once, and leaves a shared one as it is', () => {
    fc.assert(
      fc.property(typed, (a) => {
        const alreadyShared = onSharedMemory(a);
        const shared = onSharedMemory({ x: a, y: [a], z: alreadyShared });
        expect(shared.x).not.toBe(a);
        expect(shared.y[0]).toBe(shared.x);
        expect(shared.z).toBe(alreadyShared);
      }),
    );
  });
});
