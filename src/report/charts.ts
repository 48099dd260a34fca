/** Small SVG charts of the report: a histogram over [0, max] with a box plot underneath. */
import { formatNumber } from '../format/french.js';
import { esc } from './html.js';

export interface Summary { min: number; q1: number; median: number; q3: number; max: number; mean: number }

/** Quartiles by linear interpolation between order statistics (values need not be sorted). */
export function summarize(values: readonly number[]): Summary | undefined {
  if (values.length === 0) return undefined;
  const s = Float64Array.from(values).sort();
  const at = (q: number) => {
    const i = q * (s.length - 1);
    const lo = Math.floor(i);
    return lo + 1 < s.length ? s[lo] + (s[lo + 1] - s[lo]) * (i - lo) : s[lo];
  };
  let sum = 0;
  for (const v of s) sum += v;
  return { min: s[0], q1: at(0.25), median: at(0.5), q3: at(0.75), max: s[s.length - 1], mean: sum / s.length };
}

const W = 240;
const BARS_H = 40;
const H = 60;
const BINS = 10;
const r1 = (n: number) => Math.round(n * 10) / 10;

/** Counts per bin of width max/BINS; the last bin includes max. */
export function histogram(values: readonly number[], max: number): number[] {
  const counts = new Array<number>(BINS).fill(0);
  for (const v of values) counts[Math.min(BINS - 1, Math.max(0, Math.floor((v / max) * BINS)))]++;
  return counts;
}

/** The chart of `values` in [0, max]; `label` names it for screen readers. */
export function distributionSvg(values: readonly number[], max: number, label: string): string {
  const counts = histogram(values, max);
  const top = Math.max(1, ...counts);
  const bw = W / BINS;
  const bars = counts
    .map((c, i) => {
      const h = r1((c / top) * BARS_H);
      const from = formatNumber((i * max) / BINS, 1);
      const to = formatNumber(((i + 1) * max) / BINS, 1);
      return `<rect x="${r1(i * bw + 1)}" y="${r1(BARS_H - h)}" width="${r1(bw - 2)}" height="${h}"><title>${esc(`${from} à ${to} : ${formatNumber(c, 0)}`)}</title></rect>`;
    })
    .join('');
  const s = summarize(values);
  const x = (v: number) => r1((v / max) * W);
  const box = s
    ? `<g class="box"><path d="M${x(s.min)} 52H${x(s.q1)}M${x(s.q3)} 52H${x(s.max)}"/><rect x="${x(s.q1)}" y="46" width="${r1(Math.max(1, x(s.q3) - x(s.q1)))}" height="12"/><path class="med" d="M${x(s.median)} 46V58"/></g>`
    : '';
  return `<svg class="dist" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(label)}"><g class="bars">${bars}</g>${box}</svg>`;
}
