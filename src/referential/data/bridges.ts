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
  historicToDeas('DEAP', '2005 modules 2, 4, 5, 6, 7, 8 dispensed; modules 1 and 3 to follow; selection tests waived; all stages with adults incl. elderly', `${DEAS_2005} art. 18`),
  historicToDeas('BAC_PRO_ASSP', '2005 modules 1, 4, 6, 7, 8 dispensed; modules 2, 3, 5 to follow + 12 weeks of stage (≥1 in court séjour)', 'arrêté 21 May 2014 (2005 regime)'),
  historicToDeas('BAC_PRO_SAPAT', '2005 modules 1, 4, 7, 8 dispensed; modules 2, 3, 5, 6 to follow + 14 weeks of stage', `${DEAS_2005}; ${REF3}`),
  historicToDeas('DE_AMBULANCIER', 'partial cursus: 4 modules to follow (2005 numbering)', `${DEAS_2005}; ${REF3}`),
  historicToDeas('DEAVS', 'partial cursus with a reduced module list; exact modules [U]', 'CHU Poitiers table (2005 regime)'),
  historicToDeas('MCAD', 'partial cursus with a reduced module list; exact modules [U]', 'CHU Poitiers table (2005 regime)'),
  historicToDeas('DEAES_2016', 'DEAES "domicile" / "structure": partial cursus with a reduced module list; exact modules [U]', 'CHU Poitiers table (2005 regime)'),
  historicToDeas('DEAMP', 'partial cursus with a reduced module list; exact modules [U]', 'CHU Poitiers table (2005 regime)'),
  historicToDeas('TP_ADVF', 'partial cursus with a reduced module list; exact modules [U]', 'CHU Poitiers table (2005 regime)'),

  // ── DEAS, 2021 regime ──
  {
    from: 'DEAES',
    to: 'DEAS',
    grants: [{ unit: 'DEAS_B5', kind: 'equivalence' }],
    effect: 'partial_cursus',
    regime: '2021',
    historic: false,
    note: 'One bloc is made equivalent between DEAES and DEAS [S]; that it is bloc 5 (travail en équipe / traitement des informations) is reported only [U]; other allègements per annex VII [U].',
    source: `${ANNEX_VII}; ${REF3}`,
    verified: false,
  },
  annexViiToDeas('TP_ADVF', 'listed in art. 14 / annex VII (équivalences or allègements); units to encode from the annex'),
  {
    from: 'TP_ASMS',
    to: 'DEAS',
    grants: [{ unit: 'DEAS_B4', kind: 'equivalence' }],
    effect: 'partial_cursus',
    regime: '2021',
    historic: false,
    note: 'Listed in annex VII [S]; the CCP "nettoyage / bionettoyage" ↔ DEAS bloc 4 (entretien) equivalence is only plausible [U].',
    source: `${ANNEX_VII}; ${REF3}`,
    verified: false,
  },
  annexViiToDeas('BAC_PRO_ASSP', 'listed in annex VII; the rénové Bac Pro ASSP (2022) was added by the arrêté of 5 Dec 2025; units to encode from the annex'),
  annexViiToDeas('BAC_PRO_SAPAT', 'listed in art. 14 / annex VII; units to encode from the annex'),
  annexViiToDeas('DEAP', 'listed in art. 14 / annex VII; units to encode from the annex'),
  annexViiToDeas('DE_AMBULANCIER', 'the 2022 DE ambulancier was added to annex VII by the arrêté of 5 Dec 2025; units to encode from the annex'),
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
  historicToDeap('DEAS', 'only modules 1 and 3 to follow: 9 weeks of courses + 12 weeks of stages (instead of 17 + 24)'),
  historicToDeap('BAC_PRO_ASSP', 'modules 1, 2, 3, 5 to follow: 13 weeks of courses + 18 weeks of stages'),
  historicToDeap('BAC_PRO_SAPAT', 'modules 1, 2, 3, 5, 6 to follow: 14 weeks + 20 weeks'),
  historicToDeap('DEAMP', 'modules 1, 2, 3, 6 to follow: 12 weeks + 18 weeks'),
  historicToDeap('DEAVS', 'modules 1, 2, 3, 6, 8 to follow: 13 weeks + 18 weeks'),
  historicToDeap('MCAD', 'modules 1, 2, 3, 6, 8 to follow: 13 weeks + 18 weeks'),
  {
    from: 'DEAS',
    to: 'DEAP',
    grants: [],
    effect: 'partial_cursus',
    regime: '2021',
    historic: false,
    note: 'Large equivalence (common blocs 3–5) + allègements on blocs 1–2 [U]; DEAP blocs not encoded.',
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
      note: 'deemed holder of the DEAES spécialité "accompagnement de la vie à domicile", 2016–2021 only: not current law',
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
      note: 'deemed holder of the DEAES spécialité "accompagnement de la vie en structure collective", 2016–2021 only: not current law',
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
      note: 'Annex V diploma: admitted de droit + allègements/dispenses of some blocs (parcours partiel); blocs not stated',
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
      note: 'reported in Annex V [U]: admitted de droit + allègements of some blocs',
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
    note: 'the specialties were merged into one DEAES on 1 Sep 2021 [S]; that holders hold the current DEAES is the reading of the merger [U]',
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
      note: 'equivalence of one or more CCP under the 2008 arrêté (CCP not stated); current list [U]. The list also names CQP assistant de vie and CQP garde d’enfant.',
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
    note: 'DF1 allègement, DF2 dispense (2007 table)',
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
      note: 'dispensed from the written admission test; the oral remains',
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
    note: 'allègement on request (commission pédagogique); units not stated',
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
    note: 'allègement, reportedly 3 of 6 domaines de formation [U]',
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
    requires: { experienceMonths: 36, rome: [], note: '≥3 years of contributions to a social-protection scheme (any job); dossier interview + written test, ≥8/20 each; no module exemption [K]' },
    note: 'formation professionnelle continue route, the usual AS → IDE path',
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
      requires: { note: 'in post with Alzheimer or related patients' },
      note: 'AS, AMP or AVS: 140 h, no allègement',
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
    requires: { note: 'in post with Alzheimer or related patients' },
    note: 'whether AES (created 2016) is formally eligible is not confirmed [U]',
    source: REF3,
    verified: false,
  },
];
