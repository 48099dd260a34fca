/**
 * `npm run bench` — the scoring core's benchmark. Prints a table and writes bench/results/core.json.
 *
 *   npm run bench                  département (Orne, 20 000 × 2 000; usual and car45 mobility) + interactive + floor loop
 *   npm run bench:france           builds, then also France (600 000 × 120 000, workers: 2) from the build, with a larger heap
 *   tsx bench/run.ts --france-only  only France (run with node --max-old-space-size=6144 --import tsx)
 *   npm run bench -- --quick       smaller département, for a smoke run
 *
 * Workloads and their distributions: bench/WORKLOAD.md. Figures are printed, never asserted.
 * Ratios compare runs of the same process (the machines are shared and noisy), and the scans'
 * work counters (src/core/scan.ts, not public API) say what the pruning did whatever the load.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { generateTerritory, WORKLOADS, DEFAULT_TODAY } from './workload.js';
import { referenceTopCandidates } from './reference.js';
import { createEngine, validateBatch, type CandidateIndex, type VacancyIndex, type Engine } from '../src/index.js';
import type { Candidate, Vacancy } from '../src/schema/index.js';
import type { CandidateStore, VacancyStore } from '../src/core/indexes.js';
import { createCore } from '../src/core/core.js';
import { BOUNDED, CAPABILITY_SKIPPED, IN_REACH, PASSED, SCORED, scanCounters } from '../src/core/scan.js';
import { homeCareSlack } from '../src/kernel/criteria.js';
import { withinReach } from '../src/geo/grid.js';
import { loadavg } from 'node:os';

const args = new Set(process.argv.slice(2));
const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version };
const rows: [string, string][] = [];
const row = (k: string, v: string) => { rows.push([k, v]); console.log(`${k.padEnd(58)} ${v}`); };
const ms = (t: number) => `${t.toFixed(0)} ms`;
let sink = 0;

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const r = f();
  return [r, performance.now() - t0];
}
async function timeAsync<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const r = await f();
  return [r, performance.now() - t0];
}

/**
 * The floor: a loop over every vacancy × every candidate that only reads the columns the kernel's
 * cheapest path reads (flags, coordinates) and sums them. Nothing real can be faster per pair.
 */
function floorLoop(candidates: CandidateIndex, vacancies: VacancyIndex): number {
  const c = candidates as CandidateStore, v = vacancies as VacancyStore;
  const cf = c.cols.flags, clat = c.cols.lat, clon = c.cols.lon;
  const vn = v.cols.need, vlat = v.cols.lat, vlon = v.cols.lon;
  const nC = c.cols.size, nV = v.cols.size;
  let acc = 0;
  for (let j = 0; j < nV; j++) {
    const need = vn[j], la = vlat[j], lo = vlon[j];
    for (let i = 0; i < nC; i++) acc += ((need & ~cf[i]) === 0 ? 1 : 0) + (clat[i] - la) * (clon[i] - lo);
  }
  return acc;
}

/**
 * Pairs within reach by distance alone (the candidate's reach, plus the home-care slack of the
 * post), for every `every`-th vacancy slot: what a scan without pruning would visit. Measured by a plain loop
 * over the grid's cells, apart from the timed runs.
 */
function pairsInReach(candidates: CandidateIndex, vacancies: VacancyIndex, every = 1): number {
  const c = candidates as CandidateStore, v = vacancies as VacancyStore;
  const { grid } = c.grid();
  const cells = new Int32Array(grid.cellCount), km = new Float64Array(grid.cellCount);
  const core = createCore({ today: DEFAULT_TODAY });
  const kernel = core.kernelFor(c.cols, v.cols);
  let n = 0;
  for (let vi = 0; vi < v.cols.size; vi += every) {
    if (v.cols.alive[vi] === 0) continue;
    const slack = homeCareSlack(v.cols.radius[vi]);
    const m = grid.withinInto(v.cols.lat[vi], v.cols.lon[vi], slack, cells, km);
    for (let k = 0; k < m; k++) {
      for (let s = grid.cellStart[cells[k]]; s < grid.cellStart[cells[k] + 1]; s++) {
        if (!withinReach(km[k], grid.itemRadius[s] + slack)) break;
        if (withinReach(kernel.distance(grid.items[s], vi), grid.itemRadius[s] + slack)) n++;
      }
    }
  }
  return n;
}

