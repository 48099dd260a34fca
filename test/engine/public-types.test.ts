/**
 * The published types show what users may rely on, nothing more: the core's classes (columns,
 * kernel, grids, heaps, stores) stay out of dist/index.d.ts. `npm test` builds before it runs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dts = new URL('../../dist/index.d.ts', import.meta.url);
const INTERNAL = [
  'CandidateColumns', 'VacancyColumns', 'ShortlistFilter', 'Kernel', 'EngineInternals', 'internals', 'EncodingContext',
  'Grid', 'GridParts', 'TopK', 'NearMissTopK', 'HeapBank', 'CandidateStore', 'VacancyStore', 'Core', 'createCore',
];

describe('dist/index.d.ts', () => {
  it('names none of the core internals', () => {
    expect(existsSync(dts), 'dist/index.d.ts missing: npm run build first').toBe(true);
    // Declarations only: a comment may say 'core' or 'kernel' in prose.
    const text = readFileSync(dts, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    const leaked = INTERNAL.filter((name) => new RegExp(`\\b${name}\\b`).test(text));
    expect(leaked).toEqual([]);
  });

  it('still declares the public indexes and the engine', () => {
    const text = readFileSync(dts, 'utf8');
    for (const name of ['CandidateIndex', 'VacancyIndex', 'Engine', 'BatchResult', 'IndexSummary']) expect(text).toMatch(new RegExp(`\\b${name}\\b`));
  });
});
