import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Reads a TSV fixture of test/fixtures (comment lines start with #). */
export function readFixture(name: string): string[][] {
  const path = fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0 && !l.startsWith('#'))
    .map((l) => l.split('\t'));
}
