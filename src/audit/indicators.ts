/**
 * platformIndicators (MODEL.md "Follow-up indicators"): what a platform reports to its funders,
 * from its event log, per public and in all. Each definition is written once here and, word for
 * word, in the README ("Follow-up indicators"). Dates are UTC day numbers; both bounds inclusive.
 */
import { csvField } from '../format/csv.js';
import type { Versions } from '../scoring/types.js';
import { defaultReferential } from '../referential/index.js';
import { ROME_VERSION, romeFiches } from '../referential/rome/index.js';
import { ENGINE_VERSION } from '../version.js';
import type { Issue } from '../errors.js';
import { checkCallOptions } from '../engine/call-options.js';
import { batchArgument, dataArgument, readElement, readRecord } from '../validate/edge.js';
import { certificationName, dayNumber, jobName } from '../explain/labels.js';
import { formatDate, formatDays, formatMonths, formatNumber, formatPercent, plural } from '../format/french.js';
import {
  EVENT_KINDS, IndicatorOptionsSchema, IndicatorRowsSchema, PlatformEventSchema, quickEvent, candidateIdOf, type PlatformEvent,
} from './schemas.js';
import {
  ALL_SLOT, CATEGORY_ORDER, NONE_SLOT, SLOT_COUNT, categoryMask, groupLabel, groupsPresent, slotOf, type GroupCode,
} from './groups.js';
import { median } from './stats.js';

/** Retention windows in days: 3 months and 6 months. */
export const RETENTION_3M_DAYS = 91;
export const RETENTION_6M_DAYS = 183;
/** The key of an event that does not say its certification, job or structure kind. */
export const UNSPECIFIED = 'unspecified';

export interface IndicatorOptions {
  from: string;
  to: string;
}

export interface Retention {
  /** Hires in the period whose date + window ≤ `to`. */
  counted: number;
  /** Of those, hires with no exit of the person within the window after the hire. */
  retained: number;
  rate: number | null;
}

export interface IndicatorRow {
  group: GroupCode;
  label: string;
  accompanied: number;
  immersions: number;
  trainingEntries: { total: number; byCertification: Record<string, number> };
  hires: { total: number; byRome: Record<string, number>; byStructureKind: Record<string, number> };
  /** Accompanied people with a training entry or a hire in the period. */
  entered: number;
  enteredShare: number | null;
  retention3m: Retention;
  retention6m: Retention;
  medianDaysToHire: number | null;
}

export interface EventRejection {
  index: number;
  id?: string;
  issues: Issue[];
}

export interface PlatformIndicators {
  period: { from: string; to: string };
  groups: IndicatorRow[];
  rejected: EventRejection[];
  csv: string;
  text: string;
  versions: Versions;
}

const KIND_CODE = new Map<string, number>(EVENT_KINDS.map((k, i) => [k, i]));
const START = KIND_CODE.get('accompaniment_start')!;
const IMMERSION = KIND_CODE.get('immersion')!;
const TRAINING = KIND_CODE.get('training_entry')!;
const HIRE = KIND_CODE.get('hire')!;
const EXIT = KIND_CODE.get('exit')!;

/** Per-group accumulators. */
class Tally {
  readonly n = Array.from({ length: SLOT_COUNT }, () => ({
    accompanied: 0, immersions: 0, trainings: 0, hires: 0, entered: 0,
    r3: 0, r3ok: 0, r6: 0, r6ok: 0,
    byCertification: new Map<string, number>(), byRome: new Map<string, number>(), byStructureKind: new Map<string, number>(),
    days: [] as number[],
  }));
}

const bump = (m: Map<string, number>, key: string | undefined) => {
  const k = key ?? UNSPECIFIED;
  m.set(k, (m.get(k) ?? 0) + 1);
};

const sortedRecord = (m: Map<string, number>): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const k of [...m.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) out[k] = m.get(k)!;
  return out;
};

/**
 * A hire in the period: counted by job and structure kind; in retention when its window has
 * passed by `to`, retained when the person's next exit strictly after the hire's day (an exit on
 * the hire's own day closes the accompaniment upon the hire, it is not a departure) is later than
 * the window; days to hire from the latest start on or before it.
 */
