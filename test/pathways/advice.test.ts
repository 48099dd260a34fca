/**
 * Scenario tests of issue 11 ("advice an advisor can trust"), written from REFERENCE.md §2–§5
 * before the fixes: rules decided at the date they apply, routes that fit the person, honest costs
 * and dates. Each case names the rule it checks.
 */
import { describe, expect, it } from 'vitest';
import { recommendPathways } from '../../src/pathways/index.js';
import { defaultReferential } from '../../src/referential/index.js';
import type { Candidate } from '../../src/schema/candidate.js';
import type { Pathway, PathwayOptions, PathwayStep } from '../../src/pathways/index.js';
import { TODAY, candidate, vacancy } from './fixtures.js';
import { differenceInCalendarDays, parseISO } from 'date-fns';

const run = (c: Candidate, o: Partial<PathwayOptions> = {}): Pathway[] =>
  recommendPathways(c, { today: TODAY, limit: 50, ...o }, { referential: defaultReferential });
const mainStep = (p: Pathway): PathwayStep => p.steps[p.steps.length - 1];
const routes = (ps: Pathway[]): string[] => ps.map((p) => mainStep(p).code);
const ALTERNANCE = new Set(['apprenticeship', 'professionalisation']);

describe('rules decided at the step’s start (REFERENCE.md §4)', () => {
  // Born 1996, French A2: the B2 course (REFERENCE.md §2: B2 to enter the DEAS) pushes the DEAS into 2027, when she is 30 or 31.
  const refugee = candidate({ birthYear: 1996, frenchLevel: 'A2', status: 'demandeur_emploi', categories: ['BPI'] });

  it('no apprenticeship once the age limit (29 révolus) is passed at the contract’s start', () => {
    const ps = run(refugee, { target: 'J1501' });
    expect(ps.length).toBeGreaterThan(0);
    expect(routes(ps)).not.toContain('apprenticeship:DEAS');
  });

  it('a work-study route never costs the trainee', () => {
    for (const c of [refugee, candidate({ birthYear: 2000, frenchLevel: 'A2' }), candidate({ birthYear: 1985 })]) {
      for (const p of run(c, { target: 'J1501' })) {
        for (const s of p.steps) if (ALTERNANCE.has(s.kind)) expect(s.cost, `${s.code} of ${c.birthYear}`).toBe(0);
      }
    }
  });

  it('a contrat de professionnalisation is not offered to an employee who is past 25 when it starts', () => {
    // Born 2000: 26 or 27 in 2027, when the DEAS starts after the French course; an employee, no RSA/ASS/AAH.
    const ps = run(candidate({ birthYear: 2000, frenchLevel: 'A2', status: 'salarie' }), { target: 'J1501' });
    expect(routes(ps)).not.toContain('professionalisation:DEAS');
  });

  it('an RQTH whose decision ends before the contract starts no longer lifts the apprenticeship age limit', () => {
    const base = { birthYear: 1980, frenchLevel: 'A2' as const, status: 'demandeur_emploi' as const };
    const open = run(candidate({ ...base, categories: ['RQTH'] }), { target: 'J1501' });
    expect(routes(open)).toContain('apprenticeship:DEAS');
    const lasting = run(candidate({ ...base, categories: [{ code: 'RQTH', until: '2030-12-31' }] }), { target: 'J1501' });
    expect(routes(lasting)).toContain('apprenticeship:DEAS');
    // Ends on 31 Dec 2026, before the DEAS starts in 2027.
    const ended = run(candidate({ ...base, categories: [{ code: 'RQTH', until: '2026-12-31' }] }), { target: 'J1501' });
    expect(routes(ended)).not.toContain('apprenticeship:DEAS');
  });

  it('a status that has ended by the step’s start opens nothing; one not yet begun neither', () => {
    // RSA opens the contrat pro at any age (REFERENCE.md §4); a 46-year-old without status otherwise.
    const base = { birthYear: 1980, frenchLevel: 'A2' as const, status: undefined };
    expect(routes(run(candidate({ ...base, categories: ['RSA'] }), { target: 'J1501' }))).toContain('professionalisation:DEAS');
    const ended = run(candidate({ ...base, categories: [{ code: 'RSA', until: '2026-12-31' }] }), { target: 'J1501' });
    expect(routes(ended)).not.toContain('professionalisation:DEAS');
    const later = run(candidate({ ...base, categories: [{ code: 'RSA', since: '2030-01-01' }] }), { target: 'J1501' });
    expect(routes(later)).not.toContain('professionalisation:DEAS');
  });

  it('the CEJ is decided at each step’s own start', () => {
    // Born 2001: 24–25 in 2026 (within 16–25), 25–26 in 2027 (to check).
    const c = candidate({ birthYear: 2001, frenchLevel: 'native', status: 'demandeur_emploi', availableFrom: '2027-03-01' });
    const immersion = run(c, { target: 'J1501' })[0].steps.find((s) => s.kind === 'immersion')!;
    expect(immersion.startDate >= '2027-03-01').toBe(true);
    const cej = immersion.funding.find((f) => f.code === 'CEJ')!;
    expect(cej.reason).not.toMatch(/âge compatible/);
    expect(cej.reason).toMatch(/âge à vérifier/);
  });
});

