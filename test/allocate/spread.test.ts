/**
 * spreadRecommendations: caps hold, the lists equal the brute-force b-matching on tiny instances
 * and no single swap improves them on larger ones, metrics follow MODEL.md's definitions.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { spreadRecommendations, gini, type Spread } from '../../src/allocate/spread.js';
import { fromPairs } from '../../src/allocate/graph.js';
import { scaledScore } from '../../src/allocate/min-cost-flow.js';
import { PasserelleInputError } from '../../src/errors.js';
import { instance, scoreOf, type Instance } from './oracles.js';

const caps = fc.record({ perCandidate: fc.integer({ min: 1, max: 3 }), perOpening: fc.integer({ min: 1, max: 3 }) });

const pairsOf = (s: Spread) => s.lists.flatMap((l) => l.vacancyIds.map((vacancyId) => ({ candidateId: l.candidateId, vacancyId })));

function objective(inst: Instance, pairs: { candidateId: string; vacancyId: string }[]): [number, number] {
  const score = scoreOf(inst);
  return [pairs.reduce((s, p) => s + scaledScore(score(p.candidateId, p.vacancyId)), 0), pairs.length];
}

function withinCaps(inst: Instance, pairs: { candidateId: string; vacancyId: string }[], perCandidate: number, perOpening: number): boolean {
  const count = (key: 'candidateId' | 'vacancyId', id: string) => pairs.filter((p) => p[key] === id).length;
  return inst.candidates.every((c) => count('candidateId', c.id) <= perCandidate) &&
    inst.vacancies.every((v) => count('vacancyId', v.id) <= perOpening * v.openings);
}

const better = (a: [number, number], b: [number, number]) => a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);

describe('spreadRecommendations', () => {
  it('equals the brute-force best lists under the caps on tiny instances', () => {
    fc.assert(
      fc.property(instance(4, 3, 2, 12), caps, (inst, { perCandidate, perOpening }) => {
        const s = spreadRecommendations(fromPairs(inst), { perCandidate, perOpening });
        const got = pairsOf(s);
        expect(withinCaps(inst, got, perCandidate, perOpening)).toBe(true);
        let best: [number, number] = [-1, -1];
        for (let mask = 0; mask < 1 << inst.pairs.length; mask++) {
          const set = inst.pairs.filter((_, k) => (mask & (1 << k)) !== 0);
          if (!withinCaps(inst, set, perCandidate, perOpening)) continue;
          const o = objective(inst, set);
          if (better(o, best)) best = o;
        }
        expect(objective(inst, got)).toEqual(best);
      }),
      { numRuns: 200 },
    );
  });

  it('respects the caps and no single swap or addition improves the total on larger instances', () => {
    fc.assert(
      fc.property(instance(25, 8, 2), caps, (inst, { perCandidate, perOpening }) => {
        const s = spreadRecommendations(fromPairs(inst), { perCandidate, perOpening });
        const got = pairsOf(s);
        expect(withinCaps(inst, got, perCandidate, perOpening)).toBe(true);
        const mine = objective(inst, got);
        const key = (p: { candidateId: string; vacancyId: string }) => `${p.candidateId}|${p.vacancyId}`;
        const taken = new Set(got.map(key));
        for (const q of inst.pairs) {
          if (taken.has(key(q))) continue;
          const added = [...got, q];
          if (withinCaps(inst, added, perCandidate, perOpening)) expect(better(objective(inst, added), mine)).toBe(false);
          for (let k = 0; k < got.length; k++) {
            const swapped = [...got.slice(0, k), q, ...got.slice(k + 1)];
            if (withinCaps(inst, swapped, perCandidate, perOpening)) expect(better(objective(inst, swapped), mine)).toBe(false);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('lists every candidate and exposes every vacancy; metrics follow their definitions', () => {
    fc.assert(
      fc.property(instance(12, 6, 3), caps, (inst, { perCandidate, perOpening }) => {
        const s = spreadRecommendations(fromPairs(inst), { perCandidate, perOpening });
        const score = scoreOf(inst);
        expect(s.lists.map((l) => l.candidateId)).toEqual(inst.candidates.map((c) => c.id).sort());
        for (const l of s.lists) {
          const degree = inst.pairs.filter((p) => p.candidateId === l.candidateId).length;
          if (l.vacancyIds.length === 0) expect(l.reason).toBe(degree === 0 ? 'no_eligible_vacancy' : 'outcompeted');
          else expect(l.reason).toBeUndefined();
          // By score, then vacancy id.
          const sorted = [...l.vacancyIds].sort((a, b) => score(l.candidateId, b) - score(l.candidateId, a) || (a < b ? -1 : 1));
          expect(l.vacancyIds).toEqual(sorted);
        }
        expect(s.exposure.map((e) => e.vacancyId)).toEqual(inst.vacancies.map((v) => v.id).sort());
        const definition = (pairs: { candidateId: string; vacancyId: string }[]) => {
          const x = inst.vacancies.map((v) => pairs.filter((p) => p.vacancyId === v.id).length / v.openings);
          const n = x.length;
          const mean = x.reduce((a, b) => a + b, 0) / n;
          let sum = 0;
          for (const a of x) for (const b of x) sum += Math.abs(a - b);
          return {
            coverage: x.filter((y) => y > 0).length / n,
            gini: mean === 0 ? 0 : sum / (2 * n * n * mean),
            meanScore: pairs.length === 0 ? 0 : pairs.reduce((t, p) => t + score(p.candidateId, p.vacancyId), 0) / pairs.length,
            pairs: pairs.length,
          };
        };
        const plain = inst.candidates.flatMap((c) =>
          inst.pairs.filter((p) => p.candidateId === c.id)
            .sort((a, b) => b.score - a.score || (a.vacancyId < b.vacancyId ? -1 : 1))
            .slice(0, perCandidate),
        );
        const close = (m: Spread['metrics']['unconstrained'], d: ReturnType<typeof definition>) => {
          expect(m.coverage).toBeCloseTo(d.coverage, 12);
          expect(m.gini).toBeCloseTo(d.gini, 12);
          expect(m.meanScore).toBeCloseTo(d.meanScore, 9);
          expect(m.pairs).toBe(d.pairs);
        };
        close(s.metrics, definition(pairsOf(s)));
        close(s.metrics.unconstrained, definition(plain));
        for (const e of s.exposure) expect(e.recommended).toBe(pairsOf(s).filter((p) => p.vacancyId === e.vacancyId).length);
      }),
      { numRuns: 150 },
    );
  });

  it('gini: 0 for equal exposure and for none, (n − 1)/n when one vacancy takes everything', () => {
    expect(gini(new Float64Array([2, 2, 2]))).toBe(0);
    expect(gini(new Float64Array([0, 0]))).toBe(0);
    expect(gini(new Float64Array([0, 0, 0, 5]))).toBeCloseTo(0.75, 12);
  });

  it('a popular vacancy is capped and the next candidates go elsewhere', () => {
    const inst: Instance = {
      candidates: ['a', 'b', 'c'].map((id) => ({ id, weeklyHoursMax: 35 })),
      vacancies: [{ id: 'hot', openings: 1, weeklyHours: 35 }, { id: 'rural', openings: 1, weeklyHours: 35 }],
      pairs: [
        { candidateId: 'a', vacancyId: 'hot', score: 90 }, { candidateId: 'b', vacancyId: 'hot', score: 88 },
        { candidateId: 'c', vacancyId: 'hot', score: 86 }, { candidateId: 'c', vacancyId: 'rural', score: 60 },
        { candidateId: 'b', vacancyId: 'rural', score: 55 },
      ],
    };
    const s = spreadRecommendations(fromPairs(inst), { perCandidate: 1, perOpening: 2 });
    expect(s.lists).toEqual([
      { candidateId: 'a', vacancyIds: ['hot'] }, { candidateId: 'b', vacancyIds: ['hot'] }, { candidateId: 'c', vacancyIds: ['rural'] },
    ]);
    expect(s.metrics.coverage).toBe(1);
    expect(s.metrics.unconstrained.coverage).toBe(0.5);
  });

  it('rejects bad options naming the field', () => {
    const batch = fromPairs({ candidates: [], vacancies: [], pairs: [] });
    for (const [options, path] of [[{ perCandidate: 0 }, 'perCandidate'], [{ perOpening: 1.5 }, 'perOpening'], [{ per: 1 }, 'per']] as const) {
      try {
        spreadRecommendations(batch, options as never);
        throw new Error('no error');
      } catch (e) {
        expect(e).toBeInstanceOf(PasserelleInputError);
        expect((e as PasserelleInputError).issues.map((i) => i.path)).toEqual([path]);
      }
    }
    expect(spreadRecommendations(batch).metrics).toEqual({ coverage: 0, gini: 0, meanScore: 0, pairs: 0, unconstrained: { coverage: 0, gini: 0, meanScore: 0, pairs: 0 } });
  });
});
