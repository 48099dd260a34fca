/**
 * Facts the input does not settle (MODEL.md "toCheck[]"): advisory only, never a blocker, never a
 * score change. Notes that rest on a protected trait (age, a category) are advisor-only.
 */
import type { Candidate } from '../schema/candidate.js';
import type { Vacancy } from '../schema/vacancy.js';
import type { Referential } from '../referential/types.js';
import { certificationName, dayNumber, FRENCH_LEVEL_LABELS, withAu } from './labels.js';
import { formatDate } from '../format/french.js';
import { hireDate, type Note } from './aids.js';
import { staleCategoryProofs } from '../referential/proofs.js';
import type { QualificationFacts } from './criteria.js';
import { findJob } from './criteria.js';

/** A qualification older than this many years is flagged, for information only. */
export const OLD_QUALIFICATION_YEARS = 10;

/** `a` is at least `years` calendar years after `b` (both `YYYY-MM-DD`). */
function yearsApart(later: string, earlier: string, years: number): boolean {
  const [y, m, d] = earlier.split('-').map(Number);
  const anniversary = Date.UTC(y + years, m - 1, d) / 86_400_000;
  return dayNumber(later) > anniversary;
}

export function explainToCheck(
  c: Candidate,
  v: Vacancy,
  ref: Referential,
  facts: QualificationFacts,
  today: string,
): Note[] {
  const notes: Note[] = [];

  if (v.requires.frenchLevel !== undefined && c.frenchLevel === undefined) {
    notes.push({
      code: 'french_level_unknown',
      message: `Niveau de français non renseigné ; le poste demande ${FRENCH_LEVEL_LABELS[v.requires.frenchLevel]}.`,
      advisorOnly: false,
    });
  }

  // Eligible through a certification under way (acceptsInTraining): the end of training is a date to follow.
  const job = findJob(ref, v.job.rome);
  const needed = [...(v.requires.certifications ?? []), ...(job?.diploma === 'LEGAL' ? job.legalCertifications ?? [] : [])];
  if (v.acceptsInTraining && needed.length > 0 && !facts.held.some((h) => needed.includes(h))) {
    const t = facts.inTraining.find((x) => needed.includes(x.code));
    if (t) {
      notes.push({
        code: 'in_training',
        message: `En formation ${withAu(certificationName(t.code))}, fin prévue le ${formatDate(t.expectedEnd)} : l’employeur accepte une personne en cours de formation.`,
        advisorOnly: false,
      });
    }
  }

  for (const q of c.qualifications) {
    if (q.blocks !== undefined || q.obtainedOn === undefined || !facts.expected.includes(q.code)) continue;
    if (yearsApart(today, q.obtainedOn, OLD_QUALIFICATION_YEARS)) {
      notes.push({
        code: 'old_qualification',
        message: `${certificationName(q.code)} obtenu le ${formatDate(q.obtainedOn)}, il y a plus de ${OLD_QUALIFICATION_YEARS} ans (pour information : pratique récente à voir en entretien).`,
        advisorOnly: false,
      });
    }
  }

  // A category's proof too old at the hire: to renew, never a blocker nor a score change; it names a category, so advisors only.
  for (const p of staleCategoryProofs(c, hireDate(c, v), ref)) notes.push({ code: p.code, message: p.message, advisorOnly: true });

  if (v.requires.drivingLicence && c.mobility.drivingLicence && !c.mobility.vehicle && !v.vehicleProvided && !v.requires.vehicle) {
    notes.push({
      code: 'licence_without_vehicle',
      message: 'Permis B sans véhicule personnel, et le poste n’en fournit pas : vérifier comment se feront les déplacements.',
      advisorOnly: false,
    });
  }

  return notes;
}
