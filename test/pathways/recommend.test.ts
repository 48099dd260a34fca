/** Hand-checked pathway cases from REFERENCE.md §2–§4. */
import { describe, expect, it } from 'vitest';
import { recommendPathways } from '../../src/pathways/index.js';
import { defaultReferential } from '../../src/referential/index.js';
import type { Candidate } from '../../src/schema/candidate.js';
import type { Pathway, PathwayOptions, PathwayDeps } from '../../src/pathways/index.js';
import { ARGENTAN, TODAY, candidate, session, vacancy } from './fixtures.js';

const deps: PathwayDeps = { referential: defaultReferential };
const run = (c: Candidate, o: Partial<PathwayOptions> = {}, d: Partial<PathwayDeps> = {}): Pathway[] =>
  recommendPathways(c, { today: TODAY, limit: 20, ...o }, { ...deps, ...d });
const kinds = (p: Pathway) => p.steps.map((s) => s.kind);
const mainStep = (p: Pathway) => p.steps[p.steps.length - 1];

const DEAS_BLOC5_HOURS = 35 + 70; // M9 + M10 (REFERENCE.md §2, DEAS blocs)

describe('partial cursus through a bridge', () => {
  it('a DEAES holder toward DEAS gets the partial route without the equivalent bloc 5', () => {
    const c = candidate({ qualifications: [{ code: 'DEAES' }], experience: [{ rome: 'K1301', months: 30 }] });
    const ps = run(c, { target: 'J1501' });
    const partial = ps.find((p) => mainStep(p).kind === 'partial_training');
    expect(partial).toBeDefined();
    const step = mainStep(partial!);
    expect(step.certification).toBe('DEAS');
    expect(step.hours).toBe(1540 - DEAS_BLOC5_HOURS);
    expect(step.notes.join(' ')).toContain('Bloc 5 du DEAS (Travail en équipe pluri-professionnelle');
    // The bloc-5 equivalence is [U] in REFERENCE.md §3: the step and the pathway say so.
    expect(step.verified).toBe(false);
    expect(partial!.verified).toBe(false);
    // Shorter than the full cursus, so it ranks first.
    expect(mainStep(ps[0]).kind).toBe('partial_training');
    const full = ps.find((p) => mainStep(p).kind === 'training')!;
    expect(mainStep(full).hours).toBe(1540);
    expect(partial!.jobReadyDate < full.jobReadyDate).toBe(true);
  });

  it('blocs already validated count as done', () => {
    const c = candidate({ qualifications: [{ code: 'DEAS', blocks: ['DEAS_B1', 'DEAS_B4'] }], experience: [{ rome: 'K1302', months: 6 }] });
    const partial = run(c, { target: 'J1501' }).find((p) => mainStep(p).kind === 'partial_training')!;
    expect(mainStep(partial).hours).toBe(1540 - 168 - 35);
  });

  it('a DEAS holder toward DEAP gets a shortened cursus, naming the current 2021 bridge and the historic 2006 length', () => {
    const c = candidate({ qualifications: [{ code: 'DEAS' }], experience: [{ rome: 'J1501', months: 40 }] });
    const ps = run(c, { target: 'J1304' });
    const partial = ps.find((p) => mainStep(p).kind === 'partial_training')!;
    const step = mainStep(partial);
    expect(step.certification).toBe('DEAP');
    // 2006 regime: 9 + 12 weeks instead of 17 + 24 → 1540 × 21 / 41.
    expect(step.hours).toBe(Math.round((1540 * 21) / 41));
    const notes = step.notes.join(' ');
    expect(notes).toContain('régime 2021');
    expect(notes).toContain('régime 2006');
    expect(step.verified).toBe(false);
    expect(step.estimated).toBe(true);
  });

  it('never leads through a certification already held', () => {
    const c = candidate({ qualifications: [{ code: 'DEAS' }] });
    expect(run(c, { target: 'J1501' })).toEqual([]);
    // CAFAS counts as DEAS (CSP L4391-1).
    expect(run(candidate({ qualifications: [{ code: 'CAFAS' }] }), { target: 'J1501' })).toEqual([]);
  });
});

