/**
 * `passerelle`: the engine from the command line, for operators' one-off checks and matches on
 * files. Exit codes: 0 done, 1 bad input (every problem on stderr), 2 bad command line, 130 Ctrl-C.
 */
import { Command, CommanderError } from 'commander';
import { ENGINE_VERSION, PasserelleInputError } from '../index.js';
import { EXIT_INPUT, EXIT_INTERRUPTED, EXIT_USAGE, InputProblems } from './io.js';
import { registerValidate } from './validate.js';
import { registerResolve } from './resolve.js';
import { registerMatch } from './match.js';
import { registerPathways } from './pathways.js';
import { registerAudit } from './audit.js';
import { registerIndicators } from './indicators.js';
import { registerSchema } from './schema.js';
import { registerAllocate } from './allocate.js';
import { registerJobDating } from './jobdating.js';
import { registerReport } from './report.js';

const interrupt = new AbortController();

const program = new Command('passerelle')
  .description('Moteur de mise en relation des plateformes des métiers de l’autonomie, en ligne de commande.')
  .version(ENGINE_VERSION, '-V, --version', 'afficher la version du moteur')
  .helpOption('-h, --help', 'afficher l’aide')
  .helpCommand('help [command]', 'afficher l’aide d’une commande')
  .showHelpAfterError('(passerelle <commande> --help pour l’aide)')
  .exitOverride();

for (const register of [registerValidate, registerResolve, registerMatch, registerPathways, registerAllocate, registerJobDating, registerAudit, registerIndicators, registerReport, registerSchema]) {
  register(program, interrupt.signal);
}

// `passerelle match … | head`: the reader left, which is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

// First Ctrl-C: abort the running work (workers stopped, nothing written); a second one: leave now.
process.on('SIGINT', () => {
  if (interrupt.signal.aborted) process.exit(EXIT_INTERRUPTED);
  interrupt.abort();
});

try {
  await program.parseAsync(process.argv);
} catch (e) {
  process.exitCode = exitCode(e);
}
// Worker threads or a half-read stream must not keep an interrupted process alive.
if (interrupt.signal.aborted) process.exit(EXIT_INTERRUPTED);

function exitCode(e: unknown): number {
  if (interrupt.signal.aborted) {
    process.stderr.write('passerelle : interrompu (Ctrl-C), aucun résultat écrit.\n');
    return EXIT_INTERRUPTED;
  }
  if (e instanceof CommanderError) {
    // Help and version exit 0; commander already printed the usage error.
    return e.exitCode === 0 ? 0 : EXIT_USAGE;
  }
  if (e instanceof InputProblems) {
    process.stderr.write(`${e.message}\n${problemCount(e.problems.length)}\n`);
    return EXIT_INPUT;
  }
  if (e instanceof PasserelleInputError) {
    process.stderr.write(`${e.message}\n`);
    return EXIT_INPUT;
  }
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ENOENT' || err?.code === 'EISDIR' || err?.code === 'EACCES') {
    process.stderr.write(`passerelle : fichier illisible : ${err.path ?? ''} (${err.code})\n`);
    return EXIT_INPUT;
  }
  throw e;
}

function problemCount(n: number): string {
  return `${n} problème${n > 1 ? 's' : ''} : rien n’a été calculé.`;
}
