/**
 * renderReport as a string: markers and links for every record, cells that keep every record
 * when capped, an employer page without any public category, escaping, determinism; the
 * projection and the chart statistics against plain oracles.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine, defaultReferential, haversineKm, PasserelleInputError, renderReport, BLOCKER_CODES } from '../../src/index.js';
import { fitProjection } from '../../src/report/map.js';
import { histogram, summarize } from '../../src/report/charts.js';
import { DEMO_TODAY, loadDemoData } from '../../examples/demo.js';
import { CATEGORY_WORD, demoFixture, type Fixture } from './fixture.js';

let f: Fixture;
let advisor: string;
beforeAll(async () => {
  f = await demoFixture();
  advisor = renderReport({ batch: f.batch, allocation: f.allocation, audit: f.audit, indicators: f.indicators });
});

const count = (html: string, re: RegExp) => (html.match(re) ?? []).length;
const membersOf = (html: string, kind: 'cand' | 'vac') =>
  [...html.matchAll(new RegExp(`class="mk ${kind}"[^>]*data-m="([^"]*)" data-n="(\\d+)"`, 'g'))].map((m) => ({ keys: m[1].split(' '), n: Number(m[2]) }));

describe('renderReport', () => {
  it('draws one marker per record below the cap and one link per assignment', () => {
    expect(count(advisor, /class="mk cand"/g)).toBe(f.batch.candidateIds().length);
    expect(count(advisor, /class="mk vac"/g)).toBe(f.batch.vacancyIds().length);
    expect(count(advisor, /class="lk allocation"/g)).toBe(f.allocation.assignments.length);
    expect(f.allocation.assignments.length).toBeGreaterThan(10);
  });

  it('is the same page for the same input', () => {
    expect(renderReport({ batch: f.batch, allocation: f.allocation, audit: f.audit, indicators: f.indicators })).toBe(advisor);
  });

  it('says it is an advisor document and carries the public filter, the audit and the indicators', () => {
    expect(advisor).toContain('Document conseiller');
    expect(advisor).toContain('id="f-pub"');
    expect(advisor).toContain('id="audit"');
    expect(advisor).toContain('id="indicators"');
  });

  it('gives an employer no public category: no code, no label, no filter, no audit or indicator table', () => {
    const employer = renderReport({ batch: f.batch, allocation: f.allocation, audit: f.audit, indicators: f.indicators, audience: 'employer' });
    expect(employer).toContain('Version employeur');
    expect(employer.match(CATEGORY_WORD)).toBeNull();
    for (const c of defaultReferential.categories) expect(employer).not.toContain(c.label);
    expect(employer).not.toContain('id="f-pub"');
    expect(employer).not.toContain('id="audit"');
    expect(employer).not.toContain('id="indicators"');
    // Member keys carry no category part.
    for (const m of membersOf(employer, 'cand')) for (const k of m.keys) expect(k).not.toContain('/');
    // Restriction and work authorisation read as "to discuss".
    expect(employer).not.toMatch(/<code>(restriction|work_authorization)<\/code>/);
    expect(advisor).toMatch(/<code>(restriction|work_authorization)<\/code>/);
  });

  it('keeps every record in cells when markers are capped (same member keys, as many markers as the cap at most)', () => {
    const all = membersOf(advisor, 'cand').flatMap((m) => m.keys).sort();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 450 }), (cap) => {
        const html = renderReport({ batch: f.batch, maxMarkers: cap, maxExplained: 0 });
        const cells = membersOf(html, 'cand');
        expect(cells.length).toBeLessThanOrEqual(Math.max(cap, 1));
        for (const c of cells) expect(c.n).toBe(c.keys.length);
        expect(cells.flatMap((c) => c.keys).sort()).toEqual(all);
      }),
      { numRuns: 12 },
    );
  });

  it('caps the links, best scores first', () => {
    const html = renderReport({ batch: f.batch, allocation: f.allocation, maxLinks: 5, maxExplained: 0 });
    expect(count(html, /class="lk allocation"/g)).toBe(5);
    const best = [...f.allocation.assignments].sort((a, b) => b.score - a.score)[4].score;
    for (const m of html.matchAll(/class="lk allocation"[^>]*><title>[^<]*score ([\d,]+)/g)) expect(Number(m[1].replace(',', '.'))).toBeGreaterThanOrEqual(Math.floor(best * 10) / 10);
  });

  it('writes blocker codes beside the sentences, never inside', () => {
    const section = advisor.slice(advisor.indexOf('id="blocages"'), advisor.indexOf('</section>', advisor.indexOf('id="blocages"')));
    const sentences = [...section.matchAll(/<p>(.*?)<\/p>/g)].map((m) => m[1].replace(/<code>.*?<\/code>/g, ''));
    expect(sentences.length).toBe(2);
    for (const s of sentences) for (const code of [...BLOCKER_CODES, 'nothing_in_reach']) expect(s).not.toMatch(new RegExp(`\\b${code}\\b`));
  });

  it('escapes what records say (place labels)', async () => {
    const data = loadDemoData();
    const engine = createEngine({ today: DEMO_TODAY });
    const vacancies = engine.indexVacancies(data.vacancies.slice(0, 5)).index;
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 40 }).map((s) => `<b x="${s}">&'`), async (label) => {
        const cands = data.candidates.slice(0, 8).map((c, i) => (i === 0 ? { ...c, home: { ...(c.home as object), label } } : c));
        const batch = await engine.matchAll(engine.indexCandidates(cands).index, vacancies, { perVacancy: 3 });
        expect(batch.candidate(String(cands[0].id))?.home.label).toBe(label);
        const html = renderReport({ batch, maxExplained: 0 });
        expect(html).not.toContain(label);
        expect(html).not.toContain('<b x=');
      }),
      { numRuns: 10 },
    );
  });

  it('renders an empty batch: no marker, no pair, no unmatched record', async () => {
    const batch = await createEngine({ today: DEMO_TODAY }).matchAll([], [], { perVacancy: 3 });
    const html = renderReport({ batch });
    expect(count(html, /class="mk /g)).toBe(0);
    expect(html).toContain('Aucune paire retenue');
    expect(html).toContain('Aucune personne sans offre éligible');
  });

  it('names the misused argument', () => {
    const issuePath = (input: unknown) => {
      try {
        renderReport(input as never);
      } catch (e) {
        expect(e).toBeInstanceOf(PasserelleInputError);
        return (e as PasserelleInputError).issues[0].path;
      }
      return 'no error';
    };
    expect(issuePath({ batch: {} })).toBe('batch');
    expect(issuePath({ batch: { ...f.batch, candidateIds: () => [], matches: [], unmatchedCandidates: null } })).toBe('batch');
    expect(issuePath(undefined)).toBe('batch');
    expect(issuePath({ batch: f.batch, audience: 'public' })).toBe('audience');
    expect(issuePath({ batch: f.batch, maxMarkers: 0 })).toBe('maxMarkers');
    expect(issuePath({ batch: f.batch, maxExplained: 1.5 })).toBe('maxExplained');
    expect(issuePath({ batch: f.batch, allocation: { assignments: [{ candidateId: 'c1', vacancyId: 'v1', score: '9' }] } })).toBe('allocation.assignments[0].score');
    expect(issuePath({ batch: f.batch, audit: { ...f.audit, groups: [{}] } })).toBe('audit.groups[0].group');
    expect(issuePath({ batch: f.batch, communes: [{ lat: 91, lon: 0 }] })).toBe('communes[0].lat');
    expect(issuePath({ batch: f.batch, date: '2026-02-30' })).toBe('date');
    expect(issuePath({ batch: f.batch, get title(): string { throw new Error('hostile'); } })).toBe('title');
  });

  it('returns a page or throws the documented error, whatever a field holds', () => {
    const junk = fc.oneof(fc.anything(), fc.constant(new Map()), fc.constant(() => 1));
    const field = fc.constantFrom('allocation', 'schedule', 'audit', 'indicators', 'communes', 'communesSource', 'title', 'audience', 'date', 'maxExplained', 'maxMarkers', 'maxLinks', 'batch');
    fc.assert(
      fc.property(field, junk, (k, v) => {
        try {
          expect(typeof renderReport({ batch: f.batch, maxExplained: 0, [k]: v } as never)).toBe('string');
        } catch (e) {
          expect(e).toBeInstanceOf(PasserelleInputError);
          expect((e as PasserelleInputError).issues[0].path.startsWith(k)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('fitProjection', () => {
  const point = fc.record({ lat: fc.double({ min: 42, max: 51, noNaN: true }), lon: fc.double({ min: -5, max: 8, noNaN: true }) });

  it('puts every point of the box inside the drawing', () => {
    fc.assert(
      fc.property(fc.array(point, { minLength: 1, maxLength: 30 }), (pts) => {
        const p = fitProjection(pts);
        for (const q of pts) {
          expect(p.x(q.lon)).toBeGreaterThanOrEqual(0);
          expect(p.x(q.lon)).toBeLessThanOrEqual(p.width);
          expect(p.y(q.lat)).toBeGreaterThanOrEqual(0);
          expect(p.y(q.lat)).toBeLessThanOrEqual(p.height);
        }
      }),
    );
  });

  it('keeps distances within 5 % of the great circle at the scale of a département', () => {
    fc.assert(
      fc.property(point, fc.double({ min: -0.7, max: 0.7, noNaN: true }), fc.double({ min: -0.9, max: 0.9, noNaN: true }), (a, dLat, dLon) => {
        const b = { lat: a.lat + dLat, lon: a.lon + dLon };
        const km = haversineKm(a.lat, a.lon, b.lat, b.lon);
        fc.pre(km > 5);
        const p = fitProjection([a, b]);
        const drawn = Math.hypot(p.x(a.lon) - p.x(b.lon), p.y(a.lat) - p.y(b.lat)) * p.kmPerUnit;
        expect(Math.abs(drawn - km) / km).toBeLessThan(0.05);
      }),
    );
  });
});

describe('chart statistics', () => {
  it('quartiles and histogram agree with a sort and a count', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 60 }), (values) => {
        const s = summarize(values)!;
        const sorted = [...values].sort((a, b) => a - b);
        expect(s.min).toBe(sorted[0]);
        expect(s.max).toBe(sorted[sorted.length - 1]);
        expect(s.q1).toBeLessThanOrEqual(s.median);
        expect(s.median).toBeLessThanOrEqual(s.q3);
        if (sorted.length % 2 === 1) expect(s.median).toBe(sorted[(sorted.length - 1) / 2]);
        const h = histogram(values, 1);
        expect(h.reduce((a, b) => a + b, 0)).toBe(values.length);
        for (const [i, c] of h.entries()) expect(c).toBe(values.filter((v) => Math.min(9, Math.floor(v * 10)) === i).length);
      }),
    );
    expect(summarize([])).toBeUndefined();
  });
});
