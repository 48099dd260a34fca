/**
 * `renderReport`: one self-contained HTML page (inline style and script, no request) of a
 * territory batch: a map of records and links with job and public filters, the score
 * distribution per criterion, the unmatched records' main blockers, and the audit and indicator
 * tables when given. Reads the batch through its public members only.
 *
 * Public categories are advisor-only data: the employer audience's page carries none (no public
 * filter, no category in a tooltip or a key, no audit or indicator table, restriction and work
 * authorisation folded into "à discuter" as in the employer's Match).
 */
import type { BatchResult } from '../batch/matchAll.js';
import type { Candidate, Vacancy } from '../schema/index.js';
import type { Audience, Match } from '../scoring/types.js';
import type { AllocationLike, FairnessAudit, PlatformIndicators, ScheduleLike } from '../audit/index.js';
import { NOTHING_IN_REACH } from '../audit/index.js';
import { Category } from '../schema/primitives.js';
import { defaultReferential } from '../referential/index.js';
import { BLOCKER_LABELS, CRITERION_LABELS } from '../explain/index.js';
import { TO_DISCUSS, TO_DISCUSS_BLOCKERS } from '../scoring/model.js';
import { readReportInput } from './input.js';
import { formatDate, formatDays, formatNumber, formatPercent, plural } from '../format/french.js';
import { code, esc, table } from './html.js';
import { fitProjection, renderMap, type LatLon, type Projection, type MapLink, type MapMarker, type ReportCommune } from './map.js';
import { distributionSvg, summarize } from './charts.js';
import { SCRIPT, STYLE } from './assets.js';

/** The members of a `matchAll` result the report reads. */
export type ReportBatch = Pick<
  BatchResult,
  'matches' | 'unmatchedCandidates' | 'unmatchedVacancies' | 'candidateIds' | 'vacancyIds' | 'candidate' | 'vacancy' | 'shortlist' | 'explain' | 'versions'
>;

export interface ReportInput {
  batch: ReportBatch;
  /** Assignments drawn as solid links. */
  allocation?: AllocationLike;
  /** Job-dating interviews drawn as dashed links. */
  schedule?: ScheduleLike;
  /** auditFairness result (advisor audience only). */
  audit?: FairnessAudit;
  /** platformIndicators result (advisor audience only). */
  indicators?: PlatformIndicators;
  /** Background commune points (e.g. the records' départements); none: records only. */
  communes?: readonly ReportCommune[];
  /** Attribution of the commune positions, printed under the map. */
  communesSource?: string;
  title?: string;
  /** Default 'advisor'. 'employer': no public category anywhere in the page. */
  audience?: Audience;
  /** Reference date shown in the header (YYYY-MM-DD); the report reads no clock. */
  date?: string;
  /** Shortlisted pairs explained for the criterion distributions (default 400, spread over vacancies). */
  maxExplained?: number;
  /** Above this many records of a kind, markers are map cells holding several records (default 3 000). */
  maxMarkers?: number;
  /** Links drawn at most, best scores first (default 3 000). */
  maxLinks?: number;
}

const DEFAULT_EXPLAINED = 400;
const DEFAULT_MARKERS = 3000;
const DEFAULT_LINKS = 3000;
const MAX_UNMATCHED_LISTED = 100;
const MAX_AUDIT_ROWS = 60;

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const n0 = (n: number) => formatNumber(n, 0);
const share = (x: number | null) => (x === null ? '—' : formatPercent(x));

const JOB_LABELS = new Map(defaultReferential.jobs.map((j) => [j.rome, j.label]));
const CATEGORY_LABELS = new Map<string, string>(defaultReferential.categories.map((c) => [c.code, c.label]));
const CATEGORY_INDEX = new Map<string, number>(Category.options.map((c, i) => [c, i]));
const jobLabel = (rome: string) => JOB_LABELS.get(rome) ?? rome;
const placeName = (p: { label?: string; communeCode?: string }) => p.label ?? p.communeCode;

function categoryCodes(c: Candidate): string[] {
  const out: string[] = [];
  for (const x of (c.categories ?? []) as unknown[]) {
    const k = typeof x === 'string' ? x : (x as { code?: unknown } | null)?.code;
    if (typeof k === 'string' && CATEGORY_INDEX.has(k)) out.push(k);
  }
  return out;
}

