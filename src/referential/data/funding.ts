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
      notes: 'anyone who has worked (employees, job seekers with rights, self-employed); public agents use hours. CPF-eligible permis B since 2017 [K].',
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
      notes: 'mainly job seekers; Régions buy training places collectively and fund the sanitary and social training institutes (IFAS, IFSI, EFTS) and student grants; trainee pay via Région or France Travail',
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
      notes: 'registered job seekers (any category) and CSP adherents; only when no collective funding covers the need; project validated by the counsellor (PPAE); annex costs stay with the trainee; can top up CPF/OPCO; regional caps vary',
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
      notes: 'within 6 months (except BOETH). Contracts since décret 2024-561: CDI, CDI intérimaire, CDD ≥6 months, apprenticeship/contrat pro ≥6 months, seasonal ≥4 months, interim missions ≥6 months within 9 months. France Travail funds (€5/h tutoring, quote for the training body). AFPR abolished (merged into POEI).',
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
      notes: 'groups of job seekers, initiated by a branch OPCO (OPCO Santé, Uniformation, OPCO EP)',
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
      notes: '16–25 years; job seekers ≥26; RSA, ASS, AAH beneficiaries; former CUI holders (C. trav. L6325-1). Not open to public employers. 6–12 months typical [K].',
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
      notes: '16–29 révolus (15 after the 3e). No age limit with RQTH, for sportifs de haut niveau or a business-creation project; limit 35 when the new contract leads to a higher diploma than the previous one, or the previous contract was broken for a reason beyond the apprentice’s control or inaptitude and the new one starts within 1 year (C. trav. L6222-1). After a failed exam, a new contract with another employer to resit. Employer aid amounts change yearly [U].',
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
      notes: 'employees in CDI, CUI-CDI, professional sportsmen in CDD, employees in activité partielle; qualification below the licence; the certification must be on the branch’s extended list; 6–12 months (up to 36), ≥150 h training; OPCO-funded, pay maintained',
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
      notes: 'private-sector employees. CDI: 24 months as an employee incl. 12 in the current firm; CDD: 24 months in the last 5 years incl. 4 months of CDD in the last 12 months, training starting ≤6 months after the contract ends. No seniority for BOETH/RQTH [K]. Pay maintained (100 % up to 2 SMIC). Request to the employer 120 days before (60 if <6 months or part-time). RNCP/RS certifications only.',
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
      notes: 'jobless people with particular social/professional difficulties, diagnosed by France Travail, Mission locale or Cap emploi. Non-market employers only. CDD ≥6 months (usually 9–12, renewable) or CDI, 20–35 h/week; tutor + training required. State aid rate set regionally [U].',
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
      notes: 'anyone under social/professional accompaniment: job seekers, Mission locale youth, RQTH, RSA, SIAE/CUI/ESAT workers, employees in reconversion (CEP). ≤1 month per convention, renewable once; ≤2 months cumulated per host per 12 months; unpaid by the host, status kept. Prescribers: France Travail, Mission locale, Cap emploi, SIAE (not ETTI), Département, CEP.',
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
      notes: 'BOETH (RQTH, AAH, invalidity ≥2/3, AT/MP ≥10 %, CMI invalidité, military pensions…) or people being recognised; training aids (Inclu’Pro Formation), hiring aids for apprenticeship/contrat pro, RLH. Aide au parcours prescribed by France Travail, Cap emploi or Mission locale.',
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
      notes: 'lump sum for the disability-related extra cost (adapted training or licence) when the licence is needed for the professional project; not a standard permis B (as of 2024)',
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
      notes: 'workstation adaptation (lift equipment, seated workstation…) and vehicle adaptation (50 % up to €9,000); mobility aids only compensate the disability',
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
      notes: 'the public-employer counterpart of the Agefiph; amounts not in REFERENCE.md',
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
      notes: '16–25 révolus (<30 with RQTH), neither student nor in training, difficulty accessing stable work; 15–20 h of activity a week; up to 12 months (18 exceptionally); must be registered at France Travail from 1 Jan 2025.',
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
