/**
 * Validation at the edge: `validateBatch` never throws and accounts for every record (valid, or
 * rejected with its index, id and issues); `parseCandidate` throws a PasserelleInputError whose
 * `issues` are data ({ code, path, message }) and whose message is ready to log.
 *
 *   npx tsx examples/validate.ts
 */
import { pathToFileURL } from 'node:url';
import { PasserelleInputError, parseCandidate, validateBatch } from '../src/index.js';

const valid = {
  id: 'c-ok',
  home: { lat: 48.4348, lon: 0.0931, communeCode: '61001' },
  mobility: { modes: ['car'], maxMinutes: 30, drivingLicence: true, vehicle: true },
  availableFrom: '2026-12-01',
  desiredJobs: ['K1302'],
  qualifications: [{ code: 'TP_ADVF' }],
  experience: [],
  schedule: { nights: false, weekends: true, splitShifts: true, weeklyHoursMin: 20, weeklyHoursMax: 30 },
  contracts: ['CDI'],
};

/** What backends really send: an impossible date, a typo in a code, inverted hours, a missing field, a duplicate. */
export const BAD_RECORDS: unknown[] = [
  valid,
  { ...valid, id: 'c-date', availableFrom: '2026-02-30' },
  { ...valid, id: 'c-typo', qualifications: [{ code: 'DEAEZ' }] },
  { ...valid, id: 'c-hours', schedule: { ...valid.schedule, weeklyHoursMin: 35, weeklyHoursMax: 20 } },
  { ...valid, id: 'c-mobility', mobility: undefined },
  { ...valid },
  'not a record',
];

export function main(print: (line: string) => void = console.log): void {
  const { valid: ok, rejected } = validateBatch('candidate', BAD_RECORDS);
  print(`validateBatch : ${ok.length} valide(s), ${rejected.length} rejeté(s)`);
  for (const r of rejected) {
    for (const i of r.issues) print(`  #${r.index} ${(r.id ?? '—').padEnd(11)} ${(i.path || '(racine)').padEnd(24)} ${i.code.padEnd(13)} ${i.message}`);
  }

  print('');
  print('parseCandidate sur un enregistrement invalide :');
  try {
    parseCandidate(BAD_RECORDS[2]);
  } catch (e) {
    if (!(e instanceof PasserelleInputError)) throw e;
    for (const line of e.message.split('\n')) print(line);
    print(`issues : ${JSON.stringify(e.issues)}`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
