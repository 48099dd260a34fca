import { z } from 'zod';
import { ShortText } from './primitives.js';
import { RANGE } from './bounds.js';
import { communeLat, communeLon, communeRow } from '../geo/communes.js';

const PlaceFields = z
  .strictObject({
    lat: z.number().finite().min(RANGE.latitude.min).max(RANGE.latitude.max).optional(),
    lon: z.number().finite().min(RANGE.longitude.min).max(RANGE.longitude.max).optional(),
    communeCode: z
      .string()
      .regex(/^(\d{5}|2[AB]\d{3})$/, { message: 'code commune INSEE de 5 caractères attendu (2A/2B pour la Corse)' })
      .optional(),
    label: ShortText.optional(),
  })
  // JSON Schema: a position, or a commune code to take it from.
  .meta({ anyOf: [{ required: ['lat', 'lon'] }, { required: ['communeCode'] }] });

/** The message of an unknown commune code (the fast path hands such a record to zod for it). */
const unknownCommune = (code: string): string =>
  `code commune INSEE inconnu « ${code} » : absent du Code officiel géographique 2026`;

/**
 * A point in France (WGS84). A commune centroid is precise enough: `communeCode` alone places the
 * record (the package's commune table), and the validated place then carries that `lat`/`lon`, so
 * everything downstream reads coordinates only. Given with `lat`/`lon`, the coordinates win; an
 * unknown commune code is an issue either way.
 */
export const PlaceSchema = PlaceFields.transform((p, ctx) => {
  const { lat, lon, communeCode } = p;
  const row = communeCode === undefined ? -1 : communeRow(communeCode);
  if (communeCode !== undefined && row < 0) {
    ctx.issues.push({
      code: 'custom', input: communeCode, path: ['communeCode'], message: unknownCommune(communeCode),
      params: { code: 'unknown_code' },
    });
  }
  if (lat !== undefined && lon !== undefined) return { ...p, lat, lon };
  if (lat !== undefined || lon !== undefined) {
    ctx.issues.push({
      code: 'custom', input: p, path: [lat === undefined ? 'lat' : 'lon'], message: 'lat et lon vont ensemble : les deux ou aucun',
      params: { code: 'required' },
    });
  } else if (communeCode === undefined) {
    ctx.issues.push({
      code: 'custom', input: p, path: ['lat'], message: 'position manquante : lat et lon, ou communeCode',
      params: { code: 'required' },
    });
  }
  return row < 0 ? z.NEVER : { ...p, lat: communeLat(row), lon: communeLon(row) };
});
export type Place = z.infer<typeof PlaceSchema>;
export type PlaceInput = z.input<typeof PlaceSchema>;
