/**
 * Job dating schedules (scheduleJobDating) on the Orne workload (bench/workload.ts, `departement`,
 * 20 000 × 2 000, matchAll top-20 per vacancy and top-5 per candidate).
 *
 * 1. The issue's event: 300 candidates × 30 employers × 12 slots, every candidate × vacancy pair
 *    considered (`pairs: 'all'`: the lists, then batch.evaluate for the rest), solved exactly.
 *    Pair gathering timed once, the solve (what the 10 s target is about) several times, HiGHS
 *    loaded beforehand; then one whole scheduleJobDating call.
 * 2. The heuristic alone on the same event: its value and its gap to the LP bound.
 * 3. A ladder of larger events (pairs from the batch's lists of a perCandidate = 30 batch) with a
 *    60 s limit: the largest proven within it.
 *
 * Events are picked by rule: the employers whose vacancies shortlisted the most candidates, then
 * the candidates listed with most of them; 12 slots of 20 minutes from 9:00, a quarter of the
 * candidates and a fifth of the employers present half the morning only, one table (two for
 * employers with three vacancies or more), 3 interviews at most per candidate. Prints figures
 * and writes bench/results/jobdating.json.
 *
 * Run: npx tsx bench/jobdating.bench.ts [--runs N] [--quick]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { createEngine, scheduleJobDating, type BatchResult } from '../src/index.js';
import { parseJobDating } from '../src/jobdating/event.js';
import { eventPairs } from '../src/jobdating/pairs.js';
import { buildProblem } from '../src/jobdating/schedule.js';
import { solveProblem } from '../src/jobdating/solve.js';
import { loadSolver } from '../src/jobdating/milp.js';
import { WORKLOADS, generateTerritory, DEFAULT_TODAY } from './workload.js';

const argv = process.argv.slice(2);
const runsAt = argv.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(argv[runsAt + 1]) : 3;
const QUICK = argv.includes('--quick');

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

function pickEvent(batch: BatchResult, nCandidates: number, nEmployers: number, nSlots: number) {
  const byEmployer = new Map<string, string[]>();
  for (const v of batch.vacancyIds()) {
    const e = batch.vacancy(v)!.employerId;
    (byEmployer.get(e) ?? byEmployer.set(e, []).get(e)!).push(v);
  }
  const listedWith = new Map<string, Set<string>>();
  for (const [e, vs] of byEmployer) {
    for (const v of vs) for (const m of batch.shortlist(v)) (listedWith.get(e) ?? listedWith.set(e, new Set()).get(e)!).add(m.candidateId);
  }
  const employers = [...byEmployer.keys()]
    .sort((a, b) => (listedWith.get(b)?.size ?? 0) - (listedWith.get(a)?.size ?? 0) || cmp(a, b))
    .slice(0, nEmployers);
  const degree = new Map<string, number>();
  for (const e of employers) for (const c of listedWith.get(e) ?? []) degree.set(c, (degree.get(c) ?? 0) + 1);
  const candidates = [...degree.keys()].sort((a, b) => degree.get(b)! - degree.get(a)! || cmp(a, b)).slice(0, nCandidates).sort(cmp);
  const slots = Array.from({ length: nSlots }, (_, i) => ({ id: `s${String(i + 1).padStart(2, '0')}`, start: hhmm(540 + 20 * i), end: hhmm(560 + 20 * i) }));
  const half = Math.floor(nSlots / 2);
  const first = slots.slice(0, half).map((s) => s.id);
  const second = slots.slice(half).map((s) => s.id);
  return {
    id: `jd-${nCandidates}x${nEmployers}x${nSlots}`,
    date: '2026-12-10',
    slots,
    employers: employers.sort(cmp).map((id, i) => ({
      id,
      vacancyIds: byEmployer.get(id)!,
      tables: byEmployer.get(id)!.length >= 3 ? 2 : 1,
      ...(i % 5 === 4 ? { slotIds: i % 10 === 4 ? first : second } : {}),
    })),
    candidates: candidates.map((id, i) => ({ id, ...(i % 4 === 3 ? { slotIds: i % 8 === 3 ? first : second } : {}) })),
  };
}

/** The integer problem scheduleJobDating solves, with the pair gathering timed. */
function build(event: ReturnType<typeof pickEvent>, batch: BatchResult, pairs: 'all' | 'lists') {
  const parsed = parseJobDating(event, { pairs }, batch);
  const t0 = performance.now();
  const gathered = eventPairs(parsed.event, batch, parsed.options);
  const ms = performance.now() - t0;
  return { problem: buildProblem(parsed.event, gathered.pairs).problem, pairs: gathered.pairs.length, explained: gathered.stats.explained, ms };
}

