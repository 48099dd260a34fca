/** `passerelle allocate`: one post per candidate (or several, --multi-post), optimal or stable. */
import { type Command, Option } from 'commander';
import { allocate } from '../index.js';
import { type OutputOptions, asProblems, emit, readObject, withOutput } from './io.js';
import {
  AUDIENCE, CANDIDATES, type EngineCliOptions, PER_CANDIDATE, TOP, VACANCIES, WORKERS, engineFor, loadIndexes, runMatch, withEngineOptions,
} from './match.js';

const PARTS = {
  assignments: ['candidateId', 'vacancyId', 'score', 'choice', 'explanation'],
  unassignedCandidates: ['id', 'reason', 'eligible', 'explanation'],
  unfilledVacancies: ['id', 'open', 'openings', 'reason', 'eligible', 'explanation'],
} as const;

interface AllocateCliOptions extends OutputOptions, EngineCliOptions {
  candidates: string;
  vacancies: string;
  top?: number;
  perCandidate?: number;
  workers?: number;
  method: 'optimal' | 'stable';
  multiPost?: boolean;
  preferences?: string;
  timeLimit?: number;
  part: keyof typeof PARTS;
}

export function registerAllocate(program: Command, signal: AbortSignal): void {
  withOutput(withEngineOptions(
    program
      .command('allocate')
      .description('Affecte les postes aux candidats sur les paires éligibles : optimale (plus grand score total) ou stable (vœux des candidats).')
      .requiredOption(...CANDIDATES)
      .requiredOption(...VACANCIES)
      .addOption(new Option('--method <method>', 'méthode d’affectation').choices(['optimal', 'stable']).default('optimal'))
      .option('--multi-post', 'plusieurs postes par candidat, dans la limite de ses heures hebdomadaires')
      .option('--preferences <file>', 'vœux (méthode stable) : objet JSON { idCandidat: [idOffre, …] }')
      .option('--time-limit <seconds>', 'temps de calcul maximal avec --multi-post', Number)
      .addOption(new Option('--part <part>', 'liste à sortir en table, CSV ou JSON Lines (JSON : l’affectation entière)').choices(Object.keys(PARTS)).default('assignments'))
      .option(...TOP)
      .option(...PER_CANDIDATE)
      .addOption(AUDIENCE)
      .option(...WORKERS),
  ))
    .addHelpText('after', '\nExemple :\n  passerelle allocate -c examples/data/orne-demo.json -v examples/data/orne-demo.json --today 2026-11-23 --method stable -f csv')
    .action(async (options: AllocateCliOptions) => {
      const engine = engineFor(options);
      const indexes = await loadIndexes(engine, options, options, signal);
      const batch = await runMatch(engine, indexes, options, signal);
      const preferences = options.preferences === undefined ? undefined : readObject(options.preferences);
      const allocation = await allocate(batch, {
        method: options.method,
        ...(options.multiPost && { multiPost: true }),
        ...(preferences !== undefined && { preferences: preferences as Record<string, string[]> }),
        ...(options.timeLimit !== undefined && { timeLimitSeconds: options.timeLimit }),
      }).catch((e: unknown) => { throw asProblems(options.preferences ?? 'options', e); });
      signal.throwIfAborted();
      await emit({ columns: PARTS[options.part], rows: allocation[options.part], document: allocation }, options);
    });
}
