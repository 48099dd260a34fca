/**
 * `npx tsx bench/fingerprint.ts` — one hash per public output of the scoring core on seeded
 * workloads, so that a rewrite of the core can show its outputs are identical before and after
 * each step (issue 12). Prints `name hash` lines and writes bench/results/fingerprint.json; compare
 * with `git show <before>:bench/results/fingerprint.json`. Timings are left out on purpose.
 *
 *   npx tsx bench/fingerprint.ts           Orne 20 000 × 2 000 (both mobilities) and a France draw of 60 000 × 12 000
 *   npx tsx bench/fingerprint.ts --quick   Orne only
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { generateTerritory, WORKLOADS, DEFAULT_TODAY } from './workload.js';
import { createEngine, validateBatch, type BatchResult } from '../src/index.js';

const quick = process.argv.includes('--quick');
const hashes: Record<string, string> = {};
const hash = (name: string, value: unknown) => {
  hashes[name] = createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
  console.log(`${name.padEnd(40)} ${hashes[name]}`);
};
/** A batch without its timings (the only part that may differ between identical runs). */
const batchJSON = (b: BatchResult) => {
  const json = b.toJSON();
  return { ...json, stats: { ...json.stats, ms: null } };
};

const engine = createEngine({ today: DEFAULT_TODAY });
const advisorWithBonus = createEngine({ today: DEFAULT_TODAY, positiveAction: { RSA: 5, RQTH: 5, QPV: 3 } });

async function territory(name: string, options: Parameters<typeof generateTerritory>[0], detail: boolean) {
  const t = generateTerritory(options);
  const { index: candidates } = engine.indexCandidates(t.candidates);
  const { index: vacancies } = engine.indexVacancies(t.vacancies);
  hash(`${name}.matchAll`, batchJSON(await engine.matchAll(candidates, vacancies, { perVacancy: 20, perCandidate: 5 })));
  hash(`${name}.matchAll.workers2`, batchJSON(await engine.matchAll(candidates, vacancies, { perVacancy: 20, workers: 2 })));
  hash(`${name}.matchAll.employer`, batchJSON(await engine.matchAll(candidates, vacancies, { perVacancy: 10, audience: 'employer' })));
  hash(`${name}.matchAll.raw`, batchJSON(await engine.matchAll(t.candidates, t.vacancies, { perVacancy: 20, blockerCounts: false })));
  if (!detail) return;
  const { index: bc } = advisorWithBonus.indexCandidates(t.candidates);
  const { index: bv } = advisorWithBonus.indexVacancies(t.vacancies);
  hash(`${name}.matchAll.positiveAction`, batchJSON(await advisorWithBonus.matchAll(bc, bv, { perVacancy: 20, perCandidate: 3 })));
  const vs = t.vacancies.filter((_, i) => i % 40 === 0);
  const cs = t.candidates.filter((_, i) => i % 400 === 0);
  hash(`${name}.topCandidates`, vs.map((v) => engine.topCandidates(v, candidates, { limit: 20, nearMisses: 3 })));
  hash(`${name}.topCandidates.employer`, vs.map((v) => engine.topCandidates(v, candidates, { limit: 10, nearMisses: 3, audience: 'employer' })));
  hash(`${name}.topVacancies`, cs.map((c) => engine.topVacancies(c, vacancies, { limit: 10, nearMisses: 3 })));
  hash(`${name}.score`, cs.slice(0, 20).map((c, i) => engine.score(c, t.vacancies[i * 7])));
  hash(`${name}.counterfactuals`, cs.map((c) => engine.counterfactuals(c, vacancies)));
  const sessions = validateBatch('trainingSession', t.sessions).valid;
  hash(`${name}.recommendPathways`, cs.slice(0, 25).map((c) => engine.recommendPathways(c, { vacancies, sessions, limit: 3 })));
}

await territory('orne', WORKLOADS.departement, true);
await territory('orneCar45', WORKLOADS.departementCar45, false);
if (!quick) await territory('france60k', { ...WORKLOADS.france, candidates: 60_000, vacancies: 12_000 }, false);

mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/fingerprint.json', import.meta.url), JSON.stringify(hashes, null, 2) + '\n');