describe('durations', () => {
  it('without hours in the referential, the typical duration gives estimated dates (DE ergothérapeute, 36 months)', () => {
    const ps = run(candidate({ availableFrom: '2027-09-01', experience: [{ rome: 'K1302', months: 12 }] }), { target: 'J1403' });
    const full = ps.find((p) => mainStep(p).kind === 'training')!;
    expect(mainStep(full).startDate).toBe('2027-09-01');
    expect(mainStep(full).endDate).toBe('2030-08-31');
    expect(mainStep(full).estimated).toBe(true);
    expect(mainStep(full).verified).toBe(false);
  });

  it('a certification already under way gets no new pathway', () => {
    const c = candidate({ inTraining: [{ code: 'DEAS', expectedEnd: '2027-07-01' }], experience: [{ rome: 'K1302', months: 12 }] });
    expect(run(c, { target: 'J1501' })).toEqual([]);
  });
});

describe('apprenticeship age rule', () => {
  it('a 35-year-old with RQTH may take the apprenticeship route; one without RQTH may not', () => {
    const base = { birthYear: 1991, experience: [{ rome: 'K1302', months: 12 }] };
    const withRqth = run(candidate({ ...base, categories: ['RQTH'] }), { target: 'J1501' });
    const without = run(candidate(base), { target: 'J1501' });
    const appr = withRqth.find((p) => mainStep(p).kind === 'apprenticeship');
    expect(appr).toBeDefined();
    expect(mainStep(appr!).funding.find((f) => f.code === 'APPRENTISSAGE')).toMatchObject({ applies: true });
    expect(mainStep(appr!).funding[0].reason).toContain('RQTH');
    expect(without.some((p) => mainStep(p).kind === 'apprenticeship')).toBe(false);
  });

  it('a 22-year-old may; an unknown birth year opens it with an age to check', () => {
    expect(run(candidate({ birthYear: 2004, experience: [{ rome: 'K1302', months: 3 }] }), { target: 'J1501' })
      .some((p) => mainStep(p).kind === 'apprenticeship')).toBe(true);
    const unknown = run(candidate({ birthYear: undefined, experience: [{ rome: 'K1302', months: 3 }] }), { target: 'J1501' })
      .find((p) => mainStep(p).kind === 'apprenticeship')!;
    expect(mainStep(unknown).funding.find((f) => f.code === 'APPRENTISSAGE')!.reason).toContain('âge à vérifier');
  });
});

describe('CEJ age rule (16–25 révolus, under 30 with RQTH; REFERENCE.md §4)', () => {
  const cej = (p: Pathway, kind: string) => p.steps.find((s) => s.kind === kind)?.funding.find((f) => f.code === 'CEJ');
  const newcomer = { status: 'demandeur_emploi' as const, experience: [], birthYear: 1998 };

  it('a 28-year-old job seeker with RQTH new to the sector: the immersion lists the CEJ as open, by the RQTH', () => {
    const [p] = run(candidate({ ...newcomer, categories: ['RQTH'] }), { target: 'J1501' });
    expect(cej(p, 'immersion')).toMatchObject({ applies: true, verified: true });
    expect(cej(p, 'immersion')!.reason).toContain('RQTH');
    expect(cej(p, 'immersion')!.reason).toContain('ne paie pas la formation');
  });

  it('the same candidate without RQTH: listed as closed, for the age; the pathway is neither later nor dearer', () => {
    const [without] = run(candidate(newcomer), { target: 'J1501' });
    const [withRqth] = run(candidate({ ...newcomer, categories: ['RQTH'] }), { target: 'J1501' });
    expect(cej(without, 'immersion')).toMatchObject({ applies: false });
    expect(cej(without, 'immersion')!.reason).toContain('âge hors des limites du CEJ');
    // An allowance, not a payment: it changes neither the cost nor the dates.
    expect(without.cost).toBe(withRqth.cost);
    expect(without.jobReadyDate).toBe(withRqth.jobReadyDate);
  });

  it('a 22-year-old employee: closed by status; a 22-year-old job seeker with A2 French: open on the French course too', () => {
    const [employee] = run(candidate({ ...newcomer, status: 'salarie', birthYear: 2004 }), { target: 'J1501' });
    expect(cej(employee, 'immersion')).toMatchObject({ applies: false });
    expect(cej(employee, 'immersion')!.reason).toContain('sans emploi ni formation');
    const ps = run(candidate({ ...newcomer, birthYear: 2004, frenchLevel: 'A2' }), { target: 'J1501' });
    const withFrench = ps.find((p) => kinds(p).includes('french'))!;
    expect(cej(withFrench, 'french')).toMatchObject({ applies: true });
  });
});

