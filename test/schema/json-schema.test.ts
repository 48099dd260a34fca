import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonSchemas, parseCandidate, parseTrainingSession, parseVacancy } from '../../src/validate/index.js';
import { validCandidate, validCandidateV4, validTrainingSession, validVacancy, validVacancyOtherCodes } from '../arbitraries.js';
import { validEvent, validOutcome } from '../audit/arbitraries.js';
import { OutcomeSchema, PlatformEventSchema } from '../../src/audit/schemas.js';

type Schema = Record<string, any>;

const KNOWN = new Set([
  '$schema', 'title', 'description', 'default', 'format', 'type', 'properties', 'required', 'additionalProperties',
  'items', 'minItems', 'maxItems', 'minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'enum', 'const', 'anyOf',
]);

/**
 * A deliberately small JSON Schema checker for the keywords our schemas use (it throws on any
 * other keyword, so a schema change cannot slip past it): the oracle that the published schemas
 * accept what the parse functions accept.
 */
function check(schema: Schema, v: unknown, path = ''): string[] {
  for (const k of Object.keys(schema)) if (!KNOWN.has(k)) throw new Error(`unsupported keyword ${k} at ${path}`);
  const errors: string[] = [];
  const fail = (why: string) => errors.push(`${path || '(root)'}: ${why}`);
  // anyOf (a category as a code or as a dated object): some branch accepts.
  if (schema.anyOf && !schema.anyOf.some((branch: Schema) => check(branch, v, path).length === 0)) fail('anyOf');
  switch (schema.type) {
    case undefined:
      break;
    case 'object':
      if (v === null || typeof v !== 'object' || Array.isArray(v)) return [`${path}: not an object`];
      break;
    case 'array':
      if (!Array.isArray(v)) return [`${path}: not an array`];
      break;
    case 'string':
      if (typeof v !== 'string') return [`${path}: not a string`];
      break;
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) return [`${path}: not a number`];
      break;
    case 'integer':
      if (!Number.isInteger(v)) return [`${path}: not an integer`];
      break;
    case 'boolean':
      if (typeof v !== 'boolean') return [`${path}: not a boolean`];
      break;
    default:
      throw new Error(`unsupported type ${schema.type}`);
  }
  if (schema.anyOf && !schema.anyOf.some((alt: Schema) => check(alt, v, path).length === 0)) fail('anyOf');
  if ('const' in schema && v !== schema.const) fail('const');
  if (schema.enum && !schema.enum.includes(v)) fail('enum');
  if (typeof v === 'string') {
    if (schema.minLength !== undefined && v.length < schema.minLength) fail('minLength');
    if (schema.maxLength !== undefined && v.length > schema.maxLength) fail('maxLength');
    if (schema.pattern !== undefined && !new RegExp(schema.pattern).test(v)) fail('pattern');
  }
  if (typeof v === 'number') {
    if (schema.minimum !== undefined && v < schema.minimum) fail('minimum');
    if (schema.maximum !== undefined && v > schema.maximum) fail('maximum');
  }
  if (Array.isArray(v)) {
    if (schema.minItems !== undefined && v.length < schema.minItems) fail('minItems');
    if (schema.maxItems !== undefined && v.length > schema.maxItems) fail('maxItems');
    if (schema.items) v.forEach((x, i) => errors.push(...check(schema.items, x, `${path}[${i}]`)));
  }
  // `required` applies to any object, also in a schema without `type` (an anyOf alternative).
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    for (const r of schema.required ?? []) if (!Object.hasOwn(v, r)) fail(`required ${r}`);
  }
  if (schema.type === 'object') {
    const o = v as Record<string, unknown>;
    for (const [k, x] of Object.entries(o)) {
      const sub = schema.properties?.[k];
      if (sub) {
        if (x !== undefined) errors.push(...check(sub, x, path ? `${path}.${k}` : k));
      } else if (schema.additionalProperties === false) fail(`additional ${k}`);
    }
  }
  return errors;
}

const schemas = jsonSchemas();
const cases = [
  { name: 'candidate', schema: schemas.candidate, arb: validCandidate(), parse: parseCandidate },
  { name: 'vacancy', schema: schemas.vacancy, arb: validVacancy(), parse: parseVacancy },
  { name: 'candidate (ROME 4.0)', schema: schemas.candidate, arb: validCandidateV4(), parse: parseCandidate },
  { name: 'vacancy (ROME 4.0, appellations, communes)', schema: schemas.vacancy, arb: validVacancyOtherCodes(), parse: parseVacancy },
  { name: 'training-session', schema: schemas['training-session'], arb: validTrainingSession(), parse: parseTrainingSession },
  { name: 'outcome', schema: schemas.outcome, arb: validOutcome(), parse: (x: unknown) => OutcomeSchema.parse(x) },
  { name: 'platform-event', schema: schemas['platform-event'], arb: validEvent(), parse: (x: unknown) => PlatformEventSchema.parse(x) },
] as const;