async function main() {
  const engine = createEngine({ today: DEFAULT_TODAY });
  const { candidates, vacancies } = generateTerritory(WORKLOADS.departement);
  const ci = engine.indexCandidates(candidates).index;
  const vi = engine.indexVacancies(vacancies).index;
  const batch = await engine.matchAll(ci, vi, { perVacancy: 20, perCandidate: 5 });

  // 1. The issue's event: pairs gathered once (timed), then the solve alone, several times.
  await loadSolver();
  const event = pickEvent(batch, 300, 30, 12);
  const built = build(event, batch, 'all');
  const runs: { solveMs: number; optimal: boolean; served: number; objective: number; interviews: number }[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    const s = await solveProblem(built.problem, { timeLimitSeconds: 60 });
    const solveMs = performance.now() - t0;
    runs.push({ solveMs, optimal: s.optimal, served: s.value.served, objective: s.value.score, interviews: s.placements.length });
    console.log(`300×30×12 solve run ${r + 1}: ${solveMs.toFixed(0)} ms, optimal ${s.optimal}, served ${s.value.served}/300, ${s.placements.length} interviews, score ${s.value.score.toFixed(2)}`);
  }
  const pairs = built.pairs;
  const explained = built.explained;
  console.log(`300×30×12 pairs: ${pairs} (${explained} candidate × vacancy pairs evaluated) in ${built.ms.toFixed(0)} ms`);
  const tw = performance.now();
  const whole = await scheduleJobDating(event, batch, { timeLimitSeconds: 60 });
  const wholeMs = performance.now() - tw;
  console.log(`300×30×12 whole call (pairs + solve + convocations): ${wholeMs.toFixed(0)} ms, optimal ${whole.optimal}`);

  // 2. The heuristic alone.
  const th = performance.now();
  const h = await solveProblem(built.problem, { method: 'heuristic' });
  const heuristicMs = performance.now() - th;
  console.log(`heuristic: served ${h.value.served} (bound ${h.bound.served}), score ${h.value.score.toFixed(2)} (bound ${h.bound.score.toFixed(2)}, gap ${(h.bound.score - h.value.score).toFixed(2)}), optimal ${h.optimal}, ${heuristicMs.toFixed(0)} ms`);

  // 3. Larger events, pairs from the lists of a batch keeping 30 vacancies per candidate.
  const wide = await engine.matchAll(ci, vi, { perVacancy: 50, perCandidate: 30 });
  const ladder: { candidates: number; employers: number; slots: number; pairs: number; solveMs: number; optimal: boolean; gap: number }[] = [];
  const sizes: [number, number, number][] = QUICK
    ? [[300, 30, 12], [600, 60, 12]]
    : [[300, 30, 12], [600, 60, 12], [1000, 100, 12], [1250, 125, 12], [1500, 150, 12], [1500, 150, 16], [2000, 200, 16], [3000, 300, 16]];
  for (const [nc, ne, ns] of sizes) {
    const ev = pickEvent(wide, nc, ne, ns);
    const b2 = build(ev, wide, 'lists');
    const t = performance.now();
    const s = await solveProblem(b2.problem, { timeLimitSeconds: 60 });
    const solveMs = performance.now() - t;
    const gap = s.bound.score - s.value.score;
    ladder.push({ candidates: ev.candidates.length, employers: ne, slots: ns, pairs: b2.pairs, solveMs, optimal: s.optimal, gap });
    console.log(`ladder ${ev.candidates.length}×${ne}×${ns}: ${b2.pairs} pairs, solve ${solveMs.toFixed(0)} ms, optimal ${s.optimal}, served ${s.value.served}/${ev.candidates.length} (bound ${s.bound.served}), score gap ${gap.toFixed(2)}`);
    if (!s.optimal) break;
  }
  const proven = ladder.filter((l) => l.optimal).at(-1);

  const solveMs = runs.map((r) => r.solveMs);
  const result = {
    date: new Date().toISOString(),
    workload: 'departement (61), matchAll perVacancy 20, perCandidate 5',
    load: loadavg(),
    cpus: execFileSync('nproc', { encoding: 'utf8' }).trim(),
    event: { candidates: 300, employers: 30, slots: 12, pairs, explained, pairsMs: built.ms, wholeCallMs: wholeMs },
    runs,
    solveMinMs: Math.min(...solveMs),
    solveMaxMs: Math.max(...solveMs),
    heuristic: { served: h.value.served, boundServed: h.bound.served, objective: h.value.score, bound: h.bound.score, optimal: h.optimal, ms: heuristicMs },
    ladder,
    largestProvenWithin60s: proven ?? null,
    node: process.version,
  };
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('./results/jobdating.json', import.meta.url), JSON.stringify(result, null, 2) + '\n');
  console.log(`load ${loadavg().map((x) => x.toFixed(2)).join(' ')}; largest proven within 60 s: ${proven ? `${proven.candidates}×${proven.employers}×${proven.slots} (${proven.pairs} pairs, ${(proven.solveMs / 1000).toFixed(1)} s)` : 'none'}`);
}

await main();
