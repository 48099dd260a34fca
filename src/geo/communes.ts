/**
 * The package's commune table: INSEE code → centroid (WGS84, 1e-4 degree), for the 34 875
 * communes of the COG 2026 (metropolitan France and the five DROM), placed by GeoNames — see
 * data/README.md for sources, licences and how imprecise some positions are. Decoded once, on
 * first use, into flat arrays indexed by `communeKey`.
 */
import { COMMUNE_COUNT, COMMUNES_PACKED } from './data/communes.data.js';

/** Keys run over 0 … 99 999: five digits as a number, 2A and 2B in the unused 20 000 … 20 999. */
const KEYS = 100_000;

interface Table {
  /** key → 1 + row, 0 for no commune. */
  row: Int32Array;
  lat: Float64Array;
  lon: Float64Array;
}

let table: Table | undefined;

/**
 * The key of a commune code (`61001`, `2A004`), or −1 when the string has not that form
 * (5 digits, or 2A/2B and 3 digits).
 */
export function communeKey(code: string): number {
  if (code.length !== 5) return -1;
  const c1 = code.charCodeAt(1);
  const d2 = code.charCodeAt(2) - 48, d3 = code.charCodeAt(3) - 48, d4 = code.charCodeAt(4) - 48;
  if ((d2 >>> 0) > 9 || (d3 >>> 0) > 9 || (d4 >>> 0) > 9) return -1;
  const tail = d2 * 100 + d3 * 10 + d4;
  const d0 = code.charCodeAt(0) - 48;
  if (d0 === 2 && (c1 === 65 || c1 === 66)) return 20_000 + (c1 === 65 ? 0 : 500) + tail;
  const d1 = c1 - 48;
  // No département is numbered 20 (Corsica is 2A/2B): its keys are theirs.
  if ((d0 >>> 0) > 9 || (d1 >>> 0) > 9 || (d0 === 2 && d1 === 0)) return -1;
  return d0 * 10_000 + d1 * 1000 + tail;
}

function decode(): Table {
  const bin = atob(COMMUNES_PACKED);
  const row = new Int32Array(KEYS);
  const lat = new Float64Array(COMMUNE_COUNT);
  const lon = new Float64Array(COMMUNE_COUNT);
  let pos = 0;
  const varint = (): number => {
    let n = 0;
    let scale = 1;
    for (;;) {
      const b = bin.charCodeAt(pos++);
      n += (b & 0x7f) * scale;
      if (b < 0x80) return n;
      scale *= 128;
    }
  };
  const unzigzag = (n: number): number => (n % 2 === 0 ? n / 2 : -(n + 1) / 2);
  let k = -1, la = 0, lo = 0;
  for (let i = 0; i < COMMUNE_COUNT; i++) {
    k += varint();
    la += unzigzag(varint());
    lo += unzigzag(varint());
    row[k] = i + 1;
    // Integer / 1e4 is the double nearest the 4-decimal value: the same number as the TSV's text.
    lat[i] = la / 1e4;
    lon[i] = lo / 1e4;
  }
  return { row, lat, lon };
}

/** Row of a commune in the table (≥ 0), or −1 for a code that is not a current commune. */
export function communeRow(code: string): number {
  const k = communeKey(code);
  if (k < 0) return -1;
  table ??= decode();
  return table.row[k] - 1;
}

/** Latitude of the commune at `row` (from `communeRow`). */
export function communeLat(row: number): number {
  return (table ??= decode()).lat[row];
}

/** Longitude of the commune at `row` (from `communeRow`). */
export function communeLon(row: number): number {
  return (table ??= decode()).lon[row];
}

/**
 * The centroid of a commune, or `undefined` for a code that is not a current commune.
 * @example
 * communePosition('61001'); // { lat: 48.4348, lon: 0.0931 } (Alençon)
 */
export function communePosition(code: string): { lat: number; lon: number } | undefined {
  const r = communeRow(code);
  return r < 0 ? undefined : { lat: communeLat(r), lon: communeLon(r) };
}
