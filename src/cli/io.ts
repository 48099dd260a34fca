/**
 * What every command shares: reading records (JSON or streamed JSON Lines), naming each problem by
 * file, line or index, record id and field, writing a result in one of four formats, and the
 * progress bar.
 */
import { createReadStream, openSync, readSync, closeSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import { type Issue, type Rejection, PasserelleInputError, formatNumber } from '../index.js';
import { csvField } from '../format/csv.js';
import { type Command, InvalidArgumentError, Option } from 'commander';

/** Bad input: the command prints the problems and exits 1. */
export const EXIT_INPUT = 1;
/** Bad command line (unknown option, missing argument): exit 2, as most Unix tools do. */
export const EXIT_USAGE = 2;
/** 128 + SIGINT, what shells report for a command stopped by Ctrl-C. */
export const EXIT_INTERRUPTED = 130;

/**
 * Before writing a result: a Ctrl-C already delivered reaches its handler only when the event loop
 * reads its signal pipe, which a short synchronous run may never let it do; one turn of the loop
 * first, then stop if it came.
 */
export async function throwIfInterrupted(signal: AbortSignal): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  signal.throwIfAborted();
}

/** One problem of an input file, located as precisely as the input allows. */
export interface Problem extends Issue {
  file: string;
  /** 1-based line of a JSON Lines file. */
  line?: number;
  /** 0-based position in a JSON array. */
  index?: number;
  id?: string;
}

/** Thrown by a command for bad input: every problem found, not only the first. */
export class InputProblems extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
  }
}

/** `candidats.jsonl:12 « c-17 » [invalid_type] home.lat : …` — grep-able, one line each (messages name the field). */
export function formatProblem(p: Problem): string {
  const at = p.line !== undefined ? `:${p.line}` : p.index !== undefined ? `[${p.index}]` : '';
  const id = p.id === undefined ? '' : ` « ${p.id} »`;
  return `${p.file}${at}${id} [${p.code}] ${p.message}`;
}

/** Records read from a file, and where each came from. */
export interface Records {
  file: string;
  values: unknown[];
  /** JSON Lines: the 1-based line of each value; undefined for a JSON array (positions are indexes). */
  lines?: number[];
  /** Lines that are not JSON (JSON Lines only): they are problems, not records. */
  problems: Problem[];
}

/** Locates record `i` of `r` (its id, when it has one). */
export function locate(r: Records, i: number, id: string | undefined): Omit<Problem, keyof Issue> {
  const at = r.lines ? { line: r.lines[i] } : { index: i };
  return id === undefined ? { file: r.file, ...at } : { file: r.file, ...at, id };
}

/** Every problem of a file: its unreadable lines and its records' validation issues, in file order. */
export function fileProblems(r: Records, rejected: readonly Rejection[]): Problem[] {
  const out: Problem[] = [...r.problems];
  for (const rej of rejected) {
    const where = rej.index < 0 ? { file: r.file } : locate(r, rej.index, rej.id);
    for (const issue of rej.issues) out.push({ ...where, ...issue });
  }
  if (r.problems.length > 0) out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return out;
}

function isJsonLines(file: string): boolean {
  const ext = extname(file).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') return true;
  if (ext === '.json') return false;
  // No telling extension: a file whose first line is a whole JSON object is JSON Lines.
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const text = buf.subarray(0, readSync(fd, buf, 0, buf.length, 0)).toString('utf8').trimStart();
    if (!text.startsWith('{')) return false;
    const nl = text.indexOf('\n');
    try {
      JSON.parse(nl < 0 ? text : text.slice(0, nl));
      return true;
    } catch {
      return false;
    }
  } finally {
    closeSync(fd);
  }
}

export interface ReadOptions {
  signal?: AbortSignal;
  /** JSON Lines: bytes read so far, of the file's size. */
  onProgress?: (done: number, total: number) => void;
}

const unreadable = (file: string, at: { line?: number }, message: string): Problem =>
  ({ file, ...at, code: 'unreadable', path: '', message });

