/**
 * The demo's recruitment campaign (called by examples/demo.ts on its matchAll batch): who takes
 * which post (optimal and stable allocations), what spreading the recommendations costs and buys,
 * and a priority call order on one shortlist.
 */
import {
  allocate, prioritize, spreadRecommendations, type Allocation, type BatchResult, type CandidateIndex,
} from '../src/index.js';
import { formatNumber, formatPercent } from '../src/format/french.js';

const pad = (s: string | number, n: number) => String(s).padEnd(n);

function summary(print: (line: string) => void, label: string, a: Allocation): void {
  const filled = a.assignments.length;
  print(`  ${pad(label, 9)} ${formatNumber(filled, 0)} postes pourvus sur ${formatNumber(a.size.openings, 0)} ; score total ${formatNumber(a.total, 0)} ; ${formatNumber(a.unassignedCandidates.length, 0)} candidat·es sans poste ; ${formatNumber(a.unfilledVacancies.length, 0)} offres avec des postes vacants`);
}

export async function runCampaignDemo(print: (line: string) => void, batch: BatchResult, candidates: CandidateIndex): Promise<Allocation> {
  const optimal = await allocate(batch, { method: 'optimal' });
  const stable = await allocate(batch, { method: 'stable' });
  print(`  ${formatNumber(optimal.size.candidates, 0)} candidat·es, ${formatNumber(optimal.size.vacancies, 0)} offres (${formatNumber(optimal.size.openings, 0)} postes), ${formatNumber(optimal.size.pairs, 0)} paires éligibles lues dans le lot`);
  summary(print, 'optimale', optimal);
  summary(print, 'stable', stable);
  print('  Allocation optimale, quelques décisions :');
  for (const x of optimal.assignments.filter((a) => a.choice > 1).slice(0, 2)) {
    print(`    ${pad(x.candidateId, 6)} → ${pad(x.vacancyId, 5)} ${x.explanation}`);
  }
  const outcompeted = optimal.unassignedCandidates.find((u) => u.reason === 'outcompeted');
  if (outcompeted) print(`    ${pad(outcompeted.id, 6)}   [${outcompeted.reason}] ${outcompeted.explanation}`);
  for (const reason of ['no_candidate', 'not_chosen'] as const) {
    const u = optimal.unfilledVacancies.find((x) => x.reason === reason);
    if (u) print(`    ${pad(u.id, 6)}   [${u.reason}] ${u.explanation}`);
  }

  const spread = spreadRecommendations(batch, { perCandidate: 3, perOpening: 3 });
  const m = spread.metrics;
  const u = m.unconstrained;
  print('  Recommandations étalées (3 offres par candidat·e au plus, 3 candidat·es par poste au plus) :');
  print(`    ${pad('', 22)} ${pad('couverture', 12)} ${pad('Gini', 6)} ${pad('score moyen', 12)} paires`);
  print(`    ${pad('listes étalées', 22)} ${pad(formatPercent(m.coverage), 12)} ${pad(formatNumber(m.gini, 2), 6)} ${pad(formatNumber(m.meanScore, 1), 12)} ${formatNumber(m.pairs, 0)}`);
  print(`    ${pad('3 meilleures offres', 22)} ${pad(formatPercent(u.coverage), 12)} ${pad(formatNumber(u.gini, 2), 6)} ${pad(formatNumber(u.meanScore, 1), 12)} ${formatNumber(u.pairs, 0)}`);

  // A priority call order on the first shortlist that it changes.
  const options = { minShare: 0.3, priority: ['RSA', 'QPV', 'DELD'], candidates };
  for (const id of batch.vacancyIds()) {
    const shortlist = batch.shortlist(id);
    const call = prioritize(shortlist, options);
    if (call.reordered === 0) continue;
    print(`  Ordre d’appel de l’offre ${id} avec une part minimale de ${formatPercent(options.minShare)} de publics prioritaires (scores inchangés) :`);
    for (const o of call.order) {
      print(`    ${pad(o.rank, 3)} ${pad(o.candidateId, 6)} score ${pad(formatNumber(o.score ?? 0, 0), 4)} rang initial ${o.originalRank}${o.explanation ? `  ${o.explanation}` : ''}`);
    }
    break;
  }
  return optimal;
}
