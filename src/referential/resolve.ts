/**
 * Free text → codes: job titles to ROME v3 fiches, certification lines to certification codes.
 *
 * Order of evidence for a title (first that answers wins):
 * 1. exact normalised key, with context words ("cuisinier en EHPAD"), then without them;
 * 2. abbreviations and synonyms of the referential (they are index entries like the appellations);
 * 3. token overlap weighted by IDF (weighted Jaccard) over the 11 061 official appellations, the
 *    532 fiche labels and the referential synonyms;
 * 4. fuzzy tokens (fastest-levenshtein): one edit on words typed with ≥ 8 letters, none on shorter
 *    ones ("vente" must not become "verte").
 * An ambiguous synonym (AVS, aide à domicile, IDEC…) is routed by the context words of the jobs
 * that share it, then by the job that is its default. Where the official appellations file and
 * the referential disagree, the official file decides and the other mapping is an alternative.
 * Results are cached per normalised string (bounded FIFO).
 */
import { distance } from 'fastest-levenshtein';
import type { Certification, Job, Referential } from './types.js';
import { defaultReferential } from './index.js';
import { rome4Appellations, rome4SectorLabels, romeAppellations, romeFiches, ROME_VERSION } from './rome/index.js';
import {
  containsPhrase, foldText, normalizeTitle, phraseStems, SOFT_TOKENS, stemToken, stripGenderMarkers,
  type NormalizedTitle,
} from './normalize.js';

export { normalizeTitle } from './normalize.js';
import { referentialArgument } from './extend.js';
import { readOptions, stringArgument } from '../validate/edge.js';
import { PasserelleInputError, formatPath, issue } from '../errors.js';
import { formatNumber } from '../format/french.js';
export type { NormalizedTitle } from './normalize.js';

export interface JobAlternative {
  rome: string;
  label: string;
  confidence: number;
  /** false when the mapping comes from usage (REFERENCE.md) against the official appellations file. */
  verified?: boolean;
}

export interface JobResolution {
  /** ROME v3 fiche code. */
  rome: string;
  /** Official ROME v3 fiche label. */
  label: string;
  /** Whether the title is a job of the sector (core fiche, or shared fiche with a sector context). */
  inSector: boolean;
  /** 0–1: 1 for an exact official title, lower for partial or fuzzy matches. */
  confidence: number;
  /** How it was found. */
  method: 'exact' | 'synonym' | 'tokens' | 'fuzzy';
  /** The official appellation or referential term that matched. */
  matched: string;
  /**
   * Official appellation code (OGR) when the match is an appellation, or a referential term worded
   * as one of the fiche's appellations ("assistante de vie aux familles": 11255).
   */
  appellation?: string;
  /**
   * ROME 4.0 fiche (release v460) when known: the appellation's, else the v3 fiche's only ROME 4.0
   * code. Absent when the v3 fiche splits into several ROME 4.0 fiches and no appellation says which.
   */
  rome4?: string;
  /** Other plausible fiches, best first. */
  alternatives: JobAlternative[];
  romeVersion: 'v3';
  referentialVersion: string;
}

export interface CertificationAlternative { code: string; label: string; confidence: number }

export interface CertificationResolution {
  code: string;
  label: string;
  confidence: number;
  alternatives: CertificationAlternative[];
  referentialVersion: string;
}

export interface ResolveOptions {
  /**
   * The text comes from a sector employer or platform (e.g. a vacancy of an EHPAD): shared fiches
   * (kitchen, cleaning, animation…) then count as in the sector without a context word.
   */
  sectorContext?: boolean;
}

export interface ResolverOptions {
  /** Cache bound (distinct normalised strings). Default 50 000; 0 disables the cache. */
  cacheSize?: number;
  /** Results below this confidence are returned as null. Default 0.34. */
  minConfidence?: number;
}

export interface Resolver {
  resolveJobTitle(text: string, options?: ResolveOptions): JobResolution | null;
  resolveCertification(text: string): CertificationResolution | null;
  /** Number of cached job-title results. */
  readonly cacheSize: number;
  clearCache(): void;
}

/** Lower is preferred when scores tie: the referential's curated terms, then the official file. */
const enum Kind { Synonym = 0, Appellation = 1, Abbreviation = 2, Fiche = 3 }

interface Entry {
  rome: string;
  text: string;
  kind: Kind;
  tokens: Int32Array;
  weight: number;
  appellation?: string;
  /** Normalised synonym key when the entry is an ambiguous referential synonym. */
  ambiguousKey?: string;
  /** The entry names a structure ("cuisinier EHPAD"): it only matches exactly with that word. */
  contextual: boolean;
}

const DEFAULT_CACHE = 50_000;
const DEFAULT_MIN_CONFIDENCE = 0.34;
/** Alternatives within this share of the best score are listed. */
const ALTERNATIVE_RATIO = 0.6;
const MAX_ALTERNATIVES = 4;
/** Token scores this close to the best are a tie that the referential's context words may break. */
const NEAR_TIE = 0.95;
/** foreignOrContextChoice: the title has no confident answer. */
const NO_ANSWER = -2;
/** One edit on words typed with at least this many letters, none on shorter ones. */
const FUZZY_MIN_LENGTH = 8;
/** Texts longer than this are not cached as typed (their normalised form still is). */
const MAX_RAW_KEY = 200;

const sortedKey = (tokens: readonly string[]): string => [...new Set(tokens)].sort().join(' ');
const round = (x: number): number => Math.round(x * 1000) / 1000;

