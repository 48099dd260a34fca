/**
 * The fairness audit in French, for a report: figures through src/format/french.ts, categories
 * and blockers by their labels, never a code inside a sentence.
 */
import { formatNumber, formatPercent, plural } from '../format/french.js';
import { lowerFirst } from './lifts.js';
import { median } from './stats.js';
import type { AuditOptions, FairnessAudit, ResultKind } from './fairness.js';

const KIND_PHRASES: Readonly<Record<ResultKind, { what: string; selected: string }>> = {
  batch: { what: 'Appariement du territoire (listes courtes par offre)', selected: 'retenues dans au moins une liste courte' },
  allocation: { what: 'Affectation des candidatures aux postes', selected: 'affectées à un poste' },
  spread: { what: 'Recommandations réparties entre les offres', selected: 'ayant au moins une offre recommandée' },
  schedule: { what: 'Planning de job dating', selected: 'ayant au moins un entretien' },
};

const n0 = (n: number) => formatNumber(n, 0);
const people = (n: number) => `${n0(n)} ${plural(n, 'personne', 'personnes')}`;
const ratio = (x: number) => formatNumber(x, 2);

/** How many blockers per group the text names. */
const TEXT_BLOCKERS = 3;

/** The audit as a French text an advisor can paste into a report. */
export function auditText(a: Omit<FairnessAudit, 'text'>, hasBlockers: boolean, options: AuditOptions): string {
  const k = KIND_PHRASES[a.kind];
  const all = a.groups.find((g) => g.group === 'all')!;
  const lines: string[] = [];
  lines.push(`Audit d’équité — ${k.what}.`);
  lines.push(
    `${people(all.candidates)} ${plural(all.candidates, 'auditée', 'auditées')}, dont ${n0(all.eligible)} avec au moins une offre accessible ; ` +
      `${n0(all.selected)} ${k.selected}${all.rate !== null ? `, soit ${formatPercent(all.rate)} des personnes éligibles` : ''}.`,
  );
  if (a.unknownCandidates > 0) {
    lines.push(`${people(a.unknownCandidates)} du résultat ${plural(a.unknownCandidates, 'est absente', 'sont absentes')} du fichier des candidatures : comptées dans l’ensemble seulement.`);
  }
  lines.push('');
  lines.push('Taux de sélection par public (une personne relevant de plusieurs publics compte dans chacun) :');
  for (const g of a.groups) {
    const rate = g.rate === null ? 'aucune personne éligible' : `taux ${formatPercent(g.rate)}`;
    const ir = g.impactRatio === null || g.group === 'all' ? '' : `, ratio d’impact ${ratio(g.impactRatio)}`;
    const small = g.group !== 'all' && g.eligible < a.rule.minEligible ? ` (moins de ${n0(a.rule.minEligible)} personnes éligibles : pas de comparaison)` : '';
    lines.push(`- ${g.label} : ${people(g.candidates)}, ${n0(g.eligible)} ${plural(g.eligible, 'éligible', 'éligibles')}, ${n0(g.selected)} ${plural(g.selected, 'sélectionnée', 'sélectionnées')} ; ${rate}${ir}${small}.`);
  }
  const flagged = a.groups.filter((g) => g.flagged);
  const ref = a.groups.filter((g) => g.group !== 'all' && g.eligible >= a.rule.minEligible && g.rate !== null);
  const best = ref.length > 0 ? ref.reduce((x, y) => (y.rate! > x.rate! ? y : x)) : undefined;
  lines.push('');
  if (best === undefined) {
    lines.push(`Règle des quatre cinquièmes : aucun public ne compte ${n0(a.rule.minEligible)} personnes éligibles, aucune comparaison n’est faite.`);
  } else if (flagged.length === 0) {
    lines.push(`Règle des quatre cinquièmes : aucun écart signalé ; chaque public d’au moins ${n0(a.rule.minEligible)} personnes éligibles est sélectionné à au moins ${formatPercent(a.rule.threshold)} du meilleur taux (${formatPercent(best.rate!)}, ${best.label}).`);
  } else {
    lines.push(`Règle des quatre cinquièmes : ${n0(flagged.length)} ${plural(flagged.length, 'écart signalé', 'écarts signalés')} par rapport au meilleur taux (${formatPercent(best.rate!)}, ${best.label}) :`);
    for (const g of flagged) lines.push(`- ${g.label} : ${formatPercent(g.rate!)}, ratio ${ratio(g.impactRatio!)}, sous le seuil de ${ratio(a.rule.threshold)}.`);
    lines.push('Un écart signale une situation à examiner (critères exigés, offres à portée), pas une discrimination établie.');
  }
  lines.push('');
  if (!hasBlockers) {
    lines.push('Freins : non calculés (fournir le lot d’appariement, option batch, pour les connaître).');
  } else {
    lines.push('Principaux freins des personnes sans offre accessible :');
    let any = false;
    for (const g of a.groups) {
      const rows = a.blockers.filter((b) => b.group === g.group).slice(0, TEXT_BLOCKERS);
      if (rows.length === 0) continue;
      any = true;
      lines.push(`- ${g.label} :`);
      for (const b of rows) {
        const aids = b.lift && b.lift.aids.length > 0 ? ` ; ${plural(b.lift.aids.length, 'aide mobilisable', 'aides mobilisables')} : ${b.lift.aids.map((x) => x.label).join(', ')}` : '';
        const lift = b.lift ? ` ; levier : ${lowerFirst(b.lift.message)}${aids}` : '';
        lines.push(`  · ${lowerFirst(b.label)}, ${people(b.count)}${lift}.`);
      }
    }
    if (!any) lines.push('- aucune : chaque personne a au moins une offre accessible.');
  }
  lines.push('');
  if (a.employers.length === 0) {
    lines.push(a.kind === 'batch' || options.vacancies !== undefined || options.batch !== undefined
      ? 'Employeurs : aucune offre.'
      : 'Employeurs : exposition non calculée (fournir les offres, option vacancies).');
  } else {
    const under = a.employers.filter((e) => e.underServed);
    const mid = median(a.employers.map((e) => e.perOpening))!;
    lines.push(
      `Employeurs : ${n0(a.employers.length)} ${plural(a.employers.length, 'employeur', 'employeurs')}, exposition médiane ${formatNumber(mid, 2)} par poste ouvert ; ` +
        (under.length === 0
          ? 'aucun employeur sous la moitié de la médiane.'
          : `${n0(under.length)} ${plural(under.length, 'employeur est', 'employeurs sont')} sous la moitié de la médiane (liste dans le détail).`),
    );
  }
  lines.push('');
  lines.push('Les catégories de public servent ici uniquement à mesurer : elles n’ont modifié aucun score, aucune éligibilité ni aucun classement.');
  return lines.join('\n');
}
