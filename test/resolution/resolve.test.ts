import { describe, expect, it } from 'vitest';
import { createResolver, resolveCertification, resolveJobTitle } from '../../src/referential/resolve.js';
import { defaultReferential } from '../../src/referential/index.js';
import type { Referential } from '../../src/referential/types.js';
import { romeAppellations, romeFiches } from '../../src/referential/rome/index.js';

describe('ROME v3 data', () => {
  it('holds the 532 fiches and the 11 061 appellations', () => {
    expect(romeFiches().size).toBe(532);
    expect(romeFiches().get('K1302')).toBe('Assistance auprès d\'adultes');
    expect(romeAppellations()).toHaveLength(11_061);
    expect(romeAppellations().find((a) => a.code === '11456')).toEqual({ code: '11456', rome: 'K1302', label: 'Auxiliaire de Vie Sociale -AVS-' });
  });
});

describe('resolveJobTitle', () => {
  it('resolves the ad examples of the brief', () => {
    expect(resolveJobTitle('Aide soignant(e) de nuit H/F – CDI 80 %')).toMatchObject({ rome: 'J1501', inSector: true, romeVersion: 'v3' });
    expect(resolveJobTitle('auxilaire de vie secteur Alençon')).toMatchObject({ rome: 'K1302', inSector: true });
    expect(resolveJobTitle('AES en MAS')).toMatchObject({ rome: 'K1301', inSector: true });
    expect(resolveJobTitle('ASH')).toMatchObject({ rome: 'J1301' });
    expect(resolveJobTitle('ASH en EHPAD')).toMatchObject({ rome: 'J1301', inSector: true });
    // CV lines that name the job through its certification.
    expect(resolveJobTitle('DE AES')).toMatchObject({ rome: 'K1301', inSector: true });
    expect(resolveJobTitle("diplome d'etat d'aide soignante")).toMatchObject({ rome: 'J1501', inSector: true });
    expect(resolveJobTitle('titre pro ADVF')).toMatchObject({ rome: 'K1302', inSector: true });
    expect(resolveJobTitle('titre pro ADVF')!.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('ASG: the official file (K1301) decides whatever the context; J1501 is an unverified alternative', () => {
    for (const t of ['ASG', 'ASG en PASA', 'ASG EHPAD', 'Assistante de soins en gérontologie (ASG) H/F']) {
      expect(resolveJobTitle(t)?.rome, t).toBe('K1301');
    }
    expect(resolveJobTitle('ASG en PASA')?.alternatives).toContainEqual(expect.objectContaining({ rome: 'J1501', verified: false }));
  });

  it('shared fiches are in the sector only with a sector context', () => {
    expect(resolveJobTitle('commis de cuisine')).toMatchObject({ rome: 'G1602', inSector: false });
    expect(resolveJobTitle('cuisinier en EHPAD')).toMatchObject({ rome: 'G1602', inSector: true });
    expect(resolveJobTitle('commis de cuisine', { sectorContext: true })).toMatchObject({ rome: 'G1602', inSector: true });
    expect(resolveJobTitle('agent de propreté en maison de retraite')).toMatchObject({ rome: 'K2204', inSector: true });
  });

  it('a title outside the sector resolves to its own fiche, out of the sector', () => {
    expect(resolveJobTitle('développeur web')).toMatchObject({ rome: 'M1805', inSector: false });
    expect(resolveJobTitle('Comptable H/F - CDI - Lyon')).toMatchObject({ rome: 'M1203', inSector: false });
    expect(resolveJobTitle('vendeuse en boulangerie')?.inSector).toBe(false);
  });

  it('AVS: home care by default, school with a school context', () => {
    const plain = resolveJobTitle('AVS');
    expect(plain?.rome).toBe('K1302');
    expect(plain?.alternatives.map((a) => a.rome)).toContain('K2104');
    expect(resolveJobTitle('AVS à domicile')?.rome).toBe('K1302');
    const school = resolveJobTitle('AVS en école primaire');
    expect(school).toMatchObject({ rome: 'K2104', inSector: false });
    expect(school?.alternatives.map((a) => a.rome)).toContain('K1302');
    expect(resolveJobTitle('AVS collège ULIS')?.rome).toBe('K2104');
  });

  it('"aide à domicile": the official file (K1304) decides, K1302 is an unverified alternative', () => {
    const r = resolveJobTitle('Aide à domicile H/F');
    expect(r?.rome).toBe('K1304');
    expect(r?.alternatives.find((a) => a.rome === 'K1302')).toMatchObject({ verified: false });
    // Personal care in the ad points to K1302 (REFERENCE.md §1.2 notes).
    expect(resolveJobTitle('aide à domicile - toilette, transferts')?.rome).toBe('K1302');
    expect(resolveJobTitle('aide à domicile - ménage, repassage')?.rome).toBe('K1304');
  });

  it('does not correct short words, corrects one letter in long words', () => {
    // "vente" must not become "verte": no edit on words under 8 letters.
    expect(resolveJobTitle('auxilaire de vie')?.method).toBe('fuzzy');
    expect(resolveJobTitle('xqzwv')).toBeNull();
    expect(resolveJobTitle('')).toBeNull();
    expect(resolveJobTitle('H/F CDI 35h')).toBeNull();
    // 7 letters, one letter off: no edit ("plombier", "vendeuse" are not guessed).
    expect(resolveJobTitle('plombir')).toBeNull();
    expect(resolveJobTitle('vendeus')).toBeNull();
    expect(resolveJobTitle('plombierr')).toMatchObject({ rome: 'F1603', method: 'fuzzy' });
    // The words that misled La bonne alternance stay what they are.
    expect(resolveJobTitle('vente')?.matched).not.toMatch(/vert/i);
    expect(resolveJobTitle('verte')).toBeNull();
    expect(resolveJobTitle('manager')?.matched).not.toMatch(/manger/i);
    expect(resolveJobTitle('manger')).toBeNull();
  });

  it('a word only other trades use turns a sector term into that trade, or into no answer', () => {
    expect(resolveJobTitle('Aide-soignant vétérinaire')).toMatchObject({ rome: 'A1501', inSector: false });
    expect(resolveJobTitle('Intendant - lycée')).toMatchObject({ rome: 'M1203', inSector: false });
    // "agent de soins" is a term the referential calls ambiguous: too weak against "animaliers".
    expect(resolveJobTitle('Agent de soins animaliers')).toBeNull();
    // Words of the sector's own titles do not count ("puériculture", "hospitalier"), nor town names
    // reached by a one-letter correction.
    expect(resolveJobTitle('Aide-soignante en puériculture')).toMatchObject({ rome: 'J1501', inSector: true });
    expect(resolveJobTitle('Aide a domicile - Mortagne')).toMatchObject({ rome: 'K1304', inSector: true });
    // A word of another trade that no close entry of that trade explains leaves the sector job.
    expect(resolveJobTitle('Moniteur éducateur internat')).toMatchObject({ rome: 'K1207', inSector: true });
  });

  it('reads ad wording: swapped letters, "faisant fonction", the employer, context words that break ties', () => {
    expect(resolveJobTitle('aide soingante ehpad')).toMatchObject({ rome: 'J1501', inSector: true, method: 'fuzzy' });
    expect(resolveJobTitle("IDE faisant fonction d'IDEC")).toMatchObject({ rome: 'J1506', inSector: true });
    expect(resolveJobTitle("Faisant fonction d'AS - EHPAD")).toMatchObject({ rome: 'J1501', inSector: true });
    expect(resolveJobTitle('Assistante de vie - particulier employeur')).toMatchObject({ rome: 'K1302', inSector: true });
    expect(resolveJobTitle('Accompagnant de personnes âgées à domicile')).toMatchObject({ rome: 'K1302', inSector: true });
    expect(resolveJobTitle('Responsable de secteur aide à domicile')).toMatchObject({ rome: 'K1403', inSector: true });
    expect(resolveJobTitle('Responsable de secteur')).toMatchObject({ rome: 'K1403', inSector: false });
    // REFERENCE.md §1.2: veilleur de nuit is an ESMS night-watch title, routed like surveillant de nuit.
    expect(resolveJobTitle('Veilleuse de nuit - MAS')).toMatchObject({ rome: 'K1302', inSector: true });
    expect(resolveJobTitle('veilleur de nuit entrepôt')).toMatchObject({ rome: 'K2503', inSector: false });
    expect(resolveJobTitle('Veilleur de nuit - hôtel')?.inSector ?? false).toBe(false);
  });

  it('carries versions and alternatives in the result', () => {
    const r = resolveJobTitle('cuisinier');
    expect(r).toMatchObject({ romeVersion: 'v3', referentialVersion: defaultReferential.version });
    expect(Array.isArray(r?.alternatives)).toBe(true);
  });

  it('works with an extended referential', () => {
    const extended: Referential = {
      ...defaultReferential,
      version: 'test-extended',
      jobs: [
        ...defaultReferential.jobs,
        {
          rome: 'K2503', label: 'Veilleur', synonyms: ['veilleur de résidence'], sector: 'etablissement', core: true,
          diploma: 'NONE', source: 'test', verified: false,
        },
      ],
    };
    const r = createResolver(extended).resolveJobTitle('Veilleur de résidence');
    expect(r).toMatchObject({ rome: 'K2503', inSector: true, referentialVersion: 'test-extended' });
  });

  it('bounds its cache', () => {
    const small = createResolver(defaultReferential, { cacheSize: 3 });
    for (const t of ['aide soignante', 'infirmier', 'ASH', 'AES', 'AVS']) small.resolveJobTitle(t);
    expect(small.cacheSize).toBe(3);
    small.clearCache();
    expect(small.cacheSize).toBe(0);
  });
});

describe('resolveCertification', () => {
  it('reads diploma lines', () => {
    expect(resolveCertification('DE AES')?.code).toBe('DEAES');
    expect(resolveCertification("diplome d'etat d'aide soignante")?.code).toBe('DEAS');
    expect(resolveCertification('titre pro ADVF')?.code).toBe('TP_ADVF');
    expect(resolveCertification('AES en MAS')?.code).toBe('DEAES');
    expect(resolveCertification('Aide soignant(e) de nuit H/F – CDI 80 %')?.code).toBe('DEAS');
    // A job, not a certification.
    expect(resolveCertification('ASH')).toBeNull();
  });

  it('does not take a certification of the same kind for the one named', () => {
    // Only the kind word ("CAP", "bac pro", "titre pro") is shared with a referential certification.
    expect(resolveCertification('CAP cuisine')).toBeNull();
    expect(resolveCertification('Bac pro commerce')).toBeNull();
    expect(resolveCertification('titre pro vendeur')).toBeNull();
    expect(resolveCertification('CAP petite enfance')?.code).toBe('CAP_AEPE');
    expect(resolveCertification('Bac pro ASSP option structure')?.code).toBe('BAC_PRO_ASSP');
    expect(resolveCertification('zzzz')).toBeNull();
  });

  it('does not take a certification outside the referential for a near one (the audit examples)', () => {
    // Shares "DE éducateur … spécialisé" with the DEES, but "technique" names another diploma (DEETS).
    expect(resolveCertification('DE éducateur technique spécialisé')).toBeNull();
    // The DEES's "spécialisé" is missing: the DEEJE.
    expect(resolveCertification('DE éducateur de jeunes enfants')).toBeNull();
    expect(resolveCertification("titre pro agent de propreté et d'hygiène")).toBeNull();
    expect(resolveCertification('DE CESF')).toBeNull();
    expect(resolveCertification('DE conseillère en économie sociale et familiale')).toBeNull();
    // A word of another certification before the name: a motorbike licence, not French A2.
    expect(resolveCertification('permis moto A2')).toBeNull();
    expect(resolveCertification('AFGSU 1')).toBeNull();
    // "DEIS" is not the plural of "DEI".
    expect(resolveCertification('DEIS ingénierie sociale')).toBeNull();
  });

  it('still reads the school, year and status written after the name, and the abbreviation before it', () => {
    expect(resolveCertification('DE éducateur spécialisé obtenu en 2019 (IRTS de Caen)')?.code).toBe('DEES');
    expect(resolveCertification('DEAS en cours (VAE)')?.code).toBe('DEAS');
    expect(resolveCertification('SST (sauveteur secouriste du travail)')?.code).toBe('SST');
    expect(resolveCertification('Bac professionnel ASSP option domicile')?.code).toBe('BAC_PRO_ASSP');
    expect(resolveCertification('auxiliaire puéricultrice diplômée d\'état')?.code).toBe('DEAP');
    expect(resolveCertification('DE puéricultrice')).toBeNull();
  });
});
