import { describe, expect, it } from 'vitest';
import {
  checkReferentialIntegrity, checkReferentialShape, compileReferential, defaultReferential, foldTerm,
} from '../../src/referential/index.js';
import { romeFiches } from '../../src/referential/rome/index.js';
import { Category, FundingCode, StructureKind } from '../../src/schema/primitives.js';

const ref = defaultReferential;
const c = compileReferential(ref);

// MODEL.md "Canonical codes", copied here so that a removal from the data is caught.
const CANONICAL_CERTIFICATIONS = [
  'TP_ADVF', 'DEAES', 'DEAS', 'DEAP', 'BAC_PRO_ASSP', 'BAC_PRO_SAPAT', 'CAP_AEPE', 'TP_ASMS', 'DEI', 'DEME', 'DEES', 'DETISF',
  'ASG', 'TP_RCSAD', 'DE_ERGO', 'DE_PSYCHOMOT', 'ASSISTANT_VIE_DEPENDANCE', 'EMPLOYE_FAMILIAL', 'SURVEILLANT_NUIT',
  'MAITRE_MAISON', 'DEAVS', 'MCAD', 'DEAMP', 'CAFAMP', 'CAFAD', 'PERMIS_B', 'FLE_A1', 'FLE_A2', 'FLE_B1', 'FLE_B2', 'SST', 'AFGSU2',
];
const CANONICAL_JOBS = ['K1302', 'K1304', 'K1301', 'J1501', 'J1301', 'K2204', 'J1506', 'J1304', 'K1207', 'K1305', 'J1403', 'J1412', 'G1602', 'K1206'];
const CORE = ['K1302', 'K1304', 'K1301', 'J1501', 'J1304', 'J1506', 'K1207', 'K1305'];
const SHARED = ['J1301', 'K2204', 'G1602', 'K1206', 'J1502', 'J1403', 'J1412'];
const SKILLS = [
  'toilette', 'lever_coucher', 'transferts', 'repas', 'textures_modifiees', 'aide_medicaments', 'entretien_logement', 'linge',
  'courses', 'bionettoyage', 'cuisine', 'animation', 'alzheimer', 'soins_palliatifs', 'handicap_psychique', 'handicap_moteur',
  'autisme', 'polyhandicap', 'petite_enfance', 'lsf', 'premiers_secours', 'transmissions',
];
const DEMANDS: [string, string, string[]][] = [
  ['heavy_lifting', 'no_heavy_lifting', ['lift_equipment']],
  ['transfers', 'no_heavy_lifting', ['lift_equipment']],
  ['prolonged_standing', 'no_prolonged_standing', ['seated_workstation']],
  ['night_work', 'no_night_work', []],
  ['driving', 'no_driving', []],
  ['chemical_products', 'no_chemical_products', ['protective_equipment']],
];

describe('default referential', () => {
  it('has a valid shape and no integrity issue', () => {
    expect(checkReferentialShape(ref)).toEqual([]);
    expect(checkReferentialIntegrity(ref)).toEqual([]);
  });

  it('gives every entry of every table its source and verified flag', () => {
    const tables = {
      jobs: ref.jobs, certifications: ref.certifications, bridges: ref.bridges, funding: ref.funding, categories: ref.categories,
      skills: ref.skills, physicalDemands: ref.physicalDemands, restrictions: ref.restrictions, adaptations: ref.adaptations,
      structureKinds: ref.structureKinds,
    };
    for (const [name, entries] of Object.entries(tables)) {
      expect(entries.length, name).toBeGreaterThan(0);
      for (const e of entries as { source: unknown; verified: unknown }[]) {
        expect(typeof e.source === 'string' && e.source.length > 0, `${name} source`).toBe(true);
        expect(typeof e.verified, `${name} verified`).toBe('boolean');
      }
    }
  });

  it('holds every canonical code of MODEL.md', () => {
    expect(CANONICAL_CERTIFICATIONS.filter((k) => !c.certifications.has(k))).toEqual([]);
    expect(CANONICAL_JOBS.filter((k) => !c.jobs.has(k))).toEqual([]);
    expect(ref.skills.map((s) => s.code)).toEqual(SKILLS);
    expect(ref.categories.map((x) => x.code).sort()).toEqual([...Category.options].sort());
    expect(ref.structureKinds.map((k) => k.code).sort()).toEqual([...StructureKind.options].sort());
    for (const s of ref.skills) expect(s.synonyms?.length ?? 0).toBeGreaterThanOrEqual(3);
  });

  it('uses only ROME v3 fiche codes, with core and shared fiches as MODEL.md says', () => {
    const fiches = romeFiches();
    for (const j of ref.jobs) {
      expect(fiches.has(j.rome), j.rome).toBe(true);
      for (const r of j.relatedJobs ?? []) expect(fiches.has(r), `${j.rome} → ${r}`).toBe(true);
    }
    expect(ref.jobs.filter((j) => j.core).map((j) => j.rome).sort()).toEqual([...CORE].sort());
    for (const r of SHARED) expect(c.jobs.get(r)?.core, r).toBe(false);
  });

  it('gives sector jobs at least 5 synonyms, certifications at least 3 aliases', () => {
    for (const j of ref.jobs.filter((x) => x.inSector !== false)) expect(j.synonyms.length, j.rome).toBeGreaterThanOrEqual(5);
    for (const x of ref.certifications) expect(x.aliases.length, x.code).toBeGreaterThanOrEqual(3);
  });

  it('routes AVS: home care by default, school job out of the sector, and the official file decides "aide à domicile"', () => {
    const holders = (term: string) => ref.jobs.filter((j) => j.synonyms.some((s) => foldTerm(s) === foldTerm(term)));
    const defaultOf = (term: string) => holders(term).filter((j) => j.defaultFor?.includes(term)).map((j) => j.rome);
    expect(holders('avs').map((j) => j.rome).sort()).toEqual(['K1302', 'K2104']);
    expect(defaultOf('avs')).toEqual(['K1302']);
    expect(c.jobs.get('K2104')?.inSector).toBe(false);
    expect(c.jobs.get('K2104')?.contextWords).toContain('école');
    expect(defaultOf('aide à domicile')).toEqual(['K1304']);
    const alt = c.jobs.get('K1302')?.alternativeTerms?.find((a) => a.term === 'aide à domicile');
    expect(alt?.verified).toBe(false);
    // ASG: the official file (K1301) decides; REFERENCE.md's J1501 is only an unverified alternative.
    expect(holders('asg').map((j) => j.rome)).toEqual(['K1301']);
    expect(c.jobs.get('J1501')?.alternativeTerms?.find((a) => a.term === 'asg')?.verified).toBe(false);
  });
});

