/**
 * The heuristic: greedy then local improvement, in a fixed order (ties by index, indices follow
 * ids), so it is deterministic. It seeds the exact solver and stands in for it when an event is
 * too large to prove; it guarantees feasibility, not optimality.
 *
 * 0. (Optional) LP rounding: the placements of an LP relaxation's optimum, largest value first.
 * 1. Serve: candidates with the fewest options first, each given its best pair at the first slot
 *    that fits.
 * 2. Repair: an unserved candidate takes a slot held at a full employer when the interview there
 *    can move to another slot, or its candidate keeps another interview.
 * 3. Fill: the remaining pairs by score, best first, at the first slot that fits.
 * 4. Improve: an unused pair replaces one lower-scored interview that blocks it when nobody loses
 *    their only interview (the replaced one moves elsewhere when it can).
 */
import { type Placement, type Problem, commonSlots, instantCliques, overlaps } from './problem.js';

class Board {
  readonly common: number[][];
  /** Cliques (instants) each slot belongs to. */
  private readonly slotCliques: number[][];
  private readonly overlap: boolean[][];
  /** Slot of each pair, -1 when not placed. */
  readonly slotOf: Int32Array;
  /** Placed pairs per candidate. */
  readonly byCandidate: number[][];
  /** Placed pairs per employer. */
  readonly byEmployer: number[][];
  /** Interviews per employer and clique. */
  private readonly load: Int32Array;
  private readonly nCliques: number;

  constructor(readonly problem: Problem) {
    this.common = commonSlots(problem);
    const cliques = instantCliques(problem.slots);
    this.nCliques = cliques.length;
    this.slotCliques = problem.slots.map((_, s) => cliques.flatMap((set, k) => (set.includes(s) ? [k] : [])));
    this.overlap = problem.slots.map((a) => problem.slots.map((b) => overlaps(a, b)));
    this.slotOf = new Int32Array(problem.pairs.length).fill(-1);
    this.byCandidate = problem.candidates.map(() => []);
    this.byEmployer = problem.employers.map(() => []);
    this.load = new Int32Array(problem.employers.length * cliques.length);
  }

  fits(pair: number, slot: number): boolean {
    const { candidate, employer } = this.problem.pairs[pair];
    if (this.slotOf[pair] >= 0) return false;
    const mine = this.byCandidate[candidate];
    if (mine.length >= this.problem.candidates[candidate].maxInterviews) return false;
    for (const q of mine) if (this.overlap[this.slotOf[q]][slot]) return false;
    const tables = this.problem.employers[employer].tables;
    for (const k of this.slotCliques[slot]) if (this.load[employer * this.nCliques + k] >= tables) return false;
    return true;
  }

  firstFit(pair: number): number {
    for (const s of this.common[pair]) if (this.fits(pair, s)) return s;
    return -1;
  }

  place(pair: number, slot: number): void {
    const { candidate, employer } = this.problem.pairs[pair];
    this.slotOf[pair] = slot;
    this.byCandidate[candidate].push(pair);
    this.byEmployer[employer].push(pair);
    for (const k of this.slotCliques[slot]) this.load[employer * this.nCliques + k]++;
  }

  remove(pair: number): number {
    const { candidate, employer } = this.problem.pairs[pair];
    const slot = this.slotOf[pair];
    this.slotOf[pair] = -1;
    drop(this.byCandidate[candidate], pair);
    drop(this.byEmployer[employer], pair);
    for (const k of this.slotCliques[slot]) this.load[employer * this.nCliques + k]--;
    return slot;
  }

  /** Placed pairs that stand in the way of `pair` at `slot` (the candidate's and the employer's). */
  blockers(pair: number, slot: number): number[] {
    const { candidate, employer } = this.problem.pairs[pair];
    const out: number[] = [];
    const mine = this.byCandidate[candidate];
    if (mine.length >= this.problem.candidates[candidate].maxInterviews) out.push(...mine);
    else for (const q of mine) if (this.overlap[this.slotOf[q]][slot]) out.push(q);
    for (const q of this.byEmployer[employer]) if (this.overlap[this.slotOf[q]][slot] && !out.includes(q)) out.push(q);
    return out.sort((a, b) => a - b);
  }

