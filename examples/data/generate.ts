/**
 * Regenerates examples/data/orne-demo.json: the demo territory (bench/workload.ts, WORKLOADS.demo:
 * Orne, seed 7, 400 candidates × 60 vacancies, 40 training sessions, today 2026-11-23) plus a few
 * deliberately broken records that the demo's validation section shows being rejected.
 *
 *   npx tsx examples/data/generate.ts
 *
 * Places get the commune's name as `label` (display only) so the demo can say where people live.
 * Commune names and positions: INSEE COG 2026 (Licence Ouverte 2.0) and GeoNames (CC BY 4.0),
 * see bench/geo/README.md.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEFAULT_TODAY, WORKLOADS, generateTerritory } from '../../bench/workload.js';

type Json = Record<string, unknown>;

/** The snapshot as written to orne-demo.json (same options, same JSON). */
export function buildSnapshot() {
  const territory = generateTerritory(WORKLOADS.demo);
  const names = new Map(territory.communes.map((c) => [c.code, c.name]));
  const labelled = <T extends { communeCode?: string }>(p: T): T => {
    const name = p.communeCode === undefined ? undefined : names.get(p.communeCode);
    return name === undefined ? p : { ...p, label: name };
  };

  const candidates: Json[] = territory.candidates.map((c) => ({ ...c, home: labelled(c.home) }));
  const vacancies: Json[] = territory.vacancies.map((v) => ({ ...v, site: labelled(v.site) }));
  const sessions: Json[] = territory.sessions.map((s) => ({ ...s, site: labelled(s.site) }));

  // Broken copies of valid records: each carries one mistake a backend really makes.
  const clone = (r: Json): Json => structuredClone(r);
  const badCandidates: Json[] = [];
  {
    const c = clone(candidates[0]);
    c.id = 'c-bad-date';
    c.availableFrom = '2026-02-30';
    badCandidates.push(c);
  }
  {
    const c = clone(candidates[1]);
    c.id = 'c-bad-cert';
    c.qualifications = [{ code: 'DEAEZ' }];
    badCandidates.push(c);
  }
  {
    const c = clone(candidates[2]);
    c.id = 'c-bad-hours';
    c.schedule = { ...(c.schedule as Json), weeklyHoursMin: 35, weeklyHoursMax: 20 };
    badCandidates.push(c);
  }
  {
    const c = clone(candidates[3]);
    c.id = 'c-no-mobility';
    delete c.mobility;
    badCandidates.push(c);
  }
  // A duplicate id: the first record is kept, this one is rejected naming it.
  badCandidates.push({ ...clone(candidates[4]) });

  const badVacancies: Json[] = [];
  {
    const v = clone(vacancies[0]);
    v.id = 'v-bad-rome';
    v.job = { rome: 'K9999' };
    badVacancies.push(v);
  }
  {
    const v = clone(vacancies[1]);
    v.id = 'v-bad-site';
    v.site = { lat: 148.6, lon: 0.09 };
    badVacancies.push(v);
  }

  return {
    description:
      'Demo territory for `npm run demo`: bench/workload.ts WORKLOADS.demo (Orne 61, seed 7), plus broken records under `invalid`. Regenerate with `npx tsx examples/data/generate.ts`.',
    source: 'Synthetic records. Communes: INSEE COG 2026 (Licence Ouverte 2.0), positions GeoNames (CC BY 4.0); see bench/geo/README.md.',
    today: DEFAULT_TODAY,
    workload: WORKLOADS.demo,
    candidates,
    vacancies,
    sessions,
    invalid: { candidates: badCandidates, vacancies: badVacancies },
  };
}

export const SNAPSHOT_PATH = fileURLToPath(new URL('./orne-demo.json', import.meta.url));

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const snapshot = buildSnapshot();
  writeFileSync(SNAPSHOT_PATH, JSON.stringify(snapshot) + '\n');
  const broken = snapshot.invalid.candidates.length + snapshot.invalid.vacancies.length;
  console.log(`${SNAPSHOT_PATH}: ${snapshot.candidates.length} candidates, ${snapshot.vacancies.length} vacancies, ${snapshot.sessions.length} sessions, ${broken} broken records`);
}
