/**
 * Exact maximum-weight b-matching on the sparse eligible graph: min-cost flow source → candidate
 * (capacity candCap) → vacancy (1 per pair) → sink (capacity vacCap), solved by successive
 * shortest paths with potentials (Dijkstra on reduced costs).
 *
 * Candidates join one at a time, in id order, and each unit of their supply follows a shortest
 * augmenting path from them (the Hungarian method's row by row growth): after candidate i the flow
 * is a min-cost flow of the network restricted to candidates 0…i, so after the last one it is
 * optimal for the whole graph. A unit whose best path costs ≥ 0 stays unused. Searches stop as soon
 * as the sink is settled, and only the settled nodes' potentials move, so a candidate whose best
 * vacancies still have room costs a handful of heap operations.
 *
 * Costs are integers, so the optimum is exact and ties cannot flip with rounding: a pair costs
 * −(round(score × SCORE_SCALE) × K + 1) with K above the number of pairs that can be used, which
 * maximises the total score first and, among equal totals, the number of pairs.
 */
import type { EligibleGraph } from './graph.js';

export const SCORE_SCALE = 1000;

/** The integer a score counts for in the objective (a thousandth of a point). */
export function scaledScore(score: number): number {
  return Math.round(score * SCORE_SCALE);
}

export type FlowGraph = Pick<EligibleGraph, 'cStart' | 'pairCandidate' | 'pairVacancy' | 'pairScore' | 'vStart' | 'vPairs'>;

/** Growable binary min-heap of (key, node), lazy deletion by the caller. */
class Heap {
  keys = new Float64Array(1024);
  nodes = new Int32Array(1024);
  size = 0;

  push(key: number, node: number): void {
    if (this.size === this.keys.length) {
      const k = new Float64Array(this.size * 2);
      k.set(this.keys);
      this.keys = k;
      const n = new Int32Array(this.size * 2);
      n.set(this.nodes);
      this.nodes = n;
    }
    const { keys, nodes } = this;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent] < key || (keys[parent] === key && nodes[parent] <= node)) break;
      keys[i] = keys[parent];
      nodes[i] = nodes[parent];
      i = parent;
    }
    keys[i] = key;
    nodes[i] = node;
  }

  /** Removes the minimum; its key and node are left in `topKey` / `topNode`. */
  topKey = 0;
  topNode = 0;
  pop(): void {
    const { keys, nodes } = this;
    this.topKey = keys[0];
    this.topNode = nodes[0];
    const n = --this.size;
    const key = keys[n];
    const node = nodes[n];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && (keys[right] < keys[child] || (keys[right] === keys[child] && nodes[right] < nodes[child]))) child = right;
      if (key < keys[child] || (key === keys[child] && node <= nodes[child])) break;
      keys[i] = keys[child];
      nodes[i] = nodes[child];
      i = child;
    }
    keys[i] = key;
    nodes[i] = node;
  }
}

/**
 * The pairs of a maximum-weight b-matching: `used[p] === 1` for each pair taken. Candidate c
 * takes at most candCap[c] pairs, vacancy v at most vacCap[v]. `prices`, when given, receives each
 * vacancy's dual price in scaled-score units (the final potentials: 0 for a vacancy with room).
 */
