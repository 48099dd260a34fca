/**
 * One French sentence per criterion saying why it has its value. The facts are re-read from the
 * records with the definitions of docs/SCORING.md; the value itself always comes from the
 * evaluation (the kernel's number is the truth, the sentence only explains it).
 */
import type { Candidate } from '../schema/candidate.js';
import type { Vacancy } from '../schema/vacancy.js';
import type { Referential, Job } from '../referential/types.js';
import type { CriterionCode } from '../scoring/model.js';
import { EXPERIENCE, QUALIFICATION } from '../scoring/model.js';
import type { PairEvaluation } from '../scoring/types.js';
import { andList, certificationName, dayNumber, jobName, MODE_LABELS, orList, withAu, withDu, withLe } from './labels.js';
import {
  formatDate, formatDays, formatHours, formatKm, formatMinutes, formatMonths, formatNumber, plural,
} from '../format/french.js';

const uniq = <T>(xs: Iterable<T>): T[] => [...new Set(xs)];

export interface QualificationFacts {
  /** Expected certifications (required ∪ preferred ∪ the job's legal and preferred), in that order. */
  expected: string[];
  required: string[];
  held: string[];
  partial: string[];
  inTraining: { code: string; expectedEnd: string }[];
  /** Expected certifications a current partial-cursus bridge from a held one leads to, with its origin. */
  bridged: { from: string; to: string }[];
  /** Expected certifications matched by an equivalent or higher held one, with the held one. */
  equivalent: { held: string; expected: string }[];
  exactMonths: number;
  relatedMonths: number;
}

export function findJob(ref: Referential, rome: string): Job | undefined {
  return ref.jobs.find((j) => j.rome === rome);
}

/** The sets of docs/SCORING.md (H, P, T, B, Q, E; exact and related months). */
export function qualificationFacts(c: Candidate, v: Vacancy, ref: Referential): QualificationFacts {
  const job = findJob(ref, v.job.rome);
  const required = uniq([...(v.requires.certifications ?? []), ...(job?.diploma === 'LEGAL' ? job.legalCertifications ?? [] : [])]);
  const expected = uniq([
    ...(v.requires.certifications ?? []),
    ...(v.prefers.certifications ?? []),
    ...(job?.legalCertifications ?? []),
    ...(job?.preferredCertifications ?? []),
  ]);
  const held = uniq(c.qualifications.filter((q) => q.blocks === undefined).map((q) => q.code));
  const partial = uniq(c.qualifications.filter((q) => q.blocks !== undefined).map((q) => q.code));
  const inTraining = c.inTraining ?? [];
  const bridged = ref.bridges
    .filter((b) => !b.historic && b.effect === 'partial_cursus' && held.includes(b.from) && expected.includes(b.to))
    .map((b) => ({ from: b.from, to: b.to }));
  const byCode = new Map(ref.certifications.map((x) => [x.code, x]));
  const equivalent: { held: string; expected: string }[] = [];
  for (const x of expected) {
    const cx = byCode.get(x);
    if (!cx || cx.family === undefined || cx.family === 'prerequisite' || cx.level === undefined) continue;
    for (const h of held) {
      const ch = byCode.get(h);
      if (h === x || !ch || ch.family !== cx.family || ch.level === undefined || ch.level < cx.level) continue;
      equivalent.push({ held: h, expected: x });
      break;
    }
  }
  let exactMonths = 0;
  let relatedMonths = 0;
  for (const e of c.experience) {
    if (e.rome === v.job.rome) exactMonths += e.months;
    else if (job?.relatedJobs?.includes(e.rome)) relatedMonths += e.months;
  }
  return { expected, required, held, partial, inTraining, bridged, equivalent, exactMonths, relatedMonths };
}

const near = (a: number, b: number) => Math.abs(a - b) < 1e-9;

