/** `passerelle indicators`: follow-up indicators for funders, from the platform's event log. */
import type { Command } from 'commander';
import { platformIndicators } from '../index.js';
import { type OutputOptions, SKIP_INVALID, emit, isoDate, readRecords, fileProblems, reportProblems, withOutput } from './io.js';

interface IndicatorsCliOptions extends OutputOptions {
  from: string;
  to: string;
  skipInvalid?: boolean;
}

export function registerIndicators(program: Command, signal: AbortSignal): void {
  withOutput(
    program
      .command('indicators')
      .description('Indicateurs de suivi par public sur une période : accompagnés, immersions, entrées en formation, embauches, maintien à 3 et 6 mois.')
      .argument('<events>', 'événements de la plateforme (JSON, JSON Lines ou objet { events })')
      .requiredOption('--from <date>', 'début de période AAAA-MM-JJ', isoDate)
      .requiredOption('--to <date>', 'fin de période AAAA-MM-JJ', isoDate)
      .option(...SKIP_INVALID),
  )
    .addHelpText('after', '\nExemple :\n  passerelle indicators evenements.jsonl --from 2026-01-01 --to 2026-12-31 -f csv')
    .action(async (file: string, options: IndicatorsCliOptions) => {
      const events = await readRecords(file, 'events', { signal });
      signal.throwIfAborted();
      const result = platformIndicators(events.values, { from: options.from, to: options.to });
      reportProblems(fileProblems(events, result.rejected), options.skipInvalid);
      const rows = result.groups.map((g) => ({
        group: g.group, label: g.label, accompanied: g.accompanied, immersions: g.immersions,
        trainingEntries: g.trainingEntries.total, hires: g.hires.total, entered: g.entered, enteredShare: g.enteredShare,
        retention3m: g.retention3m.rate, retention6m: g.retention6m.rate, medianDaysToHire: g.medianDaysToHire,
      }));
      const { csv: _csv, ...document } = result;
      await emit({ columns: Object.keys(rows[0] ?? { group: '' }), rows, document }, options);
    });
}
