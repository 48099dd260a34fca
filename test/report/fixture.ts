/**
 * The Orne demo's territory batch, its audit and indicators, and a greedy allocation (each
 * vacancy takes its best shortlisted candidate not yet taken): the report tests' input.
 */
import { auditFairness, createEngine, platformIndicators, type AllocationLike, type BatchResult, type CandidateIndex } from '../../src/index.js';
import { DEMO_TODAY, loadDemoData } from '../../examples/demo.js';
import { DEMO_PERIOD } from '../../examples/demo-audit.js';
import { generateEventLog } from '../../bench/events.js';

export interface Fixture {
  batch: BatchResult;
  candidates: CandidateIndex;
  allocation: AllocationLike;
  audit: ReturnType<typeof auditFairness>;
  indicators: ReturnType<typeof platformIndicators>;
}

export function greedyAllocation(batch: BatchResult): AllocationLike {
  const taken = new Set<string>();
  const assignments: AllocationLike['assignments'][number][] = [];
  for (const v of batch.vacancyIds().sort()) {
    const best = batch.shortlist(v).find((m) => !taken.has(m.candidateId));
    if (best) {
      taken.add(best.candidateId);
      assignments.push({ candidateId: best.candidateId, vacancyId: v, score: best.score });
    }
  }
  return { method: 'greedy', assignments, unassignedCandidates: [], unfilledVacancies: [] };
}

export async function demoFixture(): Promise<Fixture> {
  const data = loadDemoData();
  const engine = createEngine({ today: DEMO_TODAY });
  const candidates = engine.indexCandidates(data.candidates).index;
  const vacancies = engine.indexVacancies(data.vacancies).index;
  const batch = await engine.matchAll(candidates, vacancies, { perVacancy: 10, perCandidate: 3 });
  const audit = auditFairness(batch, candidates);
  const indicators = platformIndicators(generateEventLog(data.candidates as { id: string }[], { seed: 7, end: DEMO_PERIOD.to, spanDays: 540 }), DEMO_PERIOD);
  return { batch, candidates, allocation: greedyAllocation(batch), audit, indicators };
}

/** Public category codes as whole words: none may appear in an employer's page. */
export const CATEGORY_WORD = /\b(RSA|RQTH|DELD|JEUNE|QPV|ZRR|BPI|SENIOR|RECONVERSION|ETUDIANT|ASS|AAH|PARENT_ISOLE)\b/;
