/**
 * Bridges between certifications (REFERENCE.md §3): equivalences, allègements, admissions de droit.
 *
 * A bridge is verified only when everything it states is [S]. Units are granted only where
 * REFERENCE.md names them; modules of the 2005/2006 regimes do not map onto the 2021 module codes
 * (different numbering and content), so those edges keep their content in `note` and are historic.
 * The notes an advisor reads (admissions, in pathway steps) are written in French.
 */
import { ANY_CERTIFICATION, type Bridge } from '../types.js';

const REF3 = 'REFERENCE.md §3';
const DEAS_2005 = 'arrêté 22 Oct 2005 (DEAS, abrogated 2022)';
const DEAP_2006 = 'DEAP 2006 regime (abrogated 2022)';
const ANNEX_VII = 'DEAS 2021 arrêté art. 14 / annex VII, amended 28 Oct 2022, 9 Jun 2023, 5 Dec 2025';
const DEAES_ADMISSION = 'arrêté 30 Aug 2021 art. 2 (DEAES), as of 18 Mar 2022';
const DEEMED_DEAES = 'CASF D451-92 (décret 2016-74), abrogated by décret 2021-1133 of 30 Aug 2021';

/** Experience of agents de service and home-care workers that counts for the DEAS direct admission. */
const AGENT_SERVICE_ROME = ['J1301', 'K2204', 'K1302', 'K1304'];

function historicToDeas(from: string, note: string, source: string, verified = true): Bridge {
  return { from, to: 'DEAS', grants: [], effect: 'partial_cursus', regime: '2005', historic: true, note, source, verified };
}

function historicToDeap(from: string, note: string): Bridge {
  return { from, to: 'DEAP', grants: [], effect: 'partial_cursus', regime: '2006', historic: true, note, source: `${DEAP_2006}; ${REF3}`, verified: true };
}

function annexViiToDeas(from: string, note: string): Bridge {
  return { from, to: 'DEAS', grants: [], effect: 'partial_cursus', regime: '2021', historic: false, note, source: ANNEX_VII, verified: true };
}

