/**
 * Controlled vocabulary of MODEL.md: skills, physical demands ↔ restrictions ↔ adaptations, and
 * structure kinds. Restrictions are functional limits the candidate declares, never a diagnosis.
 * Adaptations that are workstation equipment can be funded by the Agefiph (REFERENCE.md §4).
 */
import type { Adaptation, PhysicalDemand, Restriction, Skill, StructureKindInfo } from '../types.js';

/*
 * The codes are MODEL.md's controlled vocabulary (the input contract defines them: `verified`
 * says the code and its meaning are the contract's); labels and synonyms are how ads and CVs write
 * them (REFERENCE.md §0 and §6).
 */
const SKILLS = 'MODEL.md (skills vocabulary); REFERENCE.md §0, §6.2 (skills in ads and CVs)';
const RESTRICTIONS = 'MODEL.md (restrictions: declared functional limits, never a diagnosis); REFERENCE.md §5.3';
const ADAPTATIONS = 'MODEL.md (adaptations); REFERENCE.md §4 (Agefiph workstation adaptation)';
const STRUCTURES = 'MODEL.md (structure.kind); REFERENCE.md §0 (SAAD/SAD, ESMS)';

export const skills: Skill[] = [
  { code: 'toilette', label: 'Aide à la toilette', synonyms: ['toilette', 'aide à la toilette', 'soins d’hygiène', 'hygiène corporelle', 'douche'], source: SKILLS, verified: true },
  { code: 'lever_coucher', label: 'Aide au lever et au coucher', synonyms: ['lever', 'coucher', 'lever coucher', 'aide au lever', 'aide au coucher'], source: SKILLS, verified: true },
  { code: 'transferts', label: 'Transferts et mobilisation', synonyms: ['transferts', 'transfert', 'lève-personne', 'leve personne', 'mobilisation', 'verticalisateur'], source: SKILLS, verified: true },
  { code: 'repas', label: 'Préparation et aide à la prise des repas', synonyms: ['repas', 'aide aux repas', 'préparation des repas', 'aide à la prise des repas'], source: SKILLS, verified: true },
  { code: 'textures_modifiees', label: 'Textures modifiées', synonyms: ['textures modifiées', 'mixé', 'repas mixés', 'texture modifiée', 'troubles de la déglutition'], source: SKILLS, verified: true },
  { code: 'aide_medicaments', label: 'Aide à la prise des médicaments', synonyms: ['aide à la prise des médicaments', 'médicaments', 'prise de traitement', 'pilulier'], source: SKILLS, verified: true },
  { code: 'entretien_logement', label: 'Entretien du logement', synonyms: ['ménage', 'entretien du logement', 'entretien de la maison', 'tâches ménagères'], source: SKILLS, verified: true },
  { code: 'linge', label: 'Entretien du linge', synonyms: ['linge', 'repassage', 'lessive', 'entretien du linge'], source: SKILLS, verified: true },
  { code: 'courses', label: 'Courses', synonyms: ['courses', 'faire les courses', 'accompagnement aux courses'], source: SKILLS, verified: true },
  { code: 'bionettoyage', label: 'Bionettoyage', synonyms: ['bionettoyage', 'bio nettoyage', 'bio-nettoyage', 'hygiène des locaux', 'protocoles d’hygiène'], source: SKILLS, verified: true },
  { code: 'cuisine', label: 'Cuisine', synonyms: ['cuisine', 'cuisiner', 'préparation culinaire', 'haccp'], source: SKILLS, verified: true },
  { code: 'animation', label: 'Animation', synonyms: ['animation', 'activités', 'ateliers', 'animation sociale'], source: SKILLS, verified: true },
  { code: 'alzheimer', label: 'Maladie d’Alzheimer et troubles apparentés', synonyms: ['alzheimer', 'démence', 'troubles cognitifs', 'maladies neurodégénératives', 'pasa', 'uhr'], source: SKILLS, verified: true },
  { code: 'soins_palliatifs', label: 'Soins palliatifs et fin de vie', synonyms: ['soins palliatifs', 'fin de vie', 'accompagnement de fin de vie'], source: SKILLS, verified: true },
  { code: 'handicap_psychique', label: 'Handicap psychique', synonyms: ['handicap psychique', 'troubles psychiques', 'santé mentale', 'psychiatrie'], source: SKILLS, verified: true },
  { code: 'handicap_moteur', label: 'Handicap moteur', synonyms: ['handicap moteur', 'paralysie', 'fauteuil roulant', 'déficience motrice'], source: SKILLS, verified: true },
  { code: 'autisme', label: 'Troubles du spectre de l’autisme', synonyms: ['autisme', 'tsa', 'troubles du spectre autistique', 'autiste'], source: SKILLS, verified: true },
  { code: 'polyhandicap', label: 'Polyhandicap', synonyms: ['polyhandicap', 'polyhandicapé', 'polyhandicapés'], source: SKILLS, verified: true },
  { code: 'petite_enfance', label: 'Petite enfance', synonyms: ['petite enfance', 'garde d’enfants', 'enfants', 'crèche'], source: SKILLS, verified: true },
  { code: 'lsf', label: 'Langue des signes française', synonyms: ['lsf', 'langue des signes', 'langue des signes française'], source: SKILLS, verified: true },
  { code: 'premiers_secours', label: 'Premiers secours', synonyms: ['premiers secours', 'gestes d’urgence', 'psc1', 'secourisme'], source: SKILLS, verified: true },
  { code: 'transmissions', label: 'Transmissions écrites et orales', synonyms: ['transmissions', 'cahier de liaison', 'traçabilité', 'dossier de soins'], source: SKILLS, verified: true },
];

