/** Match ↔ reference comparisons shared by the engine tests. */
import { expect } from 'vitest';
import type { Match, PairEvaluation } from '../../src/scoring/types.js';
import { CRITERION_CODES, type BlockerCode } from '../../src/scoring/model.js';
import type { RankedId, TopList } from '../../bench/reference.js';

export const EPS = 1e-9;

/**
 * A Match read back as the numbers of a PairEvaluation: the seven criteria, blocker codes, and the
 * positive-action criterion (advisor view) as the bonus. Match.score already includes the bonus.
 */
export function matchAsEvaluation(m: Match): Pick<PairEvaluation, 'eligible' | 'blockers' | 'criteria' | 'bonus' | 'score' | 'commute'> {
  const bonus = m.criteria.find((k) => k.code === 'positive_action');
  return {
    eligible: m.eligible,
    // Advisor matches carry kernel codes only (`to_discuss` is the employer's).
    blockers: m.blockers.map((b) => b.code as BlockerCode),
    criteria: m.criteria
      .filter((k) => k.code !== 'positive_action')
      .map((k) => ({ code: k.code as PairEvaluation['criteria'][number]['code'], value: k.value, weight: k.weight, points: k.points })),
    bonus: bonus === undefined ? null : { points: bonus.points, weight: bonus.weight, categories: [] },
    score: m.score,
    commute: m.commute,
  };
}

/** Engine Match and reference evaluation agree: eligibility, blockers, every criterion, bonus, score. */
export function expectSameEvaluation(m: Match, ref: PairEvaluation): void {
  const e = matchAsEvaluation(m);
  expect(e.eligible).toBe(ref.eligible);
  expect(e.blockers).toEqual(ref.blockers);
  expect(e.criteria.map((k) => k.code)).toEqual([...CRITERION_CODES]);
  for (let i = 0; i < CRITERION_CODES.length; i++) {
    expect(Math.abs(e.criteria[i].value - ref.criteria[i].value), CRITERION_CODES[i]).toBeLessThanOrEqual(EPS);
    expect(Math.abs(e.criteria[i].weight - ref.criteria[i].weight), CRITERION_CODES[i]).toBeLessThanOrEqual(EPS);
    expect(Math.abs(e.criteria[i].points - ref.criteria[i].points), CRITERION_CODES[i]).toBeLessThanOrEqual(EPS);
  }
  if (ref.bonus === null) expect(e.bonus).toBeNull();
  else {
    expect(e.bonus).not.toBeNull();
    expect(Math.abs(e.bonus!.points - ref.bonus.points)).toBeLessThanOrEqual(EPS);
    expect(Math.abs(e.bonus!.weight - ref.bonus.weight)).toBeLessThanOrEqual(EPS);
  }
  expect(Math.abs(e.score - ref.score)).toBeLessThanOrEqual(EPS);
  expect(e.commute.mode).toBe(ref.commute.mode);
  expect(Math.abs(e.commute.km - ref.commute.km)).toBeLessThanOrEqual(EPS);
  expect(Math.abs(e.commute.minutes - ref.commute.minutes)).toBeLessThanOrEqual(EPS);
}

/** Same ids in the same order, scores within EPS. */
export function expectSameRanking(actual: { id: string; score: number }[], expected: RankedId[], what: string): void {
  expect(actual.map((x) => x.id), what).toEqual(expected.map((x) => x.id));
  for (let i = 0; i < expected.length; i++) {
    expect(Math.abs(actual[i].score - expected[i].score), `${what}[${i}] score`).toBeLessThanOrEqual(EPS);
  }
}

export function expectSameTop(
  actual: { matches: Match[]; nearMisses: Match[] },
  expected: TopList,
  idOf: (m: Match) => string,
  what: string,
): void {
  expectSameRanking(actual.matches.map((m) => ({ id: idOf(m), score: m.score })), expected.matches, `${what} matches`);
  expectSameRanking(actual.nearMisses.map((m) => ({ id: idOf(m), score: m.score })), expected.nearMisses, `${what} near misses`);
  expected.nearMisses.forEach((n, i) => expect(actual.nearMisses[i].blockers.map((b) => b.code)).toEqual(n.blockers));
}
