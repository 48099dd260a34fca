/**
 * The README as a newcomer uses it: every ```ts block is pasted into its own file (`block-N.mts`, an
 * ES module, so top-level await works) in a fresh project where `passerelle` is the BUILT package
 * (node_modules/passerelle → this repository, resolved through its exports map to dist/), then run
 * with `node --import tsx` from the repository's root (a block may read `examples/data/…`, as from a
 * clone) and type-checked with tsc against dist/*.d.ts. A block passes when it exits 0, writes
 * nothing on stderr and prints something; when a ```text block follows it directly (only blank
 * lines and a line `prints:` between), that is what it must print, exactly.
 *
 * Fences: `ts` blocks run; `text` blocks (signatures, diagrams, outputs) and `sh` do not. Any other
 * TypeScript or JavaScript fence is refused, so no example escapes this test. `npm test` builds first.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);

interface ReadmeBlock {
  /** 1-based line of the opening fence. */
  line: number;
  lang: string;
  code: string;
  /** The ```text block right after a ```ts block: its expected output. */
  output?: string;
}

/** Every fenced block of a Markdown text, with the output block that follows each `ts` one. */
function readmeBlocks(markdown: string): ReadmeBlock[] {
  const lines = markdown.split('\n');
  const blocks: (ReadmeBlock & { end: number })[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)\s*$/.exec(lines[i]);
    if (open === null) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]); i++) body.push(lines[i]);
    blocks.push({ line: start + 1, lang: open[1], code: body.join('\n'), end: i });
  }
  const result: ReadmeBlock[] = [];
  for (let k = 0; k < blocks.length; k++) {
    const { end, ...block } = blocks[k];
    const next = blocks[k + 1];
    if (block.lang === 'ts' && next?.lang === 'text' && lines.slice(end + 1, next.line - 1).every((l) => l.trim() === '' || l.trim() === 'prints:')) {
      result.push({ ...block, output: next.code });
      k++;
    } else result.push(block);
  }
  return result;
}

const blocks = readmeBlocks(readFileSync(join(root, 'README.md'), 'utf8'));
const tsBlocks = blocks.filter((b) => b.lang === 'ts');
const dir = mkdtempSync(join(tmpdir(), 'passerelle-readme-'));
mkdirSync(join(dir, 'node_modules'));
symlinkSync(root, join(dir, 'node_modules', 'passerelle'), 'dir');
symlinkSync(join(root, 'node_modules', '@types'), join(dir, 'node_modules', '@types'), 'dir');
const file = (b: ReadmeBlock) => join(dir, `block-${b.line}.mts`);
for (const b of tsBlocks) writeFileSync(file(b), `${b.code}\n`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run { status: number | null; stdout: string; stderr: string }
/** A child process's outcome; never rejects. */
function spawnRun(args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      resolve({ status: error === null ? 0 : typeof error.code === 'number' ? error.code : null, stdout, stderr });
    });
  });
}

// About 1.5 s of CPU a block (Node, tsx, the bundle) and 5 s for tsc: some 20 s in all on two quiet
// cores; the first test waits for the whole lot, so its bound leaves room for a host shared by others.
const SLOW_HOST = 180_000;
// Every block and the type check start at once: each spends most of its time starting Node and
// tsx, so running them side by side keeps the file well under a minute on two cores.
const tsx = pathToFileURL(require.resolve('tsx')).href;
const runs = new Map(tsBlocks.map((b) => [b, spawnRun(['--import', tsx, file(b)], root)] as const));
writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
  compilerOptions: {
    target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022'], types: ['node'],
    strict: true, noEmit: true, resolveJsonModule: true, skipLibCheck: true,
  },
  include: ['*.mts'],
}));
const typecheck = spawnRun([require.resolve('typescript/bin/tsc'), '-p', dir], dir);

describe('README.md code blocks', () => {
  it('uses only the fences this test knows (ts runs; text and sh do not)', () => {
    expect(blocks.filter((b) => !['ts', 'text', 'sh'].includes(b.lang)).map((b) => `${b.line}: ${b.lang}`)).toEqual([]);
    expect(tsBlocks.length).toBeGreaterThanOrEqual(8);
  });

  it.each(tsBlocks.map((b) => [b.line, b] as const))('block at line %i runs as written against the built package', async (_line, b) => {
    const run = await runs.get(b)!;
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).not.toBe('');
    if (b.output !== undefined) expect(run.stdout.trimEnd()).toBe(b.output.trimEnd());
  }, SLOW_HOST);

  it('type-checks every block against dist/*.d.ts', async () => {
    const run = await typecheck;
    expect(run.stdout).toBe('');
    expect(run.status).toBe(0);
  }, SLOW_HOST);
});