export const restrictions: Restriction[] = [
  { code: 'no_heavy_lifting', label: 'Pas de port de charges lourdes', source: RESTRICTIONS, verified: true },
  { code: 'no_prolonged_standing', label: 'Pas de station debout prolongée', source: RESTRICTIONS, verified: true },
  { code: 'no_night_work', label: 'Pas de travail de nuit', source: RESTRICTIONS, verified: true },
  { code: 'no_driving', label: 'Pas de conduite', source: RESTRICTIONS, verified: true },
  { code: 'no_chemical_products', label: 'Pas de produits chimiques', source: RESTRICTIONS, verified: true },
];

export const adaptations: Adaptation[] = [
  { code: 'lift_equipment', label: 'Aides techniques aux transferts (lève-personne, rails)', aid: 'AGEFIPH_ADAPTATION', source: ADAPTATIONS, verified: true },
  { code: 'seated_workstation', label: 'Poste de travail assis', aid: 'AGEFIPH_ADAPTATION', source: ADAPTATIONS, verified: true },
  { code: 'protective_equipment', label: 'Équipements de protection (gants, masques, produits adaptés)', source: ADAPTATIONS, verified: true },
];

const DEMANDS = 'MODEL.md (physical demands); REFERENCE.md §4 (Agefiph workstation adaptation)';

export const physicalDemands: PhysicalDemand[] = [
  { code: 'heavy_lifting', label: 'Port de charges lourdes', restriction: 'no_heavy_lifting', liftedBy: ['lift_equipment'], aid: 'AGEFIPH_ADAPTATION', source: DEMANDS, verified: true },
  { code: 'transfers', label: 'Transferts de personnes', restriction: 'no_heavy_lifting', liftedBy: ['lift_equipment'], aid: 'AGEFIPH_ADAPTATION', source: DEMANDS, verified: true },
  { code: 'prolonged_standing', label: 'Station debout prolongée', restriction: 'no_prolonged_standing', liftedBy: ['seated_workstation'], aid: 'AGEFIPH_ADAPTATION', source: DEMANDS, verified: true },
  { code: 'night_work', label: 'Travail de nuit', restriction: 'no_night_work', liftedBy: [], source: DEMANDS, verified: true },
  { code: 'driving', label: 'Conduite d’un véhicule', restriction: 'no_driving', liftedBy: [], source: DEMANDS, verified: true },
  { code: 'chemical_products', label: 'Produits chimiques (entretien, bionettoyage)', restriction: 'no_chemical_products', liftedBy: ['protective_equipment'], source: DEMANDS, verified: true },
];

export const structureKinds: StructureKindInfo[] = [
  { code: 'SAD', label: 'Service autonomie à domicile (SAAD, SSIAD, SPASAD)', sector: 'domicile', source: STRUCTURES, verified: true },
  { code: 'EHPAD', label: 'Établissement d’hébergement pour personnes âgées dépendantes', sector: 'etablissement', source: STRUCTURES, verified: true },
  { code: 'RESIDENCE_AUTONOMIE', label: 'Résidence autonomie', sector: 'etablissement', source: STRUCTURES, verified: true },
  { code: 'USLD', label: 'Unité de soins de longue durée', sector: 'etablissement', source: STRUCTURES, verified: true },
  { code: 'MAS', label: 'Maison d’accueil spécialisée', sector: 'etablissement', source: STRUCTURES, verified: true },
  { code: 'FAM', label: 'Foyer d’accueil médicalisé / établissement d’accueil médicalisé', sector: 'etablissement', source: STRUCTURES, verified: true },
  { code: 'FOYER_VIE', label: 'Foyer de vie / foyer occupationnel', sector: 'etablissement', source: STRUCTURES, verified: true },
  { code: 'FOYER_HEBERGEMENT', label: 'Foyer d’hébergement', sector: 'etablissement', source: STRUCTURES, verified: true },
  { code: 'ESAT', label: 'Établissement et service d’aide par le travail', sector: 'etablissement', source: STRUCTURES, verified: true },
  { code: 'IME', label: 'Institut médico-éducatif', sector: 'etablissement', source: STRUCTURES, verified: true },
  { code: 'SESSAD', label: 'Service d’éducation spéciale et de soins à domicile', sector: 'etablissement', source: STRUCTURES, verified: true },
  { code: 'SAVS', label: 'Service d’accompagnement à la vie sociale', sector: 'domicile', source: STRUCTURES, verified: true },
  { code: 'SAMSAH', label: 'Service d’accompagnement médico-social pour adultes handicapés', sector: 'domicile', source: STRUCTURES, verified: true },
  { code: 'MECS', label: 'Maison d’enfants à caractère social', sector: 'etablissement', source: STRUCTURES, verified: true },
  { code: 'PARTICULIER', label: 'Particulier employeur', sector: 'domicile', source: STRUCTURES, verified: true },
  { code: 'AUTRE', label: 'Autre structure', sector: 'etablissement', source: STRUCTURES, verified: true },
];