describe('French before a training', () => {
  it('A2 French toward DEAS: a French step to B2 comes first', () => {
    const ps = run(candidate({ frenchLevel: 'A2', experience: [{ rome: 'K1302', months: 12 }] }), { target: 'J1501' });
    const full = ps.find((p) => mainStep(p).kind === 'training')!;
    expect(kinds(full)).toEqual(['french', 'training']);
    expect(full.steps[0].certification).toBe('FLE_B2');
    expect(full.steps[0].hours).toBe(200);
    expect(full.steps[1].startDate > full.steps[0].endDate).toBe(true);
  });

  it('a BPI candidate with native French gets no French step (never from the category)', () => {
    const ps = run(candidate({ frenchLevel: 'native', categories: ['BPI'], experience: [{ rome: 'K1302', months: 12 }] }), { target: 'J1501' });
    expect(ps.length).toBeGreaterThan(0);
    expect(ps.every((p) => !kinds(p).includes('french'))).toBe(true);
  });

  it('VAE does not wait for the training entry level', () => {
    const ps = run(candidate({ frenchLevel: 'A2', experience: [{ rome: 'J1501', months: 24 }] }), { target: 'J1501' });
    const vae = ps.find((p) => mainStep(p).kind === 'vae')!;
    expect(kinds(vae)).toEqual(['vae']);
  });
});

describe('immersion', () => {
  it('a job seeker with no experience gets a PMSMP immersion step first', () => {
    const ps = run(candidate({ status: 'demandeur_emploi', experience: [] }), { target: 'J1501' });
    expect(ps.length).toBeGreaterThan(0);
    for (const p of ps) {
      expect(p.steps[0].kind).toBe('immersion');
      expect(p.steps[0].funding.find((f) => f.code === 'PMSMP')).toMatchObject({ applies: true });
    }
  });

  it('a candidate with sector experience gets none', () => {
    const ps = run(candidate({ status: 'demandeur_emploi', experience: [{ rome: 'K1302', months: 4 }] }), { target: 'J1501' });
    expect(ps.every((p) => !kinds(p).includes('immersion'))).toBe(true);
  });
});

describe('VAE', () => {
  it('24 months as agent de soins / FFAS (J1501 experience) opens a VAE DEAS option', () => {
    const ps = run(candidate({ experience: [{ rome: 'J1501', months: 24 }] }), { target: 'J1501' });
    const vae = ps.find((p) => mainStep(p).kind === 'vae')!;
    expect(vae).toBeDefined();
    const step = mainStep(vae);
    expect(step.code).toBe('vae:DEAS');
    const notes = step.notes.join(' ');
    expect(notes).toContain('24 mois');
    expect(notes).toContain('une année d’expérience reste recommandée');
    expect(notes).toContain('architecte accompagnateur de parcours');
    // The DEAS VAE wording is [U] (REFERENCE.md §2.1).
    expect(step.verified).toBe(false);
  });

  it('no related experience, no VAE', () => {
    const ps = run(candidate({ experience: [{ rome: 'K1304', months: 24 }] }), { target: 'J1501' });
    expect(ps.some((p) => mainStep(p).kind === 'vae')).toBe(false);
  });
});

