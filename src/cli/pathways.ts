/** `passerelle pathways`: training pathways of each candidate towards the jobs in demand. */
import type { Command } from 'commander';
import { validateBatch } from '../index.js';
import {
  type OutputOptions, emit, positiveInt, progressBar, readRecords, fileProblems, reportProblems, withOutput,
} from './io.js';
import { CANDIDATES, type EngineCliOptions, VACANCIES, engineFor, withEngineOptions } from './match.js';

interface PathwaysOptions extends OutputOptions, EngineCliOptions {
  candidates: string;
  sessions: string;
  vacancies?: string;
  limit?: number;
}

/** Lets Ctrl-C in between candidates (recommendPathways is synchronous). */
const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

export function registerPathways(program: Command, signal: AbortSignal): void {
  withOutput(withEngineOptions(
    program
      .command('pathways')
      .description('Parcours de formation de chaque candidat (sessions locales, financements, date d’accès à l’emploi, offres débloquées).')
      .requiredOption(...CANDIDATES)
      .requiredOption('-s, --sessions <file>', 'sessions de formation (JSON, JSON Lines ou objet { sessions })')
      .option(...VACANCIES)
      .option('-n, --limit <n>', 'parcours par candidat', positiveInt, 3),
  ))
    .addHelpText('after', [
      '', 'Exemple :',
      '  passerelle pathways -c examples/data/orne-demo.json -s examples/data/orne-demo.json -v examples/data/orne-demo.json --today 2026-11-23 -f csv',
    ].join('\n'))
    .action(async (options: PathwaysOptions) => {
      const engine = engineFor(options);
      const bar = progressBar('lecture');
      const c = await readRecords(options.candidates, 'candidates', { signal, onProgress: bar.update });
      const s = await readRecords(options.sessions, 'sessions', { signal, onProgress: bar.update });
      const v = options.vacancies === undefined ? undefined : await readRecords(options.vacancies, 'vacancies', { signal, onProgress: bar.update });
      bar.stop();
      signal.throwIfAborted();
      const candidates = validateBatch('candidate', c.values);
      const sessions = validateBatch('trainingSession', s.values);
      const vacancies = v && engine.indexVacancies(v.values);
      reportProblems([
        ...fileProblems(c, candidates.rejected),
        ...fileProblems(s, sessions.rejected),
        ...(v && vacancies ? fileProblems(v, vacancies.rejected) : []),
      ], options.skipInvalid);

      const rows: Record<string, unknown>[] = [];
      const document: { candidateId: string; pathways: unknown[] }[] = [];
      const work = progressBar('parcours');
      for (let i = 0; i < candidates.valid.length; i++) {
        if ((i & 63) === 63) {
          work.update(i, candidates.valid.length);
          await yieldToEvents();
          signal.throwIfAborted();
        }
        const candidate = candidates.valid[i];
        const pathways = engine.recommendPathways(candidate, {
          sessions: sessions.valid, limit: options.limit ?? 3,
          ...(vacancies && { vacancies: vacancies.index }), ...(options.today && { today: options.today }),
        });
        document.push({ candidateId: candidate.id, pathways });
        pathways.forEach((p, k) => rows.push({
          candidateId: candidate.id, rank: k + 1, target: p.target.label, rome: p.target.rome ?? null,
          certification: p.target.certification ?? null, jobReadyDate: p.jobReadyDate, cost: p.cost,
          unlocks: p.unlocks.count, verified: p.verified, summary: p.summary,
        }));
      }
      work.stop();
      await emit({
        columns: ['candidateId', 'rank', 'target', 'rome', 'certification', 'jobReadyDate', 'cost', 'unlocks', 'verified', 'summary'],
        rows,
        document,
      }, options);
    });
}
