/** `passerelle allocate`: one post per candidate (or several, --multi-post), optimal or stable. */
import { type Command, Option } from 'commander';
import { allocate } from '../index.js';
import { asProblems, emit, readObject, throwIfInterrupted } from './io.js';
import { type BatchCliOptions, batchCommand, computeBatch } from './match.js';

const PARTS = {
  assignments: ['candidateId', 'vacancyId', 'score', 'choice', 'explanation'],
  unassignedCandidates: ['id', 'reason', 'eligible', 'explanation'],
  unfilledVacancies: ['id', 'open', 'openings', 'reason', 'eligible', 'explanation'],
} as const;

interface AllocateCliOptions extends BatchCliOptions {
  method: 'optimal' | 'stable';
  multiPost?: boolean;
  preferences?: string;
  timeLimit?: number;
  part: keyof typeof PARTS;
}

export function registerAllocate(program: Command, signal: AbortSignal): void {
  batchCommand(program, 'allocate', 'Affecte les postes aux candidats sur les paires éligibles : optimale (plus grand score total) ou stable (vœux des candidats).', true)
    .addOption(new Option('--method <method>', 'méthode d’affectation').choices(['optimal', 'stable']).default('optimal'))
    .option('--multi-post', 'plusieurs postes par candidat, dans la limite de ses heures hebdomadaires')
    .option('--preferences <file>', 'vœux (méthode stable) : objet JSON { idCandidat: [idOffre, …] }')
    .option('--time-limit <seconds>', 'temps de calcul maximal avec --multi-post', Number)
    .addOption(new Option('--part <part>', 'liste à sortir en table, CSV ou JSON Lines (JSON : l’affectation entière)').choices(Object.keys(PARTS)).default('assignments'))
    .addHelpText('after', '\nExemple :\n  passerelle allocate -c examples/data/orne-demo.json -v examples/data/orne-demo.json --today 2026-11-23 --method stable -f csv')
    .action(async (options: AllocateCliOptions) => {
      const { batch } = await computeBatch(options, signal);
      const preferences = options.preferences === undefined ? undefined : readObject(options.preferences);
      const allocation = await allocate(batch, {
        method: options.method,
        ...(options.multiPost && { multiPost: true }),
        ...(preferences !== undefined && { preferences: preferences as Record<string, string[]> }),
        ...(options.timeLimit !== undefined && { timeLimitSeconds: options.timeLimit }),
      }).catch((e: unknown) => { throw asProblems(options.preferences ?? 'options', e); });
      await throwIfInterrupted(signal);
      await emit({ columns: PARTS[options.part], rows: allocation[options.part], document: allocation }, options);
    });
}