describe('verified propagation', () => {
  it('a step relying only on verified facts is verified; one using an unverified bridge is not', () => {
    // A salaried candidate: CPF/PTP/Pro-A are verified schemes; DEAS hours are [S].
    const c = candidate({ qualifications: [{ code: 'DEAES' }], experience: [{ rome: 'K1301', months: 30 }] });
    const ps = run(c, { target: 'J1501' });
    const full = ps.find((p) => mainStep(p).kind === 'training')!;
    expect(mainStep(full).verified).toBe(true);
    expect(full.verified).toBe(true);
    const partial = ps.find((p) => mainStep(p).kind === 'partial_training')!;
    expect(mainStep(partial).verified).toBe(false);
  });

  it('the driving licence step is unverified: PERMIS_B is [K] in the referential', () => {
    const v = vacancy({ requires: { drivingLicence: true } });
    const ps = run(candidate({ mobility: { modes: ['transit'], maxMinutes: 45, drivingLicence: false, vehicle: false }, experience: [{ rome: 'K1302', months: 12 }] }), { target: v });
    const licence = ps.find((p) => kinds(p).includes('prerequisite'))!;
    expect(licence.steps[0].certification).toBe('PERMIS_B');
    expect(licence.steps[0].verified).toBe(false);
    expect(licence.verified).toBe(false);
  });
});

describe('vacancy targets', () => {
  const transitCandidate = (over = {}) => candidate({
    mobility: { modes: ['transit'], maxMinutes: 45, drivingLicence: false, vehicle: false },
    experience: [{ rome: 'K1302', months: 12 }],
    ...over,
  });

  it('a near miss on the licence gets a PERMIS_B step with CPF and the Agefiph aid limited to the extra cost', () => {
    const v = vacancy({ id: 'v9', requires: { drivingLicence: true } });
    const ps = run(transitCandidate({ categories: ['RQTH'] }), { target: { vacancyId: 'v9', blockers: [{ code: 'driving_licence' }] } }, {
      vacancyById: (id) => (id === 'v9' ? v : undefined),
      eligibleVacancies: (c) => (c.mobility.drivingLicence ? ['v9', 'v10'] : ['v10']),
    });
    expect(ps).toHaveLength(1);
    const [p] = ps;
    expect(kinds(p)).toEqual(['prerequisite']);
    const f = p.steps[0].funding;
    expect(f.find((x) => x.code === 'CPF')).toMatchObject({ applies: true });
    expect(f.find((x) => x.code === 'AGEFIPH_PERMIS')!.reason).toContain('surcoût');
    expect(p.unlocks).toEqual({ count: 2, vacancyIds: ['v10', 'v9'], newCount: 1 });
    expect(p.summary).toContain('permis B');
    expect(p.summary).toContain('dont 1 nouvelle');
  });

  it('a required SST becomes a prerequisite step', () => {
    const v = vacancy({ job: { rome: 'K1302' }, requires: { certifications: ['SST'] } });
    const [p] = run(candidate({ experience: [{ rome: 'K1302', months: 12 }] }), { target: v });
    expect(p.steps.map((s) => s.code)).toEqual(['prerequisite:SST']);
    expect(p.steps[0].estimated).toBe(true);
  });

  it('commute and nights are not lifted by training: the summary says so', () => {
    const v = vacancy({ site: ARGENTAN, schedule: { nights: true, weekends: true, splitShifts: false }, requires: { drivingLicence: true } });
    const c = transitCandidate({ schedule: { nights: false, weekends: true, splitShifts: true, weeklyHoursMin: 20, weeklyHoursMax: 35 } });
    const [p] = run(c, { target: v });
    expect(p.notLifted.map((n) => n.code)).toEqual(['commute', 'nights']);
    expect(p.summary).toContain('hors formation');
    expect(p.unlocks.count).toBe(0);
  });

  it('each pathway owns its objects: changing one leaves the others and the next call as they were', () => {
    // A DEAS post at night: several routes, all with the nights blocker not lifted.
    const v = vacancy({ job: { rome: 'J1501' }, schedule: { nights: true, weekends: true, splitShifts: false } });
    const c = candidate({
      status: 'demandeur_emploi', birthYear: 2004, schedule: { nights: false, weekends: true, splitShifts: true, weeklyHoursMin: 20, weeklyHoursMax: 35 },
    });
    const ps = run(c, { target: v });
    expect(ps.length).toBeGreaterThan(1);
    expect(ps[1].notLifted.map((n) => n.code)).toEqual(['nights']);
    const again = run(c, { target: v });
    ps[0].notLifted[0].message = 'changed';
    ps[0].notLifted.push({ code: 'x', message: 'x' });
    ps[0].steps[0].funding[0].reason = 'changed';
    ps[0].target.label = 'changed';
    expect(ps[1].notLifted).toEqual(again[1].notLifted);
    expect(ps[1].steps[0].funding).toEqual(again[1].steps[0].funding);
    expect(run(c, { target: v })).toEqual(again);
  });

  it('a job seeker, an employer who trains newcomers: a POEI route capped at 450 h that opens the vacancy', () => {
    const v = vacancy({ id: 'v3', job: { rome: 'K1302' }, requires: { certifications: ['TP_ADVF'] }, trainsNewcomers: true });
    const c = candidate({ status: 'demandeur_emploi', experience: [{ rome: 'K1304', months: 6 }] });
    const ps = run(c, { target: v });
    const poei = ps.find((p) => mainStep(p).kind === 'poei')!;
    expect(poei).toBeDefined();
    expect(mainStep(poei).hours).toBeLessThanOrEqual(450);
    expect(mainStep(poei).funding.find((f) => f.code === 'POEI')).toMatchObject({ applies: true });
    expect(poei.unlocks.vacancyIds).toEqual(['v3']);
    expect(poei.cost).toBe(0);
    // A regulated post (DEAS) is never reached through a POEI.
    const as = vacancy({ id: 'v4', job: { rome: 'J1501' }, trainsNewcomers: true });
    expect(run(c, { target: as }).some((p) => mainStep(p).kind === 'poei')).toBe(false);
  });
});

