import { describe, expect, it } from 'vitest';
import type { Referential } from '../../src/referential/types.js';
import { defaultReferential, extendReferential } from '../../src/referential/index.js';
import {
  PasserelleInputError, parseCandidate, parseTrainingSession, parseVacancy, validateBatch,
} from '../../src/validate/index.js';

/**
 * A small referential so these examples do not move when the built-in data grows. Test data
 * only: the block codes and labels are placeholders, not statements about the real diplomas.
 */
const provenance = { source: 'test fixture', verified: false };
const ref: Referential = {
  version: 'test',
  jobs: [],
  certifications: [
    { ...provenance, code: 'DEAES', label: 'DEAES', aliases: ['DE AES', 'diplôme AES'], kind: 'diploma', vae: true,
      blocks: [1, 2, 3].map((n) => ({ ...provenance, code: `DEAES_B${n}`, label: `bloc ${n}` })) },
    { ...provenance, code: 'DEAS', label: 'DEAS', aliases: [], kind: 'diploma', vae: true },
    { ...provenance, code: 'DEAP', label: 'DEAP', aliases: [], kind: 'diploma', vae: true },
    { ...provenance, code: 'TP_ADVF', label: 'TP ADVF', aliases: ['titre pro ADVF'], kind: 'titre_pro', vae: true },
  ],
  bridges: [],
  funding: [],
  categories: [],
  skills: [
    { ...provenance, code: 'toilette', label: 'toilette' },
    { ...provenance, code: 'transferts', label: 'transferts', synonyms: ['lève-personne'] },
  ],
  physicalDemands: [
    { ...provenance, code: 'transfers', label: 'transferts', restriction: 'no_heavy_lifting', liftedBy: ['lift_equipment'] },
  ],
  restrictions: [{ ...provenance, code: 'no_night_work', label: 'pas de nuit' }],
  adaptations: [],
  structureKinds: [],
};
const opts = { referential: ref };

function candidate(id = 'c-1'): Record<string, any> {
  return {
    id,
    home: { lat: 45.76, lon: 4.83, label: 'Chez Mme Confidentielle' },
    mobility: { modes: ['car'], maxMinutes: 30, drivingLicence: true, vehicle: true },
    availableFrom: '2026-01-05',
    desiredJobs: ['K1302'],
    qualifications: [{ code: 'DEAES', blocks: ['DEAES_B1'] }],
    experience: [{ rome: 'K1302', months: 12 }],
    skills: ['toilette'],
    schedule: { nights: false, weekends: true, splitShifts: true, weeklyHoursMin: 20, weeklyHoursMax: 35 },
    contracts: ['CDI'],
    restrictions: ['no_heavy_lifting'],
  };
}

function vacancy(): Record<string, any> {
  return {
    id: 'v-1',
    employerId: 'e-1',
    structure: { kind: 'SAD', public: 'personnes_agees' },
    job: { rome: 'K1302', title: 'Auxiliaire de vie secteur Tarentaise' },
    site: { lat: 45.5, lon: 6.5 },
    requires: { certifications: ['DEAES'] },
    contract: { type: 'CDI', weeklyHours: 28, startDate: '2026-02-01' },
    schedule: { nights: false, weekends: true, splitShifts: true },
    physicalDemands: ['transfers'],
    adaptations: ['lift_equipment'],
  };
}

function session(): Record<string, any> {
  return {
    id: 's-1',
    provider: 'Organisme Très Particulier',
    certification: 'TP_ADVF',
    site: { lat: 45.2, lon: 5.7 },
    startDate: '2026-03-01',
    endDate: '2026-09-30',
    hours: 700,
    access: ['formation_continue'],
    funding: ['CPF'],
  };
}

/** The issues a parse throws, or fails the test. */
function issuesOf(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(PasserelleInputError);
    return (e as PasserelleInputError).issues;
  }
  throw new Error('expected a PasserelleInputError');
}

