import type { Bridge } from '../types.js';
export const bridges: Bridge[] = [];
