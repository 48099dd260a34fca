/** `passerelle report`: the territory's HTML report (map, filters, scores, blockers, audit, indicators). */
import type { Command } from 'commander';
import { allocate, auditFairness, platformIndicators, renderReport, type ReportCommune } from '../index.js';
import { InputProblems, fileProblems, isoDate, readObject, readRecords, reportProblems, writeChunks, throwIfInterrupted } from './io.js';
import { type BatchCliOptions, batchCommand, computeBatch } from './match.js';

interface ReportCliOptions extends BatchCliOptions {
  allocation?: boolean;
  audit?: boolean;
  events?: string;
  from?: string;
  to?: string;
  communes?: string;
  title?: string;
}

export function registerReport(program: Command, signal: AbortSignal): void {
  batchCommand(program, 'report', 'Rapport HTML autonome du territoire (aucun accès réseau) : carte, filtres par métier et par public, scores par critère, blocages, audit, indicateurs.', true, false)
    .option('--allocation', 'tracer l’affectation optimale sur la carte')
    .option('--audit', 'ajouter l’audit d’équité')
    .option('--events <file>', 'événements de la plateforme, pour les indicateurs de suivi (avec --from et --to)')
    .option('--from <date>', 'début de période des indicateurs', isoDate)
    .option('--to <date>', 'fin de période des indicateurs', isoDate)
    .option('--communes <file>', 'communes à dessiner : tableau JSON de { lat, lon, code?, name?, population? }')
    .option('--title <title>', 'titre du rapport')
    .addHelpText('after', '\nExemple :\n  passerelle report -c examples/data/orne-demo.json -v examples/data/orne-demo.json --today 2026-11-23 --allocation --audit -o rapport.html')
    .action(async (options: ReportCliOptions) => {
      if (options.events !== undefined && (options.from === undefined || options.to === undefined)) {
        throw new InputProblems([{ file: options.events, code: 'required', path: '', message: 'les indicateurs demandent --from et --to' }]);
      }
      const communes = options.communes === undefined ? undefined : readObject(options.communes) as ReportCommune[];
      const events = options.events === undefined ? undefined : await readRecords(options.events, 'events', { signal });
      const { batch, candidates } = await computeBatch(options, signal);
      const allocation = options.allocation ? await allocate(batch, { method: 'optimal' }) : undefined;
      let indicators;
      if (events) {
        indicators = platformIndicators(events.values, { from: options.from!, to: options.to! });
        reportProblems(fileProblems(events, indicators.rejected), options.skipInvalid);
      }
      await throwIfInterrupted(signal);
      const html = renderReport({
        batch,
        ...(allocation && { allocation }),
        ...(options.audit && { audit: auditFairness(batch, candidates) }),
        ...(indicators && { indicators }),
        ...(communes && { communes, communesSource: options.communes }),
        ...(options.title !== undefined && { title: options.title }),
        ...(options.audience && { audience: options.audience }),
        ...(options.today && { date: options.today }),
      });
      await writeChunks([html], options.output);
    });
}
