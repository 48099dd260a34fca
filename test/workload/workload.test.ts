import { describe, expect, it } from 'vitest';
import { generateTerritory, WORKLOADS } from '../../bench/workload.js';
import { communesOf, loadCommunes } from '../../bench/geo/index.js';
import { mulberry32, pickWeighted, sample, shuffle, weighted } from '../../bench/rng.js';
import { CandidateSchema, TrainingSessionSchema, VacancySchema } from '../../src/schema/index.js';

const orne = { seed: 3, scope: { departement: '61' }, candidates: 1_500, vacancies: 300, sessions: 60 } as const;

describe('communes', () => {
  it('cover metropolitan France and the DROM, Orne commune by commune', () => {
    const all = loadCommunes();
    expect(all.length).toBeGreaterThan(34_000);
    expect(new Set(all.map((c) => c.departement)).size).toBe(101);
    const o = communesOf('61');
    expect(o.length).toBeGreaterThan(370);
    expect(o.find((c) => c.code === '61001')?.name).toBe('Alençon');
    for (const c of all) expect(c.code).toMatch(/^(\d{5}|2[AB]\d{3})$/);
  });
});

describe('rng', () => {
  it('mulberry32 gives the same sequence for a seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 5 }, () => a());
    expect(xs).toEqual(Array.from({ length: 5 }, () => b()));
    expect(xs[0]).toBe(0.6011037519201636);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  it('pickWeighted follows the weights and never draws a zero weight', () => {
    const rng = mulberry32(1);
    const t = weighted(['a', 'b', 'c'], [1, 0, 3]);
    const n = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 20_000; i++) n[pickWeighted(rng, t) as 'a' | 'b' | 'c']++;
    expect(n.b).toBe(0);
    expect(n.c / n.a).toBeGreaterThan(2.7);
    expect(n.c / n.a).toBeLessThan(3.3);
  });

  it('sample draws distinct items and shuffle keeps them all', () => {
    const rng = mulberry32(9);
    const items = Array.from({ length: 30 }, (_, i) => i);
    for (const k of [1, 3, 7, 20, 30, 40]) {
      const s = sample(rng, items, k);
      expect(s.length).toBe(Math.min(k, 30));
      expect(new Set(s).size).toBe(s.length);
    }
    expect(shuffle(rng, items.slice()).sort((x, y) => x - y)).toEqual(items);
  });
});

