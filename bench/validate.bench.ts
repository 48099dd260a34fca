/**
 * Validation speed: validateBatch on the département workload (20 000 candidates, 2 000
 * vacancies of generateTerritory(WORKLOADS.departement)), with the fast path of
 * src/validate/fast.ts and without it (zod + referential code checks only). Also fastCheck alone
 * with its outputs dropped at once: the checker's own cost, without the batch bookkeeping and the
 * garbage collection of 20 000 kept outputs. Then the validation an index build runs on the France
 * workload (600 000 generator candidates, as `npm run bench:france` indexes them): validateEach
 * with a sink that keeps nothing, the checked fields handed over as the index takes them. Prints
 * µs per record (min of 3 runs, mean ± sd, and the process's CPU time) and writes
 * bench/results/validate.json.
 *
 * Run: npx tsx bench/validate.bench.ts   (--no-france: the département only)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cpus, loadavg } from 'node:os';
import { validateBatch, validateEach } from '../src/validate/batch.js';
import { fastCheck, setFastPath } from '../src/validate/fast.js';
import { defaultReferential } from '../src/referential/index.js';
import type { RecordKind } from '../src/errors.js';
import { WORKLOADS, generateTerritory } from './workload.js';

const RUNS = 3;

interface Stats { min: number; mean: number; sd: number }
const stats = (xs: number[]): Stats => {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
  return { min: Math.min(...xs), mean, sd };
};

const territory = generateTerritory(WORKLOADS.departement);
// JSON round trip: records as a backend sends them (parsed JSON, not the generator's objects).
const batches: Record<'candidate' | 'vacancy', unknown[]> = {
  candidate: JSON.parse(JSON.stringify(territory.candidates)) as unknown[],
  vacancy: JSON.parse(JSON.stringify(territory.vacancies)) as unknown[],
};
let sink = 0;

/** µs per record of one validateBatch over the whole list. */
function once(kind: RecordKind, records: unknown[]): number {
  const t0 = performance.now();
  const r = validateBatch(kind, records);
  const ms = performance.now() - t0;
  sink += r.valid.length + r.rejected.length;
  if (r.rejected.length > 0) throw new Error(`${kind}: ${r.rejected.length} workload records rejected`);
  return (ms * 1000) / records.length;
}

function measure(kind: 'candidate' | 'vacancy', fast: boolean): Stats {
  setFastPath(fast);
  once(kind, batches[kind]); // warm-up: JIT, referential indexes
  const xs: number[] = [];
  for (let r = 0; r < RUNS; r++) xs.push(once(kind, batches[kind]));
  setFastPath(true);
  return stats(xs);
}

/** µs per record of fastCheck alone, nothing kept. */
function checkerOnce(kind: RecordKind, records: unknown[]): number {
  const t0 = performance.now();
  for (let i = 0; i < records.length; i++) if (fastCheck(kind, records[i], defaultReferential) !== undefined) sink++;
  return ((performance.now() - t0) * 1000) / records.length;
}

function measureChecker(kind: 'candidate' | 'vacancy'): Stats {
  checkerOnce(kind, batches[kind]);
  const xs: number[] = [];
  for (let r = 0; r < RUNS; r++) xs.push(checkerOnce(kind, batches[kind]));
  return stats(xs);
}

const result: Record<string, unknown> = {
  workload: 'departement',
  candidates: batches.candidate.length,
  vacancies: batches.vacancy.length,
  runs: RUNS,
  unit: 'µs per record (validateBatch, default referential)',
};
for (const kind of ['candidate', 'vacancy'] as const) {
  // The checker first: measured after the batches, it pays for collecting their 20 000 outputs.
  const checker = measureChecker(kind);
  const slow = measure(kind, false);
  const fast = measure(kind, true);
  result[kind] = { zod: slow, fast, speedup: Math.round((slow.min / fast.min) * 10) / 10, fastCheckAlone: checker };
  const f = (s: Stats): string => `min ${s.min.toFixed(2)} µs (mean ${s.mean.toFixed(2)} ± ${s.sd.toFixed(2)})`;
  console.log(`${kind} × ${batches[kind].length}: validateBatch zod ${f(slow)}; with fast path ${f(fast)}; × ${(slow.min / fast.min).toFixed(1)}`);
  console.log(`  fastCheck alone, outputs dropped: ${f(checker)}`);
}
if (!process.argv.includes('--no-france')) {
  const france = generateTerritory(WORKLOADS.france).candidates as unknown[];
  // What an index's sink reads of each record: the fields, while they are valid.
  const sinkOf = {
    accept: (_v: unknown, _i: number, _id: string, fields: { home: unknown }) => {
      if (fields.home !== undefined) sink++;
      return -1;
    },
    seen: () => -1,
  };
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r <= RUNS; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const rejected = validateEach('candidate', france, undefined, sinkOf);
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    if (rejected.length > 0) throw new Error(`France: ${rejected.length} workload candidates rejected`);
    // The first run pays for the JIT and the referential's code sets, as an index build does.
    if (r === 0) result.franceFirstRunMs = ms;
    else {
      wall.push((ms * 1000) / france.length);
      cpu.push((c.user + c.system) / france.length);
    }
  }
  result.france = { candidates: france.length, validateEach: stats(wall), validateEachCpu: stats(cpu) };
  console.log(`France × ${france.length}: validateEach (an index build's validation) min ${stats(wall).min.toFixed(2)} µs per record wall, ${stats(cpu).min.toFixed(2)} µs CPU; first run ${(result.franceFirstRunMs as number).toFixed(0)} ms`);
}
const c = result.candidate as { fast: Stats; zod: Stats };
const projected = { candidates600kFastS: (c.fast.min * 600_000) / 1e6, candidates600kZodS: (c.zod.min * 600_000) / 1e6 };
console.log(`600 000 candidates: ${projected.candidates600kFastS.toFixed(2)} s fast, ${projected.candidates600kZodS.toFixed(2)} s zod (validation only)`);
Object.assign(result, { projected, node: process.version, cpus: cpus().length, loadavg: loadavg()[0], sink });
const dir = fileURLToPath(new URL('./results/', import.meta.url));
mkdirSync(dir, { recursive: true });
writeFileSync(`${dir}validate.json`, `${JSON.stringify(result, null, 2)}\n`);
