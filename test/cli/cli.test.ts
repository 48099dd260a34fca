/**
 * The built `passerelle` command (dist/cli.js, `npm test` builds first), run as an operator
 * would on small files made from the demo data: each output format, exit codes, problems named
 * by file, line or index, id and field, and Ctrl-C.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(root, 'dist', 'cli.js');
const demo = JSON.parse(readFileSync(join(root, 'examples', 'data', 'orne-demo.json'), 'utf8'));
const today: string = demo.today;
const dir = mkdtempSync(join(tmpdir(), 'passerelle-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const jsonl = (records: unknown[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';

const candidates = demo.candidates.slice(0, 80);
const vacancies = demo.vacancies.slice(0, 20);
const candidatesFile = file('candidates.jsonl', jsonl(candidates));
const vacanciesFile = file('vacancies.json', JSON.stringify(vacancies));
const sessionsFile = file('sessions.ndjson', jsonl(demo.sessions));

/** Runs the CLI; stdout is a pipe, so the default format is json. */
function passerelle(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: dir });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const matchArgs = ['match', '-c', candidatesFile, '-v', vacanciesFile, '--today', today, '--top', '3'];

describe('passerelle match', () => {
  it('prints, as JSON by default on a pipe, the shortlists matchAll computes', async () => {
    const r = passerelle(...matchArgs);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    const engine = createEngine({ today });
    const batch = await engine.matchAll(engine.indexCandidates(candidates).index, engine.indexVacancies(vacancies).index, { perVacancy: 3 });
    expect(out.matches).toEqual([...batch.matches].map((m) => ({ vacancyId: m.vacancyId, rank: m.rank, candidateId: m.candidateId, score: m.score })));
    expect(out.matches.length).toBeGreaterThan(10);
    expect(out.unmatchedVacancies).toEqual(batch.unmatchedVacancies);
    expect(out.stats.candidates).toBe(80);
    // Deterministic: no timing in the output.
    expect(passerelle(...matchArgs).stdout).toBe(r.stdout);
  });

  it('prints the same rows as JSON Lines, CSV and a table', () => {
    const rows = JSON.parse(passerelle(...matchArgs).stdout).matches;
    const lines = passerelle(...matchArgs, '-f', 'jsonl').stdout.trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l))).toEqual(rows);
    const csv = passerelle(...matchArgs, '-f', 'csv').stdout.trimEnd().split('\n');
    expect(csv[0]).toBe('vacancyId,rank,candidateId,score');
    expect(csv.slice(1)).toEqual(rows.map((m: { vacancyId: string; rank: number; candidateId: string; score: number }) =>
      `${m.vacancyId},${m.rank},${m.candidateId},${m.score}`));
    const table = passerelle(...matchArgs, '-f', 'table').stdout.trimEnd().split('\n');
    expect(table[0].split(/\s+/)).toEqual(['vacancyId', 'rank', 'candidateId', 'score']);
    expect(table[1]).toMatch(/^─+ +─+/);
    expect(table).toHaveLength(rows.length + 2);
    // French decimals for people, at most two.
    expect(table[2]).toMatch(/^\S+ +1 +\S+ +\d+(,\d{1,2})?$/);
  });

  it('explains each pair for the employer, with the blockers beside the sentence', () => {
    const r = passerelle(...matchArgs, '--audience', 'employer', '--explain', '-f', 'jsonl');
    expect(r.code).toBe(0);
    const first = JSON.parse(r.stdout.split('\n')[0]);
    expect(first.summary).toMatch(/score \d+\/100/);
    expect(Array.isArray(first.blockers)).toBe(true);
  });

  it('writes -o through a temporary file, and reads an object holding the arrays', () => {
    const out = join(dir, 'out.csv');
    const r = passerelle('match', '-c', join(root, 'examples', 'data', 'orne-demo.json'), '-v', join(root, 'examples', 'data', 'orne-demo.json'), '--today', today, '-n', '1', '-f', 'csv', '-o', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8').split('\n')[0]).toBe('vacancyId,rank,candidateId,score');
  });
});