interface Placed<R> extends LatLon { record: R; key: string }

/** Above the cap, cells start at this size (drawing units) and double until the cap holds. */
const CELL = 12;

/** One marker per record, or per square cell of the drawing above the cap. */
function markersOf<R>(kind: MapMarker['kind'], placed: readonly Placed<R>[], cap: number, proj: Projection, titleOf: (r: R) => string, cellTitle: (n: number, first: R) => string): MapMarker[] {
  if (placed.length <= cap) return placed.map((p) => ({ kind, lat: p.lat, lon: p.lon, members: [p.key], title: titleOf(p.record) }));
  for (let step = CELL; ; step *= 2) {
    const cells = new Map<string, Placed<R>[]>();
    for (const p of placed) {
      const k = `${Math.floor(proj.y(p.lat) / step)}:${Math.floor(proj.x(p.lon) / step)}`;
      const cell = cells.get(k);
      if (cell) cell.push(p);
      else cells.set(k, [p]);
    }
    if (cells.size <= cap || step > proj.width) {
      return [...cells.values()].map((cell) => {
        let lat = 0, lon = 0;
        for (const p of cell) { lat += p.lat; lon += p.lon; }
        return { kind, lat: lat / cell.length, lon: lon / cell.length, members: cell.map((p) => p.key), title: cell.length === 1 ? titleOf(cell[0].record) : cellTitle(cell.length, cell[0].record) };
      });
    }
  }
}

/** Up to `cap` shortlisted pairs: every vacancy's first, then every vacancy's second, … */
function pairsToExplain(batch: ReportBatch, cap: number): { candidateId: string; vacancyId: string }[] {
  const lists = batch.vacancyIds().sort(byId).map((v) => batch.shortlist(v)).filter((l) => l.length > 0);
  const out: { candidateId: string; vacancyId: string }[] = [];
  for (let rank = 0; out.length < cap && lists.some((l) => l.length > rank); rank++) {
    for (const l of lists) {
      if (out.length >= cap) break;
      if (l.length > rank) out.push(l[rank]);
    }
  }
  return out;
}

function scoreSection(batch: ReportBatch, audience: Audience, cap: number): string {
  const scores: number[] = [];
  for (const m of batch.matches) scores.push(m.score);
  const pairs = pairsToExplain(batch, cap);
  const byCriterion = new Map<string, { label: string; weight: number; values: number[]; points: number[] }>();
  for (const p of pairs) {
    const m: Match = batch.explain(p.candidateId, p.vacancyId, { audience });
    for (const c of m.criteria) {
      let row = byCriterion.get(c.code);
      if (!row) byCriterion.set(c.code, (row = { label: c.label, weight: c.weight, values: [], points: [] }));
      row.values.push(c.value);
      row.points.push(c.points);
    }
  }
  const all = summarize(scores);
  const head = all
    ? `<p>${n0(scores.length)} ${plural(scores.length, 'paire retenue', 'paires retenues')} dans les listes : score médian ${formatNumber(all.median, 1)} sur 100 (de ${formatNumber(all.min, 1)} à ${formatNumber(all.max, 1)}).</p>${distributionSvg(scores, 100, 'Répartition des scores des paires retenues, de 0 à 100')}`
    : '<p>Aucune paire retenue dans les listes.</p>';
  const rows = [...byCriterion].map(([k, r]) => {
    const s = summarize(r.values)!;
    const mean = r.points.reduce((a, b) => a + b, 0) / r.points.length;
    return [
      `${esc(r.label || (CRITERION_LABELS as Record<string, string>)[k] || k)} ${code(k)}`,
      n0(r.weight),
      esc(formatNumber(mean, 1)),
      esc(formatPercent(s.median)),
      distributionSvg(r.values, 1, `Répartition du critère ${r.label}, de 0 à 100 %`),
    ];
  });
  const note = `<p class="note">Critères lus dans l’explication de ${n0(pairs.length)} ${plural(pairs.length, 'paire', 'paires')} des listes (au plus ${n0(cap)} : la 1<sup>re</sup> de chaque offre, puis la 2<sup>e</sup>…). Histogramme de la valeur du critère (0 à 100 %), boîte des quartiles, médiane en orange.</p>`;
  return `<section id="scores"><h2>Distribution des scores</h2>${head}${rows.length > 0 ? table('Par critère', ['Critère', 'Poids', 'Points moyens', 'Valeur médiane', 'Répartition'], rows, [1, 2, 3]) : ''}${note}</section>`;
}

