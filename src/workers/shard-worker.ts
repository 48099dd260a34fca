/**
 * Worker file for matchAll's shards (`dist/shard-worker.js`): a task arrives as `workerData`
 * (columns on shared memory), its result leaves as transfers. No abort check: the parent
 * terminates the worker.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Kernel } from '../kernel/kernel.js';
import { Grid } from '../geo/grid.js';
import { COUNT_COLUMNS, ShardRunner } from '../batch/shard.js';
import { accountCandidatesInto, vacanciesInGridOrder } from '../batch/account.js';
import { runTimed } from '../batch/control.js';
import { runToEnd } from '../work.js';
import { unpackIds, type AccountResult, type AccountTask, type KernelParts, type ShardTask, type ShortlistTask, type WorkerReply } from './protocol.js';
import type { ShardResult } from '../batch/shard.js';
import type { CandidateColumns } from '../encode/candidates.js';
import type { VacancyColumns } from '../encode/vacancies.js';

const task = workerData as ShardTask;
const port = parentPort!;

/** The kernel reads the columns' fields only, so their cloned data stands for the classes. */
function kernelOf(k: KernelParts): Kernel {
  return new Kernel(k.candidates as CandidateColumns, k.vacancies as VacancyColumns, k.weights, k.related, k.romeCount, k.jobBit, k.maxBonus);
}

function progress(done: number): void {
  port.postMessage({ type: 'progress', done } satisfies WorkerReply<never>);
}

function runShortlists(t: ShortlistTask): void {
  const grids = t.grids.map((parts) => new Grid(parts));
  const runner = new ShardRunner(
    kernelOf(t.kernel), (vi) => grids[t.gridOfSlot[vi]], t.overflow, t.slots, unpackIds(t.candidateIds), unpackIds(t.vacancyIds),
    t.perVacancy, t.perCandidate, t.capacity, t.matched, t.withoutBonus,
  );
  runTimed(t.slots.length, (from, to) => runner.run(from, to), progress);
  const r = runner.result;
  const transfer = [r.topSlots.buffer, r.topScores.buffer, r.topCounts.buffer];
  if (r.bankScores) transfer.push(r.bankScores.buffer, r.bankItems!.buffer, r.bankSizes!.buffer);
  port.postMessage({ type: 'done', result: r } satisfies WorkerReply<ShardResult>, transfer as ArrayBuffer[]);
}

function runAccount(t: AccountTask): void {
  const kernel = kernelOf(t.kernel);
  const grid = new Grid(t.vacancyGrid);
  const byPosition = runToEnd(vacanciesInGridOrder(kernel, grid));
  const n = t.slots.length;
  const result: AccountResult = { matched: new Uint8Array(n), counts: new Int32Array(n * COUNT_COLUMNS) };
  runTimed(n, (from, to) => {
    accountCandidatesInto(kernel, byPosition, grid, t.vacancyOverflow, t.slots, from, to, t.countBlockers, result.matched, result.counts);
  }, progress);
  port.postMessage({ type: 'done', result } satisfies WorkerReply<AccountResult>, [result.matched.buffer, result.counts.buffer] as ArrayBuffer[]);
}

if (task.kind === 'shortlists') runShortlists(task);
else runAccount(task);
