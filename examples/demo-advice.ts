/**
 * Demo section "advice an advisor can trust" (issue 11): rules read at the date they apply, dated
 * categories, honest costs and dates. Two hand-written candidates (not in the data file, so the
 * other sections are unchanged) placed at the site of the first aide-soignant vacancy of the data
 * that requires a certification: one whose RQTH has an end date and an old proof, one refugee
 * whose French course pushes the diploma past the apprenticeship age limit.
 */
import type { Candidate, CandidateInput, Engine, Pathway, VacancyIndex } from '../src/index.js';
import { parseCandidate } from '../src/index.js';
import { formatDate, formatEuros } from '../src/format/french.js';
import { FRENCH_LEVEL_LABELS } from '../src/explain/labels.js';

type Print = (line: string) => void;

function describeCategories(c: Candidate): string {
  return (c.categories ?? []).map((x) => {
    if (typeof x === 'string') return x;
    const parts: string[] = [x.code];
    if (x.since !== undefined) parts.push(`depuis le ${formatDate(x.since)}`);
    if (x.until !== undefined) parts.push(`jusqu’au ${formatDate(x.until)}`);
    if (x.provenOn !== undefined) parts.push(`justificatif vu le ${formatDate(x.provenOn)}`);
    return parts.join(', ');
  }).join(' ; ');
}

function printPathway(print: Print, p: Pathway, rank: number): void {
  print(`    Parcours ${rank} : ${p.steps.map((s) => `${s.code} (${formatDate(s.startDate)} → ${formatDate(s.endDate)})`).join(', puis ')}`);
  print(`      ${p.summary}`);
  print(`      après le début du contrat : ${p.afterVacancyStart ? 'oui' : 'non'} ; coût sûr ${formatEuros(p.cost)} ; à vérifier : ${p.costDependsOn.map((d) => d.code).join(', ') || 'rien'}`);
  for (const t of p.toCheck) print(`      à vérifier [${t.code}] ${t.message}`);
}

export function runAdviceDemo(print: Print, engine: Engine, vacancies: VacancyIndex, sessions: readonly unknown[], today: string): void {
  const v = vacancies.records.find((x) => x.job.rome === 'J1501' && (x.requires.certifications ?? []).length > 0);
  if (v === undefined) return;
  const base: Omit<CandidateInput, 'id'> = {
    home: v.site,
    mobility: { modes: ['car'], maxMinutes: 45, drivingLicence: true, vehicle: true },
    availableFrom: today,
    desiredJobs: ['J1501'],
    qualifications: [],
    experience: [{ rome: 'K1302', months: 8 }],
    schedule: { nights: true, weekends: true, splitShifts: true, weeklyHoursMin: 24, weeklyHoursMax: 35 },
    contracts: ['CDI', 'CDD', 'APPRENTISSAGE'],
    frenchLevel: 'native',
  };
  const people: Candidate[] = [
    parseCandidate({
      ...base,
      id: 'c-demo-rqth',
      status: 'demandeur_emploi',
      birthYear: 1990,
      categories: [{ code: 'RQTH', since: '2022-03-01', until: '2027-06-30', provenOn: '2025-01-10' }],
    }),
    parseCandidate({ ...base, id: 'c-demo-bpi', status: 'demandeur_emploi', birthYear: 1996, frenchLevel: 'A2', categories: ['BPI'] }),
  ];
  print(`  Offre ${v.id} (${v.job.title ?? v.job.rome}), contrat dès le ${formatDate(v.contract.startDate)}`);
  for (const c of people) {
    print(`  Candidat·e ${c.id} — né·e en ${c.birthYear}, français : ${c.frenchLevel === undefined ? 'non déclaré' : FRENCH_LEVEL_LABELS[c.frenchLevel]}, catégories : ${describeCategories(c)}`);
    const match = engine.score(c, v);
    for (const t of match.toCheck) print(`    mise en relation avec l’offre, à vérifier [${t.code}] ${t.message}`);
    const pathways = engine.recommendPathways(c, { target: v, sessions, vacancies, limit: 3 });
    print(`    routes proposées : ${pathways.map((p) => p.steps[p.steps.length - 1].code).join(', ')}`);
    pathways.slice(0, 2).forEach((p, i) => printPathway(print, p, i + 1));
    const dated = (c.categories ?? []).find((x) => typeof x !== 'string' && x.until !== undefined);
    if (dated !== undefined && typeof dated !== 'string') {
      // The same person with the decision renewed: the RQTH is in force when the contract starts.
      const renewed = parseCandidate({ ...c, categories: [{ ...dated, until: '2031-12-31' }] });
      const routes = engine.recommendPathways(renewed, { target: v, sessions, vacancies, limit: 3 });
      print(`    même personne, RQTH renouvelée jusqu’au ${formatDate('2031-12-31')} : ${routes.map((p) => p.steps[p.steps.length - 1].code).join(', ')}`);
      for (const t of routes[0]?.toCheck ?? []) print(`      à vérifier [${t.code}] ${t.message}`);
    }
  }
}