const byCount = (a: [string, number], b: [string, number]) => b[1] - a[1] || byId(a[0], b[0]);

/** One record's blocker counts, most frequent first; restriction and work authorisation fold into "à discuter" for an employer. */
function blockersOf(u: ReportBatch['unmatchedCandidates'][number], audience: Audience): [string, number][] {
  const counts = new Map<string, number>();
  for (const [k, c] of Object.entries(u.blockers)) {
    const shown = audience === 'employer' && (TO_DISCUSS_BLOCKERS as readonly string[]).includes(k) ? TO_DISCUSS : k;
    counts.set(shown, (counts.get(shown) ?? 0) + (c ?? 0));
  }
  return [...counts].sort(byCount);
}

/** Each blocker's count of records it kept out at least once; none at all: nothing in reach. */
function blockerCounts(unmatched: ReportBatch['unmatchedCandidates'], audience: Audience): [string, number][] {
  const counts = new Map<string, number>();
  for (const u of unmatched) {
    const own = blockersOf(u, audience);
    if (own.length === 0) counts.set(NOTHING_IN_REACH, (counts.get(NOTHING_IN_REACH) ?? 0) + 1);
    for (const [k] of own) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts].sort(byCount);
}

function blockerLabel(k: string, who: 'candidate' | 'vacancy'): string {
  if (k === NOTHING_IN_REACH) return who === 'candidate' ? 'Aucune offre à portée de trajet' : 'Aucun·e candidat·e à portée de trajet';
  return (BLOCKER_LABELS as Record<string, string>)[k] ?? k;
}

function blockerTable(unmatched: ReportBatch['unmatchedCandidates'], who: 'candidate' | 'vacancy', audience: Audience): string {
  const noun = who === 'candidate' ? ['candidat·e sans offre éligible', 'candidat·es sans offre éligible'] : ['offre sans candidat·e éligible', 'offres sans candidat·e éligible'];
  const unit = who === 'candidate' ? ['candidat·e', 'candidat·es'] : ['offre', 'offres'];
  const n = unmatched.length;
  if (n === 0) return `<p>Aucune ${who === 'candidate' ? 'personne sans offre éligible' : 'offre sans candidat·e éligible'}.</p>`;
  const rows = blockerCounts(unmatched, audience);
  const [topCode, topCount] = rows[0];
  const sentence = `<p>${n0(n)} ${plural(n, noun[0], noun[1])} : le blocage le plus fréquent est « ${esc(blockerLabel(topCode, who))} » (${n0(topCount)} ${plural(topCount, unit[0], unit[1])}, ${esc(formatPercent(topCount / n))}) ${code(topCode)}.</p>`;
  return sentence + table(
    who === 'candidate' ? 'Candidat·es sans offre : blocages' : 'Offres sans candidat·e : blocages',
    ['Blocage', 'Code', who === 'candidate' ? 'Candidat·es' : 'Offres', 'Part'],
    rows.map(([k, c]) => [esc(blockerLabel(k, who)), code(k), n0(c), esc(formatPercent(c / n))]),
    [2, 3],
  );
}

function unmatchedVacancyList(batch: ReportBatch, audience: Audience): string {
  const list = batch.unmatchedVacancies.slice(0, MAX_UNMATCHED_LISTED);
  if (list.length === 0) return '';
  const rows = list.map((u) => {
    const v = batch.vacancy(u.id);
    const main = blockersOf(u, audience).slice(0, 3);
    return [
      code(u.id),
      v ? `${esc(v.job.title ?? jobLabel(v.job.rome))} ${code(v.job.rome)}` : '—',
      v ? esc(placeName(v.site) ?? '—') : '—',
      main.length === 0 ? esc(blockerLabel(NOTHING_IN_REACH, 'vacancy')) : main.map(([k, c]) => `${esc(blockerLabel(k, 'vacancy'))} (${n0(c)}) ${code(k)}`).join('<br>'),
    ];
  });
  const more = batch.unmatchedVacancies.length > list.length ? `<p class="note">${n0(list.length)} premières offres sur ${n0(batch.unmatchedVacancies.length)}.</p>` : '';
  return table('Offres sans candidat·e éligible', ['Offre', 'Métier', 'Lieu', 'Principaux blocages (candidat·es écarté·es)'], rows) + more;
}