export function maxWeightBMatching(g: FlowGraph, candCap: Int32Array, vacCap: Int32Array, prices?: Float64Array): Uint8Array {
  const nC = candCap.length;
  const nV = vacCap.length;
  const nP = g.pairVacancy.length;
  const { cStart, pairCandidate, pairVacancy, vStart, vPairs } = g;
  const used = new Uint8Array(nP);
  prices?.fill(0);
  if (nP === 0) return used;

  let units = 0;
  for (let c = 0; c < nC; c++) units += Math.min(candCap[c], cStart[c + 1] - cStart[c]);
  const K = units + 1;
  const cost = new Float64Array(nP);
  for (let p = 0; p < nP; p++) cost[p] = -(scaledScore(g.pairScore[p]) * K + 1);

  // Nodes: candidates 0…nC−1, vacancies nC…nC+nV−1, sink T.
  const T = nC + nV;
  const N = T + 1;
  // Candidates at 0, vacancies and the sink at the lowest pair cost: every reduced cost starts ≥ 0,
  // and a vacancy with room leads to the sink at no reduced cost, so a search ends as soon as it
  // settles one (per-vacancy minima would put the sink far below most vacancies and make every
  // search wander).
  const pot = new Float64Array(N);
  let minCost = 0;
  for (let p = 0; p < nP; p++) minCost = Math.min(minCost, cost[p]);
  pot.fill(minCost, nC);
  const dist = new Float64Array(N).fill(Infinity);
  const done = new Uint8Array(N);
  /** Pair through which a node was reached (forward into a vacancy, backward into a candidate); for T, the node before it. */
  const via = new Int32Array(N);
  const touched = new Int32Array(N);
  const load = new Int32Array(nV);
  const heap = new Heap();
  let nTouched = 0;
  /** Dijkstra's relaxation: w reached at reduced distance d, through `from` (a pair, or for T the node before it). */
  const relax = (w: number, d: number, from: number) => {
    if (d >= dist[w]) return;
    if (dist[w] === Infinity) touched[nTouched++] = w;
    dist[w] = d;
    via[w] = from;
    heap.push(d, w);
  };

  for (let s = 0; s < nC; s++) {
    const want = Math.min(candCap[s], cStart[s + 1] - cStart[s]);
    for (let unit = 0; unit < want; unit++) {
      // Dijkstra from s on reduced costs, until T is settled.
      nTouched = 0;
      heap.size = 0;
      relax(s, 0, -1);
      let reached = false;
      // Reduced distances at or past this bound only lead to paths of true cost ≥ 0: no gain.
      const bound = pot[s] - pot[T];
      while (heap.size > 0) {
        heap.pop();
        const u = heap.topNode;
        const du = heap.topKey;
        if (du >= bound) break;
        if (done[u] === 1 || du > dist[u]) continue;
        done[u] = 1;
        if (u === T) { reached = true; break; }
        const pu = pot[u];
        if (u < nC) {
          // Forward pairs not in use; then the candidate may give the unit up (→ T) if it holds one.
          for (let p = cStart[u]; p < cStart[u + 1]; p++) {
            if (used[p] === 0) relax(nC + pairVacancy[p], du + cost[p] + pu - pot[nC + pairVacancy[p]], p);
          }
          if (u !== s) relax(T, du + pu - pot[T], u);
        } else {
          const v = u - nC;
          if (load[v] < vacCap[v]) relax(T, du + pu - pot[T], u);
          // Backward along pairs in use: a candidate holding this vacancy may move.
          for (let k = vStart[v]; k < vStart[v + 1]; k++) {
            const p = vPairs[k];
            if (used[p] === 0) continue;
            const w = pairCandidate[p];
            if (w !== s) relax(w, du - cost[p] + pu - pot[w], p);
          }
        }
      }
      // A unit that cannot lower the cost stays unused (and so do the next ones): it takes the
      // candidate's own way out to T, whose reduced length is `bound`. Potentials move either way,
      // so that at the end they are optimal duals (the vacancies' prices, read by multiPost).
      const improves = reached && dist[T] < bound;
      const D = improves ? dist[T] : bound;
      for (let i = 0; i < nTouched; i++) {
        const u = touched[i];
        if (done[u] === 1 && dist[u] < D) pot[u] += dist[u] - D;
      }
      if (improves) {
        let u = via[T];
        if (u >= nC) load[u - nC]++;
        while (u !== s) {
          const p = via[u];
          if (u >= nC) {
            used[p] = 1;
            u = pairCandidate[p];
          } else {
            used[p] = 0;
            u = nC + pairVacancy[p];
          }
        }
      }
      for (let i = 0; i < nTouched; i++) {
        const u = touched[i];
        dist[u] = Infinity;
        done[u] = 0;
      }
      if (!improves) break;
    }
  }
  if (prices !== undefined) for (let v = 0; v < nV; v++) prices[v] = Math.max(0, (pot[T] - pot[nC + v]) / K);
  return used;
}
