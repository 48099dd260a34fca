/** `passerelle match`: shortlists of every vacancy from candidate and vacancy files. */
import { type Command, Option } from 'commander';
import { createEngine, type Engine, type CandidateIndex, type VacancyIndex, type BatchResult, type Audience } from '../index.js';
import {
  type OutputOptions, SKIP_INVALID, emit, isoDate, positiveInt, progressBar, readRecords, fileProblems,
  reportProblems, withOutput, throwIfInterrupted } from './io.js';

export interface EngineCliOptions {
  today?: string;
  audience?: Audience;
  skipInvalid?: boolean;
}

/** --today and --skip-invalid, taken by every command that builds an engine. */
export function withEngineOptions(cmd: Command): Command {
  return cmd
    .option('--today <date>', 'date de référence AAAA-MM-JJ (défaut : aujourd’hui)', isoDate)
    .option(...SKIP_INVALID);
}

export function engineFor(options: EngineCliOptions): Engine {
  return createEngine({ ...(options.today && { today: options.today }), ...(options.audience && { audience: options.audience }) });
}

/** Reads and indexes candidates and vacancies; every problem of both files at once. */
async function loadIndexes(
  engine: Engine,
  files: { candidates: string; vacancies: string },
  options: EngineCliOptions,
  signal: AbortSignal,
): Promise<{ candidates: CandidateIndex; vacancies: VacancyIndex }> {
  const bar = progressBar('lecture');
  const c = await readRecords(files.candidates, 'candidates', { signal, onProgress: bar.update });
  const v = await readRecords(files.vacancies, 'vacancies', { signal, onProgress: bar.update });
  bar.stop();
  signal.throwIfAborted();
  const candidates = engine.indexCandidates(c.values);
  const vacancies = engine.indexVacancies(v.values);
  reportProblems([
    ...fileProblems(c, candidates.rejected),
    ...fileProblems(v, vacancies.rejected),
  ], options.skipInvalid);
  return { candidates: candidates.index, vacancies: vacancies.index };
}

export const CANDIDATES = ['-c, --candidates <file>', 'candidats (JSON, JSON Lines ou objet { candidates })'] as const;
export const VACANCIES = ['-v, --vacancies <file>', 'offres (JSON, JSON Lines ou objet { vacancies })'] as const;

/** The options of every command computed on the batch of a candidate file and a vacancy file. */
export interface BatchCliOptions extends OutputOptions, EngineCliOptions {
  candidates: string;
  vacancies: string;
  top?: number;
  perCandidate?: number;
  workers?: number;
}

/**
 * A command on the batch of a candidate and a vacancy file: -c, -v, --top, --audience, --workers
 * (and --per-candidate for what reads the candidates' best vacancies), the engine's and the output's options.
 */
export function batchCommand(program: Command, name: string, description: string, perCandidate: boolean, formats = true): Command {
  const cmd = program
    .command(name)
    .description(description)
    .requiredOption(...CANDIDATES)
    .requiredOption(...VACANCIES)
    .option('-n, --top <n>', 'candidats retenus par offre', positiveInt, 20);
  if (perCandidate) cmd.option('--per-candidate <n>', 'meilleures offres gardées par candidat', positiveInt, 5);
  cmd
    .addOption(new Option('--audience <audience>', 'qui lit les explications').choices(['advisor', 'employer']).default('advisor'))
    .option('-w, --workers <n>', 'fils de calcul (0 : le fil principal ; 2 à 4 sur un gros lot)', positiveInt, 0);
  withEngineOptions(cmd);
  return formats ? withOutput(cmd) : cmd.option('-o, --output <file>', 'écrire dans ce fichier (remplacé seulement une fois complet) plutôt que sur la sortie standard');
}

/** Reads both files, then runs matchAll with a progress bar, stopped by Ctrl-C. */
export async function computeBatch(
  options: BatchCliOptions,
  signal: AbortSignal,
): Promise<{ engine: Engine; candidates: CandidateIndex; vacancies: VacancyIndex; batch: BatchResult }> {
  const engine = engineFor(options);
  const indexes = await loadIndexes(engine, options, options, signal);
  const bar = progressBar('calcul');
  try {
    const batch = await engine.matchAll(indexes.candidates, indexes.vacancies, {
      ...(options.top !== undefined && { perVacancy: options.top }),
      ...(options.perCandidate !== undefined && { perCandidate: options.perCandidate }),
      workers: options.workers ?? 0,
      ...(options.audience && { audience: options.audience }),
      signal,
      onProgress: (p) => bar.update(p.done, p.total),
    });
    return { engine, ...indexes, batch };
  } finally {
    bar.stop();
  }
}

function withoutTimings({ ms: _ms, ...stats }: BatchResult['stats']) {
  return stats;
}

interface MatchOptions extends BatchCliOptions {
  explain?: boolean;
}

export function registerMatch(program: Command, signal: AbortSignal): void {
  batchCommand(program, 'match', 'Liste courte des meilleurs candidats de chaque offre (une ligne par paire retenue, rang 1 en tête).', false)
    .option('--explain', 'ajouter la phrase d’explication de chaque paire')
    .addHelpText('after', [
      '', 'Exemples :',
      '  passerelle match -c examples/data/orne-demo.json -v examples/data/orne-demo.json --top 5 --today 2026-11-23',
      '  passerelle match -c candidats.jsonl -v offres.json --audience employer --explain -f csv -o listes.csv',
    ].join('\n'))
    .action(async (options: MatchOptions) => {
      const { batch } = await computeBatch(options, signal);
      const rows: Record<string, unknown>[] = [];
      for (const m of batch.matches) {
        const row: Record<string, unknown> = { vacancyId: m.vacancyId, rank: m.rank, candidateId: m.candidateId, score: m.score };
        if (options.explain) {
          const e = batch.explain(m.candidateId, m.vacancyId, options.audience && { audience: options.audience });
          row.blockers = e.blockers.map((b) => b.code);
          row.summary = e.summary;
        }
        rows.push(row);
      }
      await throwIfInterrupted(signal);
      await emit({
        columns: ['vacancyId', 'rank', 'candidateId', 'score', ...(options.explain ? ['blockers', 'summary'] : [])],
        rows,
        document: {
          matches: rows,
          unmatchedCandidates: batch.unmatchedCandidates,
          unmatchedVacancies: batch.unmatchedVacancies,
          // Without the timings: the same files give the same output.
          stats: withoutTimings(batch.stats),
          versions: batch.versions,
        },
      }, options);
    });
}
