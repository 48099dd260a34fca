/**
 * The examples run and print what they promise, so they never rot: each example's main function is
 * called with a line collector, and the output is checked for the content an advisor relies on.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runDemo } from '../../examples/demo.js';
import { main as quickstart } from '../../examples/quickstart.js';
import { main as validate } from '../../examples/validate.js';
import { main as resolve } from '../../examples/resolve.js';
import { SNAPSHOT_PATH, buildSnapshot } from '../../examples/data/generate.js';

function collect(run: (print: (line: string) => void) => void): string[] {
  const lines: string[] = [];
  run((line) => lines.push(line));
  return lines;
}

async function collectAsync(run: (print: (line: string) => void) => Promise<void>): Promise<string[]> {
  const lines: string[] = [];
  await run((line) => lines.push(line));
  return lines;
}

const some = (lines: string[], re: RegExp) => lines.some((l) => re.test(l));

describe('examples/data/orne-demo.json', () => {
  it('is what examples/data/generate.ts writes, under 1 MB', () => {
    const text = readFileSync(SNAPSHOT_PATH, 'utf8');
    expect(text.length).toBeLessThan(1_000_000);
    expect(text).toBe(JSON.stringify(buildSnapshot()) + '\n');
  });
});

describe('examples/demo.ts', async () => {
  const lines = await collectAsync(runDemo);
  const text = lines.join('\n');

  it('is deterministic', async () => {
    expect((await collectAsync(runDemo)).join('\n')).toBe(text);
  });

  it('counts valid and rejected records and names each rejection by index, id, path and code', () => {
    expect(text).toMatch(/candidats\s+400 valides, 5 rejetés/);
    expect(text).toMatch(/offres\s+60 valides, 2 rejetés/);
    expect(some(lines, /#400\s+c-bad-date\s+availableFrom\s+invalid_date/)).toBe(true);
    expect(some(lines, /#401\s+c-bad-cert\s+qualifications\[0\]\.code\s+unknown_code .*DEAEZ.*DEAES/)).toBe(true);
    expect(some(lines, /#402\s+c-bad-hours\s+schedule\.weeklyHoursMin\s+invalid_range/)).toBe(true);
    expect(some(lines, /#403\s+c-no-mobility\s+mobility\s+required/)).toBe(true);
    expect(some(lines, /#404\s+c4\s+id\s+duplicate_id/)).toBe(true);
    expect(some(lines, /#60\s+v-bad-rome\s+job\.rome\s+unknown_code/)).toBe(true);
  });

  it('shows a pathway ending after the vacancy’s start and a dated category (issue 11)', () => {
    expect(some(lines, /Prêt·e à l’emploi le .*, après le début du contrat de l’offre \(le /)).toBe(true);
    expect(some(lines, /RQTH, depuis le .*, jusqu’au .*, justificatif vu le /)).toBe(true);
    expect(some(lines, /\[category_proof\] Justificatif « .* » vu le .* : à renouveler\./)).toBe(true);
    // The RQTH ends before the DEAS starts: no apprenticeship; renewed, it opens one.
    expect(some(lines, /c-demo-rqth/)).toBe(true);
    expect(some(lines, /RQTH renouvelée .*apprenticeship:DEAS/)).toBe(true);
  });

  it('resolves free text to codes with sector and confidence', () => {
    expect(some(lines, /Aide soignant\(e\) de nuit H\/F – CDI 80 %\s+J1501 .*\soui\s+1,00\s+DEAS/)).toBe(true);
    expect(some(lines, /auxilaire de vie secteur Alençon\s+K1302 .*\soui\s/)).toBe(true);
    expect(some(lines, /développeur web\s+M1805 .*\snon\s/)).toBe(true);
    expect(some(lines, /^\s+DE AES\s+.*DEAES \(1,00\)/)).toBe(true);
  });

  it('shortlists three vacancies with scores, summaries, criteria and near misses with lifts', () => {
    expect(lines.filter((l) => /^ {2}Offre v\d+ — /.test(l))).toHaveLength(3);
    expect(some(lines, /^ {4}1\. c\d+\s+score\s+\d+\/100/)).toBe(true);
    expect(some(lines, /^\s+Éligible, score \d+\/100/)).toBe(true);
    expect(some(lines, /critères : Qualification \d+,\d\/30 · Expérience/)).toBe(true);
    expect(some(lines, /✗ \[[a-z_]+\] /)).toBe(true);
    expect(some(lines, /→ levier \[[A-Za-z_:0-9]+\] /)).toBe(true);
  });

  it('shows two candidates with counterfactuals and dated pathways', () => {
    expect(lines.filter((l) => /^ {2}Candidat·e c\d+ — /.test(l))).toHaveLength(2);
    expect(some(lines, /avec le permis B : \+\d+ offres?\s+\[driving_licence\]/)).toBe(true);
    expect(some(lines, /avec le DEAS : \+\d+ offres?\s+\[certification:DEAS\]/)).toBe(true);
    expect(some(lines, /Parcours 1 — Aide-soignant\(e\) → DEAS/)).toBe(true);
    expect(some(lines, /\d{4}-\d{2}-\d{2} → \d{4}-\d{2}-\d{2}.*partial_training\s+Cursus partiel DEAS/)).toBe(true);
    expect(some(lines, /financement : [A-Z_]+/)).toBe(true);
    expect(some(lines, /prêt·e à l’emploi le \d+(er)? [a-zéû]+ \d{4} ; débouchés : \d+ offres? à portée, dont (aucune nouvelle|\d+ nouvelles?)/)).toBe(true);
  });

  it('links a near miss to the pathway that lifts its blocker', () => {
    const i = lines.findIndex((l) => /→ parcours qui lève ce blocage : Vers l’offre v\d+ .*Prêt·e à l’emploi le .*Ouvre \d+ offres? à portée/.test(l));
    expect(i).toBeGreaterThan(0);
    // Under the near miss whose blocker it lifts.
    expect(lines.slice(Math.max(0, i - 3), i).some((l) => /✗ \[(driving_licence|legal_certification|required_certification|french_level)\]/.test(l))).toBe(true);
  });

  it('summarises the territory batch with unmatched records and their main blockers', () => {
    expect(text).toMatch(/400 candidat·es × 60 offres ; \d+ paires retenues/);
    expect(text).toMatch(/rejetés à l’indexation : 5 candidat·es, 2 offres/);
    expect(some(lines, /Candidat·es sans offre : blocages les plus fréquents \(\d+\)/)).toBe(true);
    expect(some(lines, /^\s+\d+\s+Trajet trop long\s+\[commute\]/)).toBe(true);
    expect(some(lines, /Exemple d’explication à la demande \(v\d+ × c\d+\) : Éligible/)).toBe(true);
  });

  it('runs a recruitment campaign (examples/demo-campaign.ts): allocates the posts both ways, explains decisions with their codes, and compares spread and plain lists', () => {
    expect(some(lines, /^ {2}optimale\s+\d+ postes pourvus sur \d+ ; score total/)).toBe(true);
    expect(some(lines, /^ {2}stable\s+\d+ postes pourvus sur \d+ ; score total/)).toBe(true);
    expect(some(lines, /→ v\d+\s+Affecté·e à son choix n° \d+ sur \d+ \(score \d+\/100\)/)).toBe(true);
    expect(some(lines, /\[outcompeted\] Aucune affectation : /)).toBe(true);
    expect(some(lines, /^ {4}listes étalées\s+\d+(,\d)?\s%/)).toBe(true);
    expect(some(lines, /^ {4}3 meilleures offres\s+\d+(,\d)?\s%/)).toBe(true);
    expect(some(lines, /Appelé·e au rang \d+ au lieu du rang \d+ : .*Score inchangé\./)).toBe(true);
  });

  it('prints the fairness audit of the territory batch and indicators of a generated event log (examples/demo-audit.ts)', () => {
    expect(text).toMatch(/Audit d’équité — Appariement du territoire/);
    expect(text).toMatch(/Règle des quatre cinquièmes/);
    expect(text).toMatch(/Indicateurs de suivi du 1er janvier 2026 au 23 novembre 2026/);
    expect(text).toMatch(/Ensemble des personnes :\n\s+- \d+ personnes accompagnées/);
    expect(some(lines, /rejet #\d+ c1 date invalid_date/)).toBe(true);
  });

  it('runs a job dating: proven schedule, convocations with times and tables, one candidate’s why not', () => {
    expect(text).toMatch(/7\. Un job dating \(scheduleJobDating\)/);
    expect(text).toMatch(/\d+ entretiens ; \d+ candidat·es reçu·es sur \d+ ; score total [\d\s\u202f]+,\d ; optimum prouvé \(HiGHS\)/);
    expect(some(lines, /^ {4}Candidat·e c\d+ — job dating du 10 décembre 2026 : \d entretiens?$/)).toBe(true);
    expect(some(lines, /^ {6}\d{1,2} h \d\d – \d{1,2} h \d\d · employeur e\d+, table \d · offre v\d+ .* · score \d+\/100$/)).toBe(true);
    expect(some(lines, /^ {4}Employeur e\d+ — job dating du 10 décembre 2026 : \d+ entretiens?, \d tables?$/)).toBe(true);
    expect(some(lines, /^ {4}c\d+\s+\[(no_eligible_employer|no_common_slot|capacity)\]\s+\S/)).toBe(true);
    expect(some(lines, /^ {2}Pourquoi c\d+ n'a pas d'entretien \[no_eligible_employer\]/)).toBe(true);
  });

  it('writes the HTML report with the allocation and the job dating as links (examples/demo-report.ts)', () => {
    const line = lines.find((l) => l.includes('Rapport HTML (document conseiller'))!;
    const html = readFileSync(line.slice(line.lastIndexOf(' : ') + 3), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toMatch(/class="lk allocation"/);
    expect(html).toMatch(/class="lk schedule"/);
    expect(html).toContain('id="audit"');
  });
});

describe('examples/quickstart.ts', () => {
  it('prints an eligible match with its criteria and a near miss with its blocker', () => {
    const lines = collect(quickstart);
    expect(lines[0]).toMatch(/^c-1 — score \d+\/100 — Éligible/);
    expect(some(lines, /^ {2}Qualification\s+30\.0 \/ 30 {2}Titulaire du DEAS/)).toBe(true);
    expect(some(lines, /^c-2 — non éligible : \[legal_certification\] .*DEAS/)).toBe(true);
  });
});

describe('examples/validate.ts', () => {
  it('rejects each broken record with its path and code, and shows the thrown error', () => {
    const lines = collect(validate);
    expect(lines[0]).toBe('validateBatch : 1 valide(s), 6 rejeté(s)');
    expect(some(lines, /#1 c-date\s+availableFrom\s+invalid_date/)).toBe(true);
    expect(some(lines, /#2 c-typo\s+qualifications\[0\]\.code\s+unknown_code/)).toBe(true);
    expect(some(lines, /#3 c-hours\s+schedule\.weeklyHoursMin\s+invalid_range/)).toBe(true);
    expect(some(lines, /#4 c-mobility\s+mobility\s+required/)).toBe(true);
    expect(some(lines, /#5 c-ok\s+id\s+duplicate_id .*enregistrement 0/)).toBe(true);
    expect(some(lines, /#6 —\s+\(racine\)\s+not_an_object/)).toBe(true);
    expect(some(lines, /^Candidat « c-typo » invalide \(1 problème\) :$/)).toBe(true);
    expect(some(lines, /^issues : \[\{"code":"unknown_code","path":"qualifications\[0\]\.code"/)).toBe(true);
  });
});

describe('examples/resolve.ts', () => {
  it('maps titles to fiches with the sector flag and CV lines to certifications', () => {
    const lines = collect(resolve);
    expect(some(lines, /^ {2}AES en MAS\s+→ K1301 .*\(secteur, confiance/)).toBe(true);
    expect(some(lines, /^ {2}commis de cuisine\s+→ G1602 .*\(hors secteur/)).toBe(true);
    expect(some(lines, /^ {2}cuisinier en EHPAD\s+→ G1602 .*\(secteur/)).toBe(true);
    expect(some(lines, /^ {2}ASH \(offre d’un EHPAD\)\s+→ J1301 \(secteur\)/)).toBe(true);
    expect(some(lines, /^ {2}titre pro ADVF\s+→ TP_ADVF /)).toBe(true);
    expect(some(lines, /^ {2}BTS comptabilité\s+→ aucune certification reconnue/)).toBe(true);
  });
});