describe('jsonSchemas()', () => {
  it('describes inputs: draft 2020-12, closed objects, defaults optional, dates as format date', () => {
    const c = schemas.candidate as Schema;
    expect(c.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(c.title).toBe('passerelle Candidate');
    expect(c.additionalProperties).toBe(false);
    expect(c.required).toEqual([
      'id', 'home', 'mobility', 'availableFrom', 'desiredJobs', 'qualifications', 'experience', 'schedule', 'contracts',
    ]);
    expect(c.properties.workAuthorized).toEqual({ default: true, type: 'boolean' });
    expect(c.properties.availableFrom.format).toBe('date');
    expect(c.properties.home.properties.lat).toEqual({ type: 'number', minimum: -90, maximum: 90 });

    const v = schemas.vacancy as Schema;
    expect(v.required).not.toContain('openings');
    expect(v.required).not.toContain('requires');
    expect(v.properties.job.properties.romeVersion).toEqual({ default: 'v3', type: 'string', enum: ['v3', 'v4'] });
    // A place: its coordinates, or a commune code to take them from.
    expect(v.properties.site.anyOf).toEqual([{ required: ['lat', 'lon'] }, { required: ['communeCode'] }]);
    expect(check(v.properties.site, { communeCode: '2A004' })).toEqual([]);
    expect(check(v.properties.site, { lat: 48.4, lon: 0.09 })).toEqual([]);
    expect(check(v.properties.site, { lat: 48.4 })).toContain('(root): anyOf');
    expect(v.properties.job.anyOf).toEqual([{ required: ['rome'] }, { required: ['appellation'] }]);
    expect(check(v.properties.job, { appellation: '10856' })).toEqual([]);
    expect(check(v.properties.job, { romeVersion: 'v4' })).toContain('(root): anyOf');
    expect(v.properties.structure.properties.kind.enum).toContain('EHPAD');

    const s = schemas['training-session'] as Schema;
    expect(s.properties.endDate.format).toBe('date');
    expect(s.description).toMatch(/endDate ≥ startDate/);
  });

  it('the oracle checker rejects what it should', () => {
    const c = schemas.candidate as Schema;
    expect(check(c, {})).toContain('(root): required id');
    expect(check(c.properties.home, { lat: 91, lon: 0, extra: 1 })).toEqual(['lat: maximum', '(root): additional extra']);
    expect(check(c.properties.availableFrom, '2025-02-29')).toEqual(['(root): pattern']);
  });

  it('returns fresh objects on each call', () => {
    const a = jsonSchemas();
    (a.candidate as Schema).title = 'changed';
    expect((jsonSchemas().candidate as Schema).title).toBe('passerelle Candidate');
  });

  it.each(cases)('$name: every generated valid record conforms', ({ schema, arb }) => {
    fc.assert(fc.property(arb, (r) => { expect(check(schema, r)).toEqual([]); }), { numRuns: 200 });
  });

  it.each(cases)('$name: whatever the parse function accepts, the schema accepts', ({ schema, arb, parse }) => {
    // Damage one leaf (a wrong type or a limit) and compare the two verdicts in one direction:
    // the schema may be looser (codes, cross-field rules), never stricter.
    const damage = fc.record({ pick: fc.nat(), value: fc.constantFrom<unknown>(-1, 0, 1e9, '', 'x'.repeat(301), 'K1302', true, null, []) });
    fc.assert(
      fc.property(arb, damage, (r, d) => {
        const copy = structuredClone(r) as Record<string, unknown>;
        const keys = Object.keys(copy);
        const key = keys[d.pick % keys.length];
        const target = copy[key];
        if (target !== null && typeof target === 'object' && !Array.isArray(target)) {
          const inner = Object.keys(target);
          if (inner.length > 0) (target as Record<string, unknown>)[inner[d.pick % inner.length]] = d.value;
        } else copy[key] = d.value;
        let accepted = true;
        try {
          parse(copy);
        } catch {
          accepted = false;
        }
        if (accepted) expect(check(schema, copy)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
