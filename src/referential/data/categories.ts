/**
 * Public categories (MODEL.md Candidate.categories; REFERENCE.md §5.1–5.2).
 *
 * A category only opens support, funding and optional positive action: it never lowers a score,
 * an eligibility, a rank or a pathway's rank (C. trav. L1132-1; MODEL.md invariants).
 */
import type { PublicCategory } from '../types.js';

const NEVER_LOWERS = ['score', 'eligibility', 'rank', 'pathway_rank'];

/**
 * Platform default for how long a category's proof (`provenOn`) stays current: REFERENCE.md §5
 * gives no window for any category (an RQTH's own end is its decision's `until`), so this is a
 * platform choice, not a rule: a proof older than this is a point to check ("à renouveler"), never
 * a blocker nor a change of score or route. Set `proofValidityMonths` on a category to change it.
 */
export const CATEGORY_PROOF_VALIDITY = {
  months: 12,
  source: 'défaut de la plateforme (aucune durée de validité des justificatifs dans REFERENCE.md §5)',
  verified: false,
} as const;

export const categories: PublicCategory[] = [
  {
    code: 'RSA',
    label: 'Bénéficiaire du RSA',
    definition: 'Perçoit le revenu de solidarité active (Département). Depuis le 1er janvier 2025, inscrit automatiquement à France Travail avec un contrat d’engagement (15 h d’activité par semaine en principe, adaptables ou supprimables) : ce n’est pas une contrainte de disponibilité.',
    opens: ['PROFESSIONNALISATION', 'PEC', 'PMSMP', 'PRF', 'AIF'],
    neverLowers: NEVER_LOWERS,
    source: 'loi plein emploi 18 Dec 2023 (banquedesterritoires.fr, clesdusocial.com)',
    verified: true,
  },
  {
    code: 'RQTH',
    label: 'Reconnaissance de la qualité de travailleur handicapé (RQTH / BOETH)',
    definition: 'RQTH accordée par la CDAPH (MDPH) ; bénéficiaires de l’obligation d’emploi (C. trav. L5212-13). Donnée de santé (RGPD art. 9) : les contraintes physiques viennent des restrictions déclarées, jamais de ce statut.',
    opens: ['APPRENTISSAGE', 'CEJ', 'AGEFIPH', 'AGEFIPH_PERMIS', 'AGEFIPH_ADAPTATION', 'FIPHFP', 'PTP', 'PEC', 'PMSMP'],
    neverLowers: NEVER_LOWERS,
    source: 'C. trav. L5212-13; agefiph.fr; REFERENCE.md §5.1 (apprenticeship without age limit, CEJ to 29 [S]; PTP without seniority [K])',
    verified: true,
    unverifiedFields: ['opens'],
  },
  {
    code: 'DELD',
    label: 'Demandeur d’emploi de longue durée',
    definition: 'Inscrit en catégories A, B ou C depuis au moins 1 an (statistiques France Travail) ; certaines aides comptent 12 mois sur les 15 ou 18 derniers mois.',
    opens: ['PEC', 'POEI', 'PROFESSIONNALISATION'],
    neverLowers: NEVER_LOWERS,
    source: 'toutpourlemploi.fr (DELD); REFERENCE.md §5.1 (priority [K])',
    verified: true,
    unverifiedFields: ['opens'],
  },
  {
    code: 'JEUNE',
    label: 'Jeune (moins de 26 ans, moins de 30 ans avec RQTH)',
    definition: 'Public des missions locales (CEJ, PACEA) ; l’âge ne sert qu’à l’éligibilité des dispositifs, jamais au score.',
    opens: ['APPRENTISSAGE', 'CEJ', 'PMSMP', 'PROFESSIONNALISATION'],
    neverLowers: NEVER_LOWERS,
    source: 'REFERENCE.md §5.1 (Jeunes [K]); §4 (CEJ, apprenticeship, contrat pro [S])',
    verified: false,
  },
  {
    code: 'QPV',
    label: 'Résident d’un quartier prioritaire de la politique de la ville',
    definition: 'Habite l’un des 1 362 QPV de métropole (depuis le 1er janvier 2024, décret 2024-806), ou d’outre-mer (mise à jour 1er janvier 2025). Le lieu de résidence est un critère protégé.',
    opens: ['PEC'],
    neverLowers: NEVER_LOWERS,
    source: 'insee.fr (QPV); banquedesterritoires.fr; travail-emploi.gouv.fr (PEC attention)',
    verified: true,
  },
  {
    code: 'ZRR',
    label: 'Résident d’une zone de revitalisation rurale',
    definition: 'Habite une commune classée en zone de revitalisation rurale ; public d’attention des PEC.',
    opens: ['PEC'],
    neverLowers: NEVER_LOWERS,
    source: 'travail-emploi.gouv.fr (PEC: attention to RQTH, QPV, ZRR, seniors); ZRR definition not in REFERENCE.md',
    verified: false,
  },
  {
    code: 'BPI',
    label: 'Bénéficiaire de la protection internationale (réfugié, protection subsidiaire, apatride)',
    definition: 'Statut accordé par l’OFPRA ou la CNDA : accès libre au marché du travail sans autorisation de travail ; CIR avec l’OFII (formation civique et linguistique). Le niveau de français vient de frenchLevel, jamais de ce statut.',
    opens: [],
    neverLowers: NEVER_LOWERS,
    source: 'centre-inffo.fr; lebpi.com (BPI)',
    verified: true,
  },
  {
    code: 'SENIOR',
    label: 'Senior (50 ans et plus)',
    definition: 'Âge de 50 ans et plus (45 ans pour certains dispositifs). Ne jamais déduire une inaptitude physique de l’âge.',
    opens: ['PEC'],
    neverLowers: NEVER_LOWERS,
    source: 'REFERENCE.md §5.1 (Seniors); travail-emploi.gouv.fr (PEC attention)',
    verified: false,
  },
  {
    code: 'RECONVERSION',
    label: 'Salarié(e) en reconversion',
    definition: 'Salarié qui change de métier : Pro-A, PTP, CPF, démission-reconversion, VAE ; formation souvent à temps partiel ou en soirée.',
    opens: ['PRO_A', 'PTP', 'CPF', 'PMSMP'],
    neverLowers: NEVER_LOWERS,
    source: 'REFERENCE.md §5.1 (Salariés en reconversion); service-public.fr F13516 (Pro-A)',
    verified: false,
  },
  {
    code: 'ETUDIANT',
    label: 'Étudiant(e) ou élève',
    definition: 'Étudiants et élèves de lycée professionnel (Bac pro ASSP/SAPAT, CAP AEPE) ou d’IFSI/IFAS : CDD d’été, stages, apprentissage ; les étudiants en santé peuvent faire fonction d’aide-soignant sous conditions (arrêté 3 Feb 2022 mod. 5 Jul 2022).',
    opens: [],
    neverLowers: NEVER_LOWERS,
    source: 'cap-metiers.pro; ordre-sages-femmes.fr (arrêté 5 Jul 2022)',
    verified: true,
  },
  {
    code: 'ASS',
    label: 'Bénéficiaire de l’allocation de solidarité spécifique',
    definition: 'Perçoit l’ASS (demandeur d’emploi en fin de droits) ; éligible au contrat de professionnalisation.',
    opens: ['PROFESSIONNALISATION'],
    neverLowers: NEVER_LOWERS,
    source: 'C. trav. L6325-1 (contrat pro publics)',
    verified: true,
  },
  {
    code: 'AAH',
    label: 'Bénéficiaire de l’allocation aux adultes handicapés',
    definition: 'Perçoit l’AAH ; bénéficiaire de l’obligation d’emploi (BOETH) et éligible au contrat de professionnalisation.',
    opens: ['PROFESSIONNALISATION', 'AGEFIPH', 'AGEFIPH_PERMIS', 'AGEFIPH_ADAPTATION', 'FIPHFP'],
    neverLowers: NEVER_LOWERS,
    source: 'C. trav. L6325-1; agefiph.fr (bénéficiaires de l’obligation d’emploi)',
    verified: true,
  },
  {
    code: 'PARENT_ISOLE',
    label: 'Parent isolé',
    definition: 'Élève seul un ou plusieurs enfants ; peut justifier un contrat d’engagement RSA allégé (absence de solution de garde). Ouvre un accompagnement, jamais une pénalité.',
    opens: [],
    neverLowers: NEVER_LOWERS,
    source: 'REFERENCE.md §5.1 (RSA: isolated parent without childcare); definition not in REFERENCE.md',
    verified: false,
  },
];
