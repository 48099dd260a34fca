/**
 * Fast lookups over a referential, built once: maps by code, bridges by target and source, and
 * dense integer indexes (certification → bit, job → index) for the scoring core's bitsets.
 */
import type {
  Adaptation, Block, Bridge, Certification, FundingScheme, Job, Module, PhysicalDemand, PublicCategory, Referential,
  Restriction, Skill, StructureKindInfo,
} from './types.js';
import { referentialArgument } from './extend.js';

/** Where a bloc or module code lives. */
export interface UnitRef {
  certification: string;
  block: Block;
  module?: Module;
}

export interface CompiledReferential {
  referential: Referential;
  jobs: ReadonlyMap<string, Job>;
  certifications: ReadonlyMap<string, Certification>;
  funding: ReadonlyMap<string, FundingScheme>;
  categories: ReadonlyMap<string, PublicCategory>;
  skills: ReadonlyMap<string, Skill>;
  physicalDemands: ReadonlyMap<string, PhysicalDemand>;
  restrictions: ReadonlyMap<string, Restriction>;
  adaptations: ReadonlyMap<string, Adaptation>;
  structureKinds: ReadonlyMap<string, StructureKindInfo>;
  /** Bloc and module codes (DEAS_B2, DEAS_M4, TP_ADVF_CCP1) → owner. */
  units: ReadonlyMap<string, UnitRef>;
  bridgesByTarget: ReadonlyMap<string, readonly Bridge[]>;
  bridgesBySource: ReadonlyMap<string, readonly Bridge[]>;
  /** Certification code → bit index 0..n-1 (referential order). */
  certIndex: ReadonlyMap<string, number>;
  certCodes: readonly string[];
  /** ROME code → index 0..n-1 over the referential's jobs. */
  jobIndex: ReadonlyMap<string, number>;
  jobCodes: readonly string[];
  skillIndex: ReadonlyMap<string, number>;
  skillCodes: readonly string[];
}

/** Case-, accent-, apostrophe- and hyphen-insensitive form of a typed term, for synonym comparison. */
export function foldTerm(term: string): string {
  // Lower-case on both sides of NFKD: İ lower-cases to i + a combining mark, and NFKD turns
  // compatibility letters (𝓐) into capitals.
  return term
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`\-_.]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function byKey<T>(items: readonly T[], key: (t: T) => string): Map<string, T> {
  const m = new Map<string, T>();
  for (const it of items) if (!m.has(key(it))) m.set(key(it), it);
  return m;
}

function indexOf(codes: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  codes.forEach((c, i) => m.set(c, i));
  return m;
}

function group(bridges: readonly Bridge[], key: (b: Bridge) => string): Map<string, Bridge[]> {
  const m = new Map<string, Bridge[]>();
  for (const b of bridges) {
    const list = m.get(key(b));
    if (list) list.push(b);
    else m.set(key(b), [b]);
  }
  return m;
}

// A referential is treated as immutable once compiled (extendReferential returns a new object).
const cache = new WeakMap<Referential, CompiledReferential>();

/**
 * Compiles the lookups of a referential; the result is cached per referential object.
 * @throws ReferentialError when `referential` is not one (its shape is checked once per object).
 *
 * @example
 * const c = compileReferential(defaultReferential);
 * c.certifications.get('DEAS')?.level; // 4
 * c.certIndex.get('DEAS');             // bit position of DEAS in a certification bitset
 * c.bridgesByTarget.get('DEAS');       // every route toward the DEAS
 */
export function compileReferential(referential: Referential): CompiledReferential {
  const hit = cache.get(referential);
  if (hit) return hit;
  const ref = referentialArgument(referential, 'referential');
  const units = new Map<string, UnitRef>();
  for (const c of ref.certifications) {
    for (const block of c.blocks ?? []) {
      units.set(block.code, { certification: c.code, block });
      for (const module of block.modules ?? []) units.set(module.code, { certification: c.code, block, module });
    }
  }
  const certCodes = ref.certifications.map((c) => c.code);
  const jobCodes = ref.jobs.map((j) => j.rome);
  const skillCodes = ref.skills.map((s) => s.code);
  const compiled: CompiledReferential = {
    referential: ref,
    jobs: byKey(ref.jobs, (j) => j.rome),
    certifications: byKey(ref.certifications, (c) => c.code),
    funding: byKey(ref.funding, (f) => f.code),
    categories: byKey(ref.categories, (c) => c.code),
    skills: byKey(ref.skills, (s) => s.code),
    physicalDemands: byKey(ref.physicalDemands, (d) => d.code),
    restrictions: byKey(ref.restrictions, (r) => r.code),
    adaptations: byKey(ref.adaptations, (a) => a.code),
    structureKinds: byKey(ref.structureKinds, (k) => k.code),
    units,
    bridgesByTarget: group(ref.bridges, (b) => b.to),
    bridgesBySource: group(ref.bridges, (b) => b.from),
    certIndex: indexOf(certCodes),
    certCodes,
    jobIndex: indexOf(jobCodes),
    jobCodes,
    skillIndex: indexOf(skillCodes),
    skillCodes,
  };
  cache.set(referential, compiled);
  cache.set(ref, compiled);
  return compiled;
}
