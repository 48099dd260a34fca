/** `passerelle schema <kind>`: the JSON Schema of an input, for backends in other languages. */
import { Argument, type Command } from 'commander';
import { jsonSchemas } from '../index.js';

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('Affiche le schéma JSON (draft 2020-12) d’un type d’enregistrement, le même que passerelle/schema/<kind>.json.')
    .addArgument(new Argument('<kind>', 'type d’enregistrement').choices(Object.keys(jsonSchemas())))
    .addHelpText('after', '\nExemple :\n  passerelle schema candidate > candidate.schema.json')
    .action((kind: keyof ReturnType<typeof jsonSchemas>) => {
      process.stdout.write(`${JSON.stringify(jsonSchemas()[kind], null, 2)}\n`);
    });
}