const details = (summary: string, body: string) => `<details><summary>${esc(summary)}</summary>${body}</details>`;

function auditSection(audit: FairnessAudit): string {
  const groups = table(
    'Sélection par public (règle des 4/5)',
    ['Public', 'Candidat·es', 'Éligibles', 'Retenu·es', 'Taux', 'Ratio d’impact', 'Signalé'],
    audit.groups.map((g) => [
      `${esc(g.label)} ${code(g.group)}`, n0(g.candidates), n0(g.eligible), n0(g.selected), esc(share(g.rate)),
      g.impactRatio === null ? '—' : esc(formatNumber(g.impactRatio, 2)), g.flagged ? '<span class="flag">oui</span>' : 'non',
    ]),
    [1, 2, 3, 4, 5],
  );
  const blockers = audit.blockers.length === 0 ? '' : details('Blocages par public', table(
    'Blocages des candidat·es sans offre, par public',
    ['Public', 'Blocage', 'Candidat·es', 'Levier'],
    audit.blockers.slice(0, MAX_AUDIT_ROWS).map((b) => [code(b.group), `${esc(b.label)} ${code(b.code)}`, n0(b.count), b.lift ? esc(b.lift.message) : '—']),
    [2],
  ));
  const employers = audit.employers.length === 0 ? '' : details('Exposition des employeurs', table(
    'Exposition des employeurs',
    ['Employeur', 'Postes', 'Exposition', 'Par poste', 'Sous-exposé'],
    audit.employers.slice(0, MAX_AUDIT_ROWS).map((e) => [code(e.employerId), n0(e.openings), n0(e.exposure), esc(formatNumber(e.perOpening, 1)), e.underServed ? '<span class="flag">oui</span>' : 'non']),
    [1, 2, 3],
  ));
  const text = details('Lecture de l’audit', audit.text.split('\n').filter((l) => l.trim() !== '').map((l) => `<p>${esc(l)}</p>`).join(''));
  return `<section id="audit"><h2>Audit d’équité</h2>${groups}${blockers}${employers}${text}</section>`;
}

function indicatorSection(ind: PlatformIndicators): string {
  const rows = ind.groups.map((g) => [
    `${esc(g.label)} ${code(g.group)}`, n0(g.accompanied), n0(g.immersions), n0(g.trainingEntries.total), n0(g.hires.total),
    esc(share(g.enteredShare)), esc(share(g.retention3m.rate)), esc(share(g.retention6m.rate)),
    g.medianDaysToHire === null ? '—' : esc(formatDays(g.medianDaysToHire)),
  ]);
  const caption = `Indicateurs de suivi du ${formatDate(ind.period.from)} au ${formatDate(ind.period.to)}`;
  return `<section id="indicators"><h2>Indicateurs de suivi</h2>${table(caption, ['Public', 'Accompagné·es', 'Immersions', 'Entrées en formation', 'Embauches', 'Part entrée en formation ou en emploi', 'Maintien à 3 mois', 'Maintien à 6 mois', 'Délai médian d’embauche'], rows, [1, 2, 3, 4, 5, 6, 7, 8])}</section>`;
}

