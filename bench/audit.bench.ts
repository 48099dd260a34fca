/**
 * The audit layer's speed: auditFairness on the Orne batch (20 000 × 2 000, matchAll with
 * perCandidate 5) and on a synthetic France-sized allocation and spread (600 000 candidate
 * records, 120 000 vacancies: building the real France batch takes minutes, the audit reads
 * only ids, categories, shortlists and vacancy records); platformIndicators on 10⁶ events;
 * calibrateWeights on 10⁵ outcomes. Warm-up, then three runs: min and mean, and a hash of each
 * output (sha256 of its JSON): a speed change must leave the hashes as they were. Writes
 * bench/results/audit.json.
 *
 * Run: npx tsx bench/audit.bench.ts   (--quick: smaller sizes, for a smoke run)
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { auditFairness, calibrateWeights, platformIndicators, type AllocationLike, type BatchLike, type SpreadLike } from '../src/audit/index.js';
import { createEngine } from '../src/engine/engine.js';
import { CRITERION_CODES, DEFAULT_WEIGHTS } from '../src/scoring/model.js';
import { Category } from '../src/schema/primitives.js';
import { generateTerritory, WORKLOADS } from './workload.js';
import { generateEventLog } from './events.js';
import { chance, int, mulberry32, pick } from './rng.js';

const quick = process.argv.includes('--quick');
const RUNS = 3;
const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, loadavg: loadavg() };
let sink = 0;

/** Wall time, and this process's CPU time (user + system), which a host busy with other jobs inflates less. */
function measure(name: string, f: () => unknown): void {
  f();
  const times: number[] = [];
  const cpu: number[] = [];
  let hash = '';
  for (let r = 0; r < RUNS; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const out = f();
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    const json = JSON.stringify(out);
    sink += json.length > 0 ? 1 : 0;
    hash = createHash('sha256').update(json).digest('hex').slice(0, 16);
  }
  const min = Math.min(...times);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  results[name] = { minMs: Math.round(min), meanMs: Math.round(mean), runsMs: times.map(Math.round), cpuMs: cpu.map(Math.round), loadavg: loadavg()[0], outputHash: hash };
  console.log(`${name.padEnd(64)} min ${min.toFixed(0)} ms, mean ${mean.toFixed(0)} ms (CPU ${cpu.map((x) => x.toFixed(0)).join('/')} ms; load ${loadavg()[0].toFixed(1)}; output ${hash})`);
}

// 1. The Orne batch, audited as a batch.
const spec = quick ? { ...WORKLOADS.departement, candidates: 5_000, vacancies: 500 } : WORKLOADS.departement;
const territory = generateTerritory(spec);
const engine = createEngine();
const { index: candidates } = engine.indexCandidates(territory.candidates);
const { index: vacancies } = engine.indexVacancies(territory.vacancies);
const batch = await engine.matchAll(candidates, vacancies, { perVacancy: 20, perCandidate: 5 });
console.log(`Orne batch ${candidates.size} × ${vacancies.size}: ${batch.matches.size} shortlisted pairs, ${batch.unmatchedCandidates.length} unmatched candidates`);
measure(`auditFairness, Orne batch ${candidates.size} × ${vacancies.size}`, () => auditFairness(batch, candidates));