describe('parse functions', () => {
  it('return the typed record with defaults applied', () => {
    // workAuthorized: absent means authorised and stays absent (no copy of the record to fill it).
    const { workAuthorized: _w, ...unstated } = candidate();
    expect(parseCandidate(unstated, opts)).not.toHaveProperty('workAuthorized');
    const v = parseVacancy(vacancy(), opts);
    expect(v.openings).toBe(1);
    expect(v.job.romeVersion).toBe('v3');
    expect(v.prefers).toEqual({});
    expect(parseTrainingSession(session(), opts).certification).toBe('TP_ADVF');
  });

  it('report structural issues zod-style, one per path, in French', () => {
    const c = candidate();
    c.home.lat = 'quarante-cinq';
    c.mobility.modes = [];
    c.availableFrom = '2026-02-30';
    delete c.contracts;
    c.nickname = 'x';
    c.experience[0].months = -3;
    expect(issuesOf(() => parseCandidate(c, opts))).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_type",
          "message": "home.lat : un nombre fini attendu, reçu une chaîne",
          "path": "home.lat",
        },
        {
          "code": "too_small",
          "message": "mobility.modes : au moins 1 élément",
          "path": "mobility.modes",
        },
        {
          "code": "invalid_date",
          "message": "availableFrom : date calendaire AAAA-MM-JJ attendue (une date qui existe)",
          "path": "availableFrom",
        },
        {
          "code": "too_small",
          "message": "experience[0].months : doit être ≥ 0",
          "path": "experience[0].months",
        },
        {
          "code": "required",
          "message": "contracts : champ obligatoire manquant",
          "path": "contracts",
        },
        {
          "code": "unrecognized_keys",
          "message": "nickname : champ inconnu du modèle",
          "path": "nickname",
        },
      ]
    `);
  });

  it('check codes against the referential and suggest close ones', () => {
    const c = candidate();
    c.qualifications = [{ code: 'DEAEZ' }, { code: 'DEAES', blocks: ['DEAES_B9'] }, { code: 'ADVF' }];
    c.desiredJobs = ['K1320', 'A0000'];
    c.skills = ['leve_personne'];
    c.restrictions = ['no_nights'];
    expect(issuesOf(() => parseCandidate(c, opts))).toMatchInlineSnapshot(`
      [
        {
          "code": "unknown_code",
          "message": "desiredJobs[0] : code de fiche ROME v3 inconnu « K1320 » — vouliez-vous dire K1302 ?",
          "path": "desiredJobs[0]",
          "suggestions": [
            "K1302",
          ],
        },
        {
          "code": "unknown_code",
          "message": "desiredJobs[1] : code de fiche ROME v3 inconnu « A0000 »",
          "path": "desiredJobs[1]",
          "suggestions": [],
        },
        {
          "code": "unknown_code",
          "message": "qualifications[0].code : code de certification inconnu « DEAEZ » — vouliez-vous dire DEAES ?",
          "path": "qualifications[0].code",
          "suggestions": [
            "DEAES",
          ],
        },
        {
          "code": "unknown_block",
          "message": "qualifications[1].blocks[0] : bloc « DEAES_B9 » inconnu pour DEAES — vouliez-vous dire DEAES_B1, DEAES_B2 ou DEAES_B3 ?",
          "path": "qualifications[1].blocks[0]",
          "suggestions": [
            "DEAES_B1",
            "DEAES_B2",
            "DEAES_B3",
          ],
        },
        {
          "code": "unknown_code",
          "message": "qualifications[2].code : code de certification inconnu « ADVF » — vouliez-vous dire TP_ADVF ?",
          "path": "qualifications[2].code",
          "suggestions": [
            "TP_ADVF",
          ],
        },
        {
          "code": "unknown_code",
          "message": "skills[0] : code de compétence inconnu « leve_personne » — vouliez-vous dire transferts ?",
          "path": "skills[0]",
          "suggestions": [
            "transferts",
          ],
        },
        {
          "code": "unknown_code",
          "message": "restrictions[0] : code de restriction inconnu « no_nights » — vouliez-vous dire no_night_work ?",
          "path": "restrictions[0]",
          "suggestions": [
            "no_night_work",
          ],
        },
      ]
    `);
  });

  it('check vacancy and session codes, ROME version and cross-field rules', () => {
    const v = vacancy();
    (v.job as { romeVersion: string }).romeVersion = 'v5';
    expect(issuesOf(() => parseVacancy(v, opts)).map((i) => [i.code, i.path])).toEqual([
      ['unsupported_rome_version', 'job.romeVersion'],
    ]);

    const w = vacancy();
    w.requires = { certifications: ['DEAS'], vehicle: true };
    w.vehicleProvided = true;
    w.contract.endDate = '2026-01-01';
    expect(issuesOf(() => parseVacancy(w, opts)).map((i) => [i.code, i.path])).toEqual([
      ['invalid_range', 'contract.endDate'],
      ['contradictory', 'requires.vehicle'],
    ]);

    const x = vacancy();
    x.prefers = { certifications: ['DEAPP'], skills: ['toilete'] };
    x.physicalDemands = ['transfer'];
    x.adaptations = ['lift'];
    x.job.rome = 'K9999';
    expect(issuesOf(() => parseVacancy(x, opts)).map((i) => [i.code, i.path, i.suggestions])).toEqual([
      ['unknown_code', 'job.rome', []],
      ['unknown_code', 'prefers.certifications[0]', ['DEAP']],
      ['unknown_code', 'prefers.skills[0]', ['toilette']],
      ['unknown_code', 'physicalDemands[0]', ['transfers']],
      ['unknown_code', 'adaptations[0]', ['lift_equipment']],
    ]);

    const s = session();
    s.certification = 'tp_advf';
    s.endDate = '2026-02-01';
    expect(issuesOf(() => parseTrainingSession(s, opts)).map((i) => [i.code, i.path])).toEqual([
      ['invalid_range', 'endDate'],
    ]);
    s.endDate = '2026-10-01';
    expect(issuesOf(() => parseTrainingSession(s, opts))).toMatchInlineSnapshot(`
      [
        {
          "code": "unknown_code",
          "message": "certification : code de certification inconnu « tp_advf » — vouliez-vous dire TP_ADVF ?",
          "path": "certification",
          "suggestions": [
            "TP_ADVF",
          ],
        },
      ]
    `);
  });

  it('rejects weeklyHoursMin > weeklyHoursMax on the min field', () => {
    const c = candidate();
    c.schedule.weeklyHoursMin = 40;
    c.schedule.weeklyHoursMax = 10;
    expect(issuesOf(() => parseCandidate(c, opts)).map((i) => [i.code, i.path])).toEqual([
      ['invalid_range', 'schedule.weeklyHoursMin'],
    ]);
  });

  it('throws an error whose message lists kind, id, paths and reasons', () => {
    const c = candidate();
    c.home.lon = Infinity;
    c.qualifications[0].code = 'DEAEZ';
    let error: unknown;
    try {
      parseCandidate(c, opts);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PasserelleInputError);
    const e = error as PasserelleInputError;
    expect(e.name).toBe('PasserelleInputError');
    expect(e.kind).toBe('candidate');
    expect(e.recordId).toBe('c-1');
    // Only structure is reported while it is broken: codes are checked on a sound record.
    expect(e.message).toMatchInlineSnapshot(`
      "Candidat « c-1 » invalide (1 problème) :
        - [invalid_type] home.lon : un nombre fini attendu, reçu un nombre infini"
    `);
  });
});

describe('validateBatch: nasty inputs, each with its path and code', () => {
  const codesOf = (r: ReturnType<typeof validateBatch>) => r.rejected.map((x) => [x.index, x.issues.map((i) => [i.code, i.path])]);

  it('records that are not an array', () => {
    for (const records of [null, undefined, 42, 'abc', { 0: candidate(), length: 1 }, new Map()]) {
      const r = validateBatch('candidate', records, opts);
      expect(r.valid).toEqual([]);
      expect(r.validIndexes).toEqual([]);
      expect(codesOf(r)).toEqual([[-1, [['not_an_array', '']]]]);
    }
  });

  it('items that are not objects', () => {
    const r = validateBatch('vacancy', [null, 3, 'v-1', [], true, undefined, vacancy()], opts);
    expect(r.validIndexes).toEqual([6]);
    expect(codesOf(r)).toEqual([0, 1, 2, 3, 4, 5].map((i) => [i, [['not_an_object', '']]]));
  });

  it('a batch with holes is rejected as a whole, not walked position by position', () => {
    // eslint-disable-next-line no-sparse-arrays
    const r = validateBatch('vacancy', [null, , vacancy()], opts);
    expect(r.valid).toEqual([]);
    expect(codesOf(r)).toEqual([[-1, [['invalid_type', '']]]]);
  });

  it('objects with getters that throw', () => {
    const c = candidate();
    Object.defineProperty(c, 'home', { enumerable: true, get: () => { throw new Error('boom'); } });
    const proxy = new Proxy({ ...candidate(), id: 'c-2' }, { ownKeys: () => { throw new Error('no keys'); } });
    const idGetter: Record<string, unknown> = { ...candidate() };
    delete idGetter.id;
    Object.defineProperty(idGetter, 'id', { enumerable: true, get: () => { throw new Error('id'); } });
    const r = validateBatch('candidate', [c, proxy, idGetter], opts);
    expect(codesOf(r)).toEqual([
      [0, [['unreadable', 'home']]],
      [1, [['unreadable', '']]],
      [2, [['unreadable', 'id']]],
    ]);
    expect(r.rejected[0].id).toBe('c-1');
    expect(r.rejected[2].id).toBeUndefined();
  });

  it('__proto__ and constructor keys are unknown fields, and pollute nothing', () => {
    const json = JSON.stringify(candidate()).replace(/^\{/, '{"__proto__":{"polluted":1},"constructor":{"x":1},');
    const r = validateBatch('candidate', [JSON.parse(json)], opts);
    expect(codesOf(r)).toEqual([[0, [['unrecognized_keys', '__proto__'], ['unrecognized_keys', 'constructor']]]]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('1 MB strings', () => {
    const big = 'x'.repeat(1 << 20);
    const a = vacancy();
    a.id = big;
    const b = vacancy();
    b.id = 'v-2';
    b.job.title = big;
    const c = vacancy();
    c.id = 'v-3';
    c.structure.kind = big;
    const r = validateBatch('vacancy', [a, b, c], opts);
    expect(codesOf(r)).toEqual([
      [0, [['too_big', 'id']]],
      [1, [['too_big', 'job.title']]],
      [2, [['invalid_value', 'structure.kind']]],
    ]);
    for (const x of r.rejected) for (const i of x.issues) expect(i.message.length).toBeLessThan(1000);
    // An id longer than an id may be is not echoed back as the rejection's id.
    expect(r.rejected.map((x) => x.id)).toEqual([undefined, 'v-2', 'v-3']);
  });

  it('arrays of 10⁶ items are refused on their length', () => {
    const c = candidate();
    c.desiredJobs = new Array(1_000_000).fill('K1302');
    c.skills = new Array(1_000_000).fill({ nope: true });
    const r = validateBatch('candidate', [c], opts);
    expect(codesOf(r)).toEqual([[0, [['too_big', 'desiredJobs'], ['too_big', 'skills']]]]);
  });

  it('NaN, Infinity, impossible dates, negative months, hours min > max', () => {
    const nan = candidate('n-1');
    nan.home.lat = NaN;
    const inf = candidate('n-2');
    inf.mobility.maxMinutes = -Infinity;
    const leap = candidate('n-3');
    leap.availableFrom = '2025-02-29';
    const old = candidate('n-4');
    old.qualifications[0].obtainedOn = '1850-06-01';
    const neg = candidate('n-5');
    neg.experience.push({ rome: 'K1302', months: -1 });
    const hours = candidate('n-6');
    hours.schedule.weeklyHoursMin = 30;
    hours.schedule.weeklyHoursMax = 29.5;
    const r = validateBatch('candidate', [nan, inf, leap, old, neg, hours], opts);
    expect(codesOf(r)).toEqual([
      [0, [['invalid_type', 'home.lat']]],
      [1, [['invalid_type', 'mobility.maxMinutes']]],
      [2, [['invalid_date', 'availableFrom']]],
      [3, [['invalid_date', 'qualifications[0].obtainedOn']]],
      [4, [['too_small', 'experience[1].months']]],
      [5, [['invalid_range', 'schedule.weeklyHoursMin']]],
    ]);
  });

  it('a duplicate id keeps the first record and names it', () => {
    const bad = candidate();
    bad.id = 'c-2';
    bad.home.lat = 100;
    const r = validateBatch('candidate', [candidate(), bad, candidate(), { ...candidate(), id: 'c-2' }], opts);
    expect(r.validIndexes).toEqual([0]);
    expect(r.rejected.map((x) => [x.index, x.id, x.issues.map((i) => [i.code, i.path, i.firstIndex])])).toEqual([
      [1, 'c-2', [['too_big', 'home.lat', undefined]]],
      [2, 'c-1', [['duplicate_id', 'id', 0]]],
      [3, 'c-2', [['duplicate_id', 'id', 1]]],
    ]);
    expect(r.rejected[1].issues[0].message).toBe("id : identifiant « c-1 » de l'enregistrement 2 déjà porté par l'enregistrement 0");
  });

  it('an unknown kind is misuse: PasserelleInputError naming `kind`', () => {
    expect(() => validateBatch('candidates' as 'candidate', [], opts)).toThrow(PasserelleInputError);
    expect(() => validateBatch('candidates' as 'candidate', [], opts)).toThrow(/kind/);
  });
});

describe('with the built-in referential', () => {
  it('suggests the canonical code for common slips', () => {
    const suggestionsFor = (qualification: Record<string, unknown>) => {
      const c = { ...candidate(), qualifications: [qualification], skills: undefined, restrictions: undefined };
      return issuesOf(() => parseCandidate(c)).map((i) => [i.code, i.path, i.suggestions]);
    };
    expect(suggestionsFor({ code: 'DEAEZ' })).toEqual([['unknown_code', 'qualifications[0].code', ['DEAES']]]);
    expect(suggestionsFor({ code: 'deas' })).toEqual([['unknown_code', 'qualifications[0].code', ['DEAS']]]);
    expect(suggestionsFor({ code: 'ADVF' })).toEqual([['unknown_code', 'qualifications[0].code', ['TP_ADVF']]]);
    expect(suggestionsFor({ code: 'DEAES', blocks: ['B1'] })).toEqual([
      ['unknown_block', 'qualifications[0].blocks[0]', ['DEAES_B1']],
    ]);
  });

  it('an extended referential validates its own codes, the built-in one rejects them', () => {
    const local = extendReferential(defaultReferential, {
      certifications: [{
        code: 'CQP_ORNE_AIDE', label: 'CQP aide à domicile (Orne)', aliases: ['cqp orne'], kind: 'branch', vae: 'unknown',
        family: 'home_care', level: 3, source: 'Conseil départemental de l’Orne', verified: false,
      }],
    });
    const c = { ...candidate(), qualifications: [{ code: 'CQP_ORNE_AIDE' }] };
    const s = { ...session(), certification: 'CQP_ORNE_AIDE' };
    expect(validateBatch('candidate', [c], { referential: local }).validIndexes).toEqual([0]);
    expect(parseTrainingSession(s, { referential: local }).certification).toBe('CQP_ORNE_AIDE');
    expect(validateBatch('candidate', [c]).rejected.map((r) => r.issues.map((i) => [i.code, i.path]))).toEqual([
      [['unknown_code', 'qualifications[0].code']],
    ]);
  });

  it('accepts any ROME v3 fiche for past experience, not only sector jobs', () => {
    const c = { ...candidate(), experience: [{ rome: 'D1505', months: 24 }], skills: ['toilette'], restrictions: [] };
    expect(parseCandidate(c).experience[0].rome).toBe('D1505');
  });
});
