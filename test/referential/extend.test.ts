import { describe, expect, it } from 'vitest';
import {
  compileReferential, defaultReferential, extendReferential, ReferentialError, type ReferentialExtension, type ReferentialIssue,
} from '../../src/referential/index.js';

const localCert = {
  code: 'CQP_AVS_61',
  label: 'Certificat local d’auxiliaire de vie (Orne)',
  aliases: ['cqp avs 61', 'certificat auxiliaire de vie orne', 'cqp orne'],
  kind: 'branch' as const,
  vae: false,
  family: 'home_care',
  source: 'Conseil départemental de l’Orne',
  verified: false,
};

function issuesOf(ext: ReferentialExtension): ReferentialIssue[] {
  try {
    extendReferential(defaultReferential, ext);
  } catch (e) {
    expect(e).toBeInstanceOf(ReferentialError);
    return (e as ReferentialError).issues;
  }
  throw new Error('the extension was accepted');
}

describe('extendReferential', () => {
  it('adds a local certification and overrides a job label without touching the base', () => {
    const baseLabel = defaultReferential.jobs.find((j) => j.rome === 'K1302')!.label;
    const ref = extendReferential(defaultReferential, {
      certifications: [localCert],
      jobs: [{ rome: 'K1302', label: 'Auxiliaire de vie sociale', preferredCertifications: ['TP_ADVF', 'CQP_AVS_61'] }],
    });
    const c = compileReferential(ref);
    expect(c.certifications.get('CQP_AVS_61')?.label).toBe(localCert.label);
    expect(c.certIndex.get('CQP_AVS_61')).toBe(defaultReferential.certifications.length);
    expect(c.jobs.get('K1302')?.label).toBe('Auxiliaire de vie sociale');
    // Fields not overridden are kept.
    expect(c.jobs.get('K1302')?.synonyms).toEqual(defaultReferential.jobs.find((j) => j.rome === 'K1302')!.synonyms);
    expect(ref.version).toBe(`${defaultReferential.version}+ext`);
    expect(defaultReferential.jobs.find((j) => j.rome === 'K1302')!.label).toBe(baseLabel);
    expect(defaultReferential.certifications.some((x) => x.code === 'CQP_AVS_61')).toBe(false);
  });

  it('adds a bridge toward a unit of the target and replaces a bridge with the same key', () => {
    const ref = extendReferential(defaultReferential, {
      version: 'orne-2026',
      certifications: [localCert],
      bridges: [
        { from: 'CQP_AVS_61', to: 'TP_ADVF', grants: [{ unit: 'TP_ADVF_CCP2', kind: 'equivalence' }], effect: 'partial_cursus', regime: 'local', historic: false, source: 'convention locale', verified: false },
        { from: 'DEAES', to: 'DEAS', grants: [], effect: 'partial_cursus', regime: '2021', historic: false, source: 'annexe VII', verified: true },
      ],
    });
    expect(ref.version).toBe('orne-2026');
    expect(ref.bridges).toHaveLength(defaultReferential.bridges.length + 1);
    expect(compileReferential(ref).bridgesByTarget.get('DEAS')?.find((b) => b.from === 'DEAES')?.grants).toEqual([]);
  });

  it('rejects a new entry missing a field, naming the extension path', () => {
    const { label: _label, ...noLabel } = localCert;
    expect(issuesOf({ certifications: [noLabel as typeof localCert] })).toEqual([
      { code: 'invalid_shape', path: 'extension.certifications[0].label', message: expect.any(String) },
    ]);
  });

  it('rejects an override with a wrong type and an unknown field', () => {
    const issues = issuesOf({ jobs: [{ rome: 'K1302', core: 'yes' as unknown as boolean, colour: 'blue' } as never] });
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['invalid_shape', 'extension.jobs[0].core'],
      // The unknown field is named itself (issues worded as record issues are).
      ['invalid_shape', 'extension.jobs[0].colour'],
    ]);
  });

  it('lists every integrity problem with its path', () => {
    const issues = issuesOf({
      certifications: [
        { ...localCert, blocks: [{ code: 'CQP_AVS_61_B1', label: 'Bloc 1', hours: 50, modules: [{ code: 'CQP_AVS_61_M1', label: 'Module 1', hours: 20 }], source: 's', verified: false }] },
      ],
      jobs: [{ rome: 'K1304', preferredCertifications: ['EMPLOYE_FAMILIAL', 'NO_SUCH_CERT'] }],
      bridges: [{ from: 'CQP_AVS_61', to: 'DEAS', grants: [{ unit: 'TP_ADVF_CCP1', kind: 'equivalence' }], effect: 'partial_cursus', regime: 'local', historic: false, source: 's', verified: false }],
    });
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['unknown_code', 'jobs[K1304].preferredCertifications[1]'],
      ['hours_mismatch', 'certifications[CQP_AVS_61].blocks[0].hours'],
      ['unknown_unit', 'bridges[CQP_AVS_61>DEAS@local:partial_cursus].grants[0].unit'],
    ]);
    for (const i of issues) expect(i.message.length).toBeGreaterThan(10);
  });

  it('adds module hours up to the theory hours when the blocs state none', () => {
    const modules = (n: number, hours: number[]) =>
      hours.map((h, i) => ({ code: `CQP_AVS_61_B${n}_M${i + 1}`, label: `Module ${i + 1}`, hours: h }));
    const cert = (theoryHours: number) => ({
      ...localCert,
      theoryHours,
      blocks: [
        { code: 'CQP_AVS_61_B1', label: 'Bloc 1', modules: modules(1, [20, 30]), source: 's', verified: false },
        { code: 'CQP_AVS_61_B2', label: 'Bloc 2', modules: modules(2, [40]), source: 's', verified: false },
      ],
    });
    expect(extendReferential(defaultReferential, { certifications: [cert(90)] }).certifications.at(-1)?.theoryHours).toBe(90);
    expect(issuesOf({ certifications: [cert(100)] }).map((i) => [i.code, i.path])).toEqual([
      ['hours_mismatch', 'certifications[CQP_AVS_61].theoryHours'],
    ]);
  });

  it('rejects a synonym shared with another job unless both declare it ambiguous with one default', () => {
    const shared = issuesOf({ jobs: [{ rome: 'G1602', synonyms: ['cuisinier', 'aide-soignante'] }] });
    expect(shared.map((i) => i.code)).toEqual(['shared_synonym']);
    expect(shared[0].message).toMatch(/G1602/);
    expect(shared[0].message).toMatch(/J1501/);

    const ok = extendReferential(defaultReferential, {
      jobs: [{ rome: 'K1206', synonyms: ['animateur ehpad', 'animateur en gérontologie', 'animateur 3ème âge', 'animatrice ehpad', 'animatrice en gérontologie', 'ash'], ambiguousSynonyms: ['ash'] },
        { rome: 'J1301', ambiguousSynonyms: ['agent de soins', 'auxiliaire de soins', 'ffas', 'ash'], defaultFor: ['ash'] }],
    });
    expect(ok.jobs.find((j) => j.rome === 'K1206')?.synonyms).toContain('ash');
  });

  it('rejects a job code that is not a ROME v3 fiche and an unknown table', () => {
    const issues = issuesOf({
      jobs: [{ rome: 'K9999', label: 'Métier inventé', synonyms: [], sector: 'domicile', core: false, diploma: 'NONE', source: 's', verified: false }],
      colours: [],
    } as ReferentialExtension);
    expect(issues.map((i) => [i.code, i.path])).toEqual([['invalid_shape', 'extension.colours']]);
    const rome = issuesOf({ jobs: [{ rome: 'K9999', label: 'Métier inventé', synonyms: [], sector: 'domicile', core: false, diploma: 'NONE', source: 's', verified: false }] });
    expect(rome.map((i) => [i.code, i.path])).toEqual([['unknown_rome', 'jobs[K9999].rome']]);
  });

  it('rejects a category that would be allowed to lower a score', () => {
    const issues = issuesOf({ categories: [{ code: 'RSA', neverLowers: ['score'] }] });
    expect(issues.map((i) => [i.code, i.path])).toEqual([['never_lowers', 'categories[RSA].neverLowers']]);
  });

  it('puts every issue in the error message', () => {
    try {
      extendReferential(defaultReferential, { jobs: [{ rome: 'K1304', relatedJobs: ['Z0000'] }] });
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toContain('jobs[K1304].relatedJobs[0]');
      expect((e as Error).message).toContain('[unknown_code]');
    }
  });
});
