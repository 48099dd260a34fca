/** Valid outcomes and follow-up events, for the schema and quick-check tests. */
import fc from 'fast-check';
import { EVENT_KINDS } from '../../src/audit/schemas.js';
import { Category, ContractType, StructureKind } from '../../src/schema/primitives.js';
import { CRITERION_CODES } from '../../src/scoring/model.js';
import { isoDate, recordId } from '../arbitraries.js';

const value = fc.double({ min: 0, max: 1, noNaN: true });

export const validOutcome = () =>
  fc.record(
    {
      candidateId: recordId(),
      vacancyId: recordId(),
      criteria: fc.record(Object.fromEntries(CRITERION_CODES.map((c) => [c, value])) as Record<(typeof CRITERION_CODES)[number], fc.Arbitrary<number>>),
      hired: fc.boolean(),
      retained6m: fc.boolean(),
    },
    { requiredKeys: ['candidateId', 'vacancyId', 'criteria', 'hired'] },
  );

const categoryItem = fc.oneof(
  fc.constantFrom(...Category.options),
  fc.record({ code: fc.constantFrom(...Category.options), since: isoDate(), until: isoDate() }, { requiredKeys: ['code'] }),
);

export const validEvent = () =>
  fc.record(
    {
      candidateId: recordId(),
      date: isoDate(),
      kind: fc.constantFrom(...EVENT_KINDS),
      certification: fc.constantFrom('DEAS', 'DEAES', 'TP_ADVF'),
      rome: fc.constantFrom('J1501', 'K1302', 'K1304'),
      structureKind: fc.constantFrom(...StructureKind.options),
      contract: fc.constantFrom(...ContractType.options),
      categories: fc.uniqueArray(categoryItem, { maxLength: 4, selector: (x) => (typeof x === 'string' ? x : x.code) }),
    },
    { requiredKeys: ['candidateId', 'date', 'kind'] },
  );
