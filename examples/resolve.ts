/**
 * Free text → codes, once per distinct string: job titles of ads and CVs to ROME v3 fiches (with
 * whether the job belongs to the sector), CV lines to certification codes.
 *
 *   npx tsx examples/resolve.ts
 */
import { pathToFileURL } from 'node:url';
import { resolveCertification, resolveJobTitle } from '../src/index.js';

export const TITLES = [
  'Aide soignant(e) de nuit H/F – CDI 80 %',
  'auxilaire de vie secteur Alençon',
  'AES en MAS',
  'ASH',
  'cuisinier en EHPAD',
  'commis de cuisine',
  'AVS école primaire',
  'développeur web',
];

export const CV_LINES = ['DE AES', 'titre pro ADVF', "diplôme d'état d'aide soignante", 'Mention complémentaire aide à domicile', 'BTS comptabilité'];

export function main(print: (line: string) => void = console.log): void {
  print('Intitulés de poste → fiche ROME v3');
  for (const text of TITLES) {
    const r = resolveJobTitle(text);
    if (r === null) print(`  ${text.padEnd(42)} → aucune fiche assez sûre`);
    else {
      const sector = r.inSector ? 'secteur' : 'hors secteur';
      print(`  ${text.padEnd(42)} → ${r.rome} ${r.label} (${sector}, confiance ${r.confidence.toFixed(2)}, ${r.method} « ${r.matched} »)`);
    }
  }
  // A shared fiche (cleaning, kitchen) counts as in-sector when the text comes from a sector employer.
  const ash = resolveJobTitle('ASH', { sectorContext: true });
  print(`  ${'ASH (offre d’un EHPAD)'.padEnd(42)} → ${ash?.rome} (${ash?.inSector ? 'secteur' : 'hors secteur'})`);

  print('');
  print('Lignes de CV → certification');
  for (const text of CV_LINES) {
    const r = resolveCertification(text);
    print(`  ${text.padEnd(42)} → ${r === null ? 'aucune certification reconnue' : `${r.code} ${r.label} (confiance ${r.confidence.toFixed(2)})`}`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
