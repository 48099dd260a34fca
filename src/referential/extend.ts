/**
 * Extending the referential (a département adds a local certification, a platform relabels a job)
 * and checking any referential for shape (zod) and integrity (every code it references exists,
 * hours add up, synonyms are not silently shared). Problems are data: `{ code, path, message }`.
 */
import { z } from 'zod';
import {
  Category, ContractType, FrenchLevel, FundingCode, Status, StructureKind, StructureStatus,
} from '../schema/primitives.js';
import { romeFiches } from './rome/index.js';
import { readData } from '../validate/edge.js';
import { fieldName, formatPath } from '../errors.js';
import { fromZodIssues } from '../validate/zod-issues.js';
import { foldTerm } from './lookup.js';
import {
  ANY_CERTIFICATION,
  type Adaptation, type Bridge, type Certification, type FundingScheme, type Job, type PhysicalDemand,
  type PublicCategory, type Referential, type Restriction, type Skill, type StructureKindInfo,
} from './types.js';

// ── Shapes ──────────────────────────────────────────────────────────────────────

const code = z.string().regex(/^[A-Za-z0-9_]+$/, { message: 'code attendu : lettres, chiffres et _' });
const text = z.string().min(1);
const provenance = {
  source: text,
  verified: z.boolean(),
  unverifiedFields: z.array(text).optional(),
};
const hours = z.number().finite().nonnegative();
const range = z.strictObject({ min: hours, max: hours });

const ModuleSchema = z.strictObject({ code, label: text, hours: hours.optional(), verified: z.boolean().optional() });
const BlockSchema = z.strictObject({
  code, label: text, hours: hours.optional(), modules: z.array(ModuleSchema).optional(), note: text.optional(), ...provenance,
});

const JobSchema = z.strictObject({
  rome: z.string().regex(/^[A-N]\d{4}$/, { message: 'code de fiche ROME v3 attendu, comme K1302' }),
  rome4: z.string().regex(/^[A-N]\d{4}$/).optional(),
  label: text,
  synonyms: z.array(text),
  ambiguousSynonyms: z.array(text).optional(),
  defaultFor: z.array(text).optional(),
  contextWords: z.array(text).optional(),
  alternativeTerms: z.array(z.strictObject({ term: text, note: text, ...provenance })).optional(),
  inSector: z.boolean().optional(),
  note: text.optional(),
  sector: z.enum(['domicile', 'etablissement', 'both']),
  core: z.boolean(),
  diploma: z.enum(['LEGAL', 'CONV', 'NONE']),
  legalCertifications: z.array(code).optional(),
  preferredCertifications: z.array(code).optional(),
  relatedJobs: z.array(z.string()).optional(),
  ...provenance,
});

const CertificationSchema = z.strictObject({
  code,
  label: text,
  aliases: z.array(text),
  level: z.number().int().min(1).max(8).optional(),
  kind: z.enum(['diploma', 'titre_pro', 'branch', 'function', 'prerequisite', 'historic']),
  totalHours: hours.optional(),
  theoryHours: hours.optional(),
  practiceHours: hours.optional(),
  typicalMonths: hours.optional(),
  monthsRange: range.optional(),
  hoursRange: range.optional(),
  extraHours: z.array(z.strictObject({ label: text, hours, inTheory: z.boolean() })).optional(),
  certifier: text.optional(),
  rncp: z
    .strictObject({
      code: z.string().regex(/^RNCP\d+$/, { message: 'code RNCP attendu, comme RNCP40692' }),
      validFrom: z.iso.date().optional(),
      validTo: z.iso.date().optional(),
      predecessors: z.array(z.string().regex(/^RNCP\d+$/)),
      ...provenance,
    })
    .optional(),
  vae: z.union([z.boolean(), z.literal('unknown')]),
  initialEducation: z.boolean().optional(),
  adultCourseMonths: range.optional(),
  access: z
    .strictObject({
      minAge: z.number().int().min(0).max(99).optional(),
      frenchLevelForeigners: FrenchLevel.optional(),
      requirementKind: z.enum(['legal', 'provider']).optional(),
      notes: text.optional(),
      source: text.optional(),
      verified: z.boolean().optional(),
      unverifiedFields: z.array(text).optional(),
    })
    .optional(),
  notes: text.optional(),
  blocks: z.array(BlockSchema).optional(),
  family: text.optional(),
  historic: z.strictObject({ countsAs: code.optional(), until: z.iso.date().optional(), note: text, ...provenance }).optional(),
  ...provenance,
});

