/**
 * Hours of a cursus: the full one, and what remains once bridges and already validated blocs are
 * taken off. Remaining hours are summed over the blocs/modules NOT granted (REFERENCE.md §3
 * implementation hint), never taken from a stored total.
 */
import type { Bridge, Certification } from '../referential/types.js';
import { CENTRE_HOURS, PREREQUISITE_HOURS } from './estimates.js';

export interface HoursFact {
  hours: number;
  /** false when the figure is [K]/[U] in the referential or one of our estimates. */
  verified: boolean;
  /** true when the figure is an estimate (range midpoint, our own table). */
  estimated: boolean;
}

/** Whether `field` of `cert` is sourced: the entry is verified and the field is not listed as [K]/[U]. */
export function fieldVerified(cert: Certification, field: string): boolean {
  return cert.verified && !(cert.unverifiedFields ?? []).includes(field);
}

type BlockHours = { code: string; hours: number; verified: boolean; modules: { code: string; hours: number; verified: boolean }[] }[];

/**
 * blockHours and fullHours of a certification, computed once per certification object: the
 * recommender asks for them on every route of every candidate. Shared, so never handed out to
 * callers that could mutate them (fullHours returns a copy).
 */
const blocksMemo = new WeakMap<Certification, BlockHours | null>();
const fullMemo = new WeakMap<Certification, HoursFact | null>();

function blockHours(cert: Certification): BlockHours | undefined {
  let b = blocksMemo.get(cert);
  if (b === undefined) blocksMemo.set(cert, (b = computeBlockHours(cert) ?? null));
  return b ?? undefined;
}

/** fullHours, shared (read only): for this module and the recommender. */
export function fullHoursShared(cert: Certification): Readonly<HoursFact> | undefined {
  let f = fullMemo.get(cert);
  if (f === undefined) fullMemo.set(cert, (f = computeFullHours(cert) ?? null));
  return f ?? undefined;
}

/** Hours of each bloc, `undefined` when a bloc's hours are unknown. */
function computeBlockHours(cert: Certification): BlockHours | undefined {
  if (!cert.blocks || cert.blocks.length === 0) return undefined;
  const out = [];
  for (const b of cert.blocks) {
    const modules = (b.modules ?? []).map((m) => ({ code: m.code, hours: m.hours ?? NaN, verified: m.verified ?? b.verified }));
    const modulesKnown = modules.length > 0 && modules.every((m) => Number.isFinite(m.hours));
    const hours = b.hours ?? (modulesKnown ? modules.reduce((s, m) => s + m.hours, 0) : undefined);
    if (hours === undefined) return undefined;
    const verified = modules.length > 0 ? modules.every((m) => m.verified) : b.verified;
    out.push({ code: b.code, hours, verified, modules });
  }
  return out;
}

/**
 * Full cursus hours: the stored total (theory + practice) when there is one, else the blocs plus
 * hours outside them plus practice, else the middle of a stated range, else our estimate table.
 */
export function fullHours(cert: Certification): HoursFact | undefined {
  const f = fullHoursShared(cert);
  return f && { ...f };
}

function computeFullHours(cert: Certification): HoursFact | undefined {
  if (cert.totalHours !== undefined) {
    return { hours: cert.totalHours, verified: fieldVerified(cert, 'totalHours'), estimated: false };
  }
  const blocks = blockHours(cert);
  if (blocks) {
    const extra = (cert.extraHours ?? []).reduce((s, e) => s + e.hours, 0);
    const hours = blocks.reduce((s, b) => s + b.hours, 0) + extra + (cert.practiceHours ?? 0);
    return { hours, verified: blocks.every((b) => b.verified) && cert.verified, estimated: false };
  }
  if (cert.hoursRange) {
    return { hours: (cert.hoursRange.min + cert.hoursRange.max) / 2, verified: false, estimated: true };
  }
  const est = PREREQUISITE_HOURS[cert.code];
  if (est) return { hours: est.value, verified: est.verified, estimated: true };
  return undefined;
}

/**
 * Hours of the full cursus spent at the training centre: theory plus the hours outside the blocs
 * that it does not count (DEAES: AFGSU 2), else our estimate where the referential does not split
 * theory and placements (CENTRE_HOURS); `undefined` when nothing tells (all hours then count).
 */
export function centreHoursOf(cert: Certification): number | undefined {
  if (cert.theoryHours !== undefined) {
    let extra = 0;
    for (const e of cert.extraHours ?? []) if (!e.inTheory) extra += e.hours;
    return cert.theoryHours + extra;
  }
  return CENTRE_HOURS[cert.code]?.value;
}

export interface RemainingCursus extends HoursFact {
  full: number;
  /** Units (blocs or modules of the target) taken off, with the hours each removed. */
  removed: { unit: string; hours: number; why: 'bridge' | 'validated' }[];
  /** Granted units whose hours are unknown (an allègement without hoursSaved, a bloc without hours). */
  unquantified: string[];
}

/**
 * Hours left of `cert` for a candidate who holds the bridges' origins and has validated
 * `validatedBlocks` of `cert`. `undefined` when the blocs carry no hours (nothing can be computed
 * from them). Equivalences take the whole unit off; allègements take `hoursSaved` off when stated.
 */
export function remainingHours(cert: Certification, bridges: readonly Bridge[], validatedBlocks: readonly string[]): RemainingCursus | undefined {
  const full = fullHoursShared(cert);
  const blocks = blockHours(cert);
  if (!full || !blocks) return undefined;
  const removed: RemainingCursus['removed'] = [];
  const unquantified: string[] = [];
  const gone = new Set<string>();
  let verified = full.verified;
  let saved = 0;

  const take = (unit: string, why: 'bridge' | 'validated'): boolean => {
    for (const b of blocks) {
      if (b.code === unit) {
        if (gone.has(b.code)) return true;
        // Modules of this bloc already taken off count once.
        let already = 0;
        for (const m of b.modules) if (gone.has(m.code)) already += m.hours;
        gone.add(b.code);
        removed.push({ unit, hours: b.hours - already, why });
        saved += b.hours - already;
        verified &&= b.verified;
        return true;
      }
      for (const m of b.modules) {
        if (m.code !== unit) continue;
        if (gone.has(m.code) || gone.has(b.code)) return true;
        gone.add(m.code);
        removed.push({ unit, hours: m.hours, why });
        saved += m.hours;
        verified &&= m.verified;
        return true;
      }
    }
    return false;
  };

  for (const code of validatedBlocks) if (!take(code, 'validated')) unquantified.push(code);
  for (const bridge of bridges) {
    verified &&= bridge.verified;
    for (const g of bridge.grants) {
      if (g.kind === 'equivalence') {
        if (!take(g.unit, 'bridge')) unquantified.push(g.unit);
      } else if (g.hoursSaved !== undefined) {
        saved += g.hoursSaved;
        removed.push({ unit: g.unit, hours: g.hoursSaved, why: 'bridge' });
      } else {
        unquantified.push(g.unit);
      }
    }
  }
  const hours = Math.min(full.hours, Math.max(0, full.hours - saved));
  return { hours, verified, estimated: full.estimated, full: full.hours, removed, unquantified };
}
