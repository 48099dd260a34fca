/**
 * The HTML report's size and time on the Orne workload (20 000 × 2 000, matchAll with
 * perVacancy 20 and perCandidate 5, optimal allocation as links, fairness audit): with the
 * default caps (markers become map cells above 3 000 records of a kind, 3 000 links at most,
 * 400 explained pairs) and with one marker per record. Also the Orne demo's report. Writes
 * bench/results/report.json.
 *
 * Run: npx tsx bench/report.bench.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { allocate, auditFairness, createEngine, renderReport, type ReportInput } from '../src/index.js';
import { communesOf } from './geo/index.js';
import { generateTerritory, WORKLOADS } from './workload.js';

const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, loadavg: loadavg() };

function measure(name: string, input: ReportInput): void {
  renderReport(input);
  const times: number[] = [];
  const cpu: number[] = [];
  let html = '';
  for (let r = 0; r < 3; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    html = renderReport(input);
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const bytes = Buffer.byteLength(html);
  const markers = (html.match(/class="mk /g) ?? []).length;
  const links = (html.match(/class="lk /g) ?? []).length;
  results[name] = { bytes, markers, links, minMs: Math.round(Math.min(...times)), cpuMs: cpu.map(Math.round), loadavg: loadavg()[0] };
  console.log(`${name.padEnd(58)} ${(bytes / 1024).toFixed(0).padStart(6)} KB, ${markers} markers, ${links} links; render min ${Math.min(...times).toFixed(0)} ms (CPU ${cpu.map((x) => x.toFixed(0)).join('/')} ms; load ${loadavg()[0].toFixed(1)})`);
}

for (const [label, spec] of [['demo', WORKLOADS.demo], ['Orne', WORKLOADS.departement]] as const) {
  const territory = generateTerritory(spec);
  const engine = createEngine();
  const { index: candidates } = engine.indexCandidates(territory.candidates);
  const { index: vacancies } = engine.indexVacancies(territory.vacancies);
  const batch = await engine.matchAll(candidates, vacancies, { perVacancy: 20, perCandidate: 5 });
  const allocation = await allocate(batch, { method: 'optimal' });
  const audit = auditFairness(batch, candidates);
  const base: ReportInput = { batch, allocation, audit, communes: communesOf('61') };
  const size = `${candidates.size} × ${vacancies.size}`;
  measure(`${label} ${size}, default caps`, base);
  if (label === 'Orne') measure(`${label} ${size}, one marker per record`, { ...base, maxMarkers: 25_000, maxLinks: 25_000 });
}

mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/report.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
