/**
 * What a pathway must achieve: the gap between the candidate and a target (a ROME job, a vacancy,
 * a near miss, or the jobs with most vacancies in reach). Only certifications, the driving licence
 * and French are lifted by training; other blockers are reported as not lifted.
 */
import type { Candidate } from '../schema/candidate.js';
import type { Vacancy } from '../schema/vacancy.js';
import type { FrenchLevel } from '../schema/primitives.js';
import type { Certification, Job, Referential } from '../referential/types.js';
import { FRENCH_RANK } from '../scoring/model.js';
import { bestCommute, distanceKm, homeCareKm } from '../geo/travel.js';
import type { NearMissTarget, PathwayDeps, PathwayGoal, PathwayTarget } from './types.js';

export interface Goal {
  target: PathwayTarget;
  /** Certifications any one of which closes the gap (obtainable ones only). */
  certifications: string[];
  licence: boolean;
  french?: FrenchLevel;
  vacancy?: Vacancy;
  notLifted: { code: string; message: string }[];
}

/** Messages for blockers that training does not lift. */
export const NOT_LIFTED_FR: Readonly<Record<string, string>> = {
  commute: 'le trajet dépasse la durée acceptée : une formation ne le raccourcit pas',
  nights: 'le poste demande des nuits, que le ou la candidat·e n’accepte pas : une formation n’y change rien',
  weekends: 'le poste demande des week-ends, non acceptés : une formation n’y change rien',
  split_shifts: 'le poste demande des horaires coupés, non acceptés : une formation n’y change rien',
  contract: 'le type de contrat n’est pas accepté : une formation n’y change rien',
  vehicle: 'un véhicule personnel est exigé : une formation ne le fournit pas',
  experience: 'une durée d’expérience est exigée : seule la POEI, si l’employeur forme, peut la remplacer',
  work_authorization: 'l’autorisation de travail manque : hors du champ d’une formation',
  start_date: 'le contrat finit avant la disponibilité : une formation n’y change rien',
  restriction: 'une restriction déclarée rencontre une exigence physique du poste : adaptation à discuter, pas une formation',
};

export interface Lookups {
  certs: Map<string, Certification>;
  jobs: Map<string, Job>;
}

const lookupCache = new WeakMap<Referential, Lookups>();

export function lookups(ref: Referential): Lookups {
  let l = lookupCache.get(ref);
  if (!l) {
    l = { certs: new Map(ref.certifications.map((c) => [c.code, c])), jobs: new Map(ref.jobs.map((j) => [j.rome, j])) };
    lookupCache.set(ref, l);
  }
  return l;
}

/** Certifications the candidate fully holds, plus what historic ones count as today (CAFAS → DEAS). */
export function heldCertifications(c: Candidate, l: Lookups): Set<string> {
  const held = new Set<string>();
  for (const q of c.qualifications) {
    if (q.blocks !== undefined) continue;
    held.add(q.code);
    const counts = l.certs.get(q.code)?.historic?.countsAs;
    if (counts) held.add(counts);
  }
  return held;
}

/** A certification a pathway can lead to: known, and neither historic nor abolished. */
function obtainable(code: string, l: Lookups): boolean {
  const cert = l.certs.get(code);
  return cert !== undefined && cert.kind !== 'historic';
}

function isVacancy(t: PathwayGoal): t is Vacancy {
  return typeof t === 'object' && 'job' in t && 'site' in t;
}

function isNearMiss(t: PathwayGoal): t is NearMissTarget {
  return typeof t === 'object' && 'vacancyId' in t && 'blockers' in t;
}

/** Gap toward a ROME job: its legal certifications, else its preferred ones. */
export function romeGoal(rome: string, kind: 'rome' | 'demand', l: Lookups, held: Set<string>): Goal | undefined {
  const job = l.jobs.get(rome);
  if (!job) return undefined;
  const legal = job.diploma === 'LEGAL' ? job.legalCertifications ?? [] : [];
  const wanted = legal.length > 0 ? legal : job.preferredCertifications ?? [];
  if (wanted.length === 0) return undefined;
  for (const x of wanted) if (held.has(x)) return undefined;
  const certifications: string[] = [];
  for (const x of wanted) if (obtainable(x, l)) certifications.push(x);
  if (certifications.length === 0) return undefined;
  return { target: { kind, rome, label: job.label }, certifications, licence: false, notLifted: [] };
}

