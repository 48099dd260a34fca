import type { Certification } from '../types.js';
export const certifications: Certification[] = [];
