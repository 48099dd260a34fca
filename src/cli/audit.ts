/** `passerelle audit`: the fairness audit of a batch match (MODEL.md "Territory"). */
import { type Command, Option } from 'commander';
import { auditFairness } from '../index.js';
import { emit } from './io.js';
import { type BatchCliOptions, batchCommand, computeBatch } from './match.js';

const PARTS = {
  groups: ['group', 'label', 'candidates', 'eligible', 'selected', 'rate', 'impactRatio', 'flagged'],
  blockers: ['group', 'code', 'label', 'count'],
  employers: ['employerId', 'openings', 'exposure', 'perOpening', 'underServed'],
} as const;

interface AuditCliOptions extends BatchCliOptions {
  part: keyof typeof PARTS;
}

export function registerAudit(program: Command, signal: AbortSignal): void {
  batchCommand(program, 'audit', 'Audit d’équité d’une mise en relation : taux de sélection par public (règle des 4/5), freins des non-retenus, exposition des employeurs.', false)
    .addOption(new Option('--part <part>', 'tableau à sortir en table, CSV ou JSON Lines (JSON : l’audit entier)').choices(Object.keys(PARTS)).default('groups'))
    .addHelpText('after', '\nExemple :\n  passerelle audit -c examples/data/orne-demo.json -v examples/data/orne-demo.json --today 2026-11-23 --part blockers')
    .action(async (options: AuditCliOptions) => {
      const { batch, candidates } = await computeBatch(options, signal);
      const audit = auditFairness(batch, candidates);
      if (process.stderr.isTTY) process.stderr.write(`${audit.text}\n`);
      await emit({ columns: PARTS[options.part], rows: audit[options.part], document: audit }, options);
    });
}
