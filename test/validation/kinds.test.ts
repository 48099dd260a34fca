/**
 * validateBatch takes the names of the input schema files (and the camelCase kinds), and misuse
 * has one error class: ReferentialError is a PasserelleInputError.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PasserelleInputError, ReferentialError, extendReferential, defaultReferential, jsonSchemas, validateBatch,
} from '../../src/index.js';
import { validCandidate, validTrainingSession, validVacancy } from '../arbitraries.js';
import { validEvent, validOutcome } from '../audit/arbitraries.js';

const INPUT_FILES = ['candidate', 'vacancy', 'training-session', 'outcome', 'platform-event'] as const;
const arbitraries: Record<(typeof INPUT_FILES)[number], fc.Arbitrary<unknown>> = {
  candidate: validCandidate(),
  vacancy: validVacancy(),
  'training-session': validTrainingSession(),
  outcome: validOutcome(),
  'platform-event': validEvent(),
};

describe('validateBatch kinds', () => {
  it('takes the name of every input schema file', () => {
    const files = Object.keys(jsonSchemas());
    for (const name of INPUT_FILES) expect(files).toContain(name);
    for (const name of INPUT_FILES) {
      const [good] = fc.sample(arbitraries[name], { numRuns: 1, seed: 1 });
      const r = validateBatch(name as 'candidate', [good, { nope: 1 }, null]);
      expect([name, r.validIndexes, r.rejected.map((x) => x.index)]).toEqual([name, [0], [1, 2]]);
      expect(r.valid[0]).toEqual(good);
    }
  });

  it('training-session and trainingSession, platform-event and platformEvent are the same kind', () => {
    const sessions = fc.sample(validTrainingSession(), { numRuns: 5, seed: 2 });
    expect(validateBatch('training-session', sessions)).toEqual(validateBatch('trainingSession', sessions));
    const events = [...fc.sample(validEvent(), { numRuns: 5, seed: 3 }), { candidateId: 'c1', date: '2026-02-30', kind: 'hire' }];
    const r = validateBatch('platform-event', events);
    expect(r).toEqual(validateBatch('platformEvent', events));
    expect(r.rejected).toEqual([{ index: 5, id: 'c1', issues: [expect.objectContaining({ code: 'invalid_date', path: 'date' })] }]);
  });

  it('an unknown kind or a batch that is not an array, as for records', () => {
    expect(() => validateBatch('outcomes' as never, [])).toThrow(PasserelleInputError);
    expect(validateBatch('outcome', {}).rejected).toEqual([{ index: -1, issues: [expect.objectContaining({ code: 'not_an_array' })] }]);
    const throwing = Object.defineProperty({}, 'candidateId', { get() { throw new Error('boom'); }, enumerable: true });
    expect(validateBatch('outcome', [throwing]).rejected[0].issues[0].code).toBe('unreadable');
  });
});

describe('one error class', () => {
  it('ReferentialError is a PasserelleInputError of kind referential, and keeps its own name and issues', () => {
    let error: unknown;
    try {
      extendReferential(defaultReferential, { skills: [{ code: {} as never }] } as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ReferentialError);
    expect(error).toBeInstanceOf(PasserelleInputError);
    const e = error as ReferentialError;
    expect([e.name, e.kind]).toEqual(['ReferentialError', 'referential']);
    expect(e.issues.length).toBeGreaterThan(0);
    expect(e.message).toMatch(/^Référentiel invalide \(\d+ problèmes?\) :\n- /);
  });
});
