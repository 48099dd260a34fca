/**
 * Referential check of codes, after the zod parse: every code a record carries must exist in the
 * referential (or in the ROME v3 fiche list; ROME 4.0 codes under `romeVersion: 'v4'`), and a
 * partial qualification's blocks must belong to its certification. Unknown codes come with up to
 * 3 close valid codes (edit distance on normalised strings, computed once per distinct unknown
 * code and cached). A record that passes comes back with its ROME codes read as v3 fiches
 * (rome-versions.ts).
 */
import { distance } from 'fastest-levenshtein';
import type { Referential } from '../referential/types.js';
import { rome4Appellations, rome4Fiches, romeFiches } from '../referential/rome/index.js';
import { type Issue, issue } from '../errors.js';
import type { Candidate, TrainingSession, Vacancy } from '../schema/index.js';
import type { CheckResult } from './parse.js';
import { type JobRules, normalisedJob, readJobCodes, rome4Parent } from './rome-versions.js';

type Vocabulary = 'certification' | 'rome' | 'rome4' | 'appellation' | 'skill' | 'restriction' | 'physicalDemand' | 'adaptation';

const NOUN: Record<Vocabulary, string> = {
  certification: 'code de certification',
  rome: 'code de fiche ROME v3',
  rome4: 'code de fiche ROME 4.0',
  appellation: "code d'appellation ROME (OGR)",
  skill: 'code de compétence',
  restriction: 'code de restriction',
  physicalDemand: 'code de contrainte physique',
  adaptation: "code d'aménagement",
};

interface Lookup {
  codes: Pick<ReadonlySet<string>, 'has'>;
  /** [code, normalised code] for distance search, sorted by code so ties are stable. */
  normalised: [string, string][];
  /** normalised alias or synonym → code ("DE AES" → DEAES). */
  aliases: Map<string, string>;
  suggestions: Map<string, string[]>;
}

interface CodeIndex {
  lookups: Record<Vocabulary, Lookup>;
  blocks: Map<string, Set<string>>;
  blockLookups: Map<string, Lookup>;
}

/** Upper case, accents and separators dropped: "de_aes" and "DE AES" both give "DEAES". */
export function normaliseCode(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}

function lookup(codes: Iterable<string>, aliases: Iterable<[string, string]> = []): Lookup {
  const set = new Set(codes);
  const normalised = [...set].sort().map((c): [string, string] => [c, normaliseCode(c)]);
  const aliasMap = new Map<string, string>();
  for (const [alias, code] of aliases) {
    const n = normaliseCode(alias);
    if (n !== '' && !aliasMap.has(n)) aliasMap.set(n, code);
  }
  return { codes: set, normalised, aliases: aliasMap, suggestions: new Map() };
}

// Keyed by referential object: a referential is treated as immutable once used.
const indexes = new WeakMap<Referential, CodeIndex>();

function codeIndex(ref: Referential): CodeIndex {
  let idx = indexes.get(ref);
  if (idx) return idx;
  const certAliases: [string, string][] = [];
  for (const c of ref.certifications) for (const a of c.aliases ?? []) certAliases.push([a, c.code]);
  const skillAliases: [string, string][] = [];
  for (const s of ref.skills) for (const a of s.synonyms ?? []) skillAliases.push([a, s.code]);
  const blocks = new Map<string, Set<string>>();
  const blockLookups = new Map<string, Lookup>();
  for (const c of ref.certifications) {
    const codes = (c.blocks ?? []).map((b) => b.code);
    blocks.set(c.code, new Set(codes));
    blockLookups.set(c.code, lookup(codes));
  }
  idx = {
    lookups: {
      certification: lookup(
        ref.certifications.map((c) => c.code),
        certAliases,
      ),
      // The full v3 fiche list (a candidate's past job may be outside the sector) plus any job a
      // caller's referential adds.
      rome: lookup([...romeFiches().keys(), ...ref.jobs.map((j) => j.rome)]),
      rome4: lookup(rome4Fiches().keys()),
      // Numbers: a near miss is no hint, so none is searched; the table is parsed on first use.
      appellation: { codes: { has: (c) => rome4Appellations().has(c) }, normalised: [], aliases: new Map(), suggestions: new Map() },
      skill: lookup(
        ref.skills.map((s) => s.code),
        skillAliases,
      ),
      restriction: lookup([...ref.restrictions.map((r) => r.code), ...ref.physicalDemands.map((d) => d.restriction)]),
      physicalDemand: lookup(ref.physicalDemands.map((d) => d.code)),
      adaptation: lookup([...ref.adaptations.map((a) => a.code), ...ref.physicalDemands.flatMap((d) => d.liftedBy)]),
    },
    blocks,
    blockLookups,
  };
  indexes.set(ref, idx);
  return idx;
}

