/** Small statistics shared by the audit and the indicators. */

/** The median; the mean of the two middle values for an even count; null when empty. */
export function median(values: readonly number[]): number | null {
  const n = values.length;
  if (n === 0) return null;
  const s = Float64Array.from(values).sort();
  return n % 2 === 1 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}