/** The report as one HTML string (UTF-8); deterministic for a given input. */
export function renderReport(argument: ReportInput): string {
  const input = readReportInput(argument);
  const { batch } = input;
  const audience: Audience = input.audience ?? 'advisor';
  const advisor = audience === 'advisor';

  const candidates: Candidate[] = [];
  for (const id of batch.candidateIds()) { const c = batch.candidate(id); if (c) candidates.push(c); }
  const vacancies: Vacancy[] = [];
  for (const id of batch.vacancyIds()) { const v = batch.vacancy(id); if (v) vacancies.push(v); }

  const romes = new Set<string>();
  for (const v of vacancies) romes.add(v.job.rome);
  for (const c of candidates) for (const r of c.desiredJobs) romes.add(r);
  const jobs = [...romes].sort(byId);
  const jobIndex = new Map(jobs.map((r, i) => [r, i]));
  const catsPresent = new Set<string>();

  const candidateKey = new Map<string, string>();
  const placedC: Placed<Candidate>[] = candidates.map((c) => {
    const js = c.desiredJobs.length === 0 ? '*' : c.desiredJobs.map((r) => jobIndex.get(r)).join(',');
    let key = js;
    if (advisor) {
      const cats = categoryCodes(c);
      for (const k of cats) catsPresent.add(k);
      key = `${js}/${cats.map((k) => CATEGORY_INDEX.get(k)).join(',')}`;
    }
    candidateKey.set(c.id, key);
    return { lat: c.home.lat, lon: c.home.lon, record: c, key };
  });
  const placedV: Placed<Vacancy>[] = vacancies.map((v) => ({ lat: v.site.lat, lon: v.site.lon, record: v, key: String(jobIndex.get(v.job.rome)) }));

  const maxMarkers = input.maxMarkers ?? DEFAULT_MARKERS;
  const candidateTitle = (c: Candidate) => {
    const wants = c.desiredJobs.length === 0 ? 'tout métier du secteur' : c.desiredJobs.map(jobLabel).join(', ');
    const cats = advisor ? categoryCodes(c).map((k) => CATEGORY_LABELS.get(k) ?? k) : [];
    return [`Candidat·e ${c.id}`, placeName(c.home), `cherche : ${wants}`, cats.length > 0 ? `public : ${cats.join(', ')}` : undefined].filter(Boolean).join(' — ');
  };
  const vacancyTitle = (v: Vacancy) => [`Offre ${v.id}`, v.job.title ?? jobLabel(v.job.rome), placeName(v.site), `${formatNumber(v.contract.weeklyHours, 1)} h par semaine`].filter(Boolean).join(' — ');
  const near = (p: { label?: string; communeCode?: string }) => (placeName(p) ? ` autour de ${placeName(p)}` : '');
  const proj = fitProjection([...placedC, ...placedV]);
  const markers = [
    ...markersOf('candidate', placedC, maxMarkers, proj, candidateTitle, (n, c) => `${n0(n)} candidat·es${near(c.home)}`),
    ...markersOf('vacancy', placedV, maxMarkers, proj, vacancyTitle, (n, v) => `${n0(n)} offres${near(v.site)}`),
  ];

  // Links: allocation then job dating, best scores first, capped.
  const linksIn: (MapLink & { score: number; c: string; v: string })[] = [];
  const addLink = (kind: MapLink['kind'], c: string, v: string, score: number, what: string) => {
    const cand = batch.candidate(c);
    const vac = batch.vacancy(v);
    if (!cand || !vac) return;
    linksIn.push({
      kind, from: cand.home, to: vac.site, candidateKey: candidateKey.get(c)!, vacancyKey: String(jobIndex.get(vac.job.rome)),
      title: `${what} : ${c} → ${v}, score ${formatNumber(score, 1)}`, score, c, v,
    });
  };
  for (const a of input.allocation?.assignments ?? []) addLink('allocation', a.candidateId, a.vacancyId, a.score, 'Affectation');
  for (const i of input.schedule?.interviews ?? []) addLink('schedule', i.candidateId, i.vacancyId, i.score, 'Entretien de job dating');
  const maxLinks = input.maxLinks ?? DEFAULT_LINKS;
  const links = linksIn.length <= maxLinks
    ? linksIn
    : [...linksIn].sort((a, b) => b.score - a.score || byId(a.c, b.c) || byId(a.v, b.v)).slice(0, maxLinks);

  const title = input.title ?? 'Rapport de mise en relation du territoire';
  const mapLabel = `Carte : ${n0(candidates.length)} candidat·es (ronds bleus), ${n0(vacancies.length)} offres (carrés orange)${links.length > 0 ? `, ${n0(links.length)} liens` : ''}`;
  const map = renderMap(proj, markers, links, input.communes ?? [], mapLabel);

  const jobOptions = jobs.map((r, i) => `<option value="${i}">${esc(jobLabel(r))} (${esc(r)})</option>`).join('');
  const publicFilter = advisor
    ? `<label for="f-pub">Public</label><select id="f-pub"><option value="">Tous les publics</option><option value="none">Sans catégorie de public</option>${[...catsPresent]
        .sort((a, b) => CATEGORY_INDEX.get(a)! - CATEGORY_INDEX.get(b)!)
        .map((k) => `<option value="${CATEGORY_INDEX.get(k)}">${esc(CATEGORY_LABELS.get(k) ?? k)} (${esc(k)})</option>`).join('')}</select>`
    : '';
  const sym = (shape: string) => `<svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">${shape}</svg>`;
  const legend = [
    `<li>${sym('<circle cx="8" cy="8" r="5" fill="#1f5fa8"/>')}Candidat·e (rond bleu ; plus grand : plusieurs)</li>`,
    `<li>${sym('<rect x="3" y="3" width="10" height="10" fill="#c2410c"/>')}Offre (carré orange)</li>`,
    input.allocation ? `<li>${sym('<path d="M1 8h14" stroke="#15803d" stroke-width="2"/>')}Affectation (trait plein vert)</li>` : '',
    input.schedule ? `<li>${sym('<path d="M1 8h14" stroke="#7e22ce" stroke-width="2" stroke-dasharray="4 3"/>')}Entretien de job dating (tirets violets)</li>` : '',
    input.communes && input.communes.length > 0 ? `<li>${sym('<circle cx="8" cy="8" r="2" fill="#b8bfca"/>')}Commune</li>` : '',
  ].join('');
  const notes = [
    markers.length < placedC.length + placedV.length ? `Au-delà de ${n0(maxMarkers)} enregistrements d’un type, un repère regroupe ceux d’une même maille de la carte.` : '',
    links.length < linksIn.length ? `${n0(links.length)} liens dessinés sur ${n0(linksIn.length)} (meilleurs scores).` : '',
    'Une personne sans métier souhaité apparaît pour chaque métier.',
    advisor ? 'Le filtre de public ne s’applique qu’aux candidat·es.' : '',
    input.communesSource ? `Communes : ${esc(input.communesSource)}.` : '',
  ].filter(Boolean).map((t) => `<p class="note">${t}</p>`).join('');

  const v = batch.versions;
  const banner = advisor
    ? '<p class="audience advisor"><strong>Document conseiller.</strong> Il contient le public des personnes (bénéficiaires du RSA, travailleurs handicapés, résidents des quartiers prioritaires…), donnée réservée à l’accompagnement : ne pas le transmettre à un employeur.</p>'
    : '<p class="audience employer"><strong>Version employeur.</strong> Sans catégorie de public ni restriction : les points à vérifier avec la personne figurent comme « à discuter ».</p>';
  const meta = `<p class="meta">${n0(candidates.length)} candidat·es, ${n0(vacancies.length)} offres${input.date ? ` ; date de référence : ${esc(formatDate(input.date))}` : ''} ; moteur ${esc(v.engine)}, référentiel ${esc(v.referential)}, ROME ${esc(v.rome)}.</p>`;

  const sections = [
    `<section id="carte"><h2>Carte</h2><div class="layout"><div>${map}</div><aside><label for="f-job">Métier</label><select id="f-job"><option value="">Tous les métiers</option>${jobOptions}</select>${publicFilter}<ul class="legend">${legend}</ul><p id="shown" aria-live="polite"></p></aside></div>${notes}</section>`,
    scoreSection(batch, audience, input.maxExplained ?? DEFAULT_EXPLAINED),
    `<section id="blocages"><h2>Sans correspondance : principaux blocages</h2>${blockerTable(batch.unmatchedCandidates, 'candidate', audience)}${blockerTable(batch.unmatchedVacancies, 'vacancy', audience)}${unmatchedVacancyList(batch, audience)}</section>`,
    advisor && input.audit ? auditSection(input.audit) : '',
    advisor && input.indicators ? indicatorSection(input.indicators) : '',
  ];

  return [
    '<!doctype html>',
    '<html lang="fr">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Nothing may leave the page: no request of any kind, inline style and script only.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">`,
    `<title>${esc(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<header><h1>${esc(title)}</h1>${banner}${meta}</header>`,
    `<main>${sections.join('\n')}</main>`,
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
