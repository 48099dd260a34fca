import { z } from 'zod';
import { Code, FundingCode, Id, IsoDate, ShortText, TrainingAccess, boundedArray } from './primitives.js';
import { PlaceSchema } from './place.js';
import { ITEMS, RANGE } from './bounds.js';

export const TrainingSessionSchema = z
  .strictObject({
    id: Id,
    provider: ShortText.min(1),
    certification: Code,
    site: PlaceSchema,
    startDate: IsoDate,
    endDate: IsoDate,
    hours: z.number().finite().min(RANGE.sessionHours.min).max(RANGE.sessionHours.max),
    seats: z.number().int().min(RANGE.seats.min).max(RANGE.seats.max).optional(),
    access: boundedArray(TrainingAccess, ITEMS.access.max).min(ITEMS.access.min),
    funding: boundedArray(FundingCode, ITEMS.funding.max).min(ITEMS.funding.min),
  })
  .superRefine((s, ctx) => {
    if (s.endDate < s.startDate) ctx.addIssue({
        code: 'custom',
        path: ['endDate'],
        message: 'doit être ≥ startDate',
        params: { code: 'invalid_range' },
      });
  });

export type TrainingSession = z.infer<typeof TrainingSessionSchema>;
export type TrainingSessionInput = z.input<typeof TrainingSessionSchema>;
