/**
 * Everything the kernel needs from the referential, turned into integer indexes once per engine:
 * certification and skill bit positions, ROME indexes, the related-jobs matrix, and the
 * demand → restriction → adaptation rules as bits.
 */
import type { Referential } from '../referential/types.js';
import { romeFiches } from '../referential/rome/index.js';
import { ROME_KEYS, romeKey } from '../referential/rome/key.js';
import { JOB_BIT_POSITIONS } from './flags.js';

export interface EncodingContext {
  referential: Referential;
  /** Certification code → bit position; `certWords` Uint32 words per set. */
  certBit: Map<string, number>;
  certWords: number;
  /** Certifications a holder of each certification counts as holding at an equal or lower level of its family. */
  equivalentFrom: Map<string, string[]>;
  /** Current partial-cursus bridges: from → targets. */
  bridgeTargets: Map<string, string[]>;
  prerequisiteCerts: Set<string>;
  /** What holding each certification sets, compiled once: read per qualification at encoding. */
  certEncoding: Map<string, CertEncoding>;
  skillBit: Map<string, number>;
  skillWords: number;
  romeIndex: Map<string, number>;
  /** ROME index by packed code (`romeKey`), -1 where none: no string hashing when encoding. */
  romeIndexByKey: Int32Array;
  romeCount: number;
  /** related[v * romeCount + e] = 1 when experience in fiche e counts as related for a post of fiche v. */
  related: Uint8Array;
  /**
   * Per ROME index, its bit among JOB_BIT_POSITIONS: one of its own for each of the referential's
   * jobs while bits last, one shared by every other fiche. A shared bit only makes the scans' job
   * test weaker, never wrong.
   */
  jobBit: Uint32Array;
  /** Legal certifications of the job of each ROME index (empty when none). */
  legalCerts: string[][];
  preferredCerts: string[][];
  restrictionBit: Map<string, number>;
  /** demand code → { restriction bit, adaptations that lift it } */
  demands: Map<string, { restrictionBit: number; liftedBy: string[] }>;
  /** Structure kind → 1 domicile, 2 établissement. */
  sectorOfKind: Map<string, number>;
}

export interface CertEncoding {
  bit: number;
  /** Not a prerequisite (SST, AFGSU…): holding it counts as holding a certification. */
  countsAsCert: boolean;
  equivalentBits: Int32Array;
  bridgeBits: Int32Array;
}

/** The ROME index of a code, or -1. */
export function romeIndexOf(ctx: EncodingContext, code: string): number {
  const k = romeKey(code);
  return k < 0 ? -1 : ctx.romeIndexByKey[k];
}

const DOMICILE_KINDS = new Set(['SAD', 'PARTICULIER', 'SAVS', 'SAMSAH']);