/** Splits "Auxiliaire de Vie Sociale -AVS-" into the label and its abbreviation. */
function splitRomeAbbreviation(label: string): { label: string; abbreviation?: string } {
  const m = /\s-\s?([A-Z]{2,6})\s?-?\s*$/.exec(label);
  if (!m) return { label };
  return { label: label.slice(0, m.index), abbreviation: m[1] };
}

class JobIndex {
  readonly entries: Entry[] = [];
  readonly tokenIds = new Map<string, number>();
  readonly tokenText: string[] = [];
  postings: Int32Array[] = [];
  idf = new Float64Array(0);
  readonly fullKeys = new Map<string, number[]>();
  readonly coreKeys = new Map<string, number[]>();
  readonly byLength = new Map<number, number[]>();
  readonly jobs = new Map<string, Job>();
  /** Ambiguous synonym key → jobs that share it. */
  readonly ambiguous = new Map<string, Job[]>();
  /** Single-word context words of every job (toilette, école, bionettoyage…). */
  readonly contextTokens = new Set<string>();
  /** Job → context phrases (stems). */
  readonly contextPhrases = new Map<Job, string[][]>();
  readonly defaultFor = new Map<string, Job>();
  /** Term key → jobs that keep it as an unofficial alternative. */
  readonly alternativeTerms = new Map<string, Job[]>();
  /**
   * 1 for a token that some entry of a sector job (or a sector job's context words) holds; 0 for a
   * word met only in other trades' titles ("vétérinaire", "lycée", "animalier").
   */
  sectorToken = new Uint8Array(0);
  readonly ficheLabels: ReadonlyMap<string, string>;

  constructor(referential: Referential) {
    this.ficheLabels = romeFiches();
    const postings: number[][] = [];
    const add = (text: string, rome: string, kind: Kind, extra: Partial<Entry> = {}): void => {
      const n = normalizeTitle(text);
      if (n.all.length === 0) return;
      const ids: number[] = [];
      for (const t of n.tokens) {
        let id = this.tokenIds.get(t);
        if (id === undefined) {
          id = this.tokenText.length;
          this.tokenIds.set(t, id);
          this.tokenText.push(t);
          postings.push([]);
        }
        if (!ids.includes(id)) ids.push(id);
      }
      const e = this.entries.length;
      this.entries.push({ rome, text, kind, tokens: Int32Array.from(ids), weight: 0, contextual: n.all.length !== n.tokens.length, ...extra });
      for (const id of ids) postings[id].push(e);
      push(this.fullKeys, sortedKey(n.all), e);
      if (n.tokens.length > 0) push(this.coreKeys, sortedKey(n.tokens), e);
    };

    for (const job of referential.jobs) {
      this.jobs.set(job.rome, job);
      const ambiguous = new Set((job.ambiguousSynonyms ?? []).map((s) => sortedKey(phraseStems(s))));
      for (const s of job.synonyms) {
        const key = sortedKey(phraseStems(s));
        add(s, job.rome, Kind.Synonym, ambiguous.has(key) ? { ambiguousKey: key } : {});
      }
      for (const s of job.ambiguousSynonyms ?? []) {
        const key = sortedKey(phraseStems(s));
        const list = this.ambiguous.get(key) ?? [];
        if (!list.includes(job)) list.push(job);
        this.ambiguous.set(key, list);
      }
      for (const s of job.defaultFor ?? []) this.defaultFor.set(sortedKey(phraseStems(s)), job);
      const phrases = (job.contextWords ?? []).map(phraseStems).filter((p) => p.length > 0);
      this.contextPhrases.set(job, phrases);
      for (const p of phrases) if (p.length === 1) this.contextTokens.add(p[0]);
      for (const a of job.alternativeTerms ?? []) push(this.alternativeTerms, sortedKey(phraseStems(a.term)), job);
    }
    for (const a of romeAppellations()) {
      const { label, abbreviation } = splitRomeAbbreviation(a.label);
      add(label, a.rome, Kind.Appellation, { appellation: a.code });
      if (abbreviation) add(abbreviation, a.rome, Kind.Abbreviation, { appellation: a.code });
    }
    for (const [code, label] of this.ficheLabels) add(label, code, Kind.Fiche);

    const n = this.entries.length;
    this.idf = new Float64Array(this.tokenText.length);
    this.postings = postings.map((p) => Int32Array.from(p));
    for (let t = 0; t < this.tokenText.length; t++) {
      this.idf[t] = Math.log(1 + n / this.postings[t].length);
      const len = this.tokenText[t].length;
      push(this.byLength, len, t);
    }
    for (const e of this.entries) {
      let w = 0;
      for (const t of e.tokens) w += this.idf[t];
      e.weight = w;
    }
    this.sectorToken = new Uint8Array(this.tokenText.length);
    for (const e of this.entries) if (this.isSectorFiche(e.rome)) for (const t of e.tokens) this.sectorToken[t] = 1;
    for (const [job, phrases] of this.contextPhrases) {
      if (job.inSector === false) continue;
      for (const p of phrases) for (const w of p) { const id = this.tokenIds.get(w); if (id !== undefined) this.sectorToken[id] = 1; }
    }
  }

  /**
   * The appellation of fiche `rome` worded as `entry` (the same normalised words, in its v3 label
   * or its ROME 4.0 one), else undefined: a referential synonym then carries the official code.
   * Lowest code first, for determinism. Names only: which fiche a title resolves to is decided before.
   */
  appellationOf(entry: Entry, rome: string): string | undefined {
    if (entry.kind === Kind.Appellation || entry.kind === Kind.Abbreviation) return entry.rome === rome ? entry.appellation : undefined;
    const key = sortedKey(normalizeTitle(entry.text).all);
    const codes = (this.fullKeys.get(key) ?? [])
      .map((e) => this.entries[e])
      .filter((x) => x.kind === Kind.Appellation && x.rome === rome)
      .map((x) => x.appellation!);
    for (const code of this.rome4LabelKeys().get(key) ?? []) if (rome4Appellations().get(code)?.rome3 === rome) codes.push(code);
    return codes.length === 0 ? undefined : codes.reduce((a, b) => (Number(b) < Number(a) ? b : a));
  }

