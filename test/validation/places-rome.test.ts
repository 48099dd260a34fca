/**
 * Places by INSEE commune code, and ROME 4.0 codes and appellations (MODEL.md Place, romeVersion,
 * job.appellation): both validation paths (the fast one and zod's) give the same verdict, the
 * validated record carries lat/lon and v3 fiches, and scores are those of the plain v3 record
 * placed by coordinates.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import { communePosition } from '../../src/geo/communes.js';
import { rome4Fiches } from '../../src/referential/rome/index.js';
import { resolveJobTitle } from '../../src/referential/resolve.js';
import { defaultReferential } from '../../src/referential/index.js';
import type { Candidate, Vacancy } from '../../src/schema/index.js';
import { setFastPath } from '../../src/validate/fast.js';
import { checkRecord } from '../../src/validate/parse.js';
import type { RecordKind } from '../../src/errors.js';
import { loadCommunes } from '../../bench/geo/index.js';
import { candidates, TODAY, vacancies } from '../engine/territory.js';
import { candidate as baseCandidate, vacancy as baseVacancy } from '../explain/fixtures.js';

afterEach(() => {
  setFastPath(true);
});

/** The verdict of one path: the value, or the issues as [code, path]. */
function verdict(kind: RecordKind, input: unknown, fast: boolean) {
  setFastPath(fast);
  const r = checkRecord(kind, input, defaultReferential);
  setFastPath(true);
  return r.ok ? { value: r.value } : { issues: r.issues.map((i) => [i.code, i.path]), messages: r.issues.map((i) => i.message) };
}

/** Both paths agree (the fast one may leave a record to zod, never differ from it). */
function both(kind: RecordKind, input: unknown) {
  const slow = verdict(kind, input, false);
  const fast = verdict(kind, JSON.parse(JSON.stringify(input)), true);
  expect(fast.value ?? fast.issues).toEqual(slow.value ?? slow.issues);
  return slow;
}

const ORNE = loadCommunes().filter((c) => c.departement === '61');
const ENGINE = createEngine({ today: TODAY });
const v3Input = (c: Candidate) => JSON.parse(JSON.stringify(c)) as Record<string, unknown>;

describe('the commune table', () => {
  it('holds every commune of bench/geo/communes.tsv at its position, Corsica included', () => {
    const all = loadCommunes();
    expect(all).toHaveLength(34_875);
    for (const c of all) expect(communePosition(c.code)).toEqual({ lat: c.lat, lon: c.lon });
    expect(communePosition('2A004')).toEqual({ lat: 41.9189, lon: 8.7381 });
    expect(communePosition('2B033')).toEqual({ lat: 42.7022, lon: 9.4512 });
    // No département 20: 20004 is not Ajaccio's 2A004.
    for (const code of ['20004', '99999', '2C004', '6100', 'K1302']) expect(communePosition(code)).toBeUndefined();
  });
});

describe('places by commune code', () => {
  it('a record placed by its commune code alone scores as one placed at that commune by lat/lon', () => {
    const pick = fc.integer({ min: 0, max: ORNE.length - 1 });
    fc.assert(
      fc.property(candidates(1, 6), vacancies(1, 4), fc.array(pick, { minLength: 10, maxLength: 10 }), (cs, vs, at) => {
        const place = (i: number, byCode: boolean) => {
          const c = ORNE[at[i % at.length]];
          return byCode ? { communeCode: c.code } : { lat: c.lat, lon: c.lon };
        };
        const score = (byCode: boolean) =>
          cs.flatMap((c, i) =>
            vs.map((v, j) => ENGINE.score({ ...c, home: place(i, byCode) }, { ...v, site: place(j + 5, byCode) })),
          );
        expect(score(true)).toEqual(score(false));
      }),
      { numRuns: 25, seed: 16 },
    );
  });

  it('the validated place carries the commune position; given coordinates win', () => {
    expect(both('candidate', { ...v3Input(baseCandidate()), home: { communeCode: '2A004' } }).value).toMatchObject({
      home: { communeCode: '2A004', lat: 41.9189, lon: 8.7381 },
    });
    expect(both('vacancy', { ...baseVacancy(), site: { communeCode: '2B033', lat: 42.7, lon: 9.45 } }).value).toMatchObject({
      site: { communeCode: '2B033', lat: 42.7, lon: 9.45 },
    });
  });

  it('an unknown commune code is an issue naming the field in both paths, with or without coordinates', () => {
    for (const home of [{ communeCode: '99999' }, { communeCode: '20004', lat: 41.9, lon: 8.7 }, { communeCode: '2A999' }]) {
      const r = both('candidate', { ...v3Input(baseCandidate()), home });
      expect(r.issues).toEqual([['unknown_code', 'home.communeCode']]);
      expect(r.messages![0]).toContain(`« ${home.communeCode} »`);
    }
    expect(both('vacancy', { ...baseVacancy(), site: { communeCode: '00000' } }).issues).toEqual([['unknown_code', 'site.communeCode']]);
  });

  it('no position at all, or lat without lon, is a missing field', () => {
    expect(both('candidate', { ...v3Input(baseCandidate()), home: { label: 'x' } }).issues).toEqual([['required', 'home.lat']]);
    expect(both('candidate', { ...v3Input(baseCandidate()), home: { lat: 48.4, communeCode: '61001' } }).issues).toEqual([
      ['required', 'home.lon'],
    ]);
  });
});

/** The ROME 4.0 codes whose v3 parent is `rome`. */
const children = (rome: string) => [...rome4Fiches().values()].filter((f) => f.parent === rome).map((f) => f.code);

