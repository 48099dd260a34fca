/**
 * The worker files start from the TypeScript sources outside vitest too: under `node --import tsx`
 * (benchmarks, scripts), matchAll's shard workers and the gather worker both do their share.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

describe('worker files from the sources, under node --import tsx', () => {
  it('matchAll with 2 workers equals one thread, and the gather worker claims chunks', () => {
    const script = fileURLToPath(new URL('./fixtures/from-sources-run.ts', import.meta.url));
    const out = execFileSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', timeout: 120_000 });
    const r = JSON.parse(out.trim().split('\n').at(-1)!);
    expect(r).toEqual({ workers: 2, sameAsOneThread: true, gatherWorkerChunks: expect.any(Number), gathered: true });
    expect(r.gatherWorkerChunks).toBeGreaterThan(0);
  }, 120_000);
});