const BridgeSchema = z.strictObject({
  from: z.union([code, z.literal(ANY_CERTIFICATION)]),
  to: code,
  grants: z.array(z.strictObject({ unit: code, kind: z.enum(['equivalence', 'allegement']), hoursSaved: hours.optional() })),
  effect: z.enum(['partial_cursus', 'admission', 'deemed_holder', 'eligibility', 'written_test_waived']),
  regime: text,
  historic: z.boolean(),
  note: text.optional(),
  requires: z
    .strictObject({ experienceMonths: hours.optional(), rome: z.array(z.string()).optional(), note: text.optional() })
    .optional(),
  ...provenance,
});

const FundingSchemeSchema = z.strictObject({
  code,
  label: text,
  eligibility: z.strictObject({
    statuses: z.array(Status).optional(),
    categories: z.array(Category).optional(),
    minAge: z.number().int().min(0).optional(),
    maxAge: z.number().int().min(0).optional(),
    ageExceptions: z.array(z.strictObject({ category: Category, maxAge: z.number().int().nullable() })).optional(),
    employerStatuses: z.array(StructureStatus).optional(),
    contracts: z.array(ContractType).optional(),
    requiresJobOffer: z.boolean().optional(),
    maxHours: hours.optional(),
    maxHoursTiers: z.array(z.strictObject({ maxHours: hours, when: text })).optional(),
    combine: z.enum(['any', 'all']).optional(),
    priorityCategories: z.array(Category).optional(),
    currentContracts: z.array(ContractType).optional(),
    notes: text.optional(),
  }),
  sessionFunding: FundingCode.optional(),
  traineeCost: z.number().finite().nonnegative().optional(),
  amounts: z.array(z.strictObject({ label: text, euros: z.number().finite().nonnegative(), from: z.iso.date().optional() })).optional(),
  traineeCostExemptStatuses: z.array(Status).optional(),
  ...provenance,
});

const PublicCategorySchema = z.strictObject({
  code: Category, label: text, definition: text, opens: z.array(code), neverLowers: z.array(text), proofValidityMonths: z.number().int().min(1).max(120).optional(), ...provenance,
});
const SkillSchema = z.strictObject({ code, label: text, synonyms: z.array(text).optional(), ...provenance });
const PhysicalDemandSchema = z.strictObject({
  code, label: text, restriction: code, liftedBy: z.array(code), aid: code.optional(), ...provenance,
});
const RestrictionSchema = z.strictObject({ code, label: text, ...provenance });
const AdaptationSchema = z.strictObject({ code, label: text, aid: code.optional(), ...provenance });
const StructureKindSchema = z.strictObject({ code: StructureKind, label: text, sector: z.enum(['domicile', 'etablissement']), ...provenance });

const TABLES = {
  jobs: { schema: JobSchema, key: 'rome' },
  certifications: { schema: CertificationSchema, key: 'code' },
  bridges: { schema: BridgeSchema, key: null },
  funding: { schema: FundingSchemeSchema, key: 'code' },
  categories: { schema: PublicCategorySchema, key: 'code' },
  skills: { schema: SkillSchema, key: 'code' },
  physicalDemands: { schema: PhysicalDemandSchema, key: 'code' },
  restrictions: { schema: RestrictionSchema, key: 'code' },
  adaptations: { schema: AdaptationSchema, key: 'code' },
  structureKinds: { schema: StructureKindSchema, key: 'code' },
} as const;
type Table = keyof typeof TABLES;

const ReferentialSchema = z.strictObject({
  version: text,
  ...(Object.fromEntries(Object.entries(TABLES).map(([t, d]) => [t, z.array(d.schema)])) as {
    [T in Table]: z.ZodArray<(typeof TABLES)[T]['schema']>;
  }),
});

// ── Issues ──────────────────────────────────────────────────────────────────────