function countHire(tally: Tally, slots: readonly number[], ev: PlatformEvent, d: number, start: number, nextExit: number, toDay: number): void {
  const r3 = d + RETENTION_3M_DAYS <= toDay;
  const r6 = d + RETENTION_6M_DAYS <= toDay;
  for (const s of slots) {
    const t = tally.n[s];
    t.hires++;
    bump(t.byRome, ev.rome);
    bump(t.byStructureKind, ev.structureKind);
    if (r3) { t.r3++; if (nextExit > d + RETENTION_3M_DAYS) t.r3ok++; }
    if (r6) { t.r6++; if (nextExit > d + RETENTION_6M_DAYS) t.r6ok++; }
    if (start > -Infinity) t.days.push(d - start);
  }
}

/**
 * Follow-up indicators over a period, per public category, `none` and `all`, from events in any
 * order. Invalid events are listed in `rejected` (index and issues); the rest are counted.
 *
 * @example
 * const r = platformIndicators(events, { from: '2026-01-01', to: '2026-12-31' });
 * r.groups.find((g) => g.group === 'all')?.enteredShare; // share who entered training or a job
 * writeFileSync('indicateurs.csv', r.csv);
 */
export function platformIndicators(events: readonly unknown[], options: IndicatorOptions): PlatformIndicators {
  const { from, to } = checkCallOptions(IndicatorOptionsSchema, options ?? {});
  const list = batchArgument(events, 'events', 'options');
  const fromDay = dayNumber(from);
  const toDay = dayNumber(to);

  // Columns of the valid events, and each person's categories (the union over their events).
  const n = list.length;
  const person = new Int32Array(n);
  const day = new Int32Array(n);
  const kind = new Uint8Array(n);
  const kept: PlatformEvent[] = [];
  const personOf = new Map<string, number>();
  const masks: number[] = [];
  const days = new Map<string, number>();
  const rejected: EventRejection[] = [];
  for (let i = 0; i < n; i++) {
    const read = readRecord<PlatformEvent>(PlatformEventSchema, readElement(list, i), quickEvent);
    if (!read.ok) {
      const id = candidateIdOf(read.copy);
      rejected.push({ index: i, ...(typeof id === 'string' ? { id } : {}), issues: read.issues });
      continue;
    }
    const ev = read.value;
    let p = personOf.get(ev.candidateId);
    if (p === undefined) {
      p = masks.length;
      personOf.set(ev.candidateId, p);
      masks.push(0);
    }
    if (ev.categories !== undefined) masks[p] |= categoryMask(ev.categories);
    let d = days.get(ev.date);
    if (d === undefined) days.set(ev.date, (d = dayNumber(ev.date)));
    const k = kept.length;
    person[k] = p;
    day[k] = d;
    kind[k] = KIND_CODE.get(ev.kind)!;
    kept.push(ev);
  }

  // Each person's events together (counting sort by person), then in date order: logs are
  // mostly chronological per person, so a person's events are sorted only when they are not.
  const m = kept.length;
  const nP = masks.length;
  const offsets = new Int32Array(nP + 1);
  for (let k = 0; k < m; k++) offsets[person[k] + 1]++;
  for (let p = 0; p < nP; p++) offsets[p + 1] += offsets[p];
  const order = new Int32Array(m);
  const fill = offsets.slice(0, nP);
  for (let k = 0; k < m; k++) order[fill[person[k]]++] = k;
  const byDay = (x: number, y: number) => day[x] - day[y] || x - y;
  for (let p = 0; p < nP; p++) {
    for (let j = offsets[p] + 1; j < offsets[p + 1]; j++) {
      if (day[order[j]] < day[order[j - 1]]) {
        order.subarray(offsets[p], offsets[p + 1]).sort(byDay);
        break;
      }
    }
  }

  // The day of each event's next exit strictly after it (Infinity: none), per person.
  const nextExit = new Float64Array(m);
  const tally = new Tally();
  const slots: number[] = [];
  let union = 0;
  let anyNone = false;
  for (let p = 0; p < nP; p++) {
    const lo = offsets[p], hi = offsets[p + 1];
    let exitAfter = Infinity;
    for (let j = hi - 1; j >= lo;) {
      const d = day[order[j]];
      let g = j;
      while (g > lo && day[order[g - 1]] === d) g--;
      for (let t = g; t <= j; t++) nextExit[order[t]] = exitAfter;
      for (let t = g; t <= j; t++) if (kind[order[t]] === EXIT) exitAfter = d;
      j = g - 1;
    }
    // Accompanied: the latest start on or before `to`, and no exit on or after it and before `from`.
    let latestStart = -Infinity;
    for (let j = lo; j < hi && day[order[j]] <= toDay; j++) if (kind[order[j]] === START) latestStart = day[order[j]];
    let accompanied = latestStart > -Infinity;
    for (let j = lo; j < hi && accompanied; j++) {
      const k = order[j];
      if (kind[k] === EXIT && day[k] >= latestStart && day[k] < fromDay) accompanied = false;
    }
    const mask = masks[p];
    union |= mask;
    slots.length = 0;
    slots.push(ALL_SLOT);
    if (mask === 0) { anyNone = true; slots.push(NONE_SLOT); }
    for (let i = 0; i < CATEGORY_ORDER.length; i++) if ((mask & (1 << i)) !== 0) slots.push(i);

    let entered = false;
    let start = -Infinity;
    for (let j = lo; j < hi;) {
      const d = day[order[j]];
      let g = j;
      while (g + 1 < hi && day[order[g + 1]] === d) g++;
      // A start on the hire's own day counts as before it.
      for (let t = j; t <= g; t++) if (kind[order[t]] === START) start = d;
      if (d >= fromDay && d <= toDay) {
        for (let t = j; t <= g; t++) {
          const k = order[t];
          const kd = kind[k];
          if (kd === IMMERSION) for (const s of slots) tally.n[s].immersions++;
          else if (kd === TRAINING) {
            entered = true;
            for (const s of slots) { tally.n[s].trainings++; bump(tally.n[s].byCertification, kept[k].certification); }
          } else if (kd === HIRE) {
            entered = true;
            countHire(tally, slots, kept[k], d, start, nextExit[k], toDay);
          }
        }
      }
      j = g + 1;
    }
    if (accompanied) {
      for (const s of slots) {
        tally.n[s].accompanied++;
        if (entered) tally.n[s].entered++;
      }
    }
  }

  const ref = defaultReferential;
  const groups: IndicatorRow[] = groupsPresent(union, anyNone).map((group) => {
    const t = tally.n[slotOf(group)];
    const rate = (ok: number, all: number) => (all > 0 ? ok / all : null);
    return {
      group,
      label: groupLabel(group, ref),
      accompanied: t.accompanied,
      immersions: t.immersions,
      trainingEntries: { total: t.trainings, byCertification: sortedRecord(t.byCertification) },
      hires: { total: t.hires, byRome: sortedRecord(t.byRome), byStructureKind: sortedRecord(t.byStructureKind) },
      entered: t.entered,
      enteredShare: rate(t.entered, t.accompanied),
      retention3m: { counted: t.r3, retained: t.r3ok, rate: rate(t.r3ok, t.r3) },
      retention6m: { counted: t.r6, retained: t.r6ok, rate: rate(t.r6ok, t.r6) },
      medianDaysToHire: median(t.days),
    };
  });
  const versions: Versions = { engine: ENGINE_VERSION, referential: ref.version, rome: ROME_VERSION };
  const period = { from, to };
  return { period, groups, rejected, csv: csvOf(groups), text: indicatorsText(period, groups, rejected.length, kept.length), versions };
}

