/**
 * French communes (metropolitan France and the five DROM) with their centroid and legal
 * population, read from communes.tsv (see README.md beside this file for source and licence).
 */
import { readFileSync } from 'node:fs';

export interface Commune {
  /** INSEE code (5 characters, 2A/2B for Corsica). */
  code: string;
  name: string;
  /** Département code: '61', '2A', '971'… */
  departement: string;
  lat: number;
  lon: number;
  /** Population municipale (INSEE, COG 2026 millésime). */
  population: number;
  /** true when GeoNames had no point for it and the position is the mean of its postal-code neighbours. */
  approx: boolean;
}

let cache: Commune[] | undefined;

/** Every commune, sorted by INSEE code; parsed once, then shared (do not mutate). */
export function loadCommunes(): Commune[] {
  if (cache) return cache;
  const text = readFileSync(new URL('./communes.tsv', import.meta.url), 'utf8');
  const lines = text.split('\n');
  const out: Commune[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (line.length === 0) continue;
    const f = line.split('\t');
    out.push({
      code: f[0],
      name: f[1],
      departement: f[2],
      lat: Number(f[3]),
      lon: Number(f[4]),
      population: Number(f[5]),
      approx: f[6] === '1',
    });
  }
  cache = out;
  return out;
}

/** The communes of one département ('61', '2A', '974'…); empty for an unknown code. */
export function communesOf(departement: string): Commune[] {
  return loadCommunes().filter((c) => c.departement === departement);
}
