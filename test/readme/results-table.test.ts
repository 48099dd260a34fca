/** The README's performance table is the one bench/readme-table.ts renders from bench/results. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { END, START, renderTable, withTable } from '../../bench/readme-table.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README performance table', () => {
  it('is current with bench/results (regenerate: npx tsx bench/readme-table.ts)', () => {
    expect(readme).toContain(START);
    expect(readme).toContain(END);
    expect(withTable(readme)).toBe(readme);
  });
  it('gives a figure for every row whose results file has one', () => {
    const rows = renderTable().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) expect(row).not.toMatch(/undefined|NaN/);
  });
});