describe('ROME 4.0 codes', () => {
  it('a v4 candidate scores as the same candidate with the v3 parents of its codes', () => {
    fc.assert(
      fc.property(candidates(1, 4), vacancies(1, 4), fc.nat(), (cs, vs, k) => {
        for (const c of cs) {
          const child = (rome: string) => { const list = children(rome); return list[k % list.length]; };
          const v4 = { ...v3Input(c), romeVersion: 'v4', desiredJobs: c.desiredJobs.map(child), experience: c.experience.map((e) => ({ ...e, rome: child(e.rome) })) };
          const validated = both('candidate', v4).value as Candidate;
          expect(validated.desiredJobs).toEqual(c.desiredJobs);
          expect(validated.romeVersion).toBe('v3');
          for (const v of vs) expect(ENGINE.score(v4, v)).toEqual(ENGINE.score(c, v));
        }
      }),
      { numRuns: 25, seed: 4 },
    );
  });

  it('a v4 vacancy scores as its v3 parent fiche and echoes its code in job.rome4', () => {
    const c = baseCandidate({ desiredJobs: ['K1302'] });
    for (const [rome4, rome3] of [['K1311', 'K1302'], ['K1306', 'K1302'], ['J1510', 'J1506']]) {
      const v4 = baseVacancy({ job: { rome: rome4, romeVersion: 'v4' } });
      expect(both('vacancy', v4).value).toMatchObject({ job: { rome: rome3, romeVersion: 'v3', rome4 } });
      expect(ENGINE.score(c, v4)).toEqual(ENGINE.score(c, baseVacancy({ job: { rome: rome3 } })));
    }
  });

  it('K1311, K1306, J1510 under v3 (the default) are unknown codes that say they are ROME 4.0 codes', () => {
    for (const rome of ['K1311', 'K1306', 'J1510']) {
      const r = both('vacancy', { ...baseVacancy(), job: { rome } });
      expect(r.issues).toEqual([['unknown_code', 'job.rome']]);
      expect(r.messages![0]).toMatch(/code ROME 4\.0 \(.+\), à envoyer avec romeVersion « v4 »/);
    }
    const c = both('candidate', { ...v3Input(baseCandidate()), desiredJobs: ['K1311'], experience: [{ rome: 'J1510', months: 3 }] });
    expect(c.issues).toEqual([['unknown_code', 'desiredJobs[0]'], ['unknown_code', 'experience[0].rome']]);
    // Under v4, a code that is not a ROME 4.0 code.
    expect(both('candidate', { ...v3Input(baseCandidate()), romeVersion: 'v4', desiredJobs: ['K1399'] }).issues).toEqual([
      ['unknown_code', 'desiredJobs[0]'],
    ]);
  });

  it("an appellation decides the v3 fiche by its own, even where its ROME 4.0 fiche's parent differs (10856)", () => {
    const expected = { rome: 'K1301', rome4: 'K1306', appellation: '10856', romeVersion: 'v3' };
    for (const job of [{ appellation: '10856' }, { rome: 'K1301', appellation: '10856' }, { rome: 'K1306', romeVersion: 'v4', appellation: '10856' }]) {
      const v = both('vacancy', { ...baseVacancy(), job }).value as Vacancy;
      expect(v.job).toEqual(expected);
      // The validated record validates again to itself.
      expect(both('vacancy', v).value).toEqual(v);
    }
    const c = baseCandidate({ desiredJobs: ['K1301'] });
    expect(ENGINE.score(c, { ...baseVacancy(), job: { rome: 'K1306', romeVersion: 'v4', appellation: '10856' } })).toEqual(
      ENGINE.score(c, { ...baseVacancy(), job: { rome: 'K1301' } }),
    );
  });

  it('job.rome and job.appellation that disagree in the stated version, or an unknown appellation, are issues', () => {
    const disagree = both('vacancy', { ...baseVacancy(), job: { rome: 'K1302', appellation: '10856' } });
    expect(disagree.issues).toEqual([['contradictory', 'job.appellation']]);
    expect(disagree.messages![0]).toContain('K1301');
    // In v4, K1302 is "Assistant de vie dépendance", not 10856's K1306.
    expect(both('vacancy', { ...baseVacancy(), job: { rome: 'K1302', romeVersion: 'v4', appellation: '10856' } }).issues).toEqual([
      ['contradictory', 'job.appellation'],
    ]);
    expect(both('vacancy', { ...baseVacancy(), job: { appellation: '1' } }).issues).toEqual([['unknown_code', 'job.appellation']]);
    expect(both('vacancy', { ...baseVacancy(), job: { rome: 'K1302', rome4: 'J1510' } }).issues).toEqual([['contradictory', 'job.rome4']]);
    expect(both('vacancy', { ...baseVacancy(), job: { title: 'x' } }).issues).toEqual([['required', 'job.rome']]);
  });
});

describe('resolveJobTitle and ROME 4.0', () => {
  it('returns the ROME 4.0 code and the appellation when it knows them, the v3 fiche as before', () => {
    expect(resolveJobTitle('assistant de vie aux familles')).toMatchObject({ rome: 'K1302', romeVersion: 'v3', appellation: '11255', rome4: 'K1311' });
    expect(resolveJobTitle('Aide médico-psychologique')).toMatchObject({ rome: 'K1301', appellation: '10856', rome4: 'K1306' });
    // K1302 splits into four ROME 4.0 fiches: no appellation, no ROME 4.0 code.
    const advf = resolveJobTitle('ADVF');
    expect(advf).toMatchObject({ rome: 'K1302' });
    expect(advf).not.toHaveProperty('rome4');
  });
});