/** Blocker codes of a vacancy that concern training, computed as docs/SCORING.md defines them. */
function vacancyBlockers(c: Candidate, v: Vacancy, l: Lookups, held: Set<string>): Set<string> {
  const out = new Set<string>();
  const training = new Set((c.inTraining ?? []).map((t) => t.code));
  const job = l.jobs.get(v.job.rome);
  const legal = job?.diploma === 'LEGAL' ? job.legalCertifications ?? [] : [];
  const unmet = (list: readonly string[]) =>
    list.length > 0 && !list.some((x) => held.has(x)) && !(v.acceptsInTraining && list.some((x) => training.has(x)));
  if (unmet(legal)) out.add('legal_certification');
  if (unmet(v.requires.certifications ?? [])) out.add('required_certification');
  if (v.requires.drivingLicence && !c.mobility.drivingLicence) out.add('driving_licence');
  if (v.requires.vehicle && !v.vehicleProvided && !c.mobility.vehicle) out.add('vehicle');
  const d = distanceKm(c.home.lat, c.home.lon, v.site.lat, v.site.lon);
  const km = v.interventionRadiusKm && v.interventionRadiusKm > 0 ? homeCareKm(d, v.interventionRadiusKm) : d;
  if (bestCommute(km, c.mobility.modes).minutes > c.mobility.maxMinutes) out.add('commute');
  if (v.schedule.nights && !c.schedule.nights) out.add('nights');
  if (v.schedule.weekends && !c.schedule.weekends) out.add('weekends');
  if (v.schedule.splitShifts && !c.schedule.splitShifts) out.add('split_shifts');
  if (!c.contracts.includes(v.contract.type)) out.add('contract');
  if (v.requires.frenchLevel && c.frenchLevel && FRENCH_RANK[c.frenchLevel] < FRENCH_RANK[v.requires.frenchLevel]) out.add('french_level');
  if (c.workAuthorized === false) out.add('work_authorization');
  if (v.contract.endDate !== undefined && c.availableFrom > v.contract.endDate) out.add('start_date');
  return out;
}

/** Gap toward a vacancy, from its blockers (given by a near miss, or computed). */
export function vacancyGoal(v: Vacancy, codes: Set<string>, l: Lookups): Goal {
  const job = l.jobs.get(v.job.rome);
  const legal = job?.diploma === 'LEGAL' ? job.legalCertifications ?? [] : [];
  const required = v.requires.certifications ?? [];
  let certs: string[] = [];
  if (codes.has('legal_certification') && codes.has('required_certification')) {
    // One certification must satisfy both lists; when none does, each list is offered on its own.
    const both = legal.filter((x) => required.includes(x));
    certs = both.length > 0 ? both : [...legal, ...required];
  } else if (codes.has('legal_certification')) certs = [...legal];
  else if (codes.has('required_certification')) certs = [...required];
  const certifications = [...new Set(certs)].filter((x) => obtainable(x, l));
  const notLifted: Goal['notLifted'] = [];
  for (const code of codes) {
    const message = NOT_LIFTED_FR[code];
    if (message) notLifted.push({ code, message });
  }
  notLifted.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return {
    target: { kind: 'vacancy', vacancyId: v.id, rome: v.job.rome, label: v.job.title ?? job?.label ?? v.id },
    certifications,
    licence: codes.has('driving_licence'),
    ...(codes.has('french_level') && v.requires.frenchLevel ? { french: v.requires.frenchLevel } : {}),
    vacancy: v,
    notLifted,
  };
}

/** The goals a call asks for; no target: the three ROME codes with most vacancies in reach. */
export function resolveGoals(c: Candidate, target: PathwayGoal | undefined, deps: PathwayDeps, l: Lookups, held: Set<string>): Goal[] {
  if (typeof target === 'string') {
    const g = romeGoal(target, 'rome', l, held);
    return g ? [g] : [];
  }
  if (target !== undefined && isVacancy(target)) return [vacancyGoal(target, vacancyBlockers(c, target, l, held), l)];
  if (target !== undefined && isNearMiss(target)) {
    const v = deps.vacancyById?.(target.vacancyId);
    if (!v) return [];
    return [vacancyGoal(v, new Set(target.blockers.map((b) => b.code)), l)];
  }
  // No target: demand in reach, else the candidate's own wishes.
  const goals: Goal[] = [];
  if (deps.demandByRome) {
    for (const d of deps.demandByRome(c).slice().sort(byDemand)) {
      if (goals.length === 3) break;
      const g = romeGoal(d.rome, 'demand', l, held);
      if (g) goals.push(g);
    }
  } else {
    for (const rome of [...c.desiredJobs].sort()) {
      if (goals.length === 3) break;
      const g = romeGoal(rome, 'demand', l, held);
      if (g) goals.push(g);
    }
  }
  return goals;
}

/** Most vacancies first, then code order. */
export function byDemand(a: { rome: string; count: number }, b: { rome: string; count: number }): number {
  return b.count - a.count || (a.rome < b.rome ? -1 : a.rome > b.rome ? 1 : 0);
}
