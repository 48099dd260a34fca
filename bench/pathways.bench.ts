/**
 * Pathway speed alone: the same call `npm run bench` times (bench/run.ts `pathways`), so one
 * optimisation can be measured without the rest of the benchmark. 10 000 candidates of the Orne
 * workload (bench/workload.ts, `departement`), no target (the three jobs most in demand within
 * reach), what each pathway unlocks among the 2 000 vacancies, 200 sessions, limit 3.
 * Issue 4's target: under 2 s. The machine is shared and noisy: several runs, the minimum counts.
 * Prints each run, the min and mean±sd, and writes bench/results/pathways.json.
 *
 * Run: npx tsx bench/pathways.bench.ts [--runs N] [--quick]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createEngine, validateBatch } from '../src/index.js';
import { WORKLOADS, generateTerritory, DEFAULT_TODAY } from './workload.js';

const argv = process.argv.slice(2);
const runsAt = argv.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(argv[runsAt + 1]) : 5;
const SAMPLE = argv.includes('--quick') ? 1_000 : 10_000;

const engine = createEngine({ today: DEFAULT_TODAY });
const { candidates, vacancies, sessions } = generateTerritory(WORKLOADS.departement);
const { index } = engine.indexVacancies(vacancies);
const sample = candidates.slice(0, SAMPLE);
const validSessions = validateBatch('trainingSession', sessions).valid;
// Warm-up as bench/run.ts does: one call (the session catalogue is validated once per array).
engine.recommendPathways(sample[0], { vacancies: index, sessions: validSessions });

let sink = 0;
const ms: number[] = [];
let pathways = 0;
for (let r = 0; r < RUNS; r++) {
  const t0 = performance.now();
  let n = 0;
  for (const c of sample) n += engine.recommendPathways(c, { vacancies: index, sessions: validSessions, limit: 3 }).length;
  const t = performance.now() - t0;
  ms.push(t);
  pathways = n;
  sink += n;
  console.log(`run ${r + 1}: ${t.toFixed(0)} ms (${((t * 1000) / SAMPLE).toFixed(0)} µs per candidate)`);
}

const min = Math.min(...ms);
const mean = ms.reduce((a, b) => a + b, 0) / ms.length;
const sd = Math.sqrt(ms.reduce((a, b) => a + (b - mean) ** 2, 0) / ms.length);
const result = {
  date: new Date().toISOString(),
  workload: 'departement (61)',
  candidates: SAMPLE,
  vacancies: index.size,
  sessions: validSessions.length,
  limit: 3,
  runs: RUNS,
  ms,
  minMs: min,
  meanMs: mean,
  sdMs: sd,
  perCandidateUsMin: (min * 1000) / SAMPLE,
  pathways,
  node: process.version,
};
console.log(
  `pathways: ${SAMPLE} candidates × ${index.size} vacancies × ${validSessions.length} sessions (demand targets, unlocks, limit 3): ` +
    `min ${min.toFixed(0)} ms, mean ${mean.toFixed(0)} ± ${sd.toFixed(0)} ms (${result.perCandidateUsMin.toFixed(0)} µs per candidate, ${pathways} pathways)`,
);
const dir = fileURLToPath(new URL('./results/', import.meta.url));
mkdirSync(dir, { recursive: true });
writeFileSync(`${dir}${SAMPLE === 10_000 ? 'pathways.json' : 'pathways-quick.json'}`, `${JSON.stringify(result, null, 2)}\n`);
if (sink === -1) console.log(sink);