describe('bad input', () => {
  const broken = [...candidates.slice(0, 4)];
  broken[1] = { ...broken[1], home: { ...broken[1].home, lat: 'north' } };
  broken[3] = { ...broken[3], availableFrom: '2026-02-30' };
  const lines = broken.map((c) => JSON.stringify(c));
  lines.splice(2, 0, '{"id": "cut-short", ');
  const brokenFile = file('broken.jsonl', lines.join('\n') + '\n');

  it('validate lists every problem by file, line, id and field, and exits 1', () => {
    const r = passerelle('validate', 'candidate', brokenFile);
    expect(r.code).toBe(1);
    const { problems, valid, records } = JSON.parse(r.stdout);
    expect({ valid, records }).toEqual({ valid: 2, records: 5 });
    expect(problems.map((p: Record<string, unknown>) => [p.file, p.line, p.id, p.path, p.code])).toEqual([
      [brokenFile, 2, broken[1].id, 'home.lat', 'invalid_type'],
      [brokenFile, 3, undefined, '', 'unreadable'],
      [brokenFile, 5, broken[3].id, 'availableFrom', 'invalid_date'],
    ]);
  });

  it('match stops before computing, naming each problem on stderr, and writes nothing', () => {
    const out = join(dir, 'never.json');
    const r = passerelle('match', '-c', brokenFile, '-v', vacanciesFile, '--today', today, '-o', out);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
    const stderr = r.stderr.split('\n');
    expect(stderr[0]).toBe(`${brokenFile}:2 « ${broken[1].id} » [invalid_type] home.lat : un nombre fini attendu, reçu une chaîne`);
    expect(stderr[1]).toMatch(new RegExp(`^${brokenFile}:3 \\[unreadable\\] ligne illisible`));
    expect(stderr[2]).toContain(`${brokenFile}:5 « ${broken[3].id} » [invalid_date] availableFrom`);
    expect(stderr[3]).toBe('3 problèmes : rien n’a été calculé.');
  });

  it('--skip-invalid lists the problems and matches the rest', () => {
    const r = passerelle('match', '-c', brokenFile, '-v', vacanciesFile, '--today', today, '--skip-invalid');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).stats.candidates).toBe(2);
    expect(r.stderr).toContain('3 problèmes : enregistrements écartés (--skip-invalid).');
  });

  it('names the index in a JSON array, and a vacancy file beside the candidates', () => {
    const bad = file('bad-vacancies.json', JSON.stringify([vacancies[0], { ...vacancies[1], job: { rome: 'K13' } }]));
    const r = passerelle('match', '-c', candidatesFile, '-v', bad, '--today', today);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toMatch(new RegExp(`^${bad}\\[1\\] « ${vacancies[1].id} » \\[invalid_format\\] job\\.rome`));
  });

  it('exits 1 for a missing file or a file that is not JSON, 2 for a bad command line', () => {
    expect(passerelle('match', '-c', join(dir, 'absent.json'), '-v', vacanciesFile).code).toBe(1);
    const notJson = passerelle('validate', 'vacancy', file('not.json', '[{"id": '));
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toContain('[unreadable] JSON illisible');
    expect(passerelle('match', '-v', vacanciesFile).code).toBe(2);
    expect(passerelle('validate', 'employer', vacanciesFile).code).toBe(2);
    expect(passerelle('match', ...matchArgs.slice(1), '--top', '-3').code).toBe(2);
  });
});

