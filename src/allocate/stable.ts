/**
 * Candidate-proposing deferred acceptance (Gale–Shapley) with capacities on the eligible graph.
 * Candidates propose down their list; a vacancy keeps its `openings` best proposers (score, then
 * candidate id) and rejects the others; a rejected candidate proposes on.
 *
 * One post per candidate: the classical algorithm, whose result is stable and the best stable
 * matching for every candidate. With several posts (multiPost), a candidate proposes to every
 * vacancy of the list that still fits: none held yet, or the weekly hours held plus the
 * vacancy's within weeklyHoursMax. A vacancy skipped because it did not fit is proposed to later
 * if a rejection frees the hours (the list is scanned again from the top), so at the end no pair
 * (c, v) is left where v fits c's remaining hours and v has room or holds someone it ranks below c.
 */
import type { EligibleGraph } from './graph.js';

/** Pairs held at the end (`held[p] === 1`). `list` holds each candidate's pairs in its order of preference, grouped like `cStart`. */
export function deferredAcceptance(g: EligibleGraph, list: Int32Array, multiPost: boolean): Uint8Array {
  const { cStart, pairCandidate, pairVacancy, vStart, vPairs, openings, vacancyHours, candidateHoursMax } = g;
  const nC = cStart.length - 1;
  const nV = vStart.length - 1;
  const nP = pairVacancy.length;
  const held = new Uint8Array(nP);
  const proposed = new Uint8Array(nP);
  // A vacancy's rank of each pair: its position in the vacancy's order (0 = preferred).
  const vRank = new Int32Array(nP);
  for (let v = 0; v < nV; v++) for (let k = vStart[v]; k < vStart[v + 1]; k++) vRank[vPairs[k]] = k - vStart[v];

  // Each vacancy's held pairs in a max-heap by vRank (its least preferred on top).
  const heapStart = new Int32Array(nV + 1);
  for (let v = 0; v < nV; v++) heapStart[v + 1] = heapStart[v] + Math.min(openings[v], vStart[v + 1] - vStart[v]);
  const heap = new Int32Array(heapStart[nV]);
  const heapSize = new Int32Array(nV);

  const first = cStart.slice(0, nC);
  const heldCount = new Int32Array(nC);
  const heldHours = new Float64Array(nC);
  const queue: number[] = [];
  const queued = new Uint8Array(nC);
  for (let c = 0; c < nC; c++) if (cStart[c + 1] > cStart[c]) { queue.push(c); queued[c] = 1; }

  const fits = (c: number, v: number) =>
    heldCount[c] === 0 || (multiPost && heldHours[c] + vacancyHours[v] <= candidateHoursMax[c]);

  for (let q = 0; q < queue.length; q++) {
    const c = queue[q];
    queued[c] = 0;
    while (first[c] < cStart[c + 1] && proposed[list[first[c]]] === 1) first[c]++;
    for (let k = first[c]; k < cStart[c + 1]; k++) {
      if (!multiPost && heldCount[c] > 0) break;
      const p = list[k];
      if (proposed[p] === 1) continue;
      const v = pairVacancy[p];
      if (!fits(c, v)) continue;
      proposed[p] = 1;
      const base = heapStart[v];
      const cap = heapStart[v + 1] - base;
      if (heapSize[v] < cap) {
        siftUp(heap, base, heapSize[v]++, p, vRank);
      } else {
        const worst = heap[base];
        if (cap === 0 || vRank[p] > vRank[worst]) continue;
        // p displaces the vacancy's least preferred holder, who proposes on.
        held[worst] = 0;
        const loser = pairCandidate[worst];
        heldCount[loser]--;
        heldHours[loser] -= vacancyHours[v];
        if (queued[loser] === 0) { queued[loser] = 1; queue.push(loser); }
        siftDown(heap, base, cap, p, vRank);
      }
      held[p] = 1;
      heldCount[c]++;
      heldHours[c] += vacancyHours[v];
    }
  }
  return held;
}

function siftUp(heap: Int32Array, base: number, i: number, p: number, rank: Int32Array): void {
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (rank[heap[base + parent]] >= rank[p]) break;
    heap[base + i] = heap[base + parent];
    i = parent;
  }
  heap[base + i] = p;
}

/** Replaces the top with p and restores the heap. */
function siftDown(heap: Int32Array, base: number, size: number, p: number, rank: Int32Array): void {
  let i = 0;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= size) break;
    if (child + 1 < size && rank[heap[base + child + 1]] > rank[heap[base + child]]) child++;
    if (rank[heap[base + child]] <= rank[p]) break;
    heap[base + i] = heap[base + child];
    i = child;
  }
  heap[base + i] = p;
}
