/**
 * Candidate and vacancy indexes: nothing lost at validation, add/update/remove by id, and results
 * after incremental changes equal to a fresh index of the same final records (also once the
 * overflow list has forced a grid rebuild).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createEngine, type Engine } from '../../src/engine/engine.js';
import type { CandidateIndex, CandidateStore, VacancyIndex } from '../../src/core/indexes.js';
import { createCore } from '../../src/core/core.js';
import { PasserelleInputError } from '../../src/errors.js';
import type { Candidate, Vacancy } from '../../src/schema/index.js';
import { candidate, candidates, engineOptions, setting, vacancies } from './territory.js';
import { F_ANY_CERT, F_EXPECTED_EMPTY } from '../../src/encode/flags.js';
import type { Grid } from '../../src/geo/grid.js';

/** Records the validation must reject, each for a different reason. */
const invalidCandidate = (c: Candidate): unknown[] => [
  null,
  42,
  {},
  { ...c, id: `${c.id}x1`, mobility: { ...c.mobility, maxMinutes: -5 } },
  { ...c, id: `${c.id}x2`, qualifications: [{ code: 'NOT_A_CERT' }] },
  { ...c, id: `${c.id}x3`, home: { lat: 'north', lon: 4.9 } },
];

function expectSameTops(engine: Engine, a: CandidateIndex, b: CandidateIndex, vs: readonly Vacancy[]) {
  const opts = { limit: 8, nearMisses: 4 };
  for (const v of vs) expect(engine.topCandidates(v, a, opts)).toEqual(engine.topCandidates(v, b, opts));
}
function expectSameVacancyTops(engine: Engine, a: VacancyIndex, b: VacancyIndex, cs: readonly Candidate[]) {
  const opts = { limit: 8, nearMisses: 4 };
  for (const c of cs) expect(engine.topVacancies(c, a, opts)).toEqual(engine.topVacancies(c, b, opts));
}
async function expectSameBatch(engine: Engine, a: CandidateIndex, b: CandidateIndex, vi: VacancyIndex) {
  const x = await engine.matchAll(a, vi, { perVacancy: 6, perCandidate: 3 });
  const y = await engine.matchAll(b, vi, { perVacancy: 6, perCandidate: 3 });
  expect([...x.matches]).toEqual([...y.matches]);
  expect(x.unmatchedCandidates).toEqual(y.unmatchedCandidates);
  expect(x.unmatchedVacancies).toEqual(y.unmatchedVacancies);
}

/** An operation on a candidate index: add a new record, update one by id, remove one. */
type Op = { kind: 'add'; record: Candidate } | { kind: 'update'; pick: number; record: Candidate } | { kind: 'remove'; pick: number };
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), record: candidate }),
  fc.record({ kind: fc.constant('update' as const), pick: fc.nat(), record: candidate }),
  fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
);

/** Applies ops to the index and to a plain map of the records it should hold. */
function apply(index: CandidateIndex, live: Map<string, Candidate>, ops: Op[]): void {
  for (const o of ops) {
    if (o.kind === 'add') {
      if (live.has(o.record.id)) continue;
      index.add(o.record);
      live.set(o.record.id, o.record);
    } else {
      const ids = [...live.keys()];
      if (ids.length === 0) continue;
      const id = ids[o.pick % ids.length];
      if (o.kind === 'remove') {
        expect(index.remove(id)).toBe(true);
        live.delete(id);
      } else {
        const record = { ...o.record, id };
        index.update(record);
        live.set(id, record);
      }
    }
  }
}

