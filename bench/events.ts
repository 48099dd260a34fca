/**
 * Seeded follow-up event logs (platformIndicators' input) for the benchmark and the demo: for
 * each person, maybe an accompaniment start, then maybe an immersion, a training entry and its
 * completion, a hire and an exit, in date order, the person's categories on their first event.
 * Shares are plausible orders of magnitude for illustration (the published 2023 evaluation:
 * 43 % of the accompanied reached training or a job), not statistics of a real platform.
 */
import type { PlatformEvent } from '../src/audit/schemas.js';
import { chance, int, mulberry32, pick } from './rng.js';

export interface EventLogOptions {
  seed: number;
  /** Accompaniments start from `spanDays` days before `end` up to `end`. */
  end: string;
  spanDays: number;
}

const CERTIFICATIONS = ['DEAS', 'DEAES', 'TP_ADVF', 'ASG', 'TP_ASMS'];
const JOBS = ['K1302', 'J1501', 'K1304', 'J1301', 'K2204'];
const STRUCTURES = ['EHPAD', 'SAD', 'SAD', 'MAS', 'FAM', 'PARTICULIER'] as const;
const CONTRACTS = ['CDI', 'CDD', 'CDD', 'APPRENTISSAGE'] as const;

const DAY_MS = 86_400_000;
const iso = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * @example
 * const events = generateEventLog(candidates, { seed: 7, end: '2026-11-23', spanDays: 540 });
 */
export function generateEventLog(
  people: readonly { id: string; categories?: readonly string[]; desiredJobs?: readonly string[] }[],
  options: EventLogOptions,
): PlatformEvent[] {
  const rng = mulberry32(options.seed);
  const end = Date.parse(options.end) / DAY_MS;
  const out: PlatformEvent[] = [];
  for (const p of people) {
    if (!chance(rng, 0.8)) continue;
    let day = end - int(rng, 0, options.spanDays);
    const categories = (p.categories ?? []) as PlatformEvent['categories'];
    out.push({ candidateId: p.id, date: iso(day), kind: 'accompaniment_start', ...(categories && categories.length > 0 ? { categories } : {}) });
    const next = (min: number, max: number) => (day += int(rng, min, max)) <= end;
    if (chance(rng, 0.35) && next(7, 60)) out.push({ candidateId: p.id, date: iso(day), kind: 'immersion' });
    if (chance(rng, 0.3) && next(14, 90)) {
      const certification = pick(rng, CERTIFICATIONS);
      out.push({ candidateId: p.id, date: iso(day), kind: 'training_entry', certification });
      if (chance(rng, 0.8) && next(90, 330)) out.push({ candidateId: p.id, date: iso(day), kind: 'training_completion', certification });
    }
    if (chance(rng, 0.35) && next(7, 120)) {
      const rome = p.desiredJobs && p.desiredJobs.length > 0 ? p.desiredJobs[0] : pick(rng, JOBS);
      out.push({ candidateId: p.id, date: iso(day), kind: 'hire', rome, structureKind: pick(rng, STRUCTURES), contract: pick(rng, CONTRACTS) });
      if (chance(rng, 0.25) && next(1, 300)) out.push({ candidateId: p.id, date: iso(day), kind: 'exit' });
    } else if (chance(rng, 0.2) && next(30, 200)) {
      out.push({ candidateId: p.id, date: iso(day), kind: 'exit' });
    }
  }
  return out;
}
