import { describe, expect, it } from 'vitest';
import { counterfactualLabel, formatGain, CRITERION_LABELS } from '../../src/explain/index.js';
import { candidate, evaluation, explain, vacancy } from './fixtures.js';

const sum = (xs: { points: number }[]) => xs.reduce((s, x) => s + x.points, 0);
const detail = (m: ReturnType<typeof explain>, code: string) => m.criteria.find((k) => k.code === code)?.detail;

describe('criteria', () => {
  it('carry the seven French labels in order, with the evaluation numbers', () => {
    const ev = evaluation({ values: { commute: 0.5, hours: 0.8 } });
    const m = explain(ev, candidate(), vacancy());
    expect(m.criteria.map((k) => k.label)).toEqual(['Qualification', 'Expérience', 'Trajet', 'Heures', 'Date de début', 'Souhaits', 'Compétences']);
    expect(m.criteria.map((k) => [k.value, k.weight, k.points])).toEqual(ev.criteria.map((k) => [k.value, k.weight, k.points]));
    expect(m.commute).toEqual(ev.commute);
  });

  it('say why each value', () => {
    const c = candidate({ qualifications: [{ code: 'DEAS' }], experience: [{ rome: 'J1501', months: 24 }], availableFrom: '2026-01-17', skills: ['toilette'] });
    const v = vacancy({
      job: { rome: 'J1501' },
      structure: { kind: 'EHPAD' },
      contract: { startDate: '2026-01-05' },
      prefers: { skills: ['toilette', 'alzheimer'] },
    });
    const m = explain(evaluation({ commute: { km: 24.4, minutes: 32.3, mode: 'car' } }), c, v);
    expect(detail(m, 'qualification')).toBe('Titulaire du DEAS, exigé pour ce poste.');
    expect(detail(m, 'experience')).toBe('24 mois comme aide-soignant, au moins les 24 mois visés.');
    expect(detail(m, 'commute')).toBe('32 min en voiture (24 km) pour une limite de 45 min.');
    expect(detail(m, 'hours')).toBe('30 h/semaine, dans la fourchette souhaitée 24–35 h.');
    expect(detail(m, 'start_date')).toBe('Disponible le 17 janvier 2026, 12 jours après le début souhaité (5 janvier 2026).');
    expect(detail(m, 'skills')).toMatch(/^1 compétence sur 2 demandées : .* \(manque : .*\)\.$/);
  });

  it('qualification: in training, partial blocs, no certification expected', () => {
    const v = vacancy({ requires: { certifications: ['DEAES'] } });
    const training = explain(evaluation({ values: { qualification: 0.6 } }), candidate({ qualifications: [], inTraining: [{ code: 'DEAES', expectedEnd: '2026-06-30' }] }), v);
    expect(detail(training, 'qualification')).toBe('En formation au DEAES (fin prévue le 30 juin 2026).');
    const none = explain(evaluation({ values: { qualification: 0 } }), candidate({ qualifications: [], experience: [] }), v);
    expect(detail(none, 'qualification')).toBe('Ni le diplôme attendu (DEAES) ni expérience sur ce métier.');
    const open = explain(evaluation({ values: { qualification: 0.8 } }), candidate({ qualifications: [] }), vacancy({ job: { rome: 'K2204' } }));
    expect(detail(open, 'qualification')).toBe('Aucun diplôme attendu pour ce poste.');
  });

  it('hours and start date on both sides of the range', () => {
    const c = candidate({ schedule: { weeklyHoursMin: 20, weeklyHoursMax: 25 }, availableFrom: '2026-01-01' });
    const m = explain(evaluation(), c, vacancy({ contract: { weeklyHours: 30, startDate: '2026-02-01' } }));
    expect(detail(m, 'hours')).toBe('30 h/semaine, 5 h au-dessus de la fourchette souhaitée 20–25 h.');
    expect(detail(m, 'start_date')).toBe('Disponible dès le 1er janvier 2026, avant le début souhaité (1er février 2026).');
  });
});

describe('score and positive action', () => {
  const bonus = { points: 4, weight: 8, categories: ['QPV'] };
  const c = candidate({ categories: ['QPV'] });

  it('the score is the sum of the points in both views', () => {
    const ev = evaluation({ values: { commute: 0.37, skills: 0.5, start_date: 0.91 }, bonus });
    for (const audience of ['advisor', 'employer'] as const) {
      const m = explain(ev, c, vacancy(), audience);
      expect(m.score).toBe(sum(m.criteria));
    }
  });

  it('the advisor sees the positive_action criterion and its points; the employer sees the bonus-free score', () => {
    const ev = evaluation({ values: { commute: 0.5 }, bonus });
    const advisor = explain(ev, c, vacancy());
    const employer = explain(ev, c, vacancy(), 'employer');
    const pa = advisor.criteria.at(-1);
    expect(pa).toMatchObject({ code: 'positive_action', label: CRITERION_LABELS.positive_action, points: 4, weight: 8, value: 0.5 });
    expect(advisor.summary).toContain('action positive');
    expect(advisor.score).toBeCloseTo(ev.score + 4, 12);
    expect(employer.criteria.map((k) => k.code)).not.toContain('positive_action');
    expect(employer.score).toBeCloseTo(ev.score, 12);
    expect(employer.summary).not.toMatch(/action positive|bonus/i);
  });

  it('no criterion is added when the option is off', () => {
    expect(explain(evaluation(), c, vacancy()).criteria).toHaveLength(7);
  });
});

