/**
 * The shortest useful program: index candidates, shortlist them for a vacancy, read a Match.
 *
 *   npx tsx examples/quickstart.ts
 */
import { pathToFileURL } from 'node:url';
import { createEngine, type CandidateInput, type VacancyInput } from '../src/index.js';

const alencon = { lat: 48.4348, lon: 0.0931, communeCode: '61001', label: 'Alençon' };
const sees = { lat: 48.604, lon: 0.1724, communeCode: '61464', label: 'Sées' };

const candidates: CandidateInput[] = [
  {
    id: 'c-1',
    home: sees,
    mobility: { modes: ['car'], maxMinutes: 45, drivingLicence: true, vehicle: true },
    availableFrom: '2026-12-01',
    desiredJobs: ['J1501'],
    qualifications: [{ code: 'DEAS', obtainedOn: '2019-07-10' }],
    experience: [{ rome: 'J1501', months: 60 }],
    schedule: { nights: false, weekends: true, splitShifts: false, weeklyHoursMin: 28, weeklyHoursMax: 35 },
    contracts: ['CDI', 'CDD'],
  },
  {
    id: 'c-2',
    home: alencon,
    mobility: { modes: ['transit', 'walk'], maxMinutes: 30, drivingLicence: false, vehicle: false },
    availableFrom: '2026-11-23',
    desiredJobs: [],
    qualifications: [{ code: 'DEAES' }],
    experience: [{ rome: 'K1302', months: 18, domicile: true }],
    schedule: { nights: false, weekends: true, splitShifts: true, weeklyHoursMin: 20, weeklyHoursMax: 35 },
    contracts: ['CDI'],
  },
];

const vacancy: VacancyInput = {
  id: 'v-ehpad-1',
  employerId: 'ehpad-alencon',
  structure: { kind: 'EHPAD', public: 'personnes_agees', status: 'public' },
  job: { rome: 'J1501', title: 'Aide-soignant(e) de jour' },
  site: alencon,
  requires: { certifications: ['DEAS'] },
  contract: { type: 'CDI', weeklyHours: 35, startDate: '2027-01-04' },
  schedule: { nights: false, weekends: true, splitShifts: false },
  physicalDemands: ['transfers'],
  adaptations: ['lift_equipment'],
};

export function main(print: (line: string) => void = console.log): void {
  const engine = createEngine({ today: '2026-11-23' });
  const { index } = engine.indexCandidates(candidates);
  const { matches, nearMisses } = engine.topCandidates(vacancy, index, { limit: 5, nearMisses: 5 });

  for (const m of matches) {
    print(`${m.candidateId} — score ${Math.round(m.score)}/100 — ${m.summary}`);
    for (const c of m.criteria) print(`  ${c.label.padEnd(14)} ${c.points.toFixed(1).padStart(5)} / ${c.weight}  ${c.detail}`);
  }
  for (const m of nearMisses) {
    print(`${m.candidateId} — non éligible : ${m.blockers.map((b) => `[${b.code}] ${b.message}${b.lift ? ` → ${b.lift.message}` : ''}`).join(' ; ')}`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
