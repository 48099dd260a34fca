import { describe, expect, it } from 'vitest';
import { BLOCKER_CODES } from '../../src/scoring/model.js';
import { TO_DISCUSS_MESSAGE } from '../../src/explain/index.js';
import { legalCitation } from '../../src/explain/blockers.js';
import { candidate, evaluation, explain, vacancy } from './fixtures.js';

const only = (m: ReturnType<typeof explain>) => {
  expect(m.blockers).toHaveLength(1);
  return m.blockers[0];
};

describe('blocker messages and lifts', () => {
  it('legal_certification names the diploma, the job and the legal text, and lifts by the certification', () => {
    const c = candidate({ qualifications: [], experience: [{ rome: 'J1501', months: 30 }] });
    const v = vacancy({ job: { rome: 'J1501' }, structure: { kind: 'EHPAD', public: 'personnes_agees' } });
    const b = only(explain(evaluation({ blockers: ['legal_certification'] }), c, v));
    expect(b.message).toMatch(/^Le DEAS .*est obligatoire pour exercer comme aide-soignant .*\(CSP L4391-1\)\.$/);
    expect(b.lift?.code).toBe('certification:DEAS');
    expect(b.lift?.message).toContain('DEAS');
  });

  it('legal_certification: a candidate in training is told the employer could accept them', () => {
    const c = candidate({ qualifications: [], inTraining: [{ code: 'DEAS', expectedEnd: '2026-07-01' }] });
    const v = vacancy({ job: { rome: 'J1501' } });
    const b = only(explain(evaluation({ blockers: ['legal_certification'] }), c, v));
    expect(b.lift).toEqual({
      code: 'accepts_in_training',
      message: 'En formation au DEAS (fin prévue le 1er juillet 2026) : éligible si l’employeur accepte une personne en cours de formation.',
    });
  });

  it('required_certification lists the accepted diplomas', () => {
    const v = vacancy({ requires: { certifications: ['DEAES', 'DEAS'] } });
    const b = only(explain(evaluation({ blockers: ['required_certification'] }), candidate({ qualifications: [] }), v));
    expect(b.message).toBe('Le poste exige l’un de ces diplômes : DEAES ou DEAS.');
    expect(b.lift?.code).toBe('certification:DEAES');
  });

  it('driving_licence lifts by the PERMIS_B step and names funding', () => {
    const c = candidate({ mobility: { drivingLicence: false, vehicle: false } });
    const b = only(explain(evaluation({ blockers: ['driving_licence'] }), c, vacancy({ requires: { drivingLicence: true } })));
    expect(b.message).toBe('Le permis B est exigé pour ce poste.');
    expect(b.lift?.code).toBe('PERMIS_B');
    expect(b.lift?.message).toContain('CPF');
    expect(b.lift?.message).not.toContain('Agefiph');
  });

  it('driving_licence: the advisor sees the Agefiph licence aid for an RQTH candidate, the employer does not', () => {
    const c = candidate({ mobility: { drivingLicence: false, vehicle: false }, categories: ['RQTH'] });
    const v = vacancy({ requires: { drivingLicence: true } });
    const ev = evaluation({ blockers: ['driving_licence'] });
    expect(only(explain(ev, c, v)).lift?.message).toContain('Agefiph');
    expect(only(explain(ev, c, v, 'employer')).lift?.message).not.toContain('Agefiph');
  });

  it('vehicle says a service car would lift it', () => {
    const b = only(explain(evaluation({ blockers: ['vehicle'] }), candidate({ mobility: { vehicle: false } }), vacancy({ requires: { vehicle: true } })));
    expect(b.message).toBe('Un véhicule personnel est exigé et le poste n’en fournit pas.');
    expect(b.lift?.code).toBe('vehicle_provided');
  });

  it('commute: +15 min lifts it only when that is enough', () => {
    const c = candidate({ mobility: { modes: ['transit'], maxMinutes: 45 } });
    const near = only(explain(evaluation({ blockers: ['commute'], commute: { km: 30, minutes: 58.2, mode: 'transit' } }), c, vacancy()));
    expect(near.message).toBe('58 min en transports en commun, au-delà de la limite de 45 min.');
    expect(near.lift).toEqual({ code: 'commute_15', message: '+15 min de trajet accepté suffiraient.' });
    const far = only(explain(evaluation({ blockers: ['commute'], commute: { km: 40, minutes: 75, mode: 'transit' } }), c, vacancy()));
    expect(far.lift).toBeUndefined();
    expect(far.message).toContain('au-delà de la limite de 45 min');
  });

  it.each([
    ['nights', 'du travail de nuit', 'En acceptant le travail de nuit.'],
    ['weekends', 'du travail le week-end', 'En acceptant les week-ends.'],
    ['split_shifts', 'des horaires coupés', 'En acceptant les horaires coupés.'],
  ] as const)('%s names the pattern and lifts by accepting it', (code, phrase, lift) => {
    const b = only(explain(evaluation({ blockers: [code] }), candidate(), vacancy()));
    expect(b.message).toContain(phrase);
    expect(b.lift).toEqual({ code, message: lift });
  });

  it('nights: no "accept nights" lift for someone who declared no night work, and none in the employer view', () => {
    const c = candidate({ schedule: { nights: false }, restrictions: ['no_night_work'] });
    const v = vacancy({ schedule: { nights: true } });
    const ev = evaluation({ blockers: ['nights', 'restriction'], unliftedDemands: ['night_work'] });
    expect(explain(ev, c, v).blockers[0].lift).toBeUndefined();
    expect(explain(ev, candidate(), v, 'employer').blockers[0].lift).toBeUndefined();
  });

  it('contract says which contract and lifts by accepting it', () => {
    const b = only(explain(evaluation({ blockers: ['contract'] }), candidate({ contracts: ['CDI'] }), vacancy({ contract: { type: 'CDD', endDate: '2026-12-31' } })));
    expect(b.message).toBe('Le poste est proposé en CDD, contrat non retenu dans les souhaits (acceptés : CDI).');
    expect(b.lift).toEqual({ code: 'contract:CDD', message: 'En acceptant un CDD.' });
  });

  it('french_level lifts by a FLE course to the level', () => {
    const b = only(explain(evaluation({ blockers: ['french_level'] }), candidate({ frenchLevel: 'A2' }), vacancy({ requires: { frenchLevel: 'B1' } })));
    expect(b.message).toBe('Le poste demande un niveau de français B1 ; niveau déclaré : A2.');
    expect(b.lift?.code).toBe('FLE_B1');
    const c1 = only(explain(evaluation({ blockers: ['french_level'] }), candidate({ frenchLevel: 'B2' }), vacancy({ requires: { frenchLevel: 'C1' } })));
    expect(c1.lift?.code).toBe('french:C1');
  });

  it('experience counts related months at half', () => {
    const c = candidate({ experience: [{ rome: 'K1302', months: 4 }, { rome: 'K1304', months: 6 }] });
    const b = only(explain(evaluation({ blockers: ['experience'] }), c, vacancy({ requires: { experienceMonths: 12 } })));
    expect(b.message).toBe('Le poste exige 12 mois d’expérience ; 7 mois retenus (métiers proches comptés à moitié).');
    expect(b.lift).toBeUndefined();
  });

  it('work_authorization is stated as a legal condition', () => {
    const b = only(explain(evaluation({ blockers: ['work_authorization'] }), candidate({ workAuthorized: false }), vacancy()));
    expect(b.message).toContain('Autorisation de travail');
  });

  it('start_date gives both dates', () => {
    const v = vacancy({ contract: { type: 'CDD', startDate: '2026-01-05', endDate: '2026-03-31' } });
    const b = only(explain(evaluation({ blockers: ['start_date'] }), candidate({ availableFrom: '2026-04-01' }), v));
    expect(b.message).toBe('Le CDD se termine le 31 mars 2026, avant la disponibilité du 1er avril 2026.');
  });

  it('restriction: names the adaptation that lifts it and the Agefiph aid (private employer)', () => {
    const c = candidate({ restrictions: ['no_heavy_lifting'] });
    const v = vacancy({ physicalDemands: ['transfers'] });
    const b = only(explain(evaluation({ blockers: ['restriction'], unliftedDemands: ['transfers'] }), c, v));
    expect(b.message).toContain('Transferts de personnes');
    expect(b.message).toContain('lève-personne');
    expect(b.lift?.code).toBe('adaptation:lift_equipment');
    expect(b.lift?.message).toContain('Agefiph');
    expect(b.lift?.message).not.toContain('FIPHFP');
  });

  it('restriction: FIPHFP for a public employer', () => {
    const c = candidate({ restrictions: ['no_prolonged_standing'], categories: ['RQTH'] });
    const v = vacancy({ structure: { kind: 'EHPAD', status: 'public' }, physicalDemands: ['prolonged_standing'] });
    const b = only(explain(evaluation({ blockers: ['restriction'], unliftedDemands: ['prolonged_standing'] }), c, v));
    expect(b.lift?.code).toBe('adaptation:seated_workstation');
    expect(b.lift?.message).toContain('FIPHFP');
    expect(b.lift?.message).not.toContain('Agefiph');
  });

  it('restriction: a demand no adaptation lifts is said incompatible, without a lift', () => {
    const c = candidate({ restrictions: ['no_night_work'] });
    const b = only(explain(evaluation({ blockers: ['restriction'], unliftedDemands: ['night_work'] }), c, vacancy({ schedule: { nights: true } })));
    expect(b.message).toContain('aucun aménagement connu ne la lève');
    expect(b.lift).toBeUndefined();
  });

  it('restriction and work authorisation: the employer view reads one neutral to_discuss for either or both', () => {
    const v = vacancy({ physicalDemands: ['transfers'] });
    const restricted = candidate({ restrictions: ['no_heavy_lifting'] });
    const unauthorised = candidate({ workAuthorized: false });
    const both = candidate({ restrictions: ['no_heavy_lifting'], workAuthorized: false });
    const views = [
      explain(evaluation({ blockers: ['commute', 'restriction'], unliftedDemands: ['transfers'] }), restricted, v, 'employer'),
      explain(evaluation({ blockers: ['commute', 'work_authorization'] }), unauthorised, v, 'employer'),
      explain(evaluation({ blockers: ['commute', 'work_authorization', 'restriction'], unliftedDemands: ['transfers'] }), both, v, 'employer'),
    ];
    for (const m of views) {
      expect(m.blockers.map((b) => b.code)).toEqual(['commute', 'to_discuss']);
      expect(m.blockers[1]).toEqual({ code: 'to_discuss', message: TO_DISCUSS_MESSAGE });
      expect(JSON.stringify(m)).toBe(JSON.stringify(views[0]));
    }
    // The advisor keeps every detail.
    const advisor = explain(evaluation({ blockers: ['commute', 'work_authorization', 'restriction'], unliftedDemands: ['transfers'] }), both, v);
    expect(advisor.blockers.map((b) => b.code)).toEqual(['commute', 'work_authorization', 'restriction']);
  });

  it('every blocker code gets a non-empty French sentence, in the evaluation order', () => {
    const ev = evaluation({ blockers: [...BLOCKER_CODES], unliftedDemands: ['heavy_lifting'] });
    const c = candidate({ restrictions: ['no_heavy_lifting'], workAuthorized: false });
    const v = vacancy({ job: { rome: 'J1501' }, requires: { certifications: ['DEAS'], frenchLevel: 'B2', experienceMonths: 60 }, physicalDemands: ['heavy_lifting'] });
    for (const audience of ['advisor', 'employer'] as const) {
      const m = explain(ev, c, v, audience);
      const codes = audience === 'advisor' ? [...BLOCKER_CODES]
        : [...BLOCKER_CODES.filter((b) => b !== 'work_authorization' && b !== 'restriction'), 'to_discuss'];
      expect(m.blockers.map((b) => b.code)).toEqual(codes);
      for (const b of m.blockers) {
        expect(b.message.length).toBeGreaterThan(10);
        expect(b.message).toMatch(/\.$/);
      }
    }
  });

  it('legalCitation finds the article in a job source', () => {
    expect(legalCitation('CSP L4391-1 (fhp.fr réponse 15 Sep 2010); ROME')).toBe('CSP L4391-1');
    expect(legalCitation('CSP L4311-2/-3, L4311-15 (legifrance)')).toBe('CSP L4311-2/-3');
    expect(legalCitation('ROME v3 appellations')).toBeUndefined();
  });
});
