/**
 * Every sentence a person reads, gathered from a large sample of outputs: matches of both audiences
 * (score, top lists with near misses, matchAll's explain), counterfactual labels and pathways
 * (steps, funding reasons, notes, summaries). Each text keeps where it came from, so that a finding
 * names its source. Codes (`code` fields, ids) are left out: they are machine-readable on purpose.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { createEngine, type Engine } from '../../src/engine/engine.js';
import type { CandidateIndex, VacancyIndex } from '../../src/core/indexes.js';
import type { Match } from '../../src/scoring/types.js';
import type { Pathway } from '../../src/pathways/types.js';
import { validCandidate, validVacancy } from '../arbitraries.js';

export interface Text {
  /** Where it comes from: "match(advisor).blockers[].message", "pathway.steps[].funding[].reason"… */
  where: string;
  text: string;
}

export function matchTexts(m: Match, out: Text[]): void {
  const at = `match(${m.audience})`;
  out.push({ where: `${at}.summary`, text: m.summary });
  for (const k of m.criteria) {
    out.push({ where: `${at}.criteria[].label`, text: k.label });
    out.push({ where: `${at}.criteria[${k.code}].detail`, text: k.detail });
  }
  for (const b of m.blockers) {
    out.push({ where: `${at}.blockers[${b.code}].message`, text: b.message });
    if (b.lift) out.push({ where: `${at}.blockers[${b.code}].lift.message`, text: b.lift.message });
  }
  for (const t of m.toCheck) out.push({ where: `${at}.toCheck[${t.code}].message`, text: t.message });
  for (const a of m.aids) {
    out.push({ where: `${at}.aids[${a.code}].label`, text: a.label });
    out.push({ where: `${at}.aids[${a.code}].reason`, text: a.reason });
  }
}

export function pathwayTexts(p: Pathway, out: Text[]): void {
  out.push({ where: 'pathway.summary', text: p.summary });
  out.push({ where: 'pathway.target.label', text: p.target.label });
  for (const n of p.notLifted) out.push({ where: `pathway.notLifted[${n.code}].message`, text: n.message });
  for (const s of p.steps) {
    out.push({ where: `pathway.steps[${s.kind}].label`, text: s.label });
    for (const n of s.notes) out.push({ where: `pathway.steps[${s.kind}].notes[]`, text: n });
    for (const f of s.funding) out.push({ where: `pathway.steps[${s.kind}].funding[${f.code}].reason`, text: f.reason });
  }
  // Any other string field a later version adds to a pathway or a step is read too.
  const known = new Set(['summary', 'target', 'notLifted', 'steps', 'jobReadyDate']);
  for (const [k, v] of Object.entries(p)) if (!known.has(k) && typeof v === 'string') out.push({ where: `pathway.${k}`, text: v });
}

interface DemoData {
  today: string;
  candidates: unknown[];
  vacancies: unknown[];
  sessions: unknown[];
}

export function loadOrne(): DemoData {
  return JSON.parse(readFileSync(new URL('../../examples/data/orne-demo.json', import.meta.url), 'utf8')) as DemoData;
}

function gather(engine: Engine, ci: CandidateIndex, vi: VacancyIndex, sessions: unknown[], pathwayCandidates: number, out: Text[]): void {
  for (const v of vi.records) {
    for (const audience of ['advisor', 'employer'] as const) {
      const top = engine.topCandidates(v, ci, { limit: 3, nearMisses: 4, audience });
      for (const m of [...top.matches, ...top.nearMisses]) matchTexts(m, out);
    }
  }
  const cs = ci.records;
  const step = Math.max(1, Math.floor(cs.length / pathwayCandidates));
  for (let i = 0; i < cs.length; i += step) {
    const c = cs[i];
    const top = engine.topVacancies(c, vi, { limit: 2, nearMisses: 3 });
    for (const m of [...top.matches, ...top.nearMisses]) matchTexts(m, out);
    for (const x of engine.counterfactuals(c, vi)) out.push({ where: `counterfactual[${x.change.code}].label`, text: x.change.label });
    for (const p of engine.recommendPathways(c, { sessions, vacancies: vi, limit: 3 })) pathwayTexts(p, out);
    // Toward a near miss, and toward the aide-soignant job (the DEAS and its bridges).
    const near = top.nearMisses[0];
    if (near) for (const p of engine.recommendPathways(c, { target: near, sessions, vacancies: vi, limit: 2 })) pathwayTexts(p, out);
    for (const p of engine.recommendPathways(c, { target: 'J1501', sessions, vacancies: vi, limit: 2 })) pathwayTexts(p, out);
  }
}

/** Texts of the Orne demo territory: every vacancy's lists, and pathways for `pathwayCandidates` candidates. */
export async function orneTexts(pathwayCandidates: number): Promise<Text[]> {
  const data = loadOrne();
  const engine = createEngine({ today: data.today, positiveAction: { RQTH: 3, QPV: 2 } });
  const ci = engine.indexCandidates(data.candidates).index;
  const vi = engine.indexVacancies(data.vacancies).index;
  const out: Text[] = [];
  gather(engine, ci, vi, data.sessions, pathwayCandidates, out);
  const batch = await engine.matchAll(ci, vi, { perVacancy: 3, audience: 'employer' });
  for (const m of batch.matches) {
    if (m.rank > 1) continue;
    matchTexts(batch.explain(m.candidateId, m.vacancyId), out);
    matchTexts(batch.explain(m.candidateId, m.vacancyId, { audience: 'advisor' }), out);
  }
  return out;
}

/** Texts of random valid records (test/arbitraries.ts): the corners the demo does not reach. */
export function randomTexts(seed: number, territories: number): Text[] {
  const out: Text[] = [];
  const engine = createEngine({ today: '2026-03-02', positiveAction: { RSA: 4, BPI: 2 } });
  const records = fc.tuple(fc.array(validCandidate(), { minLength: 1, maxLength: 12 }), fc.array(validVacancy(), { minLength: 1, maxLength: 8 }));
  for (const [cs, vs] of fc.sample(records, { numRuns: territories, seed })) {
    // Ids are the caller's and may read as anything (`2_Y`): plain ones, so that sentences naming an offer are judged on their own words.
    const ci = engine.indexCandidates(cs.map((c, i) => ({ ...c, id: `c${i}` }))).index;
    const vi = engine.indexVacancies(vs.map((v, i) => ({ ...v, id: `v${i}` }))).index;
    for (const c of ci.records) {
      for (const v of vi.records) for (const audience of ['advisor', 'employer'] as const) matchTexts(engine.score(c, v, { audience }), out);
    }
    gather(engine, ci, vi, [], 6, out);
  }
  return out;
}
