/**
 * Generators for the engine tests: the small-territory records of test/scoring/arbitraries.ts made
 * valid for the engine's referential check (the engine rejects codes the referential does not know,
 * which that file mixes in for the reference on purpose), plus engine options.
 */
import fc from 'fast-check';
import { defaultReferential } from '../../src/referential/index.js';
import { Category, type Candidate, type Vacancy } from '../../src/schema/index.js';
import { CRITERION_CODES, type Weights } from '../../src/scoring/model.js';
import { parseCandidate, parseVacancy } from '../../src/validate/index.js';
import type { PositiveAction } from '../../bench/reference.js';
import { candidateArb, uniqueById, vacancyArb } from '../scoring/arbitraries.js';

export const referential = defaultReferential;
/** A fixed reasoning day: explanations read it, so two runs must share it. */
export const TODAY = '2026-01-15';

const known = new Set(referential.certifications.map((c) => c.code));
const blocksOf = new Map(referential.certifications.map((c) => [c.code, (c.blocks ?? []).map((b) => b.code)]));
const knownCodes = (codes: string[] | undefined) => codes?.filter((x) => known.has(x));

/**
 * Unknown certification codes dropped; a partial qualification keeps one real bloc of its
 * certification, or an empty `blocks` list when the certification has none (still partial: the
 * reference's reading 1, which the engine must share).
 */
function engineCandidate(c: Candidate): Candidate {
  return parseCandidate({
    ...c,
    qualifications: c.qualifications
      .filter((q) => known.has(q.code))
      .map((q) => (q.blocks === undefined ? q : { code: q.code, blocks: (blocksOf.get(q.code) ?? []).slice(0, 1) })),
    ...(c.inTraining === undefined ? {} : { inTraining: c.inTraining.filter((t) => known.has(t.code)) }),
  }, { referential });
}

function engineVacancy(v: Vacancy): Vacancy {
  const requires = { ...v.requires, ...(v.requires.certifications ? { certifications: knownCodes(v.requires.certifications) } : {}) };
  const prefers = { ...v.prefers, ...(v.prefers.certifications ? { certifications: knownCodes(v.prefers.certifications) } : {}) };
  return parseVacancy({ ...v, requires, prefers }, { referential });
}

export const candidate: fc.Arbitrary<Candidate> = candidateArb.map(engineCandidate);
export const vacancy: fc.Arbitrary<Vacancy> = vacancyArb.map(engineVacancy);

export const candidates = (min: number, max: number) => uniqueById(candidate, min, max);
export const vacancies = (min: number, max: number) => uniqueById(vacancy, min, max);

/** Default weights half the time, otherwise random ones (never all zero). */
export const weights: fc.Arbitrary<Partial<Weights> | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.tuple(...CRITERION_CODES.map(() => fc.integer({ min: 0, max: 40 })))
    .filter((xs) => xs.some((x) => x > 0))
    .map((xs) => Object.fromEntries(CRITERION_CODES.map((code, i) => [code, xs[i]])) as Partial<Weights>),
);

/**
 * Positive action off two times in three; otherwise 1–60 points per category (large enough to
 * reach the cap at 100). Never all zero: the engine then turns the option off, where the reference
 * keeps a 0-point bonus (its reading 7).
 */
export const positiveAction: fc.Arbitrary<PositiveAction | undefined> = fc.oneof(
  { weight: 2, arbitrary: fc.constant(undefined) },
  {
    weight: 1,
    arbitrary: fc.dictionary(fc.constantFrom(...Category.options), fc.integer({ min: 1, max: 60 }), { minKeys: 1, maxKeys: 5 }),
  },
);

export interface Setting {
  weights: Partial<Weights> | undefined;
  positiveAction: PositiveAction | undefined;
}
export const setting: fc.Arbitrary<Setting> = fc.record({ weights, positiveAction });

/** Engine options and reference options of one setting (absent keys stay absent). */
export function engineOptions(s: Setting) {
  return {
    today: TODAY,
    ...(s.weights ? { weights: s.weights } : {}),
    ...(s.positiveAction ? { positiveAction: s.positiveAction } : {}),
  };
}
export function referenceOptions(s: Setting) {
  return {
    referential,
    ...(s.weights ? { weights: s.weights } : {}),
    ...(s.positiveAction ? { positiveAction: s.positiveAction } : {}),
  };
}

/**
 * The same records over an area five times wider (about 110 × 120 km, some 10 × 15 grid cells of
 * 0.1°), so that grid scans visit many cells and prune some.
 */
const widen = (p: { lat: number; lon: number }) => ({ ...p, lat: 44.85 + (p.lat - 44.85) * 5, lon: 4.85 + (p.lon - 4.85) * 5 });
export const wideCandidate: fc.Arbitrary<Candidate> = candidate.map((c) => parseCandidate({ ...c, home: widen(c.home) }, { referential }));
export const wideVacancy: fc.Arbitrary<Vacancy> = vacancy.map((v) => parseVacancy({ ...v, site: widen(v.site) }, { referential }));
