/**
 * The report in a real headless browser (Debian's chromium, driven by playwright-core): it loads
 * from a file:// URL without a console error or any request but its own file, the map holds the
 * expected markers, the filters change them, and the employer page has no public category.
 * `.ci/run` installs chromium when it is absent; elsewhere without it the suite is skipped, saying so.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { renderReport } from '../../src/index.js';
import { CATEGORY_WORD, demoFixture, type Fixture } from './fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.log(`test/report/browser.test.ts skipped: ${CHROMIUM} is absent (apt-get install -y chromium; .ci/run installs it)`);

describe.skipIf(!hasChromium)('the HTML report in headless chromium', () => {
  let f: Fixture;
  let dir: string;
  let context: BrowserContext;
  const events: { errors: string[]; requests: string[]; failed: string[] } = { errors: [], requests: [], failed: [] };
  const files: Record<'advisor' | 'employer', string> = { advisor: '', employer: '' };

  beforeAll(async () => {
    f = await demoFixture();
    dir = mkdtempSync(join(tmpdir(), 'passerelle-report-'));
    for (const audience of ['advisor', 'employer'] as const) {
      files[audience] = join(dir, `${audience}.html`);
      writeFileSync(files[audience], renderReport({ batch: f.batch, allocation: f.allocation, audit: f.audit, indicators: f.indicators, audience }));
    }
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    context.on('request', (r) => events.requests.push(r.url()));
    context.on('requestfailed', (r) => events.failed.push(r.url()));
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(audience: 'advisor' | 'employer'): Promise<Page> {
    const page = await context.newPage();
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') events.errors.push(m.text()); });
    page.on('pageerror', (e) => events.errors.push(e.message));
    await page.goto(pathToFileURL(files[audience]).href, { waitUntil: 'load' });
    return page;
  }

  // The test project has no DOM typings: the shape read in the page.
  type Styled = { style: { display: string } };
  const visible = (page: Page, selector: string) =>
    page.$$eval(selector, (els) => els.filter((e) => (e as unknown as Styled).style.display !== 'none').reduce((n, e) => n + Number(e.getAttribute('data-shown')), 0));
  const visibleCount = (page: Page, selector: string) => page.$$eval(selector, (els) => els.filter((e) => (e as unknown as Styled).style.display !== 'none').length);

  it('loads from file:// without console errors and requests nothing but its own file', async () => {
    const page = await open('advisor');
    expect(events.errors).toEqual([]);
    expect(events.failed).toEqual([]);
    expect(events.requests).toEqual([pathToFileURL(files.advisor).href]);
    await page.close();
  });

  it('shows a marker per candidate and per vacancy, and a link per assignment', async () => {
    const page = await open('advisor');
    expect(await page.locator('#map .mk.cand').count()).toBe(f.batch.candidateIds().length);
    expect(await page.locator('#map .mk.vac').count()).toBe(f.batch.vacancyIds().length);
    expect(await page.locator('#map .lk.allocation').count()).toBe(f.allocation.assignments.length);
    expect(await visible(page, '#map .mk.cand')).toBe(f.batch.candidateIds().length);
    expect(await page.textContent('#shown')).toBe(`Sur la carte : ${f.batch.candidateIds().length} candidat·es, ${f.batch.vacancyIds().length} offres.`);
    await page.close();
  });

  it('filters markers and links by job, then candidates by public', async () => {
    const page = await open('advisor');
    const job = 'J1501';
    const index = await page.$eval('#f-job', (s, rome) => [...(s as unknown as { options: Iterable<{ text: string; value: string }> }).options].find((o) => o.text.endsWith(`(${rome})`))!.value, job);
    await page.selectOption('#f-job', index);
    const cands = f.batch.candidateIds().map((id) => f.batch.candidate(id)!);
    const wantJob = cands.filter((c) => c.desiredJobs.length === 0 || c.desiredJobs.includes(job));
    const vacs = f.batch.vacancyIds().filter((id) => f.batch.vacancy(id)!.job.rome === job);
    expect(await visible(page, '#map .mk.cand')).toBe(wantJob.length);
    expect(await visible(page, '#map .mk.vac')).toBe(vacs.length);
    expect(wantJob.length).toBeLessThan(cands.length);
    const links = f.allocation.assignments.filter((a) => f.batch.vacancy(a.vacancyId)!.job.rome === job && wantJob.some((c) => c.id === a.candidateId));
    expect(await visibleCount(page, '#map .lk')).toBe(links.length);

    await page.selectOption('#f-pub', { label: 'Bénéficiaire du RSA (RSA)' });
    const rsa = wantJob.filter((c) => (c.categories ?? []).includes('RSA'));
    expect(await visible(page, '#map .mk.cand')).toBe(rsa.length);
    expect(rsa.length).toBeGreaterThan(0);
    expect(await visible(page, '#map .mk.vac')).toBe(vacs.length);

    await page.selectOption('#f-job', '');
    await page.selectOption('#f-pub', '');
    expect(await visible(page, '#map .mk.cand')).toBe(cands.length);
    await page.close();
  });

  it('gives an employer a page without public filter or category', async () => {
    const page = await open('employer');
    expect(await page.locator('#f-pub').count()).toBe(0);
    expect((await page.content()).match(CATEGORY_WORD)).toBeNull();
    expect(await page.locator('#map .mk.cand').count()).toBe(f.batch.candidateIds().length);
    expect(events.errors).toEqual([]);
    await page.close();
  });
});