describe('legal diploma rules', () => {
  it('J1501 requires the DEAS (or its legal predecessors); a DEAP does not satisfy it', () => {
    const as = c.jobs.get('J1501')!;
    expect(as.diploma).toBe('LEGAL');
    expect(as.legalCertifications).toContain('DEAS');
    expect(as.legalCertifications).not.toContain('DEAP');
    for (const code of as.legalCertifications!) {
      const cert = c.certifications.get(code)!;
      expect(code === 'DEAS' || cert.historic?.countsAs === 'DEAS', code).toBe(true);
    }
  });

  it('J1304 requires the DEAP and not the DEAS; J1506 the DEI', () => {
    expect(c.jobs.get('J1304')?.legalCertifications).toContain('DEAP');
    expect(c.jobs.get('J1304')?.legalCertifications).not.toContain('DEAS');
    expect(c.jobs.get('J1506')?.legalCertifications).toEqual(['DEI']);
    expect(c.jobs.get('J1403')?.legalCertifications).toEqual(['DE_ERGO']);
    expect(c.jobs.get('J1412')?.legalCertifications).toEqual(['DE_PSYCHOMOT']);
  });
});

describe('certifications', () => {
  it('DEAS 2021: 5 blocs, 10 modules, 693 h of modules + 77 h outside blocs = 770 h of theory', () => {
    const deas = c.certifications.get('DEAS')!;
    expect(deas.blocks).toHaveLength(5);
    const modules = deas.blocks!.flatMap((b) => b.modules ?? []);
    expect(modules.map((m) => m.code)).toEqual(Array.from({ length: 10 }, (_, i) => `DEAS_M${i + 1}`));
    const moduleHours = modules.reduce((s, m) => s + m.hours!, 0);
    const extra = deas.extraHours!.filter((e) => e.inTheory).reduce((s, e) => s + e.hours, 0);
    expect(moduleHours).toBe(693);
    expect(moduleHours + extra).toBe(770);
    expect(deas.theoryHours).toBe(770);
    expect(deas.totalHours).toBe(1540);
    // M1, M2 hours are sourced; M3–M10 are [K].
    expect(modules.filter((m) => m.verified === false).map((m) => m.code)).toEqual(modules.slice(2).map((m) => m.code));
    expect(deas.access).toMatchObject({ minAge: 17, frenchLevelForeigners: 'B2', requirementKind: 'legal' });
  });

  it('DEAES 2021 adds up (546 h theory + 840 h practice + 21 h AFGSU 2) and carries no invented bloc hours', () => {
    const d = c.certifications.get('DEAES')!;
    expect(d.totalHours).toBe(1407);
    expect(d.blocks?.every((b) => b.hours === undefined && !b.verified)).toBe(true);
  });

  it('titles professionnels have their 3 CCP', () => {
    expect(c.certifications.get('TP_ADVF')?.blocks?.map((b) => b.code)).toEqual(['TP_ADVF_CCP1', 'TP_ADVF_CCP2', 'TP_ADVF_CCP3']);
    expect(c.certifications.get('TP_ASMS')?.blocks?.map((b) => b.code)).toEqual(['TP_ASMS_CCP1', 'TP_ASMS_CCP2', 'TP_ASMS_CCP3']);
    expect(c.certifications.get('TP_ASMS')?.access?.requirementKind).toBe('provider');
  });

  it('historic diplomas say the 2016 deemed-DEAES rule was abrogated and do not count as DEAES today', () => {
    for (const code of ['DEAVS', 'MCAD', 'CAFAD', 'DEAMP', 'CAFAMP']) {
      const h = c.certifications.get(code)!;
      expect(h.kind, code).toBe('historic');
      expect(h.historic?.countsAs, code).toBeUndefined();
      expect(h.historic?.note, code).toMatch(/2021-1133/);
      expect(h.historic?.verified, code).toBe(true);
    }
    const deemed = ref.bridges.filter((b) => b.effect === 'deemed_holder' && b.to === 'DEAES' && b.regime === '2016');
    expect(deemed.map((b) => b.from).sort()).toEqual(['CAFAD', 'CAFAMP', 'DEAMP', 'DEAVS', 'MCAD']);
    expect(deemed.every((b) => b.historic)).toBe(true);
  });

  it('prerequisites are kind prerequisite', () => {
    for (const code of ['PERMIS_B', 'FLE_A1', 'FLE_A2', 'FLE_B1', 'FLE_B2', 'SST', 'AFGSU2']) {
      expect(c.certifications.get(code)?.kind, code).toBe('prerequisite');
    }
  });
});