export const REFERENTIAL_ISSUE_CODES = {
  invalid_shape: 'entrée mal formée (champ manquant, type ou valeur inattendus)',
  duplicate_code: 'code déjà utilisé par une autre entrée de la même table',
  unknown_code: 'code référencé absent du référentiel',
  unknown_rome: 'code ROME absent des fiches ROME v3',
  unknown_unit: "bloc ou module qui n'appartient pas à la certification visée",
  shared_synonym: "synonyme porté par plusieurs métiers sans être déclaré ambigu dans chacun d'eux",
  ambiguity: 'synonyme ambigu incohérent (absent des synonymes, porté par un seul métier, zéro ou plusieurs métiers par défaut)',
  hours_mismatch: "les heures des modules, des blocs et du cursus ne s'additionnent pas",
  legal_rule: 'règle de diplôme incohérente (LEGAL sans certification, certification légale hors LEGAL)',
  never_lowers: 'une catégorie doit déclarer ne jamais abaisser score, éligibilité, rang et rang de parcours',
} as const;
export type ReferentialIssueCode = keyof typeof REFERENTIAL_ISSUE_CODES;

export interface ReferentialIssue {
  code: ReferentialIssueCode;
  /** `certifications[DEAS].blocks[1].hours`: entries by their code; `extension.jobs[0].label` for an extension's shape. */
  path: string;
  message: string;
}

/** Thrown by extendReferential; lists every problem found. */
export class ReferentialError extends Error {
  override readonly name = 'ReferentialError';
  readonly issues: ReferentialIssue[];
  constructor(issues: ReferentialIssue[]) {
    super(`Référentiel invalide (${issues.length} problème${issues.length > 1 ? 's' : ''}) :\n${issues.map((i) => `- ${i.path} : ${i.message} [${i.code}]`).join('\n')}`);
    this.issues = issues;
  }
}

/** Shape problems of `value` (plain data), worded as record issues are (French, no value quoted), paths under `prefix`. */
function shapeIssues(schema: z.ZodType, value: unknown, prefix: string): ReferentialIssue[] {
  const r = schema.safeParse(value);
  if (r.success) return [];
  return fromZodIssues(r.error.issues, value).map((i) => ({
    code: 'invalid_shape' as const,
    path: joinPath(prefix, i.path),
    // The issue's message starts with its own path; a ReferentialError prints the full path apart.
    message: i.message.slice(fieldName(i.path).length + 3),
  }));
}

/** Zod check of a whole referential's shape. */
export function checkReferentialShape(ref: unknown): ReferentialIssue[] {
  return shapeIssues(ReferentialSchema, ref, '');
}

// ── Integrity ───────────────────────────────────────────────────────────────────

const NEVER_LOWERS = ['score', 'eligibility', 'rank', 'pathway_rank'];

function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

/**
 * Every integrity problem of a referential: references to unknown codes, duplicate codes, synonyms
 * shared without being declared ambiguous, hours that do not add up.
 * @throws ReferentialError when `ref` is not a referential (its shape: every table, every field).
 *
 * @example
 * checkReferentialIntegrity(defaultReferential); // []
 */
export function checkReferentialIntegrity(ref: Referential): ReferentialIssue[] {
  return integrityIssues(referentialArgument(ref, 'referential'));
}

