/**
 * The outcome and event schemas: the quick checks accept only what zod accepts (and the common
 * valid record), categories come as codes or dated items, and the outcome cannot carry one.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { OutcomeSchema, PlatformEventSchema, quickEvent, quickOutcome, recordIssues } from '../../src/audit/schemas.js';
import { categoryMask } from '../../src/audit/groups.js';
import { validEvent, validOutcome } from './arbitraries.js';

const junk = fc.constantFrom<unknown>(-1, 0, 1.5, Number.NaN, '', 'x'.repeat(200), 'K1302', '2026-02-30', true, null, [], {}, ['RSA'], [{ code: 'RSA' }]);

function damaged(arb: fc.Arbitrary<Record<string, unknown>>) {
  return fc.tuple(arb, fc.nat(), junk, fc.boolean()).map(([r, pick, v, inner]) => {
    const copy = structuredClone(r) as Record<string, unknown>;
    const keys = [...Object.keys(copy), 'extra'];
    const key = keys[pick % keys.length];
    const target = copy[key];
    if (inner && target !== null && typeof target === 'object' && !Array.isArray(target)) {
      const ks = Object.keys(target);
      (target as Record<string, unknown>)[ks[pick % ks.length] ?? 'x'] = v;
    } else copy[key] = v;
    return copy;
  });
}

describe('quick checks', () => {
  it('accept every generated valid event and outcome (dated categories go through zod)', () => {
    fc.assert(fc.property(validEvent(), (e) => {
      expect(recordIssues(PlatformEventSchema, e)).toEqual([]);
      const dated = (e.categories ?? []).some((x) => typeof x !== 'string');
      expect(quickEvent(e)).toBe(!dated);
    }), { numRuns: 300 });
    fc.assert(fc.property(validOutcome(), (o) => {
      expect(recordIssues(OutcomeSchema, o)).toEqual([]);
      expect(quickOutcome(o)).toBe(true);
    }), { numRuns: 300 });
  });

  it('accept only what zod accepts', () => {
    fc.assert(fc.property(damaged(validEvent() as fc.Arbitrary<Record<string, unknown>>), (e) => {
      if (quickEvent(e)) expect(recordIssues(PlatformEventSchema, e)).toEqual([]);
    }), { numRuns: 1000 });
    fc.assert(fc.property(damaged(validOutcome() as fc.Arbitrary<Record<string, unknown>>), (o) => {
      if (quickOutcome(o)) expect(recordIssues(OutcomeSchema, o)).toEqual([]);
    }), { numRuns: 1000 });
  });

  it('an outcome carries no category: the key is refused; extra criterion keys are ignored', () => {
    const o = { candidateId: 'c', vacancyId: 'v', hired: true, criteria: { qualification: 1, experience: 1, commute: 1, hours: 1, start_date: 1, wishes: 1, skills: 1, positive_action: 7 } };
    expect(recordIssues(OutcomeSchema, o)).toEqual([]);
    expect(recordIssues(OutcomeSchema, { ...o, categories: ['RSA'] }).map((i) => i.code)).toEqual(['unrecognized_keys']);
    expect(OutcomeSchema.parse(o).criteria).not.toHaveProperty('positive_action');
  });

  it('categoryMask reads codes and dated items alike', () => {
    expect(categoryMask(['RSA', { code: 'RQTH', until: '2027-01-01' }, 'RSA'])).toBe(categoryMask(['RQTH', 'RSA']));
    expect(categoryMask(['RSA'])).not.toBe(categoryMask(['RQTH']));
    expect(categoryMask(undefined)).toBe(0);
  });
});
