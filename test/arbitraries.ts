/**
 * fast-check generators of VALID records: each passes parseCandidate / parseVacancy /
 * parseTrainingSession with the referential it was built from (codes are drawn from it, ROME codes
 * from the v3 fiche list). Shared by every test suite: `validCandidate()`, `validVacancy()`,
 * `validTrainingSession()`, and the smaller pieces (place, dates, free text).
 */
import fc from 'fast-check';
import { defaultReferential } from '../src/referential/index.js';
import type { Referential } from '../src/referential/types.js';
import { rome4Appellations, rome4Fiches, romeFiches } from '../src/referential/rome/index.js';
import { loadCommunes } from '../bench/geo/index.js';
import {
  Category, ContractType, FrenchLevel, FundingCode, Mode, Public, Sector, Status, StructureKind, StructurePublic,
  StructureStatus, TrainingAccess,
} from '../src/schema/primitives.js';
import type { CandidateCategory, CandidateInput, TrainingSessionInput, VacancyInput } from '../src/schema/index.js';

const DAY = 86_400_000;
const MIN_DAY = Date.UTC(1990, 0, 1) / DAY;
const MAX_DAY = Date.UTC(2060, 11, 31) / DAY;

/** A calendar date `YYYY-MM-DD` between 1990 and 2060. */
export const isoDate = (): fc.Arbitrary<string> =>
  fc.integer({ min: MIN_DAY, max: MAX_DAY }).map((d) => new Date(d * DAY).toISOString().slice(0, 10));

/** Two dates, the first not after the second. */
export const dateRange = (): fc.Arbitrary<[string, string]> =>
  fc.tuple(isoDate(), isoDate()).map(([a, b]) => (a <= b ? [a, b] : [b, a]));

export const recordId = (): fc.Arbitrary<string> => fc.stringMatching(/^[A-Za-z0-9_-]{1,24}$/);

/**
 * Free text that no validation message could contain by chance (titles, labels, providers):
 * a marker word plus random letters, so a test can search messages for it.
 */
export const freeText = (): fc.Arbitrary<string> =>
  fc.stringMatching(/^[a-z]{6,12}$/).map((w) => `Texte libre ${w} zqxw`);

/** The INSEE codes of the package's commune table (bench/geo/communes.tsv, its source). */
export const COMMUNE_CODES: readonly string[] = loadCommunes().map((c) => c.code);

/** A commune code of the table: Corsica's 2A/2B among them. */
export const communeCode = (): fc.Arbitrary<string> =>
  fc.oneof(fc.constantFrom('2A004', '2B033', '61001'), fc.integer({ min: 0, max: COMMUNE_CODES.length - 1 }).map((i) => COMMUNE_CODES[i]));

/** A place in metropolitan France, by its coordinates (and maybe a commune code). */
export const place = () =>
  fc.record(
    {
      lat: fc.double({ min: 41.3, max: 51.1, noNaN: true }),
      // + 0 turns -0 into 0: JSON has no -0, so a round trip would not give it back.
      lon: fc.double({ min: -5.2, max: 9.6, noNaN: true }).map((x) => x + 0),
      communeCode: communeCode(),
      label: freeText(),
    },
    { requiredKeys: ['lat', 'lon'] },
  );

/** A place given by its commune code alone (validation fills its lat/lon). */
export const placeByCommune = () => fc.record({ communeCode: communeCode(), label: freeText() }, { requiredKeys: ['communeCode'] });

function codesOf(list: readonly string[], maxLength: number): fc.Arbitrary<string[]> {
  return list.length === 0 ? fc.constant([]) : fc.uniqueArray(fc.constantFrom(...list), { maxLength });
}

/**
 * `categories` as MODEL.md allows them: each category once, as a plain code or with dates
 * (`since` ≤ `until`, `provenOn`).
 */