/** Largest edit distance still worth suggesting, by length of the normalised input. */
function maxDistance(len: number): number {
  return len <= 3 ? 1 : len <= 6 ? 2 : 3;
}

const SUGGESTION_CACHE_LIMIT = 10_000;

/** Up to 3 valid codes close to `code`: an alias hit, then the nearest ones by edit distance, in code order. */
export function suggest(l: Lookup, code: string): string[] {
  const cached = l.suggestions.get(code);
  if (cached) return cached;
  const n = normaliseCode(code);
  const scored: [number, string][] = [];
  const alias = l.aliases.get(n);
  if (alias !== undefined) scored.push([-1, alias]);
  if (n !== '') {
    const limit = maxDistance(n.length);
    for (const [c, cn] of l.normalised) {
      let d = distance(n, cn);
      // K1320 for K1302: two swapped characters are one slip, not two.
      if (d === 2 && isAdjacentSwap(n, cn)) d = 1;
      if (d > limit) {
        const shorter = Math.min(n.length, cn.length);
        // "ADVF" for TP_ADVF, "AES" for DEAES, "B1" for DEAES_B1: a containment counts as one edit.
        if ((shorter >= 3 && (cn.includes(n) || n.includes(cn))) || (n.length >= 2 && cn.endsWith(n))) d = 1;
        // no_nights for no_night_work: a long shared prefix, ranked last.
        else if (commonPrefix(n, cn) >= Math.max(4, Math.ceil(0.75 * shorter))) d = limit;
      }
      if (d <= limit) scored.push([d, c]);
    }
  }
  scored.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  // Only the nearest tier: DEAPP suggests DEAP, not also DEAS and DEAES two edits away.
  const best = scored.length === 0 ? 0 : Math.max(scored[0][0], 0);
  const out: string[] = [];
  for (const [d, c] of scored) if ((d <= best) && !out.includes(c) && out.length < 3) out.push(c);
  if (l.suggestions.size < SUGGESTION_CACHE_LIMIT) l.suggestions.set(code, out);
  return out;
}

function isAdjacentSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function didYouMean(s: readonly string[]): string {
  if (s.length === 0) return '';
  const list = s.length === 1 ? s[0] : `${s.slice(0, -1).join(', ')} ou ${s[s.length - 1]}`;
  return ` — vouliez-vous dire ${list} ?`;
}

class Checker {
  readonly issues: Issue[] = [];
  /** Paths whose structure issue is already reported: neither read nor reported again. */
  constructor(readonly idx: CodeIndex, readonly skip: ReadonlySet<string> = NO_PATHS) {}