/** checkReferentialIntegrity on a referential whose shape is known valid. */
function integrityIssues(ref: Referential): ReferentialIssue[] {
  const issues: ReferentialIssue[] = [];
  const add = (code: ReferentialIssueCode, path: string, message: string) => issues.push({ code, path, message });

  const codesOf = <T>(table: string, items: readonly T[], key: (t: T) => string): Set<string> => {
    const seen = new Set<string>();
    for (const it of items) {
      const k = key(it);
      if (seen.has(k)) add('duplicate_code', `${table}[${k}]`, `le code ${k} apparaît plusieurs fois dans ${table}`);
      seen.add(k);
    }
    return seen;
  };
  const jobs = codesOf('jobs', ref.jobs, (j: Job) => j.rome);
  const certs = codesOf('certifications', ref.certifications, (c: Certification) => c.code);
  const funding = codesOf('funding', ref.funding, (f: FundingScheme) => f.code);
  codesOf('categories', ref.categories, (c: PublicCategory) => c.code);
  codesOf('skills', ref.skills, (s: Skill) => s.code);
  codesOf('physicalDemands', ref.physicalDemands, (d: PhysicalDemand) => d.code);
  const restrictions = codesOf('restrictions', ref.restrictions, (r: Restriction) => r.code);
  const adaptations = codesOf('adaptations', ref.adaptations, (a: Adaptation) => a.code);
  codesOf('structureKinds', ref.structureKinds, (k: StructureKindInfo) => k.code);
  codesOf('bridges', ref.bridges, (b: Bridge) => `${b.from}>${b.to}@${b.regime}:${b.effect}`);

  const need = (set: Set<string>, table: string, value: string, path: string) => {
    if (!set.has(value)) add('unknown_code', path, `${value} n'existe pas dans ${table}`);
  };

  // Jobs: codes, legal rule, references, synonyms.
  const fiches = romeFiches();
  const holders = new Map<string, { rome: string; ambiguous: boolean; isDefault: boolean }[]>();
  for (const j of ref.jobs) {
    const p = `jobs[${j.rome}]`;
    if (!fiches.has(j.rome)) add('unknown_rome', `${p}.rome`, `${j.rome} n'est pas une fiche ROME v3`);
    if (j.diploma === 'LEGAL' && !(j.legalCertifications?.length)) add('legal_rule', `${p}.legalCertifications`, 'un métier LEGAL doit nommer au moins une certification légale');
    if (j.diploma !== 'LEGAL' && j.legalCertifications?.length) add('legal_rule', `${p}.legalCertifications`, 'des certifications légales seulement pour un métier LEGAL');
    j.legalCertifications?.forEach((c, i) => need(certs, 'certifications', c, `${p}.legalCertifications[${i}]`));
    j.preferredCertifications?.forEach((c, i) => need(certs, 'certifications', c, `${p}.preferredCertifications[${i}]`));
    j.relatedJobs?.forEach((r, i) => need(jobs, 'jobs', r, `${p}.relatedJobs[${i}]`));
    const own = new Set(j.synonyms.map(foldTerm));
    const ambiguous = new Set((j.ambiguousSynonyms ?? []).map(foldTerm));
    const defaults = new Set((j.defaultFor ?? []).map(foldTerm));
    j.ambiguousSynonyms?.forEach((s, i) => {
      if (!own.has(foldTerm(s))) add('ambiguity', `${p}.ambiguousSynonyms[${i}]`, `« ${s} » doit aussi figurer dans synonyms`);
    });
    j.defaultFor?.forEach((s, i) => {
      if (!ambiguous.has(foldTerm(s))) add('ambiguity', `${p}.defaultFor[${i}]`, `« ${s} » doit figurer dans ambiguousSynonyms`);
    });
    for (const s of own) {
      const list = holders.get(s) ?? [];
      list.push({ rome: j.rome, ambiguous: ambiguous.has(s), isDefault: defaults.has(s) });
      holders.set(s, list);
    }
  }
  for (const [term, list] of holders) {
    if (list.length === 1) {
      if (list[0].ambiguous) add('ambiguity', `jobs[${list[0].rome}].ambiguousSynonyms`, `« ${term} » est déclaré ambigu mais aucun autre métier ne le porte`);
      continue;
    }
    const undeclared = list.filter((h) => !h.ambiguous);
    if (undeclared.length) {
      add('shared_synonym', `jobs[${undeclared[0].rome}].synonyms`, `« ${term} » est porté par ${list.map((h) => h.rome).join(', ')} : le déclarer dans ambiguousSynonyms de chacun`);
      continue;
    }
    const defaults = list.filter((h) => h.isDefault).length;
    if (defaults !== 1) add('ambiguity', `jobs[${list[0].rome}].defaultFor`, `« ${term} » doit avoir exactement un métier par défaut parmi ${list.map((h) => h.rome).join(', ')} (${defaults} trouvé(s))`);
  }

  // Certifications: units, aliases, hours, historic equivalents.
  const unitsOf = new Map<string, Set<string>>();
  const unitOwner = new Map<string, string>();
  const aliasOwner = new Map<string, string>();
  for (const c of ref.certifications) {
    const p = `certifications[${c.code}]`;
    const units = new Set<string>();
    c.aliases.forEach((a, i) => {
      const f = foldTerm(a);
      const other = aliasOwner.get(f);
      if (other && other !== c.code) add('duplicate_code', `${p}.aliases[${i}]`, `l'alias « ${a} » est déjà celui de ${other}`);
      aliasOwner.set(f, c.code);
    });
    if (c.historic?.countsAs) need(certs, 'certifications', c.historic.countsAs, `${p}.historic.countsAs`);
    (c.blocks ?? []).forEach((b, bi) => {
      const bp = `${p}.blocks[${bi}]`;
      for (const u of [b.code, ...(b.modules ?? []).map((m) => m.code)]) {
        const owner = unitOwner.get(u);
        if (owner) add('duplicate_code', bp, `le bloc ou module ${u} existe déjà dans ${owner}`);
        unitOwner.set(u, c.code);
        units.add(u);
      }
      const mh = (b.modules ?? []).map((m) => m.hours);
      if (b.hours !== undefined && mh.length && mh.every((h) => h !== undefined)) {
        const s = sum(mh as number[]);
        if (s !== b.hours) add('hours_mismatch', `${bp}.hours`, `les modules font ${s} h, le bloc en déclare ${b.hours}`);
      }
    });
    unitsOf.set(c.code, units);
    // A bloc without its own hours counts as the sum of its modules when every module's is known.
    const blockHours = (c.blocks ?? []).map((b) => {
      if (b.hours !== undefined || !b.modules?.length) return b.hours;
      const mh = b.modules.map((m) => m.hours);
      return mh.every((h) => h !== undefined) ? sum(mh as number[]) : undefined;
    });
    const inTheory = sum((c.extraHours ?? []).filter((e) => e.inTheory).map((e) => e.hours));
    if (c.theoryHours !== undefined && blockHours.length && blockHours.every((h) => h !== undefined)) {
      const s = sum(blockHours as number[]) + inTheory;
      if (s !== c.theoryHours) add('hours_mismatch', `${p}.theoryHours`, `blocs et heures hors blocs font ${s} h, la théorie en déclare ${c.theoryHours}`);
    }
    if (c.totalHours !== undefined && c.theoryHours !== undefined && c.practiceHours !== undefined) {
      const outside = sum((c.extraHours ?? []).filter((e) => !e.inTheory).map((e) => e.hours));
      const s = c.theoryHours + c.practiceHours + outside;
      if (s !== c.totalHours) add('hours_mismatch', `${p}.totalHours`, `théorie, pratique et heures à part font ${s} h, le total en déclare ${c.totalHours}`);
    }
    for (const [k, r] of [['hoursRange', c.hoursRange], ['monthsRange', c.monthsRange]] as const) {
      if (r && r.min > r.max) add('hours_mismatch', `${p}.${k}`, `minimum ${r.min} au-dessus du maximum ${r.max}`);
    }
  }

  // Bridges.
  ref.bridges.forEach((b) => {
    const p = `bridges[${b.from}>${b.to}@${b.regime}:${b.effect}]`;
    if (b.from !== ANY_CERTIFICATION) need(certs, 'certifications', b.from, `${p}.from`);
    need(certs, 'certifications', b.to, `${p}.to`);
    const units = unitsOf.get(b.to);
    b.grants.forEach((g, i) => {
      if (units && !units.has(g.unit)) add('unknown_unit', `${p}.grants[${i}].unit`, `${g.unit} n'est ni un bloc ni un module de ${b.to}`);
    });
    b.requires?.rome?.forEach((r, i) => need(jobs, 'jobs', r, `${p}.requires.rome[${i}]`));
  });

  // Vocabulary and funding references.
  ref.physicalDemands.forEach((d) => {
    const p = `physicalDemands[${d.code}]`;
    need(restrictions, 'restrictions', d.restriction, `${p}.restriction`);
    d.liftedBy.forEach((a, i) => need(adaptations, 'adaptations', a, `${p}.liftedBy[${i}]`));
    if (d.aid) need(funding, 'funding', d.aid, `${p}.aid`);
  });
  ref.adaptations.forEach((a) => {
    if (a.aid) need(funding, 'funding', a.aid, `adaptations[${a.code}].aid`);
  });
  ref.categories.forEach((c) => {
    const p = `categories[${c.code}]`;
    c.opens.forEach((f, i) => need(funding, 'funding', f, `${p}.opens[${i}]`));
    if (!NEVER_LOWERS.every((n) => c.neverLowers.includes(n))) add('never_lowers', `${p}.neverLowers`, `attendu : ${NEVER_LOWERS.join(', ')}`);
  });
  ref.funding.forEach((f) => {
    const e = f.eligibility;
    if (e.minAge !== undefined && e.maxAge !== undefined && e.minAge > e.maxAge) add('invalid_shape', `funding[${f.code}].eligibility.minAge`, 'âge minimum au-dessus du maximum');
  });
  return issues;
}