  private rome4Keys: Map<string, string[]> | undefined;

  /** Normalised ROME 4.0 labels of the sector appellations new or relabelled since v3 → their codes. */
  private rome4LabelKeys(): Map<string, string[]> {
    if (this.rome4Keys === undefined) {
      this.rome4Keys = new Map();
      for (const [code, label] of rome4SectorLabels()) push(this.rome4Keys, sortedKey(normalizeTitle(label).all), code);
    }
    return this.rome4Keys;
  }

  /**
   * ROME 4.0 code of a result: its appellation's; else, when every appellation of the v3 fiche has
   * the same ROME 4.0 fiche, that one (not v3 K1301's: its AES appellations went to K1306).
   */
  rome4Of(rome: string, appellation: string | undefined): string | undefined {
    if (appellation !== undefined) return rome4Appellations().get(appellation)?.rome4;
    if (this.singleRome4 === undefined) {
      const of = new Map<string, Set<string>>();
      for (const a of rome4Appellations().values()) of.set(a.rome3, (of.get(a.rome3) ?? new Set()).add(a.rome4));
      this.singleRome4 = new Map([...of].filter(([, c]) => c.size === 1).map(([p, c]) => [p, [...c][0]]));
    }
    return this.singleRome4.get(rome);
  }

  private singleRome4: Map<string, string> | undefined;

  isSectorFiche(rome: string): boolean {
    const job = this.jobs.get(rome);
    return job !== undefined && job.inSector !== false;
  }

  private readonly fuzzyCache = new Map<string, number>();

  /** Best vocabulary token within one edit of `stem`, or -1 (memoised: unknown words recur, city names). */
  fuzzy(stem: string): number {
    const known = this.fuzzyCache.get(stem);
    if (known !== undefined) return known;
    const found = this.fuzzyScan(stem);
    if (this.fuzzyCache.size >= 100_000) this.fuzzyCache.clear();
    this.fuzzyCache.set(stem, found);
    return found;
  }

  private fuzzyScan(stem: string): number {
    let best = -1;
    let bestDf = -1;
    for (let len = stem.length - 1; len <= stem.length + 1; len++) {
      const bucket = this.byLength.get(len);
      if (!bucket) continue;
      for (const t of bucket) {
        const cand = this.tokenText[t];
        // One edit keeps the first letter or shifts it by one place: a cheap filter before Levenshtein.
        if (cand[0] !== stem[0] && cand[1] !== stem[1] && cand[0] !== stem[1] && cand[1] !== stem[0]) continue;
        // One edit, or two neighbouring letters swapped ("soingante" for "soignante"): a typo, not a word.
        if (distance(stem, cand) !== 1 && !(len === stem.length && isTransposition(stem, cand))) continue;
        const df = this.postings[t].length;
        if (df > bestDf || (df === bestDf && cand < this.tokenText[best])) { best = t; bestDf = df; }
      }
    }
    return best;
  }
}

/** true when b is a with exactly two neighbouring letters swapped. */
function isTransposition(a: string, b: string): boolean {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (i >= a.length - 1 || a[i] !== b[i + 1] || a[i + 1] !== b[i]) return false;
  return a.slice(i + 2) === b.slice(i + 2);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) { if (!list.includes(value)) list.push(value); } else map.set(key, [value]);
}

/** Score order: higher score, then more matched weight, then the referential's terms, then index order. */
function better(ix: JobIndex, e: number, score: number, matched: number, b: number, bScore: number, bMatched: number): boolean {
  if (score !== bScore) return score > bScore;
  if (matched !== bMatched) return matched > bMatched;
  const k = ix.entries[e].kind - ix.entries[b].kind;
  return k !== 0 ? k < 0 : e < b;
}

const SECTOR_CONTEXT: ResolveOptions = { sectorContext: true };

/** ResolveOptions read once: SECTOR_CONTEXT or undefined; PasserelleInputError('options') when malformed. */
function sectorOption(options: unknown): ResolveOptions | undefined {
  if (options === undefined) return undefined;
  const { sectorContext, ...rest } = readOptions(options, {});
  const unknown = Object.keys(rest)[0];
  if (unknown !== undefined) throw new PasserelleInputError('options', [issue('unrecognized_keys', formatPath([unknown]), 'option inconnue ; options admises : sectorContext')]);
  if (sectorContext !== undefined && typeof sectorContext !== 'boolean') {
    throw new PasserelleInputError('options', [issue('invalid_type', 'sectorContext', 'un booléen (true ou false) attendu')]);
  }
  return sectorContext === true ? SECTOR_CONTEXT : undefined;
}

function numberOption(value: unknown, name: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new PasserelleInputError('options', [issue('invalid_type', name, `un nombre entre ${formatNumber(min)} et ${formatNumber(max)} attendu`)]);
  }
  return value;
}

function integerOption(value: unknown, name: string, min: number, max: number): number {
  const n = numberOption(value, name, min, max);
  if (!Number.isInteger(n)) throw new PasserelleInputError('options', [issue('invalid_type', name, 'un entier attendu')]);
  return n;
}

/**
 * Creates a resolver over a referential (the built-in one, or one extended by the caller). The
 * index is built on first use, then kept.
 *
 * @example
 * const { resolveJobTitle } = createResolver(defaultReferential);
 * resolveJobTitle('AES en MAS')?.rome // 'K1301'
 */
