import { defineConfig } from 'tsup';

export default defineConfig({
  // The worker is its own entry: matchAll starts it from next to the bundle.
  entry: { index: 'src/index.ts', worker: 'src/batch/worker.ts' },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts' } },
  sourcemap: true,
  clean: true,
  target: 'node20',
  splitting: false,
  // import.meta.url in the CommonJS build (to locate the worker).
  shims: true,
});
