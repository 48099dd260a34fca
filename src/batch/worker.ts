/** A matchAll shard in a worker thread: columns arrive as shared memory, results leave as transfers. */
import { parentPort, workerData } from 'node:worker_threads';
import { Kernel } from '../kernel/kernel.js';
import { Grid } from '../geo/grid.js';
import type { CandidateColumns } from '../encode/candidates.js';
import type { VacancyColumns } from '../encode/vacancies.js';
import { PROGRESS_CHUNK, ShardRunner } from './shard.js';
import { F_ACCEPTS_TRAINING } from '../encode/flags.js';

const d = workerData as {
  candidates: CandidateColumns;
  vacancies: VacancyColumns;
  candidateIds: string[];
  vacancyIds: string[];
  grid: Parameters<typeof Grid.fromParts>[0];
  /** Legal-diploma sub-grids by `${group}|${acceptsTraining}`. */
  legalGrids: [string, Parameters<typeof Grid.fromParts>[0]][];
  overflow: number[];
  weights: ConstructorParameters<typeof Kernel>[2];
  related: Uint8Array;
  romeCount: number;
  maxBonus: number;
  slots: Int32Array;
  perVacancy: number;
  perCandidate: number;
  capacity: number;
};

const kernel = new Kernel(d.candidates, d.vacancies, d.weights, d.related, d.romeCount, d.maxBonus);
const main = Grid.fromParts(d.grid);
const legal = new Map(d.legalGrids.map(([k, parts]) => [k, Grid.fromParts(parts)]));
const gridFor = (vi: number): Grid => {
  const group = d.vacancies.legalGroup[vi];
  if (group < 0) return main;
  return legal.get(`${group}|${(d.vacancies.flags[vi] & F_ACCEPTS_TRAINING) !== 0 ? 1 : 0}`) ?? main;
};
const runner = new ShardRunner(
  kernel, gridFor, d.overflow, d.slots, d.candidateIds, d.vacancyIds, d.perVacancy, d.perCandidate, d.capacity,
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