// ── Extension ───────────────────────────────────────────────────────────────────

type Override<T, K extends keyof T> = Partial<T> & Pick<T, K>;

/** What a caller adds or overrides. Entries whose code exists are merged field by field; others are added whole. */
export interface ReferentialExtension {
  /** Default: the base version + "+ext". */
  version?: string;
  jobs?: Override<Job, 'rome'>[];
  certifications?: Override<Certification, 'code'>[];
  /** Added; a bridge with the same from, to, regime and effect replaces the base one. */
  bridges?: Bridge[];
  funding?: Override<FundingScheme, 'code'>[];
  categories?: Override<PublicCategory, 'code'>[];
  skills?: Override<Skill, 'code'>[];
  physicalDemands?: Override<PhysicalDemand, 'code'>[];
  restrictions?: Override<Restriction, 'code'>[];
  adaptations?: Override<Adaptation, 'code'>[];
  structureKinds?: Override<StructureKindInfo, 'code'>[];
}

const bridgeKey = (b: Bridge) => `${b.from}>${b.to}@${b.regime}:${b.effect}`;

/** The key fields of an entry of each table: strings, or the entry is refused before any merge. */
const KEY_FIELDS: Record<Table, readonly string[]> = {
  jobs: ['rome'],
  certifications: ['code'],
  bridges: ['from', 'to', 'regime', 'effect'],
  funding: ['code'],
  categories: ['code'],
  skills: ['code'],
  physicalDemands: ['code'],
  restrictions: ['code'],
  adaptations: ['code'],
  structureKinds: ['code'],
};