/** RFC 4180: a field with a comma, a quote or a line break is quoted. */
/**
 * Long format, one figure a line: `group,indicator,key,value` (key empty for a plain figure;
 * value empty when undefined, e.g. a rate over nothing). Machine-readable: codes, dot decimals.
 */
export function indicatorsCsv(groups: readonly IndicatorRow[]): string {
  return csvOf(dataArgument(IndicatorRowsSchema, groups, 'groups') as unknown as IndicatorRow[]);
}

function csvOf(groups: readonly IndicatorRow[]): string {
  const lines = ['group,indicator,key,value'];
  const put = (g: string, indicator: string, key: string, value: number | null) =>
    lines.push(`${csvField(g)},${indicator},${csvField(key)},${value === null ? '' : String(value)}`);
  for (const r of groups) {
    put(r.group, 'accompanied', '', r.accompanied);
    put(r.group, 'immersions', '', r.immersions);
    put(r.group, 'trainingEntries', '', r.trainingEntries.total);
    for (const [k, v] of Object.entries(r.trainingEntries.byCertification)) put(r.group, 'trainingEntries.byCertification', k, v);
    put(r.group, 'hires', '', r.hires.total);
    for (const [k, v] of Object.entries(r.hires.byRome)) put(r.group, 'hires.byRome', k, v);
    for (const [k, v] of Object.entries(r.hires.byStructureKind)) put(r.group, 'hires.byStructureKind', k, v);
    put(r.group, 'entered', '', r.entered);
    put(r.group, 'enteredShare', '', r.enteredShare);
    for (const [name, ret] of [['retention3m', r.retention3m], ['retention6m', r.retention6m]] as const) {
      put(r.group, `${name}.counted`, '', ret.counted);
      put(r.group, `${name}.retained`, '', ret.retained);
      put(r.group, `${name}.rate`, '', ret.rate);
    }
    put(r.group, 'medianDaysToHire', '', r.medianDaysToHire);
  }
  return `${lines.join('\n')}\n`;
}

