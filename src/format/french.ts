/**
 * The one French formatter for everything an advisor or employer reads: numbers, money, dates,
 * durations. Intl (fr-FR) does grouping and the decimal comma; formatters are made once because
 * each `toLocaleString` call builds a new one (~10 µs).
 */

const numberFormats: Intl.NumberFormat[] = [];

function numberFormat(maxDecimals: number): Intl.NumberFormat {
  return (numberFormats[maxDecimals] ??= new Intl.NumberFormat('fr-FR', { maximumFractionDigits: maxDecimals }));
}

/** 2.5 → "2,5"; 18480 → "18 480" (narrow no-break space); integers without decimals. */
export function formatNumber(n: number, maxDecimals = 1): string {
  return numberFormat(maxDecimals).format(n);
}

const fixedFormats: Intl.NumberFormat[] = [];

/** Exactly `decimals` decimals, for table columns: formatFixed(1, 2) → "1,00". */
export function formatFixed(n: number, decimals: number): string {
  return (fixedFormats[decimals] ??= new Intl.NumberFormat('fr-FR', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })).format(n);
}

const EUROS_WHOLE = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const EUROS_CENTS = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** "18 480 €", "102,20 €"; cents only when there are some. */
export function formatEuros(n: number): string {
  const cents = Math.round(n * 100);
  return `${cents % 100 === 0 ? EUROS_WHOLE.format(cents / 100) : EUROS_CENTS.format(cents / 100)} €`;
}

const PERCENT = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 });

/** 0.432 → "43,2 %". */
export function formatPercent(share: number): string {
  return PERCENT.format(share);
}

/** Minutes in a sentence: whole minutes, at least 1; hours past 90 min ("1 h 45"). */
export function formatMinutes(minutes: number): string {
  const m = Math.max(1, Math.round(minutes));
  if (m < 90) return `${m} min`;
  const h = Math.floor(m / 60);
  const r = m % 60;
  return r === 0 ? `${h} h` : `${h} h ${String(r).padStart(2, '0')}`;
}

/** Kilometres in a sentence: one decimal under 10 km, whole km above. */
export function formatKm(km: number): string {
  return km < 10 ? `${formatNumber(km, 1)} km` : `${formatNumber(Math.round(km), 0)} km`;
}

export function formatHours(h: number): string {
  return `${formatNumber(h, 1)} h`;
}

/** Points in a sentence: one decimal at most. */
export function formatPoints(p: number): string {
  return formatNumber(p, 1);
}

const MONTHS = [
  'janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre',
];

/** "2026-01-05" → "5 janvier 2026", "1er mars 2026". */
export function formatDate(iso: string): string {
  const y = +iso.slice(0, 4);
  const m = +iso.slice(5, 7);
  const d = +iso.slice(8, 10);
  return `${d === 1 ? '1er' : d} ${MONTHS[m - 1]} ${y}`;
}

export function plural(n: number, one: string, many: string): string {
  return Math.abs(n) < 2 ? one : many;
}

/** "1 jour", "3 jours". */
export function formatDays(n: number): string {
  return `${formatNumber(n, 0)} ${plural(n, 'jour', 'jours')}`;
}

/** "12 mois", "1,5 mois". */
export function formatMonths(n: number): string {
  return `${formatNumber(n, 1)} mois`;
}

/** Minutes since midnight → "9 h 05", "14 h 30" (times of day, as convocations print them). */
export function formatTime(minutes: number): string {
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')}`;
}
