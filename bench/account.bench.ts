/**
 * `tsx bench/account.bench.ts` — matchAll's unmatched accounting alone, pair by pair
 * (bench/account-oracle.ts, what matchAll did before) against src/batch/account.ts, in the same
 * run and on one thread, after the shortlists were computed once the way matchAll computes them.
 * Prints figures and writes bench/results/account.json; checks both give the same counts.
 *
 *   npx tsx bench/account.bench.ts            Orne 20 000 × 2 000, usual and car45 mobility
 *   node --max-old-space-size=6144 --import tsx bench/account.bench.ts --france   also France 600 000 × 120 000
 */
import { mkdirSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { generateTerritory, WORKLOADS, DEFAULT_TODAY } from './workload.js';
import { createCore, type Core } from '../src/core/core.js';
import { matchAll } from '../src/batch/matchAll.js';
import { ShardRunner, COUNT_COLUMNS } from '../src/batch/shard.js';
import { accountCandidates, accountVacancies } from '../src/batch/account.js';
import { accountCandidatesPairwise, accountVacanciesPairwise } from './account-oracle.js';
import { scanCandidatesForVacancy, scanVacanciesForCandidate } from '../src/core/scan.js';
import { TopK } from '../src/rank/topk.js';
import type { Grid } from '../src/geo/grid.js';

const args = new Set(process.argv.slice(2));
const RESULT = new URL('./results/account.json', import.meta.url);
const results: Record<string, unknown> = existsSync(RESULT) ? JSON.parse(readFileSync(RESULT, 'utf8')) : {};
results.date = new Date().toISOString();
results.node = process.version;
const load = () => execSync('uptime').toString().trim().replace(/.*load average: /, '');

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const r = f();
  return [r, performance.now() - t0];
}

