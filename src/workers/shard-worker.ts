/**
 * Worker file for matchAll's shards (`dist/shard-worker.js`): a task arrives as `workerData`
 * (columns on shared memory), its result leaves as transfers. No abort check: the parent
 * terminates the worker.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Kernel } from '../kernel/kernel.js';
import { Grid } from '../geo/grid.js';
import { COUNT_COLUMNS, ShardRunner, accountCandidates } from '../batch/shard.js';
import { runTimed } from '../batch/control.js';
import type { AccountResult, AccountTask, KernelParts, ShardTask, ShortlistTask, WorkerReply } from './protocol.js';
import type { ShardResult } from '../batch/shard.js';
import type { CandidateColumns } from '../encode/candidates.js';
import type { VacancyColumns } from '../encode/vacancies.js';

const task = workerData as ShardTask;
const port = parentPort!;

/** The kernel reads the columns' fields only, so their cloned data stands for the classes. */
function kernelOf(k: KernelParts): Kernel {
  return new Kernel(k.candidates as CandidateColumns, k.vacancies as VacancyColumns, k.weights, k.related, k.romeCount, k.maxBonus);
}

function progress(done: number): void {
  port.postMessage({ type: 'progress', done } satisfies WorkerReply<never>);
}

function runShortlists(t: ShortlistTask): void {
  const grids = t.grids.map((parts) => Grid.fromParts(parts));
  const runner = new ShardRunner(
    kernelOf(t.kernel), (vi) => grids[t.gridOfSlot[vi]], t.overflow, t.slots, t.candidateIds, t.vacancyIds,
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
  const grid = Grid.fromParts(t.vacancyGrid);
  const parts: AccountResult[] = [];
  const starts: number[] = [];
  runTimed(t.slots.length, (from, to) => {
    starts.push(from);
    parts.push(accountCandidates(kernel, grid, t.vacancyOverflow, t.slots.subarray(from, to), t.countBlockers));
  }, progress);
  const result = joinAccounts(parts, starts, t.slots.length);
  port.postMessage({ type: 'done', result } satisfies WorkerReply<AccountResult>, [result.matched.buffer, result.counts.buffer] as ArrayBuffer[]);
}

/** The accounts of consecutive steps as one (step i starts at slot `starts[i]`). */
function joinAccounts(parts: AccountResult[], starts: number[], n: number): AccountResult {
  const matched = new Uint8Array(n);
  const counts = new Int32Array(n * COUNT_COLUMNS);
  parts.forEach((p, i) => {
    matched.set(p.matched, starts[i]);
    counts.set(p.counts, starts[i] * COUNT_COLUMNS);
  });
  return { matched, counts };
}

if (task.kind === 'shortlists') runShortlists(task);
else runAccount(task);
