/**
 * The demo's HTML report: the territory batch on a map of the Orne with its communes, the score
 * distributions, the blockers, the fairness audit and the indicators. Called by examples/demo.ts;
 * the page is written to the OS temp directory.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  renderReport, formatNumber, type AllocationLike, type BatchResult, type FairnessAudit, type PlatformIndicators, type ReportCommune,
  type ScheduleLike,
} from '../src/index.js';
import { communesOf } from '../bench/geo/index.js';

export const DEMO_REPORT_PATH = join(tmpdir(), 'passerelle-demo-report.html');

export const COMMUNES_SOURCE = 'INSEE, Code officiel géographique 2026 (Licence Ouverte 2.0) ; positions GeoNames (CC BY 4.0)';

/** The communes of the départements the records' commune codes name (bench/geo, see its README). */
export function communesOfRecords(batch: BatchResult): ReportCommune[] {
  const deps = new Set<string>();
  const add = (code: string | undefined) => {
    if (code) deps.add(code.startsWith('97') ? code.slice(0, 3) : code.slice(0, 2));
  };
  for (const id of batch.candidateIds()) add(batch.candidate(id)?.home.communeCode);
  for (const id of batch.vacancyIds()) add(batch.vacancy(id)?.site.communeCode);
  return [...deps].sort().flatMap((d) => communesOf(d));
}

export interface DemoReportParts {
  audit?: FairnessAudit;
  indicators?: PlatformIndicators;
  allocation?: AllocationLike;
  schedule?: ScheduleLike;
}

export function buildDemoReport(batch: BatchResult, parts: DemoReportParts, audience: 'advisor' | 'employer' = 'advisor'): string {
  return renderReport({
    batch, ...parts, audience,
    communes: communesOfRecords(batch), communesSource: COMMUNES_SOURCE,
    title: 'Orne (61) — territoire de démonstration', date: '2026-11-23',
  });
}

/** Writes the advisor report and prints where. */
export function writeDemoReport(print: (line: string) => void, batch: BatchResult, parts: DemoReportParts): string {
  const html = buildDemoReport(batch, parts);
  writeFileSync(DEMO_REPORT_PATH, html);
  print(`  Rapport HTML (document conseiller, ${formatNumber(Buffer.byteLength(html) / 1024, 0)} Ko) : ${DEMO_REPORT_PATH}`);
  print('  À ouvrir dans un navigateur : carte, filtres par métier et par public, scores, blocages, audit.');
  return DEMO_REPORT_PATH;
}