describe('routes that fit the person (REFERENCE.md §2, §3)', () => {
  it('a 45-year-old is not offered a three-year school cursus (Bac pro ASSP / SAPAT) when adult routes lead to the job', () => {
    const ps = run(candidate({ birthYear: 1981, status: 'demandeur_emploi', categories: ['RSA'] }), { target: 'K1302' });
    const certs = ps.filter((p) => mainStep(p).kind !== 'vae').map((p) => mainStep(p).certification);
    expect(certs).not.toContain('BAC_PRO_ASSP');
    expect(certs).not.toContain('BAC_PRO_SAPAT');
    expect(certs).toContain('TP_ADVF');
    expect(certs).toContain('DEAES');
  });

  it('a young person may still take the school diploma by apprenticeship', () => {
    const ps = run(candidate({ birthYear: 2009, status: 'etudiant' }), { target: 'K1302' });
    expect(routes(ps)).toContain('apprenticeship:BAC_PRO_ASSP');
  });

  it('an adult toward a post that requires the CAP AEPE gets its adult course (6–9 months, estimated), not the 2-year school cursus', () => {
    const post = vacancy({ job: { rome: 'K1303' }, requires: { certifications: ['CAP_AEPE'] } });
    const adult = run(candidate({ birthYear: 1985, status: 'demandeur_emploi' }), { target: post });
    const course = adult.find((p) => mainStep(p).code === 'training:CAP_AEPE')!;
    const step = mainStep(course);
    expect(step.hours).toBeLessThan(1500);
    expect(step.verified).toBe(false);
    expect(step.estimated).toBe(true);
    const young = run(candidate({ birthYear: 2009, status: 'etudiant' }), { target: post });
    expect(mainStep(young.find((p) => mainStep(p).code === 'training:CAP_AEPE')!).hours).toBeGreaterThan(3000);
  });

  it('PTP without seniority for an RQTH holder rests on a [K] reading: unverified, and still a condition', () => {
    const ps = run(candidate({ status: 'salarie', categories: ['RQTH'], experience: [{ rome: 'K1302', months: 40 }] }), { target: 'J1501' });
    const ptp = mainStep(ps.find((p) => mainStep(p).code === 'training:DEAS')!).funding.find((f) => f.code === 'PTP')!;
    expect(ptp.applies).toBe(true);
    expect(ptp.verified).toBe(false);
    expect(ptp.condition).toBeDefined();
  });

  it('VAE toward a school diploma stays possible for an adult with related experience', () => {
    const ps = run(candidate({ birthYear: 1981, experience: [{ rome: 'K1302', months: 36 }] }), { target: 'K1302' });
    expect(routes(ps)).toContain('vae:BAC_PRO_ASSP');
  });

  it.each([
    ['DEAP', 'J1501', 'DEAS', 1540],
    ['BAC_PRO_ASSP', 'J1501', 'DEAS', 1540],
    ['BAC_PRO_SAPAT', 'J1501', 'DEAS', 1540],
    ['DEAS', 'K1301', 'DEAES', 1407],
  ])('a %s holder toward %s gets a partial %s cursus, estimated and unverified', (held, rome, cert, full) => {
    const ps = run(candidate({ qualifications: [{ code: held }], experience: [{ rome: 'K1302', months: 12 }] }), { target: rome });
    const partial = ps.find((p) => mainStep(p).kind === 'partial_training' && mainStep(p).certification === cert);
    expect(partial, routes(ps).join(' ')).toBeDefined();
    const step = mainStep(partial!);
    expect(step.hours).toBeGreaterThan(0);
    expect(step.hours).toBeLessThan(full);
    expect(step.estimated).toBe(true);
    expect(step.verified).toBe(false);
  });

  it('ASG (140 h) is proposed only to holders of DEAS, DEAMP, DEAVS (or DEAES, unverified)', () => {
    const asgPost = vacancy({ job: { rome: 'K1301' }, requires: { certifications: ['ASG'] } });
    const none = run(candidate({ experience: [{ rome: 'K1302', months: 24 }] }), { target: asgPost });
    expect(none.map((p) => mainStep(p).certification)).not.toContain('ASG');
    const as = run(candidate({ qualifications: [{ code: 'DEAS' }], experience: [{ rome: 'J1501', months: 24 }] }), { target: asgPost });
    expect(as.map((p) => mainStep(p).certification)).toContain('ASG');
    const aes = run(candidate({ qualifications: [{ code: 'DEAES' }], experience: [{ rome: 'K1301', months: 24 }] }), { target: asgPost });
    const asg = aes.find((p) => mainStep(p).certification === 'ASG')!;
    expect(asg.verified).toBe(false);
  });

  it('POEI only for the contracts of décret 2024-561: not a three-month CDD', () => {
    const seeker = candidate({ status: 'demandeur_emploi', experience: [{ rome: 'K1302', months: 24 }] });
    const offer = (contract: object) => vacancy({ trainsNewcomers: true, requires: { certifications: ['TP_ADVF'] }, contract: { weeklyHours: 28, startDate: '2027-01-04', ...contract } as never });
    const short = run(seeker, { target: offer({ type: 'CDD', endDate: '2027-04-03' }) });
    expect(routes(short)).not.toContain('poei:POEI');
    const long = run(seeker, { target: offer({ type: 'CDD', endDate: '2027-09-30' }) });
    expect(routes(long)).toContain('poei:POEI');
    // Registered for over a year (DELD) without a status given: the scheme's public; an employee is not.
    const deld = candidate({ status: undefined, categories: ['DELD'], experience: [{ rome: 'K1302', months: 24 }] });
    expect(routes(run(deld, { target: offer({ type: 'CDI' }) }))).toContain('poei:POEI');
    const employee = candidate({ status: 'salarie', experience: [{ rome: 'K1302', months: 24 }] });
    expect(routes(run(employee, { target: offer({ type: 'CDI' }) }))).not.toContain('poei:POEI');
    const open = run(seeker, { target: offer({ type: 'CDD' }) });
    const poei = open.find((p) => mainStep(p).code === 'poei:POEI')!;
    // Duration unknown: the POEI is listed with its condition.
    expect(poei.costDependsOn.map((d) => d.code)).toContain('POEI');
  });
});