const n0 = (n: number) => formatNumber(n, 0);
const fiches = romeFiches();

function romeLabel(code: string): string {
  if (code === UNSPECIFIED) return 'métier non précisé';
  const j = jobName(defaultReferential, code);
  if (j !== undefined) return j;
  const f = fiches.get(code);
  return f === undefined ? 'métier hors référentiel' : f.charAt(0).toLowerCase() + f.slice(1);
}

function certificationLabel(code: string): string {
  return code === UNSPECIFIED ? 'certification non précisée' : certificationName(code);
}

function structureLabel(code: string): string {
  if (code === UNSPECIFIED) return 'structure non précisée';
  return defaultReferential.structureKinds.find((s) => s.code === code)?.label ?? 'autre structure';
}

/** "aide-soignant(e) : 12, AES : 5" — the most frequent first, at most `limit`. */
function topList(m: Record<string, number>, label: (code: string) => string, limit = 3): string {
  const entries = Object.entries(m).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const shown = entries.slice(0, limit).map(([k, v]) => `${label(k)} : ${n0(v)}`);
  if (entries.length > limit) shown.push(`autres : ${n0(entries.slice(limit).reduce((s, [, v]) => s + v, 0))}`);
  return shown.join(', ');
}

function retentionPhrase(r: Retention, months: number): string {
  if (r.rate === null) return `maintien à ${formatMonths(months)} : aucune embauche assez ancienne pour être mesurée`;
  return `maintien à ${formatMonths(months)} : ${formatPercent(r.rate)} (${n0(r.retained)} sur ${n0(r.counted)} ${plural(r.counted, 'embauche', 'embauches')})`;
}

function indicatorsText(period: { from: string; to: string }, groups: readonly IndicatorRow[], rejected: number, counted: number): string {
  const lines: string[] = [];
  lines.push(`Indicateurs de suivi du ${formatDate(period.from)} au ${formatDate(period.to)}.`);
  lines.push(`${n0(counted)} ${plural(counted, 'événement compté', 'événements comptés')}${rejected > 0 ? `, ${n0(rejected)} ${plural(rejected, 'rejeté', 'rejetés')} (voir la liste des rejets)` : ''}.`);
  for (const g of groups) {
    lines.push('');
    lines.push(`${g.label} :`);
    lines.push(`- ${n0(g.accompanied)} ${plural(g.accompanied, 'personne accompagnée', 'personnes accompagnées')}` +
      (g.enteredShare === null ? '' : `, dont ${formatPercent(g.enteredShare)} ${plural(g.entered, 'entrée', 'entrées')} en formation ou en emploi sur la période`) + ' ;');
    lines.push(`- ${n0(g.immersions)} ${plural(g.immersions, 'immersion', 'immersions')} ; ${n0(g.trainingEntries.total)} ${plural(g.trainingEntries.total, 'entrée', 'entrées')} en formation` +
      (g.trainingEntries.total > 0 ? ` (${topList(g.trainingEntries.byCertification, certificationLabel)})` : '') + ' ;');
    lines.push(`- ${n0(g.hires.total)} ${plural(g.hires.total, 'embauche', 'embauches')}` +
      (g.hires.total > 0 ? ` (${topList(g.hires.byRome, romeLabel)} ; ${topList(g.hires.byStructureKind, structureLabel)})` : '') + ' ;');
    lines.push(`- ${retentionPhrase(g.retention3m, 3)} ; ${retentionPhrase(g.retention6m, 6)} ;`);
    lines.push(`- délai médian de l’accompagnement à l’embauche : ${g.medianDaysToHire === null ? 'non mesurable' : formatDays(g.medianDaysToHire)}.`);
  }
  return lines.join('\n');
}