export function createResolver(referentialArg: Referential = defaultReferential, options: ResolverOptions = {}): Resolver {
  const referential = referentialArgument(referentialArg, 'referential');
  const o = readOptions(options, {});
  for (const k of Object.keys(o)) {
    if (k !== 'cacheSize' && k !== 'minConfidence') {
      throw new PasserelleInputError('options', [issue('unrecognized_keys', formatPath([k]), 'option inconnue ; options admises : cacheSize, minConfidence')]);
    }
  }
  const cacheLimit = o.cacheSize === undefined ? DEFAULT_CACHE : integerOption(o.cacheSize, 'cacheSize', 0, 10_000_000);
  const minConfidence = o.minConfidence === undefined ? DEFAULT_MIN_CONFIDENCE : numberOption(o.minConfidence, 'minConfidence', 0, 1);
  let index: JobIndex | undefined;
  let certIndex: CertIndex | undefined;
  const cache = new Map<string, JobResolution | null>();
  const rawCache = new Map<string, JobResolution | null>();
  const certCache = new Map<string, CertificationResolution | null>();
  // Scratch buffers of the token scorer, sized on first use and reused.
  let acc = new Float64Array(0);
  let softAcc = new Float64Array(0);
  let touched = new Int32Array(0);

  const getIndex = (): JobIndex => {
    if (!index) {
      index = new JobIndex(referential);
      acc = new Float64Array(index.entries.length);
      softAcc = new Float64Array(index.entries.length);
      touched = new Int32Array(index.entries.length);
    }
    return index;
  };

  function ficheLabel(ix: JobIndex, rome: string): string {
    return ix.ficheLabels.get(rome) ?? ix.jobs.get(rome)?.label ?? rome;
  }

  function inSector(ix: JobIndex, rome: string, n: NormalizedTitle, opts: ResolveOptions | undefined): boolean {
    const job = ix.jobs.get(rome);
    if (!job || job.inSector === false) return false;
    if (job.core) return true;
    return n.sectorContext || opts?.sectorContext === true;
  }

  /** Whether one of the words after `end` is a context word of the entry's job or of a job sharing its term. */
  function contextOfTerm(ix: JobIndex, entry: Entry, tokens: readonly string[], end: number): boolean {
    const jobs = entry.ambiguousKey !== undefined ? ix.ambiguous.get(entry.ambiguousKey) ?? [] : [];
    const own = ix.jobs.get(entry.rome);
    for (const job of own ? [own, ...jobs] : jobs) {
      for (const p of ix.contextPhrases.get(job) ?? []) {
        if (p.length === 1 && tokens.indexOf(p[0], end) >= 0) return true;
      }
    }
    return false;
  }

  /** Number of the job's context phrases found among the title's words. */
  function contextHits(ix: JobIndex, job: Job | undefined, n: NormalizedTitle): number {
    if (!job) return 0;
    let hits = 0;
    for (const p of ix.contextPhrases.get(job) ?? []) if (containsPhrase(n.all, p)) hits++;
    return hits;
  }

  /**
   * A second look at the token scorer's best entry, among the touched entries (acc holds scores):
   * - a sector job that leaves out a word met only in other trades' titles ("aide-soignant
   *   vétérinaire", "intendant lycée") gives way to the best entry of a fiche outside the sector
   *   that holds such a word and a word of the job's name, when it scores within ALTERNATIVE_RATIO;
   * - otherwise, between near-equal fiches (within NEAR_TIE), the one whose referential context
   *   words the title holds ("accompagnant de personnes âgées à domicile": domicile) wins.
   * Returns the entry to use instead, -1 to keep the best, or NO_ANSWER.
   */
  function foreignOrContextChoice(
    ix: JobIndex, n: NormalizedTitle, queryIds: readonly number[], soft: readonly boolean[], fuzzed: readonly boolean[],
    best: number, bestScore: number, count: number,
  ): number {
    const bestEntry = ix.entries[best];
    if (ix.isSectorFiche(bestEntry.rome)) {
      const foreign: number[] = [];
      for (let q = 0; q < queryIds.length; q++) {
        const id = queryIds[q];
        // A word reached by a one-edit correction is weak evidence (a town: "Mortagne" → "montagne").
        if (!soft[q] && !fuzzed[q] && ix.sectorToken[id] === 0 && !bestEntry.tokens.includes(id)) foreign.push(id);
      }
      if (foreign.length > 0) {
        let pick = -1;
        for (let i = 0; i < count; i++) {
          const e = touched[i];
          const entry = ix.entries[e];
          if (acc[e] < bestScore * ALTERNATIVE_RATIO || ix.isSectorFiche(entry.rome)) continue;
          let holds = false;
          for (const id of foreign) if (entry.tokens.includes(id)) { holds = true; break; }
          // ... and shares a word of the job's name with it ("aide" of aide-soignant and aide-vétérinaire):
          // "moniteur éducateur internat" is not "responsable d'internat".
          let shares = false;
          for (let q = 0; q < queryIds.length && holds && !shares; q++) {
            const id = queryIds[q];
            shares = !soft[q] && bestEntry.tokens.includes(id) && entry.tokens.includes(id);
          }
          if (holds && shares && (pick < 0 || better(ix, e, acc[e], softAcc[e], pick, acc[pick], softAcc[pick]))) pick = e;
        }
        if (pick >= 0) return pick;
        // A term the referential itself calls ambiguous ("agent de soins") is too weak to outweigh
        // a word of another trade that nothing explains ("agent de soins animaliers"): no answer.
        if (bestEntry.ambiguousKey !== undefined) return NO_ANSWER;
      }
    }
    if (n.context.length === 0) return -1;
    const own = contextHits(ix, ix.jobs.get(bestEntry.rome), n);
    let pick = -1;
    let pickHits = own;
    for (let i = 0; i < count; i++) {
      const e = touched[i];
      const rome = ix.entries[e].rome;
      if (rome === bestEntry.rome || acc[e] < bestScore * NEAR_TIE) continue;
      const hits = contextHits(ix, ix.jobs.get(rome), n);
      // pickHits starts at the best's own hits: only a fiche with more context hits can take over.
      if (hits > pickHits || (hits === pickHits && pick >= 0 && better(ix, e, acc[e], softAcc[e], pick, acc[pick], softAcc[pick]))) {
        pick = e;
        pickHits = hits;
      }
    }
    return pick;
  }

  /** Among the jobs sharing an ambiguous term, the one the context words point to, else its default. */
  function route(ix: JobIndex, key: string, n: NormalizedTitle): { job: Job | undefined; decided: boolean; others: Job[] } {
    const jobs = ix.ambiguous.get(key) ?? [];
    const own = new Set(key.split(' '));
    const rest = n.all.filter((t) => !own.has(t));
    let best: Job | undefined;
    let bestHits = 0;
    for (const job of jobs) {
      let hits = 0;
      for (const p of ix.contextPhrases.get(job) ?? []) if (containsPhrase(rest, p)) hits++;
      if (hits > bestHits) { best = job; bestHits = hits; }
    }
    const decided = best !== undefined;
    if (!best) best = ix.defaultFor.get(key) ?? jobs[0];
    return { job: best, decided, others: jobs.filter((j) => j !== best) };
  }

  function build(
    ix: JobIndex, n: NormalizedTitle, opts: ResolveOptions | undefined, rome: string, confidence: number,
    method: JobResolution['method'], entry: Entry, alternatives: JobAlternative[],
  ): JobResolution {
    const seen = new Set([rome]);
    const alts: JobAlternative[] = [];
    // Mappings the referential keeps as unofficial alternatives for this very term.
    const unofficial = ix.alternativeTerms.get(sortedKey(n.tokens)) ?? [];
    for (const a of alternatives) {
      if (seen.has(a.rome) || alts.length >= MAX_ALTERNATIVES) continue;
      seen.add(a.rome);
      alts.push(Object.freeze(unofficial.some((j) => j.rome === a.rome) ? { ...a, verified: false } : a));
    }
    for (const job of unofficial) {
      if (seen.has(job.rome) || alts.length >= MAX_ALTERNATIVES) continue;
      seen.add(job.rome);
      alts.push(Object.freeze({ rome: job.rome, label: ficheLabel(ix, job.rome), confidence: round(confidence * 0.5), verified: false }));
    }
    const result: JobResolution = {
      rome,
      label: ficheLabel(ix, rome),
      inSector: inSector(ix, rome, n, opts),
      confidence: round(confidence),
      method,
      matched: entry.text,
      alternatives: Object.freeze(alts) as JobAlternative[],
      romeVersion: ROME_VERSION,
      referentialVersion: referential.version,
    };
    const appellation = ix.appellationOf(entry, rome);
    if (appellation !== undefined) result.appellation = appellation;
    const rome4 = ix.rome4Of(rome, appellation);
    if (rome4 !== undefined) result.rome4 = rome4;
    return Object.freeze(result);
  }

  /** Resolves a set of equally exact entries: ambiguity routing, then the official file first. */
  function fromExact(ix: JobIndex, n: NormalizedTitle, opts: ResolveOptions | undefined, hits: number[], confidence: number): JobResolution {
    const amb = hits.find((e) => ix.entries[e].ambiguousKey !== undefined);
    if (amb !== undefined) {
      const key = ix.entries[amb].ambiguousKey!;
      const r = route(ix, key, n);
      if (r.job) {
        const entry = hits.map((e) => ix.entries[e]).find((x) => x.rome === r.job!.rome) ?? ix.entries[amb];
        const alts = r.others.map((j) => ({ rome: j.rome, label: ficheLabel(ix, j.rome), confidence: round(confidence * (r.decided ? 0.3 : 0.5)) }));
        for (const e of hits) alts.push({ rome: ix.entries[e].rome, label: ficheLabel(ix, ix.entries[e].rome), confidence: round(confidence * 0.5) });
        return build(ix, n, opts, r.job.rome, confidence * (r.decided ? 0.95 : 0.85), 'synonym', entry, alts);
      }
    }
    const ordered = hits.map((e) => ix.entries[e]).sort((a, b) => {
      const official = Number(b.kind === Kind.Appellation) - Number(a.kind === Kind.Appellation);
      return official || a.kind - b.kind || (a.rome < b.rome ? -1 : a.rome > b.rome ? 1 : 0);
    });
    const top = ordered[0];
    const alts = ordered.slice(1).map((x) => ({ rome: x.rome, label: ficheLabel(ix, x.rome), confidence: round(confidence * 0.5) }));
    return build(ix, n, opts, top.rome, confidence, top.kind === Kind.Synonym ? 'synonym' : 'exact', top, alts);
  }

  function fromTokens(ix: JobIndex, n: NormalizedTitle, opts: ResolveOptions | undefined): JobResolution | null {
    let hard = 0;
    let fuzzyUsed = false;
    let count = 0;
    const queryIds: number[] = [];
    const soft: boolean[] = [];
    const fuzzed: boolean[] = [];
    for (let i = 0; i < n.tokens.length; i++) {
      const stem = n.tokens[i];
      let id = ix.tokenIds.get(stem) ?? -1;
      if (id < 0 && n.typedLengths[i] >= FUZZY_MIN_LENGTH) {
        id = ix.fuzzy(stem);
        if (id >= 0) fuzzyUsed = true;
      }
      if (id < 0 || queryIds.includes(id)) continue;
      queryIds.push(id);
      const isSoft = n.soft[i] || SOFT_TOKENS.has(ix.tokenText[id]);
      soft.push(isSoft);
      fuzzed.push(ix.tokenText[id] !== stem);
      if (!isSoft) hard += ix.idf[id];
    }
    if (queryIds.length === 0) return null;
    for (let q = 0; q < queryIds.length; q++) {
      const id = queryIds[q];
      const w = ix.idf[id];
      const post = ix.postings[id];
      for (let p = 0; p < post.length; p++) {
        const e = post[p];
        if (acc[e] === 0) touched[count++] = e;
        acc[e] += w;
        if (soft[q]) softAcc[e] += w;
      }
    }
    // Two passes over the touched entries, no sort: the best entry, then the other fiches close to it.
    let best = -1;
    let bestScore = 0;
    let bestMatched = 0;
    for (let i = 0; i < count; i++) {
      const e = touched[i];
      const m = acc[e];
      const q = hard + softAcc[e];
      // Only soft words in common (e.g. "nuit") name no job.
      const score = m - softAcc[e] > 0 && q > 0 ? m / (q + ix.entries[e].weight - m) : 0;
      acc[e] = score;
      softAcc[e] = m;
      if (score > 0 && (best < 0 || better(ix, e, score, m, best, bestScore, bestMatched))) {
        best = e; bestScore = score; bestMatched = m;
      }
    }
    if (best >= 0) {
      const other = foreignOrContextChoice(ix, n, queryIds, soft, fuzzed, best, bestScore, count);
      if (other === NO_ANSWER) best = -1;
      else if (other >= 0) { best = other; bestScore = acc[other]; bestMatched = softAcc[other]; }
    }
    const penalty = fuzzyUsed ? 0.9 : 1;
    const confidence = bestScore * 0.95 * penalty;
    const alts: JobAlternative[] = [];
    if (best >= 0 && confidence >= minConfidence) {
      const bestRome = ix.entries[best].rome;
      const perFiche = new Map<string, number>();
      for (let i = 0; i < count; i++) {
        const e = touched[i];
        const score = acc[e];
        const rome = ix.entries[e].rome;
        if (rome !== bestRome && score >= bestScore * ALTERNATIVE_RATIO && score > (perFiche.get(rome) ?? 0)) perFiche.set(rome, score);
      }
      const ranked = [...perFiche].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, MAX_ALTERNATIVES);
      for (const [rome, score] of ranked) alts.push({ rome, label: ficheLabel(ix, rome), confidence: round(score * 0.95 * penalty) });
    }
    for (let i = 0; i < count; i++) { acc[touched[i]] = 0; softAcc[touched[i]] = 0; }
    if (best < 0 || confidence < minConfidence) return null;
    const bestEntry = ix.entries[best];
    if (bestEntry.ambiguousKey !== undefined) {
      const r = route(ix, bestEntry.ambiguousKey, n);
      if (r.job && r.job.rome !== bestEntry.rome) {
        alts.unshift({ rome: bestEntry.rome, label: ficheLabel(ix, bestEntry.rome), confidence: round(confidence * 0.5) });
        return build(ix, n, opts, r.job.rome, confidence, fuzzyUsed ? 'fuzzy' : 'tokens', bestEntry, alts);
      }
    }
    return build(ix, n, opts, bestEntry.rome, confidence, fuzzyUsed ? 'fuzzy' : 'tokens', bestEntry, alts);
  }

  function resolveNormalized(n: NormalizedTitle, opts: ResolveOptions | undefined): JobResolution | null {
    const ix = getIndex();
    if (n.all.length === 0) return null;
    const full = ix.fullKeys.get(sortedKey(n.all));
    if (full) return fromExact(ix, n, opts, full, 1);
    if (n.tokens.length > 0) {
      const core = ix.coreKeys.get(sortedKey(n.tokens));
      if (core) {
        // Entries whose own key needs no context word come first ("chef de cuisine" alone is the
        // official G1601, not the "chef de cuisine EHPAD" synonym).
        const plain = core.filter((e) => !ix.entries[e].contextual);
        return fromExact(ix, n, opts, plain.length > 0 ? plain : core, 0.97);
      }
    }
    // "aide à domicile, toilette et transferts", "AVS école": without the words that the
    // referential lists as context of some job, the rest may be an exact term.
    // Trailing context words are dropped one by one, the first exact term found wins.
    // A dropped word must be a context word of a job the term may name: "intendant lycée" is not
    // the maître de maison's "intendant" with a school word left over.
    let end = n.tokens.length;
    while (end > 1 && ix.contextTokens.has(n.tokens[end - 1])) {
      end--;
      const hits = ix.coreKeys.get(sortedKey(n.tokens.slice(0, end)))?.filter((e) => !ix.entries[e].contextual);
      if (hits && hits.length > 0 && hits.some((e) => contextOfTerm(ix, ix.entries[e], n.tokens, end))) {
        return fromExact(ix, n, opts, hits, 0.9);
      }
    }
    return fromTokens(ix, n, opts);
  }

  function remember<V>(map: Map<string, V>, key: string, value: V): void {
    if (map.size >= cacheLimit) map.delete(map.keys().next().value as string);
    map.set(key, value);
  }

  function resolveJobTitle(text: string, options?: ResolveOptions): JobResolution | null {
    const input = stringArgument(text, 'text');
    const opts = sectorOption(options);
    const flag = opts === undefined ? '0' : '1';
    // A first cache on the text as typed skips normalisation for repeated ads; short texts only,
    // so that the cache never holds large strings.
    const rawKey = input.length <= MAX_RAW_KEY ? flag + input : undefined;
    if (cacheLimit > 0 && rawKey !== undefined) {
      const hit = rawCache.get(rawKey);
      if (hit !== undefined) return hit;
    }
    const n = normalizeTitle(input);
    // The key holds what the result depends on: every folded word, the option, and which words
    // were typed long enough to be corrected.
    let key = flag;
    for (let i = 0; i < n.tokens.length; i++) key += n.typedLengths[i] >= FUZZY_MIN_LENGTH ? '*' : '.';
    key += n.all.join(' ');
    let result = cacheLimit > 0 ? cache.get(key) : undefined;
    if (result === undefined) {
      result = resolveNormalized(n, opts);
      if (cacheLimit > 0) remember(cache, key, result);
    }
    if (cacheLimit > 0 && rawKey !== undefined) remember(rawCache, rawKey, result);
    return result;
  }

  function resolveCertification(text: string): CertificationResolution | null {
    if (!certIndex) certIndex = new CertIndex(referential.certifications);
    const tokens = certTokens(stringArgument(text, 'text'));
    const key = tokens.join(' ');
    if (cacheLimit > 0 && certCache.has(key)) return certCache.get(key)!;
    const result = certIndex.resolve(tokens, minConfidence, referential.version);
    if (cacheLimit > 0) remember(certCache, key, result);
    return result;
  }

  return {
    resolveJobTitle,
    resolveCertification,
    get cacheSize() { return cache.size; },
    clearCache() { cache.clear(); rawCache.clear(); certCache.clear(); },
  };
}

