/**
 * Writes the France workload (bench/workload.ts, 600 000 candidates × 120 000 vacancies) as JSON
 * Lines, for measuring the CLI on a national file:
 *   npx tsx bench/write-france-jsonl.ts /tmp/fr
 *   /usr/bin/time -v node dist/cli.js match -c /tmp/fr/candidates.jsonl -v /tmp/fr/vacancies.jsonl --workers 2 --today 2026-11-23 -f jsonl -o /tmp/fr/matches.jsonl
 */
import { createWriteStream } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { WORKLOADS, generateTerritory } from './workload.js';

const dir = process.argv[2] ?? '/tmp/passerelle-france';
mkdirSync(dir, { recursive: true });
const territory = generateTerritory(WORKLOADS.france);

async function write(file: string, records: readonly unknown[]): Promise<void> {
  const out = createWriteStream(join(dir, file));
  for (const r of records) {
    if (!out.write(`${JSON.stringify(r)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  console.log(`${join(dir, file)}: ${records.length} lines`);
}

await write('candidates.jsonl', territory.candidates);
await write('vacancies.jsonl', territory.vacancies);
