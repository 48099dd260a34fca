/**
 * The eligible pairs of a batch as a sparse bipartite graph: every allocation and spreading
 * algorithm of this folder works on it. The pairs are the union of the vacancies' shortlists and
 * the candidates' best vacancies (`bestFor`, when matchAll kept some), read through the batch's
 * public members only; candidates and vacancies are numbered in id order (code points).
 */
import type { BatchMatch } from '../batch/matchAll.js';
import type { Versions } from '../scoring/types.js';
import { PasserelleInputError, issue } from '../errors.js';

/** What the territory functions read from a batch: a `BatchResult` from `matchAll` has all of it. */
export interface BatchView {
  matches: Iterable<BatchMatch>;
  bestFor(candidateId: string): readonly BatchMatch[];
  candidateIds(): string[];
  vacancyIds(): string[];
  candidate(id: string): { schedule: { weeklyHoursMax: number } } | undefined;
  vacancy(id: string): { openings: number; contract: { weeklyHours: number } } | undefined;
  versions: Versions;
}

export interface EligibleGraph {
  candidateIds: readonly string[];
  vacancyIds: readonly string[];
  openings: Int32Array;
  vacancyHours: Float64Array;
  candidateHoursMax: Float64Array;
  /** Pairs grouped by candidate (cStart[c] … cStart[c + 1]), each group by score then vacancy id. */
  cStart: Int32Array;
  pairCandidate: Int32Array;
  pairVacancy: Int32Array;
  pairScore: Float64Array;
  /** Pair indices grouped by vacancy (vStart), each group in the vacancy's order: score, then candidate id. */
  vStart: Int32Array;
  vPairs: Int32Array;
  versions: Versions;
}

const isFunction = (x: unknown): boolean => typeof x === 'function';

/** A batch that is not one is an input error naming `batch`, never a TypeError further down. */
export function checkBatch(batch: unknown): BatchView {
  const b = batch as Partial<Record<keyof BatchView, unknown>> | null;
  const ok =
    typeof b === 'object' && b !== null &&
    ['bestFor', 'candidateIds', 'vacancyIds', 'candidate', 'vacancy'].every((k) => isFunction(b[k as keyof BatchView])) &&
    typeof b.matches === 'object' && b.matches !== null && isFunction((b.matches as Iterable<unknown>)[Symbol.iterator]);
  if (!ok) throw new PasserelleInputError('options', [issue('invalid_type', 'batch', 'le résultat de matchAll attendu')]);
  return batch as BatchView;
}

export function eligibleGraph(batch: BatchView): EligibleGraph {
  const candidateIds = batch.candidateIds();
  const vacancyIds = batch.vacancyIds();
  const nC = candidateIds.length;
  const nV = vacancyIds.length;
  const cIndex = new Map<string, number>();
  candidateIds.forEach((id, i) => cIndex.set(id, i));
  const vIndex = new Map<string, number>();
  vacancyIds.forEach((id, i) => vIndex.set(id, i));

  const openings = new Int32Array(nV);
  const vacancyHours = new Float64Array(nV);
  vacancyIds.forEach((id, v) => {
    const record = batch.vacancy(id);
    if (record === undefined) throw removed(id, 'vacancy');
    openings[v] = record.openings;
    vacancyHours[v] = record.contract.weeklyHours;
  });
  const candidateHoursMax = new Float64Array(nC);
  candidateIds.forEach((id, c) => {
    const record = batch.candidate(id);
    if (record === undefined) throw removed(id, 'candidate');
    candidateHoursMax[c] = record.schedule.weeklyHoursMax;
  });

  // Dedupe by pair key (c · nV + v: exact in a double up to 2^53).
  const seen = new Map<number, number>();
  const pc: number[] = [];
  const pv: number[] = [];
  const ps: number[] = [];
  const add = (m: BatchMatch) => {
    const c = cIndex.get(m.candidateId);
    const v = vIndex.get(m.vacancyId);
    if (c === undefined || v === undefined) return;
    const key = c * nV + v;
    if (seen.has(key)) return;
    seen.set(key, pc.length);
    pc.push(c);
    pv.push(v);
    ps.push(m.score);
  };
  for (const m of batch.matches) add(m);
  for (const id of candidateIds) for (const m of batch.bestFor(id)) add(m);
  return buildGraph(candidateIds, vacancyIds, openings, vacancyHours, candidateHoursMax, pc, pv, ps, batch.versions);
}