/**
 * Reads the records of `file`: a JSON array, an object holding the array under `key` (as
 * examples/data/orne-demo.json holds `candidates`, `vacancies`, `sessions`), or JSON Lines —
 * streamed line by line, so a 600 000-line file is never one string in memory.
 */
export async function readRecords(
  file: string,
  key: string,
  options: ReadOptions = {},
): Promise<Records> {
  if (isJsonLines(file)) return readJsonLines(file, options);
  const parsed = readObject(file);
  if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) && Array.isArray((parsed as Record<string, unknown>)[key])) {
    return { file: `${file}#${key}`, values: (parsed as Record<string, unknown[]>)[key], problems: [] };
  }
  if (!Array.isArray(parsed)) {
    throw new InputProblems([{ file, code: 'not_an_array', path: '', message: `un tableau d'enregistrements (ou un objet avec « ${key} ») attendu` }]);
  }
  return { file, values: parsed, problems: [] };
}

async function readJsonLines(file: string, options: ReadOptions): Promise<Records> {
  const total = options.onProgress ? statSync(file).size : 0;
  let bytes = 0;
  const values: unknown[] = [];
  const lines: number[] = [];
  const problems: Problem[] = [];
  const lineReader = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  // Ctrl-C while the stream waits for data (a slow pipe): closing ends the loop below.
  const stop = () => lineReader.close();
  options.signal?.addEventListener('abort', stop, { once: true });
  let n = 0;
  for await (const text of lineReader) {
    n++;
    if (options.onProgress && (n & 1023) === 0) options.onProgress(bytes, total);
    if (options.onProgress) bytes += Buffer.byteLength(text) + 1;
    if (options.signal?.aborted) break;
    if (text.trim() === '') continue;
    try {
      values.push(JSON.parse(text));
      lines.push(n);
    } catch (e) {
      problems.push(unreadable(file, { line: n }, `ligne illisible : JSON invalide (${(e as Error).message})`));
    }
  }
  options.signal?.removeEventListener('abort', stop);
  return { file, values, lines, problems };
}

/** Strings read from a file for `resolve`: a JSON array of strings, or one per line. */
export function readLines(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  if (text.trimStart().startsWith('[')) {
    const parsed: unknown = JSON.parse(text);
    if (Array.isArray(parsed)) return parsed.map(String);
  }
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
}

