/**
 * The unmatched accounting (src/batch/account.ts) gives exactly what the pair-by-pair scans give
 * (bench/account-oracle.ts): the same matched marks and the same blocker counts, for candidates and
 * for vacancies, including records added after the grids were built (overflow) and removed ones.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createCore } from '../../src/core/core.js';
import { accountCandidates, accountCandidatesInto, accountVacancies, accountVacanciesInto, vacanciesInGridOrder } from '../../src/batch/account.js';
import { runToEnd } from '../../src/work.js';
import { COUNT_COLUMNS } from '../../src/batch/shard.js';
import { accountCandidatesPairwise, accountVacanciesPairwise } from '../../bench/account-oracle.js';
import { generateTerritory } from '../../bench/workload.js';
import type { Candidate, Vacancy } from '../../src/schema/index.js';
import { candidate, engineOptions, setting, vacancy, wideCandidate, wideVacancy, type Setting } from '../engine/territory.js';
import { uniqueById } from '../scoring/arbitraries.js';

/** Both accountings of every live record; `late` records are added after the grids were built, `gone` ids removed. */
function bothWays(cs: readonly unknown[], vs: readonly unknown[], s: Setting | null, late: { cs: unknown[]; vs: unknown[] }, gone: string[], cut = 0.5) {
  const engine = createCore(s === null ? { today: '2026-11-23' } : engineOptions(s));
  const candidates = engine.indexCandidates(cs as unknown[]).index;
  const vacancies = engine.indexVacancies(vs as unknown[]).index;
  candidates.grid();
  vacancies.grid();
  candidates.nearGrid();
  for (const c of late.cs) candidates.add(c);
  for (const v of late.vs) vacancies.add(v);
  for (const id of gone) { candidates.remove(id); vacancies.remove(id); }
  const { overflow } = candidates.grid();
  const { grid: vGrid, overflow: vOverflow } = vacancies.grid();
  const nearGrid = candidates.nearGrid();
  const kernel = engine.kernelFor(candidates.cols, vacancies.cols);
  const cSlots = candidates.liveSlotsById();
  const vSlots = vacancies.liveSlotsById();
  const out = { counted: 0, matched: 0 };
  for (const countBlockers of [true, false]) {
    const fast = accountCandidates(kernel, vGrid, vOverflow, cSlots, countBlockers);
    const slow = accountCandidatesPairwise(kernel, vGrid, vOverflow, cSlots, countBlockers);
    expect(Array.from(fast.matched)).toEqual(Array.from(slow.matched));
    expect(Array.from(fast.counts)).toEqual(Array.from(slow.counts));
    // In two chunks, as a batch that yields between them calls it.
    const matched = new Uint8Array(cSlots.length);
    const counts = new Int32Array(cSlots.length * COUNT_COLUMNS);
    const byPosition = runToEnd(vacanciesInGridOrder(kernel, vGrid));
    const mid = Math.floor(cSlots.length * cut);
    accountCandidatesInto(kernel, byPosition, vGrid, vOverflow, cSlots, mid, cSlots.length, countBlockers, matched, counts);
    accountCandidatesInto(kernel, byPosition, vGrid, vOverflow, cSlots, 0, mid, countBlockers, matched, counts);
    expect(Array.from(matched)).toEqual(Array.from(slow.matched));
    expect(Array.from(counts)).toEqual(Array.from(slow.counts));
    out.matched = slow.matched.reduce((a, b) => a + b, 0);
    if (countBlockers) out.counted = slow.counts.reduce((a, b) => a + b, 0);
  }
  const fastV = accountVacancies(kernel, nearGrid, overflow, vSlots);
  const slowV = accountVacanciesPairwise(kernel, nearGrid, overflow, vSlots, candidates.ids);
  expect(fastV.length).toBe(vSlots.length * COUNT_COLUMNS);
  expect(Array.from(fastV)).toEqual(Array.from(slowV));
  const chunked = new Int32Array(vSlots.length * COUNT_COLUMNS);
  const mid = Math.floor(vSlots.length * cut);
  accountVacanciesInto(kernel, nearGrid, overflow, vSlots, mid, vSlots.length, chunked);
  accountVacanciesInto(kernel, nearGrid, overflow, vSlots, 0, mid, chunked);
  expect(Array.from(chunked)).toEqual(Array.from(slowV));
  return out;
}

const someCandidates = uniqueById(fc.oneof(candidate, wideCandidate), 0, 40);
const someVacancies = uniqueById(fc.oneof(vacancy, wideVacancy), 0, 25);
const lateRecords = <T extends { id: string }>(arb: fc.Arbitrary<T>) => fc.array(arb, { maxLength: 4 });

describe('unmatched accounting', () => {
  it('equals the pair-by-pair scans on random territories, with late and removed records', () => {
    fc.assert(
      fc.property(
        someCandidates, someVacancies, setting, lateRecords(candidate), lateRecords(vacancy), fc.integer({ min: 0, max: 5 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (cs: Candidate[], vs: Vacancy[], s, lateCs, lateVs, removed, cut) => {
          // Late records get ids of their own, so that add never meets an id already indexed.
          const late = {
            cs: lateCs.map((c, i) => ({ ...c, id: `late-c${i}` })),
            vs: lateVs.map((v, i) => ({ ...v, id: `late-v${i}` })),
          };
          const gone = [...cs.slice(0, removed), ...vs.slice(0, removed)].map((r) => r.id);
          bothWays(cs, vs, s, late, gone, cut);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('equals the pair-by-pair scans on seeded département draws, where counts are many', () => {
    let counted = 0;
    let matched = 0;
    for (const [seed, mobility] of [[1, 'usual'], [2, 'car45'], [3, 'usual']] as const) {
      const t = generateTerritory({ seed, scope: { departement: '61' }, candidates: 1500, vacancies: 150, sessions: 0, mobility });
      const r = bothWays(t.candidates, t.vacancies, null, { cs: [], vs: [] }, []);
      counted += r.counted;
      matched += r.matched;
    }
    // The draws exercise both outcomes: candidates matched, and blockers counted for the others.
    expect(matched).toBeGreaterThan(0);
    expect(counted).toBeGreaterThan(0);
  });
});
