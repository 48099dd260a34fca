import type { FundingScheme } from '../types.js';
export const funding: FundingScheme[] = [];