describe('the other commands', () => {
  it('validate accepts the valid demo records; schema prints the shipped JSON Schema', () => {
    const r = passerelle('validate', 'training-session', sessionsFile, '-f', 'csv');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('file,line,id,path,code,message');
    expect(JSON.parse(passerelle('schema', 'candidate').stdout)).toEqual(JSON.parse(readFileSync(join(root, 'schema', 'candidate.json'), 'utf8')));
  });

  it('resolve maps titles to ROME fiches and certification lines to codes', () => {
    const titles = file('titles.txt', 'Aide soignant(e) de nuit H/F\nauxiliaire de vie\n');
    const jobs = JSON.parse(passerelle('resolve', '--file', titles, 'plombier').stdout);
    expect(jobs.map((j: { text: string; rome: string }) => [j.text, j.rome])).toEqual([
      ['plombier', 'F1603'], ['Aide soignant(e) de nuit H/F', 'J1501'], ['auxiliaire de vie', 'K1302'],
    ]);
    expect(JSON.parse(passerelle('resolve', '-c', 'titre pro ADVF').stdout)[0].code).toBe('TP_ADVF');
  });

  it('pathways, allocate, audit and jobdating run on the same files', () => {
    const pathways = passerelle('pathways', '-c', candidatesFile, '-s', sessionsFile, '-v', vacanciesFile, '--today', today, '-n', '1', '-f', 'jsonl');
    expect(pathways.code).toBe(0);
    const first = JSON.parse(pathways.stdout.split('\n')[0]);
    expect(first).toMatchObject({ candidateId: candidates[0].id, rank: 1 });
    expect(first.summary).toMatch(/^Vers /);

    const allocation = JSON.parse(passerelle('allocate', '-c', candidatesFile, '-v', vacanciesFile, '--today', today).stdout);
    expect(allocation.method).toBe('optimal');
    expect(allocation.assignments.length).toBeGreaterThan(0);
    const assigned = new Set(allocation.assignments.map((a: { candidateId: string }) => a.candidateId));
    expect(assigned.size).toBe(allocation.assignments.length);

    const audit = JSON.parse(passerelle('audit', '-c', candidatesFile, '-v', vacanciesFile, '--today', today).stdout);
    expect(audit.kind).toBe('batch');
    expect(audit.groups.find((g: { group: string }) => g.group === 'all').candidates).toBe(80);

    const employers = new Map<string, string[]>();
    for (const v of vacancies.slice(0, 8)) employers.set(v.employerId, [...(employers.get(v.employerId) ?? []), v.id]);
    const event = file('event.json', JSON.stringify({
      id: 'jd', date: '2026-12-10', slots: [{ id: 's1', start: '09:00', end: '09:20' }, { id: 's2', start: '09:20', end: '09:40' }],
      employers: [...employers].map(([id, vacancyIds]) => ({ id, vacancyIds })), candidates: candidates.slice(0, 20).map((c: { id: string }) => ({ id: c.id })),
    }));
    const jd = passerelle('jobdating', event, '-c', candidatesFile, '-v', vacanciesFile, '--today', today, '-f', 'csv');
    expect(jd.code).toBe(0);
    expect(jd.stdout.split('\n')[0]).toBe('start,end,employerId,table,candidateId,vacancyId,score');
    const badEvent = file('bad-event.json', JSON.stringify({ id: 'jd', date: '2026-12-10', slots: [{ id: 's1', start: '09:00', end: '25:00' }], employers: [], candidates: [] }));
    const bad = passerelle('jobdating', badEvent, '-c', candidatesFile, '-v', vacanciesFile, '--today', today);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`${badEvent} [invalid_format] slots[0].end`);
  });

  it('report writes one self-contained HTML page with the map, the allocation and the audit', () => {
    const out = join(dir, 'report.html');
    const r = passerelle('report', '-c', candidatesFile, '-v', vacanciesFile, '--today', today, '--allocation', '--audit', '-o', out);
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<svg');
    expect(html).toContain('Audit d’équité');
    expect(html.match(/(?:src|href)="https?:/g)).toBeNull();
  });

  it('indicators reads an event log and names a bad event', () => {
    const events = [
      { candidateId: 'p1', kind: 'accompaniment_start', date: '2026-01-05', categories: ['RSA'] },
      { candidateId: 'p1', kind: 'hire', date: '2026-03-01', rome: 'K1302', structureKind: 'SAD' },
    ];
    const log = file('events.jsonl', jsonl(events));
    const r = passerelle('indicators', log, '--from', '2026-01-01', '--to', '2026-12-31');
    expect(r.code).toBe(0);
    const all = JSON.parse(r.stdout).groups.find((g: { group: string }) => g.group === 'all');
    expect(all).toMatchObject({ accompanied: 1 });
    const bad = passerelle('indicators', file('bad-events.jsonl', jsonl([...events, { candidateId: 'p2', kind: 'party', date: '2026-02-01' }])), '--from', '2026-01-01', '--to', '2026-12-31');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/bad-events\.jsonl:3 .*\[invalid_value\] /);
  });
});

describe('Ctrl-C', () => {
  it('stops a run reading a slow input with exit 130, writing nothing', async () => {
    const fifo = join(dir, 'slow.jsonl');
    execFileSync('mkfifo', [fifo]);
    const out = join(dir, 'interrupted.json');
    const child = spawn(process.execPath, [cli, 'match', '-c', fifo, '-v', vacanciesFile, '--today', today, '-o', out], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    // Opening the pipe for writing returns once the CLI opened it for reading: its handler is set by then.
    const writer = await open(fifo, 'w');
    await writer.write(jsonl(candidates.slice(0, 10)));
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    // Then end the input: a read pending on a pipe holds a thread that a Node process waits for
    // when it exits. The signal came first, so the run must still end as interrupted (130),
    // wherever it is — reading, or matching (matchAll checks the signal after each yield).
    await writer.close();
    // Watchdog: a CLI that ignored Ctrl-C would go on; the test timeout bounds it.
    const code = await exit;
    expect(code).toBe(130);
    expect(stderr).toContain('interrompu');
    expect(existsSync(out)).toBe(false);
  });
});
