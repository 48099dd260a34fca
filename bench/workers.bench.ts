/**
 * Why two worker threads help less than they should: on a France-sized index with fewer
 * vacancies (WORKLOADS.france, vacancies: 24 000), the shortlists on one thread and on two, in
 * the same process, from the sources and from the build (`dist/index.js`, after `npm run build`);
 * and a worker's start-up alone (boot and import of the shard worker, from sources and built).
 *
 *   node --max-old-space-size=6144 --import tsx bench/workers.bench.ts [--vacancies 24000] [--runs 2]
 * → bench/results/workers.json;  --boot-only: the start-up figures alone, printed (nothing written)
 */
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { generateTerritory, WORKLOADS, DEFAULT_TODAY } from './workload.js';
import * as fromSources from '../src/index.js';

const argv = process.argv.slice(2);
const arg = (name: string, fallback: number) => { const i = argv.indexOf(name); return i < 0 ? fallback : Number(argv[i + 1]); };
const nV = arg('--vacancies', 24_000);
const runs = arg('--runs', 2);
const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, vacancies: nV, loadStart: loadavg() };

/** Time from `new Worker` to the worker's failure on an empty task: boot plus import of its module graph. */
function bootMs(file: URL, options: ConstructorParameters<typeof Worker>[1]): Promise<number> {
  return new Promise((resolve) => {
    const t = performance.now();
    const w = new Worker(file, { ...options, workerData: { kind: 'none' } });
    const done = () => { resolve(performance.now() - t); void w.terminate(); };
    w.once('error', done);
    w.once('exit', done);
  });
}
const dist = new URL('../dist/', import.meta.url);
const src = new URL('../src/workers/', import.meta.url);
const boot: Record<string, number[]> = { sources: [], dist: [] };
for (let r = 0; r < 3; r++) {
  boot.sources.push(await bootMs(new URL('from-sources.mjs', src), { execArgv: [], argv: [new URL('shard-worker.ts', src).href] }));
  if (existsSync(new URL('shard-worker.js', dist))) boot.dist.push(await bootMs(new URL('shard-worker.js', dist), { execArgv: [] }));
}
console.log(`shard worker start-up (boot + imports, until its first line runs), ms: sources ${boot.sources.map((x) => x.toFixed(0)).join(' / ')}; dist ${boot.dist.map((x) => x.toFixed(0)).join(' / ')}`);
results.bootMs = boot;

if (argv.includes('--boot-only')) process.exit(0);
const territory = generateTerritory({ ...WORKLOADS.france, vacancies: nV });
type Lib = typeof fromSources;
const libs: [string, Lib][] = [['src', fromSources]];
if (existsSync(new URL('index.js', dist))) libs.push(['dist', (await import(new URL('index.js', dist).href)) as Lib]);
const rows: unknown[] = [];
for (const [name, lib] of libs) {
  const engine = lib.createEngine({ today: DEFAULT_TODAY });
  const { index: candidates } = engine.indexCandidates(territory.candidates);
  const { index: vacancies } = engine.indexVacancies(territory.vacancies);
  // The grids are built before timing (the first matchAll would build them).
  (candidates as unknown as { grid(): unknown }).grid();
  (vacancies as unknown as { grid(): unknown }).grid();
  for (let r = 0; r < runs; r++) {
    for (const workers of [0, 2]) {
      // Longest block of the event loop while the batch runs: what the caller's timers wait.
      let last = performance.now(); let maxGap = 0;
      const probe = setInterval(() => { const t = performance.now(); maxGap = Math.max(maxGap, t - last); last = t; }, 5);
      const t = performance.now();
      // From the progress reports: the shortlists' set-up ends when the first vacancies are done.
      let firstReport = 0; let firstDone = 0; let allDone = 0;
      const onProgress = (p: { phase: string; done: number; total: number }) => {
        if (p.phase !== 'shortlists') return;
        const now = performance.now() - t;
        if (firstReport === 0) firstReport = now;
        if (p.done > 0 && firstDone === 0) firstDone = now;
        if (p.done === p.total && allDone === 0) allDone = now;
      };
      const batch = await engine.matchAll(candidates, vacancies, { perVacancy: 20, workers, blockerCounts: false, onProgress });
      const total = performance.now() - t;
      clearInterval(probe);
      const row = { lib: name, workers, run: r, shortlistsMs: batch.stats.ms.shortlists, unmatchedMs: batch.stats.ms.unmatched, totalMs: total, maxEventLoopGapMs: maxGap, shortlistPhaseStartMs: firstReport, firstVacanciesDoneMs: firstDone, lastVacancyDoneMs: allDone, load: loadavg()[0], pairs: batch.stats.shortlistedPairs };
      rows.push(row);
      console.log(`${name} workers ${workers} run ${r}: shortlists ${batch.stats.ms.shortlists.toFixed(0)} ms (phase reported at ${firstReport.toFixed(0)}, first vacancies done at ${firstDone.toFixed(0)}, all at ${allDone.toFixed(0)}), unmatched ${batch.stats.ms.unmatched.toFixed(0)} ms, longest event-loop block ${maxGap.toFixed(0)} ms (load ${load()})`);
    }
  }
}
results.rows = rows;
results.loadEnd = loadavg();
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/workers.json', import.meta.url), JSON.stringify(results, null, 2));