function qualificationDetail(value: number, f: QualificationFacts, c: Candidate, ref: Referential): string {
  const names = (codes: readonly string[]) => orList(codes.map(certificationName));
  if (f.expected.length === 0) {
    const own = f.held.filter((h) => ref.certifications.find((x) => x.code === h)?.kind !== 'prerequisite');
    return own.length > 0
      ? `Aucun diplôme attendu pour ce poste ; titulaire ${withDu(certificationName(own[0]))}, un atout.`
      : 'Aucun diplôme attendu pour ce poste.';
  }
  const heldExpected = f.held.filter((h) => f.expected.includes(h));
  if (near(value, QUALIFICATION.held) && heldExpected.length > 0) {
    const h = heldExpected[0];
    const why = f.required.includes(h) ? 'exigé pour ce poste' : 'attendu pour ce poste';
    return `Titulaire ${withDu(certificationName(h))}, ${why}.`;
  }
  if (near(value, QUALIFICATION.equivalentOrHigher) && f.equivalent.length > 0) {
    const e = f.equivalent[0];
    return `Titulaire ${withDu(certificationName(e.held))}, de même filière et de niveau égal ou supérieur ${withAu(certificationName(e.expected))} attendu.`;
  }
  if (near(value, QUALIFICATION.partialOrInTraining)) {
    const training = f.inTraining.find((t) => f.expected.includes(t.code));
    if (training) return `En formation ${withAu(certificationName(training.code))} (fin prévue le ${formatDate(training.expectedEnd)}).`;
    const part = f.partial.find((p) => f.expected.includes(p));
    if (part) {
      const blocks = c.qualifications.find((q) => q.code === part && q.blocks !== undefined)?.blocks ?? [];
      if (blocks.length === 0) return `Certification partielle ${withDu(certificationName(part))} (blocs validés non précisés).`;
      return `${formatNumber(blocks.length)} ${plural(blocks.length, 'bloc validé', 'blocs validés')} ${withDu(certificationName(part))}, certification partielle.`;
    }
  }
  if (near(value, QUALIFICATION.bridge) && f.bridged.length > 0) {
    const b = f.bridged[0];
    const from = withLe(certificationName(b.from));
    return `Sans le diplôme attendu, mais ${from} ouvre un cursus allégé vers ${withLe(certificationName(b.to))}.`;
  }
  // Name what is required when something is; otherwise the first expected ones.
  const wanted = names((f.required.length > 0 ? f.required : f.expected).slice(0, 3));
  if (f.exactMonths > 0) {
    return `Sans le diplôme attendu (${wanted}) ; ${formatMonths(f.exactMonths)} d’expérience sur ce métier en tiennent lieu en partie.`;
  }
  return `Ni le diplôme attendu (${wanted}) ni expérience sur ce métier.`;
}

function experienceDetail(value: number, f: QualificationFacts, v: Vacancy, ref: Referential): string {
  const target = Math.max(1, v.prefers.experienceMonths ?? v.requires.experienceMonths ?? EXPERIENCE.defaultTargetMonths);
  const job = jobName(ref, v.job.rome);
  const onJob = job !== undefined ? `comme ${job}` : 'sur ce métier';
  const parts: string[] = [];
  if (f.exactMonths > 0) parts.push(`${formatMonths(f.exactMonths)} ${onJob}`);
  if (f.relatedMonths > 0) parts.push(`${formatMonths(f.relatedMonths)} sur des métiers proches (comptés à moitié)`);
  if (parts.length === 0) return `Pas d’expérience ${onJob} ni sur un métier proche (${formatMonths(target)} visés).`;
  const eff = f.exactMonths + EXPERIENCE.relatedFactor * f.relatedMonths;
  const tail = value >= 1 ? `, au moins les ${formatMonths(target)} visés` : `, soit ${formatMonths(eff)} retenus pour ${formatMonths(target)} visés`;
  return `${andList(parts)}${tail}.`;
}

function commuteDetail(ev: PairEvaluation, c: Candidate, v: Vacancy): string {
  const { km, minutes, mode } = ev.commute;
  const where = v.interventionRadiusKm !== undefined && v.interventionRadiusKm > 0 ? ', zone d’intervention comprise' : '';
  const limit = c.mobility.maxMinutes;
  const cmp = minutes <= limit ? ` pour une limite de ${formatMinutes(limit)}` : `, au-delà de la limite de ${formatMinutes(limit)}`;
  return `${formatMinutes(minutes)} ${MODE_LABELS[mode]} (${formatKm(km)}${where})${cmp}.`;
}

function hoursDetail(c: Candidate, v: Vacancy): string {
  const h = v.contract.weeklyHours;
  const { weeklyHoursMin: lo, weeklyHoursMax: hi } = c.schedule;
  const range = lo === hi ? `${formatNumber(lo)} h souhaitées` : `la fourchette souhaitée ${formatNumber(lo)}–${formatNumber(hi)} h`;
  if (h < lo) return `${formatHours(h)}/semaine, ${formatHours(lo - h)} sous ${range}.`;
  if (h > hi) return `${formatHours(h)}/semaine, ${formatHours(h - hi)} au-dessus de ${range}.`;
  return `${formatHours(h)}/semaine, dans ${range}.`;
}

