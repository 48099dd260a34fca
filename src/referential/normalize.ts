/**
 * Normalisation of free-text job titles and certification lines, as employers and candidates type
 * them: accents, case, gender forms, contract/salary/location noise, and the context words that
 * decide an ambiguous title (EHPAD, école, domicile…), kept apart from the words that name the job.
 */
import { stringArgument } from '../validate/edge.js';

/** Longest input looked at: titles are short, and a bound keeps the cost of hostile input fixed. */
export const MAX_TITLE_LENGTH = 400;

export interface NormalizedTitle {
  /** Matching tokens (folded, gender- and plural-folded), in order, noise and context-only words removed. */
  tokens: string[];
  /** Length of each matching token as typed (before folding): the fuzzy-matching rule reads it. */
  typedLengths: number[];
  /**
   * true for a matching token that locates the job rather than names it (a context word, or a
   * word of "foyer de vie", "maison de retraite"…): it counts only when an entry contains it.
   */
  soft: boolean[];
  /** Every folded token in order (context and soft words included, noise removed): for context phrases. */
  all: string[];
  /** Context tokens met: structures, publics, school/home words, `nuit`… (stems, de-duplicated). */
  context: string[];
  /** true when a word of the médico-social sector (EHPAD, SAAD, résidents, personnes âgées…) is present. */
  sectorContext: boolean;
  /** The matching tokens joined by a space: the cache and exact-lookup key. */
  text: string;
}

const FEMININE_PAIRS: ReadonlyArray<readonly [string, string]> = [['monsieur', 'dame'], ['homme', 'femme']];

/**
 * Accent-, case- and punctuation-folding, keeping word boundaries: "Aide-soignant(e) H/F" →
 * "aide soignant h f" is NOT what this returns; see `normalizeTitle` for noise and gender removal.
 */
