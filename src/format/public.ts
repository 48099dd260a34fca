/**
 * The French formatters as exported (src/index.ts): each argument checked at the edge, so misuse
 * is a PasserelleInputError naming the argument, never Intl's RangeError or a TypeError. Inside
 * passerelle the unchecked formatters of french.ts are called directly (their inputs are ours).
 */
import { IsoDate } from '../schema/primitives.js';
import { argumentError, numberArgument, stringArgument } from '../validate/edge.js';
import * as fr from './french.js';

/** Intl's bound on fraction digits. */
const MAX_DECIMALS = 20;

const n = (value: unknown, name = 'n'): number => numberArgument(value, name);
const decimals = (value: unknown, name: string): number => {
  const d = numberArgument(value, name, 0, MAX_DECIMALS);
  if (!Number.isInteger(d)) throw argumentError('invalid_type', name, 'un entier attendu');
  return d;
};

export function formatNumber(value: number, maxDecimals: number = 1): string {
  return fr.formatNumber(n(value), decimals(maxDecimals, 'maxDecimals'));
}
export function formatFixed(value: number, digits: number): string {
  return fr.formatFixed(n(value), decimals(digits, 'decimals'));
}
export const formatEuros = (value: number): string => fr.formatEuros(n(value));
export const formatPercent = (share: number): string => fr.formatPercent(n(share, 'share'));
export const formatMinutes = (minutes: number): string => fr.formatMinutes(n(minutes, 'minutes'));
export const formatKm = (km: number): string => fr.formatKm(n(km, 'km'));
export const formatHours = (h: number): string => fr.formatHours(n(h, 'h'));
export const formatDays = (value: number): string => fr.formatDays(n(value));
export const formatMonths = (value: number): string => fr.formatMonths(n(value));
export function formatDate(iso: string): string {
  if (!IsoDate.safeParse(iso).success) throw argumentError('invalid_type', 'iso', 'une date AAAA-MM-JJ attendue');
  return fr.formatDate(iso as string);
}
export function plural(value: number, one: string, many: string): string {
  return fr.plural(n(value), stringArgument(one, 'one'), stringArgument(many, 'many'));
}