function entryKey(table: Table, entry: Record<string, unknown>): string {
  return table === 'bridges' ? bridgeKey(entry as unknown as Bridge) : (entry[TABLES[table].key as string] as string);
}

/** `additions` is plain data (read by `readData`): each entry is added, or merged into the base entry with its key. */
function mergeTable<T extends object>(base: readonly T[], additions: unknown, table: Table, issues: ReferentialIssue[]): T[] {
  const out = [...base];
  if (additions === undefined) return out;
  if (!Array.isArray(additions)) {
    issues.push({ code: 'invalid_shape', path: `extension.${table}`, message: 'tableau attendu' });
    return out;
  }
  const schema: z.ZodType = TABLES[table].schema;
  const position = new Map<string, number>();
  out.forEach((t, i) => position.set(entryKey(table, t as Record<string, unknown>), i));
  additions.forEach((add: unknown, i) => {
    const path = `extension.${table}[${i}]`;
    if (typeof add !== 'object' || add === null || Array.isArray(add)) {
      issues.push({ code: 'invalid_shape', path, message: 'objet attendu' });
      return;
    }
    const entry = add as Record<string, unknown>;
    const badKey = KEY_FIELDS[table].find((k) => typeof entry[k] !== 'string');
    if (badKey !== undefined) {
      issues.push({ code: 'invalid_shape', path: `${path}.${badKey}`, message: 'chaîne attendue (clé de l’entrée)' });
      return;
    }
    const key = entryKey(table, entry);
    const at = position.get(key);
    const merged = at === undefined ? entry : { ...out[at], ...entry };
    const problems = shapeIssues(schema, merged, path);
    if (problems.length) issues.push(...problems);
    else if (at === undefined) {
      position.set(key, out.length);
      out.push(merged as T);
    } else out[at] = merged as T;
  });
  return out;
}

// ── Referentials a caller passes ────────────────────────────────────────────────

/** Referentials known sound: the built-in one, extendReferential's results, copies checked here. */
const trusted = new WeakSet<object>();
/** A caller's referential → its checked copy: read once, at its first use. */
const checkedCopies = new WeakMap<object, Referential>();

