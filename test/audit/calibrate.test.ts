/**
 * calibrateWeights: recovers known weights from outcomes drawn from them; on outcomes that carry
 * no signal it says so (AUC ≈ 0.5, log-loss ≈ the base rate's, coefficients ≈ 0); invalid
 * outcomes rejected with their issues; weights accepted by createEngine; deterministic.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { calibrateWeights } from '../../src/audit/index.js';
import { auc } from '../../src/audit/calibrate.js';
import { createEngine } from '../../src/engine/engine.js';
import { CRITERION_CODES, DEFAULT_WEIGHTS, type Weights } from '../../src/scoring/model.js';
import { PasserelleInputError } from '../../src/errors.js';
import { mulberry32 } from '../../bench/rng.js';

const TRUE_WEIGHTS: Weights = { qualification: 35, experience: 10, commute: 25, hours: 0, start_date: 5, wishes: 15, skills: 10 };

/** Outcomes whose log-odds of a hire are −5 + 0.1 × (the score the weights give): from 0.7 % to 99.3 %. */
function outcomes(n: number, weights: Weights | null, seed: number) {
  const rng = mulberry32(seed);
  return Array.from({ length: n }, (_, i) => {
    const criteria = Object.fromEntries(CRITERION_CODES.map((c) => [c, rng()])) as Weights;
    const score = weights === null ? 50 : CRITERION_CODES.reduce((s, c) => s + weights[c] * criteria[c], 0);
    const hired = rng() < 1 / (1 + Math.exp(-(-5 + 0.1 * score)));
    return { candidateId: `c${i}`, vacancyId: `v${i % 97}`, criteria: { ...criteria, positive_action: 0.5 }, hired };
  });
}