function removed(id: string, kind: 'candidate' | 'vacancy'): PasserelleInputError {
  return new PasserelleInputError('options', [
    issue('unknown_id', 'batch', `${kind === 'candidate' ? 'le candidat' : "l'offre"} « ${id} » du lot n'est plus dans son index`),
  ]);
}

/**
 * Items 0…n−1 grouped by key (a counting sort), each group then in `before` order: `start[k]` …
 * `start[k + 1]` index `order` for key k.
 */
function groupBy(key: ArrayLike<number>, keys: number, before: (a: number, b: number) => number): { start: Int32Array; order: Int32Array } {
  const n = key.length;
  const start = new Int32Array(keys + 1);
  for (let i = 0; i < n; i++) start[key[i] + 1]++;
  for (let k = 0; k < keys; k++) start[k + 1] += start[k];
  const order = new Int32Array(n);
  const fill = start.slice(0, keys);
  for (let i = 0; i < n; i++) order[fill[key[i]]++] = i;
  for (let k = 0; k < keys; k++) order.subarray(start[k], start[k + 1]).sort(before);
  return { start, order };
}

function buildGraph(
  candidateIds: readonly string[], vacancyIds: readonly string[], openings: Int32Array, vacancyHours: Float64Array,
  candidateHoursMax: Float64Array, pc: number[], pv: number[], ps: number[], versions: Versions,
): EligibleGraph {
  const n = pc.length;
  // Pairs by candidate, each candidate's by score then vacancy id; then by vacancy, by score then candidate id.
  const { start: cStart, order } = groupBy(pc, candidateIds.length, (a, b) => ps[b] - ps[a] || pv[a] - pv[b]);
  const pairCandidate = new Int32Array(n);
  const pairVacancy = new Int32Array(n);
  const pairScore = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const p = order[k];
    pairCandidate[k] = pc[p];
    pairVacancy[k] = pv[p];
    pairScore[k] = ps[p];
  }
  const { start: vStart, order: vPairs } = groupBy(pairVacancy, vacancyIds.length, (a, b) => pairScore[b] - pairScore[a] || pairCandidate[a] - pairCandidate[b]);
  return { candidateIds, vacancyIds, openings, vacancyHours, candidateHoursMax, cStart, pairCandidate, pairVacancy, pairScore, vStart, vPairs, versions };
}

export interface PairsInput {
  candidates: { id: string; weeklyHoursMax?: number }[];
  vacancies: { id: string; openings?: number; weeklyHours?: number }[];
  pairs: { candidateId: string; vacancyId: string; score: number }[];
}

/**
 * Internal (tests): a batch view made of pairs given directly, so tiny instances can be written by
 * hand. Hours default to 35 a week, openings to 1.
 */
export function fromPairs(input: PairsInput): BatchView {
  const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const candidates = new Map(input.candidates.map((c) => [c.id, { schedule: { weeklyHoursMax: c.weeklyHoursMax ?? 35 } }]));
  const vacancies = new Map(input.vacancies.map((v) => [v.id, { openings: v.openings ?? 1, contract: { weeklyHours: v.weeklyHours ?? 35 } }]));
  const matches: BatchMatch[] = input.pairs.map((p) => ({ ...p, rank: 1 }));
  return {
    matches,
    bestFor: () => [],
    candidateIds: () => byId(input.candidates).map((c) => c.id),
    vacancyIds: () => byId(input.vacancies).map((v) => v.id),
    candidate: (id) => candidates.get(id),
    vacancy: (id) => vacancies.get(id),
    versions: { engine: 'test', referential: 'test', rome: 'v3' },
  };
}
