/**
 * The package as a user receives it: `npm pack`, installed into a fresh project, then imported
 * as ESM and CommonJS, type-checked with tsc, and its `passerelle` bin run; publint and attw on
 * the tarball. Offline: the dependencies are this repo's installed copies, passed to `npm install`
 * as local folders (npm links them instead of asking the registry). `npm test` builds first.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../../src/version.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
let dir: string;
let project: string;
let tarball: string;

const run = (cmd: string, args: string[], cwd = project) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'passerelle-pack-'));
  const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', dir], root));
  tarball = join(dir, packed[0].filename);
  project = join(dir, 'project');
  execFileSync('mkdir', [project]);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  const deps = Object.keys(pkg.dependencies).map((d) => join(root, 'node_modules', d));
  run('npm', ['install', tarball, ...deps, '--offline', '--no-audit', '--no-fund', '--ignore-scripts']);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('holds the code, types, schemas, licence and notice, and no source map', () => {
    const files: string[] = JSON.parse(run('npm', ['pack', '--dry-run', '--json'], root))[0].files.map((f: { path: string }) => f.path);
    for (const f of ['LICENSE', 'NOTICE', 'README.md', 'package.json', 'dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/cli.js', 'dist/shard-worker.js', 'dist/gather-worker.js', 'schema/candidate.json']) {
      expect(files, f).toContain(f);
    }
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
  });

  it('imports as ESM and requires as CommonJS from the installed package', () => {
    const probe = "engine.score !== undefined && typeof resolveJobTitle('auxiliaire de vie')?.rome";
    const esm = run('node', ['--input-type=module', '-e',
      `import { createEngine, resolveJobTitle } from 'passerelle'; const engine = createEngine({ today: '2026-11-23' }); console.log(${probe});`]);
    const cjs = run('node', ['--input-type=commonjs', '-e',
      `const { createEngine, resolveJobTitle } = require('passerelle'); const engine = createEngine({ today: '2026-11-23' }); console.log(${probe});`]);
    expect(esm.trim()).toBe('string');
    expect(cjs.trim()).toBe('string');
  });

  it('type-checks an ESM and a CommonJS consumer with tsc against the installed .d.ts', () => {
    writeFileSync(join(project, 'use.ts'), [
      "import { createEngine, validateBatch, type Match } from 'passerelle';",
      "const engine = createEngine({ today: '2026-11-23' });",
      'export const score = (m: Match): number => m.score;',
      "export const rejected = validateBatch('candidate', []).rejected.length;",
      '// @ts-expect-error a score is a number: the types are real, not any',
      'export const wrong: string = ({} as Match).score;',
      'export { engine };',
    ].join('\n'));
    writeFileSync(join(project, 'use-cjs.cts'), [
      "import passerelle = require('passerelle');",
      "export const engine = passerelle.createEngine({ today: '2026-11-23' });",
      '// @ts-expect-error no such export',
      'passerelle.notAFunction();',
    ].join('\n'));
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, types: [], skipLibCheck: true },
      files: ['use.ts', 'use-cjs.cts'],
    }));
    expect(run('node', [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', project])).toBe('');
  });

  it('runs the passerelle bin', () => {
    const help = run(join(project, 'node_modules', '.bin', 'passerelle'), ['--help']);
    for (const command of ['validate', 'resolve', 'match', 'pathways', 'allocate', 'jobdating', 'audit', 'indicators', 'schema']) {
      expect(help).toContain(command);
    }
    expect(run('npm', ['exec', '--offline', '--', 'passerelle', '--version']).trim()).toBe(ENGINE_VERSION);
    const schema = JSON.parse(run(join(project, 'node_modules', '.bin', 'passerelle'), ['schema', 'vacancy']));
    expect(schema.title).toBe('passerelle Vacancy');
  });

  it('passes publint and attw (are the types wrong?)', () => {
    expect(run(bin('publint'), ['run', '--strict'], root)).toContain('All good');
    // No rule ignored: every entry point resolves for node10, node16 (CJS and ESM) and bundlers.
    const attw = JSON.parse(run(bin('attw'), [tarball, '--format', 'json'], root));
    expect(attw.analysis.problems).toEqual([]);
  });
});