// 2. A France-sized allocation and spread, hand-built in the MODEL.md shapes.
const nC = quick ? 60_000 : 600_000;
const nV = quick ? 12_000 : 120_000;
const rng = mulberry32(2026);
const people = Array.from({ length: nC }, (_, i) => {
  const categories = Category.options.filter(() => chance(rng, 0.08));
  return { id: `c${String(i).padStart(7, '0')}`, categories };
});
const vacancyRecords = Array.from({ length: nV }, (_, j) => ({ id: `v${String(j).padStart(6, '0')}`, employerId: `e${j % Math.floor(nV / 3)}`, openings: int(rng, 1, 3) }));
const allocation: AllocationLike = { method: 'optimal', assignments: [], unassignedCandidates: [], unfilledVacancies: [] };
const spread: SpreadLike = { lists: [], exposure: [], metrics: {} };
const recommended = new Int32Array(nV);
for (const p of people) {
  const eligible = chance(rng, 0.7);
  if (eligible && chance(rng, 0.25)) {
    const v = pick(rng, vacancyRecords);
    (allocation.assignments as object[]).push({ candidateId: p.id, vacancyId: v.id, score: int(rng, 40, 95) });
  } else (allocation.unassignedCandidates as object[]).push({ id: p.id, reason: eligible ? 'outcompeted' : 'no_eligible_vacancy' });
  const list = eligible ? Array.from({ length: int(rng, 1, 5) }, () => int(rng, 0, nV - 1)) : [];
  for (const j of list) recommended[j]++;
  (spread.lists as object[]).push({ candidateId: p.id, vacancyIds: list.map((j) => vacancyRecords[j].id) });
}
spread.exposure = vacancyRecords.map((v, j) => ({ vacancyId: v.id, recommended: recommended[j], openings: v.openings }));
// The batch shape at France size: every vacancy's shortlist of 20, 10 % of candidates unmatched.
const shortlists: { candidateId: string; vacancyId: string; score: number }[] = [];
for (const v of vacancyRecords) for (let k = 0; k < 20; k++) shortlists.push({ candidateId: people[int(rng, 0, nC - 1)].id, vacancyId: v.id, score: int(rng, 40, 95) });
const franceBatch: BatchLike = {
  matches: shortlists,
  unmatchedCandidates: people.filter(() => chance(rng, 0.1)).map((p) => ({ id: p.id, blockers: chance(rng, 0.5) ? { commute: 3, driving_licence: 1 } : { required_certification: 2 } })),
  candidateIds: () => people.map((p) => p.id),
  vacancyIds: () => vacancyRecords.map((v) => v.id),
  vacancy: (() => { const byId = new Map(vacancyRecords.map((v) => [v.id, v])); return (id: string) => byId.get(id); })(),
};
measure(`auditFairness, batch shape: ${nC} candidate records × ${nV} vacancies, ${shortlists.length} shortlisted`, () => auditFairness(franceBatch, people));
measure(`auditFairness, allocation of ${nC} candidate records, ${nV} vacancies`, () => auditFairness(allocation, people, { vacancies: vacancyRecords }));
measure(`auditFairness, spread of ${nC} candidate records, ${nV} vacancies`, () => auditFairness(spread, people, { vacancies: vacancyRecords }));

// 3. platformIndicators on 10⁶ events.
const targetEvents = quick ? 100_000 : 1_000_000;
const persons: { id: string; categories: string[] }[] = [];
let events: ReturnType<typeof generateEventLog> = [];
for (let i = 0; events.length < targetEvents; i++) {
  const batchOfPeople = Array.from({ length: 50_000 }, (_, k) => people[(i * 50_000 + k) % nC]).map((p, k) => ({ ...p, id: `${p.id}-${i}-${k}` }));
  persons.push(...batchOfPeople);
  events = events.concat(generateEventLog(batchOfPeople, { seed: 61 + i, end: '2026-11-23', spanDays: 540 }));
}
events.length = targetEvents;
console.log(`${events.length} events of ${persons.length} people`);
measure(`platformIndicators, ${events.length} events`, () => platformIndicators(events, { from: '2026-01-01', to: '2026-11-23' }));

// 4. calibrateWeights on 10⁵ outcomes.
const nO = quick ? 20_000 : 100_000;
const orng = mulberry32(15);
const outcomes = Array.from({ length: nO }, (_, i) => {
  const criteria = Object.fromEntries(CRITERION_CODES.map((c) => [c, orng()])) as Record<(typeof CRITERION_CODES)[number], number>;
  const score = CRITERION_CODES.reduce((s, c) => s + DEFAULT_WEIGHTS[c] * criteria[c], 0);
  return { candidateId: `c${i}`, vacancyId: `v${i % 997}`, criteria, hired: orng() < 1 / (1 + Math.exp(5 - 0.1 * score)) };
});
measure(`calibrateWeights, ${nO} outcomes`, () => calibrateWeights(outcomes));

mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
if (!quick) writeFileSync(new URL('./results/audit.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
console.log(`load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}; sink ${sink}`);