function startDetail(c: Candidate, v: Vacancy): string {
  const late = dayNumber(c.availableFrom) - dayNumber(v.contract.startDate);
  if (late < 0) return `Disponible dès le ${formatDate(c.availableFrom)}, avant le début souhaité (${formatDate(v.contract.startDate)}).`;
  if (late === 0) return `Disponible le ${formatDate(c.availableFrom)}, jour du début souhaité.`;
  return `Disponible le ${formatDate(c.availableFrom)}, ${formatDays(late)} après le début souhaité (${formatDate(v.contract.startDate)}).`;
}

const DOMICILE_KINDS = new Set(['SAD', 'PARTICULIER', 'SAVS', 'SAMSAH']);

function wishesDetail(c: Candidate, v: Vacancy, ref: Referential): string {
  const parts: string[] = [];
  const job = findJob(ref, v.job.rome);
  if (c.desiredJobs.length === 0) parts.push('ouvert·e à tous les métiers du secteur');
  else if (c.desiredJobs.includes(v.job.rome)) parts.push('métier souhaité');
  else if (job?.relatedJobs?.some((r) => c.desiredJobs.includes(r))) parts.push('métier proche de ceux souhaités');
  else parts.push('métier hors des souhaits');
  if (c.desiredSectors !== undefined && c.desiredSectors.length > 0) {
    const sector = DOMICILE_KINDS.has(v.structure.kind) ? 'domicile' : 'etablissement';
    const name = sector === 'domicile' ? 'travail à domicile' : 'travail en établissement';
    parts.push(c.desiredSectors.includes(sector) ? `${name} souhaité` : `${name} non souhaité`);
  }
  // The public is not named: only whether it matches the wish.
  if (c.desiredPublics !== undefined && c.desiredPublics.length > 0) {
    const ok = v.structure.public === 'mixte' || (c.desiredPublics as string[]).includes(v.structure.public);
    parts.push(ok ? 'public accompagné conforme aux souhaits' : 'public accompagné hors des souhaits');
  }
  const s = parts.join(' ; ');
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
}

function skillLabel(ref: Referential, code: string): string {
  const label = ref.skills.find((s) => s.code === code)?.label;
  if (label === undefined) return code.replace(/_/g, ' ');
  // Lower-case the first letter of a word, not of an acronym ("LSF").
  return /^.[a-zà-ÿ]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

function skillsDetail(c: Candidate, v: Vacancy, ref: Referential): string {
  const wanted = v.prefers.skills ?? [];
  if (wanted.length === 0) return 'Aucune compétence particulière demandée.';
  const own = new Set(c.skills ?? []);
  const have = wanted.filter((s) => own.has(s));
  const miss = wanted.filter((s) => !own.has(s));
  const head = have.length === 0
    ? (wanted.length < 2 ? 'Compétence demandée non déclarée' : `Aucune des ${formatNumber(wanted.length)} compétences demandées`)
    : `${formatNumber(have.length)} ${plural(have.length, 'compétence', 'compétences')} sur ${formatNumber(wanted.length)} ${plural(wanted.length, 'demandée', 'demandées')}`;
  const got = have.length > 0 ? ` : ${andList(have.map((s) => skillLabel(ref, s)))}` : '';
  const lack = miss.length > 0 ? ` (manque : ${andList(miss.map((s) => skillLabel(ref, s)))})` : '';
  return `${head}${got}${lack}.`;
}

/** The sentence for one criterion. */
export function criterionDetail(
  code: CriterionCode,
  value: number,
  ev: PairEvaluation,
  c: Candidate,
  v: Vacancy,
  ref: Referential,
  facts: QualificationFacts,
): string {
  switch (code) {
    case 'qualification': return qualificationDetail(value, facts, c, ref);
    case 'experience': return experienceDetail(value, facts, v, ref);
    case 'commute': return commuteDetail(ev, c, v);
    case 'hours': return hoursDetail(c, v);
    case 'start_date': return startDetail(c, v);
    case 'wishes': return wishesDetail(c, v, ref);
    case 'skills': return skillsDetail(c, v, ref);
  }
}
