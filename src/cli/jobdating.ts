/** `passerelle jobdating`: who meets whom, when and at which table. */
import { type Command, Option } from 'commander';
import { scheduleJobDating } from '../index.js';
import { asProblems, emit, readObject, throwIfInterrupted } from './io.js';
import { type BatchCliOptions, batchCommand, computeBatch } from './match.js';

const PARTS = {
  interviews: ['start', 'end', 'employerId', 'table', 'candidateId', 'vacancyId', 'score'],
  unscheduled: ['id', 'reason', 'message'],
  idleEmployers: ['id', 'reason', 'message'],
} as const;

interface JobDatingCliOptions extends BatchCliOptions {
  method: 'exact' | 'heuristic';
  timeLimit?: number;
  part: keyof typeof PARTS;
}

export function registerJobDating(program: Command, signal: AbortSignal): void {
  batchCommand(program, 'jobdating', 'Planifie un job dating : quel candidat rencontre quel employeur, à quel créneau et à quelle table.', true)
    .argument('<event>', 'l’événement (objet JSON : id, date, slots, employers, candidates)')
    .addOption(new Option('--method <method>', 'exact (HiGHS, prouvé s’il finit à temps) ou heuristic').choices(['exact', 'heuristic']).default('exact'))
    .option('--time-limit <seconds>', 'temps de calcul maximal (défaut 30 s)', Number)
    .addOption(new Option('--part <part>', 'liste à sortir en table, CSV ou JSON Lines (JSON : le planning entier)').choices(Object.keys(PARTS)).default('interviews'))
    .addHelpText('after', '\nExemple :\n  passerelle jobdating evenement.json -c candidats.jsonl -v offres.json --today 2026-11-23 -f csv -o planning.csv')
    .action(async (eventFile: string, options: JobDatingCliOptions) => {
      const event = readObject(eventFile);
      const { batch } = await computeBatch(options, signal);
      const schedule = await scheduleJobDating(event, batch, {
        method: options.method,
        ...(options.timeLimit !== undefined && { timeLimitSeconds: options.timeLimit }),
      }).catch((e: unknown) => { throw asProblems(eventFile, e); });
      await throwIfInterrupted(signal);
      await emit({ columns: PARTS[options.part], rows: schedule[options.part], document: schedule }, options);
    });
}
