/**
 * docs/report.png: the top of the demo's HTML report (header, map with allocation and job-dating
 * links, filters) in headless chromium. Run `npx tsx scripts/report-screenshot.ts` after a change
 * of the report's look; needs /usr/bin/chromium.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { runDemo } from '../examples/demo.js';
import { DEMO_REPORT_PATH } from '../examples/demo-report.js';

const OUT = fileURLToPath(new URL('../docs/report.png', import.meta.url));

await runDemo(() => {});
const profile = mkdtempSync(join(tmpdir(), 'passerelle-shot-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1240, height: 900 },
});
const page = await context.newPage();
await page.goto(pathToFileURL(DEMO_REPORT_PATH).href);
await page.screenshot({ path: OUT });
await context.close();
rmSync(profile, { recursive: true, force: true });
console.log(`${OUT} (${Math.round(statSync(OUT).size / 1024)} KB)`);
