/**
 * Who may meet whom at the event, read from the batch's public result: a pair is a candidate and
 * an employer, worth the employer's vacancy that suits the candidate best (eligible before near
 * miss, then score, then vacancy id).
 *
 * Pairs considered: those in the batch's lists (each event vacancy's shortlist, each event
 * candidate's best vacancies); with `pairs: 'all'`, also every other candidate × event vacancy,
 * decided by `batch.evaluate` (explain's verdict without its sentences: a few µs a pair), except
 * for candidates the batch found no eligible vacancy for (none can be eligible here) unless near
 * misses are asked for.
 */
import type { BatchResult } from '../batch/matchAll.js';
import type { JobDatingEvent, ResolvedJobDatingOptions } from './event.js';

export interface Pair {
  candidateId: string;
  employerId: string;
  vacancyId: string;
  score: number;
  /** Blocker codes of a near miss (absent: eligible). */
  nearMiss?: string[];
}

export interface PairStats {
  /** Candidate × vacancy pairs looked at. */
  considered: number;
  /** Of which decided by `batch.evaluate`. */
  explained: number;
}

type BatchView = Pick<BatchResult, 'shortlist' | 'bestFor' | 'evaluate' | 'unmatchedCandidates'>;

const MAX_NEAR_MISS_BLOCKERS = 2;

export function eventPairs(event: JobDatingEvent, batch: BatchView, options: ResolvedJobDatingOptions): { pairs: Pair[]; stats: PairStats } {
  const candidateIds = new Set(event.candidates.map((c) => c.id));
  const employerOf = new Map<string, string>();
  for (const e of event.employers) for (const v of e.vacancyIds) employerOf.set(v, e.id);
  // Eligible scores from the lists, by candidate then vacancy.
  const listed = new Map<string, Map<string, number>>();
  const note = (c: string, v: string, score: number) => {
    if (!candidateIds.has(c) || !employerOf.has(v)) return;
    (listed.get(c) ?? listed.set(c, new Map()).get(c)!).set(v, score);
  };
  for (const v of employerOf.keys()) for (const m of batch.shortlist(v)) note(m.candidateId, v, m.score);
  for (const c of candidateIds) for (const m of batch.bestFor(c)) note(c, m.vacancyId, m.score);

  const unmatched = new Set(batch.unmatchedCandidates.map((u) => u.id));
  const evaluateAll = options.pairs === 'all' || options.includeNearMisses;
  const best = new Map<string, Pair>();
  const offer = (p: Pair) => {
    const key = `${p.candidateId}\u0000${p.employerId}`;
    const old = best.get(key);
    if (old === undefined || better(p, old)) best.set(key, p);
  };
  const stats: PairStats = { considered: 0, explained: 0 };
  for (const c of [...candidateIds].sort(byCodePoint)) {
    const mine = listed.get(c);
    const evaluateHere = evaluateAll && (options.includeNearMisses || !unmatched.has(c));
    for (const [v, employerId] of employerOf) {
      const score = mine?.get(v);
      if (score !== undefined) {
        stats.considered++;
        offer({ candidateId: c, employerId, vacancyId: v, score });
        continue;
      }
      if (!evaluateHere) continue;
      stats.considered++;
      stats.explained++;
      const m = batch.evaluate(c, v);
      if (m.eligible) offer({ candidateId: c, employerId, vacancyId: v, score: m.score });
      else if (options.includeNearMisses && m.blockers.length <= MAX_NEAR_MISS_BLOCKERS) {
        offer({ candidateId: c, employerId, vacancyId: v, score: m.score, nearMiss: m.blockers });
      }
    }
  }
  const pairs = [...best.values()].sort(
    (a, b) => byCodePoint(a.candidateId, b.candidateId) || byCodePoint(a.employerId, b.employerId),
  );
  return { pairs, stats };
}

function better(a: Pair, b: Pair): boolean {
  const ae = a.nearMiss === undefined;
  const be = b.nearMiss === undefined;
  if (ae !== be) return ae;
  return a.score > b.score || (a.score === b.score && a.vacancyId < b.vacancyId);
}

export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