  /** Path `base`, or `base[index]suffix`: built only for an unknown code (valid ones allocate nothing). */
  code(vocabulary: Vocabulary, code: string, base: string, index = -1, suffix = ''): boolean {
    const l = this.idx.lookups[vocabulary];
    if (l.codes.has(code)) return true;
    const path = index < 0 ? base : `${base}[${index}]${suffix}`;
    if (this.skip.has(path)) return false;
    const s = suggest(l, code);
    // A ROME 4.0 code read as v3 is never accepted silently: say what it is and how to send it.
    const v4 = vocabulary === 'rome' ? rome4Fiches().get(code) : undefined;
    const hint = v4 === undefined
      ? didYouMean(s)
      : ` : c'est un code ROME 4.0 (${v4.label}), à envoyer avec romeVersion « v4 »`;
    const it = issue('unknown_code', path, `${NOUN[vocabulary]} inconnu « ${code} »${hint}`);
    it.suggestions = s;
    this.issues.push(it);
    return false;
  }

  codes(vocabulary: Vocabulary, codes: readonly string[] | undefined, path: string): void {
    if (codes) for (let i = 0; i < codes.length; i++) this.code(vocabulary, codes[i], path, i);
  }

  blocks(certification: string, blocks: readonly string[], qualificationIndex: number): void {
    const valid = this.idx.blocks.get(certification);
    const l = this.idx.blockLookups.get(certification);
    if (!valid || !l) return;
    for (let i = 0; i < blocks.length; i++) {
      if (valid.has(blocks[i])) continue;
      const path = `qualifications[${qualificationIndex}].blocks[${i}]`;
      if (this.skip.has(path)) continue;
      const s = suggest(l, blocks[i]);
      const rule =
        valid.size === 0
          ? `bloc « ${blocks[i]} » : le référentiel ne connaît aucun bloc de ${certification}`
          : `bloc « ${blocks[i]} » inconnu pour ${certification}${didYouMean(s)}`;
      const it = issue('unknown_block', path, rule);
      it.suggestions = s;
      this.issues.push(it);
    }
  }
}

const NO_PATHS: ReadonlySet<string> = new Set();

/**
 * The issue checks below read the record loosely: after a zod failure they run on the raw input,
 * so every code that is a string where a code belongs is checked in the same round as the
 * structure (a bad date and an unknown code come out together). `skip` holds the paths zod
 * reported: a list too long, a code of the wrong form are left to that issue (no edit distance
 * over 10⁶ items or a megabyte of text), and no field is reported twice. The `check…Codes`
 * functions run on a valid record and also rewrite it into the form the engine reads (ROME 4.0
 * codes read as their v3 fiches).
 */
/** The largest list bound of the record schemas (experience, skills): a longer list is too_big already. */
const MAX_LIST = 100;
const list = (x: unknown): readonly unknown[] => (Array.isArray(x) && x.length <= MAX_LIST ? x : []);
const field = (x: unknown, k: string): unknown => (x !== null && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>)[k] : undefined);
const codeLike = (x: unknown): x is string => typeof x === 'string' && x.length <= 64;

function codeAt(k: Checker, vocabulary: Vocabulary, code: unknown, base: string, index = -1, suffix = ''): boolean {
  return codeLike(code) && k.code(vocabulary, code, base, index, suffix);
}

function codesAt(k: Checker, vocabulary: Vocabulary, codes: unknown, path: string): void {
  const l = k.skip.has(path) ? [] : list(codes);
  for (let i = 0; i < l.length; i++) codeAt(k, vocabulary, l[i], path, i);
}

export function candidateCodeIssues(c: Candidate | Record<string, unknown>, ref: Referential, skip?: ReadonlySet<string>): Issue[] {
  const k = new Checker(codeIndex(ref), skip);
  const rome: Vocabulary = c.romeVersion === 'v4' ? 'rome4' : 'rome';
  codesAt(k, rome, c.desiredJobs, 'desiredJobs');
  const qualifications = k.skip.has('qualifications') ? [] : list(c.qualifications);
  for (let i = 0; i < qualifications.length; i++) {
    const code = field(qualifications[i], 'code');
    const blocks = k.skip.has(`qualifications[${i}].blocks`) ? [] : list(field(qualifications[i], 'blocks'));
    const known = codeAt(k, 'certification', code, 'qualifications', i, '.code');
    if (known && blocks.every(codeLike)) k.blocks(code as string, blocks as string[], i);
  }
  const inTraining = k.skip.has('inTraining') ? [] : list(c.inTraining);
  for (let i = 0; i < inTraining.length; i++) codeAt(k, 'certification', field(inTraining[i], 'code'), 'inTraining', i, '.code');
  const experience = k.skip.has('experience') ? [] : list(c.experience);
  for (let i = 0; i < experience.length; i++) codeAt(k, rome, field(experience[i], 'rome'), 'experience', i, '.rome');
  codesAt(k, 'skill', c.skills, 'skills');
  codesAt(k, 'restriction', c.restrictions, 'restrictions');
  return k.issues;
}

