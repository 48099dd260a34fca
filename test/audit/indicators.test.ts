/**
 * platformIndicators: a hand-computed log (every indicator, every group), rejected events, the
 * retention boundary, CSV and text; properties: order does not matter, duplicating a person's
 * events under a new id doubles their counts, retention never counts a hire younger than its
 * window (against a brute-force oracle).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { platformIndicators, type IndicatorRow, type PlatformIndicators } from '../../src/audit/index.js';
import { PasserelleInputError } from '../../src/errors.js';
import { formatPercent } from '../../src/format/french.js';

const PERIOD = { from: '2026-01-01', to: '2026-12-31' };
type Ev = Record<string, unknown>;
const ev = (candidateId: string, date: string, kind: string, extra: Ev = {}): Ev => ({ candidateId, date, kind, ...extra });

const LOG: unknown[] = [
  // P1 (RSA): accompanied since 2025, trains, hired in March, stays.
  ev('p1', '2025-11-01', 'accompaniment_start', { categories: ['RSA'] }),
  ev('p1', '2026-02-01', 'training_entry', { certification: 'DEAS' }),
  ev('p1', '2026-03-01', 'hire', { rome: 'J1501', structureKind: 'EHPAD', contract: 'CDI' }),
  // P2 (RQTH, dated): immersion, hired in June, leaves 44 days later.
  ev('p2', '2026-01-10', 'accompaniment_start', { categories: [{ code: 'RQTH', until: '2028-01-01' }] }),
  ev('p2', '2026-02-15', 'immersion'),
  ev('p2', '2026-06-01', 'hire', { rome: 'K1302', structureKind: 'SAD' }),
  ev('p2', '2026-07-15', 'exit'),
  // P3: left in 2025, an immersion in the period still counts as an event.
  ev('p3', '2025-03-01', 'accompaniment_start'),
  ev('p3', '2025-12-15', 'exit'),
  ev('p3', '2026-03-01', 'immersion'),
  // P4: hired in November, too recent for retention.
  ev('p4', '2026-10-01', 'accompaniment_start'),
  ev('p4', '2026-11-15', 'hire', { rome: 'K1304' }),
  // P5 (RSA on a later event): starts after the period; a training entry without certification.
  ev('p5', '2026-12-31', 'training_entry'),
  ev('p5', '2027-01-05', 'accompaniment_start', { categories: ['RSA'] }),
  // P6: an exit on the hire's day (closing the accompaniment) and one past 6 months: retained.
  ev('p6', '2026-02-01', 'exit'),
  ev('p6', '2026-01-01', 'accompaniment_start'),
  ev('p6', '2026-02-01', 'hire', { rome: 'J1501', structureKind: 'EHPAD' }),
  ev('p6', '2026-09-01', 'exit'),
  // P7: accompanied, nothing else.
  ev('p7', '2026-05-01', 'accompaniment_start'),
  // Invalid events: reported, not counted.
  ev('x1', '2026-02-30', 'hire'),
  ev('x2', '2026-01-01', 'party'),
  'not an event',
];

const row = (r: PlatformIndicators, g: string) => r.groups.find((x) => x.group === g)!;

describe('platformIndicators on a hand-computed log', () => {
  const r = platformIndicators(LOG, PERIOD);

  it('lists rejected events by index with issues naming the field', () => {
    expect(r.rejected.map((x) => [x.index, x.id, x.issues.map((i) => `${i.path}:${i.code}`)])).toEqual([
      [19, 'x1', ['date:invalid_date']],
      [20, 'x2', ['kind:invalid_value']],
      [21, undefined, [':not_an_object']],
    ]);
    expect(r.period).toEqual(PERIOD);
  });

  it('RSA row', () => {
    expect(row(r, 'RSA')).toEqual({
      group: 'RSA', label: 'Bénéficiaire du RSA', accompanied: 1, immersions: 0,
      trainingEntries: { total: 2, byCertification: { DEAS: 1, unspecified: 1 } },
      hires: { total: 1, byRome: { J1501: 1 }, byStructureKind: { EHPAD: 1 } },
      entered: 1, enteredShare: 1,
      retention3m: { counted: 1, retained: 1, rate: 1 }, retention6m: { counted: 1, retained: 1, rate: 1 },
      // 2025-11-01 → 2026-03-01: 30 + 31 + 31 + 28.
      medianDaysToHire: 120,
    } satisfies IndicatorRow);
  });

  it('RQTH row: the exit 44 days after the hire counts against both windows', () => {
    expect(row(r, 'RQTH')).toMatchObject({
      accompanied: 1, immersions: 1, trainingEntries: { total: 0 }, hires: { total: 1, byRome: { K1302: 1 }, byStructureKind: { SAD: 1 } },
      entered: 1, retention3m: { counted: 1, retained: 0, rate: 0 }, retention6m: { counted: 1, retained: 0, rate: 0 },
      medianDaysToHire: 142,
    });
  });

  it('none row: P3 not accompanied, P4 too recent for retention, P6 retained, median of 45 and 31', () => {
    expect(row(r, 'none')).toMatchObject({
      accompanied: 3, immersions: 1, hires: { total: 2, byRome: { J1501: 1, K1304: 1 }, byStructureKind: { EHPAD: 1, unspecified: 1 } },
      entered: 2, enteredShare: 2 / 3,
      retention3m: { counted: 1, retained: 1, rate: 1 }, retention6m: { counted: 1, retained: 1, rate: 1 },
      medianDaysToHire: 38,
    });
  });

  it('all row: the mean of the two middle values for an even count', () => {
    expect(row(r, 'all')).toMatchObject({
      accompanied: 5, immersions: 2, trainingEntries: { total: 2 }, hires: { total: 4 }, entered: 4, enteredShare: 0.8,
      retention3m: { counted: 3, retained: 2 }, retention6m: { counted: 3, retained: 2 },
      medianDaysToHire: 82.5,
    });
    expect(r.groups.map((g) => g.group)).toEqual(['RSA', 'RQTH', 'none', 'all']);
  });

  it('CSV: one figure a line, codes and dot decimals; text: French labels and figures', () => {
    const lines = r.csv.trim().split('\n');
    expect(lines[0]).toBe('group,indicator,key,value');
    expect(lines).toContain('RSA,trainingEntries.byCertification,DEAS,1');
    expect(lines).toContain('none,enteredShare,,0.6666666666666666');
    expect(lines).toContain('all,medianDaysToHire,,82.5');
    expect(lines).toContain('RQTH,retention3m.rate,,0');
    expect(r.text).toContain('Indicateurs de suivi du 1er janvier 2026 au 31 décembre 2026.');
    expect(r.text).toContain('19 événements comptés, 3 rejetés');
    expect(r.text).toContain(`dont ${formatPercent(0.8)} entrées en formation ou en emploi`);
    expect(r.text).toContain(`maintien à 3 mois : ${formatPercent(0)} (0 sur 1 embauche)`);
    expect(r.text).toContain('DEAS : 1, certification non précisée : 1');
    for (const code of ['J1501', 'K1302', 'EHPAD', 'unspecified', 'none']) expect(r.text).not.toMatch(new RegExp(`\\b${code}\\b`));
  });
});

describe('retention window boundary and options', () => {
  const hireOn = (date: string) => platformIndicators([ev('a', '2026-01-01', 'accompaniment_start'), ev('a', date, 'hire')], PERIOD);
  it('a hire exactly 91 days before `to` is counted at 3 months, one a day later is not', () => {
    expect(row(hireOn('2026-10-01'), 'all').retention3m.counted).toBe(1); // + 91 = 2026-12-31
    expect(row(hireOn('2026-10-02'), 'all').retention3m.counted).toBe(0);
    expect(row(hireOn('2026-06-31'.replace('06-31', '07-01')), 'all').retention6m.counted).toBe(1); // + 183 = 2026-12-31
    expect(row(hireOn('2026-07-02'), 'all').retention6m.counted).toBe(0);
  });

  it('an exit on day 91 after the hire breaks 3-month retention, day 92 does not', () => {
    const withExit = (exit: string) =>
      row(platformIndicators([ev('a', '2026-01-01', 'accompaniment_start'), ev('a', '2026-03-01', 'hire'), ev('a', exit, 'exit')], PERIOD), 'all').retention3m.retained;
    expect(withExit('2026-05-31')).toBe(0);
    expect(withExit('2026-06-01')).toBe(1);
  });

  it('bad options and a non-array log are PasserelleInputError naming the field', () => {
    const err = (f: () => unknown) => { try { f(); } catch (e) { return e as PasserelleInputError; } throw new Error('no error'); };
    expect(err(() => platformIndicators([], { from: '2026-02-01', to: '2026-01-01' })).issues[0]).toMatchObject({ path: 'to', code: 'invalid_range' });
    expect(err(() => platformIndicators([], { from: '2026-13-01', to: '2026-12-31' })).issues[0]).toMatchObject({ path: 'from', code: 'invalid_date' });
    expect(err(() => platformIndicators([], undefined as never)).issues[0]).toMatchObject({ path: 'from', code: 'required' });
    expect(err(() => platformIndicators('x' as never, PERIOD)).issues[0]).toMatchObject({ path: 'events', code: 'not_an_array' });
  });
});

// ---------------------------------------------------------------------------------------------
// Properties.

const KINDS = ['accompaniment_start', 'immersion', 'training_entry', 'training_completion', 'hire', 'exit'] as const;
const DAY0 = Date.UTC(2025, 5, 1) / 86_400_000;
const isoOf = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);
const eventArb = fc.record({
  candidateId: fc.constantFrom('p0', 'p1', 'p2', 'p3', 'p4', 'p5'),
  day: fc.integer({ min: 0, max: 760 }),
  kind: fc.constantFrom(...KINDS),
  rome: fc.option(fc.constantFrom('J1501', 'K1302'), { nil: undefined }),
  certification: fc.option(fc.constantFrom('DEAS', 'DEAES'), { nil: undefined }),
  categories: fc.option(fc.subarray(['RSA', 'RQTH', 'JEUNE']), { nil: undefined }),
}).map(({ day, rome, certification, categories, ...e }) => ({
  ...e, date: isoOf(DAY0 + day),
  ...(rome ? { rome } : {}), ...(certification ? { certification } : {}), ...(categories ? { categories } : {}),
}));
const logArb = fc.array(eventArb, { maxLength: 60 });
const periodArb = fc.tuple(fc.integer({ min: 0, max: 760 }), fc.integer({ min: 0, max: 400 }))
  .map(([a, len]) => ({ from: isoOf(DAY0 + a), to: isoOf(DAY0 + Math.min(760, a + len)) }));

/** Additive figures of a row (rates and medians are not additive). */
function counts(r: IndicatorRow | undefined) {
  if (r === undefined) return [0, 0, 0, 0, 0, 0, 0, 0, 0];
  return [r.accompanied, r.immersions, r.trainingEntries.total, r.hires.total, r.entered,
    r.retention3m.counted, r.retention3m.retained, r.retention6m.counted, r.retention6m.retained];
}

