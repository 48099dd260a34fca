import { z } from 'zod';
import { argumentError, isProxy, numberArgument } from '../validate/edge.js';
import { APPELLATION_PATTERN, CODE_PATTERN, DATE_MAX, DATE_MIN, ID_PATTERN, LENGTH, ROME_PATTERN, YEARS } from './bounds.js';

/**
 * Calendar date `YYYY-MM-DD` that exists (rejects 2026-02-30, 2025-02-29): zod's ISO date, which
 * also gives JSON Schema `format: "date"`; years are kept within YEARS.
 */
export const IsoDate = z
  .iso.date({ message: 'date calendaire AAAA-MM-JJ attendue (une date qui existe)' })
  .refine((s) => s >= DATE_MIN && s <= DATE_MAX, {
    message: `date hors de la plage ${YEARS.min}–${YEARS.max}`,
    params: { code: 'invalid_date' },
  });

/** Record ids: pseudonymous, short, printable. */
export const Id = z
  .string()
  .min(1, { message: 'un identifiant ne peut pas être vide' })
  .max(LENGTH.id, { message: `un identifiant a au plus ${LENGTH.id} caractères` })
  .regex(ID_PATTERN, { message: "un identifiant n'a ni espace ni caractère de contrôle" });

/** Short machine code (certification, skill, restriction…): checked against the referential later. */
export const Code = z
  .string()
  .min(1)
  .max(LENGTH.code, { message: `un code a au plus ${LENGTH.code} caractères` })
  .regex(CODE_PATTERN, { message: "un code n'a que des lettres, des chiffres et des tirets bas" });

/** ROME fiche code, v3 or 4.0 (the same format): a letter A–N and four digits. */
export const RomeCode = z.string().max(LENGTH.rome).regex(ROME_PATTERN, { message: 'code de fiche ROME attendu, comme K1302' });

/** How to read a record's ROME codes (ROME 4.0 codes share the v3 format with other meanings). */
export const RomeVersion = z.enum(['v3', 'v4']);
export type RomeVersion = z.infer<typeof RomeVersion>;

/** France Travail appellation code (OGR), e.g. "11255": digits only. */
export const AppellationCode = z.string().max(LENGTH.appellation).regex(APPELLATION_PATTERN, { message: "code d'appellation ROME (OGR) attendu : des chiffres, comme 11255" });

/** Short free text (titles, labels): bounded so a 1 MB string is an error, not a slowdown. */
export const ShortText = z.string().max(LENGTH.shortText, { message: `au plus ${LENGTH.shortText} caractères` });

/** Bounded list: arrays of 10⁶ items are rejected before any element is read. */
export function boundedArray<T extends z.ZodType>(item: T, max: number) {
  if (isProxy(item) || !(item instanceof z.ZodType)) throw argumentError('invalid_type', 'item', 'un schéma zod attendu');
  numberArgument(max, 'max', 0, Number.MAX_SAFE_INTEGER);
  return z.array(item).max(max, { message: `au plus ${max} éléments` });
}

export const Mode = z.enum(['car', 'motorbike', 'transit', 'bike', 'walk']);
export const Sector = z.enum(['domicile', 'etablissement']);
export const Public = z.enum(['personnes_agees', 'handicap', 'enfance']);
export const StructurePublic = z.enum(['personnes_agees', 'handicap', 'enfance', 'mixte']);
export const FrenchLevel = z.enum(['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native']);
export const ContractType = z.enum(['CDI', 'CDD', 'INTERIM', 'APPRENTISSAGE', 'PROFESSIONNALISATION', 'PEC', 'VACATION']);
export const Category = z.enum([
  'RSA', 'RQTH', 'DELD', 'JEUNE', 'QPV', 'ZRR', 'BPI', 'SENIOR', 'RECONVERSION', 'ETUDIANT', 'ASS', 'AAH', 'PARENT_ISOLE',
]);
export const Status = z.enum(['demandeur_emploi', 'salarie', 'etudiant', 'inactif']);
/**
 * A category with its dates (MODEL.md Candidate.categories): `since`/`until` bound when the status
 * holds (an RQTH decision's end, say), `provenOn` is when a proof was last seen. Rules read it as of
 * the date they apply; scores never read the dates.
 */
export const CategoryItem = z
  .strictObject({ code: Category, since: IsoDate.optional(), until: IsoDate.optional(), provenOn: IsoDate.optional() })
  .refine((x) => x.since === undefined || x.until === undefined || x.since <= x.until, {
    message: 'since doit être ≤ until',
    path: ['since'],
    params: { code: 'invalid_range' },
  });
/** An item of `categories`: a plain code, or a code with dates. */
export const CandidateCategory = z.union([Category, CategoryItem]);
export const StructureKind = z.enum([
  'SAD', 'EHPAD', 'RESIDENCE_AUTONOMIE', 'USLD', 'MAS', 'FAM', 'FOYER_VIE', 'FOYER_HEBERGEMENT', 'ESAT', 'IME', 'SESSAD',
  'SAVS', 'SAMSAH', 'MECS', 'PARTICULIER', 'AUTRE',
]);
export const StructureStatus = z.enum(['public', 'prive_non_lucratif', 'prive_lucratif', 'particulier_employeur']);
export const TrainingAccess = z.enum(['formation_continue', 'apprentissage', 'professionnalisation', 'vae', 'parcours_partiel']);
export const FundingCode = z.enum([
  'CPF', 'PRF', 'AIF', 'POEI', 'POEC', 'APPRENTISSAGE', 'PROFESSIONNALISATION', 'PRO_A', 'PTP', 'AGEFIPH', 'OPCO', 'AUTOFINANCEMENT',
]);

export type Mode = z.infer<typeof Mode>;
export type Sector = z.infer<typeof Sector>;
export type Public = z.infer<typeof Public>;
export type StructurePublic = z.infer<typeof StructurePublic>;
export type FrenchLevel = z.infer<typeof FrenchLevel>;
export type ContractType = z.infer<typeof ContractType>;
export type Category = z.infer<typeof Category>;
export type Status = z.infer<typeof Status>;
export type CategoryItem = z.infer<typeof CategoryItem>;
export type CandidateCategory = z.infer<typeof CandidateCategory>;
export type StructureKind = z.infer<typeof StructureKind>;
export type StructureStatus = z.infer<typeof StructureStatus>;
export type TrainingAccess = z.infer<typeof TrainingAccess>;
export type FundingCode = z.infer<typeof FundingCode>;