describe('bridges', () => {
  it('grants 2021 units only where stated, and marks the reported DEAES → DEAS bloc 5 unverified', () => {
    const b = ref.bridges.find((x) => x.from === 'DEAES' && x.to === 'DEAS')!;
    expect(b.grants).toEqual([{ unit: 'DEAS_B5', kind: 'equivalence' }]);
    expect(b.verified).toBe(false);
    for (const x of ref.bridges.filter((y) => y.historic)) expect(x.grants, `${x.from}>${x.to}`).toEqual([]);
  });

  it('ASHQ / agents de service with a year of service are admitted to the DEAS without selection', () => {
    const b = ref.bridges.find((x) => x.from === '*' && x.to === 'DEAS')!;
    expect(b.effect).toBe('admission');
    expect(b.requires?.experienceMonths).toBe(12);
    expect(b.requires?.rome).toContain('J1301');
    expect(b.verified).toBe(true);
  });
});

describe('funding and categories', () => {
  const f = (code: string) => c.funding.get(code)!;
  it('encodes age rules with their RQTH exceptions', () => {
    expect(f('APPRENTISSAGE').eligibility).toMatchObject({ maxAge: 29, ageExceptions: [{ category: 'RQTH', maxAge: null }] });
    expect(f('CEJ').eligibility).toMatchObject({ maxAge: 25, ageExceptions: [{ category: 'RQTH', maxAge: 29 }] });
  });

  it('encodes employer statuses, hour caps and the CPF participation', () => {
    expect(f('PEC').eligibility.employerStatuses?.sort()).toEqual(['prive_non_lucratif', 'public']);
    expect(f('FIPHFP').eligibility.employerStatuses).toEqual(['public']);
    expect(f('AGEFIPH').eligibility.employerStatuses).not.toContain('public');
    expect(f('POEI').eligibility.maxHoursTiers?.map((t) => t.maxHours)).toEqual([300, 450, 600]);
    expect(f('POEC').eligibility.maxHours).toBe(400);
    expect(f('POEC').verified).toBe(false);
    expect(f('CPF').traineeCost).toBe(102.23);
    expect(f('CPF').traineeCostExemptStatuses).toEqual(['demandeur_emploi']);
  });

  it('maps session funding codes onto schemes', () => {
    const mapped = new Set(ref.funding.map((x) => x.sessionFunding).filter(Boolean));
    const schemeBacked = FundingCode.options.filter((x) => x !== 'OPCO' && x !== 'AUTOFINANCEMENT');
    expect(schemeBacked.filter((x) => !mapped.has(x))).toEqual([]);
  });

  it('no category may lower score, eligibility, rank or pathway rank', () => {
    for (const x of ref.categories) expect(x.neverLowers).toEqual(['score', 'eligibility', 'rank', 'pathway_rank']);
  });
});

describe('vocabulary', () => {
  it('links physical demands, restrictions and adaptations exactly as MODEL.md lists', () => {
    expect(ref.physicalDemands.map((d) => [d.code, d.restriction, d.liftedBy])).toEqual(DEMANDS);
    expect(c.adaptations.get('lift_equipment')?.aid).toBe('AGEFIPH_ADAPTATION');
  });

  it('classes home services as domicile', () => {
    const domicile = ref.structureKinds.filter((k) => k.sector === 'domicile').map((k) => k.code).sort();
    expect(domicile).toEqual(['PARTICULIER', 'SAD', 'SAMSAH', 'SAVS']);
  });
});