describe('calibrateWeights', () => {
  it('recovers the weights outcomes were drawn from, each within 2 points (20 000 outcomes)', () => {
    const r = calibrateWeights(outcomes(20_000, TRUE_WEIGHTS, 11));
    for (const c of CRITERION_CODES) expect(Math.abs(r.weights[c] - TRUE_WEIGHTS[c])).toBeLessThan(2);
    expect(CRITERION_CODES.reduce((s, c) => s + r.weights[c], 0)).toBeCloseTo(100, 9);
    expect(r.fit).toMatchObject({ n: 20_000, converged: true });
    expect(r.fit.auc).toBeGreaterThan(0.75);
    expect(r.fit.logLoss).toBeLessThan(r.fit.nullLogLoss - 0.1);
    // Coefficients per unit of criterion value: 0.1 × weight, with the intercept near −5.
    expect(r.coefficients.qualification).toBeCloseTo(3.5, 0);
    expect(r.coefficients.intercept).toBeCloseTo(-5, 0);
    expect(r.label).toBe('hired');
  });

  it('outcomes that carry no signal: AUC ≈ 0.5, no gain over the base rate, coefficients ≈ 0 (weights are noise)', () => {
    const r = calibrateWeights(outcomes(20_000, null, 12));
    expect(Math.abs(r.fit.auc - 0.5)).toBeLessThan(0.03);
    expect(r.fit.pseudoR2).toBeLessThan(0.002);
    const mass = CRITERION_CODES.reduce((s, c) => s + r.coefficients[c], 0);
    expect(mass).toBeLessThan(0.3); // against 10 for the outcomes above
    // Still a valid weight set; what it says is noise, which fit.pseudoR2 and fit.auc tell.
    expect(CRITERION_CODES.reduce((s, c) => s + r.weights[c], 0)).toBeCloseTo(100, 9);
  });

  it('returns weights createEngine accepts, non-negative, one per criterion', () => {
    const { weights } = calibrateWeights(outcomes(3_000, DEFAULT_WEIGHTS, 13));
    expect(Object.keys(weights).sort()).toEqual([...CRITERION_CODES].sort());
    for (const c of CRITERION_CODES) expect(weights[c]).toBeGreaterThanOrEqual(0);
    const engine = createEngine({ weights });
    for (const c of CRITERION_CODES) expect(engine.options.weights[c]).toBeCloseTo(weights[c], 9);
  });

  it('a criterion that lowers the odds gets weight 0, not a negative one', () => {
    const rng = mulberry32(5);
    const data = Array.from({ length: 5_000 }, (_, i) => {
      const criteria = Object.fromEntries(CRITERION_CODES.map((c) => [c, rng()])) as Weights;
      const hired = rng() < 1 / (1 + Math.exp(-(4 * criteria.qualification - 3 * criteria.hours)));
      return { candidateId: `c${i}`, vacancyId: 'v', criteria, hired };
    });
    const r = calibrateWeights(data);
    expect(r.weights.hours).toBe(0);
    expect(r.coefficients.hours).toBe(0);
    expect(r.weights.qualification).toBeGreaterThan(80);
  });

  it('rejects invalid outcomes with their issues and fits the rest; label retained6m', () => {
    const ok = outcomes(400, DEFAULT_WEIGHTS, 14).map((o, i) => ({ ...o, retained6m: o.hired && i % 3 !== 0 }));
    const bad: unknown[] = [
      { ...ok[0], criteria: { ...ok[0].criteria, skills: 1.5 } },
      { ...ok[0], criteria: { qualification: 1 } },
      { ...ok[0], hired: 'yes' },
      { ...ok[0], categories: ['RQTH'] },
      { ...ok[0], hired: false, retained6m: true },
      { ...ok[0], hired: true, retained6m: undefined },
    ];
    const r = calibrateWeights([...bad, ...ok], { label: 'retained6m' });
    expect(r.fit.n).toBe(400);
    expect(r.label).toBe('retained6m');
    expect(r.rejected.map((x) => [x.index, x.id, x.issues[0].path, x.issues[0].code])).toEqual([
      [0, 'c0', 'criteria.skills', 'too_big'],
      [1, 'c0', 'criteria.experience', 'required'],
      [2, 'c0', 'hired', 'invalid_type'],
      [3, 'c0', 'categories', 'unrecognized_keys'],
      [4, 'c0', 'retained6m', 'contradictory'],
      [5, 'c0', 'retained6m', 'required'],
    ]);
    // With label hired, a hire without its 6-month outcome is fine.
    expect(calibrateWeights([bad[5], ...ok]).rejected).toEqual([]);
  });

  it('is deterministic, and the same for any order of the outcomes up to rounding', () => {
    const data = outcomes(2_000, TRUE_WEIGHTS, 15);
    expect(calibrateWeights(data)).toEqual(calibrateWeights(data));
    const reversed = calibrateWeights([...data].reverse());
    for (const c of CRITERION_CODES) expect(Math.abs(reversed.weights[c] - calibrateWeights(data).weights[c])).toBeLessThanOrEqual(0.02);
  });

  it('bad options, a log with one class only, or not an array: PasserelleInputError', () => {
    const err = (f: () => unknown) => { try { f(); } catch (e) { return e as PasserelleInputError; } throw new Error('no error'); };
    expect(err(() => calibrateWeights([], { label: 'fired' as never })).issues[0]).toMatchObject({ path: 'label', code: 'invalid_value' });
    expect(err(() => calibrateWeights(outcomes(50, DEFAULT_WEIGHTS, 1).map((o) => ({ ...o, hired: false })))).issues[0]).toMatchObject({ path: 'outcomes' });
    expect(err(() => calibrateWeights({} as never)).issues[0]).toMatchObject({ path: 'outcomes', code: 'not_an_array' });
  });

  it('auc equals the pairwise definition (ties count half)', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.boolean()), { minLength: 2, maxLength: 30 }), (pairs) => {
      const pos = pairs.filter((p) => p[1]), neg = pairs.filter((p) => !p[1]);
      fc.pre(pos.length > 0 && neg.length > 0);
      let wins = 0;
      for (const p of pos) for (const q of neg) wins += p[0] > q[0] ? 1 : p[0] === q[0] ? 0.5 : 0;
      const got = auc(Float64Array.from(pairs, (p) => p[0]), Uint8Array.from(pairs, (p) => (p[1] ? 1 : 0)));
      expect(got).toBeCloseTo(wins / (pos.length * neg.length), 12);
    }));
  });
});