describe('properties', () => {
  it('events in any order give the same indicators', () => {
    fc.assert(fc.property(logArb, periodArb, fc.integer(), (log, period, seed) => {
      const shuffled = [...log].sort((a, b) => (((seed ^ JSON.stringify(a).length) & 7) - ((seed ^ JSON.stringify(b).length) & 7)));
      const a = platformIndicators(log, period);
      const b = platformIndicators(shuffled, period);
      expect(b.groups).toEqual(a.groups);
      expect(b.csv).toBe(a.csv);
    }), { numRuns: 200 });
  });

  it('duplicating one person’s events under a new id adds exactly their counts again', () => {
    fc.assert(fc.property(logArb, periodArb, fc.constantFrom('p0', 'p1', 'p2'), (log, period, who) => {
      const own = log.filter((e) => e.candidateId === who);
      const copy = own.map((e) => ({ ...e, candidateId: 'copy' }));
      const base = platformIndicators(log, period);
      const alone = platformIndicators(own, period);
      const doubled = platformIndicators([...log, ...copy], period);
      const groups = new Set([...base.groups, ...doubled.groups].map((g) => g.group));
      for (const g of groups) {
        const expected = counts(row(base, g)).map((x, i) => x + counts(row(alone, g))[i]);
        expect(counts(row(doubled, g))).toEqual(expected);
      }
      // The person alone, twice: every count doubles.
      const twice = platformIndicators([...own, ...copy], period);
      for (const g of alone.groups) expect(counts(row(twice, g.group))).toEqual(counts(g).map((x) => 2 * x));
    }), { numRuns: 200 });
  });

  it('retention never counts a hire younger than its window; accompanied, entered and days to hire match a brute-force oracle', () => {
    fc.assert(fc.property(logArb, periodArb, (log, period) => {
      const r = row(platformIndicators(log, period), 'all');
      const inPeriod = (d: string) => d >= period.from && d <= period.to;
      const dayOf = (d: string) => Date.parse(d) / 86_400_000;
      const to = dayOf(period.to);
      let c3 = 0, k3 = 0, c6 = 0, k6 = 0, accompanied = 0, entered = 0;
      const waits: number[] = [];
      for (const h of log.filter((e) => e.kind === 'hire' && inPeriod(e.date))) {
        const starts = log.filter((e) => e.candidateId === h.candidateId && e.kind === 'accompaniment_start' && e.date <= h.date).map((e) => dayOf(e.date));
        if (starts.length > 0) waits.push(dayOf(h.date) - Math.max(...starts));
        const exits = log.filter((e) => e.candidateId === h.candidateId && e.kind === 'exit').map((e) => dayOf(e.date) - dayOf(h.date));
        if (dayOf(h.date) + 91 <= to) { c3++; if (!exits.some((x) => x > 0 && x <= 91)) k3++; }
        if (dayOf(h.date) + 183 <= to) { c6++; if (!exits.some((x) => x > 0 && x <= 183)) k6++; }
      }
      for (const p of new Set(log.map((e) => e.candidateId))) {
        const mine = log.filter((e) => e.candidateId === p);
        const acc = mine.some((s) => s.kind === 'accompaniment_start' && s.date <= period.to &&
          !mine.some((x) => x.kind === 'exit' && x.date >= s.date && x.date < period.from));
        if (acc) accompanied++;
        if (acc && mine.some((x) => (x.kind === 'hire' || x.kind === 'training_entry') && inPeriod(x.date))) entered++;
      }
      expect([r.retention3m.counted, r.retention3m.retained, r.retention6m.counted, r.retention6m.retained]).toEqual([c3, k3, c6, k6]);
      expect([r.accompanied, r.entered]).toEqual([accompanied, entered]);
      waits.sort((x, y) => x - y);
      const mid = waits.length === 0 ? null : waits.length % 2 === 1 ? waits[(waits.length - 1) / 2] : (waits[waits.length / 2 - 1] + waits[waits.length / 2]) / 2;
      expect(r.medianDaysToHire).toBe(mid);
    }), { numRuns: 300 });
  });
});