describe('honest costs and dates (REFERENCE.md §2, §4)', () => {
  it('a self-funded price counts centre hours, not placement hours (DEAES: 546 h + 21 h AFGSU 2 of 1 407 h)', () => {
    const ps = run(candidate({ status: 'inactif', experience: [] }), { target: 'K1301' });
    const deaes = ps.find((p) => mainStep(p).code === 'training:DEAES')!;
    const step = mainStep(deaes);
    expect(step.hours).toBe(1407);
    expect(step.cost).toBe((546 + 21) * 12);
    expect(step.costEstimated).toBe(true);
  });

  it('cost counts only the schemes that surely apply; PTP and Pro-A are listed with their condition', () => {
    const ps = run(candidate({ status: 'salarie', experience: [{ rome: 'K1302', months: 40 }] }), { target: 'J1501' });
    const full = ps.find((p) => mainStep(p).code === 'training:DEAS')!;
    expect(full.cost).toBeGreaterThan(0);
    const depends = full.costDependsOn.map((d) => d.code);
    expect(depends).toContain('PTP');
    expect(depends).toContain('PRO_A');
    for (const d of full.costDependsOn) expect(d.condition.length).toBeGreaterThan(0);
    expect(full.summary).toMatch(/dépend/);
  });

  it('a driving licence takes weeks, estimated', () => {
    const c = candidate({ mobility: { modes: ['walk'], maxMinutes: 45, drivingLicence: false, vehicle: false }, experience: [{ rome: 'K1302', months: 12 }] });
    const ps = run(c, { target: vacancy({ requires: { drivingLicence: true } }) });
    const licence = ps[0].steps.find((s) => s.certification === 'PERMIS_B')!;
    expect(differenceInCalendarDays(parseISO(licence.endDate), parseISO(licence.startDate))).toBeGreaterThanOrEqual(56);
    expect(licence.estimated).toBe(true);
  });

  it('a pathway that ends after the vacancy’s start says so, in a field and in its summary', () => {
    const c = candidate({ status: 'demandeur_emploi', experience: [{ rome: 'K1302', months: 12 }] });
    const ps = run(c, { target: vacancy({ requires: { certifications: ['TP_ADVF'] } }) });
    expect(ps.length).toBeGreaterThan(0);
    for (const p of ps) {
      expect(p.afterVacancyStart).toBe(p.jobReadyDate > '2027-01-04');
      if (p.afterVacancyStart) expect(p.summary).toContain('après le début du contrat');
    }
    expect(ps.some((p) => p.afterVacancyStart)).toBe(true);
    // A job target has no vacancy start to miss.
    for (const p of run(c, { target: 'K1302' })) expect(p.afterVacancyStart).toBe(false);
  });

  it('a proof older than the category’s window is a point to check, never a change of route', () => {
    const base = { birthYear: 1980, frenchLevel: 'A2' as const, status: 'demandeur_emploi' as const };
    const fresh = run(candidate({ ...base, categories: [{ code: 'RQTH', provenOn: '2026-10-01' }] }), { target: 'J1501' });
    const old = run(candidate({ ...base, categories: [{ code: 'RQTH', provenOn: '2023-01-15' }] }), { target: 'J1501' });
    expect(old.map((p) => p.steps.map((s) => s.code))).toEqual(fresh.map((p) => p.steps.map((s) => s.code)));
    expect(old.map((p) => p.cost)).toEqual(fresh.map((p) => p.cost));
    // Admission conditions (the same for both) are points to check too; only the old proof adds one.
    expect(fresh[0].toCheck.map((t) => t.code)).not.toContain('category_proof');
    expect(old[0].toCheck.map((t) => t.code)).toEqual(['category_proof', ...fresh[0].toCheck.map((t) => t.code)]);
    expect(old[0].toCheck[0].message).toMatch(/justificatif .*à renouveler/i);
    expect(old[0].toCheck[0].message).not.toContain('RQTH_');
  });
});

describe('admission conditions the input does not settle (REFERENCE.md §2)', () => {
  it('a pathway entering the DE infirmier names its entry routes (Bac via Parcoursup, or 3 years of contributions) as a point to check', () => {
    const ps = run(candidate({ birthYear: 1969, experience: [] }), { target: 'J1506' });
    const dei = ps.filter((p) => p.steps.some((s) => s.certification === 'DEI' && s.kind === 'training'));
    expect(dei.length).toBeGreaterThan(0);
    for (const p of dei) {
      const admission = p.toCheck.filter((t) => t.code === 'admission');
      expect(admission).toHaveLength(1);
      expect(admission[0].message).toMatch(/^Conditions d’accès au DE d’infirmier à vérifier : Parcoursup, .*3 ans de cotisation/);
    }
  });

  it('is listed once per certification and never drops a route', () => {
    for (const p of run(candidate(), { target: 'J1501' })) {
      const certs = p.toCheck.filter((t) => t.code === 'admission').map((t) => t.message);
      expect(new Set(certs).size).toBe(certs.length);
    }
  });
});
