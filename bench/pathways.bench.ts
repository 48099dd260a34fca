/**
 * Pathway speed on the Orne workload (bench/workload.ts, `departement`: 20 000 candidates,
 * 2 000 vacancies, 200 sessions). Three settings:
 * - `rome`: every sampled candidate toward J1501 (aide-soignant), sessions of the catalogue;
 * - `demand`: no target, the three ROME codes with most vacancies in reach (demand precomputed
 *   outside the timing: it is the engine's job);
 * - `unlocks`: `demand` plus `eligibleVacancies` answered by the naive reference scorer over every
 *   vacancy (bench/reference.ts) — a baseline showing what unlocks cost without the engine's index.
 * Prints min and mean±sd per setting and writes bench/results/pathways.json.
 *
 * Run: npx tsx bench/pathways.bench.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { recommendPathways } from '../src/pathways/index.js';
import { defaultReferential } from '../src/referential/index.js';
import { CandidateSchema, TrainingSessionSchema, VacancySchema, type Candidate, type Vacancy } from '../src/schema/index.js';
import { bestCommute, distanceKm } from '../src/geo/travel.js';
import { referenceEvaluate } from './reference.js';
import { WORKLOADS, generateTerritory, DEFAULT_TODAY } from './workload.js';

const SAMPLE = 2_000;
const UNLOCK_SAMPLE = 100;
const RUNS = 5;

const territory = generateTerritory(WORKLOADS.departement);
const candidates = territory.candidates.slice(0, SAMPLE).map((c) => CandidateSchema.parse(c));
const vacancies = territory.vacancies.map((v) => VacancySchema.parse(v));
const sessions = territory.sessions.map((s) => TrainingSessionSchema.parse(s));
const deps = { referential: defaultReferential };

function reachable(c: Candidate): Vacancy[] {
  return vacancies.filter((v) => bestCommute(distanceKm(c.home.lat, c.home.lon, v.site.lat, v.site.lon), c.mobility.modes).minutes <= c.mobility.maxMinutes);
}

const demand = new Map<string, { rome: string; count: number }[]>();
for (const c of candidates) {
  const counts = new Map<string, number>();
  for (const v of reachable(c)) counts.set(v.job.rome, (counts.get(v.job.rome) ?? 0) + 1);
  demand.set(c.id, [...counts].map(([rome, count]) => ({ rome, count })));
}
const demandByRome = (c: Candidate) => demand.get(c.id) ?? [];

interface Stats { min: number; mean: number; sd: number }
const stats = (xs: number[]): Stats => {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
  return { min: Math.min(...xs), mean, sd };
};

let sink = 0;
function time(list: Candidate[], call: (c: Candidate) => unknown[]): { stats: Stats; pathways: number } {
  for (const c of list.slice(0, 50)) sink += call(c).length; // warm-up
  const ms: number[] = [];
  let pathways = 0;
  for (let r = 0; r < RUNS; r++) {
    pathways = 0;
    const t0 = performance.now();
    for (const c of list) pathways += call(c).length;
    ms.push(performance.now() - t0);
    sink += pathways;
  }
  return { stats: stats(ms), pathways };
}

const rome = time(candidates, (c) => recommendPathways(c, { target: 'J1501', sessions, today: DEFAULT_TODAY }, deps));
const byDemand = time(candidates, (c) => recommendPathways(c, { sessions, today: DEFAULT_TODAY }, { ...deps, demandByRome }));

const unlockList = candidates.slice(0, UNLOCK_SAMPLE);
const reach = new Map(unlockList.map((c) => [c.id, reachable(c)]));
const eligibleVacancies = (c: Candidate) =>
  (reach.get(c.id) ?? []).filter((v) => referenceEvaluate(c, v, { referential: defaultReferential }).eligible).map((v) => v.id);
const unlocks = time(unlockList, (c) => recommendPathways(c, { sessions, today: DEFAULT_TODAY }, { ...deps, demandByRome, eligibleVacancies }));

const per = (s: Stats, n: number) => ({ minMs: s.min, meanMs: s.mean, sdMs: s.sd, perCandidateUs: (s.mean / n) * 1000 });
const result = {
  workload: 'departement (61)',
  candidates: SAMPLE,
  vacancies: vacancies.length,
  sessions: sessions.length,
  runs: RUNS,
  rome: { ...per(rome.stats, SAMPLE), pathways: rome.pathways },
  demand: { ...per(byDemand.stats, SAMPLE), pathways: byDemand.pathways },
  unlocksNaive: { candidates: UNLOCK_SAMPLE, ...per(unlocks.stats, UNLOCK_SAMPLE), pathways: unlocks.pathways },
  node: process.version,
};
const fmt = (s: Stats) => `min ${s.min.toFixed(1)} ms, mean ${s.mean.toFixed(1)} ± ${s.sd.toFixed(1)} ms`;
console.log(`pathways, ${SAMPLE} candidates × J1501: ${fmt(rome.stats)} (${result.rome.perCandidateUs.toFixed(0)} µs/candidate, ${rome.pathways} pathways)`);
console.log(`pathways, ${SAMPLE} candidates × demand top 3: ${fmt(byDemand.stats)} (${result.demand.perCandidateUs.toFixed(0)} µs/candidate, ${byDemand.pathways} pathways)`);
console.log(`pathways + naive unlocks, ${UNLOCK_SAMPLE} candidates: ${fmt(unlocks.stats)} (${result.unlocksNaive.perCandidateUs.toFixed(0)} µs/candidate)`);
const dir = fileURLToPath(new URL('./results/', import.meta.url));
mkdirSync(dir, { recursive: true });
writeFileSync(`${dir}pathways.json`, `${JSON.stringify(result, null, 2)}\n`);
if (sink === -1) console.log(sink);
