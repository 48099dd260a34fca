import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createResolver } from '../../src/referential/resolve.js';
import { defaultReferential } from '../../src/referential/index.js';

const cached = createResolver(defaultReferential);
const uncached = createResolver(defaultReferential, { cacheSize: 0 });
const titleLike = fc.array(
  fc.constantFrom('aide', 'soignante', 'AVS', 'école', 'EHPAD', 'H/F', '(e)', 'CDI', '80 %', 'auxilaire', 'de', 'vie',
    'cuisinier', 'à', 'domicile', 'ASH', '/', '-', 'Infirmière', 'nuit', 'développeur', 'MAS', 'secteur', 'Alençon'),
  { maxLength: 8 },
).map((w) => w.join(' '));

describe('resolver properties', () => {
  it('never throws on arbitrary strings, is deterministic, and the cache changes nothing', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), titleLike), (s) => {
        const a = cached.resolveJobTitle(s);
        const b = cached.resolveJobTitle(s);
        const c = uncached.resolveJobTitle(s);
        expect(b).toEqual(a);
        expect(c).toEqual(a);
        expect(cached.resolveCertification(s)).toEqual(uncached.resolveCertification(s));
        if (a) {
          expect(a.confidence).toBeGreaterThan(0);
          expect(a.confidence).toBeLessThanOrEqual(1);
          expect(a.alternatives.some((x) => x.rome === a.rome)).toBe(false);
        }
      }),
      { numRuns: 2000, seed: 20261123 },
    );
  });

  it('handles 100 kB strings', () => {
    const big = 'aide soignante '.repeat(7000);
    expect(big.length).toBeGreaterThan(100_000);
    expect(cached.resolveJobTitle(big)?.rome).toBe('J1501');
    const noise = fc.sample(fc.string({ unit: 'grapheme', minLength: 100_000, maxLength: 100_000 }), { numRuns: 2, seed: 7 });
    for (const s of noise) {
      expect(() => cached.resolveJobTitle(s)).not.toThrow();
      expect(() => cached.resolveCertification(s)).not.toThrow();
    }
  });

  it('the cache evicts but keeps answering the same', () => {
    const tiny = createResolver(defaultReferential, { cacheSize: 2 });
    fc.assert(
      fc.property(fc.array(titleLike, { minLength: 1, maxLength: 10 }), (titles) => {
        for (const t of titles) expect(tiny.resolveJobTitle(t)).toEqual(uncached.resolveJobTitle(t));
        expect(tiny.cacheSize).toBeLessThanOrEqual(2);
      }),
      { numRuns: 200, seed: 11 },
    );
  });
});
