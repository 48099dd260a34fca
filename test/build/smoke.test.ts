/**
 * The built package, as a user imports it: ESM and CJS entry points, the exports map, the JSON
 * Schemas, and matchAll's worker threads started from next to the bundle. `npm test` builds first.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const run = (args: string[]) => execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' });

const candidate = {
  id: 'c1', home: { lat: 48.4329, lon: 0.0913 },
  mobility: { modes: ['car'], maxMinutes: 30, drivingLicence: true, vehicle: true },
  availableFrom: '2026-11-23', desiredJobs: ['K1302'], qualifications: [{ code: 'TP_ADVF' }], experience: [],
  schedule: { nights: false, weekends: true, splitShifts: true, weeklyHoursMin: 20, weeklyHoursMax: 35 },
  contracts: ['CDI', 'CDD'],
};
const vacancy = {
  id: 'v1', employerId: 'e1', structure: { kind: 'SAD', public: 'personnes_agees' },
  job: { rome: 'K1302' }, site: { lat: 48.4469, lon: 0.0917 },
  contract: { type: 'CDI', weeklyHours: 28, startDate: '2026-12-01' },
  schedule: { nights: false, weekends: true, splitShifts: true },
};
const script = (imp: string) => `
${imp}
const engine = createEngine({ today: '2026-11-23' });
const m = engine.score(${JSON.stringify(candidate)}, ${JSON.stringify(vacancy)});
const { index: c } = engine.indexCandidates([${JSON.stringify(candidate)}]);
const { index: v } = engine.indexVacancies([${JSON.stringify(vacancy)}]);
engine.matchAll(c, v, { workers: 2 }).then((b) => {
  console.log(JSON.stringify({ eligible: m.eligible, score: m.score, batch: [...b.matches].length, workers: b.stats.workers,
    resolved: resolveJobTitle('Aide soignant(e) de nuit H/F').rome }));
});`;

// allocate with multiPost loads HiGHS (WebAssembly) on demand: from the ESM and the CJS bundle.
const allocateScript = (imp: string) => `
${imp}
const batch = {
  matches: [{ candidateId: 'a', vacancyId: 'v1', score: 80, rank: 1 }, { candidateId: 'a', vacancyId: 'v2', score: 70, rank: 1 }, { candidateId: 'b', vacancyId: 'v1', score: 60, rank: 2 }],
  bestFor: () => [], candidateIds: () => ['a', 'b'], vacancyIds: () => ['v1', 'v2'],
  candidate: () => ({ schedule: { weeklyHoursMax: 40 } }), vacancy: () => ({ openings: 1, contract: { weeklyHours: 20 } }),
  versions: { engine: 'x', referential: 'x', rome: 'v3' },
};
allocate(batch, { method: 'optimal', multiPost: true }).then((a) => console.log(JSON.stringify({ total: a.total, proven: a.proven })));`;

describe('built package', () => {
  it('allocates several posts with the HiGHS solver, as ESM and as CommonJS', () => {
    for (const [type, imp] of [['module', "import { allocate } from 'passerelle';"], ['commonjs', "const { allocate } = require('passerelle');"]]) {
      expect(JSON.parse(run([`--input-type=${type}`, '-e', allocateScript(imp)]))).toEqual({ total: 150, proven: true });
    }
  });

  it('has ESM, CJS, types and JSON Schemas', () => {
    for (const f of ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'dist/shard-worker.js', 'dist/gather-worker.js', 'schema/candidate.json', 'schema/vacancy.json', 'schema/training-session.json']) {
      expect(existsSync(new URL(f, root)), f).toBe(true);
    }
    const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
    expect(Object.keys(pkg.exports['.'].import)[0]).toBe('types');
    expect(Object.keys(pkg.exports['.'].require)[0]).toBe('types');
    const schema = JSON.parse(readFileSync(new URL('schema/candidate.json', root), 'utf8'));
    expect(schema.properties.home).toBeDefined();
  });

  it('imports as ESM by package name and matches, with worker threads', () => {
    const out = JSON.parse(run(['--input-type=module', '-e', script("import { createEngine, resolveJobTitle } from 'passerelle';")]));
    expect(out).toEqual({ eligible: true, score: expect.any(Number), batch: 1, workers: 2, resolved: 'J1501' });
  });

  it('requires as CommonJS by package name and matches, with worker threads', () => {
    const out = JSON.parse(run(['--input-type=commonjs', '-e', script("const { createEngine, resolveJobTitle } = require('passerelle');")]));
    expect(out).toEqual({ eligible: true, score: expect.any(Number), batch: 1, workers: 2, resolved: 'J1501' });
  });
});

describe('built package: scheduleJobDating (HiGHS WebAssembly found next to its loader)', () => {
  const event = {
    id: 'jd', date: '2026-12-10', slots: [{ id: 's1', start: '09:00', end: '09:20' }],
    employers: [{ id: 'e1', vacancyIds: ['v1'] }], candidates: [{ id: 'c1' }],
  };
  const plan = (imp: string) => `
${imp}
const engine = createEngine({ today: '2026-11-23' });
engine.matchAll([${JSON.stringify(candidate)}], [${JSON.stringify(vacancy)}], { perCandidate: 1 })
  .then((b) => scheduleJobDating(${JSON.stringify(event)}, b))
  .then((p) => console.log(JSON.stringify({ interviews: p.interviews.length, optimal: p.optimal, line: p.convocations.employers[0].lines[1] })));`;
  const expected = { interviews: 1, optimal: true, line: '  9 h 00 – 9 h 20 · table 1 · candidat·e c1 · offre v1 (auxiliaire de vie)' };

  it('ESM', () => {
    expect(JSON.parse(run(['--input-type=module', '-e', plan("import { createEngine, scheduleJobDating } from 'passerelle';")]))).toEqual(expected);
  });

  it('CommonJS', () => {
    expect(JSON.parse(run(['--input-type=commonjs', '-e', plan("const { createEngine, scheduleJobDating } = require('passerelle');")]))).toEqual(expected);
  });
});
