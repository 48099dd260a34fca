/** `passerelle resolve`: free-text job titles (or certification lines) to referential codes. */
import type { Command } from 'commander';
import { resolveCertification, resolveJobTitle } from '../index.js';
import { type OutputOptions, emit, readLines, withOutput } from './io.js';

interface ResolveOptions extends OutputOptions {
  file?: string;
  certification?: boolean;
  sector?: boolean;
}

export function registerResolve(program: Command): void {
  withOutput(
    program
      .command('resolve')
      .description('Rapproche des intitulés libres (offres, CV) des fiches ROME, ou des lignes de diplôme des certifications du référentiel.')
      .argument('[texts...]', 'intitulés à rapprocher')
      .option('-i, --file <file>', 'un intitulé par ligne, ou un tableau JSON de chaînes')
      .option('-c, --certification', 'rapprocher des certifications (DEAES, TP ADVF…) plutôt que des métiers')
      .option('--sector', 'les intitulés viennent d’employeurs du secteur (les fiches partagées comptent dans le secteur)'),
  )
    .addHelpText('after', '\nExemples :\n  passerelle resolve "Aide soignant(e) de nuit H/F" "auxiliaire de vie"\n  passerelle resolve --certification --file diplomes.txt --format csv')
    .action(async (texts: string[], options: ResolveOptions) => {
      const inputs = [...texts, ...(options.file === undefined ? [] : readLines(options.file))];
      const rows = inputs.map((text) => {
        if (options.certification) {
          const r = resolveCertification(text);
          return { text, code: r?.code ?? null, label: r?.label ?? null, confidence: r?.confidence ?? null,
            alternatives: r?.alternatives.map((a) => a.code) ?? [] };
        }
        const r = resolveJobTitle(text, { sectorContext: options.sector === true });
        return { text, rome: r?.rome ?? null, label: r?.label ?? null, appellation: r?.appellation ?? null,
          inSector: r?.inSector ?? null, confidence: r?.confidence ?? null, method: r?.method ?? null };
      });
      const columns = options.certification
        ? ['text', 'code', 'label', 'confidence', 'alternatives']
        : ['text', 'rome', 'label', 'appellation', 'inSector', 'confidence', 'method'];
      await emit({ columns, rows, document: rows }, options);
    });
}
