/**
 * batch.evaluate: explain's verdict without its sentences. For random territories, settings
 * (positive action on or off) and both audiences, every pair's evaluate equals what explain says of
 * it — eligibility, score to the last bit, blocker codes in order — also after the indexes change;
 * its arguments are checked like explain's.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createEngine } from '../../src/engine/engine.js';
import type { BatchResult } from '../../src/batch/matchAll.js';
import { PasserelleInputError } from '../../src/errors.js';
import { candidate, candidates, engineOptions, setting, vacancies } from './territory.js';

const territory = fc.record({ cs: candidates(1, 12), vs: vacancies(1, 8), setting, audience: fc.constantFrom('advisor' as const, 'employer' as const) });

/** What explain says of a pair, in evaluate's shape. */
function verdictOfExplain(batch: BatchResult, c: string, v: string) {
  const m = batch.explain(c, v);
  return { eligible: m.eligible, score: m.score, blockers: m.blockers.map((b) => b.code) };
}

function issuesOf(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(PasserelleInputError);
    return (e as PasserelleInputError).issues.map((i) => `${i.code}@${i.path}`);
  }
  return [];
}

describe('batch.evaluate', () => {
  it('agrees exactly with explain on every pair, in the batch audience, with or without positive action', async () => {
    let eligible = 0;
    let blocked = 0;
    let bonus = 0;
    await fc.assert(
      fc.asyncProperty(territory, async ({ cs, vs, setting: s, audience }) => {
        const engine = createEngine(engineOptions(s));
        const batch = await engine.matchAll(engine.indexCandidates(cs).index, engine.indexVacancies(vs).index, { perVacancy: 3, audience });
        for (const c of cs) {
          for (const v of vs) {
            const verdict = batch.evaluate(c.id, v.id);
            const explained = verdictOfExplain(batch, c.id, v.id);
            expect(verdict).toStrictEqual(explained);
            if (verdict.eligible) eligible++;
            else blocked++;
            if (audience === 'advisor' && batch.explain(c.id, v.id).criteria.some((k) => k.code === 'positive_action' && k.points > 0)) bonus++;
          }
        }
      }),
      { numRuns: 40 },
    );
    // Not vacuous: eligible pairs, blocked ones, and advisor scores carrying a bonus all occur.
    expect(eligible).toBeGreaterThan(0);
    expect(blocked).toBeGreaterThan(0);
    expect(bonus).toBeGreaterThan(0);
  });

  it('reads the indexes as they are now: an updated record is evaluated afresh, a removed one is unknown', async () => {
    await fc.assert(
      fc.asyncProperty(candidates(2, 8), vacancies(1, 5), candidate, setting, async (cs, vs, other, s) => {
        const engine = createEngine(engineOptions(s));
        const ci = engine.indexCandidates(cs).index;
        const batch = await engine.matchAll(ci, engine.indexVacancies(vs).index, { perVacancy: 2 });
        ci.update({ ...other, id: cs[0].id });
        ci.remove(cs[1].id);
        for (const v of vs) {
          expect(batch.evaluate(cs[0].id, v.id)).toStrictEqual(verdictOfExplain(batch, cs[0].id, v.id));
          expect(issuesOf(() => batch.evaluate(cs[1].id, v.id))).toEqual(['unknown_id@candidateId']);
          for (const c of cs.slice(2)) expect(batch.evaluate(c.id, v.id)).toStrictEqual(verdictOfExplain(batch, c.id, v.id));
        }
      }),
      { numRuns: 25 },
    );
  });

  it('checks its arguments like explain', async () => {
    const engine = createEngine(engineOptions({ weights: undefined, positiveAction: undefined }));
    const [cs, vs] = fc.sample(fc.tuple(candidates(1, 2), vacancies(1, 2)), { numRuns: 1, seed: 3 })[0];
    const batch = await engine.matchAll(cs, vs, {});
    const c = cs[0].id;
    const v = vs[0].id;
    for (const [a, b] of [['nobody', v], [c, 'nothing'], [42, v], [c, null]] as [unknown, unknown][]) {
      const ours = issuesOf(() => batch.evaluate(a as string, b as string));
      expect(ours.length).toBeGreaterThan(0);
      expect(ours).toEqual(issuesOf(() => batch.explain(a as string, b as string)));
    }
    expect(issuesOf(() => batch.evaluate('nobody', v))).toEqual(['unknown_id@candidateId']);
    expect(issuesOf(() => batch.evaluate(c, 'nothing'))).toEqual(['unknown_id@vacancyId']);
  });
});
