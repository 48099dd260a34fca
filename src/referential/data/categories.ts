import type { PublicCategory } from '../types.js';
export const categories: PublicCategory[] = [];
