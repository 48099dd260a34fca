/**
 * Scenario tests written from REFERENCE.md §4 before the fix: which collective funding a job
 * seeker can count on.
 * - AIF: "only when no collective funding covers the need; project validated by the counsellor
 *   (PPAE)" — never a sure funding: a scheme with a condition, outside `cost`.
 * - PRF / Région: "mainly job seekers… free training places bought collectively" [K]: a place is
 *   free only on a session the Région bought. A session that accepts PRF funds a job seeker (rule
 *   [K]: verified false); without a session nothing says a bought place exists (a condition).
 */
import { describe, expect, it } from 'vitest';
import { recommendPathways } from '../../src/pathways/index.js';
import { defaultReferential } from '../../src/referential/index.js';
import type { Candidate } from '../../src/schema/candidate.js';
import type { Pathway, PathwayOptions, PathwayStep } from '../../src/pathways/index.js';
import { TODAY, candidate, session } from './fixtures.js';

const run = (c: Candidate, o: Partial<PathwayOptions> = {}): Pathway[] =>
  recommendPathways(c, { today: TODAY, limit: 50, ...o }, { referential: defaultReferential });
const mainStep = (p: Pathway): PathwayStep => p.steps[p.steps.length - 1];
const training = (ps: Pathway[]): Pathway => ps.find((p) => mainStep(p).code === 'training:DEAS')!;
const decision = (p: Pathway, code: string) => mainStep(p).funding.find((f) => f.code === code)!;
// A job seeker who never worked: no CPF rights, so only PRF or AIF could pay.
const seeker = candidate({ status: 'demandeur_emploi', experience: [] });

describe('AIF is granted only when no collective funding covers the need (REFERENCE.md §4)', () => {
  it('a session taking AIF but not PRF: AIF listed with its condition, the cost does not count on it', () => {
    const p = training(run(seeker, { target: 'J1501', sessions: [session({ id: 's', certification: 'DEAS', funding: ['AIF'] })] }));
    const aif = decision(p, 'AIF');
    expect(aif.applies).toBe(true);
    expect(aif.condition).toMatch(/aucun financement collectif/);
    expect(aif.condition).toMatch(/PPAE/);
    expect(p.cost).toBeGreaterThan(0);
    expect(p.costDependsOn.map((d) => d.code)).toContain('AIF');
    expect(p.summary).toMatch(/dépend encore de financements à vérifier : AIF/);
  });

  it('a session the Région funds (PRF): AIF does not apply, the collective funding covers the need', () => {
    const p = training(run(seeker, { target: 'J1501', sessions: [session({ id: 's', certification: 'DEAS', funding: ['PRF', 'AIF'] })] }));
    expect(decision(p, 'AIF').applies).toBe(false);
    expect(p.costDependsOn.map((d) => d.code)).not.toContain('AIF');
  });
});

describe('PRF: free places the Région bought (REFERENCE.md §4 [K])', () => {
  it('a session that accepts PRF funds a job seeker: no cost, marked unverified ([K])', () => {
    const p = training(run(seeker, { target: 'J1501', sessions: [session({ id: 's', certification: 'DEAS', funding: ['PRF'] })] }));
    const prf = decision(p, 'PRF');
    expect(prf.applies).toBe(true);
    expect(prf.condition).toBeUndefined();
    expect(prf.verified).toBe(false);
    expect(p.cost).toBe(0);
    expect(p.verified).toBe(false);
  });

  it('without a session, neither PRF nor AIF is counted: the price remains, both listed as to check', () => {
    const p = training(run(seeker, { target: 'J1501' }));
    expect(mainStep(p).estimated).toBe(true);
    expect(decision(p, 'PRF').condition).toMatch(/Région/);
    expect(p.cost).toBeGreaterThan(0);
    expect(p.costDependsOn.map((d) => d.code)).toEqual(expect.arrayContaining(['PRF', 'AIF']));
    expect(p.summary).toMatch(/Le reste à charge dépend encore de financements à vérifier/);
  });

  it('an employee is not a PRF public, even on a Région session', () => {
    const p = training(run(candidate({ status: 'salarie', experience: [] }), {
      target: 'J1501', sessions: [session({ id: 's', certification: 'DEAS', funding: ['PRF'] })],
    }));
    expect(decision(p, 'PRF').applies).toBe(false);
  });
});

describe('a scheme still to check is listed only where it could change something', () => {
  it('a job seeker whose CPF already covers the price: no cost left, nothing listed as depending on PRF or AIF', () => {
    // TP ADVF: 550 h at the centre × 12 € = 6 600 €, under the 8 000 € CPF ceiling below niveau 3; a job seeker pays no participation.
    const c = candidate({ status: 'demandeur_emploi', experience: [{ rome: 'K1302', months: 12 }] });
    const p = run(c, { target: 'K1302' }).find((x) => mainStep(x).code === 'training:TP_ADVF')!;
    expect(p.cost).toBe(0);
    expect(p.costDependsOn).toEqual([]);
    expect(p.summary).not.toMatch(/dépend encore/);
    // Conditions stay readable on the step's decisions.
    expect(decision(p, 'AIF').condition).toBeDefined();
  });
});