describe('sessions and funding', () => {
  it('uses the next reachable session after the previous step, skipping one out of reach', () => {
    const c = candidate({ frenchLevel: 'B1', experience: [{ rome: 'K1302', months: 12 }] });
    const sessions = [
      session({ id: 'fle', certification: 'FLE_B2', startDate: '2026-12-07', endDate: '2027-01-29', hours: 120 }),
      session({ id: 'far', certification: 'DEAS', site: ARGENTAN, startDate: '2027-02-08', endDate: '2027-12-17' }),
      session({ id: 'early', certification: 'DEAS', startDate: '2027-01-11', endDate: '2027-11-26' }),
      session({ id: 'near', certification: 'DEAS', startDate: '2027-03-01', endDate: '2028-01-28' }),
    ];
    const full = run(c, { target: 'J1501', sessions }).find((p) => mainStep(p).kind === 'training')!;
    expect(full.steps.map((s) => s.sessionId)).toEqual(['fle', 'near']);
    expect(full.steps.every((s) => !s.estimated)).toBe(true);
    expect(full.jobReadyDate).toBe('2028-01-28');
    expect(mainStep(full).commute!.minutes).toBeLessThanOrEqual(45);
  });

  it('an estimated step waits for the catalogue’s next cohort; a VAE does not', () => {
    const c = candidate({ birthYear: 2004, experience: [{ rome: 'J1501', months: 12 }] });
    const sessions = [session({ id: 'sept', certification: 'DEAS', startDate: '2027-09-06', endDate: '2028-07-21', access: ['formation_continue'] })];
    const ps = run(c, { target: 'J1501', sessions });
    const appr = ps.find((p) => mainStep(p).kind === 'apprenticeship')!;
    expect(mainStep(appr).sessionId).toBeUndefined();
    expect(mainStep(appr).startDate).toBe('2027-09-06');
    expect(mainStep(appr).estimated).toBe(true);
    expect(mainStep(ps.find((p) => mainStep(p).kind === 'vae')!).startDate).toBe('2026-12-01');
  });

  it('a salaried candidate pays the CPF participation when CPF is the only way, and what the CPF ceiling leaves; a job seeker no participation', () => {
    const sessions = [session({ id: 's', certification: 'DEAS', funding: ['CPF'] })];
    const employee = run(candidate({ experience: [{ rome: 'K1302', months: 12 }] }), { target: 'J1501', sessions })
      .find((p) => mainStep(p).kind === 'training')!;
    // 770 h at the centre × 12 € (indicative) = 9 240 €, above the €8,000 CPF ceiling of a candidate below niveau 3 (REFERENCE.md §4).
    expect(employee.cost).toBe(102.23 + (770 * 12 - 8000));
    const short = run(candidate({ experience: [{ rome: 'K1302', months: 12 }] }), {
      target: 'K1302', sessions: [session({ id: 't', certification: 'TP_ADVF', hours: 800, funding: ['CPF'] })],
    }).find((p) => mainStep(p).code === 'training:TP_ADVF')!;
    expect(short.cost).toBe(102.23);
    const seeker = run(candidate({ status: 'demandeur_emploi', experience: [{ rome: 'K1302', months: 12 }] }), { target: 'J1501', sessions })
      .find((p) => mainStep(p).kind === 'training')!;
    // Exempt from the participation; the session takes no AIF that could top up the CPF.
    expect(seeker.cost).toBe(770 * 12 - 8000);
  });

  it('with no scheme, AUTOFINANCEMENT carries an indicative cost', () => {
    const sessions = [session({ id: 's', certification: 'DEAS', funding: ['AUTOFINANCEMENT'] })];
    const c = candidate({ status: 'inactif', experience: [{ rome: 'K1302', months: 0 }], qualifications: [] });
    const full = run(c, { target: 'J1501', sessions }).find((p) => mainStep(p).kind === 'training')!;
    const self = mainStep(full).funding.find((f) => f.code === 'AUTOFINANCEMENT')!;
    expect(self.applies).toBe(true);
    expect(self.cost).toBeGreaterThan(0);
    expect(mainStep(full).costEstimated).toBe(true);
    expect(full.cost).toBe(self.cost);
  });
});

describe('no target', () => {
  it('takes the ROME codes with most vacancies in reach, top 3', () => {
    const c = candidate({ experience: [{ rome: 'K1302', months: 12 }] });
    const ps = run(c, {}, { demandByRome: () => [{ rome: 'K1302', count: 3 }, { rome: 'J1501', count: 9 }, { rome: 'J1304', count: 1 }] });
    const romes = new Set(ps.map((p) => p.target.rome));
    expect(romes.has('J1501')).toBe(true);
    expect(ps.every((p) => p.target.kind === 'demand')).toBe(true);
  });

  it('summaries are French sentences naming the date, the cost and the vacancies', () => {
    const c = candidate({ qualifications: [{ code: 'DEAES' }], experience: [{ rome: 'K1301', months: 30 }] });
    const [p] = run(c, { target: 'J1501' }, { eligibleVacancies: (x) => (x.qualifications.some((q) => q.code === 'DEAS') ? ['a', 'b'] : []) });
    expect(p.summary).toMatch(/^Vers le métier .* \(J1501\) : cursus partiel DEAS \(1\u202f435 h\)\. Prêt·e à l’emploi le \d+(er)? \S+ 20\d\d/);
    expect(p.summary).toContain('Ouvre 2 offres à portée');
  });
});
