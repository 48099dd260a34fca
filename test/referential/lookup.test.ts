import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileReferential, defaultReferential, foldTerm } from '../../src/referential/index.js';

describe('compileReferential', () => {
  const c = compileReferential(defaultReferential);

  it('is cached per referential object', () => {
    expect(compileReferential(defaultReferential)).toBe(c);
  });

  it('gives dense bit indexes in referential order', () => {
    expect(c.certCodes).toEqual(defaultReferential.certifications.map((x) => x.code));
    expect([...c.certIndex.values()]).toEqual(c.certCodes.map((_, i) => i));
    for (const [code, i] of c.certIndex) expect(c.certCodes[i]).toBe(code);
    expect([...c.jobIndex.keys()]).toEqual(defaultReferential.jobs.map((j) => j.rome));
    expect(c.skillIndex.get('toilette')).toBe(0);
  });

  it('finds blocs and modules by code', () => {
    expect(c.units.get('DEAS_M4')).toMatchObject({ certification: 'DEAS', block: { code: 'DEAS_B2' }, module: { hours: 182 } });
    expect(c.units.get('DEAS_B5')?.module).toBeUndefined();
    expect(c.units.get('TP_ADVF_CCP3')?.certification).toBe('TP_ADVF');
  });

  it('groups bridges by target and by source', () => {
    const toDeas = c.bridgesByTarget.get('DEAS')!;
    expect(toDeas.every((b) => b.to === 'DEAS')).toBe(true);
    expect(toDeas.some((b) => b.from === 'DEAES' && !b.historic)).toBe(true);
    const total = [...c.bridgesByTarget.values()].reduce((s, l) => s + l.length, 0);
    expect(total).toBe(defaultReferential.bridges.length);
    expect(c.bridgesBySource.get('DEAVS')?.map((b) => b.to)).toContain('DEAES');
  });
});

describe('foldTerm', () => {
  it('folds case, accents, apostrophes and hyphens', () => {
    expect(foldTerm('  Aide-Soignante ')).toBe('aide soignante');
    expect(foldTerm('Employé d’État')).toBe('employe d etat');
  });

  it('is idempotent and leaves no upper case or combining mark', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        const f = foldTerm(s);
        expect(foldTerm(f)).toBe(f);
        expect(/[\u0300-\u036f]/.test(f)).toBe(false);
        expect(f).toBe(f.trim());
      }),
      { seed: 20261123, numRuns: 500 },
    );
  });
});
