/**
 * The job dating as integers, once ids are resolved: what the exact solver, the heuristic and the
 * checks share. Slots are minutes since midnight; indices follow the event's canonical order
 * (slots by start, end, id; candidates and employers by id), so the input's order never matters.
 */

export interface SlotTime {
  start: number;
  end: number;
}

export interface Problem {
  slots: readonly SlotTime[];
  /** Per candidate: most interviews, and the slots where they are available (ascending). */
  candidates: readonly { maxInterviews: number; slots: readonly number[] }[];
  /** Per employer: simultaneous interviews (tables), and available slots (ascending). */
  employers: readonly { tables: number; slots: readonly number[] }[];
  /** The pairs that may meet, by candidate then employer; `score` is what meeting them is worth. */
  pairs: readonly { candidate: number; employer: number; score: number }[];
}

/** One interview: pair index and slot index. */
export interface Placement {
  pair: number;
  slot: number;
}

export interface Value {
  /** Candidates with at least one interview. */
  served: number;
  /** Sum of the interviews' scores. */
  score: number;
}

export function overlaps(a: SlotTime, b: SlotTime): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Maximal sets of slots that share an instant. Slots are intervals, so every set of pairwise
 * overlapping slots shares an instant (Helly property in one dimension), and that instant can be
 * taken at a slot's start: "at most k interviews at any instant" is exactly "at most k in each of
 * these sets". Disjoint slots give one set per slot.
 */
export function instantCliques(slots: readonly SlotTime[]): number[][] {
  const sets: number[][] = [];
  for (const p of slots) {
    const set: number[] = [];
    for (let s = 0; s < slots.length; s++) if (slots[s].start <= p.start && p.start < slots[s].end) set.push(s);
    sets.push(set);
  }
  const key = (set: number[]) => set.join(',');
  const seen = new Set<string>();
  const out: number[][] = [];
  for (const set of sets) {
    if (seen.has(key(set))) continue;
    seen.add(key(set));
    // A set inside another is implied by it.
    if (sets.some((other) => other.length > set.length && set.every((s) => other.includes(s)))) continue;
    out.push(set);
  }
  return out;
}

/** Slots available to both sides of each pair (ascending). */
export function commonSlots(problem: Problem): number[][] {
  return problem.pairs.map(({ candidate, employer }) => {
    const mine = new Set(problem.candidates[candidate].slots);
    return problem.employers[employer].slots.filter((s) => mine.has(s));
  });
}

export function valueOf(problem: Problem, placements: readonly Placement[]): Value {
  const served = new Set<number>();
  let score = 0;
  for (const p of placements) {
    served.add(problem.pairs[p.pair].candidate);
    score += problem.pairs[p.pair].score;
  }
  return { served: served.size, score };
}

/**
 * Every rule a schedule must keep, as French-free codes (empty when feasible): the solver's output
 * is checked against it before it is returned, so a numerical slip in the solver cannot leak out.
 */
export function violations(problem: Problem, placements: readonly Placement[]): string[] {
  const out: string[] = [];
  const common = commonSlots(problem);
  const seenPair = new Set<number>();
  const perCandidate = new Map<number, number[]>();
  const perEmployer = new Map<number, number[]>();
  for (const { pair, slot } of placements) {
    const p = problem.pairs[pair];
    if (p === undefined || slot < 0 || slot >= problem.slots.length) {
      out.push(`unknown:${pair}:${slot}`);
      continue;
    }
    if (seenPair.has(pair)) out.push(`pair_twice:${pair}`);
    seenPair.add(pair);
    if (!common[pair].includes(slot)) out.push(`unavailable:${pair}:${slot}`);
    (perCandidate.get(p.candidate) ?? perCandidate.set(p.candidate, []).get(p.candidate)!).push(slot);
    (perEmployer.get(p.employer) ?? perEmployer.set(p.employer, []).get(p.employer)!).push(slot);
  }
  for (const [c, slots] of perCandidate) {
    if (slots.length > problem.candidates[c].maxInterviews) out.push(`max_interviews:${c}`);
    for (let i = 0; i < slots.length; i++) {
      for (let j = i + 1; j < slots.length; j++) {
        if (overlaps(problem.slots[slots[i]], problem.slots[slots[j]])) out.push(`candidate_clash:${c}`);
      }
    }
  }
  const cliques = instantCliques(problem.slots);
  for (const [e, slots] of perEmployer) {
    for (const set of cliques) {
      if (slots.filter((s) => set.includes(s)).length > problem.employers[e].tables) out.push(`tables:${e}`);
    }
  }
  return out;
}
