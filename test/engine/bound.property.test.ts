/**
 * The shortlist scans' bound (src/kernel/kernel.ts ShortlistFilter) and the job bits of the grid
 * items, against the exact kernel on every pair of random territories:
 * - `enteringScore` returns −1 only for a pair that is ineligible or whose shown score stays below
 *   the threshold, and otherwise the kernel's own score to the last bit;
 * - a candidate without a post's job bit among its experience bits (`experienceWords`) has no
 *   experience for the post: no experience points, no rung from experience.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createCore } from '../../src/core/core.js';
import { SLACK, experienceWordsInSteps } from '../../src/kernel/kernel.js';
import { runToEnd } from '../../src/work.js';
import { COMMUTE_SLOPE, QUALIFICATION } from '../../src/scoring/model.js';
import { commuteCap, commuteKm, homeCareSlack } from '../../src/kernel/criteria.js';
import { withinReach } from '../../src/geo/grid.js';
import { candidates, engineOptions, setting, vacancies } from './territory.js';

const territory = fc.record({
  cs: candidates(1, 14),
  vs: vacancies(1, 8),
  setting,
  withoutBonus: fc.boolean(),
  // Thresholds from below every score to above the best: the bound must keep what can enter.
  thresholds: fc.array(fc.double({ min: -10, max: 120, noNaN: true }), { minLength: 1, maxLength: 4 }),
});

describe('shortlist bound', () => {
  it('enteringScore keeps every eligible pair that can reach the threshold, with the exact score', () => {
    let entered = 0;
    let cut = 0;
    fc.assert(
      fc.property(territory, ({ cs, vs, setting: s, withoutBonus, thresholds }) => {
        const core = createCore(engineOptions(s));
        const candidateIndex = core.indexCandidates(cs).index;
        const vacancyIndex = core.indexVacancies(vs).index;
        const kernel = core.kernelFor(candidateIndex.cols, vacancyIndex.cols);
        const filter = kernel.shortlistFilter;
        const c = kernel.c;
        // The scans' largest restMax: every criterion but the commute perfect, the largest bonus.
        const restMax = 100 - kernel.wCommute + kernel.maxBonus + SLACK;
        for (let vi = 0; vi < kernel.v.size; vi++) {
          filter.setVacancy(vi, withoutBonus);
          filter.eligible = null;
          const slack = homeCareSlack(kernel.v.radius[vi]);
          for (let ci = 0; ci < c.size; ci++) {
            const score = kernel.evaluate(ci, vi);
            const eligible = kernel.mask === 0 && withinReach(kernel.distance(ci, vi), c.reach[ci] + slack);
            const shown = Math.min(100, score + (withoutBonus ? 0 : c.bonus[ci]));
            // The scan's commute bounds: none (every commute point), and its cap from the reach at
            // a lower bound of the commute km (the exact one, and half of it).
            const km = commuteKm(kernel.distance(ci, vi), kernel.v.radius[vi]);
            const commuteMaxes = [kernel.wCommute, ...[km, km / 2].map((k) => commuteCap(kernel.wCommute, kernel.wCommute * COMMUTE_SLOPE, k, c.reach[ci]))];
            // At the pair's own shown score it must enter (ties are the heap's to break).
            for (const threshold of [-Infinity, shown, ...thresholds]) for (const commuteMax of commuteMaxes) {
              const got = filter.enteringScore(ci, threshold, restMax, commuteMax);
              if (eligible && shown >= threshold) {
                expect(got).toBe(score);
                entered++;
              } else if (got >= 0) {
                // Kept although it cannot enter: allowed only within the bound's float slack.
                expect(eligible).toBe(true);
                expect(got).toBe(score);
              } else {
                cut++;
              }
            }
          }
        }
      }),
      { numRuns: 60 },
    );
    expect(entered).toBeGreaterThan(0);
    expect(cut).toBeGreaterThan(0);
  });

  it('a candidate without the post job bit among its experience bits has no experience for the post', () => {
    let without = 0;
    fc.assert(
      fc.property(territory, ({ cs, vs, setting: s }) => {
        const core = createCore(engineOptions(s));
        const candidateIndex = core.indexCandidates(cs).index;
        const vacancyIndex = core.indexVacancies(vs).index;
        const kernel = core.kernelFor(candidateIndex.cols, vacancyIndex.cols);
        const words = runToEnd(experienceWordsInSteps(kernel.c, kernel.related, kernel.romeCount, kernel.jobBit));
        for (let vi = 0; vi < kernel.v.size; vi++) {
          const rome = kernel.v.rome[vi];
          if (rome < 0) continue;
          for (let ci = 0; ci < kernel.c.size; ci++) {
            if ((words[ci] & kernel.jobBit[rome]) !== 0) continue;
            without++;
            expect(kernel.experience(ci, vi)).toBe(0);
            expect(kernel.exactMonths).toBe(0);
            kernel.evaluate(ci, vi);
            expect(kernel.values[1]).toBe(0);
            // The rung is a certificate's, or none: never one from experience.
            expect([QUALIFICATION.experienceWithoutDiploma, QUALIFICATION.someExperienceWithoutDiploma]).not.toContain(kernel.values[0]);
          }
        }
      }),
      { numRuns: 60 },
    );
    expect(without).toBeGreaterThan(0);
  });
});
