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
  constructor(readonly idx: CodeIndex) {}

  /** Path `base`, or `base[index]suffix`: built only for an unknown code (valid ones allocate nothing). */
  code(vocabulary: Vocabulary, code: string, base: string, index = -1, suffix = ''): boolean {
    const l = this.idx.lookups[vocabulary];
    if (l.codes.has(code)) return true;
    const path = index < 0 ? base : `${base}[${index}]${suffix}`;
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
      const s = suggest(l, blocks[i]);
      const rule =
        valid.size === 0
          ? `bloc « ${blocks[i]} » : le référentiel ne connaît aucun bloc de ${certification}`
          : `bloc « ${blocks[i]} » inconnu pour ${certification}${didYouMean(s)}`;
      const it = issue('unknown_block', `qualifications[${qualificationIndex}].blocks[${i}]`, rule);
      it.suggestions = s;
      this.issues.push(it);
    }
  }
}

export function checkCandidateCodes(c: Candidate, ref: Referential): CheckResult<Candidate> {
  const k = new Checker(codeIndex(ref));
  const rome = c.romeVersion === 'v4' ? 'rome4' : 'rome';
  k.codes(rome, c.desiredJobs, 'desiredJobs');
  for (let i = 0; i < c.qualifications.length; i++) {
    const q = c.qualifications[i];
    const known = k.code('certification', q.code, 'qualifications', i, '.code');
    if (known && q.blocks) k.blocks(q.code, q.blocks, i);
  }
  const inTraining = c.inTraining ?? [];
  for (let i = 0; i < inTraining.length; i++) k.code('certification', inTraining[i].code, 'inTraining', i, '.code');
  for (let i = 0; i < c.experience.length; i++) k.code(rome, c.experience[i].rome, 'experience', i, '.rome');
  k.codes('skill', c.skills, 'skills');
  k.codes('restriction', c.restrictions, 'restrictions');
  if (k.issues.length > 0) return { ok: false, issues: k.issues };
  if (c.romeVersion !== 'v4') return { ok: true, value: c };
  // zod's copy: its lists are the record's own, rewritten in place.
  c.romeVersion = 'v3';
  for (let i = 0; i < c.desiredJobs.length; i++) c.desiredJobs[i] = rome4Parent(c.desiredJobs[i])!;
  for (const e of c.experience) e.rome = rome4Parent(e.rome)!;
  return { ok: true, value: c };
}

export function checkVacancyCodes(v: Vacancy, ref: Referential): CheckResult<Vacancy> {
  const k = new Checker(codeIndex(ref));
  const rules: JobRules = {
    known: (vocabulary, code, path) => k.code(vocabulary, code, path),
    problem: (code, path, message) => void k.issues.push(issue(code, path, message())),
  };
  const job = readJobCodes(v.job, rules);
  k.codes('certification', v.requires.certifications, 'requires.certifications');
  k.codes('certification', v.prefers.certifications, 'prefers.certifications');
  k.codes('skill', v.prefers.skills, 'prefers.skills');
  k.codes('physicalDemand', v.physicalDemands, 'physicalDemands');
  k.codes('adaptation', v.adaptations, 'adaptations');
  if (k.issues.length > 0 || job === undefined) return { ok: false, issues: k.issues };
  v.job = normalisedJob(v.job, job);
  return { ok: true, value: v };
}

export function checkTrainingSessionCodes(s: TrainingSession, ref: Referential): CheckResult<TrainingSession> {
  const k = new Checker(codeIndex(ref));
  k.code('certification', s.certification, 'certification');
  return k.issues.length > 0 ? { ok: false, issues: k.issues } : { ok: true, value: s };
}
