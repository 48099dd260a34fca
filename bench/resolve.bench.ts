/**
 * Title resolution speed. Seeded workload of 100 000 titles built from the test fixtures' titles
 * (sector and out-of-sector), perturbed the way ads are (H/F, contract, city, capitals, missing
 * accents, one dropped letter); half of them repeat an earlier title, as a batch of ads does.
 * Prints titles/second without cache ("cold") and with the default cache, and writes
 * bench/results/resolve.json.
 *
 * Run: npx tsx bench/resolve.bench.ts
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createResolver } from '../src/referential/resolve.js';
import { defaultReferential } from '../src/referential/index.js';
import { chance, int, mulberry32, pick } from './rng.js';

const N = 100_000;
const REPEAT_SHARE = 0.5;
const RUNS = 3;

function fixtureTitles(name: string): string[] {
  const path = fileURLToPath(new URL(`../test/fixtures/${name}`, import.meta.url));
  return readFileSync(path, 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t')[0]);
}

const base = [...fixtureTitles('titles-sector.tsv'), ...fixtureTitles('titles-out.tsv')];
const SUFFIX = [' H/F', ' (H/F)', ' - CDI', ' - CDD 6 mois', ' – temps partiel 80 %', ' - EHPAD', ' en MAS', ' - 35h',
  ' urgent', ' débutant accepté', ' secteur Vire', ' - Caen (14)', ' - 1 900 € brut'];
const CITY = ['Alençon', 'Lisieux', 'Rouen', 'Flers', 'Bayeux', 'Argentan', 'Cherbourg', 'Évreux', 'Le Havre', 'Dieppe'];

function perturb(rng: () => number, title: string): string {
  let t = title;
  if (chance(rng, 0.6)) t += pick(rng, SUFFIX);
  if (chance(rng, 0.3)) t += ` ${pick(rng, CITY)}`;
  if (chance(rng, 0.15)) t = t.toUpperCase();
  else if (chance(rng, 0.2)) t = t.toLowerCase();
  if (chance(rng, 0.2)) t = t.normalize('NFD').replace(/\p{M}/gu, '');
  if (chance(rng, 0.15)) {
    const words = t.split(' ');
    const i = int(rng, 0, words.length - 1);
    const w = words[i];
    if (w.length >= 8) words[i] = w.slice(0, 3) + w.slice(4);
    t = words.join(' ');
  }
  return t;
}

function workload(seed: number): string[] {
  const rng = mulberry32(seed);
  const out: string[] = [];
  for (let i = 0; i < N; i++) {
    out.push(i > 0 && chance(rng, REPEAT_SHARE) ? out[int(rng, 0, i - 1)] : perturb(rng, pick(rng, base)));
  }
  return out;
}

interface Stats { min: number; mean: number; sd: number }
const stats = (xs: number[]): Stats => {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
  return { min: Math.min(...xs), mean, sd };
};

const titles = workload(20261123);
const distinct = new Set(titles).size;
let sink = 0;

function run(cacheSize: number): { buildMs: number; ms: number } {
  const resolver = createResolver(defaultReferential, { cacheSize });
  const t0 = performance.now();
  sink += resolver.resolveJobTitle('aide soignante')?.confidence ?? 0; // builds the index
  const t1 = performance.now();
  for (let i = 0; i < titles.length; i++) sink += resolver.resolveJobTitle(titles[i])?.confidence ?? 0;
  return { buildMs: t1 - t0, ms: performance.now() - t1 };
}

run(0); // warm-up: JIT and lazy parsing of the ROME data
const cold: number[] = [];
const cached: number[] = [];
const builds: number[] = [];
for (let r = 0; r < RUNS; r++) {
  const c = run(0);
  cold.push(c.ms);
  builds.push(c.buildMs);
  cached.push(run(50_000).ms);
}
const coldStats = stats(cold);
const cachedStats = stats(cached);
const buildStats = stats(builds);
const perSecond = (ms: number): number => Math.round(N / (ms / 1000));
const result = {
  titles: N,
  distinct,
  repeatShare: REPEAT_SHARE,
  runs: RUNS,
  indexBuildMs: buildStats,
  coldMs: coldStats,
  cachedMs: cachedStats,
  coldTitlesPerSecond: perSecond(coldStats.min),
  cachedTitlesPerSecond: perSecond(cachedStats.min),
  node: process.version,
  sink,
};
console.log(`index build: min ${buildStats.min.toFixed(0)} ms (mean ${buildStats.mean.toFixed(0)} ± ${buildStats.sd.toFixed(0)})`);
console.log(`${N} titles (${distinct} distinct), no cache: min ${coldStats.min.toFixed(0)} ms, mean ${coldStats.mean.toFixed(0)} ± ${coldStats.sd.toFixed(0)} → ${result.coldTitlesPerSecond} titles/s`);
console.log(`${N} titles, cache 50 000: min ${cachedStats.min.toFixed(0)} ms, mean ${cachedStats.mean.toFixed(0)} ± ${cachedStats.sd.toFixed(0)} → ${result.cachedTitlesPerSecond} titles/s`);
const dir = fileURLToPath(new URL('./results/', import.meta.url));
mkdirSync(dir, { recursive: true });
writeFileSync(`${dir}resolve.json`, `${JSON.stringify(result, null, 2)}\n`);
