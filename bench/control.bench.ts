/**
 * `tsx bench/control.bench.ts` — matchAll's control (issue 12 item 6), measured: how long after an
 * abort the promise rejects, the longest gap between two progress reports, and the longest the
 * event loop stayed blocked (perf_hooks' event-loop delay), one thread and two workers, raw arrays
 * and indexes, on Orne 20 000 × 2 000 and a 5 000 × 500 Orne draw. Writes bench/results/control.json.
 * `--dist`: the built package (`npm run build` first), whose workers start from dist/*.js as a
 * user's do, instead of the sources (each worker then compiles the library through tsx: seconds).
 * `--france`: also a France-sized draw, 200 000 × 40 000 (one run per path, from indexes);
 * `--france-only`: that draw alone.
 * Targets (the brief): rejection within 50 ms of the abort, progress at least every 100 ms of
 * work, the event loop back at least every 20 ms. Printed, never asserted.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { generateTerritory, WORKLOADS, DEFAULT_TODAY } from './workload.js';

const dist = process.argv.includes('--dist');
const { createEngine } = (await import(dist ? '../dist/index.js' : '../src/index.js')) as typeof import('../src/index.js');
const engine = createEngine({ today: DEFAULT_TODAY });
/** Abort delays after the call (ms): spread over the phases of the Orne workloads. */
const DELAYS = [5, 15, 30, 60, 100, 150, 250, 400, 700];
const orne = { runs: 3, delays: DELAYS, inputs: ['raw', 'indexes'] as Input[] };
const workloads: Record<string, { spec: Parameters<typeof generateTerritory>[0]; runs: number; delays: number[]; inputs: Input[] }> = {
  orne: { spec: WORKLOADS.departement, ...orne },
  orne5000x500: { spec: { ...WORKLOADS.departement, seed: 12, candidates: 5_000, vacancies: 500, sessions: 0 }, ...orne },
};
// `--france`: a France-sized draw (200 000 × 40 000), where the set-up's single calls (grid builds,
// id sorts) are long: one run each from indexes, aborts sent during the set-up and the shortlists.
if (process.argv.includes('--france-only')) {
  delete workloads.orne;
  delete workloads.orne5000x500;
}
if (process.argv.includes('--france') || process.argv.includes('--france-only')) {
  workloads.france200k = { spec: { ...WORKLOADS.france, candidates: 200_000, vacancies: 40_000 }, runs: 1, delays: [300, 2000], inputs: ['indexes'] };
}

type Input = 'raw' | 'indexes';
const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, code: dist ? 'dist' : 'src', loadavgBefore: loadavg() };
const rows: Record<string, unknown>[] = [];

for (const [name, { spec, runs, delays, inputs }] of Object.entries(workloads)) {
  const t = generateTerritory(spec);
  const indexes = () => [engine.indexCandidates(t.candidates).index, engine.indexVacancies(t.vacancies).index] as const;
  for (const workers of [0, 2]) {
    for (const input of inputs) {
      const args = () => (input === 'raw' ? [t.candidates, t.vacancies] as const : indexes());
      // Full runs: wall time, progress gaps, event-loop delay (max, and p99 of 1 ms samples).
      // On a shared 2-core host a thread is also descheduled: the smallest max of the runs is the
      // closer to the work's own figure, the largest says what a caller may see.
      const full: { wallMs: number; progressCalls: number; maxGap: number; loopMax: number; loopP99: number }[] = [];
      for (let r = 0; r < runs; r++) {
        const [c, v] = args();
        const stamps: number[] = [];
        const loop = monitorEventLoopDelay({ resolution: 1 });
        loop.enable();
        const t0 = performance.now();
        await engine.matchAll(c, v, { workers, onProgress: () => stamps.push(performance.now()) });
        const t1 = performance.now();
        loop.disable();
        const edges = [t0, ...stamps, t1];
        let maxGap = 0;
        for (let i = 1; i < edges.length; i++) maxGap = Math.max(maxGap, edges[i] - edges[i - 1]);
        full.push({ wallMs: t1 - t0, progressCalls: stamps.length, maxGap, loopMax: loop.max / 1e6, loopP99: loop.percentile(99) / 1e6 });
      }
      const spread = (k: keyof (typeof full)[number]) => ({ min: round(Math.min(...full.map((f) => f[k]))), max: round(Math.max(...full.map((f) => f[k]))) });
      // Aborts at each delay (runs that finished first are left out).
      const latencies: number[] = [];
      for (const delay of delays) {
        const [ca, va] = args();
        const controller = new AbortController();
        let sentAt = 0;
        const timer = setTimeout(() => {
          sentAt = performance.now();
          controller.abort(new Error('bench abort'));
        }, delay);
        const outcome = await engine.matchAll(ca, va, { workers, signal: controller.signal }).then(() => null, () => performance.now());
        clearTimeout(timer);
        if (outcome !== null && sentAt > 0) latencies.push(outcome - sentAt);
      }
      const row = {
        workload: name, workers, input,
        wallMs: spread('wallMs'),
        progressCalls: spread('progressCalls'),
        maxProgressGapMs: spread('maxGap'),
        eventLoopDelayMaxMs: spread('loopMax'),
        eventLoopDelayP99Ms: spread('loopP99'),
        abortLatencyMs: { n: latencies.length, max: round(Math.max(...latencies, 0)), median: round(median(latencies)) },
      };
      rows.push(row);
      console.log(JSON.stringify(row));
    }
  }
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

results.rows = rows;
results.loadavgAfter = loadavg();
mkdirSync('bench/results', { recursive: true });
const file = 'bench/results/control.json';
let previous: Record<string, unknown> = {};
try {
  previous = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
} catch {
  // First run.
}
// One entry per code path (src, dist): the two runs do not overwrite each other.
writeFileSync(file, `${JSON.stringify({ ...previous, [dist ? 'dist' : 'src']: results }, null, 2)}\n`);