export function checkCandidateCodes(c: Candidate, ref: Referential): CheckResult<Candidate> {
  const issues = candidateCodeIssues(c, ref);
  if (issues.length > 0) return { ok: false, issues };
  if (c.romeVersion !== 'v4') return { ok: true, value: c };
  // zod's copy: its lists are the record's own, rewritten in place.
  c.romeVersion = 'v3';
  for (let i = 0; i < c.desiredJobs.length; i++) c.desiredJobs[i] = rome4Parent(c.desiredJobs[i])!;
  for (const e of c.experience) e.rome = rome4Parent(e.rome)!;
  return { ok: true, value: c };
}

/** The job's codes read in their version, the issues in `k`; undefined when they do not hold. */
function jobCodes(k: Checker, job: unknown) {
  const rules: JobRules = {
    known: (vocabulary, code, path) => k.code(vocabulary, code, path),
    problem: (code, path, message) => void (k.skip.has(path) || k.issues.push(issue(code, path, message()))),
  };
  const text = (name: string): string | undefined => {
    const x = field(job, name);
    return codeLike(x) && !k.skip.has(`job.${name}`) ? x : undefined;
  };
  const rome = text('rome');
  const appellation = text('appellation');
  if (rome === undefined && appellation === undefined) return undefined;
  return readJobCodes({ rome, romeVersion: field(job, 'romeVersion') === 'v4' ? 'v4' : 'v3', appellation, rome4: text('rome4') }, rules);
}

function vacancyCodeChecker(v: Vacancy | Record<string, unknown>, ref: Referential, skip?: ReadonlySet<string>) {
  const k = new Checker(codeIndex(ref), skip);
  const job = jobCodes(k, v.job);
  codesAt(k, 'certification', field(v.requires, 'certifications'), 'requires.certifications');
  codesAt(k, 'certification', field(v.prefers, 'certifications'), 'prefers.certifications');
  codesAt(k, 'skill', field(v.prefers, 'skills'), 'prefers.skills');
  codesAt(k, 'physicalDemand', v.physicalDemands, 'physicalDemands');
  codesAt(k, 'adaptation', v.adaptations, 'adaptations');
  return { issues: k.issues, job };
}

export function vacancyCodeIssues(v: Vacancy | Record<string, unknown>, ref: Referential, skip?: ReadonlySet<string>): Issue[] {
  return vacancyCodeChecker(v, ref, skip).issues;
}

export function checkVacancyCodes(v: Vacancy, ref: Referential): CheckResult<Vacancy> {
  const { issues, job } = vacancyCodeChecker(v, ref);
  if (issues.length > 0 || job === undefined) return { ok: false, issues };
  v.job = normalisedJob(v.job, job);
  return { ok: true, value: v };
}

export function trainingSessionCodeIssues(s: TrainingSession | Record<string, unknown>, ref: Referential, skip?: ReadonlySet<string>): Issue[] {
  const k = new Checker(codeIndex(ref), skip);
  codeAt(k, 'certification', s.certification, 'certification');
  return k.issues;
}

export function checkTrainingSessionCodes(s: TrainingSession, ref: Referential): CheckResult<TrainingSession> {
  const issues = trainingSessionCodeIssues(s, ref);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: s };
}
