/**
 * French throughout (issue 11 part 5): every sentence of a large sample — the Orne demo territory
 * (every vacancy's top lists with near misses for both audiences, pathways of all 400 candidates,
 * matchAll's explanations) and random valid records — is free of internal codes, English words,
 * amounts and numbers not written the fr-FR way, and number-agreement slips such as "dont 0
 * nouvelle". The rules are checked first against the defects the issue quotes, so they cannot pass
 * by finding nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatEuros, formatHours, formatNumber, formatPercent } from '../../src/format/french.js';
import { FRENCH_RULES, frenchFindings, type Finding } from './french-rules.js';
import { orneTexts, randomTexts, type Text } from './texts.js';
import { defaultReferential } from '../../src/referential/index.js';

/** One line per finding, grouped so that a failure reads as a list of defects with their source. */
function report(findings: readonly Finding[]): string[] {
  const out = new Map<string, string>();
  for (const f of findings) {
    const key = `${f.rule} | ${f.where} | ${f.excerpt}`;
    if (!out.has(key)) out.set(key, `${key} ← « ${f.text.slice(0, 240)} »`);
  }
  return [...out.values()];
}

const rule = (name: string, s: string) => FRENCH_RULES[name](s);

describe('the French rules', () => {
  it('catch the defects issue 11 quotes', () => {
    expect(rule('English word', 'Admission facilitée : ASHQ (FPH) or agents de service with ≥1 year full-time equivalent… admitted de droit')).toEqual(
      expect.arrayContaining(['with', 'year', 'full', 'time', 'admitted']),
    );
    expect(rule('code inside a sentence', 'Formation complète TP_ADVF ; DEAS_B5 accordé ; aide AGEFIPH_PERMIS ; no_heavy_lifting')).toEqual(
      ['TP_ADVF', 'DEAS_B5', 'AGEFIPH_PERMIS', 'no_heavy_lifting'],
    );
    expect(rule('decimal point', 'participation forfaitaire de 102.23 €')).toEqual(['102.23']);
    expect(rule('ungrouped thousands', 'reste à charge indicatif de 18480 € ; formation complète DEAES (1407 h)')).toEqual(['18480 €', '1407 h']);
    expect(rule('zero count', 'Ouvre 3 offres à portée, dont 0 nouvelle.')).toEqual(['0 nouvelle']);
    expect(rule('number agreement', 'Ouvre 1 offres, 3 offre, 2 étape.')).toEqual(['1 offres', '3 offre', '2 étape']);
    expect(rule('euro sign before the amount', 'plafond €500')).toEqual(['€5']);
    expect(rule('percent without a space', 'taux de 43%')).toEqual(['3%']);
  });

  it('let French through: homographs, compounds, Intl numbers, dates, legal references', () => {
    const good = [
      'Or, le poste comporte du travail le week-end ; une fois par an, on a la date du 1er mars 2027.',
      `reste à charge ${formatEuros(18480)}, participation de ${formatEuros(102.23)}, ${formatHours(1407)}, ${formatPercent(0.432)}, ${formatNumber(10000)} offres`,
      'décret 2024-561 ; C. trav. L6222-1 ; arrêté du 30 août 2021 art. 2 ; Auxiliaire de vie (K1302) ; Pro-A ; 1 offre, 2 offres, 10 offres',
      'Admission facilitée : admission de droit, certification de la branche, une note, la course, via la Région, à part.',
    ];
    for (const s of good) for (const [name, check] of Object.entries(FRENCH_RULES)) expect(check(s), `${name}: ${s}`).toEqual([]);
  });

  it('amounts, numbers and percentages from the formatter always pass (Intl fr-FR)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 10_000_000, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (x, share) => {
        const s = `${formatEuros(x)} ; ${formatNumber(x)} ; ${formatHours(x)} ; ${formatPercent(share)}`;
        for (const [name, check] of Object.entries(FRENCH_RULES)) expect(check(s), `${name}: ${s}`).toEqual([]);
        expect(formatEuros(x)).toMatch(/^\d{1,3}(\u202f\d{3})*(,\d\d)? €$/);
      }),
      { numRuns: 500 },
    );
  });
});

describe('French throughout: a large sample of outputs', () => {
  let sample: Text[] = [];

  it('the Orne demo territory: matches of both audiences, batch explanations, counterfactuals, pathways', async () => {
    sample = await orneTexts(400);
    // Not vacuous: every kind of text is in the sample, in number.
    const kinds = ['match(advisor).', 'match(employer).', 'counterfactual[', 'pathway.summary', 'pathway.steps[', '].funding[', '].notes[]', '.lift.message', '.aids[', '.toCheck['];
    for (const k of kinds) expect(sample.filter((t) => t.where.includes(k)).length, k).toBeGreaterThan(10);
    expect(new Set(sample.map((t) => t.text)).size).toBeGreaterThan(2_000);
    expect(report(frenchFindings(sample))).toEqual([]);
  });

  it('random valid records (test/arbitraries.ts): the corners the demo does not reach', () => {
    const texts = [...randomTexts(11, 20), ...randomTexts(12, 20)];
    expect(new Set(texts.map((t) => t.text)).size).toBeGreaterThan(2_000);
    expect(report(frenchFindings(texts))).toEqual([]);
  });
});

describe('French throughout: the referential data notes a display may show', () => {
  it('certification access notes, funding eligibility notes and bridge notes are French (sources kept beside them)', () => {
    const texts: Text[] = [];
    for (const c of defaultReferential.certifications) if (c.access?.notes !== undefined) texts.push({ where: `certification ${c.code}.access.notes`, text: c.access.notes });
    for (const f of defaultReferential.funding) if (f.eligibility.notes !== undefined) texts.push({ where: `funding ${f.code}.eligibility.notes`, text: f.eligibility.notes });
    defaultReferential.bridges.forEach((b, i) => {
      if (b.note !== undefined) texts.push({ where: `bridges[${i}].note`, text: b.note });
      if (b.requires?.note !== undefined) texts.push({ where: `bridges[${i}].requires.note`, text: b.requires.note });
    });
    // Not vacuous: every kind of note is in the sample.
    for (const k of ['.access.notes', '.eligibility.notes', '].note', '].requires.note']) expect(texts.filter((t) => t.where.endsWith(k)).length, k).toBeGreaterThan(2);
    expect(report(frenchFindings(texts))).toEqual([]);
  });
});
