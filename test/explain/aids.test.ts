import { describe, expect, it } from 'vitest';
import { decideAids, employerAids } from '../../src/explain/aids.js';
import { candidate, evaluation, explain, ref, vacancy } from './fixtures.js';

const codes = (c: ReturnType<typeof candidate>, v: ReturnType<typeof vacancy>) => decideAids(c, v, ref).aids.map((a) => a.code);

describe('aids', () => {
  const jobSeeker = candidate({ status: 'demandeur_emploi' });

  it('PEC only for non-market employers', () => {
    expect(codes(jobSeeker, vacancy({ structure: { status: 'prive_non_lucratif' } }))).toContain('PEC');
    expect(codes(jobSeeker, vacancy({ structure: { status: 'public' } }))).toContain('PEC');
    expect(codes(jobSeeker, vacancy({ structure: { status: 'prive_lucratif' } }))).not.toContain('PEC');
    expect(codes(jobSeeker, vacancy({ structure: { status: 'particulier_employeur' } }))).not.toContain('PEC');
  });

  it('PEC needs an eligible public and a CDI or a CDD of at least 6 months, 20–35 h', () => {
    expect(codes(candidate({ status: 'salarie' }), vacancy())).not.toContain('PEC');
    expect(codes(jobSeeker, vacancy({ contract: { type: 'CDD', endDate: '2026-03-31' } }))).not.toContain('PEC');
    expect(codes(jobSeeker, vacancy({ contract: { type: 'CDD', endDate: '2026-07-04' } }))).toContain('PEC');
    expect(codes(jobSeeker, vacancy({ contract: { weeklyHours: 15 } }))).not.toContain('PEC');
  });

  it('an unknown employer status gives no PEC but a note for the advisor, none for the employer', () => {
    const v = vacancy({ structure: { status: undefined } });
    const { aids, notes } = decideAids(jobSeeker, v, ref);
    expect(aids.map((a) => a.code)).not.toContain('PEC');
    expect(notes.map((n) => n.code)).toContain('employer_status_unknown');
    expect(employerAids(v, ref).notes).toEqual([]);
  });

  it('Agefiph for private employers, FIPHFP for public ones, only with RQTH or AAH', () => {
    const rqth = candidate({ categories: ['RQTH'] });
    expect(codes(rqth, vacancy({ structure: { status: 'prive_lucratif' } }))).toContain('AGEFIPH');
    expect(codes(rqth, vacancy({ structure: { status: 'prive_lucratif' } }))).not.toContain('FIPHFP');
    expect(codes(rqth, vacancy({ structure: { status: 'public' } }))).toContain('FIPHFP');
    expect(codes(rqth, vacancy({ structure: { status: 'public' } }))).not.toContain('AGEFIPH');
    expect(codes(candidate({ categories: ['AAH'] }), vacancy({ structure: { status: 'particulier_employeur' } }))).toContain('AGEFIPH');
    expect(codes(candidate({ categories: ['QPV'] }), vacancy({ structure: { status: 'prive_lucratif' } }))).toEqual([]);
  });

  it('POEI for a job seeker (status or DELD/RSA/ASS) on an eligible contract of 6 months or more', () => {
    expect(codes(jobSeeker, vacancy({ structure: { status: 'prive_lucratif' } }))).toContain('POEI');
    expect(codes(candidate({ categories: ['DELD'] }), vacancy({ structure: { status: 'prive_lucratif' } }))).toContain('POEI');
    expect(codes(candidate({ status: 'salarie' }), vacancy({ structure: { status: 'prive_lucratif' } }))).not.toContain('POEI');
    expect(codes(jobSeeker, vacancy({ contract: { type: 'CDD', endDate: '2026-05-31' } }))).not.toContain('POEI');
    expect(codes(jobSeeker, vacancy({ contract: { type: 'VACATION' } }))).not.toContain('POEI');
    const open = decideAids(jobSeeker, vacancy({ contract: { type: 'INTERIM' } }), ref).aids.find((a) => a.code === 'POEI');
    expect(open?.reason).toContain('si le contrat dure au moins 6 mois');
  });

  it('apprenticeship aid: age from birthYear, no limit with RQTH, unverified amounts', () => {
    const v = vacancy({ contract: { type: 'APPRENTISSAGE', startDate: '2026-09-01', endDate: '2028-08-31' }, structure: { status: 'prive_lucratif' } });
    const young = decideAids(candidate({ birthYear: 2004 }), v, ref);
    expect(young.aids.find((a) => a.code === 'APPRENTISSAGE')?.verified).toBe(false);
    expect(young.notes).toEqual([]);
    const old = decideAids(candidate({ birthYear: 1980 }), v, ref);
    expect(old.aids.map((a) => a.code)).not.toContain('APPRENTISSAGE');
    expect(old.notes.map((n) => n.code)).toContain('apprenticeship_age');
    const oldRqth = decideAids(candidate({ birthYear: 1980, categories: ['RQTH'] }), v, ref);
    expect(oldRqth.aids.find((a) => a.code === 'APPRENTISSAGE')?.reason).toContain('sans limite d’âge (RQTH)');
    // Born in 1996: 29 or 30 during 2026, depending on the birthday.
    const edge = decideAids(candidate({ birthYear: 1996 }), v, ref);
    expect(edge.aids.map((a) => a.code)).toContain('APPRENTISSAGE');
    expect(edge.notes.find((n) => n.code === 'apprenticeship_age')?.message).toContain('peut être atteinte en 2026');
    const unknown = decideAids(candidate(), v, ref);
    expect(unknown.notes.find((n) => n.code === 'apprenticeship_age')?.message).toContain('Âge non renseigné');
  });

  it('contrat pro: not for public employers; open to job seekers whatever their age', () => {
    const v = (status: 'public' | 'prive_lucratif') =>
      vacancy({ contract: { type: 'PROFESSIONNALISATION', endDate: '2026-12-31' }, structure: { status } });
    const publicCase = decideAids(candidate({ status: 'demandeur_emploi', birthYear: 1980 }), v('public'), ref);
    expect(publicCase.aids.map((a) => a.code)).not.toContain('PROFESSIONNALISATION');
    expect(publicCase.notes.map((n) => n.code)).toContain('professionalisation_employer');
    expect(codes(candidate({ status: 'demandeur_emploi', birthYear: 1980 }), v('prive_lucratif'))).toContain('PROFESSIONNALISATION');
    expect(codes(candidate({ status: 'salarie', birthYear: 1980 }), v('prive_lucratif'))).not.toContain('PROFESSIONNALISATION');
    expect(codes(candidate({ status: 'salarie', birthYear: 2005 }), v('prive_lucratif'))).toContain('PROFESSIONNALISATION');
  });

  it('the employer sees the aids the post allows, the same for every candidate, never one only a category opens', () => {
    const v = vacancy({ structure: { status: 'prive_non_lucratif' } });
    const advisor = explain(evaluation(), candidate({ categories: ['RQTH', 'QPV'], status: 'demandeur_emploi' }), v);
    expect(advisor.aids.map((a) => a.code)).toEqual(['PEC', 'AGEFIPH', 'POEI']);
    // Before: PEC and POEI appeared only when the candidate was a job seeker, revealing a status.
    const views = [
      candidate({ categories: ['RQTH', 'QPV'], status: 'demandeur_emploi' }),
      candidate({ categories: ['RSA'] }),
      candidate({ status: 'salarie', birthYear: 1960 }),
      candidate(),
    ].map((c) => explain(evaluation(), c, v, 'employer'));
    for (const m of views) {
      expect(m.aids.map((a) => a.code)).toEqual(['PEC', 'POEI']);
      expect(m.aids).toEqual(views[0].aids);
      for (const a of m.aids) expect(a.reason).toMatch(/selon la situation de la personne, à voir avec la plateforme\.$/);
    }
    // A market employer: no PEC, whoever the candidate.
    expect(explain(evaluation(), candidate({ status: 'demandeur_emploi' }), vacancy({ structure: { status: 'prive_lucratif' } }), 'employer').aids.map((a) => a.code)).toEqual(['POEI']);
  });

  it('employer aids follow the contract: apprenticeship and contrat pro by type, contrat pro refused to a public employer', () => {
    const apprenticeship = vacancy({ contract: { type: 'APPRENTISSAGE', endDate: '2028-08-31' }, structure: { status: 'prive_lucratif' } });
    expect(employerAids(apprenticeship, ref).aids.map((a) => a.code)).toEqual(['POEI', 'APPRENTISSAGE']);
    const pro = (status: 'public' | 'prive_lucratif' | undefined) => employerAids(vacancy({ contract: { type: 'PROFESSIONNALISATION', endDate: '2026-12-31' }, structure: { status } }), ref);
    expect(pro('prive_lucratif').aids.map((a) => a.code)).toEqual(['POEI', 'PROFESSIONNALISATION']);
    expect(pro('public').aids.map((a) => a.code)).toEqual(['POEI']);
    expect(pro('public').notes.map((n) => n.code)).toEqual(['professionalisation_employer']);
    expect(pro(undefined).notes.map((n) => n.code)).toEqual(['employer_status_unknown']);
  });

  it('every aid carries a label, a French reason and a verified flag', () => {
    const c = candidate({ categories: ['RQTH', 'RSA'], status: 'demandeur_emploi', birthYear: 2003 });
    const v = vacancy({ contract: { type: 'APPRENTISSAGE', endDate: '2027-12-31' }, structure: { status: 'public' } });
    const m = explain(evaluation(), c, v);
    expect(m.aids.length).toBeGreaterThan(2);
    for (const a of m.aids) {
      expect(a.label.length).toBeGreaterThan(3);
      expect(a.reason).toMatch(/\.$/);
      expect(typeof a.verified).toBe('boolean');
    }
  });
});
