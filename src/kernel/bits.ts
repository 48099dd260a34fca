/** Bit counting, shared by the kernel (skills in common), the ranks (blockers of a near miss) and validation (keys seen). */

/** Number of set bits of a 32-bit integer (SWAR: no loop, no table). */
export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
