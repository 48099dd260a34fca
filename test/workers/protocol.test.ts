/**
 * Ids reach a worker packed (one string and the ends): unpacking gives back the same strings in
 * the same order, whatever they hold (empty ones, separators, surrogate pairs).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { packIds, unpackIds } from '../../src/workers/protocol.js';

describe('packed ids', () => {
  it('unpack(pack(ids)) is ids', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 60 }), (ids) => {
        expect(unpackIds(packIds(ids))).toEqual(ids);
      }),
      { numRuns: 200 },
    );
  });
});