export function createEncodingContext(referential: Referential): EncodingContext {
  const certBit = new Map<string, number>();
  referential.certifications.forEach((c, i) => certBit.set(c.code, i));
  const certWords = Math.max(1, Math.ceil(referential.certifications.length / 32));

  const equivalentFrom = new Map<string, string[]>();
  const prerequisiteCerts = new Set<string>();
  for (const h of referential.certifications) {
    if (h.kind === 'prerequisite' || h.family === 'prerequisite') prerequisiteCerts.add(h.code);
    const list: string[] = [];
    for (const x of referential.certifications) {
      if (x.code === h.code) continue;
      if (!h.family || !x.family || h.family !== x.family || h.family === 'prerequisite') continue;
      if (h.level === undefined || x.level === undefined || h.level < x.level) continue;
      list.push(x.code);
    }
    equivalentFrom.set(h.code, list);
  }

  const bridgeTargets = new Map<string, string[]>();
  for (const b of referential.bridges) {
    if (b.historic || b.effect !== 'partial_cursus') continue;
    const list = bridgeTargets.get(b.from) ?? [];
    if (!list.includes(b.to)) list.push(b.to);
    bridgeTargets.set(b.from, list);
  }

  const bitsOf = (codes: readonly string[]) => Int32Array.from(codes.filter((c) => certBit.has(c)).map((c) => certBit.get(c)!));
  const certEncoding = new Map<string, CertEncoding>();
  for (const [code, bit] of certBit) {
    certEncoding.set(code, {
      bit,
      countsAsCert: !prerequisiteCerts.has(code),
      equivalentBits: bitsOf(equivalentFrom.get(code) ?? []),
      bridgeBits: bitsOf(bridgeTargets.get(code) ?? []),
    });
  }

  const skillBit = new Map<string, number>();
  referential.skills.forEach((s, i) => skillBit.set(s.code, i));
  const skillWords = Math.max(1, Math.ceil(referential.skills.length / 32));

  const romeCodes = [...romeFiches().keys()].sort();
  for (const j of referential.jobs) if (!romeCodes.includes(j.rome)) romeCodes.push(j.rome);
  const romeIndex = new Map<string, number>();
  romeCodes.forEach((c, i) => romeIndex.set(c, i));
  const romeCount = romeCodes.length;
  const romeIndexByKey = new Int32Array(ROME_KEYS).fill(-1);
  romeCodes.forEach((c, i) => {
    const k = romeKey(c);
    if (k >= 0) romeIndexByKey[k] = i;
  });
  const related = new Uint8Array(romeCount * romeCount);
  const legalCerts: string[][] = romeCodes.map(() => []);
  const preferredCerts: string[][] = romeCodes.map(() => []);
  for (const j of referential.jobs) {
    const v = romeIndex.get(j.rome)!;
    for (const r of j.relatedJobs ?? []) {
      const e = romeIndex.get(r);
      if (e !== undefined && e !== v) related[v * romeCount + e] = 1;
    }
    if (j.diploma === 'LEGAL') legalCerts[v] = [...(j.legalCertifications ?? [])];
    preferredCerts[v] = [...(j.preferredCertifications ?? [])];
  }

  const jobBit = new Uint32Array(romeCount);
  const sharedJobBit = (1 << JOB_BIT_POSITIONS[JOB_BIT_POSITIONS.length - 1]) >>> 0;
  jobBit.fill(sharedJobBit);
  let nextJobBit = 0;
  for (const j of referential.jobs) {
    const r = romeIndex.get(j.rome)!;
    if (jobBit[r] === sharedJobBit && nextJobBit < JOB_BIT_POSITIONS.length - 1) jobBit[r] = 1 << JOB_BIT_POSITIONS[nextJobBit++];
  }

  const restrictionBit = new Map<string, number>();
  const addRestriction = (code: string) => {
    if (!restrictionBit.has(code)) restrictionBit.set(code, restrictionBit.size);
  };
  referential.restrictions.forEach((r) => addRestriction(r.code));
  referential.physicalDemands.forEach((d) => addRestriction(d.restriction));
  if (restrictionBit.size > 32) throw new RangeError('passerelle supports at most 32 restriction codes');
  const demands = new Map<string, { restrictionBit: number; liftedBy: string[] }>();
  for (const d of referential.physicalDemands) {
    demands.set(d.code, { restrictionBit: restrictionBit.get(d.restriction)!, liftedBy: d.liftedBy });
  }

  // docs/SCORING.md fixes the sector of a structure kind; the referential's labels are for display.
  const sectorOfKind = new Map<string, number>();
  for (const k of referential.structureKinds) sectorOfKind.set(k.code, DOMICILE_KINDS.has(k.code) ? 1 : 2);

  return {
    referential, certBit, certWords, equivalentFrom, bridgeTargets, prerequisiteCerts, certEncoding, skillBit, skillWords,
    romeIndex, romeIndexByKey, romeCount, related, jobBit, legalCerts, preferredCerts, restrictionBit, demands, sectorOfKind,
  };
}

/** Sets the bits of `codes` in `out` at word offset `at` (unknown codes are ignored: validation rejected them). */
export function setBits(out: Uint32Array, at: number, bits: Map<string, number>, codes: Iterable<string>): void {
  for (const code of codes) {
    const b = bits.get(code);
    if (b !== undefined) out[at + (b >>> 5)] |= 1 << (b & 31);
  }
}
