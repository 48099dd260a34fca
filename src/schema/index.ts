export * from './primitives.js';
export * from './place.js';
export * from './candidate.js';
export * from './vacancy.js';
export * from './training.js';
export * from './categories.js';
