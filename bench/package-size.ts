/**
 * The size of the npm tarball as `npm pack` would publish it (run after `npm run build`):
 * packed and unpacked bytes, file count, the largest files. Writes bench/results/package-size.json.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { formatNumber } from '../src/format/french.js';

interface PackInfo { size: number; unpackedSize: number; entryCount: number; files: { path: string; size: number }[] }

if (!existsSync(new URL('../dist/index.js', import.meta.url))) {
  console.error('bench/package-size.ts: no dist/ — run `npm run build` first (the size would leave the code out).');
  process.exit(1);
}

const [info] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as PackInfo[];
const kb = (bytes: number) => `${formatNumber(bytes / 1024, 1)} Kio`;
const largest = [...info.files].sort((a, b) => b.size - a.size || (a.path < b.path ? -1 : 1)).slice(0, 5);

console.log(`\nnpm tarball: ${kb(info.size)} packed, ${kb(info.unpackedSize)} unpacked, ${info.entryCount} files`);
for (const f of largest) console.log(`  ${f.path.padEnd(28)} ${kb(f.size)}`);

mkdirSync(new URL('results/', import.meta.url), { recursive: true });
writeFileSync(new URL('results/package-size.json', import.meta.url), `${JSON.stringify({
  packedBytes: info.size, unpackedBytes: info.unpackedSize, files: info.entryCount, largest,
}, null, 2)}\n`);
