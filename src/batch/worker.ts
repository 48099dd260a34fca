/** A matchAll shard in a worker thread: columns arrive as shared memory, results leave as transfers. */
import { parentPort, workerData } from 'node:worker_threads';
import { Kernel } from '../kernel/kernel.js';
import { Grid, type GridParts } from '../geo/grid.js';
import type { CandidateColumns } from '../encode/candidates.js';
import type { VacancyColumns } from '../encode/vacancies.js';
import { PROGRESS_CHUNK, ShardRunner } from './shard.js';
import { accountCandidates } from './account.js';

const d = workerData as {
  phase: 'shortlists' | 'account';
  vacancyGrid: GridParts;
  vacancyOverflow: number[];
  countBlockers: boolean;
  candidates: CandidateColumns;
  vacancies: VacancyColumns;
  candidateIds: string[];
  vacancyIds: string[];
  /** The shortlist grids, and which one each vacancy slot scans. */
  grids: GridParts[];
  gridOfSlot: Int32Array;
  overflow: number[];
  weights: ConstructorParameters<typeof Kernel>[2];
  related: Uint8Array;
  romeCount: number;
  maxBonus: number;
  slots: Int32Array;
  perVacancy: number;
  perCandidate: number;
  capacity: number;
  matched: Uint8Array;
  withoutBonus: boolean;
};

const kernel = new Kernel(d.candidates, d.vacancies, d.weights, d.related, d.romeCount, d.maxBonus);
if (d.phase === 'account') {
  const a = accountCandidates(kernel, new Grid(d.vacancyGrid), d.vacancyOverflow, d.slots, d.countBlockers);
  parentPort!.postMessage(a, [a.matched.buffer, a.counts.buffer] as ArrayBuffer[]);
} else {
  runShortlists();
}

function runShortlists(): void {
  const grids = d.grids.map((parts) => new Grid(parts));
  const gridFor = (vi: number): Grid => grids[d.gridOfSlot[vi]];
  const runner = new ShardRunner(
    kernel, gridFor, d.overflow, d.slots, d.candidateIds, d.vacancyIds, d.perVacancy, d.perCandidate, d.capacity, d.matched, d.withoutBonus,
  );
  const n = d.slots.length;
  for (let from = 0; from < n; from += PROGRESS_CHUNK) {
    const to = Math.min(n, from + PROGRESS_CHUNK);
    runner.run(from, to);
    parentPort!.postMessage({ type: 'progress', done: to });
  }
  const r = runner.result;
  const transfer = [r.topSlots.buffer, r.topScores.buffer, r.topCounts.buffer];
  if (r.bankScores) transfer.push(r.bankScores.buffer, r.bankItems!.buffer, r.bankSizes!.buffer);
  parentPort!.postMessage({ type: 'done', result: r }, transfer as ArrayBuffer[]);
}
