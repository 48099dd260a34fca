/**
 * `npm run bench` (last step) — recruitment campaigns on the Orne workload (20 000 × 2 000,
 * matchAll top-20 per vacancy and top-5 per candidate): allocate optimal and stable, the
 * multiPost variants, spreadRecommendations, prioritize. Prints times (warm-up, then min and mean
 * ± sd of 3 runs, and CPU time) and problem sizes; writes bench/results/allocate.json, with the
 * host's load average. Figures are printed, never asserted.
 *
 *   tsx bench/allocate.bench.ts           the département
 *   tsx bench/allocate.bench.ts --quick   5 000 × 500, for a smoke run
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { generateTerritory, WORKLOADS, DEFAULT_TODAY } from './workload.js';
import { createEngine, allocate, spreadRecommendations, prioritize } from '../src/index.js';

const args = new Set(process.argv.slice(2));
const spec = args.has('--quick') ? { ...WORKLOADS.departement, candidates: 5000, vacancies: 500 } : WORKLOADS.departement;
const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, loadAverage: loadavg() };
const ms = (t: number) => `${t.toFixed(0)} ms`;
let sink = 0;

const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

/**
 * Warm-up, then `runs` timed calls: wall clock (min, mean ± sd) and the process's CPU time per call
 * (user + system), steadier than the wall clock on a shared host.
 */
async function timed<T>(label: string, runs: number, f: () => T | Promise<T>): Promise<T> {
  let out = await f(); // warm-up
  const times: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const c0 = cpuMs();
    out = await f();
    cpu.push(cpuMs() - c0);
    times.push(performance.now() - t0);
  }
  const mean = times.reduce((a, b) => a + b, 0) / runs;
  const sd = Math.sqrt(times.reduce((a, b) => a + (b - mean) ** 2, 0) / runs);
  console.log(`${label.padEnd(60)} min ${ms(Math.min(...times))}, mean ${ms(mean)} ± ${ms(sd)}; CPU min ${ms(Math.min(...cpu))}`);
  results[label] = { minMs: Math.min(...times), meanMs: mean, sdMs: sd, runs: times, cpuMs: cpu };
  return out;
}

const engine = createEngine({ today: DEFAULT_TODAY });
const territory = generateTerritory(spec);
const { index: candidates } = engine.indexCandidates(territory.candidates);
const { index: vacancies } = engine.indexVacancies(territory.vacancies);
const batch = await engine.matchAll(candidates, vacancies, { perVacancy: 20, perCandidate: 5 });
console.log(`load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} (2 cores)`);
console.log(`batch ${batch.stats.candidates} × ${batch.stats.vacancies}: ${batch.stats.shortlistedPairs} shortlisted pairs, ${batch.stats.matchedCandidates} candidates with an eligible vacancy`);

const optimal = await timed('allocate optimal', 3, () => allocate(batch, { method: 'optimal' }));
console.log(`  size ${JSON.stringify(optimal.size)}; ${optimal.assignments.length} assigned, total ${optimal.total.toFixed(1)}, ${optimal.unfilledVacancies.length} vacancies with openings left`);
const stable = await timed('allocate stable', 3, () => allocate(batch, { method: 'stable' }));
console.log(`  ${stable.assignments.length} assigned, total ${stable.total.toFixed(1)} (${((stable.total / optimal.total) * 100).toFixed(1)} % of the optimum)`);
const stableMulti = await timed('allocate stable multiPost', 3, () => allocate(batch, { method: 'stable', multiPost: true }));
console.log(`  ${stableMulti.assignments.length} posts taken, total ${stableMulti.total.toFixed(1)}`);
const optimalMulti = await timed('allocate optimal multiPost', 3, () => allocate(batch, { method: 'optimal', multiPost: true }));
console.log(`  ${optimalMulti.assignments.length} posts taken, total ${optimalMulti.total.toFixed(1)}, proven ${optimalMulti.proven}`);
// In this workload nobody can hold two posts (no two of a candidate's eligible posts fit their
// weeklyHoursMax), so multiPost optimal is the flow's answer. A variant where every candidate
// accepts up to 48 h a week makes part-time posts combine and the MILP work.
const wide = generateTerritory(spec);
for (const c of wide.candidates) c.schedule.weeklyHoursMax = 48;
const wideBatch = await engine.matchAll(engine.indexCandidates(wide.candidates).index, vacancies, { perVacancy: 20, perCandidate: 5 });
const wideSingle = await allocate(wideBatch, { method: 'optimal' });
const t0 = performance.now();
const wideMulti = await allocate(wideBatch, { method: 'optimal', multiPost: true });
const tWide = performance.now() - t0;
const wideStable = await timed('allocate stable multiPost, candidates up to 48 h', 3, () => allocate(wideBatch, { method: 'stable', multiPost: true }));
const several = new Set(wideMulti.assignments.filter((a, i, all) => all.findIndex((b) => b.candidateId === a.candidateId) !== i).map((a) => a.candidateId)).size;
console.log(`${'allocate optimal multiPost (HiGHS MILP), candidates up to 48 h'.padEnd(60)} ${ms(tWide)} (one run; proven ${wideMulti.proven}); ${several} candidates with several posts; total ${wideMulti.total.toFixed(1)} vs ${wideSingle.total.toFixed(1)} with one post each; stable multiPost ${wideStable.total.toFixed(1)}`);
results.wideMultiPost = { ms: tWide, proven: wideMulti.proven, severalPosts: several, total: wideMulti.total, singleTotal: wideSingle.total, stableTotal: wideStable.total, size: wideMulti.size };

const spread = await timed('spreadRecommendations 5 per candidate, 3 per opening', 3, () => spreadRecommendations(batch, { perCandidate: 5, perOpening: 3 }));
console.log(`  size ${JSON.stringify(spread.size)}; metrics ${JSON.stringify(spread.metrics)}`);

const shortlists = batch.vacancyIds().map((id) => batch.shortlist(id));
await timed(`prioritize ${shortlists.length} shortlists (q = 0.2, RSA/QPV/RQTH)`, 3, () => {
  for (const s of shortlists) sink += prioritize(s, { minShare: 0.2, priority: ['RSA', 'QPV', 'RQTH'], candidates }).reordered;
});

results.sizes = { allocate: optimal.size, spread: spread.size };
results.outcomes = {
  optimal: { assigned: optimal.assignments.length, total: optimal.total },
  stable: { assigned: stable.assignments.length, total: stable.total },
  stableMultiPost: { assigned: stableMulti.assignments.length, total: stableMulti.total },
  optimalMultiPost: { assigned: optimalMulti.assignments.length, total: optimalMulti.total, proven: optimalMulti.proven },
  spread: spread.metrics,
};
results.sink = sink;
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
const name = args.has('--quick') ? 'allocate-quick' : 'allocate';
writeFileSync(new URL(`./results/${name}.json`, import.meta.url), JSON.stringify(results, null, 2));
console.log(`written bench/results/${name}.json`);
