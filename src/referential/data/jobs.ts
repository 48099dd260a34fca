import type { Job } from '../types.js';
export const jobs: Job[] = [];