// ---------------------------------------------------------------------------------------------
// Certifications: a small index over codes, labels and aliases of the referential.

const CERT_STOPWORDS = new Set([
  'd', 'la', 'le', 'les', 'l', 'en', 'a', 'au', 'aux', 'et', 'du', 'des', 'of', 'obtenu', 'obtenue', 'option',
  'niveau', 'annee', 'session', 'validation', 'valide', 'h', 'heure', 'e', 'f', 'x', 's',
  'dans', 'pour', 'par', 'sur', 'un', 'une', 'avec', 'ou',
]);

/**
 * Words that say what kind of certification a line names, not which one: "CAP cuisine" shares only
 * "cap" with "CAP AEPE" and must not resolve to it.
 */
const CERT_KIND_WORDS = new Set([
  'de', 'cap', 'bep', 'bac', 'pro', 'tp', 'mc', 'cqp', 'bt', 'bts', 'dut', 'but', 'licence', 'master', 'diplome', 'titre',
  'certificat', 'certification', 'brevet', 'formation', 'attestation',
]);

/** Folds a certification line: "Diplôme d'État d'Aide-Soignant" → ["de", "aide", "soignant"]. */
export function certTokens(text: string): string[] {
  let s = stripGenderMarkers(foldText(text));
  s = s.replace(/_/g, ' ');
  s = s.replace(/\bdiplome\s+d\s*'?\s*etat\b/g, ' de ');
  s = s.replace(/\bdiplome\s+etat\b/g, ' de ');
  s = s.replace(/\btitres?\s+pro(fessionnel)?s?\b/g, ' tp ');
  s = s.replace(/\b(?:baccalaureat|bac)\s+professionnel\b/g, ' bac pro ');
  s = s.replace(/\bbaccalaureat\b/g, ' bac ');
  s = s.replace(/\bmention\s+complementaire\b/g, ' mc ');
  // "auxiliaire puéricultrice" is how many write the AP title (REFERENCE.md §1, AP synonyms).
  s = s.replace(/\bauxiliaires?\s+(?:de\s+)?puericult(?:rice|eur)s?\b/g, ' auxiliaire de puericulture ');
  s = s.replace(/\b(19|20)\d\d\b/g, ' ');
  s = s.replace(/'/g, ' ').replace(/[^a-z0-9]+/g, ' ');
  const out: string[] = [];
  for (const w of s.split(' ')) {
    if (w.length === 0 || CERT_STOPWORDS.has(w)) continue;
    // "de" counts only as the "diplôme d'État" marker at the start of a line.
    if (w === 'de' && out.length > 0) continue;
    // Short words are acronyms, not plurals: "DEIS" (ingénierie sociale) is not "DEI".
    out.push(w.length <= 4 ? w : stemToken(w));
  }
  return out;
}

interface CertEntry {
  cert: Certification;
  /** Every word of every form (code, label, aliases) of the certification. */
  vocabulary: ReadonlySet<string>;
  tokens: string[];
  /** The entry's words that say which certification it is (kind words removed). */
  distinctive: string[];
  weight: number;
}

/**
 * Whether a line names this entry rather than a certification outside the referential that shares
 * some of its words. Kind words (DE, CAP, titre pro…) never decide. The line must hold every
 * distinctive word of the entry ("DE éducateur de jeunes enfants" lacks "spécialisé": not the DEES);
 * no word foreign to the certification may interrupt them ("DE éducateur technique spécialisé" is
 * the DEETS); and no word that names another certification may come before them ("permis moto A2"
 * is not French A2; "SST (sauveteur secouriste du travail)" is fine). Words after the name are
 * tolerated: they are where CVs put the school, place, year and status ("DEAS (IFAS de Caen) en
 * cours"). Unknown words before the name are tolerated too (IFSI, VAE…).
 */
function namesEntry(e: CertEntry, tokens: readonly string[], line: readonly (string | null)[], query: readonly string[]): boolean {
  if (e.distinctive.length === 0) return false;
  for (const t of e.distinctive) if (!query.includes(t)) return false;
  let first = -1;
  let last = -1;
  for (let i = 0; i < line.length; i++) {
    const t = line[i];
    if (t !== null && !CERT_KIND_WORDS.has(t) && e.tokens.includes(t)) {
      if (first < 0) first = i;
      last = i;
    }
  }
  for (let i = 0; i < first; i++) {
    const t = line[i];
    if (t !== null && !CERT_KIND_WORDS.has(t) && !e.vocabulary.has(t)) return false;
  }
  for (let i = first + 1; i < last; i++) {
    const t = line[i];
    if (CERT_KIND_WORDS.has(tokens[i]) || (t !== null && (CERT_KIND_WORDS.has(t) || e.vocabulary.has(t)))) continue;
    return false;
  }
  return true;
}

class CertIndex {
  readonly entries: CertEntry[] = [];
  readonly exact = new Map<string, CertEntry[]>();
  readonly df = new Map<string, number>();
  readonly postings = new Map<string, CertEntry[]>();
  readonly vocabulary: string[] = [];

  constructor(certifications: readonly Certification[]) {
    for (const cert of certifications) {
      const forms = [cert.code, cert.label, ...cert.aliases].map((f) => [...new Set(certTokens(f))]);
      const vocabulary = new Set(forms.flat());
      for (const tokens of forms) {
        if (tokens.length === 0) continue;
        const entry: CertEntry = { cert, vocabulary, tokens, distinctive: tokens.filter((t) => !CERT_KIND_WORDS.has(t)), weight: 0 };
        this.entries.push(entry);
        push(this.exact, sortedKey(tokens), entry);
        for (const t of tokens) push(this.postings, t, entry);
      }
    }
    for (const [t, list] of this.postings) {
      this.df.set(t, list.length);
      this.vocabulary.push(t);
    }
    for (const e of this.entries) e.weight = e.tokens.reduce((w, t) => w + this.idf(t), 0);
  }

  idf(t: string): number {
    const df = this.df.get(t);
    return df ? Math.log(1 + this.entries.length / df) : 0;
  }

  resolve(tokens: string[], minConfidence: number, version: string): CertificationResolution | null {
    if (tokens.length === 0) return null;
    const exact = this.exact.get(sortedKey(tokens));
    const scores = new Map<Certification, number>();
    if (exact) {
      for (const e of exact) scores.set(e.cert, 1);
    } else {
      // The line's words in order, each as its vocabulary word (after one fuzzy edit) or null when unknown.
      const line: (string | null)[] = [];
      const query: string[] = [];
      for (const raw of tokens) {
        let t = raw;
        if (!this.df.has(t) && t.length >= FUZZY_MIN_LENGTH) {
          const near = this.vocabulary.filter((v) => Math.abs(v.length - t.length) <= 1 && distance(v, t) === 1).sort();
          if (near.length > 0) t = near[0];
        }
        const known = this.df.has(t);
        line.push(known ? t : null);
        if (known && !query.includes(t)) query.push(t);
      }
      if (query.length === 0 || query.every((t) => CERT_KIND_WORDS.has(t))) return null;
      const q = query.reduce((w, t) => w + this.idf(t), 0);
      const matched = new Map<CertEntry, number>();
      for (const t of query) for (const e of this.postings.get(t) ?? []) matched.set(e, (matched.get(e) ?? 0) + this.idf(t));
      for (const [e, m] of matched) {
        if (!namesEntry(e, tokens, line, query)) continue;
        const s = (m / (q + e.weight - m)) * 0.95;
        if (s > (scores.get(e.cert) ?? 0)) scores.set(e.cert, s);
      }
    }
    const ranked = [...scores].sort((a, b) => b[1] - a[1] || (a[0].code < b[0].code ? -1 : 1));
    if (ranked.length === 0 || ranked[0][1] < minConfidence) return null;
    const [best, score] = ranked[0];
    const alternatives = ranked.slice(1)
      .filter(([, s]) => s >= score * ALTERNATIVE_RATIO)
      .slice(0, MAX_ALTERNATIVES)
      .map(([c, s]) => Object.freeze({ code: c.code, label: c.label, confidence: round(s) }));
    return Object.freeze({
      code: best.code, label: best.label, confidence: round(score),
      alternatives: Object.freeze(alternatives) as CertificationAlternative[], referentialVersion: version,
    });
  }
}

let defaultResolver: Resolver | undefined;
const getDefault = (): Resolver => (defaultResolver ??= createResolver(defaultReferential));

/**
 * Resolves a free-text job title to its ROME v3 fiche, with the built-in referential.
 * Returns null only when nothing is confident.
 *
 * @example
 * resolveJobTitle('Aide soignant(e) de nuit H/F – CDI 80 %') // { rome: 'J1501', inSector: true, … }
 * resolveJobTitle('commis de cuisine')?.inSector              // false (G1602 needs a sector context)
 * resolveJobTitle('cuisinier en EHPAD')?.inSector             // true
 */
export function resolveJobTitle(text: string, options?: ResolveOptions): JobResolution | null {
  return getDefault().resolveJobTitle(text, options);
}

/**
 * Resolves a certification line ("DE AES", "titre pro ADVF") to a certification code of the
 * built-in referential.
 *
 * @example
 * resolveCertification("diplome d'etat d'aide soignante")?.code // 'DEAS'
 */
export function resolveCertification(text: string): CertificationResolution | null {
  return getDefault().resolveCertification(text);
}
