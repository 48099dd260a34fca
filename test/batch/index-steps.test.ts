/**
 * Raw arrays validated and indexed in steps (matchAll's 'index' phase): wherever the steps are
 * cut, the rejections (duplicates across steps included) and the index are those of one pass.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createCore } from '../../src/core/core.js';
import { DEFAULT_TODAY, generateTerritory } from '../../bench/workload.js';

const t = generateTerritory({ seed: 9, scope: { departement: '61' }, candidates: 60, vacancies: 20, sessions: 0 });
const engine = createCore({ today: DEFAULT_TODAY });

/** The batch with some records made invalid and some ids repeated (valid or not). */
const batch = fc.tuple(
  fc.array(fc.nat(59), { maxLength: 10 }),
  fc.array(fc.tuple(fc.nat(59), fc.nat(59)), { maxLength: 10 }),
).map(([broken, copies]) => {
  const records: unknown[] = t.candidates.map((c) => ({ ...c }));
  for (const i of broken) records[i] = { ...(records[i] as object), birthYear: 'old' };
  for (const [from, to] of copies) records[to] = { ...(records[to] as object), id: (records[from] as { id: string }).id };
  return records;
});
const cuts = fc.uniqueArray(fc.integer({ min: 1, max: 59 }), { maxLength: 8 }).map((xs) => [...xs].sort((a, b) => a - b));

describe('insertInSteps', () => {
  it('gives the rejections and index of insertBatch, wherever the steps are cut', () => {
    fc.assert(
      fc.property(batch, cuts, (records, at) => {
        const whole = engine.indexCandidates(records);
        const { index } = engine.indexCandidates([]);
        const steps = index.insertInSteps(records, index.referential);
        const bounds = [0, ...at, steps.length];
        for (let i = 1; i < bounds.length; i++) steps.step(bounds[i - 1], bounds[i]);
        expect(steps.rejected).toEqual(whole.rejected);
        const live = (i: typeof index) => Array.from(i.liveSlotsById(), (slot) => [i.ids[slot], i.records[slot]]);
        expect(live(index)).toEqual(live(whole.index));
      }),
      { numRuns: 60 },
    );
  });
});
