/**
 * engine.recommendPathways over a vacancy index that changes between calls: the vacancies in
 * reach are put in id order through ranks cached per index, so after add/update/remove the
 * results must equal those over a fresh index of the same final records, unlocked ids sorted and
 * live.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createEngine } from '../../src/engine/engine.js';
import { candidates, engineOptions, setting, vacancies } from './territory.js';
import type { Candidate } from '../../src/schema/index.js';
import type { Pathway } from '../../src/pathways/index.js';

const territory = fc.record({ cs: candidates(1, 6), vs: vacancies(2, 16), setting, cut: fc.nat(), gone: fc.nat() });

describe('engine.recommendPathways on a changing index', () => {
  it('after add, update and remove, equals a fresh index of the final vacancies; unlocked ids sorted and live', () => {
    fc.assert(
      fc.property(territory, ({ cs, vs, setting: s, cut, gone }) => {
        const engine = createEngine(engineOptions(s));
        const k = 1 + (cut % (vs.length - 1));
        const { index } = engine.indexVacancies(vs.slice(0, k));
        // The first calls cache the id ranks of the initial index.
        for (const c of cs) engine.recommendPathways(c, { vacancies: index, limit: 20 });
        for (const v of vs.slice(k)) index.add(v);
        index.update(vs[0]);
        const removed = vs[gone % vs.length].id;
        index.remove(removed);
        const { index: fresh } = engine.indexVacancies(vs.filter((v) => v.id !== removed));
        for (const c of cs) {
          const got = engine.recommendPathways(c, { vacancies: index, limit: 20 });
          expect(got).toEqual(engine.recommendPathways(c, { vacancies: fresh, limit: 20 }));
          for (const p of got) {
            const ids = p.unlocks.vacancyIds;
            expect(ids).toEqual([...ids].sort());
            for (const id of ids) expect(index.get(id)).toBeDefined();
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});

/** The candidate once pathway `p` is done: its certification held, the licence, the French level of its first French step. */
function after(c: Candidate, p: Pathway): Candidate {
  const cert = p.target.certification;
  const french = p.steps.find((s) => s.kind === 'french')?.certification?.slice(4);
  return {
    ...c,
    qualifications: cert ? [...c.qualifications.filter((q) => q.code !== cert), { code: cert }] : c.qualifications,
    mobility: p.steps.some((s) => s.certification === 'PERMIS_B') ? { ...c.mobility, drivingLicence: true } : c.mobility,
    ...(french ? { frenchLevel: french as Candidate['frenchLevel'] } : {}),
  };
}

describe('engine.recommendPathways unlocks', () => {
  it('are exactly the vacancies the candidate is eligible for once the pathway is done (engine.score), newCount those not eligible today', () => {
    fc.assert(
      fc.property(territory, ({ cs, vs, setting: s }) => {
        const engine = createEngine(engineOptions(s));
        const { index } = engine.indexVacancies(vs);
        const eligibleIds = (c: Candidate) => vs.filter((v) => engine.score(c, v).eligible).map((v) => v.id).sort();
        for (const c of cs) {
          const now = eligibleIds(c);
          // Demand targets gain certifications; vacancy targets also the licence and French levels.
          const runs = [undefined, ...vs.slice(0, 3)].map((target) => engine.recommendPathways(c, { target, vacancies: index, limit: 20 }));
          for (const p of runs.flat()) {
            // A POEI opens its own vacancy (the hire), which the engine's eligibility does not model.
            if (p.steps.some((st) => st.kind === 'poei')) continue;
            const expected = eligibleIds(after(c, p));
            expect(p.unlocks.vacancyIds).toEqual(expected);
            expect(p.unlocks.count).toBe(expected.length);
            expect(p.unlocks.newCount).toBe(expected.filter((id) => !now.includes(id)).length);
          }
        }
      }),
      { numRuns: 80 },
    );
  });
});