describe('generateTerritory', () => {
  it('is deterministic: same options, same JSON; another seed, other records', () => {
    const a = JSON.stringify(generateTerritory(orne));
    const b = JSON.stringify(generateTerritory(orne));
    expect(a).toBe(b);
    const c = generateTerritory({ ...orne, seed: 4 });
    expect(JSON.stringify(c.candidates)).not.toBe(JSON.stringify(generateTerritory(orne).candidates));
  });

  it('keeps each record kind on its own stream: more vacancies leave candidates unchanged', () => {
    const a = generateTerritory(orne);
    const b = generateTerritory({ ...orne, vacancies: 10 });
    expect(b.candidates).toEqual(a.candidates);
    expect(b.vacancies).toEqual(a.vacancies.slice(0, 10));
  });

  it('produces records that all pass the input schemas', () => {
    const t = generateTerritory(orne);
    expect(t.candidates).toHaveLength(orne.candidates);
    expect(t.vacancies).toHaveLength(orne.vacancies);
    expect(t.sessions).toHaveLength(orne.sessions);
    for (const c of t.candidates) expect(CandidateSchema.safeParse(c).error?.issues).toBeUndefined();
    for (const v of t.vacancies) expect(VacancySchema.safeParse(v).error?.issues).toBeUndefined();
    for (const s of t.sessions) expect(TrainingSessionSchema.safeParse(s).error?.issues).toBeUndefined();
  });

  it('places every home, site and session in Orne (bounding box of its communes + jitter)', () => {
    const t = generateTerritory(orne);
    const o = communesOf('61');
    const codes = new Set(o.map((c) => c.code));
    const margin = 0.03; // ≥ 2 km of jitter in degrees at this latitude
    const box = {
      minLat: Math.min(...o.map((c) => c.lat)) - margin,
      maxLat: Math.max(...o.map((c) => c.lat)) + margin,
      minLon: Math.min(...o.map((c) => c.lon)) - margin,
      maxLon: Math.max(...o.map((c) => c.lon)) + margin,
    };
    // Orne lies around 48.2–48.98 N, 0.85 W–0.98 E.
    expect(box.minLat).toBeGreaterThan(48.1);
    expect(box.maxLat).toBeLessThan(49.1);
    expect(box.minLon).toBeGreaterThan(-1);
    expect(box.maxLon).toBeLessThan(1.1);
    const places = [...t.candidates.map((c) => c.home), ...t.vacancies.map((v) => v.site), ...t.sessions.map((s) => s.site)];
    for (const p of places) {
      expect(codes.has(p.communeCode!)).toBe(true);
      expect(p.lat).toBeGreaterThanOrEqual(box.minLat);
      expect(p.lat).toBeLessThanOrEqual(box.maxLat);
      expect(p.lon).toBeGreaterThanOrEqual(box.minLon);
      expect(p.lon).toBeLessThanOrEqual(box.maxLon);
    }
  });

  it('follows the documented shares (jobs, legal diplomas, no-certification candidates)', () => {
    const t = generateTerritory({ ...orne, candidates: 6_000, vacancies: 3_000, sessions: 0 });
    const share = <T>(xs: T[], f: (x: T) => boolean) => xs.filter(f).length / xs.length;
    expect(share(t.vacancies, (v) => v.job.rome === 'K1302')).toBeCloseTo(0.35, 1);
    expect(share(t.vacancies, (v) => v.job.rome === 'J1501')).toBeCloseTo(0.25, 1);
    for (const v of t.vacancies) {
      if (v.job.rome === 'J1501') expect(v.requires?.certifications).toEqual(['DEAS']);
      if (v.job.rome === 'J1506') expect(v.requires?.certifications).toEqual(['DEI']);
      if (v.job.rome === 'J1304') expect(v.requires?.certifications).toEqual(['DEAP']);
      if (v.structure.kind === 'PARTICULIER') expect(v.structure.status).toBe('particulier_employeur');
      if (v.contract.type === 'PEC') expect(['public', 'prive_non_lucratif']).toContain(v.structure.status);
    }
    expect(share(t.candidates, (c) => c.qualifications.every((q) => q.code === 'SST'))).toBeCloseTo(0.3, 1);
    expect(share(t.candidates, (c) => c.mobility.drivingLicence)).toBeCloseTo(0.7, 1);
    for (const c of t.candidates) if (c.mobility.vehicle) expect(c.mobility.modes).toContain('car');
  });

  it('spreads a small France workload over many départements', () => {
    const t = generateTerritory({ seed: 11, scope: 'france', candidates: 3_000, vacancies: 600, sessions: 50 });
    const deps = new Set(t.candidates.map((c) => c.home.communeCode!.slice(0, 2)));
    expect(deps.size).toBeGreaterThan(80);
    expect(new Set(t.vacancies.map((v) => v.site.communeCode!.slice(0, 2))).size).toBeGreaterThan(60);
  });

  it('rejects an unknown département', () => {
    expect(() => generateTerritory({ ...orne, scope: { departement: '00' } })).toThrow(/unknown département/);
  });

  it('names the three workloads', () => {
    expect(WORKLOADS.departement).toMatchObject({ candidates: 20_000, vacancies: 2_000, sessions: 200, scope: { departement: '61' } });
    expect(WORKLOADS.france).toMatchObject({ candidates: 600_000, vacancies: 120_000, scope: 'france' });
    expect(WORKLOADS.demo).toMatchObject({ candidates: 400, vacancies: 60, sessions: 40, scope: { departement: '61' } });
  });
});