export function candidateCategories(): fc.Arbitrary<CandidateCategory[]> {
  return someOf(Category.options).chain((codes) =>
    fc.tuple(...codes.map((code) => fc.oneof(
      { weight: 3, arbitrary: fc.constant<CandidateCategory>(code) },
      {
        weight: 1,
        arbitrary: fc
          .record({ since: isoDate(), until: isoDate(), provenOn: isoDate() }, { requiredKeys: [] })
          .map(({ since, until, ...rest }): CandidateCategory => {
            const range = since !== undefined && until !== undefined && since > until ? { since: until, until: since } : { since, until };
            const item: Record<string, string> = { code };
            for (const [k, v] of Object.entries({ ...range, ...rest })) if (v !== undefined) item[k] = v;
            return item as CandidateCategory;
          }),
      },
    ))),
  );
}

function someOf<T>(values: readonly T[], minLength = 0): fc.Arbitrary<T[]> {
  return fc.uniqueArray(fc.constantFrom(...values), { minLength, maxLength: values.length });
}

/** The codes a referential offers, for generators. */
export function referentialCodes(ref: Referential = defaultReferential) {
  return {
    certifications: ref.certifications.map((c) => c.code),
    blocksOf: new Map(ref.certifications.map((c) => [c.code, (c.blocks ?? []).map((b) => b.code)])),
    rome: [...new Set([...romeFiches().keys(), ...ref.jobs.map((j) => j.rome)])],
    sectorRome: [...new Set(ref.jobs.map((j) => j.rome))],
    skills: ref.skills.map((s) => s.code),
    restrictions: [...new Set([...ref.restrictions.map((r) => r.code), ...ref.physicalDemands.map((d) => d.restriction)])],
    physicalDemands: ref.physicalDemands.map((d) => d.code),
    adaptations: [...new Set([...ref.adaptations.map((a) => a.code), ...ref.physicalDemands.flatMap((d) => d.liftedBy)])],
  };
}

/** Mostly sector jobs (so matching suites get relevant pairs), sometimes any v3 fiche. */
function romeCode(codes: ReturnType<typeof referentialCodes>): fc.Arbitrary<string> {
  const all = fc.constantFrom(...codes.rome);
  return codes.sectorRome.length === 0 ? all : fc.oneof({ arbitrary: fc.constantFrom(...codes.sectorRome), weight: 4 }, all);
}

function qualification(codes: ReturnType<typeof referentialCodes>) {
  if (codes.certifications.length === 0) return fc.constant(undefined);
  return fc.constantFrom(...codes.certifications).chain((code) => {
    const blocks = codes.blocksOf.get(code) ?? [];
    return fc.record(
      {
        code: fc.constant(code),
        obtainedOn: isoDate(),
        blocks: blocks.length === 0 ? fc.constant(undefined) : fc.subarray(blocks, { minLength: 1 }),
      },
      { requiredKeys: ['code'] },
    );
  });
}

/** A valid candidate input (defaults not applied: `workAuthorized` may be absent). */
export function validCandidate(ref: Referential = defaultReferential): fc.Arbitrary<CandidateInput> {
  const codes = referentialCodes(ref);
  const quals = qualification(codes);
  return fc
    .record(
      {
        id: recordId(),
        home: place(),
        mobility: fc.record({
          modes: someOf(Mode.options, 1),
          maxMinutes: fc.integer({ min: 5, max: 180 }),
          drivingLicence: fc.boolean(),
          vehicle: fc.boolean(),
        }),
        availableFrom: isoDate(),
        desiredJobs: fc.uniqueArray(romeCode(codes), { maxLength: 4 }),
        desiredSectors: someOf(Sector.options),
        desiredPublics: someOf(Public.options),
        qualifications: fc.array(quals, { maxLength: 3 }).map((q) => q.filter((x) => x !== undefined)),
        inTraining: codes.certifications.length === 0
          ? fc.constant([])
          : fc.array(fc.record({ code: fc.constantFrom(...codes.certifications), expectedEnd: isoDate() }), { maxLength: 2 }),
        experience: fc.array(
          fc.record(
            {
              rome: romeCode(codes),
              months: fc.integer({ min: 0, max: 720 }),
              domicile: fc.boolean(),
              lastEndedOn: isoDate(),
            },
            { requiredKeys: ['rome', 'months'] },
          ),
          { maxLength: 4 },
        ),
        skills: codesOf(codes.skills, 6),
        frenchLevel: fc.constantFrom(...FrenchLevel.options),
        schedule: fc
          .record({
            nights: fc.boolean(),
            weekends: fc.boolean(),
            splitShifts: fc.boolean(),
            a: fc.integer({ min: 0, max: 48 }),
            b: fc.integer({ min: 0, max: 48 }),
          })
          .map(({ a, b, ...s }) => ({ ...s, weeklyHoursMin: Math.min(a, b), weeklyHoursMax: Math.max(a, b) })),
        contracts: someOf(ContractType.options, 1),
        restrictions: codesOf(codes.restrictions, 3),
        categories: candidateCategories(),
        status: fc.constantFrom(...Status.options),
        birthYear: fc.integer({ min: 1940, max: 2010 }),
        workAuthorized: fc.boolean(),
      },
      {
        requiredKeys: [
          'id', 'home', 'mobility', 'availableFrom', 'desiredJobs', 'qualifications', 'experience', 'schedule', 'contracts',
        ],
      },
    )
    .map((c) => c as CandidateInput);
}

