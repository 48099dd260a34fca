/** `passerelle validate <kind> <file>`: every problem of every record, located; exit 1 if any. */
import { type Command, Argument } from 'commander';
import { validateBatch, type RecordKind } from '../index.js';
import { EXIT_INPUT, type OutputOptions, emit, progressBar, readRecords, fileProblems, withOutput } from './io.js';

/** The CLI names kinds as the schema files do; the key is where a combined file (orne-demo.json) holds them. */
export const KINDS: Record<string, { kind: RecordKind; key: string }> = {
  candidate: { kind: 'candidate', key: 'candidates' },
  vacancy: { kind: 'vacancy', key: 'vacancies' },
  'training-session': { kind: 'trainingSession', key: 'sessions' },
};

export function registerValidate(program: Command, signal: AbortSignal): void {
  withOutput(
    program
      .command('validate')
      .description('Valide un fichier d’enregistrements (JSON ou JSON Lines) et liste chaque problème : fichier, ligne, identifiant, champ.')
      .addArgument(new Argument('<kind>', 'type d’enregistrement').choices(Object.keys(KINDS)))
      .argument('<file>', 'tableau JSON, objet qui le contient (« candidates »…), ou JSON Lines (.jsonl)'),
  )
    .addHelpText('after', '\nExemple :\n  passerelle validate candidate candidats.jsonl --format csv > problemes.csv')
    .action(async (kindName: string, file: string, options: OutputOptions) => {
      const { kind, key } = KINDS[kindName];
      const bar = progressBar('lecture');
      const records = await readRecords(file, key, { signal, onProgress: bar.update });
      bar.stop();
      const { valid, rejected } = validateBatch(kind, records.values);
      const problems = fileProblems(records, rejected);
      await emit({
        columns: ['file', records.lines ? 'line' : 'index', 'id', 'path', 'code', 'message'],
        rows: problems,
        document: { file: records.file, records: records.values.length + records.problems.length, valid: valid.length, problems },
      }, options);
      const bad = rejected.length + records.problems.length;
      process.stderr.write(`${records.file} : ${valid.length} valide${valid.length > 1 ? 's' : ''}, ${bad} rejeté${bad > 1 ? 's' : ''}.\n`);
      if (bad > 0) process.exitCode = EXIT_INPUT;
    });
}
