/**
 * The employer audience (MODEL.md "Two audiences"): no Match the engine returns for an employer
 * names a public category or a declared restriction (by code or by label), whichever entry point
 * built it, and none carries the positive-action criterion. The advisor view of the same pairs does
 * name them (RQTH in aids, restriction labels in blockers), so the search below can find them.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createEngine } from '../../src/engine/engine.js';
import { Category, type Candidate } from '../../src/schema/index.js';
import type { Match } from '../../src/scoring/types.js';
import { parseCandidate } from '../../src/validate/index.js';
import { RESTRICTIONS } from '../scoring/arbitraries.js';
import { candidate, engineOptions, referential, setting, vacancies } from './territory.js';

/** Candidates who always declare categories and restrictions. */
const declaring = fc.tuple(
  candidate,
  fc.uniqueArray(fc.constantFrom(...Category.options), { minLength: 1, maxLength: 4 }),
  fc.uniqueArray(fc.constantFrom(...RESTRICTIONS), { minLength: 1, maxLength: 3 }),
).map(([c, categories, restrictions]) => parseCandidate({ ...c, categories, restrictions }, { referential }));
const crowd = fc.uniqueArray(declaring, { minLength: 1, maxLength: 15, selector: (c) => c.id });

/** Codes as whole tokens (an underscore joins a token, so ASS is not found inside BAC_PRO_ASSP). */
const SECRET = new RegExp(`(?<![A-Za-z0-9_])(${[...Category.options, ...RESTRICTIONS].join('|')})(?![A-Za-z0-9_])`);

/** Restriction labels as the advisor view writes them (lower case), e.g. « pas de port de charges lourdes ». */
const RESTRICTION_LABELS = referential.restrictions.map((r) => r.label.toLowerCase());

function expectDiscreet(m: Match, c: Candidate): void {
  const json = JSON.stringify(m);
  expect(json.match(SECRET)?.[0] ?? null, `${m.candidateId} × ${m.vacancyId}`).toBeNull();
  const lower = json.toLowerCase();
  expect(RESTRICTION_LABELS.filter((label) => lower.includes(label))).toEqual([]);
  expect(m.criteria.some((k) => k.code === 'positive_action')).toBe(false);
  expect(m.audience).toBe('employer');
  expect(c.categories?.length).toBeGreaterThan(0);
}

describe('employer audience', () => {
  it('score, topCandidates, topVacancies and matchAll explain never reveal categories or restrictions', async () => {
    await fc.assert(
      fc.asyncProperty(crowd, vacancies(1, 10), setting, async (cs, vs, s) => {
        const engine = createEngine(engineOptions(s));
        const employer = { audience: 'employer' as const };
        const byId = new Map(cs.map((c) => [c.id, c]));
        const ci = engine.indexCandidates(cs).index;
        const vi = engine.indexVacancies(vs).index;
        const batch = await engine.matchAll(ci, vi);
        for (const c of cs) {
          for (const v of vs) {
            expectDiscreet(engine.score(c, v, employer), c);
            expectDiscreet(batch.explain(c.id, v.id, employer), c);
          }
          const top = engine.topVacancies(c, vi, { ...employer, nearMisses: 5 });
          for (const m of [...top.matches, ...top.nearMisses]) expectDiscreet(m, c);
        }
        for (const v of vs) {
          const top = engine.topCandidates(v, ci, { ...employer, nearMisses: 5 });
          for (const m of [...top.matches, ...top.nearMisses]) expectDiscreet(m, byId.get(m.candidateId)!);
        }
      }),
      { numRuns: 15 },
    );
  });

  it('an engine whose default audience is employer behaves the same', () => {
    fc.assert(
      fc.property(crowd, vacancies(1, 6), (cs, vs) => {
        const engine = createEngine({ today: '2026-01-15', audience: 'employer', positiveAction: { RQTH: 5, QPV: 3 } });
        for (const c of cs) for (const v of vs) expectDiscreet(engine.score(c, v), c);
      }),
      { numRuns: 15 },
    );
  });

  it('control: the advisor view of such pairs does name them, so the searches above can find them', () => {
    const engine = createEngine({ today: '2026-01-15' });
    let codes = 0;
    let labels = 0;
    for (const [cs, vs] of fc.sample(fc.tuple(crowd, vacancies(1, 10)), { numRuns: 20, seed: 11 })) {
      for (const c of cs) {
        for (const v of vs) {
          const json = JSON.stringify(engine.score(c, v));
          if (SECRET.test(json)) codes++;
          if (RESTRICTION_LABELS.some((label) => json.toLowerCase().includes(label))) labels++;
        }
      }
    }
    expect(codes).toBeGreaterThan(0);
    expect(labels).toBeGreaterThan(0);
  });
});
