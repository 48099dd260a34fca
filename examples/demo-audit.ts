/**
 * The demo's section on measuring what the platform does: the fairness audit of the territory
 * batch, and the follow-up indicators of a generated (seeded, deterministic) event log of the
 * Orne demo's candidates. Called by examples/demo.ts.
 */
import {
  auditFairness, platformIndicators, type BatchResult, type CandidateIndex, type FairnessAudit, type PlatformIndicators,
} from '../src/index.js';
import { generateEventLog } from '../bench/events.js';

/** The reporting period of the indicators: the demo's year up to its reference date. */
export const DEMO_PERIOD = { from: '2026-01-01', to: '2026-11-23' } as const;

const indent = (text: string) => text.split('\n').map((l) => (l === '' ? '' : `  ${l}`));

export function runAuditDemo(
  print: (line: string) => void,
  batch: BatchResult,
  candidates: CandidateIndex,
  people: readonly { id: string; categories?: readonly string[]; desiredJobs?: readonly string[] }[],
): { audit: FairnessAudit; indicators: PlatformIndicators } {
  const audit = auditFairness(batch, candidates);
  for (const line of indent(audit.text)) print(line);
  const flagged = audit.groups.filter((g) => g.flagged).map((g) => g.group);
  print(`  [groupes signalés : ${flagged.length > 0 ? flagged.join(', ') : 'aucun'} ; employeurs sous-exposés : ${audit.employers.filter((e) => e.underServed).map((e) => e.employerId).join(', ') || 'aucun'}]`);

  print('');
  const events = generateEventLog(people, { seed: 7, end: DEMO_PERIOD.to, spanDays: 540 });
  // One malformed event, to show that it is reported and the rest counted.
  const log: unknown[] = [...events, { candidateId: 'c1', date: '2026-02-30', kind: 'hire' }];
  const indicators = platformIndicators(log, DEMO_PERIOD);
  print(`  Journal de suivi généré : ${events.length} événements de ${people.length} candidat·es (graine 7).`);
  for (const line of indent(indicators.text)) print(line);
  for (const r of indicators.rejected) {
    for (const i of r.issues) print(`  rejet #${r.index} ${r.id ?? '—'} ${i.path} ${i.code} ${i.message}`);
  }
  print(`  CSV : ${indicators.csv.split('\n').length - 2} lignes (group,indicator,key,value), par exemple :`);
  for (const line of indicators.csv.split('\n').filter((l) => l.startsWith('all,')).slice(0, 4)) print(`    ${line}`);
  return { audit, indicators };
}
