/** Worker file for the parallel gather (`dist/gather-worker.js`): claims chunks until none is left. */
import { workerData } from 'node:worker_threads';
import { claimAsWorker } from '../encode/parallel-gather.js';
import type { GatherTask } from './protocol.js';

claimAsWorker(workerData as GatherTask);
