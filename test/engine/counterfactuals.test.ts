/**
 * engine.counterfactuals: each single change lists exactly the vacancies whose blockers it alone
 * removes (checked pair by pair with engine.score); gained = number of ids; sorted by gained then code.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createEngine } from '../../src/engine/engine.js';
import { COMMUTE_EXTRA_MINUTES } from '../../src/scoring/model.js';
import { parseCandidate, parseVacancy } from '../../src/validate/index.js';
import type { Candidate } from '../../src/schema/index.js';
import { candidate, referential, TODAY, vacancies } from './territory.js';

/** A single change of the candidate, by its counterfactual code, and whether it applies. */
const CHANGES: { code: string; applies: (c: Candidate) => boolean }[] = [
  { code: 'driving_licence', applies: (c) => !c.mobility.drivingLicence },
  { code: 'vehicle', applies: (c) => !c.mobility.vehicle },
  { code: 'nights', applies: (c) => !c.schedule.nights },
  { code: 'weekends', applies: (c) => !c.schedule.weekends },
  { code: 'split_shifts', applies: (c) => !c.schedule.splitShifts },
];

/** Candidates that lack a licence and, often, other capabilities, so changes have something to gain. */
const lacking = fc.tuple(candidate, fc.boolean(), fc.boolean(), fc.boolean()).map(([c, vehicle, nights, weekends]) =>
  parseCandidate({
    ...c,
    mobility: { ...c.mobility, drivingLicence: false, vehicle: vehicle && c.mobility.vehicle },
    schedule: { ...c.schedule, nights: nights && c.schedule.nights, weekends: weekends && c.schedule.weekends },
  }, { referential }),
);

/** Vacancies of which every other one requires a licence (the generator asks for one rarely). */
const licensed = vacancies(1, 20).map((vs) =>
  vs.map((v, i) => (i % 2 === 0 ? parseVacancy({ ...v, requires: { ...v.requires, drivingLicence: true } }, { referential }) : v)),
);

describe('counterfactuals', () => {
  it('a simple change lists exactly the vacancies whose only blocker it is', () => {
    fc.assert(
      fc.property(lacking, licensed, (c, vs) => {
        const engine = createEngine({ today: TODAY });
        const result = engine.counterfactuals(c, engine.indexVacancies(vs).index);
        const byCode = new Map(result.map((r) => [r.change.code, r]));
        const blockers = new Map(vs.map((v) => [v.id, engine.score(c, v).blockers.map((b) => b.code)]));
        for (const change of CHANGES) {
          if (!change.applies(c)) {
            expect(byCode.has(change.code)).toBe(false);
            continue;
          }
          const expected = vs.filter((v) => {
            const b = blockers.get(v.id)!;
            return b.length === 1 && b[0] === change.code;
          }).map((v) => v.id).sort();
          expect(byCode.get(change.code)?.vacancyIds, change.code).toEqual(expected);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('commute_15 lists the vacancies blocked by the commute only and reachable with 15 more minutes', () => {
    fc.assert(
      fc.property(candidate, vacancies(1, 20), (c, vs) => {
        const engine = createEngine({ today: TODAY });
        const result = engine.counterfactuals(c, engine.indexVacancies(vs).index);
        const wider = parseCandidate({ ...c, mobility: { ...c.mobility, maxMinutes: c.mobility.maxMinutes + COMMUTE_EXTRA_MINUTES } }, { referential });
        const expected = vs.filter((v) => {
          const m = engine.score(c, v);
          return m.blockers.length === 1 && m.blockers[0].code === 'commute' && engine.score(wider, v).eligible;
        }).map((v) => v.id).sort();
        expect(result.find((r) => r.change.code === 'commute_15')?.vacancyIds).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('gained is the number of ids, ids are sorted and eligible nowhere now, the list sorted by gained then code', () => {
    fc.assert(
      fc.property(lacking, licensed, (c, vs) => {
        const engine = createEngine({ today: TODAY });
        const result = engine.counterfactuals(c, engine.indexVacancies(vs).index);
        for (let i = 0; i < result.length; i++) {
          const r = result[i];
          expect(r.gained).toBe(r.vacancyIds.length);
          expect(r.vacancyIds).toEqual([...r.vacancyIds].sort());
          expect(new Set(r.vacancyIds).size).toBe(r.vacancyIds.length);
          for (const id of r.vacancyIds) expect(engine.score(c, vs.find((v) => v.id === id)!).eligible).toBe(false);
          expect(typeof r.change.label === 'string' && r.change.label.length > 0).toBe(true);
          if (i > 0) {
            const p = result[i - 1];
            expect(p.gained > r.gained || (p.gained === r.gained && p.change.code < r.change.code)).toBe(true);
          }
        }
        expect(result.map((r) => r.change.code)).toContain('driving_licence');
        expect(result.map((r) => r.change.code)).toContain('commute_15');
      }),
      { numRuns: 60 },
    );
  });
});
