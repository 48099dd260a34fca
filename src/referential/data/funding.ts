/**
 * Funding schemes and aids (REFERENCE.md §4), with eligibility as data.
 *
 * Eligibility fields are conjunctive unless `combine: 'any'` says a listed status or a listed
 * category each suffices. Ages are in completed years. Amounts are dated; regional rates and
 * yearly employer aids are not in REFERENCE.md and are left out.
 */
import type { FundingScheme } from '../types.js';

const REF4 = 'REFERENCE.md §4';

export const funding: FundingScheme[] = [
  {
    code: 'CPF',
    label: 'Compte personnel de formation (CPF)',
    eligibility: {
      statuses: ['salarie', 'demandeur_emploi'],
      notes: 'toute personne ayant travaillé (salarié·es, demandeur·euses d’emploi ayant des droits, indépendant·es) ; les agents publics en heures. Permis B éligible au CPF depuis 2017 [K].',
    },
    sessionFunding: 'CPF',
    traineeCost: 102.23,
    traineeCostExemptStatuses: ['demandeur_emploi'],
    amounts: [
      { label: 'crédit annuel', euros: 500 },
      { label: 'plafond', euros: 5000 },
      { label: 'crédit annuel (moins qualifiés, sous le niveau 3)', euros: 800 },
      { label: 'plafond (moins qualifiés)', euros: 8000 },
      { label: 'participation forfaitaire', euros: 100, from: '2024-05-02' },
      { label: 'participation forfaitaire (2025, indexée chaque année)', euros: 102.23 },
    ],
    source: 'décret 2024-394; mes-allocs.fr; bpifrance-creation.fr (CPF)',
    verified: true,
  },
  {
    code: 'PRF',
    label: 'Programme régional de formation (Région)',
    eligibility: {
      statuses: ['demandeur_emploi'],
      priorityCategories: ['RSA', 'JEUNE'],
      notes: 'surtout des demandeur·euses d’emploi ; les Régions achètent des places de formation collectivement et financent les instituts de formation sanitaire et sociale (IFAS, IFSI, EFTS) et les bourses d’études ; rémunération du stagiaire par la Région ou France Travail',
    },
    sessionFunding: 'PRF',
    traineeCost: 0,
    source: REF4,
    verified: false,
  },
  {
    code: 'AIF',
    label: 'Aide individuelle à la formation (France Travail)',
    eligibility: {
      statuses: ['demandeur_emploi'],
      notes: 'demandeur·euses d’emploi inscrit·es (toute catégorie) et adhérent·es au CSP ; seulement si aucun financement collectif ne couvre le besoin ; projet validé par le ou la conseiller·ère (PPAE) ; frais annexes à la charge du stagiaire ; peut compléter le CPF ou l’OPCO ; plafonds régionaux variables',
    },
    sessionFunding: 'AIF',
    source: 'cap-metiers.pro (AIF Nouvelle-Aquitaine); gpc-info.com',
    verified: true,
  },
  {
    code: 'POEI',
    label: 'Préparation opérationnelle à l’emploi individuelle (POEI)',
    eligibility: {
      statuses: ['demandeur_emploi'],
      requiresJobOffer: true,
      contracts: ['CDI', 'CDD', 'INTERIM', 'APPRENTISSAGE', 'PROFESSIONNALISATION'],
      maxHours: 600,
      maxHoursTiers: [
        { maxHours: 300, when: '100 % tutoring, or a seasonal job' },
        { maxHours: 450, when: 'internal or external training body, or hybrid' },
        { maxHours: 600, when: 'job seekers targeted by the PIC' },
      ],
      notes: 'dans les 6 mois (sauf BOETH). Contrats éligibles depuis le décret 2024-561 : CDI, CDI intérimaire, CDD d’au moins 6 mois, apprentissage ou contrat de professionnalisation d’au moins 6 mois, saisonnier d’au moins 4 mois, missions d’intérim d’au moins 6 mois sur 9 mois. Financement France Travail (5 € de l’heure en tutorat, devis pour l’organisme de formation). AFPR supprimée (fusionnée dans la POEI).',
    },
    sessionFunding: 'POEI',
    traineeCost: 0,
    source: 'France Travail délibération 2024-29 (24 Apr 2024), instruction 2024-26 (22 Jul 2024), décret 2024-561 (18 Jun 2024)',
    verified: true,
  },
  {
    code: 'POEC',
    label: 'Préparation opérationnelle à l’emploi collective (POEC)',
    eligibility: {
      statuses: ['demandeur_emploi'],
      requiresJobOffer: false,
      maxHours: 400,
      notes: 'groupes de demandeur·euses d’emploi, à l’initiative de l’OPCO d’une branche (OPCO Santé, Uniformation, OPCO EP)',
    },
    sessionFunding: 'POEC',
    traineeCost: 0,
    source: REF4,
    verified: false,
  },
  {
    code: 'PROFESSIONNALISATION',
    label: 'Contrat de professionnalisation',
    eligibility: {
      statuses: ['demandeur_emploi'],
      categories: ['JEUNE', 'RSA', 'ASS', 'AAH'],
      combine: 'any',
      minAge: 16,
      employerStatuses: ['prive_non_lucratif', 'prive_lucratif'],
      contracts: ['PROFESSIONNALISATION'],
      notes: '16 à 25 ans ; demandeur·euses d’emploi de 26 ans et plus ; bénéficiaires du RSA, de l’ASS, de l’AAH ; anciens titulaires d’un CUI (C. trav. L6325-1). Fermé aux employeurs publics. Durée habituelle de 6 à 12 mois [K].',
    },
    sessionFunding: 'PROFESSIONNALISATION',
    traineeCost: 0,
    source: 'C. trav. L6325-1 (french-business-law.com); ecofac.fr',
    verified: true,
  },
  {
    code: 'APPRENTISSAGE',
    label: 'Contrat d’apprentissage',
    eligibility: {
      minAge: 16,
      maxAge: 29,
      ageExceptions: [{ category: 'RQTH', maxAge: null }],
      employerStatuses: ['public', 'prive_non_lucratif', 'prive_lucratif'],
      contracts: ['APPRENTISSAGE'],
      notes: '16 à 29 ans révolus (15 ans après la 3e). Sans limite d’âge avec une RQTH, pour les sportif·ves de haut niveau ou un projet de création d’entreprise ; limite portée à 35 ans quand le nouveau contrat mène à un diplôme supérieur au précédent, ou quand le contrat précédent a été rompu pour une cause indépendante de l’apprenti·e ou pour inaptitude et que le nouveau commence dans l’année (C. trav. L6222-1). Après un échec à l’examen, nouveau contrat possible chez un autre employeur pour le repasser. Montants des aides à l’employeur révisés chaque année [U].',
    },
    sessionFunding: 'APPRENTISSAGE',
    traineeCost: 0,
    source: 'C. trav. L6222-1 (support.ensuplr.fr, cfaip.ac-aix-marseille.fr)',
    verified: true,
  },
  {
    code: 'PRO_A',
    label: 'Reconversion ou promotion par alternance (Pro-A)',
    eligibility: {
      statuses: ['salarie'],
      currentContracts: ['CDI'],
      priorityCategories: ['RECONVERSION'],
      notes: 'salarié·es en CDI, en CUI-CDI, sportif·ves professionnel·les en CDD, salarié·es en activité partielle ; qualification inférieure à la licence ; certification inscrite sur la liste étendue de la branche ; 6 à 12 mois (jusqu’à 36), au moins 150 h de formation ; financé par l’OPCO, rémunération maintenue',
    },
    sessionFunding: 'PRO_A',
    traineeCost: 0,
    source: 'service-public.fr F13516',
    verified: true,
  },
  {
    code: 'PTP',
    label: 'Projet de transition professionnelle (Transitions Pro)',
    eligibility: {
      statuses: ['salarie'],
      employerStatuses: ['prive_non_lucratif', 'prive_lucratif'],
      priorityCategories: ['RECONVERSION', 'RQTH'],
      notes: 'salarié·es du secteur privé. CDI : 24 mois de salariat dont 12 dans l’entreprise actuelle ; CDD : 24 mois sur les 5 dernières années dont 4 mois de CDD sur les 12 derniers mois, formation commençant au plus 6 mois après la fin du contrat. Sans condition d’ancienneté pour les BOETH (RQTH) [K]. Rémunération maintenue (100 % jusqu’à 2 SMIC). Demande à l’employeur 120 jours avant (60 pour moins de 6 mois ou à temps partiel). Certifications RNCP ou RS seulement.',
    },
    sessionFunding: 'PTP',
    traineeCost: 0,
    source: 'fongecif-guyane.com; mapremiereformation.fr (PTP)',
    verified: true,
  },
  {
    code: 'PEC',
    label: 'Parcours emploi compétences (PEC, CUI-CAE)',
    eligibility: {
      statuses: ['demandeur_emploi', 'inactif'],
      priorityCategories: ['RQTH', 'QPV', 'ZRR', 'SENIOR', 'DELD', 'RSA'],
      employerStatuses: ['public', 'prive_non_lucratif'],
      contracts: ['PEC'],
      notes: 'personnes sans emploi rencontrant des difficultés sociales et professionnelles particulières, repérées par France Travail, la Mission locale ou Cap emploi. Employeurs du secteur non marchand seulement. CDD d’au moins 6 mois (en général 9 à 12, renouvelable) ou CDI, 20 à 35 h par semaine ; tuteur et formation obligatoires. Taux d’aide de l’État fixé par région [U].',
    },
    source: 'travail-emploi.gouv.fr (parcours emploi compétences); idf.drieets.gouv.fr',
    verified: true,
  },
  {
    code: 'PMSMP',
    label: 'Période de mise en situation en milieu professionnel (immersion)',
    eligibility: {
      statuses: ['demandeur_emploi', 'salarie'],
      categories: ['RQTH', 'RSA', 'JEUNE', 'RECONVERSION'],
      combine: 'any',
      notes: 'toute personne accompagnée sur le plan social ou professionnel : demandeur·euses d’emploi, jeunes suivis par la Mission locale, RQTH, RSA, salarié·es de SIAE, en CUI ou en ESAT, salarié·es en reconversion (CEP). Au plus 1 mois par convention, renouvelable une fois ; au plus 2 mois cumulés par structure d’accueil sur 12 mois ; non rémunérée par l’accueil, statut conservé. Prescripteurs : France Travail, Mission locale, Cap emploi, SIAE (hors ETTI), Département, CEP.',
    },
    traineeCost: 0,
    source: 'cariforefnormandie.fr (PMSMP); unsa-fessad.org; cap-metiers.pro',
    verified: true,
  },
  {
    code: 'AGEFIPH',
    label: 'Aides de l’Agefiph (employeurs privés)',
    eligibility: {
      categories: ['RQTH', 'AAH'],
      employerStatuses: ['prive_non_lucratif', 'prive_lucratif', 'particulier_employeur'],
      notes: 'BOETH (RQTH, AAH, invalidité d’au moins deux tiers, AT/MP d’au moins 10 %, CMI invalidité, pensions militaires…) ou personnes en voie de reconnaissance ; aides à la formation (Inclu’Pro Formation), aides à l’embauche en apprentissage ou en contrat de professionnalisation, RLH. Aide au parcours prescrite par France Travail, Cap emploi ou la Mission locale.',
    },
    sessionFunding: 'AGEFIPH',
    amounts: [{ label: 'aide au parcours vers l’emploi (plafond)', euros: 530 }],
    source: 'agefiph.fr (aide au parcours; bénéficiaires de l’obligation d’emploi)',
    verified: true,
  },
  {
    code: 'AGEFIPH_PERMIS',
    label: 'Aide Agefiph au permis de conduire (surcoût lié au handicap)',
    eligibility: {
      categories: ['RQTH', 'AAH'],
      notes: 'forfait pour le surcoût lié au handicap (formation ou permis adaptés) quand le permis est nécessaire au projet professionnel ; pas un permis B standard (en 2024)',
    },
    amounts: [{ label: 'forfait (plafond)', euros: 1000 }],
    source: 'semaphore.asso.fr; mes-allocs.fr (Agefiph permis)',
    verified: true,
  },
  {
    code: 'AGEFIPH_ADAPTATION',
    label: 'Aide Agefiph à l’adaptation du poste ou du véhicule',
    eligibility: {
      categories: ['RQTH', 'AAH'],
      employerStatuses: ['prive_non_lucratif', 'prive_lucratif', 'particulier_employeur'],
      notes: 'adaptation du poste de travail (aides au levage, poste assis…) et du véhicule (50 % jusqu’à 9 000 €) ; les aides à la mobilité compensent seulement le handicap',
    },
    amounts: [{ label: 'adaptation du véhicule (50 %, plafond)', euros: 9000 }],
    source: 'agefiph.fr; legisocial.fr (aides Agefiph)',
    verified: true,
  },
  {
    code: 'FIPHFP',
    label: 'Aides du FIPHFP (employeurs publics)',
    eligibility: {
      categories: ['RQTH', 'AAH'],
      employerStatuses: ['public'],
      notes: 'l’équivalent de l’Agefiph pour les employeurs publics ; montants non renseignés dans la référence',
    },
    source: REF4,
    verified: true,
  },
  {
    code: 'CEJ',
    label: 'Contrat d’engagement jeune (CEJ)',
    eligibility: {
      statuses: ['demandeur_emploi', 'inactif'],
      minAge: 16,
      maxAge: 25,
      ageExceptions: [{ category: 'RQTH', maxAge: 29 }],
      notes: '16 à 25 ans révolus (moins de 30 ans avec une RQTH), ni étudiant·e ni en formation, en difficulté d’accès à un emploi durable ; 15 à 20 h d’activités par semaine ; jusqu’à 12 mois (18 à titre exceptionnel) ; inscription à France Travail obligatoire depuis le 1er janvier 2025.',
    },
    amounts: [
      { label: 'allocation mensuelle maximale (2022)', euros: 500 },
      { label: 'allocation mensuelle maximale (2023)', euros: 528 },
      { label: 'allocation mensuelle maximale (foyer non imposable)', euros: 561.68 },
    ],
    source: 'code.travail.gouv.fr; unafo.org; avocat.fr (CEJ)',
    verified: true,
  },
];
