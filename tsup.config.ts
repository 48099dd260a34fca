import { rmSync } from 'node:fs';
import { defineConfig } from 'tsup';

// The builds below run in parallel: cleaning once here, not in each, so neither deletes the other's output.
rmSync('dist', { recursive: true, force: true });

const common = {
  // Maps would double the tarball (3.5 MB of embedded sources for 1.46 MB of code) for little use to a reader.
  sourcemap: false,
  clean: false,
  target: 'node20',
  splitting: false,
} as const;

export default defineConfig([
  {
    ...common,
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: { entry: { index: 'src/index.ts' } },
    // import.meta.url in the CommonJS build (to locate the worker files beside it).
    shims: true,
  },
  {
    ...common,
    // The worker files (src/workers/spawn.ts starts them from beside the bundle): ESM only, since
    // both builds start the same files, each self-contained.
    entry: { 'shard-worker': 'src/workers/shard-worker.ts', 'gather-worker': 'src/workers/gather-worker.ts' },
    format: ['esm'],
    // The two date-fns functions a worker uses, bundled: importing the package whole costs each
    // worker more than its own start-up (bench/results/workers.json bootMs).
    noExternal: ['date-fns'],
  },
  {
    ...common,
    // The `passerelle` command: ESM only (top-level await), beside the worker files matchAll starts.
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    banner: { js: '#!/usr/bin/env node' },
    // The library is imported from ./index.js beside it, not bundled a second time (1.1 MB saved, one PasserelleInputError class).
    esbuildPlugins: [{
      name: 'library-beside',
      setup(build) {
        build.onResolve({ filter: /^\.\.\/index\.js$/ }, () => ({ path: './index.js', external: true }));
      },
    }],
  },
]);