export const FORMATS = ['table', 'json', 'jsonl', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

/** A command's result: a JSON document, and the same content as rows for table, CSV and JSON Lines. */
export interface Output {
  columns: readonly string[];
  rows: readonly object[];
  document: unknown;
}

/** `table` on a terminal, `json` for a pipe or a file (what another program reads). */
export function defaultFormat(): Format {
  return process.stdout.isTTY ? 'table' : 'json';
}

const field = (row: object, column: string): unknown => (row as Record<string, unknown>)[column];

function cell(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.join(' ');
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** What a person reads on a terminal: French numbers (2 decimals at most), oui/non. */
function humanCell(v: unknown): string {
  if (typeof v === 'number') return formatNumber(v, 2);
  if (typeof v === 'boolean') return v ? 'oui' : 'non';
  return cell(v);
}

function* table(out: Output): Generator<string> {
  const texts = out.rows.map((r) => out.columns.map((c) => humanCell(field(r, c))));
  const widths = out.columns.map((c, j) => texts.reduce((w, t) => Math.max(w, t[j].length), c.length));
  const numeric = out.columns.map((c) => out.rows.length > 0 && out.rows.every((r) => field(r, c) === undefined || typeof field(r, c) === 'number'));
  const line = (t: readonly string[]) =>
    t.map((s, j) => (numeric[j] ? s.padStart(widths[j]) : s.padEnd(widths[j]))).join('  ').trimEnd() + '\n';
  yield line(out.columns);
  yield line(widths.map((w) => '─'.repeat(w)));
  for (const t of texts) yield line(t);
}

function* render(out: Output, format: Format): Generator<string> {
  switch (format) {
    case 'json':
      yield `${JSON.stringify(out.document, null, 2)}\n`;
      return;
    case 'jsonl':
      for (const r of out.rows) yield `${JSON.stringify(r)}\n`;
      return;
    case 'csv':
      yield `${out.columns.map(csvField).join(',')}\n`;
      for (const r of out.rows) yield `${out.columns.map((c) => csvField(cell(field(r, c)))).join(',')}\n`;
      return;
    case 'table':
      yield* table(out);
  }
}

/**
 * Writes `out` to stdout, or to `file` through a temporary file renamed once complete: an
 * interrupted run never leaves a half-written result where the previous one was.
 */
export async function writeOutput(out: Output, format: Format, file?: string): Promise<void> {
  return writeChunks(render(out, format), file);
}

export async function writeChunks(chunks: Iterable<string>, file?: string): Promise<void> {
  if (file !== undefined) {
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      writeFileSync(tmp, [...chunks].join(''));
      renameSync(tmp, file);
    } catch (e) {
      rmSync(tmp, { force: true });
      throw e;
    }
    return;
  }
  for (const chunk of chunks) {
    if (!process.stdout.write(chunk)) await new Promise((resolve) => process.stdout.once('drain', resolve));
  }
}

/**
 * A one-line bar on stderr, only when stderr is a terminal (logs and pipes stay clean). Hand-written:
 * one bar redrawn at most every 100 ms is twenty lines, not worth a dependency.
 */
export function progressBar(label: string): { update(done: number, total: number): void; stop(): void } {
  const stream = process.stderr;
  if (!stream.isTTY) return { update() {}, stop() {} };
  let last = 0;
  let drawn = false;
  return {
    update(done, total) {
      const now = performance.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const share = total > 0 ? Math.min(1, done / total) : 0;
      const width = 30;
      const full = Math.round(share * width);
      stream.write(`\r${label} [${'█'.repeat(full)}${'░'.repeat(width - full)}] ${Math.round(share * 100)} %`);
      drawn = true;
    },
    stop() {
      if (drawn) stream.write('\r\x1b[K');
    },
  };
}

/** The options every command that prints a result takes. */
export interface OutputOptions {
  format?: Format;
  output?: string;
}

export function withOutput(cmd: Command): Command {
  return cmd
    .addOption(new Option('-f, --format <format>', 'format de sortie (défaut : table sur un terminal, json sinon)').choices(FORMATS))
    .option('-o, --output <file>', 'écrire dans ce fichier (remplacé seulement une fois complet) plutôt que sur la sortie standard');
}

export function emit(out: Output, options: OutputOptions): Promise<void> {
  return writeOutput(out, options.format ?? (options.output === undefined ? defaultFormat() : 'json'), options.output);
}

/** Problems found while reading are fatal unless `--skip-invalid`: then they are listed, and the rest goes on. */
export function reportProblems(problems: Problem[], skipInvalid: boolean | undefined): void {
  if (problems.length === 0) return;
  if (!skipInvalid) throw new InputProblems(problems);
  for (const p of problems) process.stderr.write(`${formatProblem(p)}\n`);
  process.stderr.write(`${problems.length} problème${problems.length > 1 ? 's' : ''} : enregistrements écartés (--skip-invalid).\n`);
}

export const SKIP_INVALID = ['--skip-invalid', 'écarter les enregistrements invalides (listés sur stderr) au lieu de s’arrêter'] as const;

export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('un entier positif attendu');
  return n;
}

export function isoDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new InvalidArgumentError('une date AAAA-MM-JJ attendue');
  return value;
}

/** A whole-object input (a job dating event) rejected by the library: its issues, located in `file`. */
export function asProblems(file: string, e: unknown): unknown {
  return e instanceof PasserelleInputError ? new InputProblems(e.issues.map((i) => ({ file, ...i }))) : e;
}

/** Reads a file holding one JSON object (an event, options). */
export function readObject(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputProblems([unreadable(file, {}, `JSON illisible (${(e as Error).message})`)]);
  }
}
