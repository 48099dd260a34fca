/**
 * The report's SVG map: an equirectangular projection with the longitudes scaled by cos(mean
 * latitude), fitted to the records' bounding box; commune points underneath, links, then markers.
 */
import { formatKm } from '../format/french.js';
import { KM_PER_DEG } from '../geo/travel.js';
import { esc } from './html.js';

export interface LatLon { lat: number; lon: number }

/** A commune drawn as a background point (INSEE COG + GeoNames positions, or any licensed source). */
export interface ReportCommune extends LatLon {
  code?: string;
  name?: string;
  population?: number;
}

/**
 * One marker: a record, or the records of one map cell when there are too many to draw one by
 * one. `members` holds each record's filter key (see script.ts), `title` the tooltip.
 */
export interface MapMarker extends LatLon {
  kind: 'candidate' | 'vacancy';
  members: string[];
  title: string;
}

export interface MapLink {
  kind: 'allocation' | 'schedule';
  from: LatLon;
  to: LatLon;
  /** The candidate's filter key and the vacancy's job index: the link shows when both ends do. */
  candidateKey: string;
  vacancyKey: string;
  title: string;
}

const WIDTH = 820;
const MAX_HEIGHT = 760;
const MARGIN = 24;
/** Above this many links, lines are drawn lighter so that markers stay readable. */
const MANY_LINKS = 300;

export interface Projection {
  x(lon: number): number;
  y(lat: number): number;
  width: number;
  height: number;
  /** Kilometres per SVG unit, for the scale bar. */
  kmPerUnit: number;
}

/** Fits the points' bounding box into the drawing; a single point gets a 0.1° window. */
export function fitProjection(points: Iterable<LatLon>): Projection {
  let minLat = Infinity, maxLat = -Infinity, minLon = Infinity, maxLon = -Infinity;
  for (const p of points) {
    if (p.lat < minLat) minLat = p.lat;
    if (p.lat > maxLat) maxLat = p.lat;
    if (p.lon < minLon) minLon = p.lon;
    if (p.lon > maxLon) maxLon = p.lon;
  }
  if (minLat > maxLat) [minLat, maxLat, minLon, maxLon] = [46, 47, 2, 3];
  const midLat = (minLat + maxLat) / 2;
  const k = Math.cos((midLat * Math.PI) / 180);
  const spanX = Math.max((maxLon - minLon) * k, 0.1);
  const spanY = Math.max(maxLat - minLat, 0.1);
  const scale = Math.min((WIDTH - 2 * MARGIN) / spanX, (MAX_HEIGHT - 2 * MARGIN) / spanY);
  const cx = (minLon + maxLon) / 2;
  const cy = midLat;
  const height = Math.round(spanY * scale + 2 * MARGIN);
  return {
    x: (lon) => WIDTH / 2 + (lon - cx) * k * scale,
    y: (lat) => height / 2 - (lat - cy) * scale,
    width: WIDTH,
    height,
    kmPerUnit: KM_PER_DEG / scale,
  };
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/** A round length (1, 2, 5 × 10^k km) drawn about 120 units long. */
function scaleBar(p: Projection): string {
  const target = 120 * p.kmPerUnit;
  const pow = 10 ** Math.floor(Math.log10(target));
  const km = [5, 2, 1].map((m) => m * pow).find((v) => v <= target) ?? pow;
  const len = r1(km / p.kmPerUnit);
  const y = p.height - 10;
  return `<g class="scale" aria-hidden="true"><path d="M${MARGIN} ${y - 4}v4h${len}v-4"/><text x="${MARGIN + len + 6}" y="${y}">${esc(formatKm(km))}</text></g>`;
}

/** A single record's marker has the base size; a cell's grows with the square root of its share of the largest cell. */
function marker(p: Projection, m: MapMarker, largest: number): string {
  const n = m.members.length;
  const x = r1(p.x(m.lon));
  const y = r1(p.y(m.lat));
  const grow = n === 1 ? 0 : Math.sqrt(n / largest);
  const data = `data-m="${esc(m.members.join(' '))}" data-n="${n}"`;
  const title = `<title>${esc(m.title)}</title>`;
  if (m.kind === 'candidate') return `<circle class="mk cand" cx="${x}" cy="${y}" r="${r1(3.5 + 6 * grow)}" ${data}>${title}</circle>`;
  const s = r1(8 + 8 * grow);
  return `<rect class="mk vac" x="${r1(x - s / 2)}" y="${r1(y - s / 2)}" width="${s}" height="${s}" ${data}>${title}</rect>`;
}

/** The map's `<svg>`: communes (the most populous named), links, candidates, vacancies. */
export function renderMap(p: Projection, markers: readonly MapMarker[], links: readonly MapLink[], communes: readonly ReportCommune[], label: string): string {
  const inside = (c: LatLon) => {
    const x = p.x(c.lon), y = p.y(c.lat);
    return x >= 0 && x <= p.width && y >= 0 && y <= p.height;
  };
  const shown = communes.filter(inside);
  const dots = shown.map((c) => `<circle cx="${r1(p.x(c.lon))}" cy="${r1(p.y(c.lat))}" r="1.6">${c.name ? `<title>${esc(c.name)}</title>` : ''}</circle>`);
  const named = shown
    .filter((c) => c.name !== undefined && c.population !== undefined)
    .sort((a, b) => b.population! - a.population! || (a.name! < b.name! ? -1 : 1))
    .slice(0, 8)
    .map((c) => `<text x="${r1(p.x(c.lon) + 4)}" y="${r1(p.y(c.lat) - 4)}">${esc(c.name!)}</text>`);
  const lines = links.map(
    (l) =>
      `<line class="lk ${l.kind}" x1="${r1(p.x(l.from.lon))}" y1="${r1(p.y(l.from.lat))}" x2="${r1(p.x(l.to.lon))}" y2="${r1(p.y(l.to.lat))}" data-c="${esc(l.candidateKey)}" data-v="${esc(l.vacancyKey)}"><title>${esc(l.title)}</title></line>`,
  );
  const draw = (kind: MapMarker['kind']) => {
    const of = markers.filter((m) => m.kind === kind);
    const largest = of.reduce((n, m) => Math.max(n, m.members.length), 1);
    return of.map((m) => marker(p, m, largest));
  };
  const cands = draw('candidate');
  const vacs = draw('vacancy');
  return [
    `<svg id="map" viewBox="0 0 ${p.width} ${p.height}" role="img" aria-label="${esc(label)}" xmlns="http://www.w3.org/2000/svg">`,
    `<rect class="bg" width="${p.width}" height="${p.height}"/>`,
    `<g class="communes">${dots.join('')}</g>`,
    `<g class="links${links.length > MANY_LINKS ? ' many' : ''}">\n${lines.join('\n')}\n</g>`,
    `<g class="cands">\n${cands.join('\n')}\n</g>`,
    `<g class="vacs">\n${vacs.join('\n')}\n</g>`,
    `<g class="names" aria-hidden="true">${named.join('')}</g>`,
    scaleBar(p),
    '</svg>',
  ].join('\n');
}