function sameArrays(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

async function workload(engine: Core, name: string, spec: Parameters<typeof generateTerritory>[0], runs: number) {
  const territory = generateTerritory(spec);
  const { index: candidates } = engine.indexCandidates(territory.candidates);
  const { index: vacancies } = engine.indexVacancies(territory.vacancies);
  territory.candidates.length = 0;
  territory.vacancies.length = 0;
  // As matchAll does: grids first (the candidates' may renumber their columns), then the kernel.
  const { overflow } = candidates.grid();
  const { grid: vGrid, overflow: vOverflow } = vacancies.grid();
  const nearGrid = candidates.nearGrid();
  const vacancySlots = vacancies.liveSlotsById();
  const candidateSlots = candidates.liveSlotsById();
  const kernel = engine.kernelFor(candidates.cols, vacancies.cols);
  const capacity = candidates.cols.size;
  const matched = new Uint8Array(capacity);
  const gridFor = (vi: number): Grid => candidates.gridFor(vacancies.cols, vi, false);
  const runner = new ShardRunner(kernel, gridFor, overflow, vacancySlots, candidates.ids, vacancies.ids, 20, 0, capacity, matched);
  const [, tShortlists] = time(() => runner.run(0, vacancySlots.length));
  const { topSlots, topCounts } = runner.result;
  const shortlisted = new Uint8Array(capacity);
  for (let k = 0; k < vacancySlots.length; k++) for (let j = 0; j < topCounts[k]; j++) shortlisted[topSlots[k * 20 + j]] = 1;
  const pending = candidateSlots.filter((ci) => shortlisted[ci] === 0 && matched[ci] === 0);
  const emptyVacancies = vacancySlots.filter((_, k) => topCounts[k] === 0);
  console.log(`${name}: ${candidateSlots.length} × ${vacancySlots.length}, shortlists ${tShortlists.toFixed(0)} ms (one thread); ${pending.length} pending candidates, ${emptyVacancies.length} empty shortlists (load ${load()})`);

  // Pairs the accounting examines: within near-miss reach of a pending candidate or an empty-shortlist vacancy.
  let candidatePairs = 0;
  let vacancyPairs = 0;
  const countSinks = { top: null, near: null, visit: () => { candidatePairs++; } };
  for (const ci of pending) scanVacanciesForCandidate(kernel, vGrid, vOverflow, ci, kernel.c.reachNear[ci], countSinks);
  const emptyTop = new TopK(0, candidates.ids);
  for (const vi of emptyVacancies) {
    scanCandidatesForVacancy(kernel, nearGrid, overflow, vi, { top: emptyTop, near: null, candidateBank: null, visit: () => { vacancyPairs++; } });
  }

  const figures: Record<string, number[]> = { oldCandidatesMs: [], newCandidatesMs: [], oldVacanciesMs: [], newVacanciesMs: [] };
  let identical = true;
  let unmatched = 0;
  for (let r = 0; r < runs; r++) {
    const [oldC, tOldC] = time(() => accountCandidatesPairwise(kernel, vGrid, vOverflow, pending, true));
    const [newC, tNewC] = time(() => accountCandidates(kernel, vGrid, vOverflow, pending, true));
    const [oldV, tOldV] = time(() => accountVacanciesPairwise(kernel, nearGrid, overflow, emptyVacancies, candidates.ids));
    const [newV, tNewV] = time(() => accountVacancies(kernel, nearGrid, overflow, emptyVacancies));
    identical &&= sameArrays(oldC.matched, newC.matched) && sameArrays(oldC.counts, newC.counts) && sameArrays(oldV, newV);
    unmatched = pending.length - newC.matched.reduce((a, b) => a + b, 0);
    figures.oldCandidatesMs.push(tOldC);
    figures.newCandidatesMs.push(tNewC);
    figures.oldVacanciesMs.push(tOldV);
    figures.newVacanciesMs.push(tNewV);
    console.log(`  run ${r + 1}: candidates old ${tOldC.toFixed(0)} ms, new ${tNewC.toFixed(0)} ms; vacancies old ${tOldV.toFixed(1)} ms, new ${tNewV.toFixed(1)} ms (load ${load()})`);
  }
  const best = (xs: number[]) => Math.min(...xs);
  const oldMs = best(figures.oldCandidatesMs) + best(figures.oldVacanciesMs);
  const newMs = best(figures.newCandidatesMs) + best(figures.newVacanciesMs);
  const pairs = candidatePairs + vacancyPairs;
  console.log(`  pairs within near-miss reach: ${candidatePairs} (pending candidates, ${unmatched} unmatched) + ${vacancyPairs} (empty shortlists)`);
  console.log(`  accounting, best of ${runs}: old ${oldMs.toFixed(0)} ms (${((oldMs * 1e6) / pairs).toFixed(1)} ns per pair), new ${newMs.toFixed(0)} ms (${((newMs * 1e6) / pairs).toFixed(1)} ns per pair), ${(oldMs / newMs).toFixed(1)}× — identical: ${identical}`);
  results[name] = {
    candidates: candidateSlots.length, vacancies: vacancySlots.length, shortlistsOneThreadMs: tShortlists,
    pendingCandidates: pending.length, unmatchedCandidates: unmatched, emptyShortlists: emptyVacancies.length,
    candidatePairs, vacancyPairs, ...figures, oldMs, newMs, oldNsPerPair: (oldMs * 1e6) / pairs, newNsPerPair: (newMs * 1e6) / pairs,
    speedup: oldMs / newMs, identical, load: load(),
  };
  if (!identical) process.exitCode = 1;
  if (name === 'france') {
    // The whole matchAll as the issue measures it, the accounting included (its workers run the new code).
    const t0 = performance.now();
    const batch = await matchAll(engine, candidates, vacancies, { perVacancy: 20, workers: 2 });
    const wall = performance.now() - t0;
    const rss = process.resourceUsage().maxRSS / 1024;
    console.log(`  matchAll top-20, workers: 2: ${wall.toFixed(0)} ms (shortlists ${batch.stats.ms.shortlists.toFixed(0)} ms, unmatched ${batch.stats.ms.unmatched.toFixed(0)} ms); peak RSS of this process ${rss.toFixed(0)} MiB (load ${load()})`);
    results.franceMatchAllWorkers2 = { wallMs: wall, ms: batch.stats.ms, peakRssMbOfBenchProcess: rss, load: load() };
  }
}

const engine = createCore({ today: DEFAULT_TODAY });
if (!args.has('--france-only')) {
  await workload(engine, 'departement', WORKLOADS.departement, 3);
  await workload(engine, 'departementCar45', WORKLOADS.departementCar45, 3);
}
if (args.has('--france') || args.has('--france-only')) await workload(engine, 'france', WORKLOADS.france, 2);
results.counts = COUNT_COLUMNS;
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(RESULT, JSON.stringify(results, null, 2) + '\n');
console.log('\nwritten bench/results/account.json');