/** A valid vacancy input (defaults not applied). */
export function validVacancy(ref: Referential = defaultReferential): fc.Arbitrary<VacancyInput> {
  const codes = referentialCodes(ref);
  const certs = codesOf(codes.certifications, 3);
  return fc
    .record(
      {
        id: recordId(),
        employerId: recordId(),
        structure: fc.record(
          {
            kind: fc.constantFrom(...StructureKind.options),
            public: fc.constantFrom(...StructurePublic.options),
            status: fc.constantFrom(...StructureStatus.options),
          },
          { requiredKeys: ['kind', 'public'] },
        ),
        job: fc.record(
          { rome: romeCode(codes), title: freeText(), romeVersion: fc.constant('v3' as const) },
          { requiredKeys: ['rome'] },
        ),
        site: place(),
        interventionRadiusKm: fc.integer({ min: 0, max: 200 }),
        requires: fc.record(
          {
            certifications: certs,
            drivingLicence: fc.boolean(),
            vehicle: fc.boolean(),
            frenchLevel: fc.constantFrom(...FrenchLevel.options),
            experienceMonths: fc.integer({ min: 0, max: 600 }),
          },
          { requiredKeys: [] },
        ),
        prefers: fc.record(
          {
            certifications: certs,
            experienceMonths: fc.integer({ min: 0, max: 600 }),
            skills: codesOf(codes.skills, 5),
          },
          { requiredKeys: [] },
        ),
        vehicleProvided: fc.boolean(),
        acceptsInTraining: fc.boolean(),
        contract: fc
          .record({
            type: fc.constantFrom(...ContractType.options),
            weeklyHours: fc.integer({ min: 1, max: 48 }),
            dates: dateRange(),
            open: fc.boolean(),
          })
          .map(({ dates, open, ...c }) => (open ? { ...c, startDate: dates[0] } : { ...c, startDate: dates[0], endDate: dates[1] })),
        schedule: fc.record({ nights: fc.boolean(), weekends: fc.boolean(), splitShifts: fc.boolean() }),
        physicalDemands: codesOf(codes.physicalDemands, 3),
        adaptations: codesOf(codes.adaptations, 3),
        openings: fc.integer({ min: 1, max: 5 }),
        accessibleTH: fc.boolean(),
        trainsNewcomers: fc.boolean(),
      },
      { requiredKeys: ['id', 'employerId', 'structure', 'job', 'site', 'contract', 'schedule'] },
    )
    .map((v) => {
      // A vehicle cannot be both required and provided.
      if (v.requires?.vehicle && v.vehicleProvided) return { ...v, vehicleProvided: false } as VacancyInput;
      return v as VacancyInput;
    });
}

