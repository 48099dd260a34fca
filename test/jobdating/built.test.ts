/**
 * The built package schedules a job dating in ESM and CommonJS: HiGHS' WebAssembly is found
 * next to its loader in both. `npm test` builds first.
 */
import { execFileSync } from 'node:child_process';
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
const event = {
  id: 'jd', date: '2026-12-10', slots: [{ id: 's1', start: '09:00', end: '09:20' }],
  employers: [{ id: 'e1', vacancyIds: ['v1'] }], candidates: [{ id: 'c1' }],
};
const script = (imp: string) => `
${imp}
const engine = createEngine({ today: '2026-11-23' });
engine.matchAll([${JSON.stringify(candidate)}], [${JSON.stringify(vacancy)}], { perCandidate: 1 })
  .then((b) => scheduleJobDating(${JSON.stringify(event)}, b))
  .then((plan) => console.log(JSON.stringify({ interviews: plan.interviews.length, optimal: plan.optimal, line: plan.convocations.employers[0].lines[1] })));`;

describe('built package: scheduleJobDating', () => {
  const expected = { interviews: 1, optimal: true, line: '  9 h 00 – 9 h 20 · table 1 · candidat·e c1 · offre v1 (auxiliaire de vie)' };
  it('ESM', () => {
    expect(JSON.parse(run(['--input-type=module', '-e', script("import { createEngine, scheduleJobDating } from 'passerelle';")]))).toEqual(expected);
  });
  it('CommonJS', () => {
    expect(JSON.parse(run(['--input-type=commonjs', '-e', script("const { createEngine, scheduleJobDating } = require('passerelle');")]))).toEqual(expected);
  });
});