export function foldText(input: string): string {
  let s = input.length > MAX_TITLE_LENGTH ? input.slice(0, MAX_TITLE_LENGTH) : input;
  s = s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  s = s.replace(/œ/g, 'oe').replace(/æ/g, 'ae').replace(/ß/g, 'ss');
  // Typographic apostrophes and dashes to ASCII so the rules below see one form.
  s = s.replace(/[\u2018\u2019\u02bc`´]/g, "'").replace(/[\u2010-\u2015\u2212]/g, '-');
  return s;
}

/** Removes the gender markers of a folded string: (e), ·e, .e, -e, /e, (H/F), ROME "X / Xe" pairs. */
export function stripGenderMarkers(folded: string): string {
  let s = folded;
  // (H/F), H/F, F/H, H-F, M/F, H/F/X
  s = s.replace(/\(?\b[hfm]\s*[/-]\s*[hfm](?:\s*[/-]\s*x)?\b\)?/g, ' ');
  // Acronyms written with dots: "a.e.s." → "aes", "d.e.a.s" → "deas".
  s = s.replace(/\b(?:[a-z]\.){2,}[a-z]?\.?/g, (m) => m.replace(/\./g, '') + ' ');
  // Suffixes glued to a word: soignant(e), educatif(ve), maitre(sse), infirmier(ere)s, salarie·e, aide-soignant.e
  s = s.replace(/(\p{L})\(([a-z]{1,6})\)(s\b)?/gu, '$1');
  s = s.replace(/(\p{L})[·•.](e|es|ne|nes|se|ses|euse|trice|ice|ere|iere|ve|le|lle|te)\b/gu, '$1');
  s = s.replace(/(\p{L})-(e|es)\b/gu, '$1');
  s = s.replace(/(\p{L})\/(e|es|ne|se|euse|trice|rice|ice|ere|iere|ve|le|lle|te|sse)\b/gu, '$1');
  return collapseSlashPairs(s);
}

function sharesStem(a: string, b: string): boolean {
  const x = a.replace(/[^a-z]/g, '');
  const y = b.replace(/[^a-z]/g, '');
  if (x.length >= 3 && y.length >= 3 && x.slice(0, 3) === y.slice(0, 3)) return true;
  for (const [m, f] of FEMININE_PAIRS) if ((x === m && y === f) || (x === f && y === m)) return true;
  return false;
}

/**
 * The ROME "Masculin / Féminin" form: "aide-soignant hospitalier / aide-soignante hospitaliere" →
 * "aide-soignant hospitalier"; "agent / agente de bio nettoyage" → "agent de bio nettoyage".
 * A slash between unrelated words ("amp / aes", "entretien/proprete") just separates words.
 */
function collapseSlashPairs(s: string): string {
  if (s.indexOf('/') < 0) return s;
  const parts = s.split('/');
  let left = parts[0];
  for (let p = 1; p < parts.length; p++) {
    const right = parts[p];
    const lw = left.trim().split(/\s+/).filter(Boolean);
    const rw = right.trim().split(/\s+/).filter(Boolean);
    let k = 0;
    for (let n = Math.min(3, lw.length, rw.length); n >= 1; n--) {
      let ok = true;
      for (let j = 0; j < n && ok; j++) ok = sharesStem(lw[lw.length - n + j], rw[j]);
      if (ok) { k = n; break; }
    }
    left = k > 0 ? `${left} ${rw.slice(k).join(' ')}` : `${left} ${right}`;
  }
  return left;
}

/** Function words never used for matching. */
const STOPWORDS = new Set([
  'de', 'du', 'des', 'd', 'la', 'le', 'les', 'l', 'en', 'a', 'au', 'aux', 'et', 'ou', 'pour', 'par', 'sur',
  'dans', 'un', 'une', 'avec', 'chez', 'aupres', 'h', 'f', 'x', 'e', 's', 'n', 'qu', 'que', 'son', 'sa', 'ses',
  'of', 'the', 'and', 'vers',
]);

/** Contract, schedule, salary and ad-boilerplate words: never part of a job's name. */
const NOISE = new Set([
  'cdi', 'cdd', 'interim', 'interimaire', 'temps', 'partiel', 'plein', 'complet', 'mi', 'urgent', 'urgente',
  'debutant', 'debutante', 'accepte', 'acceptee', 'poste', 'pourvoir', 'immediat', 'immediatement', 'asap',
  'brut', 'bruts', 'net', 'salaire', 'euro', 'euros', 'smic', 'mois', 'semaine', 'semaines', 'hebdo',
  'hebdomadaire', 'horaire', 'horaires', 'coupe', 'coupes', 'week', 'end', 'weekend', 'weekends', 'experience',
  'exige', 'exigee', 'exiges', 'souhaite', 'souhaitee', 'requis', 'requise', 'obligatoire', 'vacataire',
  'vacation', 'vacations', 'etp', 'janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout',
  'septembre', 'octobre', 'novembre', 'decembre', 'ete', 'hiver', 'cesu',
  'recrute', 'recherche', 'recrutement', 'offre', 'emploi', 'cv', 'ans', 'an', 'annee', 'annees', 'titulaire',
  'contrat', 'conge', 'maternite', 'environ', 'possible', 'rapidement', 'h24', 'hf', 'fh', 'ccn', 'idcc',
  // "particulier employeur" says who employs, not the job (emploi direct, REFERENCE.md §0).
  'employeur',
]);

/**
 * Words that count for a title only when an entry contains them: "aide-soignante de nuit" is an
 * aide-soignante, "infirmier de secteur psychiatrique" still has its "secteur".
 */
export const SOFT_TOKENS = new Set([
  'nuit', 'jour', 'diplome', 'etat', 'qualifie', 'remplacement', 'secteur', 'polyvalent', 'nouveau', 'junior',
  'senior', 'confirme', 'expert', 'dispositif', 'unite', 'service', 'residence', 'structure', 'etablissement',
  'collectif', 'personne', 'age', 'handicape', 'handicap', 'permis', 'vehicule', 'voiture', 'exige',
  // CV lines name the job through its certification: "titre pro ADVF", "titre professionnel ASMS".
  'titre', 'pro', 'professionnel',
  // "faisant fonction (de)" qualifies the job named after it: an IDE "faisant fonction d'IDEC" is
  // not an aide-soignant (FFAS, REFERENCE.md §0, is the AS case and keeps its own synonyms).
  'faisant', 'fonction',
]);

/** Context-only words: structures of the sector. They locate a job, they never name it. */
const STRUCTURE_WORDS = new Set([
  'ehpad', 'ehpa', 'saad', 'sad', 'ssiad', 'spasad', 'mas', 'fam', 'eam', 'ime', 'itep', 'ditep', 'sessad',
  'savs', 'samsah', 'mecs', 'esat', 'usld', 'pasa', 'uhr', 'ccas', 'cias', 'esms', 'essms', 'esa', 'eanm',
  'resident', 'residente',
]);

/** Phrases (stem sequences) that also put a shared job in the sector. */
const SECTOR_PHRASES: ReadonlyArray<readonly string[]> = [
  ['personne', 'age'], ['maison', 'retraite'], ['residence', 'autonomie'], ['residence', 'senior'],
  ['medicosocial'], ['handicap'], ['handicape'], ['dependance'], ['alzheimer'],
  ['geriatrie'], ['gerontologie'], ['unite', 'vie'], ['foyer', 'vie'], ['foyer', 'hebergement'],
  ['foyer', 'occupationnel'], ['foyer', 'accueil'], ['foyer', 'logement'], ['protection', 'enfance'],
  ['polyhandicap'], ['autisme'], ['3eme', 'age'],
];

const AIDE_DOMICILE: readonly string[] = ['aide', 'domicile'];

/** Context words kept for disambiguation (they also stay matching words where titles contain them). */
const CONTEXT_WORDS = new Set([
  ...STRUCTURE_WORDS, 'ecole', 'eleve', 'scolaire', 'college', 'lycee', 'classe', 'ulis', 'maternelle',
  'primaire', 'domicile', 'beneficiaire', 'particulier', 'nuit', 'restaurant', 'hopital', 'clinique', 'creche',
  'foyer', 'handicap', 'handicape', 'alzheimer', 'securite',
]);

/**
 * Gender and plural folding of one folded token, applied identically to titles and to the index:
 * soignante → soignant, educatrice → educateur, infirmiere → infirmier, agees → age.
 */
export function stemToken(token: string): string {
  let t = stripPlural(token);
  // Until stable, so that every spelling reaches the same stem (specialisee → specialise → specialis).
  for (let i = 0; i < 3; i++) {
    const next = stripPlural(foldGender(t));
    if (next === t) break;
    t = next;
  }
  return t;
}

function stripPlural(t: string): string {
  return t.length >= 4 && t.endsWith('s') && !t.endsWith('ss') ? t.slice(0, -1) : t;
}

function foldGender(t: string): string {
  if (t.length >= 6) {
    if (t.endsWith('trice')) return t.slice(0, -5) + 'teur';
    if (t.endsWith('euse')) return t.slice(0, -4) + 'eur';
    if (t.endsWith('ienne')) return t.slice(0, -2);
    if (t.endsWith('esse') && t.length >= 8) return t.slice(0, -3);
    if (t.endsWith('ere')) return t.slice(0, -3) + 'er';
    if (t.endsWith('eure')) return t.slice(0, -1);
    if (t.endsWith('ive')) return t.slice(0, -3) + 'if';
    if (t.endsWith('ante') || t.endsWith('ente')) return t.slice(0, -1);
    if (t.endsWith('elle')) return t.slice(0, -2);
    if (t.endsWith('ale')) return t.slice(0, -1);
    if (t.endsWith('ee')) return t.slice(0, -1);
    if (t.endsWith('ise')) return t.slice(0, -1);
    return t;
  }
  return t.length >= 4 && t.endsWith('ee') ? t.slice(0, -1) : t;
}

/** Prefixes written with a hyphen or a space or glued: "socio-éducatif" = "socioéducatif". */
const PREFIXES = new Set([
  'socio', 'medico', 'psycho', 'para', 'micro', 'electro', 'agro', 'neuro', 'physio', 'hydro', 'thermo', 'pluri',
]);

/** Splits a folded string into raw word tokens, dropping numbers, amounts, dates and percentages. */
export function rawTokens(folded: string): string[] {
  let s = folded;
  s = s.replace(/\b\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\b/g, ' ');
  s = s.replace(/\b\d+(?:[.,]\d+)?\s*(?:%|€|k€|keur|euros?|h\d*|heures?|hrs?|mn|min|mois|ans?|semaines?|jours?|etp)(?![a-z])/g, ' ');
  s = s.replace(/'/g, ' ');
  s = s.replace(/[^a-z0-9]+/g, ' ');
  const out: string[] = [];
  for (const w of s.split(' ')) {
    if (w.length === 0) continue;
    if (/^\d+$/.test(w)) continue;
    const prev = out.length > 0 ? out[out.length - 1] : '';
    if (PREFIXES.has(prev)) out[out.length - 1] = prev + w;
    else out.push(w);
  }
  return out;
}

function hasPhrase(all: readonly string[], phrase: readonly string[]): boolean {
  outer: for (let i = 0; i + phrase.length <= all.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (all[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}

/** true when `phrase` (stems) occurs as a contiguous run in `all`. */
export function containsPhrase(all: readonly string[], phrase: readonly string[]): boolean {
  return phrase.length > 0 && hasPhrase(all, phrase);
}

/** Folds a referential phrase ("personnes âgées", "foyer de vie") into stems, stopwords removed. */
export function phraseStems(text: string): string[] {
  const out: string[] = [];
  for (const w of rawTokens(stripGenderMarkers(foldText(text)))) {
    if (STOPWORDS.has(w)) continue;
    out.push(stemToken(w));
  }
  return out;
}

/**
 * Normalises a job title: NFKD, accents, case, gender forms, contract/salary/date noise removed;
 * context words collected apart. The input is cut at MAX_TITLE_LENGTH characters.
 * @throws PasserelleInputError('argument') when `text` is not a string.
 *
 * @example
 * normalizeTitle('Aide soignant(e) de nuit H/F – CDI 80 %').text // 'aide soignant nuit'
 * normalizeTitle('AES en MAS').context // ['mas']
 */
export function normalizeTitle(text: string): NormalizedTitle {
  const folded = stripGenderMarkers(foldText(stringArgument(text, 'text')));
  const all: string[] = [];
  const tokens: string[] = [];
  const typedLengths: number[] = [];
  const context = new Set<string>();
  for (const w of rawTokens(folded)) {
    if (STOPWORDS.has(w) || NOISE.has(w)) continue;
    const stem = stemToken(w);
    if (NOISE.has(stem)) continue;
    all.push(stem);
    if (CONTEXT_WORDS.has(stem) || CONTEXT_WORDS.has(w)) context.add(stem);
    if (STRUCTURE_WORDS.has(stem)) continue;
    tokens.push(stem);
    typedLengths.push(w.length);
  }
  let sectorContext = false;
  for (const t of all) if (STRUCTURE_WORDS.has(t)) { sectorContext = true; break; }
  const phraseWords = new Set<string>();
  for (const p of SECTOR_PHRASES) {
    if (!hasPhrase(all, p)) continue;
    sectorContext = true;
    context.add(p.join(' '));
    if (p.length > 1) for (const w of p) phraseWords.add(w);
  }
  if (all.includes('foyer') && !all.includes('rural')) sectorContext = true;
  // "aide à domicile" names the sector itself (SAAD, REFERENCE.md §0): "responsable de secteur aide à
  // domicile" is in it. Its words stay matching words (not soft), unlike the phrases above.
  if (!sectorContext && hasPhrase(all, AIDE_DOMICILE)) sectorContext = true;
  const soft = tokens.map((t) => SOFT_TOKENS.has(t) || CONTEXT_WORDS.has(t) || phraseWords.has(t));
  return { tokens, typedLengths, soft, all, context: [...context], sectorContext, text: tokens.join(' ') };
}