describe('indexes', () => {
  it('every input record is either indexed or rejected with its position and issues', () => {
    fc.assert(
      fc.property(candidates(1, 20), fc.array(fc.tuple(fc.nat(), fc.nat(5)), { maxLength: 6 }), fc.nat(), (cs, inserts, dup) => {
        const engine = createEngine({ today: '2026-01-15' });
        const records: unknown[] = [...cs];
        const bad = new Set<unknown>();
        for (const [at, which] of inserts) {
          const r = invalidCandidate(cs[at % cs.length])[which];
          bad.add(r);
          records.splice(at % (records.length + 1), 0, r);
        }
        const duplicate = { ...cs[dup % cs.length] };
        records.push(duplicate);
        const { index, rejected } = engine.indexCandidates(records);
        expect(index.size + rejected.length).toBe(records.length);
        expect(index.size).toBe(cs.length);
        for (const c of cs) expect(index.get(c.id)).toEqual(c);
        const rejectedAt = rejected.map((r) => r.index);
        expect(rejectedAt).toEqual([...rejectedAt].sort((a, b) => a - b));
        for (const r of rejected) {
          expect(r.issues.length).toBeGreaterThan(0);
          for (const i of r.issues) expect(typeof i.code === 'string' && typeof i.path === 'string' && typeof i.message === 'string').toBe(true);
          expect(bad.has(records[r.index]) || records[r.index] === duplicate).toBe(true);
        }
        expect(rejected.find((r) => r.index === records.length - 1)?.issues.map((i) => i.code)).toEqual(['duplicate_id']);
      }),
      { numRuns: 40 },
    );
  });

  it('add, update and remove by id; misuse throws PasserelleInputError', () => {
    fc.assert(
      fc.property(candidates(3, 15), vacancies(1, 6), (cs, vs) => {
        const engine = createEngine({ today: '2026-01-15' });
        const { index } = engine.indexCandidates(cs.slice(1));
        const opts = { limit: cs.length, nearMisses: cs.length };
        // add of an existing id, update of an unknown id
        expect(() => index.add(cs[1])).toThrow(PasserelleInputError);
        try { index.add(cs[1]); } catch (e) { expect((e as PasserelleInputError).issues.map((i) => i.code)).toEqual(['duplicate_id']); }
        expect(() => index.update(cs[0])).toThrow(PasserelleInputError);
        try { index.update(cs[0]); } catch (e) { expect((e as PasserelleInputError).issues.map((i) => i.code)).toEqual(['unknown_id']); }
        expect(() => index.add({ ...cs[0], contracts: 'CDI' })).toThrow(PasserelleInputError);
        expect(index.size).toBe(cs.length - 1);
        expect(index.remove(cs[0].id)).toBe(false);

        index.add(cs[0]);
        expect(index.size).toBe(cs.length);
        expect(index.get(cs[0].id)).toEqual(cs[0]);

        // remove drops the candidate from every list
        const gone = cs[1].id;
        expect(index.remove(gone)).toBe(true);
        expect(index.size).toBe(cs.length - 1);
        expect(index.get(gone)).toBeUndefined();
        for (const v of vs) {
          const top = engine.topCandidates(v, index, opts);
          expect([...top.matches, ...top.nearMisses].some((m) => m.candidateId === gone)).toBe(false);
        }

        // update changes results: without a work authorisation the candidate is eligible nowhere
        const target = cs[2];
        const refusing = { ...target, workAuthorized: false };
        index.update(refusing);
        expect(index.size).toBe(cs.length - 1);
        expect(index.get(target.id)).toEqual(refusing);
        for (const v of vs) {
          const top = engine.topCandidates(v, index, opts);
          expect(top.matches.some((m) => m.candidateId === target.id)).toBe(false);
        }
        // and back: results are those of the original record
        index.update(target);
        for (const v of vs) {
          const now = engine.topCandidates(v, index, opts).matches.filter((m) => m.candidateId === target.id);
          const expected = engine.score(target, v);
          expect(now).toEqual(expected.eligible ? [expected] : []);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('a batch gives the ids, records, columns and grid of the same records added one by one', () => {
    fc.assert(
      fc.property(candidates(0, 60), setting, (cs, s) => {
        const core = createCore(engineOptions(s));
        const batch = core.indexCandidates(cs).index;
        const one = core.indexCandidates([]).index;
        for (const c of cs) one.add(c);
        const a = batch.grid().grid;
        const b = one.grid().grid;
        expect(a.toParts()).toEqual(b.toParts());
        expect(batch.ids).toEqual(one.ids);
        expect(batch.records).toEqual(one.records);
        const cols = (x: CandidateStore) => Object.fromEntries(Object.entries(x.cols).map(([k, v]) =>
          [k, ArrayBuffer.isView(v) ? [...(v as Float64Array).subarray(0, k.startsWith('exp') ? x.cols.expUsed : k.startsWith('wish') ? x.cols.wishUsed : ['held', 'partial', 'training', 'equivalent', 'bridge'].includes(k) ? x.size * x.cols.certWords : k === 'skills' ? x.size * x.cols.skillWords : x.size)] : v]));
        expect(cols(batch)).toEqual(cols(one));
        for (const c of cs) expect(batch.slot(c.id)).toBe(one.slot(c.id));
      }),
      { numRuns: 60 },
    );
  });

  it('incremental add/update/remove gives the results of a fresh index of the final records', async () => {
    await fc.assert(
      fc.asyncProperty(candidates(0, 20), vacancies(1, 8), fc.array(op, { maxLength: 30 }), fc.array(op, { maxLength: 30 }), setting,
        async (cs, vs, early, late, s) => {
          const engine = createEngine(engineOptions(s));
          const index = engine.indexCandidates(cs).index;
          const live = new Map(cs.map((c) => [c.id, c]));
          apply(index, live, early);
          // A query builds the grid; later changes go through the overflow list and tombstones.
          engine.topCandidates(vs[0], index);
          apply(index, live, late);
          const fresh = engine.indexCandidates([...live.values()]).index;
          expect(index.size).toBe(live.size);
          expectSameTops(engine, index, fresh, vs);
          await expectSameBatch(engine, index, fresh, engine.indexVacancies(vs).index);
        }),
      { numRuns: 30 },
    );
  });

  it('after more than 256 additions (a grid rebuild) results still equal a fresh index', async () => {
    await fc.assert(
      fc.asyncProperty(candidates(280, 320), vacancies(1, 6), fc.nat(), async (cs, vs, cut) => {
        const engine = createEngine({ today: '2026-01-15' });
        const first = cs.slice(0, 1 + (cut % 20));
        const index = engine.indexCandidates(first).index;
        engine.topCandidates(vs[0], index);
        // At least 260 additions: past the overflow limit of 256, the next query rebuilds the grid.
        for (const c of cs.slice(first.length)) index.add(c);
        for (let k = 0; k < cs.length; k += 7) index.remove(cs[k].id);
        const kept = cs.filter((_, k) => k % 7 !== 0);
        const fresh = engine.indexCandidates(kept).index;
        expectSameTops(engine, index, fresh, vs);
        await expectSameBatch(engine, index, fresh, engine.indexVacancies(vs).index);
      }),
      { numRuns: 4 },
    );
  });

  it('vacancy index: incremental changes give the results of a fresh index, with and without a grid rebuild', () => {
    fc.assert(
      fc.property(vacancies(1, 12), fc.oneof(vacancies(0, 12), vacancies(257, 290)), candidates(1, 8), (vs, more, cs) => {
        const engine = createEngine({ today: '2026-01-15' });
        const index = engine.indexVacancies(vs).index;
        engine.topVacancies(cs[0], index);
        const live = new Map(vs.map((v) => [v.id, v]));
        for (const v of more) {
          if (live.has(v.id)) {
            index.update(v);
          } else index.add(v);
          live.set(v.id, v);
        }
        let k = 0;
        for (const id of [...live.keys()]) if (k++ % 5 === 0) { index.remove(id); live.delete(id); }
        expect(index.size).toBe(live.size);
        expectSameVacancyTops(engine, index, engine.indexVacancies([...live.values()]).index, cs);
      }),
      { numRuns: 12 },
    );
  });

  it('liveSlotsById lists the live ids in `a < b` order after removals, updates and a renumbering', () => {
    fc.assert(
      fc.property(candidates(0, 40), fc.integer({ min: 0, max: 6 }), fc.boolean(), (cs, removed, renumber) => {
        // Ids beyond ASCII too (accents, surrogate pairs), where code points and units could differ.
        const prefixes = ['é', '\u{1F600}', 'Z', 'a', '\uFFFD'];
        const records = cs.map((c, i) => ({ ...c, id: `${prefixes[i % prefixes.length]}${c.id}` }));
        const index = createCore({ today: '2026-11-23' }).indexCandidates(records).index;
        for (const r of records.slice(0, removed)) index.remove(r.id);
        if (records.length > removed) index.update(records[removed]);
        if (renumber) index.grid();
        const live = records.slice(removed).map((r) => r.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        expect(Array.from(index.liveSlotsById(), (s) => index.ids[s])).toEqual(live);
      }),
      { numRuns: 60 },
    );
  });

  it('a grid built in steps over records changed meanwhile is built again over them, the index consistent', () => {
    fc.assert(
      fc.property(candidates(2, 30), fc.integer({ min: 1, max: 6 }), fc.boolean(), (cs, pauses, removeOne) => {
        const core = createCore({ today: '2026-11-23' });
        const index = core.indexCandidates(cs.slice(1)).index;
        const steps = index.gridInSteps();
        for (let k = 0; k < pauses; k++) steps.next();
        // A change while the grid is being built: the grid built so far must not be installed.
        if (removeOne) index.remove(cs[1].id);
        else index.add(cs[0]);
        let step = steps.next();
        while (step.done !== true) step = steps.next();
        const { grid, overflow } = step.value;
        const live = removeOne ? cs.slice(2) : cs;
        expect(overflow).toEqual([]);
        expect(grid.items.length).toBe(live.length);
        // Each id's slot holds its own record and its own coordinates, in the grid's order.
        for (const c of live) {
          const slot = index.slot(c.id);
          expect(index.ids[slot]).toBe(c.id);
          expect(index.cols.lat[slot]).toBe(index.get(c.id)!.home.lat);
        }
        expect(Array.from(grid.items)).toEqual(live.map((_, k) => k));
      }),
      { numRuns: 40 },
    );
  });

  it("a shortlist grid's tiers hold its holders of what the post expects, then the near holders, each once in grid order", () => {
    fc.assert(
      fc.property(candidates(0, 40), vacancies(1, 6), (cs, vs) => {
        const core = createCore({ today: '2026-11-23' });
        const index = core.indexCandidates(cs).index;
        const v = core.indexVacancies(vs).index.cols;
        // The grid first: building it renumbers the columns.
        const { grid } = index.grid();
        const c = index.cols;
        const cw = c.certWords;
        const any = (a: Uint32Array, b: Uint32Array, ci: number, vi: number) => {
          for (let w = 0; w < cw; w++) if (((a[ci * cw + w] | b[ci * cw + w]) & v.expected[vi * cw + w]) !== 0) return true;
          return false;
        };
        for (let vi = 0; vi < v.size; vi++) {
          const shortlistGrid = index.gridFor(v, vi, false);
          // One union per group, or (past the unions' memory budget) one grid per tier of the group.
          const tiers = shortlistGrid.tiers!;
          const union = (group: readonly (Grid | null)[]) => [...new Set(group.flatMap((g) => (g === null ? [] : Array.from(g.items))))];
          const first = union(tiers.slice(0, shortlistGrid.tierSplit));
          const second = union(tiers.slice(shortlistGrid.tierSplit));
          // Who lacks the post's legal diploma is in neither.
          const inGrid = new Set(shortlistGrid.items);
          const expectedNone = (v.flags[vi] & F_EXPECTED_EMPTY) !== 0;
          const wantFirst: number[] = [];
          const wantSecond: number[] = [];
          // In the grid's own order: by cell, then by reach descending.
          for (const ci of grid.items) {
            if (!inGrid.has(ci)) continue;
            if (expectedNone ? (c.flags[ci] & F_ANY_CERT) !== 0 : any(c.held, c.equivalent, ci, vi)) wantFirst.push(ci);
            if (!expectedNone && any(c.partial, c.bridge, ci, vi)) wantSecond.push(ci);
          }
          const inGridOrder = (items: number[]) => Array.from(grid.items).filter((ci) => items.includes(ci));
          expect(inGridOrder(first)).toEqual(wantFirst);
          expect(inGridOrder(second)).toEqual(wantSecond);
          for (const tier of tiers) {
            if (tier === null) continue;
            // Each in grid order, once, with the candidates' reach.
            expect(Array.from(tier.items)).toEqual(inGridOrder(Array.from(tier.items)));
            for (let k = 0; k < tier.items.length; k++) expect(tier.itemRadius[k]).toBe(c.reach[tier.items[k]]);
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});
