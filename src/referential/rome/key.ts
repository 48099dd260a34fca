/** Number of packed ROME keys: letters A–N × 10 000. */
export const ROME_KEYS = 14 * 10_000;

/**
 * A ROME fiche code (`K1302`: a letter A–N and four digits) packed into 0 … ROME_KEYS − 1, or −1
 * when the string has not that form. Lets validation and encoding look codes up in typed arrays.
 */
export function romeKey(code: string): number {
  if (code.length !== 5) return -1;
  const l = code.charCodeAt(0) - 65;
  const d0 = code.charCodeAt(1) - 48, d1 = code.charCodeAt(2) - 48, d2 = code.charCodeAt(3) - 48, d3 = code.charCodeAt(4) - 48;
  if ((l >>> 0) > 13 || (d0 >>> 0) > 9 || (d1 >>> 0) > 9 || (d2 >>> 0) > 9 || (d3 >>> 0) > 9) return -1;
  return l * 10_000 + d0 * 1000 + d1 * 100 + d2 * 10 + d3;
}
