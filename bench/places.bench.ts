/**
 * Validation and indexing of the département's 20 000 candidates in the spellings a platform may
 * send (MODEL.md Place, romeVersion): as generated (lat/lon and commune code, ROME v3), placed by
 * their commune code alone (validation fills lat/lon in a shallow copy), and with ROME 4.0 codes
 * (read as their v3 fiches). Also the one-time cost of decoding the commune table and parsing the
 * ROME 4.0 tables. Prints ms (min and median of 5) and writes bench/results/places.json.
 *
 * Run: npx tsx bench/places.bench.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadavg } from 'node:os';
import { WORKLOADS, generateTerritory } from './workload.js';

const RUNS = 5;
const time = (f: () => unknown): number => {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
};

// First uses, timed before anything else touches the tables.
const { communeRow } = await import('../src/geo/communes.js');
const { rome4Appellations, rome4Fiches } = await import('../src/referential/rome/index.js');
const firstUse = {
  communeTableMs: time(() => communeRow('61001')),
  rome4FichesMs: time(() => rome4Fiches()),
  rome4AppellationsMs: time(() => rome4Appellations()),
};
const { createEngine, validateBatch } = await import('../src/index.js');

const territory = generateTerritory(WORKLOADS.departement);
type Rec = Record<string, unknown>;
const child = new Map<string, string>();
// The last ROME 4.0 code of each v3 fiche (K1302 → K1312): a code other than the v3 one where there is one.
for (const f of rome4Fiches().values()) child.set(f.parent, f.code);
const spellings: [string, unknown[]][] = [
  ['as generated (lat/lon + communeCode, v3)', territory.candidates],
  ['communeCode only', territory.candidates.map((c) => ({ ...c, home: { communeCode: c.home.communeCode } }))],
  [
    'ROME 4.0 codes',
    territory.candidates.map((c) => ({
      ...c,
      romeVersion: 'v4',
      desiredJobs: c.desiredJobs.map((r) => child.get(r)),
      experience: c.experience.map((e: Rec) => ({ ...e, rome: child.get(e.rome as string) })),
    })),
  ],
];

const engine = createEngine({ today: '2026-01-15' });
const rows: Record<string, unknown>[] = [];
const ms = (xs: number[]) => ({ min: Math.min(...xs), median: [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] });
for (const [name, records] of spellings) {
  const check = validateBatch('candidate', records);
  if (check.rejected.length > 0) throw new Error(`${name}: ${check.rejected.length} rejected`);
  const validate: number[] = [];
  const index: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    validate.push(time(() => validateBatch('candidate', records)));
    index.push(time(() => engine.indexCandidates(records)));
  }
  const row = { spelling: name, records: records.length, validateMs: ms(validate), indexCandidatesMs: ms(index) };
  rows.push(row);
  console.log(
    `${name.padEnd(42)} validate ${row.validateMs.min.toFixed(0)} / ${row.validateMs.median.toFixed(0)} ms, ` +
      `indexCandidates ${row.indexCandidatesMs.min.toFixed(0)} / ${row.indexCandidatesMs.median.toFixed(0)} ms (min / median of ${RUNS})`,
  );
}
console.log(
  `first use: commune table ${firstUse.communeTableMs.toFixed(1)} ms, ROME 4.0 fiches ${firstUse.rome4FichesMs.toFixed(1)} ms, ` +
    `appellations ${firstUse.rome4AppellationsMs.toFixed(1)} ms; load ${loadavg()[0].toFixed(1)}`,
);

const dir = fileURLToPath(new URL('./results/', import.meta.url));
mkdirSync(dir, { recursive: true });
writeFileSync(
  `${dir}places.json`,
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, load: loadavg()[0], firstUse, rows }, null, 2)}\n`,
);
console.log('written bench/results/places.json');
