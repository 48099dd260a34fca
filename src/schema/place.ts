import { z } from 'zod';
import { ShortText } from './primitives.js';

/** A point in France (WGS84). A commune centroid is precise enough. */
export const PlaceSchema = z.strictObject({
  lat: z.number().finite().min(-90).max(90),
  lon: z.number().finite().min(-180).max(180),
  communeCode: z
    .string()
    .regex(/^(\d{5}|2[AB]\d{3})$/, { message: 'code commune INSEE de 5 caractères attendu (2A/2B pour la Corse)' })
    .optional(),
  label: ShortText.optional(),
});
export type Place = z.infer<typeof PlaceSchema>;
