/**
 * Categories with dates (MODEL.md "Candidate"): validated on both paths, read by aids as of the
 * hire, a stale proof as an advisor-only point to check; scores ignore the dates.
 */
import { describe, expect, it } from 'vitest';
import { decideAids } from '../../src/explain/aids.js';
import { createEngine } from '../../src/engine/engine.js';
import { parseCandidate, validateBatch } from '../../src/validate/index.js';
import { fastCheck } from '../../src/validate/fast.js';
import { candidate, evaluation, explain, ref, vacancy } from './fixtures.js';

const codes = (c: ReturnType<typeof candidate>, v: ReturnType<typeof vacancy>) => decideAids(c, v, ref).aids.map((a) => a.code);

describe('categories with dates', () => {
  it('are accepted as codes or { code, since?, until?, provenOn? }, by the fast path too, unchanged', () => {
    const input = { ...candidate(), categories: ['RSA', { code: 'RQTH', since: '2024-01-01', until: '2027-12-31', provenOn: '2025-02-01' }] };
    expect(fastCheck('candidate', input, ref)).toBe(input);
    expect(parseCandidate(input).categories).toEqual(input.categories);
  });

  it('reject a reversed range, an unknown code and an unknown key, naming the field', () => {
    const bad = (x: unknown) => validateBatch('candidate', [{ ...candidate(), categories: [x] }]).rejected[0]?.issues.map((i) => [i.code, i.path]);
    expect(bad({ code: 'RQTH', since: '2027-01-01', until: '2026-01-01' })).toEqual([['invalid_range', 'categories[0].since']]);
    expect(bad({ code: 'NOPE' })).toEqual([['invalid_value', 'categories[0].code']]);
    expect(bad('NOPE')).toEqual([['invalid_value', 'categories[0]']]);
    expect(bad({ code: 'RQTH', note: 'x' })).toEqual([['unrecognized_keys', 'categories[0].note']]);
    expect(bad({ code: 'RQTH', until: '2026-02-30' })).toEqual([['invalid_date', 'categories[0].until']]);
    expect(fastCheck('candidate', { ...candidate(), categories: [{ code: 'RQTH', since: '2027-01-01', until: '2026-01-01' }] }, ref)).toBeUndefined();
  });

  it('aids are decided at the hire: an RQTH ended by then opens no Agefiph aid, one in force does', () => {
    const v = vacancy({ structure: { status: 'prive_lucratif' }, contract: { startDate: '2026-03-01' } });
    expect(codes(candidate({ categories: [{ code: 'RQTH', until: '2026-12-31' }] }), v)).toContain('AGEFIPH');
    expect(codes(candidate({ categories: [{ code: 'RQTH', until: '2026-02-01' }] }), v)).not.toContain('AGEFIPH');
    // The hire is the later of the contract's start and the candidate's availability.
    expect(codes(candidate({ availableFrom: '2027-02-01', categories: [{ code: 'RQTH', until: '2026-12-31' }] }), v)).not.toContain('AGEFIPH');
    expect(codes(candidate({ categories: [{ code: 'RQTH', since: '2026-06-01' }] }), v)).not.toContain('AGEFIPH');
  });

  it('a stale proof is an advisor-only point to check, never a blocker or a score change', () => {
    const v = vacancy();
    const ev = evaluation();
    const old = candidate({ categories: [{ code: 'RSA', provenOn: '2024-06-01' }] });
    const fresh = candidate({ categories: [{ code: 'RSA', provenOn: '2025-11-01' }] });
    const advisor = explain(ev, old, v);
    const proof = advisor.toCheck.find((t) => t.code === 'category_proof');
    expect(proof?.message).toMatch(/^Justificatif « Bénéficiaire du RSA » vu le 1er juin 2024, il y a plus de 12 mois : à renouveler\.$/);
    expect(explain(ev, fresh, v).toCheck.map((t) => t.code)).not.toContain('category_proof');
    expect(explain(ev, old, v, 'employer').toCheck.map((t) => t.code)).not.toContain('category_proof');
    expect(advisor.blockers).toEqual(explain(ev, fresh, v).blockers);
  });

  it('scores ignore the dates: the same score with plain or dated categories', () => {
    const engine = createEngine({ today: '2026-01-15', positiveAction: { RQTH: 5 } });
    const v = vacancy();
    const plain = engine.score(candidate({ categories: ['RQTH'] }), v);
    const ended = engine.score(candidate({ categories: [{ code: 'RQTH', until: '2020-01-01', provenOn: '2019-01-01' }] }), v);
    expect(ended.score).toBe(plain.score);
    expect(ended.eligible).toBe(plain.eligible);
  });
});