export const bridges: Bridge[] = [
  // ── DEAS, 2005 regime (historic, legacy data only) ──
  historicToDeas('DEAP', 'modules 2, 4, 5, 6, 7 et 8 de 2005 dispensés ; modules 1 et 3 à suivre ; dispense des épreuves de sélection ; tous les stages auprès d’adultes, dont des personnes âgées', `${DEAS_2005} art. 18`),
  historicToDeas('BAC_PRO_ASSP', 'modules 1, 4, 6, 7 et 8 de 2005 dispensés ; modules 2, 3 et 5 à suivre et 12 semaines de stage (dont au moins une en court séjour)', 'arrêté 21 May 2014 (2005 regime)'),
  historicToDeas('BAC_PRO_SAPAT', 'modules 1, 4, 7 et 8 de 2005 dispensés ; modules 2, 3, 5 et 6 à suivre et 14 semaines de stage', `${DEAS_2005}; ${REF3}`),
  historicToDeas('DE_AMBULANCIER', 'cursus partiel : 4 modules à suivre (numérotation de 2005)', `${DEAS_2005}; ${REF3}`),
  historicToDeas('DEAVS', 'cursus partiel avec une liste de modules réduite ; modules exacts [U]', 'CHU Poitiers table (2005 regime)'),
  historicToDeas('MCAD', 'cursus partiel avec une liste de modules réduite ; modules exacts [U]', 'CHU Poitiers table (2005 regime)'),
  historicToDeas('DEAES_2016', 'DEAES « domicile » ou « structure » : cursus partiel avec une liste de modules réduite ; modules exacts [U]', 'CHU Poitiers table (2005 regime)'),
  historicToDeas('DEAMP', 'cursus partiel avec une liste de modules réduite ; modules exacts [U]', 'CHU Poitiers table (2005 regime)'),
  historicToDeas('TP_ADVF', 'cursus partiel avec une liste de modules réduite ; modules exacts [U]', 'CHU Poitiers table (2005 regime)'),

  // ── DEAS, 2021 regime ──
  {
    from: 'DEAES',
    to: 'DEAS',
    grants: [{ unit: 'DEAS_B5', kind: 'equivalence' }],
    effect: 'partial_cursus',
    regime: '2021',
    historic: false,
    note: 'Un bloc est rendu équivalent entre DEAES et DEAS [S] ; qu’il s’agisse du bloc 5 (travail en équipe, traitement des informations) est seulement rapporté [U] ; autres allègements selon l’annexe VII [U].',
    source: `${ANNEX_VII}; ${REF3}`,
    verified: false,
  },
  annexViiToDeas('TP_ADVF', 'inscrit à l’art. 14 et à l’annexe VII (équivalences ou allègements) ; unités à reprendre de l’annexe'),
  {
    from: 'TP_ASMS',
    to: 'DEAS',
    grants: [{ unit: 'DEAS_B4', kind: 'equivalence' }],
    effect: 'partial_cursus',
    regime: '2021',
    historic: false,
    note: 'Inscrit à l’annexe VII [S] ; l’équivalence entre le CCP « nettoyage, bionettoyage » et le bloc 4 du DEAS (entretien) est seulement plausible [U].',
    source: `${ANNEX_VII}; ${REF3}`,
    verified: false,
  },
  annexViiToDeas('BAC_PRO_ASSP', 'inscrit à l’annexe VII ; le Bac pro ASSP rénové (2022) y a été ajouté par l’arrêté du 5 décembre 2025 ; unités à reprendre de l’annexe'),
  annexViiToDeas('BAC_PRO_SAPAT', 'inscrit à l’art. 14 et à l’annexe VII ; unités à reprendre de l’annexe'),
  annexViiToDeas('DEAP', 'inscrit à l’art. 14 et à l’annexe VII ; unités à reprendre de l’annexe'),
  annexViiToDeas('DE_AMBULANCIER', 'le DE d’ambulancier de 2022 a été ajouté à l’annexe VII par l’arrêté du 5 décembre 2025 ; unités à reprendre de l’annexe'),
  {
    from: ANY_CERTIFICATION,
    to: 'DEAS',
    grants: [],
    effect: 'admission',
    regime: '2021',
    historic: false,
    requires: {
      experienceMonths: 12,
      rome: AGENT_SERVICE_ROME,
      note: 'ASHQ de la fonction publique hospitalière ou agents de service justifiant d’au moins un an en équivalent temps plein, cumulé, en établissement sanitaire ou médico-social (public ou privé) ou en SAAD / à domicile ; dispensés de sélection, admis sur décision du directeur de l’IFAS',
    },
    note: 'Remplace la règle initiale de 2020 (au moins 10 % des places pour des ASHQ de 3 ans d’ancienneté, choisis par l’employeur).',
    source: 'arrêté 7 Apr 2020 art. 11 as modified, as of Dec 2025 (ifas-sables.fr, intercariforef.org)',
    verified: true,
  },
  {
    from: 'PREQUALIF_GRAND_AGE',
    to: 'DEAS',
    grants: [],
    effect: 'admission',
    regime: '2021',
    historic: false,
    requires: { experienceMonths: 6, rome: AGENT_SERVICE_ROME, note: 'la formation de 70 h aux soins d’hygiène et de confort de la personne âgée et au moins 6 mois en équivalent temps plein' },
    note: 'Règle sourcée [S] ; que sa formation de 70 h soit le parcours préqualifiant grand âge est une hypothèse [U].',
    source: 'arrêté 7 Apr 2020 art. 11 as modified (ifas-sables.fr)',
    verified: false,
  },

  // ── DEAP, 2006 regime (historic) and 2021 ──
  historicToDeap('DEAS', 'seulement les modules 1 et 3 à suivre : 9 semaines de cours et 12 semaines de stage (au lieu de 17 et 24)'),
  historicToDeap('BAC_PRO_ASSP', 'modules 1, 2, 3 et 5 à suivre : 13 semaines de cours et 18 semaines de stage'),
  historicToDeap('BAC_PRO_SAPAT', 'modules 1, 2, 3, 5 et 6 à suivre : 14 semaines de cours et 20 semaines de stage'),
  historicToDeap('DEAMP', 'modules 1, 2, 3 et 6 à suivre : 12 semaines de cours et 18 semaines de stage'),
  historicToDeap('DEAVS', 'modules 1, 2, 3, 6 et 8 à suivre : 13 semaines de cours et 18 semaines de stage'),
  historicToDeap('MCAD', 'modules 1, 2, 3, 6 et 8 à suivre : 13 semaines de cours et 18 semaines de stage'),
  {
    from: 'DEAS',
    to: 'DEAP',
    grants: [],
    effect: 'partial_cursus',
    regime: '2021',
    historic: false,
    note: 'Large équivalence (blocs communs 3 à 5) et allègements sur les blocs 1 et 2 [U] ; blocs du DEAP non encodés.',
    source: REF3,
    verified: false,
  },

  // ── DEAES ──
  ...['DEAVS', 'CAFAD', 'MCAD'].map(
    (from): Bridge => ({
      from,
      to: 'DEAES',
      grants: [],
      effect: 'deemed_holder',
      regime: '2016',
      historic: true,
      note: 'réputé·e titulaire du DEAES spécialité « accompagnement de la vie à domicile », de 2016 à 2021 seulement : règle abrogée',
      source: DEEMED_DEAES,
      verified: true,
    }),
  ),
  ...['DEAMP', 'CAFAMP'].map(
    (from): Bridge => ({
      from,
      to: 'DEAES',
      grants: [],
      effect: 'deemed_holder',
      regime: '2016',
      historic: true,
      note: 'réputé·e titulaire du DEAES spécialité « accompagnement de la vie en structure collective », de 2016 à 2021 seulement : règle abrogée',
      source: DEEMED_DEAES,
      verified: true,
    }),
  ),
  ...['DEAVS', 'DEAMP', 'DEAES_2016'].map(
    (from): Bridge => ({
      from,
      to: 'DEAES',
      grants: [],
      effect: 'admission',
      regime: '2021',
      historic: false,
      note: 'les titulaires d’au moins un domaine de compétences de l’ancien DEAES, du DEAMP ou du DEAVS sont admis de droit (positionnement seulement)',
      source: DEAES_ADMISSION,
      verified: true,
    }),
  ),
  ...['DE_ASSISTANT_FAMILIAL', 'DEAS', 'DEAP'].map(
    (from): Bridge => ({
      from,
      to: 'DEAES',
      grants: [],
      effect: 'partial_cursus',
      regime: '2021',
      historic: false,
      note: 'diplôme de l’annexe V : admission de droit et allègements ou dispenses de certains blocs (parcours partiel) ; blocs non précisés',
      source: DEAES_ADMISSION,
      verified: true,
    }),
  ),
  ...['TP_ADVF', 'BAC_PRO_ASSP', 'BAC_PRO_SAPAT'].map(
    (from): Bridge => ({
      from,
      to: 'DEAES',
      grants: [],
      effect: 'partial_cursus',
      regime: '2021',
      historic: false,
      note: 'rapporté à l’annexe V [U] : admission de droit et allègements de certains blocs',
      source: `${DEAES_ADMISSION}; ${REF3}`,
      verified: false,
    }),
  ),
  {
    from: 'PREQUALIF_GRAND_AGE',
    to: 'DEAES',
    grants: [],
    effect: 'admission',
    regime: '2021',
    historic: false,
    note: 'admission de droit après un entretien de positionnement',
    source: `instruction DGCS/DGEFP 2021/72 (1 Apr 2021); ${DEAES_ADMISSION}`,
    verified: true,
  },
  {
    from: 'DEAES_2016',
    to: 'DEAES',
    grants: [],
    effect: 'deemed_holder',
    regime: '2021',
    historic: false,
    note: 'les spécialités ont été fusionnées en un seul DEAES le 1er septembre 2021 [S] ; que leurs titulaires détiennent le DEAES actuel est une lecture de cette fusion [U]',
    source: 'geroscopie.fr (Diplômes : ce qui change); décret 2021-1133',
    verified: false,
  },

  // ── TP ADVF ──
  ...['DEAS', 'DEAP', 'DEAVS'].map(
    (from): Bridge => ({
      from,
      to: 'TP_ADVF',
      grants: [],
      effect: 'partial_cursus',
      regime: '2008',
      historic: true,
      note: 'équivalence d’un ou plusieurs CCP selon l’arrêté de 2008 (CCP non précisés) ; liste actuelle [U]. La liste cite aussi le CQP assistant de vie et le CQP garde d’enfant.',
      source: 'arrêté 2008 (TP ADVF equivalences); REFERENCE.md §3',
      verified: true,
    }),
  ),
  {
    from: 'TP_ADVF',
    to: 'DEAVS',
    grants: [],
    effect: 'partial_cursus',
    regime: '2007',
    historic: true,
    note: 'allègement du DF1, dispense du DF2 (tableau de 2007)',
    source: 'arrêté 4 Jun 2007 annex IV (DEAVS)',
    verified: true,
  },

  // ── DEME, DEES, DETISF ──
  ...['BAC', 'DEAES', 'DETISF', 'DE_ASSISTANT_FAMILIAL', 'DEAMP', 'DEAVS', 'MCAD', 'BPJEPS_ANIMATION_SOCIALE'].map(
    (from): Bridge => ({
      from,
      to: 'DEME',
      grants: [],
      effect: 'written_test_waived',
      regime: '2021',
      historic: false,
      note: 'dispense de l’épreuve écrite d’admission ; l’oral demeure',
      source: 'ash.tm.fr/hebdo/2516; espestsam.free.fr (DEME admission)',
      verified: true,
    }),
  ),
  {
    from: 'DEME',
    to: 'DEES',
    grants: [],
    effect: 'partial_cursus',
    regime: '2021',
    historic: false,
    note: 'allègement sur demande (commission pédagogique) ; unités non précisées',
    source: 'lemediasocial-emploi.fr (14 Nov 2018); REFERENCE.md §3',
    verified: true,
  },
  {
    from: 'DEME',
    to: 'DETISF',
    grants: [],
    effect: 'partial_cursus',
    regime: '2021',
    historic: false,
    note: 'allègement, de 3 domaines de formation sur 6 selon certaines sources [U]',
    source: REF3,
    verified: false,
  },

  // ── DE infirmier, ASG ──
  {
    from: ANY_CERTIFICATION,
    to: 'DEI',
    grants: [],
    effect: 'eligibility',
    regime: '2009',
    historic: false,
    requires: { experienceMonths: 36, rome: [], note: 'au moins 3 ans de cotisation à un régime de protection sociale (tout emploi) ; entretien sur dossier et épreuve écrite, au moins 8/20 à chacun ; aucune dispense de module [K]' },
    note: 'voie de la formation professionnelle continue, le parcours habituel d’aide-soignant·e vers infirmier·ère',
    source: 'arrêté 31 Jul 2009 mod. 13 Dec 2018 (anfh.fr, ifsi-ifasprovins.fr)',
    verified: true,
  },
  ...['DEAS', 'DEAMP', 'DEAVS'].map(
    (from): Bridge => ({
      from,
      to: 'ASG',
      grants: [],
      effect: 'eligibility',
      regime: '2010',
      historic: false,
      requires: { note: 'en poste auprès de personnes atteintes de la maladie d’Alzheimer ou apparentée' },
      note: 'aide-soignant·e, AMP ou AVS : 140 h, sans allègement',
      source: 'arrêté 23 Jun 2010 (directions.fr, banquedesterritoires.fr)',
      verified: true,
    }),
  ),
  {
    from: 'DEAES',
    to: 'ASG',
    grants: [],
    effect: 'eligibility',
    regime: '2010',
    historic: false,
    requires: { note: 'en poste auprès de personnes atteintes de la maladie d’Alzheimer ou apparentée' },
    note: 'l’éligibilité formelle de l’AES (créé en 2016) n’est pas confirmée [U]',
    source: REF3,
    verified: false,
  },
];
