/** romeKey packs exactly the strings of the ROME code form, one key each. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROME_KEYS, romeKey } from '../../src/referential/rome/key.js';
import { romeFiches } from '../../src/referential/rome/index.js';

const FORM = /^[A-N]\d{4}$/;

describe('romeKey', () => {
  it('is defined exactly on the code form, within range, and distinct for distinct codes', () => {
    const code = fc.tuple(fc.constantFrom(...'ABCDEFGHIJKLMNOPZ@a'), fc.string({ minLength: 0, maxLength: 5 })).map(([l, r]) => l + r);
    const digits = fc.tuple(fc.constantFrom(...'ABCDEFGHIJKLMN'), fc.integer({ min: 0, max: 9999 })).map(([l, n]) => l + String(n).padStart(4, '0'));
    fc.assert(fc.property(fc.oneof(code, digits, fc.string()), (s) => {
      const k = romeKey(s);
      expect(k >= 0).toBe(FORM.test(s));
      if (k >= 0) expect(k).toBeLessThan(ROME_KEYS);
    }), { numRuns: 2000 });
    const keys = [...romeFiches().keys()].map(romeKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.every((k) => k >= 0)).toBe(true);
  });
});