/** The scans' counters: `capabilitySkipped` items dropped on their grid bits (capabilities, experience for the post) before any column is read, then `visited` ones. */
function counted(): { capabilitySkipped: number; visited: number; bounded: number; pruned: number; scored: number } {
  const [visited, bounded, passed, scored] = [scanCounters[IN_REACH], scanCounters[BOUNDED], scanCounters[PASSED], scanCounters[SCORED]];
  return { capabilitySkipped: scanCounters[CAPABILITY_SKIPPED], visited, bounded, pruned: bounded - passed, scored };
}

const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

function sameShortlist(a: { id: string; score: number }[], b: { candidateId: string; score: number }[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((m, i) => m.id === b[i].candidateId && Math.abs(m.score - b[i].score) < 1e-9);
}

async function departement(engine: Engine, name: 'departement' | 'departementCar45') {
  const workload = WORKLOADS[name];
  const spec = args.has('--quick') ? { ...workload, candidates: 5000, vacancies: 500 } : workload;
  const [territory, tGen] = time(() => generateTerritory(spec));
  const [, tValidate] = time(() => validateBatch('candidate', territory.candidates));
  const [{ index: candidates }, tIndexC] = time(() => engine.indexCandidates(territory.candidates));
  const [{ index: vacancies }, tIndexV] = time(() => engine.indexVacancies(territory.vacancies));
  const nC = candidates.size, nV = vacancies.size;
  const pairs = nC * nV;
  row(`${name} ${nC} × ${nV} (load ${load()}): generate`, ms(tGen));
  row('  validate candidates (zod + referential codes)', `${ms(tValidate)} (${((tValidate * 1e3) / nC).toFixed(1)} µs each)`);
  row('  indexCandidates (validate + encode)', ms(tIndexC));
  row('  indexVacancies', ms(tIndexV));

  // Warm-up, then best of 3.
  await engine.matchAll(candidates, vacancies, { perVacancy: 20, perCandidate: 0, blockerCounts: false });
  const runs: number[] = [];
  let batch = await engine.matchAll(candidates, vacancies, { perVacancy: 20 });
  for (let r = 0; r < 3; r++) {
    const [b, t] = await timeAsync(() => engine.matchAll(candidates, vacancies, { perVacancy: 20, perCandidate: 0, blockerCounts: false }));
    runs.push(t);
    batch = b;
  }
  const tMatch = Math.min(...runs);
  scanCounters.fill(0);
  await engine.matchAll(candidates, vacancies, { perVacancy: 20, perCandidate: 0, blockerCounts: false });
  const work = { inReach: pairsInReach(candidates, vacancies), ...counted() };
  const [full, tFull] = await timeAsync(() => engine.matchAll(candidates, vacancies, { perVacancy: 20, perCandidate: 5 }));
  const [explained, tExplain] = time(() => {
    let n = 0;
    for (const m of full.matches) { sink += full.explain(m.candidateId, m.vacancyId).summary.length; n++; }
    return n;
  });
  row('  matchAll top-20 (shortlists only, best of 3)', `${ms(tMatch)} (${((tMatch * 1e6) / pairs).toFixed(2)} ns per pair of the cross product, ${((tMatch * 1e6) / work.inReach).toFixed(2)} ns per pair in reach)`);
  row('  pairs in reach / skipped on item bits / visited / bound computed / pruned by the bound / fully scored',
    `${work.inReach} / ${work.capabilitySkipped} / ${work.visited} / ${work.bounded} / ${work.pruned} / ${work.scored} (${((tMatch * 1e6) / work.scored).toFixed(0)} ns per pair scored)`);
  row('  matchAll top-20 + per-candidate top-5 (every eligible pair) + unmatched blocker counts', ms(tFull.valueOf()));
  row(`  explanations of all ${explained} shortlisted matches`, `${ms(tExplain)} (${((tExplain * 1e3) / explained).toFixed(1)} µs each)`);
  row('  end to end (index both + matchAll + explanations)', ms(tIndexC + tIndexV + tFull + tExplain));

  const floorRuns: number[] = [];
  for (let r = 0; r < 3; r++) {
    const [acc, t] = time(() => floorLoop(candidates, vacancies));
    sink += acc;
    floorRuns.push(t);
  }
  const tFloor = Math.min(...floorRuns);
  row('  floor loop (reads flags + coordinates of every pair)', `${ms(tFloor)} (${((tFloor * 1e6) / pairs).toFixed(2)} ns per pair)`);
  row('  matchAll / floor loop', `${(tMatch / tFloor).toFixed(2)}×`);
  if (name === 'departementCar45') {
    results[name] = { candidates: nC, vacancies: nV, load: loadavg(), matchAllMs: tMatch, matchAllRuns: runs, work, nsPerPairInReach: (tMatch * 1e6) / work.inReach,
      nsPerPairScored: (tMatch * 1e6) / work.scored, floorMs: tFloor, ratioToFloor: tMatch / tFloor, matchAllFullMs: tFull };
    return;
  }

  // The reference on a sample of vacancies (all pairs for each): same results, time per vacancy.
  const sampleSize = args.has('--quick') ? 5 : 20;
  const vacancyRecords = [...Array(nV).keys()].map((i) => vacancies.get(territory.vacancies[i].id as string)!).filter(Boolean);
  const sample: Vacancy[] = vacancyRecords.filter((_, i) => i % Math.floor(nV / sampleSize) === 0).slice(0, sampleSize);
  const candidateRecords: Candidate[] = territory.candidates.map((c) => candidates.get(c.id as string)!).filter(Boolean);
  let agree = 0;
  const [, tRef] = time(() => {
    for (const v of sample) {
      const ref = referenceTopCandidates(v, candidateRecords, { referential: engine.options.referential, limit: 20 });
      if (sameShortlist(ref.matches, batch.shortlist(v.id))) agree++;
    }
  });
  const refPerVacancy = tRef / sample.length;
  const fastPerVacancy = tMatch / nV;
  row(`  reference (plain objects, every pair, sort) on ${sample.length} vacancies`, `${ms(tRef)} → ${ms(refPerVacancy)} per vacancy`);
  row('  fast core per vacancy', `${(fastPerVacancy * 1000).toFixed(1)} µs`);
  row('  speed-up over the reference (same run)', `${(refPerVacancy / fastPerVacancy).toFixed(0)}×`);
  row('  shortlists identical to the reference', `${agree}/${sample.length}`);

  results.departement = {
    candidates: nC, vacancies: nV, load: loadavg(), work, nsPerPairInReach: (tMatch * 1e6) / work.inReach, nsPerPairScored: (tMatch * 1e6) / work.scored, generateMs: tGen, validateCandidatesMs: tValidate, indexCandidatesMs: tIndexC,
    indexVacanciesMs: tIndexV, matchAllMs: tMatch, matchAllRuns: runs, matchAllFullMs: tFull, explainMs: tExplain,
    explained, nsPerPair: (tMatch * 1e6) / pairs, floorMs: tFloor, floorNsPerPair: (tFloor * 1e6) / pairs,
    ratioToFloor: tMatch / tFloor, referenceSample: sample.length, referenceMs: tRef, referenceMsPerVacancy: refPerVacancy,
    fastMsPerVacancy: fastPerVacancy, speedup: refPerVacancy / fastPerVacancy, identicalShortlists: agree, stats: full.stats,
  };
}

/**
 * France as a user runs it: with `--dist` (what `npm run bench:france` passes, after building),
 * the indexes and matchAll come from the built package, whose workers start in tens of
 * milliseconds; from the sources each worker first compiles the TypeScript under tsx (0.6–3 s,
 * bench/results/workers.json). The core's own measures below read the same indexes.
 */
async function franceEngine(engine: Engine): Promise<{ engine: Engine; lib: 'dist' | 'src' }> {
  if (!args.has('--dist')) return { engine, lib: 'src' };
  const built = (await import(new URL('../dist/index.js', import.meta.url).href)) as typeof import('../src/index.js');
  return { engine: built.createEngine({ today: DEFAULT_TODAY }), lib: 'dist' };
}

async function france(sourceEngine: Engine) {
  const { engine, lib } = await franceEngine(sourceEngine);
  const [territory, tGen] = time(() => generateTerritory(WORKLOADS.france));
  row(`France ${territory.candidates.length} × ${territory.vacancies.length} (load ${load()}): generate`, ms(tGen));
  const [{ index: candidates, rejected }, tIndexC] = time(() => engine.indexCandidates(territory.candidates));
  const [{ index: vacancies }, tIndexV] = time(() => engine.indexVacancies(territory.vacancies));
  territory.candidates.length = 0;
  territory.vacancies.length = 0;
  const [, tGridC] = time(() => (candidates as CandidateStore).grid());
  const [, tGridV] = time(() => (vacancies as VacancyStore).grid());
  const tGrid = tGridC + tGridV;
  const tBuildC = tIndexC + tGridC;
  row('  indexCandidates (validate + encode)', `${ms(tIndexC)} (${rejected.length} rejected)`);
  row('  candidate spatial grid (built on first query; columns reordered by cell)', ms(tGridC));
  row(`  index build of ${candidates.size} candidates: validate + encode + grid`, `${ms(tBuildC)} (${((tBuildC * 1e6) / candidates.size).toFixed(0)} ns per candidate)`);
  row('  indexVacancies (validate + encode) + grid', `${ms(tIndexV)} + ${ms(tGridV)}`);
  // When each part of the batch ends, read from its progress: the set-up (until a first shortlist
  // is done), the shortlists, the accounting.
  let done = 0;
  const t0 = performance.now();
  const timeline = { firstShortlistMs: NaN, shortlistsEndMs: NaN, accountingStartMs: NaN };
  const [batch, tMatch] = await timeAsync(() =>
    engine.matchAll(candidates, vacancies, {
      perVacancy: 20, workers: 2, onProgress: (p) => {
        done = p.done;
        const t = performance.now() - t0;
        if (p.phase === 'shortlists' && p.done > 0 && Number.isNaN(timeline.firstShortlistMs)) timeline.firstShortlistMs = t;
        if (p.phase === 'shortlists' && p.done === p.total) timeline.shortlistsEndMs = t;
        if (p.phase === 'unmatched' && Number.isNaN(timeline.accountingStartMs)) timeline.accountingStartMs = t;
      },
    }),
  );
  const rss = process.resourceUsage().maxRSS / 1024; // maxRSS is in KiB
  row(`  matchAll top-20, workers: 2, from ${lib} (incl. unmatched blocker counts; load ${load()})`, `${ms(tMatch)} (shortlists ${ms(batch.stats.ms.shortlists)}, unmatched ${ms(batch.stats.ms.unmatched)})`);
  row('  timeline: first shortlist done / shortlists done / accounting started / end',
    `${ms(timeline.firstShortlistMs)} / ${ms(timeline.shortlistsEndMs)} / ${ms(timeline.accountingStartMs)} / ${ms(tMatch)}`);
  row('  peak RSS', `${rss.toFixed(0)} MiB`);

  // One vacancy's top-20 on the national index, through the core without explanations, as a server
  // answers it: the 1000 queries once on this thread (whose code has not run the scans yet: the
  // batch ran them in workers), reported as the first pass, then again, timed. The explanations of
  // the same matches are timed in a third pass (what engine.topCandidates adds).
  const core = createCore({ today: DEFAULT_TODAY });
  const store = candidates as CandidateStore;
  const ids: string[] = [];
  for (const m of batch.matches) { if (ids.length < 1000 && m.rank === 1) ids.push(m.vacancyId); }
  const queries = ids.map((id) => vacancies.get(id)!);
  const percentiles = (lat: number[]) => {
    lat.sort((a, b) => a - b);
    return { p50: lat[Math.floor(lat.length * 0.5)], p99: lat[Math.floor(lat.length * 0.99)] };
  };
  const cold = percentiles(queries.map((v) => time(() => core.topCandidates(v, store, 20, 0, 'advisor'))[1]));
  const { p50, p99 } = percentiles(queries.map((v) => time(() => core.topCandidates(v, store, 20, 0, 'advisor'))[1]));
  let explainMs = 0, explained = 0;
  for (const v of queries) {
    const top = core.topCandidates(v, store, 20, 0, 'advisor');
    // Right after its query: the query's kernel holds that vacancy until the next one.
    explainMs += time(() => { for (const ci of top.slots) sink += core.explain(ci, 0, top.kernel, store.records[ci], v, 'advisor').score; })[1];
    explained += top.slots.length;
  }
  row(`  one vacancy's top-20 on the national index (core, no explanations), ${ids.length} queries`, `p50 ${p50.toFixed(3)} ms, p99 ${p99.toFixed(3)} ms (first pass: p50 ${cold.p50.toFixed(3)} ms, p99 ${cold.p99.toFixed(3)} ms)`);
  row('  explanations of those matches, apart', `${((explainMs * 1e3) / explained).toFixed(1)} µs per match`);

  // The scans' work on every 20th vacancy, one thread (worker threads keep their own counters).
  const sample = [...Array(vacancies.size).keys()].filter((i) => i % 20 === 0);
  scanCounters.fill(0);
  const store2 = vacancies as VacancyStore;
  const [, tSample] = time(() => {
    for (const vi of sample) sink += core.topCandidates(store2.records[vi], store, 20, 0, 'advisor').slots.length;
  });
  const work = { vacancies: sample.length, inReach: pairsInReach(candidates, vacancies, 20), ...counted() };
  row(`  scans of ${sample.length} vacancies (every 20th, one thread): pairs in reach / skipped on item bits / visited / bound / pruned / scored`,
    `${work.inReach} / ${work.capabilitySkipped} / ${work.visited} / ${work.bounded} / ${work.pruned} / ${work.scored} (${ms(tSample)}, ${((tSample * 1e6) / work.inReach).toFixed(2)} ns per pair in reach)`);
  results.france = {
    lib, load: loadavg(), generateMs: tGen, indexCandidatesMs: tIndexC, candidateGridMs: tGridC, candidateIndexBuildMs: tBuildC,
    indexVacanciesMs: tIndexV, vacancyGridMs: tGridV, gridMs: tGrid, matchAllMs: tMatch, shortlistsMs: batch.stats.ms.shortlists,
    progressDone: done, timeline, peakRssMb: rss, topCandidatesNoExplanationsP50Ms: p50, topCandidatesNoExplanationsP99Ms: p99, topCandidatesFirstPassMs: cold,
    explainUsPerMatch: (explainMs * 1e3) / explained, sampleWork: work, sampleMs: tSample, stats: batch.stats,
  };
}

/** Pathways for 10 000 candidates of the département against its vacancies and its 200 sessions, through the engine. */
function pathways(engine: Engine) {
  const { candidates, vacancies, sessions } = generateTerritory(WORKLOADS.departement);
  const { index } = engine.indexVacancies(vacancies);
  const sample = candidates.slice(0, args.has('--quick') ? 1000 : 10_000);
  const validSessions = validateBatch('trainingSession', sessions).valid;
  engine.recommendPathways(sample[0], { vacancies: index, sessions: validSessions });
  const [count, t] = time(() => {
    let n = 0;
    for (const c of sample) n += engine.recommendPathways(c, { vacancies: index, sessions: validSessions, limit: 3 }).length;
    return n;
  });
  row(`pathways: ${sample.length} candidates × ${index.size} vacancies × ${validSessions.length} sessions (demand targets, unlocks)`, `${ms(t)} (${count} pathways, ${((t * 1000) / sample.length).toFixed(0)} µs per candidate)`);
  results.pathways = { candidates: sample.length, vacancies: index.size, sessions: validSessions.length, ms: t, pathways: count };
}

async function interactiveDepartement(engine: Engine) {
  const { candidates, vacancies } = generateTerritory(WORKLOADS.departement);
  const { index } = engine.indexCandidates(candidates);
  const lat: number[] = [];
  for (const v of vacancies.slice(0, 300)) {
    const [r, t] = time(() => engine.topCandidates(v, index, { limit: 20, nearMisses: 3 }));
    sink += r.matches.length;
    lat.push(t);
  }
  lat.sort((a, b) => a - b);
  row('département: topCandidates (limit 20, 3 near misses, explained)', `p50 ${lat[150].toFixed(2)} ms, p99 ${lat[296].toFixed(2)} ms`);
  results.interactiveDepartement = { p50Ms: lat[150], p99Ms: lat[296] };
}

const engine = createEngine({ today: DEFAULT_TODAY });
if (!args.has('--france-only')) {
  await departement(engine, 'departement');
  await departement(engine, 'departementCar45');
  await interactiveDepartement(engine);
  pathways(engine);
}
if (args.has('--france') || args.has('--france-only')) await france(engine);
results.table = rows;
results.sink = sink;
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
const write = (name: string, data: unknown) => {
  writeFileSync(new URL(`./results/${name}.json`, import.meta.url), JSON.stringify(data, null, 2));
  console.log(`written bench/results/${name}.json`);
};
console.log('');
// France's figures also go to their own file, whichever way they were asked for.
if (results.france !== undefined) write('france', { date: results.date, node: results.node, france: results.france, sink });
if (!args.has('--france-only')) write(args.has('--quick') ? 'core-quick' : 'core', results);