/** Marks a referential as sound (the built-in one, at its definition). @internal */
export function trustReferential(ref: Referential): void {
  trusted.add(ref);
}

/**
 * The referential to use for a caller's `value`: itself when known sound, else a plain-data copy
 * whose shape was checked (made once per object: later changes to the caller's object are not
 * seen). Problems come back as data, paths under `path`.
 */
export function readReferential(value: unknown, path: string): { ok: true; referential: Referential } | { ok: false; issues: ReferentialIssue[] } {
  if (typeof value === 'object' && value !== null) {
    if (trusted.has(value)) return { ok: true, referential: value as Referential };
    const copy = checkedCopies.get(value);
    if (copy !== undefined) return { ok: true, referential: copy };
  }
  const read = readData(value);
  if (!read.ok) return { ok: false, issues: [{ code: 'invalid_shape', path: joinPath(path, read.issue.path), message: read.rule }] };
  const issues = shapeIssues(ReferentialSchema, read.value, path);
  if (issues.length > 0) return { ok: false, issues: issues.slice(0, MAX_REPORTED) };
  const referential = read.value as Referential;
  trusted.add(referential);
  if (typeof value === 'object' && value !== null) checkedCopies.set(value, referential);
  return { ok: true, referential };
}

/** A caller's referential argument, or ReferentialError. */
export function referentialArgument(value: unknown, name: string): Referential {
  const r = readReferential(value, name);
  if (!r.ok) throw new ReferentialError(r.issues);
  return r.referential;
}

/** At most this many issues in one error (a random object can have thousands). */
const MAX_REPORTED = 50;

function joinPath(prefix: string, path: string): string {
  return path === '' ? prefix : path.startsWith('[') || prefix === '' ? `${prefix}${path}` : `${prefix}.${path}`;
}

/**
 * A new referential: the base plus the extension's entries (added, or merged into the entry with
 * the same code). The result is checked for shape and integrity; any problem throws a
 * ReferentialError listing them all with their paths. The base is not modified.
 *
 * @example
 * const ref = extendReferential(defaultReferential, {
 *   certifications: [{ code: 'CQP_LOCAL_AVS', label: 'CQP local', aliases: ['cqp avs 61'], kind: 'branch',
 *     vae: false, source: 'Conseil départemental 61', verified: false }],
 *   jobs: [{ rome: 'K1302', label: 'Auxiliaire de vie sociale' }],
 * });
 */
export function extendReferential(base: Referential, extension: ReferentialExtension): Referential {
  const ref = referentialArgument(base, 'base');
  const read = readData(extension);
  if (!read.ok) {
    throw new ReferentialError([{ code: 'invalid_shape', path: joinPath('extension', read.issue.path), message: read.rule }]);
  }
  const ext = read.value;
  if (ext === null || typeof ext !== 'object' || Array.isArray(ext)) {
    throw new ReferentialError([{ code: 'invalid_shape', path: 'extension', message: 'objet attendu' }]);
  }
  const x = ext as Record<string, unknown>;
  const issues: ReferentialIssue[] = [];
  if (x.version !== undefined && (typeof x.version !== 'string' || x.version === '')) {
    issues.push({ code: 'invalid_shape', path: 'extension.version', message: 'chaîne non vide attendue' });
  }
  const tables = Object.fromEntries(
    (Object.keys(TABLES) as Table[]).map((t) => [t, mergeTable(ref[t] as readonly object[], x[t], t, issues)]),
  ) as Omit<Referential, 'version'>;
  const result: Referential = { version: typeof x.version === 'string' && x.version !== '' ? x.version : `${ref.version}+ext`, ...tables };
  const unknownTables = Object.keys(x).filter((k) => k !== 'version' && !Object.hasOwn(TABLES, k));
  for (const k of unknownTables) issues.push({ code: 'invalid_shape', path: formatPath(['extension', k]), message: `table inconnue ; tables admises : ${Object.keys(TABLES).join(', ')}` });
  if (issues.length) throw new ReferentialError(issues.slice(0, MAX_REPORTED));
  const integrity = integrityIssues(result);
  if (integrity.length) throw new ReferentialError(integrity);
  trusted.add(result);
  return result;
}