  placements(): Placement[] {
    const out: Placement[] = [];
    for (let p = 0; p < this.slotOf.length; p++) if (this.slotOf[p] >= 0) out.push({ pair: p, slot: this.slotOf[p] });
    return out;
  }
}

function drop(list: number[], item: number): void {
  const i = list.indexOf(item);
  if (i >= 0) list.splice(i, 1);
}

/** Pair indices by score, best first, ties by index. */
function byScore(problem: Problem, pairs: readonly number[]): number[] {
  return [...pairs].sort((a, b) => problem.pairs[b].score - problem.pairs[a].score || a - b);
}

/**
 * A feasible schedule. With `guide` (the positive values of an LP relaxation's optimum), its
 * placements are taken first, largest value first, wherever they still fit (LP rounding); the
 * phases then complete the schedule.
 */
export function greedySchedule(problem: Problem, guide?: readonly (Placement & { value: number })[]): Placement[] {
  const board = new Board(problem);
  if (guide) {
    const ranked = [...guide].sort(
      (a, b) => b.value - a.value || problem.pairs[b.pair].score - problem.pairs[a.pair].score || a.pair - b.pair || a.slot - b.slot,
    );
    for (const x of ranked) if (board.fits(x.pair, x.slot)) board.place(x.pair, x.slot);
  }
  const pairsOf: number[][] = problem.candidates.map(() => []);
  problem.pairs.forEach((p, i) => {
    if (board.common[i].length > 0) pairsOf[p.candidate].push(i);
  });
  const options = pairsOf.map((ps) => ps.reduce((n, p) => n + board.common[p].length, 0));
  const order = pairsOf
    .map((_, c) => c)
    .filter((c) => pairsOf[c].length > 0 && problem.candidates[c].maxInterviews > 0)
    .sort((a, b) => options[a] - options[b] || a - b);
  const ranked = pairsOf.map((ps) => byScore(problem, ps));

  // 1. Serve.
  for (const c of order) {
    for (const p of ranked[c]) {
      const s = board.firstFit(p);
      if (s >= 0) {
        board.place(p, s);
        break;
      }
    }
  }
  // 2. Repair.
  for (const c of order) if (board.byCandidate[c].length === 0) repair(board, ranked[c]);
  // 3. Fill.
  const all = byScore(problem, problem.pairs.map((_, i) => i).filter((i) => board.common[i].length > 0));
  for (const p of all) {
    if (board.slotOf[p] >= 0) continue;
    const s = board.firstFit(p);
    if (s >= 0) board.place(p, s);
  }
  // 4. Improve.
  for (const p of all) if (board.slotOf[p] < 0) improve(board, p);
  return board.placements();
}

function repair(board: Board, ranked: readonly number[]): void {
  const { problem } = board;
  for (const p of ranked) {
    for (const s of board.common[p]) {
      for (const q of board.blockers(p, s)) {
        const qs = board.remove(q);
        if (board.fits(p, s)) {
          board.place(p, s);
          const moved = board.firstFit(q);
          if (moved >= 0) board.place(q, moved);
          if (moved >= 0 || board.byCandidate[problem.pairs[q].candidate].length > 0) return;
          board.remove(p);
        }
        board.place(q, qs);
      }
    }
  }
}

function improve(board: Board, p: number): void {
  const { problem } = board;
  const score = problem.pairs[p].score;
  const c = problem.pairs[p].candidate;
  for (const s of board.common[p]) {
    for (const q of board.blockers(p, s)) {
      const qc = problem.pairs[q].candidate;
      if (problem.pairs[q].score >= score) continue;
      // Nobody loses their only interview: q's candidate is p's, or keeps another one.
      if (qc !== c && board.byCandidate[qc].length < 2) continue;
      const qs = board.remove(q);
      if (board.fits(p, s)) {
        board.place(p, s);
        const moved = board.firstFit(q);
        if (moved >= 0) board.place(q, moved);
        return;
      }
      board.place(q, qs);
    }
  }
}
