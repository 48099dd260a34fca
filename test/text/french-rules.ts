/**
 * What a French sentence for an advisor or an employer must not contain (STYLE.md, issue 11 part 5):
 * internal codes, English words, numbers not written the fr-FR way (Intl), number agreement errors.
 * Each rule returns the offending excerpt, so that a failure shows it.
 */
import type { Text } from './texts.js';

/**
 * Common English words that are not French words. French homographs are left out ("on", "an",
 * "as", "a", "case", "date", "part", "course", "note", "via", "admission", "certification"…); "or"
 * is French too (a conjunction opening a sentence, or the metal) and is looked for only between two
 * lowercase words. French compounds made of English words ("week-end") are read whole.
 */
export const ENGLISH_WORDS = new Set([
  'the', 'and', 'with', 'without', 'within', 'of', 'for', 'from', 'to', 'at', 'by', 'in', 'into', 'is', 'are', 'be', 'been',
  'was', 'were', 'has', 'have', 'had', 'it', 'its', 'this', 'that', 'these', 'those', 'which', 'who', 'whose', 'will', 'would',
  'can', 'could', 'may', 'might', 'must', 'should', 'shall', 'if', 'when', 'where', 'while', 'than', 'then', 'only', 'also',
  'each', 'every', 'any', 'other', 'others', 'more', 'less', 'not', 'no', 'yes', 'but', 'after', 'before', 'between', 'under',
  'over', 'above', 'below', 'up', 'out', 'year', 'years', 'month', 'months', 'week', 'weeks', 'day', 'days', 'hour', 'hours',
  'admitted', 'holder', 'holders', 'training', 'trainings', 'trainee', 'job', 'jobs',
  'seeker', 'seekers', 'employer', 'employers', 'employee', 'employees', 'employment', 'apprenticeship', 'apprentice',
  'funding', 'funded', 'fund', 'paid', 'pay', 'free', 'cost', 'costs', 'required', 'requires', 'require', 'eligible',
  'eligibility', 'available', 'unknown', 'verified', 'unverified', 'check', 'level', 'levels', 'age', 'aged', 'old', 'young',
  'people', 'person', 'worker', 'workers', 'work', 'working', 'staff', 'care', 'home', 'night', 'weekend', 'weekends',
  'diploma', 'degree', 'certificate', 'skills', 'skill', 'exam', 'units', 'unit', 'waived', 'exempt',
  'partial', 'full', 'time', 'least', 'most', 'until', 'since', 'per', 'see', 'directly', 'right', 'rights', 'allowed',
  'listed', 'list', 'branch', 'approved', 'estimated', 'estimate', 'about', 'unpaid', 'placement', 'placements', 'school',
]);

const LETTERS = /[A-Za-zÀ-ÖØ-öø-ÿŒœÆæ]+/g;

const FRENCH_COMPOUNDS = /\bweek-ends?\b/gi;

function englishWords(s: string): string[] {
  const found: string[] = [];
  for (const m of s.replace(FRENCH_COMPOUNDS, ' ').matchAll(LETTERS)) {
    const w = m[0];
    // Lower-case words only: an upper-case token is an acronym or a proper noun (IN, TO…), none English prose.
    if (w !== w.toLowerCase() && w.slice(1) !== w.slice(1).toLowerCase()) continue;
    if (ENGLISH_WORDS.has(w.toLowerCase())) found.push(w);
  }
  for (const m of s.matchAll(/\b[a-zà-ÿ]+ or [a-zà-ÿ]+\b/g)) found.push(m[0]);
  return found;
}

/** Rules: name → the excerpts of a text that break it. */
export const FRENCH_RULES: Record<string, (s: string) => string[]> = {
  /** `DEAS_B5`, `TP_ADVF`, `AGEFIPH_PERMIS`, `no_heavy_lifting`, `partial_training:DEAS`. */
  'code inside a sentence': (s) => [
    ...s.matchAll(/\b[A-Z0-9]+_[A-Z0-9_]+\b/g),
    ...s.matchAll(/\b[a-z0-9]+_[a-z0-9_]+\b/g),
    ...s.matchAll(/\b[a-z_]+:[A-Z][A-Z0-9_]+\b/g),
  ].map((m) => m[0]),
  'English word': englishWords,
  /** "18480 €", "5460 h": Intl fr-FR groups thousands ("18 480 €"). */
  'ungrouped thousands': (s) => [...s.matchAll(/(?<![\d\-/.,\u202f\u00a0])\d{4,}(?:,\d+)?\s?(?:€|h\b|heures|km|min\b|jours|mois|offres|places|candidat)/g)].map((m) => m[0]),
  /** "102.23 €", "1.5 mois": a decimal point where French writes a comma. */
  'decimal point': (s) => [...s.matchAll(/(?<![A-Za-z\d.])\d+\.\d+(?!\.\d)(?![\d-])/g)].map((m) => m[0]),
  /** "€500": the sign goes after the amount. */
  'euro sign before the amount': (s) => [...s.matchAll(/€\s?\d/g)].map((m) => m[0]),
  /** "43%": a (narrow) space before the sign. */
  'percent without a space': (s) => [...s.matchAll(/\d%/g)].map((m) => m[0]),
  /** "dont 0 nouvelle", "0 offre": French says "aucune". */
  'zero count': (s) => [...s.matchAll(/(?<![\d,\u202f\u00a0])\b0\s(?:nouvelle|nouveau|offre|étape|vacance|place|session|candidat|compétence|bloc|jour|mois|heure)s?\b/g)].map((m) => m[0]),
  /** "1 offres", "3 offre": the noun agrees with the number. */
  'number agreement': (s) => [
    ...s.matchAll(/(?<![\d,\u202f\u00a0])\b1\s(?:offres|nouvelles|étapes|jours|semaines|heures|places|sessions|blocs|ans|compétences|points)\b/g),
    ...s.matchAll(/(?<![\d,])\b(?:[2-9]|\d{2,})\s(?:offre|nouvelle|étape|jour|semaine|heure|place|session|bloc|an|compétence|point)(?![\wà-ÿ’'-])/g),
  ].map((m) => m[0]),
};

export interface Finding {
  rule: string;
  where: string;
  excerpt: string;
  text: string;
}

export function frenchFindings(texts: readonly Text[]): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const t of texts) {
    for (const [rule, check] of Object.entries(FRENCH_RULES)) {
      for (const excerpt of check(t.text)) {
        const key = `${rule}\u0000${t.where}\u0000${excerpt}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ rule, where: t.where, excerpt, text: t.text });
      }
    }
  }
  return out;
}