describe('summary', () => {
  it('says eligible, the score and the strongest criteria', () => {
    const m = explain(evaluation({ values: { commute: 0.4, experience: 0.5 } }), candidate(), vacancy());
    expect(m.summary).toBe(`Éligible, score ${Math.round(m.score)}/100 ; points forts : qualification et heures.`);
  });

  it('says not eligible, the main blocker, its lift and how many others', () => {
    const ev = evaluation({ blockers: ['driving_licence', 'weekends'], values: { commute: 0.3 } });
    const m = explain(ev, candidate({ mobility: { drivingLicence: false } }), vacancy({ requires: { drivingLicence: true } }));
    expect(m.summary).toContain(`Non éligible, score ${Math.round(m.score)}/100`);
    expect(m.summary).toContain('Blocage principal : le permis B est exigé pour ce poste ; levier : passer le permis B');
    expect(m.summary).toMatch(/1 autre blocage\.$/);
  });
});

describe('toCheck', () => {
  it('French level unknown when the post requires one', () => {
    const m = explain(evaluation(), candidate({ frenchLevel: undefined }), vacancy({ requires: { frenchLevel: 'B1' } }));
    expect(m.toCheck).toContainEqual({ code: 'french_level_unknown', message: 'Niveau de français non renseigné ; le poste demande B1.' });
  });

  it('a relevant qualification obtained more than 10 years ago, for information', () => {
    const m = explain(evaluation(), candidate({ qualifications: [{ code: 'DEAES', obtainedOn: '2012-06-30' }] }), vacancy());
    expect(m.toCheck.map((t) => t.code)).toContain('old_qualification');
    const recent = explain(evaluation(), candidate({ qualifications: [{ code: 'DEAES', obtainedOn: '2016-06-30' }] }), vacancy());
    expect(recent.toCheck.map((t) => t.code)).not.toContain('old_qualification');
  });

  it('a licence without a vehicle when the post requires the licence only', () => {
    const c = candidate({ mobility: { drivingLicence: true, vehicle: false } });
    expect(explain(evaluation(), c, vacancy({ requires: { drivingLicence: true } })).toCheck.map((t) => t.code)).toContain('licence_without_vehicle');
    expect(explain(evaluation(), c, vacancy()).toCheck.map((t) => t.code)).not.toContain('licence_without_vehicle');
    expect(explain(evaluation(), c, vacancy({ requires: { drivingLicence: true }, vehicleProvided: true })).toCheck).toEqual([]);
  });

  it('the apprenticeship age rule is advisor-only', () => {
    const v = vacancy({ contract: { type: 'APPRENTISSAGE', startDate: '2026-09-01', endDate: '2028-08-31' }, structure: { status: 'prive_lucratif' } });
    const c = candidate({ birthYear: 1996 });
    expect(explain(evaluation(), c, v).toCheck.map((t) => t.code)).toContain('apprenticeship_age');
    expect(explain(evaluation(), c, v, 'employer').toCheck.map((t) => t.code)).not.toContain('apprenticeship_age');
  });
});

describe('determinism', () => {
  it('the same input gives the same Match, byte for byte', () => {
    const c = candidate({ categories: ['RQTH', 'DELD'], status: 'demandeur_emploi', restrictions: ['no_heavy_lifting'] });
    const v = vacancy({ physicalDemands: ['transfers'], requires: { drivingLicence: true } });
    const ev = evaluation({ blockers: ['commute', 'restriction'], unliftedDemands: ['transfers'], commute: { km: 40, minutes: 55, mode: 'car' } });
    for (const audience of ['advisor', 'employer'] as const) {
      expect(JSON.stringify(explain(ev, c, v, audience))).toBe(JSON.stringify(explain(structuredClone(ev), structuredClone(c), structuredClone(v), audience)));
    }
  });

  it('does not mutate its inputs', () => {
    const c = candidate();
    const v = vacancy();
    const ev = evaluation({ blockers: ['contract'] });
    const before = JSON.stringify([c, v, ev]);
    explain(ev, c, v);
    expect(JSON.stringify([c, v, ev])).toBe(before);
  });
});

describe('counterfactual labels', () => {
  it.each([
    ['driving_licence', 'avec le permis B'],
    ['vehicle', 'avec un véhicule'],
    ['weekends', 'en acceptant les week-ends'],
    ['nights', 'en acceptant le travail de nuit'],
    ['split_shifts', 'en acceptant les horaires coupés'],
    ['commute_15', 'en acceptant 15 min de trajet de plus'],
    ['contract:CDD', 'en acceptant un CDD'],
    ['contract:INTERIM', 'en acceptant une mission d’intérim'],
    ['certification:DEAS', 'avec le DEAS'],
    ['certification:TP_ADVF', 'avec le titre pro ADVF'],
    ['certification:ASG', 'avec l’ASG'],
    ['french:B2', 'avec un niveau de français B2'],
  ])('%s → %s', (code, label) => {
    expect(counterfactualLabel(code)).toBe(label);
  });

  it('uses the detail for a certification name and for unknown codes', () => {
    expect(counterfactualLabel('certification:X_LOCAL', 'certificat local')).toBe('avec le certificat local');
    expect(counterfactualLabel('mystery', 'autre changement')).toBe('autre changement');
    expect(counterfactualLabel('mystery')).toBe('mystery');
  });

  it('formatGain', () => {
    expect(formatGain('avec le permis B', 12)).toBe('avec le permis B : +12 offres');
    expect(formatGain('avec le DEAS', 1)).toBe('avec le DEAS : +1 offre');
  });
});