/** A valid training session input. Requires at least one certification in the referential. */
export function validTrainingSession(ref: Referential = defaultReferential): fc.Arbitrary<TrainingSessionInput> {
  const codes = referentialCodes(ref);
  return fc
    .record(
      {
        id: recordId(),
        provider: freeText(),
        certification: fc.constantFrom(...codes.certifications),
        site: place(),
        dates: dateRange(),
        hours: fc.integer({ min: 1, max: 6000 }),
        seats: fc.integer({ min: 0, max: 10_000 }),
        access: someOf(TrainingAccess.options, 1),
        funding: someOf(FundingCode.options, 1),
      },
      { requiredKeys: ['id', 'provider', 'certification', 'site', 'dates', 'hours', 'access', 'funding'] },
    )
    .map(({ dates, ...s }) => ({ ...s, startDate: dates[0], endDate: dates[1] }) as TrainingSessionInput);
}

// ---------------------------------------------------------------------------------------------
// The other spellings a record may take (MODEL.md Place, romeVersion, job.appellation): the same
// records with places given by commune code alone, ROME 4.0 codes, appellations.

const CHILDREN = new Map<string, string[]>();
for (const f of rome4Fiches().values()) CHILDREN.set(f.parent, [...(CHILDREN.get(f.parent) ?? []), f.code]);
const APPELLATIONS_OF = new Map<string, { code: string; rome4: string; rome3: string }[]>();
for (const a of rome4Appellations().values()) APPELLATIONS_OF.set(a.rome3, [...(APPELLATIONS_OF.get(a.rome3) ?? []), a]);

/** A ROME 4.0 code whose v3 parent is `rome` (`rome` itself when it is not a v3 fiche). */
const childOf = (rome: string): fc.Arbitrary<string> => fc.constantFrom(...(CHILDREN.get(rome) ?? [rome]));

/** The candidate's ROME codes rewritten as ROME 4.0 codes of the same v3 fiches, `romeVersion: 'v4'`. */
export function validCandidateV4(ref: Referential = defaultReferential): fc.Arbitrary<CandidateInput> {
  return validCandidate(ref).chain((c) =>
    fc
      .tuple(fc.tuple(...c.desiredJobs.map(childOf)), fc.tuple(...c.experience.map((e) => childOf(e.rome))), fc.boolean())
      .map(([jobs, exp, byCommune]) => ({
        ...c,
        romeVersion: 'v4' as const,
        desiredJobs: jobs,
        experience: c.experience.map((e, i) => ({ ...e, rome: exp[i] })),
        home: byCommune ? { communeCode: c.home.communeCode ?? '61001' } : c.home,
      })),
  );
}

/**
 * The vacancy's job in another spelling of the same v3 fiche: a ROME 4.0 code, an appellation
 * (alone, with its v3 fiche, or with its ROME 4.0 code), or the v3 fiche with the ROME 4.0 echo;
 * the site sometimes by its commune code alone.
 */
export function validVacancyOtherCodes(ref: Referential = defaultReferential): fc.Arbitrary<VacancyInput> {
  return validVacancy(ref).chain((v) => {
    const rome = v.job.rome!;
    const apps = APPELLATIONS_OF.get(rome) ?? [];
    const title = v.job.title === undefined ? {} : { title: v.job.title };
    const variants: fc.Arbitrary<VacancyInput['job']>[] = [
      childOf(rome).map((r) => ({ ...title, rome: r, romeVersion: 'v4' as const })),
      childOf(rome).map((r) => ({ ...title, rome, romeVersion: 'v3' as const, rome4: r })),
    ];
    if (apps.length > 0) {
      const app = fc.constantFrom(...apps);
      variants.push(
        app.map((a) => ({ ...title, appellation: a.code })),
        app.map((a) => ({ ...title, appellation: a.code, rome: a.rome3 })),
        app.map((a) => ({ ...title, appellation: a.code, rome: a.rome4, romeVersion: 'v4' as const })),
      );
    }
    return fc
      .tuple(fc.oneof(...variants), fc.boolean())
      .map(([job, byCommune]) => ({ ...v, job, site: byCommune ? { communeCode: v.site.communeCode ?? '2A004' } : v.site }));
  });
}

/** The session with its site given by its commune code alone. */
export function validTrainingSessionByCommune(ref: Referential = defaultReferential): fc.Arbitrary<TrainingSessionInput> {
  return fc
    .tuple(validTrainingSession(ref), communeCode())
    .map(([s, code]) => ({ ...s, site: { communeCode: code } }));
}
