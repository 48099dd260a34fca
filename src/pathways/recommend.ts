/**
 * Training pathways (MODEL.md "Pathway"): from a gap to ordered, dated, funded steps, ranked.
 *
 * For each certification that would close the gap, every route the rules open is built — full
 * training, partial cursus through a current bridge or validated blocs, VAE, apprenticeship,
 * contrat de professionnalisation — after the steps that must come first (immersion, French,
 * driving licence, required prerequisites); a POEI route is added for a targeted vacancy. Steps run
 * one after the other: each starts after the previous one ends, on the next reachable session when
 * there is one, else on estimated dates (the typical duration, or the hours at 35 h a week).
 */
import type { Candidate } from '../schema/candidate.js';
import type { TrainingSession } from '../schema/training.js';
import type { Vacancy } from '../schema/vacancy.js';
import type { FrenchLevel, TrainingAccess } from '../schema/primitives.js';
import type { Bridge, Certification, Referential } from '../referential/types.js';
import { ANY_CERTIFICATION } from '../referential/types.js';
import { FRENCH_RANK } from '../scoring/model.js';
import { reachKm, type Commute } from '../geo/travel.js';
import {
  accessMask, endAfterHours, endAfterMonths, maxDate, nextCohortStart, nextSession, plusDays, SessionCommutes, sessionsByCertification,
  type ChosenSession, type SessionIndex,
} from './calendar.js';
import { centreHoursOf, fieldVerified, fullHoursShared as fullHours, remainingHours, type HoursFact } from './cursus.js';
import {
  ALTERNANCE_FACTOR, APPRENTICESHIP_MONTHS, FRENCH_HOURS_PER_LEVEL, FULL_TIME_WEEKLY_HOURS, IMMERSION_DAYS, IMMERSION_HOURS, PARTIAL_ESTIMATES,
  PREREQUISITE_MONTHS, REQUIRED_PREREQUISITES, VAE_DOMAIN_RULE, VAE_HOURS, VAE_MONTHS,
} from './estimates.js';
import { formatDate, formatEuros, formatHours, formatMonths, formatNumber, plural } from '../format/french.js';
import { blocName, certificationName, fundingName, withAu, withDu, withLe } from '../explain/labels.js';
import {
  fundStepShared, fundingMemoFor, newAgeClasses, poeiMaxHours, SCHEME_ONLY, type AgeClasses, type FundingMemo, type StepFunding,
} from './funding.js';
import { categoriesInForce, hasDatedCategories } from '../schema/categories.js';
import { staleCategoryProofs } from '../referential/proofs.js';
import { poeiContractFits } from '../explain/aids.js';
import { heldCertifications, lookups, resolveGoals, type Goal, type Lookups } from './goals.js';
import type { FundingDecision, Pathway, PathwayDeps, PathwayGain, PathwayOptions, PathwayStep, StepKind } from './types.js';

/** Commute minutes are compared in 5-minute bands so that unlocks can decide between near equals. */
export const COMMUTE_BAND_MINUTES = 5;
export const DEFAULT_LIMIT = 5;
const NO_GAIN: PathwayGain = { certification: undefined, licence: false, frenchLevel: undefined };

const FRENCH_LEVELS: readonly FrenchLevel[] = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'];

const ACCESS: Readonly<Record<StepKind, readonly TrainingAccess[]>> = {
  training: ['formation_continue'],
  partial_training: ['parcours_partiel', 'formation_continue'],
  vae: ['vae'],
  apprenticeship: ['apprentissage'],
  professionalisation: ['professionnalisation'],
  prerequisite: ['formation_continue'],
  french: ['formation_continue'],
  immersion: [],
  poei: [],
};

const ACCESS_MASK = Object.fromEntries(
  (Object.keys(ACCESS) as StepKind[]).map((k) => [k, accessMask(ACCESS[k])]),
) as Readonly<Record<StepKind, number>>;

/** One per module: calls are synchronous and each resets it. */
const commutes = new SessionCommutes();

interface Ctx {
  c: Candidate;
  deps: PathwayDeps;
  l: Lookups;
  held: Set<string>;
  sessions: SessionIndex;
  freeDate: string;
  funding: FundingMemo;
  ages: AgeClasses;
  /** The candidate's commute to each session site measured so far. */
  commutes: SessionCommutes;
}

/** A step before its dates: what it is, how long, and how to find a session. */
interface StepSpec {
  kind: StepKind;
  code: string;
  label: string;
  /** Certification code of the sessions to look for (also the step's `certification`). */
  certification?: string;
  hours: number;
  /** Own length in months whatever the session (alternance, VAE, immersion). */
  months?: number;
  /** Length in months used only when no session gives dates (the referential's typical duration). */
  fallbackMonths?: number;
  /** The length is our estimate (not a referential figure). */
  lengthEstimated: boolean;
  verified: boolean;
  /**
   * Remarks for the advisor, written only for the pathways returned (a fresh array per call), from
   * the call's context: the specs of a certification's common routes are shared by every candidate.
   */
  notes: (ctx: Ctx) => string[];
  /** Upper bound of `hours` (the full cursus). */
  maxHours?: number;
  /** Part of the hours spent at the training centre (the rest: placements), when known: what a self-funded price counts. */
  centreShare?: number;
}

/** A step with its dates, session, hours and funding: what ranking needs, before any output object. */
interface PlannedStep {
  spec: StepSpec;
  chosen: ChosenSession | undefined;
  startDate: string;
  endDate: string;
  hours: number;
  estimated: boolean;
  funding: StepFunding;
}

function planStep(ctx: Ctx, steps: PlannedStep[], spec: StepSpec, goal: Goal): void {
  const notBefore = steps.length === 0 ? ctx.freeDate : plusDays(steps[steps.length - 1].endDate, 1);
  const access = ACCESS_MASK[spec.kind];
  const chosen = spec.certification && access !== 0
    ? nextSession(ctx.sessions, ctx.c, spec.certification, access, notBefore, ctx.commutes)
    : undefined;
  let startDate: string;
  let endDate: string;
  let hours = spec.hours;
  let estimated = true;
  if (!chosen) {
    // Cohort-based steps start with the catalogue's next cohort; VAE, immersion and POEI do not wait for one.
    const cohort = spec.certification && spec.kind !== 'vae' ? nextCohortStart(ctx.sessions, spec.certification, notBefore) : undefined;
    startDate = cohort ?? notBefore;
    const months = spec.months ?? spec.fallbackMonths;
    endDate = months !== undefined ? endAfterMonths(startDate, months) : endAfterHours(startDate, hours);
  } else if (spec.months !== undefined) {
    // Alternance and VAE keep their own length from the session's start.
    startDate = chosen.session.startDate;
    endDate = endAfterMonths(startDate, spec.months);
    estimated = spec.lengthEstimated;
  } else if (spec.kind === 'partial_training') {
    // A partial cursus joins a session for the remaining units only.
    startDate = chosen.session.startDate;
    const own = endAfterHours(startDate, hours);
    endDate = own < chosen.session.endDate ? own : chosen.session.endDate;
    estimated = own < chosen.session.endDate || spec.lengthEstimated;
  } else {
    startDate = chosen.session.startDate;
    endDate = chosen.session.endDate;
    hours = spec.maxHours !== undefined ? Math.min(chosen.session.hours, spec.maxHours) : chosen.session.hours;
    estimated = false;
  }
  endDate = maxDate(endDate, startDate);
  const centreHours = spec.centreShare === undefined ? undefined : Math.round(hours * spec.centreShare);
  const funding = fund(ctx, spec.kind, startDate, hours, centreHours, spec.certification ?? spec.code, chosen?.session, goal.vacancy);
  steps.push({ spec, chosen, startDate, endDate, hours, estimated, funding });
}

/** The output step of a planned one (returned pathways only). */
function buildStep(ctx: Ctx, p: PlannedStep): PathwayStep {
  const { spec, chosen, funding } = p;
  // Field by field in the contract's order: conditional spreads inside a literal take V8's slow path.
  const step = { code: spec.code, kind: spec.kind, label: spec.label } as PathwayStep;
  if (spec.certification) step.certification = spec.certification;
  if (chosen) {
    step.sessionId = chosen.session.id;
    step.provider = chosen.session.provider;
    step.commute = roundCommute(chosen.commute);
  }
  step.startDate = p.startDate;
  step.endDate = p.endDate;
  step.hours = Math.max(0, Math.round(p.hours * 10) / 10);
  step.estimated = p.estimated;
  // Funding answers are shared (fundStepShared): each output step gets its own objects.
  step.funding = funding.decisions.map(copyDecision);
  step.verified = spec.verified && funding.verified;
  step.cost = funding.cost;
  step.costEstimated = funding.costEstimated;
  step.notes = spec.notes(ctx);
  return step;
}

function copyNotLifted(n: { code: string; message: string }): { code: string; message: string } {
  return { code: n.code, message: n.message };
}

function copyDecision(d: FundingDecision): FundingDecision {
  return { ...d };
}

/** Whether a scheme other than self-funding applies. */
function fundedBySomeScheme(f: StepFunding): boolean {
  for (const d of f.decisions) if (d.applies && d.code !== 'AUTOFINANCEMENT') return true;
  return false;
}

/** The step's funding; answers are shared across routes and calls (fundStepShared), so read-only here. */
function fund(
  ctx: Ctx, kind: StepKind, startDate: string, hours: number, centreHours: number | undefined, code: string, session: TrainingSession | undefined, vacancy: Vacancy | undefined,
): StepFunding {
  return fundStepShared(ctx.funding, ctx.ages, ctx.deps.referential, ctx.c, kind, startDate, hours, centreHours, code, session, vacancy);
}

function roundCommute(c: Commute): Commute {
  return { km: Math.round(c.km * 10) / 10, minutes: Math.round(c.minutes), mode: c.mode };
}

type RouteKind = 'training' | 'partial_training' | 'vae' | 'apprenticeship' | 'professionalisation';
const ROUTE_LABEL: Readonly<Record<RouteKind, string>> = {
  training: 'Formation complète',
  partial_training: 'Cursus partiel',
  vae: 'VAE',
  apprenticeship: 'Apprentissage',
  professionalisation: 'Contrat de professionnalisation',
};
/** Step codes and labels of the routes to a certification: the same strings for every candidate, built once. */
const routeNamesMemo = new WeakMap<Certification, Record<RouteKind, { code: string; label: string }>>();

function routeNames(cert: Certification): Record<RouteKind, { code: string; label: string }> {
  let names = routeNamesMemo.get(cert);
  if (names === undefined) {
    const of = (kind: RouteKind) => ({ code: `${kind}:${cert.code}`, label: `${ROUTE_LABEL[kind]} ${certificationName(cert.code)} (${cert.label})` });
    names = {
      training: of('training'),
      partial_training: of('partial_training'),
      vae: of('vae'),
      apprenticeship: of('apprenticeship'),
      professionalisation: of('professionalisation'),
    };
    routeNamesMemo.set(cert, names);
  }
  return names;
}

/** Months in sector fiches: 0 means the candidate has never worked in the sector (an immersion helps). */
function sectorMonths(ctx: Ctx): number {
  let m = 0;
  for (const e of ctx.c.experience) {
    const job = ctx.l.jobs.get(e.rome);
    if (job && job.inSector !== false) m += e.months;
  }
  return m;
}

/** Months of experience in jobs for which `cert` is the legal or preferred certification. */
function relatedMonths(ctx: Ctx, cert: string): number {
  let m = 0;
  for (const e of ctx.c.experience) {
    const job = ctx.l.jobs.get(e.rome);
    if (!job) continue;
    if ((job.legalCertifications ?? []).includes(cert) || (job.preferredCertifications ?? []).includes(cert)) m += e.months;
  }
  return m;
}

/** The declared level, raised by any FLE attestation held. */
function frenchLevelOf(ctx: Ctx): FrenchLevel | undefined {
  let level = ctx.c.frenchLevel;
  for (const l of FRENCH_LEVELS) {
    if (ctx.held.has(`FLE_${l}`) && (level === undefined || FRENCH_RANK[l] > FRENCH_RANK[level])) level = l;
  }
  return level;
}

function frenchSpec(ctx: Ctx, level: FrenchLevel, verified: boolean, why: string): StepSpec | undefined {
  const current = frenchLevelOf(ctx);
  if (current === undefined || FRENCH_RANK[current] >= FRENCH_RANK[level]) return undefined;
  const code = `FLE_${level}`;
  const cert = ctx.l.certs.get(code);
  const steps = FRENCH_RANK[level] - FRENCH_RANK[current];
  const hours = steps * FRENCH_HOURS_PER_LEVEL.value;
  // A one-level course is the certification's own course: a session counts no more than its stated hours.
  const full = steps === 1 && cert ? fullHours(cert) : undefined;
  return {
    kind: 'french',
    code: `french:${code}`,
    label: `Cours de français jusqu’au niveau ${level}`,
    certification: code,
    hours,
    ...(full && !full.estimated ? { maxHours: full.hours } : {}),
    lengthEstimated: true,
    verified: verified && (cert?.verified ?? false),
    notes: () => [`Niveau déclaré ${current}, ${why} demande ${level} ; environ ${formatHours(FRENCH_HOURS_PER_LEVEL.value)} par niveau (estimation).`],
  };
}

function prerequisiteSpec(ctx: Ctx, code: string, why: string, verified: boolean): StepSpec | undefined {
  if (ctx.held.has(code)) return undefined;
  const cert = ctx.l.certs.get(code);
  const h = cert ? fullHours(cert) : undefined;
  // A course's hours say little of a licence's calendar (exam slots): its own estimated length.
  const months = PREREQUISITE_MONTHS[code];
  return {
    kind: 'prerequisite',
    code: `prerequisite:${code}`,
    label: cert?.label ?? code,
    certification: code,
    hours: h?.hours ?? 0,
    ...(h && !h.estimated ? { maxHours: h.hours } : {}),
    ...(months !== undefined ? { fallbackMonths: months.value } : {}),
    lengthEstimated: (h?.estimated ?? true) || months !== undefined,
    verified: verified && (cert?.verified ?? false) && (h?.verified ?? false),
    notes: () => (code === 'PERMIS_B' ? [why, 'Éligible au CPF ; l’aide Agefiph ne couvre que le surcoût lié au handicap (permis adapté).'] : [why]),
  };
}

const IMMERSION: StepSpec = {
  kind: 'immersion',
  code: 'immersion:PMSMP',
  label: 'Immersion professionnelle (PMSMP) pour découvrir le métier',
  hours: IMMERSION_HOURS,
  months: IMMERSION_DAYS.value / 30,
  lengthEstimated: true,
  verified: true,
  notes: () => ['Aucune expérience déclarée dans le secteur : une immersion d’environ deux semaines (au plus un mois par convention) confirme le projet avant la formation.'],
};

/** Steps every route of a goal needs first (VAE skips the French entry requirement of a training). */
function preSteps(ctx: Ctx, goal: Goal, cert: Certification | undefined, forTraining: boolean): StepSpec[] {
  const out: StepSpec[] = [];
  if (sectorMonths(ctx) === 0) out.push(IMMERSION);
  // French: the certification's entry level and the vacancy's requirement, the higher of the two.
  let level: FrenchLevel | undefined;
  let verified = true;
  const why: string[] = [];
  const entry = forTraining ? cert?.access?.frenchLevelForeigners : undefined;
  if (entry && cert) {
    level = entry;
    verified = cert.access?.verified ?? cert.verified;
    const entering = `l’entrée en formation ${withAu(certificationName(cert.code))}`;
    why.push(cert.access?.requirementKind === 'provider' ? `${entering} (règle d’organisme)` : entering);
  }
  if (goal.french && (!level || FRENCH_RANK[goal.french] > FRENCH_RANK[level])) {
    level = goal.french;
    why.push('le poste visé');
  }
  if (level) {
    const f = frenchSpec(ctx, level, verified, why.join(' et '));
    if (f) out.push(f);
  }
  if (goal.licence) {
    const p = prerequisiteSpec(ctx, 'PERMIS_B', 'Le poste visé exige le permis B.', true);
    if (p) out.push(p);
  }
  const req = cert ? REQUIRED_PREREQUISITES[cert.code] : undefined;
  if (req) {
    for (const code of req.codes) {
      const p = prerequisiteSpec(ctx, code, `Demandé à l’embauche avec ${withLe(certificationName(cert!.code))}${req.verified ? '' : ' (règle à vérifier)'}.`, req.verified);
      if (p) out.push(p);
    }
  }
  return out;
}

/** Current (non-historic) bridges by target and effect, per referential: routes ask for a handful, not all. */
const bridgeIndex = new WeakMap<Referential, Map<string, Map<Bridge['effect'], Bridge[]>>>();

function currentBridges(ref: Referential, to: string, effect: Bridge['effect']): readonly Bridge[] {
  let byTo = bridgeIndex.get(ref);
  if (byTo === undefined) {
    byTo = new Map();
    for (const b of ref.bridges) {
      if (b.historic) continue;
      let byEffect = byTo.get(b.to);
      if (byEffect === undefined) byTo.set(b.to, (byEffect = new Map()));
      let list = byEffect.get(b.effect);
      if (list === undefined) byEffect.set(b.effect, (list = []));
      list.push(b);
    }
    bridgeIndex.set(ref, byTo);
  }
  return byTo.get(to)?.get(effect) ?? NO_BRIDGES;
}
const NO_BRIDGES: readonly Bridge[] = [];

/** Current bridges from what the candidate holds to `to` (ANY_CERTIFICATION ones when their conditions hold). */
function bridgesTo(ctx: Ctx, to: string, effect: Bridge['effect']): Bridge[] {
  const out: Bridge[] = [];
  for (const b of currentBridges(ctx.deps.referential, to, effect)) {
    if (b.from !== ANY_CERTIFICATION && !ctx.held.has(b.from)) continue;
    const r = b.requires;
    if (r?.experienceMonths !== undefined) {
      let m = 0;
      for (const e of ctx.c.experience) if (!r.rome || r.rome.length === 0 || r.rome.includes(e.rome)) m += e.months;
      if (m < r.experienceMonths) continue;
    }
    if (b.from !== ANY_CERTIFICATION || r !== undefined) out.push(b);
  }
  return out;
}

/**
 * The bridges through which the candidate may enter `code` when its current bridges reserve it to
 * holders of other certifications (effect 'eligibility': AS, AMP, AVS — AES unverified — for the
 * ASG, REFERENCE.md §3); `undefined` when nothing reserves it.
 */
function eligibilityThrough(ctx: Ctx, code: string): Bridge[] | undefined {
  if (currentBridges(ctx.deps.referential, code, 'eligibility').length === 0) return undefined;
  return bridgesTo(ctx, code, 'eligibility');
}

/** Blocs of `cert` the candidate has already validated. */
function validatedBlocks(ctx: Ctx, cert: string): readonly string[] {
  for (const q of ctx.c.qualifications) if (q.code === cert && q.blocks !== undefined) return q.blocks;
  return NO_BLOCKS;
}
const NO_BLOCKS: readonly string[] = [];

/** Notes every training route of `cert` starts with. */
function trainingNotes(ctx: Ctx, cert: Certification): string[] {
  const notes: string[] = [];
  for (const b of bridgesTo(ctx, cert.code, 'admission')) {
    notes.push(`Admission facilitée${b.from === ANY_CERTIFICATION ? '' : ` (titulaire ${withDu(certificationName(b.from))})`} : ${b.requires?.note ?? b.note ?? 'sans sélection'}${b.verified ? '' : ' [à vérifier]'}.`);
  }
  if (cert.code === 'DEAS') notes.push('L’AFGSU 2 est requise pour valider le module 4 ; elle est organisée pendant le cursus.');
  const validated = validatedBlocks(ctx, cert.code);
  if (validated.length > 0 && !remainingHours(cert, [], validated)) {
    notes.push(`Unités déjà validées : ${validated.map((u) => blocName(ctx.deps.referential, u)).join(' ; ')} ; leur volume horaire n’est pas connu, parcours à ajuster avec l’organisme.`);
  }
  return notes;
}

/**
 * What the routes to a certification are for every candidate: its full hours (the referential's,
 * else the typical duration at the full-time rhythm, an estimate) and the specs of the routes that
 * do not depend on the candidate (full training, VAE, the two alternance contracts), whose notes
 * read the call's context. Built once per certification.
 */
interface CertRoutes {
  full: Readonly<HoursFact> | undefined;
  training: StepSpec | undefined;
  vae: StepSpec | undefined;
  apprenticeship: StepSpec | undefined;
  professionalisation: StepSpec | undefined;
}
const certRoutesMemo = new WeakMap<Certification, CertRoutes>();

function certRoutes(cert: Certification): CertRoutes {
  let routes = certRoutesMemo.get(cert);
  if (routes === undefined) certRoutesMemo.set(cert, (routes = buildCertRoutes(cert)));
  return routes;
}

function buildCertRoutes(cert: Certification): CertRoutes {
  const names = routeNames(cert);
  // No hours in the referential: the typical duration stands in, at the full-time rhythm (an estimate).
  const full: Readonly<HoursFact> | undefined = fullHours(cert)
    ?? (cert.typicalMonths !== undefined
      ? { hours: Math.round((cert.typicalMonths * FULL_TIME_WEEKLY_HOURS * 52) / 12), verified: false, estimated: true }
      : undefined);
  const fullH = full?.hours;
  const centre = centreHoursOf(cert);
  const training: StepSpec | undefined = full === undefined ? undefined : {
    kind: 'training',
    code: names.training.code,
    label: names.training.label,
    certification: cert.code,
    hours: full.hours,
    maxHours: full.hours,
    ...(centre !== undefined && centre < full.hours ? { centreShare: centre / full.hours } : {}),
    // Without a session, the referential's typical duration gives the dates when it has one.
    ...(cert.typicalMonths !== undefined ? { fallbackMonths: cert.typicalMonths } : {}),
    lengthEstimated: full.estimated,
    verified: full.verified && cert.verified,
    notes: (ctx) => {
      const notes = trainingNotes(ctx, cert);
      for (const b of bridgesTo(ctx, cert.code, 'partial_cursus')) {
        if (b.grants.length > 0) continue;
        notes.push(`${bridgeName(b.from, cert.code, b.regime)} : allègement à établir avec l’organisme${b.verified ? '' : ' [à vérifier]'}.`);
      }
      return notes;
    },
  };

  let vae: StepSpec | undefined;
  if (cert.vae === true) {
    const domain = VAE_DOMAIN_RULE[cert.code];
    vae = {
      kind: 'vae',
      code: names.vae.code,
      label: names.vae.label,
      certification: cert.code,
      hours: fullH !== undefined ? Math.min(VAE_HOURS.value, fullH) : VAE_HOURS.value,
      ...(fullH !== undefined ? { maxHours: fullH } : {}),
      months: VAE_MONTHS.value,
      lengthEstimated: true,
      verified: fieldVerified(cert, 'vae') && (domain?.verified ?? true),
      notes: (ctx) => {
        const notes = [
          `Expérience liée : ${formatMonths(relatedMonths(ctx, cert.code))}. Depuis la loi du 21 décembre 2022, aucune durée minimale n’est exigée ; une année d’expérience reste recommandée.`,
        ];
        if (domain) notes.push('Recevabilité : au moins une activité dans chaque domaine d’activité du diplôme, vérifiée par l’architecte accompagnateur de parcours (AAP) de France VAE.');
        return notes;
      },
    };
  }

  let apprenticeship: StepSpec | undefined;
  let professionalisation: StepSpec | undefined;
  if (full !== undefined && cert.kind !== 'function') {
    const appr = APPRENTICESHIP_MONTHS[cert.code];
    const fullMonths = cert.typicalMonths ?? (full.hours * 12) / (FULL_TIME_WEEKLY_HOURS * 52);
    const months = appr?.value ?? Math.ceil(fullMonths * ALTERNANCE_FACTOR.value);
    const alternance = (kind: 'apprenticeship' | 'professionalisation'): StepSpec => ({
      kind,
      code: names[kind].code,
      label: names[kind].label,
      certification: cert.code,
      hours: full.hours,
      maxHours: full.hours,
      months,
      lengthEstimated: kind === 'professionalisation' || appr === undefined,
      verified: full.verified && cert.verified && (kind === 'apprenticeship' ? appr?.verified ?? false : false),
      notes: (ctx) => [...trainingNotes(ctx, cert), `En alternance avec un employeur (${formatMonths(months)}${appr && kind === 'apprenticeship' ? '' : ', estimation'}).`],
    });
    apprenticeship = alternance('apprenticeship');
    professionalisation = alternance('professionalisation');
  }
  return { full, training, vae, apprenticeship, professionalisation };
}

/** The main step of each route to `cert` (pre-steps aside). */
function routeSpecs(ctx: Ctx, cert: Certification): StepSpec[] {
  if (cert.kind === 'prerequisite') {
    // A required attestation (SST, AFGSU 2, permis, FLE): one short course is the only route.
    const level = cert.code.startsWith('FLE_') ? cert.code.slice(4) : undefined;
    const spec = level && (FRENCH_LEVELS as readonly string[]).includes(level)
      ? frenchSpec(ctx, level as FrenchLevel, true, 'le poste visé')
      : prerequisiteSpec(ctx, cert.code, 'Exigé par le poste visé.', true);
    return spec ? [spec] : [];
  }
  // A complementary training (ASG) is open only to holders of the certifications its bridges list.
  const through = cert.kind === 'function' ? eligibilityThrough(ctx, cert.code) : undefined;
  if (through !== undefined && through.length === 0) return [];
  const routes = certRoutes(cert);
  const specs: StepSpec[] = [];
  if (routes.training !== undefined) specs.push(routes.training);
  const partial = routes.full === undefined ? undefined : partialSpec(ctx, cert, routes.full.hours);
  if (partial !== undefined) specs.push(partial);
  if (routes.vae !== undefined && relatedMonths(ctx, cert.code) > 0) specs.push(routes.vae);
  if (routes.apprenticeship !== undefined) specs.push(routes.apprenticeship);
  if (routes.professionalisation !== undefined) specs.push(routes.professionalisation);
  return through === undefined ? specs : specs.map((spec) => reservedSpec(spec, through));
}

/** A route reserved to holders: as verified as the best bridge that opens it, with the in-post condition. */
function reservedSpec(spec: StepSpec, through: readonly Bridge[]): StepSpec {
  let verified = false;
  for (const b of through) verified ||= b.verified;
  return {
    ...spec,
    verified: spec.verified && verified,
    notes: (ctx) => [
      ...spec.notes(ctx),
      `Réservée aux personnes en poste auprès de personnes atteintes de la maladie d’Alzheimer ou apparentée (aides-soignant·es, AMP, AVS${verified ? '' : ' ; AES non confirmé'}) : à vérifier.`,
    ],
  };
}

/**
 * The partial cursus: quantified grants of current bridges from what the candidate holds and the
 * blocs already validated, else a historic length as an order of magnitude.
 */
function partialSpec(ctx: Ctx, cert: Certification, fullH: number): StepSpec | undefined {
  const partialBridges = bridgesTo(ctx, cert.code, 'partial_cursus');
  const validated = validatedBlocks(ctx, cert.code);
  if (partialBridges.length === 0 && validated.length === 0) return undefined;
  const names = routeNames(cert);
  const quantified = partialBridges.filter((b) => b.grants.length > 0);
  if (quantified.length > 0 || validated.length > 0) {
    const rest = remainingHours(cert, quantified, validated);
    if (!rest || rest.hours >= fullH) return undefined;
    // The units taken off are blocs of theory: what is left at the centre is the theory minus them.
    const centre = centreHoursOf(cert);
    let removedHours = 0;
    for (const r of rest.removed) removedHours += r.hours;
    const centreLeft = centre === undefined ? undefined : Math.max(0, centre - removedHours);
    return {
      kind: 'partial_training',
      code: names.partial_training.code,
      label: names.partial_training.label,
      certification: cert.code,
      hours: rest.hours,
      maxHours: fullH,
      ...(centreLeft !== undefined && rest.hours > 0 && centreLeft < rest.hours ? { centreShare: centreLeft / rest.hours } : {}),
      lengthEstimated: rest.estimated,
      verified: rest.verified && cert.verified,
      notes: (c) => {
        const notes = trainingNotes(c, cert);
        for (const r of rest.removed) {
          const unit = upperFirst(blocName(c.deps.referential, r.unit));
          notes.push(`${unit} ${r.why === 'validated' ? 'déjà validé' : 'accordé par passerelle'} (${formatHours(r.hours)} en moins).`);
        }
        for (const b of quantified) notes.push(`${bridgeName(b.from, cert.code, b.regime)}, ${b.verified ? 'vérifiée' : 'non vérifiée'}.`);
        if (rest.unquantified.length > 0) notes.push(`Unités accordées non chiffrées : ${rest.unquantified.map((u) => blocName(c.deps.referential, u)).join(' ; ')}.`);
        notes.push('Durée des stages à confirmer avec l’institut.');
        return notes;
      },
    };
  }
  for (const b of partialBridges) {
    const h = PARTIAL_ESTIMATES[`${b.from}>${cert.code}`];
    if (!h) continue;
    return {
      kind: 'partial_training',
      code: names.partial_training.code,
      label: names.partial_training.label,
      certification: cert.code,
      hours: Math.round(fullH * h.share),
      maxHours: fullH,
      centreShare: h.centreShare,
      lengthEstimated: true,
      verified: false,
      notes: (c) => [
        ...trainingNotes(c, cert),
        `${bridgeName(b.from, cert.code, b.regime)}, non chiffrée${b.verified ? '' : ', non vérifiée'} ; durée estimée d’après le ${h.label}.`,
      ],
    };
  }
  return undefined;
}

function poeiSpec(ctx: Ctx, goal: Goal): StepSpec | undefined {
  const v = goal.vacancy;
  // Who may take it (job seekers, DELD…) is the scheme's rule, decided on the day it starts.
  if (!v || !v.trainsNewcomers) return undefined;
  const job = ctx.l.jobs.get(v.job.rome);
  // A POEI cannot stand in for a diploma the law requires (DEAS, DEAP, DEI…).
  if (job?.diploma === 'LEGAL' && !(job.legalCertifications ?? []).some((x) => ctx.held.has(x))) return undefined;
  if (v.contract.type === 'PEC' || v.contract.type === 'VACATION') return undefined;
  // Décret 2024-561: only the contracts it lists, of at least 6 months (a CDI aside).
  const contract = poeiContractFits(ctx.deps.referential, v);
  if (contract === 'no') return undefined;
  const cap = poeiMaxHours(ctx.deps.referential);
  const cert = goal.certifications.map((x) => ctx.l.certs.get(x)).find((x) => x !== undefined);
  const certHours = cert ? fullHours(cert)?.hours : undefined;
  return {
    kind: 'poei',
    code: 'poei:POEI',
    label: 'POEI chez l’employeur de l’offre visée',
    hours: Math.min(cap, certHours ?? cap),
    lengthEstimated: true,
    verified: true,
    notes: () => {
      const notes = [
        `Formation avant l’embauche chez l’employeur de l’offre visée, au plus ${formatHours(cap)} (plafond France Travail avec un organisme de formation).`,
      ];
      if (contract === 'unknown') notes.push('Contrat éligible s’il dure au moins 6 mois (CDD, alternance, intérim sur 9 mois) : durée de l’offre à vérifier.');
      return notes;
    },
  };
}

/** The candidate once a pathway is done (for `eligibleVacancies`). */
function modified(c: Candidate, cert: string | undefined, licence: boolean, french: FrenchLevel | undefined): Candidate {
  const qualifications = cert ? [...c.qualifications.filter((q) => q.code !== cert), { code: cert }] : c.qualifications;
  return {
    ...c,
    qualifications,
    mobility: licence ? { ...c.mobility, drivingLicence: true } : c.mobility,
    ...(french ? { frenchLevel: french } : {}),
  };
}

/** Amounts already written: a few amounts recur. */
const eurosMemo = new Map<number, string>();

function euros(n: number): string {
  let text = eurosMemo.get(n);
  if (text === undefined) {
    if (eurosMemo.size >= 4096) eurosMemo.clear();
    eurosMemo.set(n, (text = `${formatEuros(n)}`));
  }
  return text;
}

const ROUTE_FR: Readonly<Record<StepKind, string>> = {
  training: 'formation complète',
  partial_training: 'cursus partiel',
  vae: 'VAE',
  apprenticeship: 'apprentissage',
  professionalisation: 'contrat de professionnalisation',
  prerequisite: 'prérequis',
  french: 'français',
  immersion: 'immersion',
  poei: 'POEI',
};

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** « Passerelle du titre pro ADVF vers le DEAS (régime 2021) ». */
function bridgeName(from: string, to: string, regime: string): string {
  return `Passerelle ${withDu(certificationName(from))} vers ${withLe(certificationName(to))} (régime ${regime})`;
}

/** « 1 offre », « 3 offres ». */
function offers(n: number): string {
  return `${formatNumber(n, 0)} ${plural(n, 'offre', 'offres')}`;
}

/** « , dont aucune nouvelle », « , dont 1 nouvelle », « , dont 3 nouvelles »; nothing when all are new. */
function newOnes(newCount: number, count: number): string {
  if (newCount >= count) return '';
  if (newCount === 0) return ', dont aucune nouvelle';
  return `, dont ${formatNumber(newCount, 0)} ${plural(newCount, 'nouvelle', 'nouvelles')}`;
}

/** How a summary names a step. */
function stepPhrase(s: PathwayStep): string {
  if (s.kind === 'immersion') return 'une immersion (PMSMP)';
  if (s.kind === 'french') return s.label.charAt(0).toLowerCase() + s.label.slice(1);
  if (s.kind === 'prerequisite') return s.certification === 'PERMIS_B' ? 'le permis B' : `le prérequis ${certificationName(s.certification ?? '')}`;
  if (s.kind === 'poei') return `une POEI chez l’employeur (${formatHours(s.hours)})`;
  return `${ROUTE_FR[s.kind]} ${certificationName(s.certification ?? '')} (${formatHours(s.hours)})`;
}

function summarize(p: Omit<Pathway, 'summary'>, unlocksKnown: boolean, ref: Referential, vacancyStart: string | undefined): string {
  let route = '';
  let estimatedDates = false;
  let costEstimated = false;
  for (let i = 0; i < p.steps.length; i++) {
    const s = p.steps[i];
    route += (i > 0 ? ', puis ' : '') + stepPhrase(s);
    estimatedDates ||= s.estimated;
    costEstimated ||= s.costEstimated;
  }
  const target = p.target.kind === 'vacancy' ? `l’offre ${p.target.vacancyId} (${p.target.label})` : `le métier ${p.target.label} (${p.target.rome})`;
  const funders: string[] = [];
  // Schemes that apply, in order of first appearance; those still to check are named apart.
  for (const s of p.steps) for (const f of s.funding) if (f.applies && f.condition === undefined && !funders.includes(f.code)) funders.push(f.code);
  const estimated = estimatedDates ? ' (dates estimées)' : '';
  const costText = p.cost === 0 ? 'sans reste à charge' : `reste à charge ${euros(p.cost)}${costEstimated ? ' (indicatif)' : ''}`;
  const late = p.afterVacancyStart && vacancyStart !== undefined
    ? `, après le début du contrat de l’offre (le ${formatDate(vacancyStart)}) : date à voir avec l’employeur` : '';
  const funded = funders.length > 0 ? ` (financements : ${funders.map((code) => fundingName(ref, code)).join(', ')})` : '';
  let text = `Vers ${target} : ${route}. Prêt·e à l’emploi le ${formatDate(p.jobReadyDate)}${estimated}${late}, ${costText}${funded}. `;
  if (p.costDependsOn.length > 0) {
    text += `${p.cost > 0 ? 'Le reste à charge dépend' : 'Ce parcours dépend'} encore de financements à vérifier : `;
    for (let i = 0; i < p.costDependsOn.length; i++) {
      const d = p.costDependsOn[i];
      text += `${i > 0 ? ' ; ' : ''}${fundingName(ref, d.code)}, si ${d.condition}`;
    }
    text += '. ';
  }
  if (!unlocksKnown) text += 'Offres ouvertes : non calculées.';
  else text += p.unlocks.count === 0
    ? 'Aucune offre à portée ne s’ouvre encore avec ce parcours.'
    : `Ouvre ${offers(p.unlocks.count)} à portée${newOnes(p.unlocks.newCount, p.unlocks.count)}.`;
  if (p.notLifted.length > 0) {
    text += ' Reste à lever hors formation : ';
    for (let i = 0; i < p.notLifted.length; i++) text += (i > 0 ? ' ; ' : '') + p.notLifted[i].message;
    text += '.';
  }
  if (!p.verified) text += ' Certaines règles utilisées restent à vérifier.';
  return text;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What ranking reads; a Pathway and a Draft both carry it. */
/** The ranking keys read before unlocks; a Pathway and a Draft both carry them. */
interface RankKeys {
  jobReadyDate: string;
  cost: number;
  trainingCommuteMinutes: number;
}

function compareHead(a: RankKeys, b: RankKeys): number {
  return compareStrings(a.jobReadyDate, b.jobReadyDate)
    || a.cost - b.cost
    || Math.floor(a.trainingCommuteMinutes / COMMUTE_BAND_MINUTES) - Math.floor(b.trainingCommuteMinutes / COMMUTE_BAND_MINUTES);
}

/**
 * Ranking: earliest jobReadyDate, then lowest cost, then shortest commute to the training sites in
 * 5-minute bands, then most vacancies unlocked, then the step codes (string order). Unlocks only
 * decide between pathways equal on date, cost and commute band, so adding a category (which only
 * adds routes or funding) never makes the best pathway worse: it becomes earlier, or stays as
 * early and costs no more (an earlier route may cost more).
 */
export function comparePathways(a: Pathway, b: Pathway): number {
  return compareHead(a, b) || b.unlocks.count - a.unlocks.count || compareStrings(pathwayKey(a), pathwayKey(b));
}

function pathwayKey(p: Pathway): string {
  return `${p.target.vacancyId ?? p.target.rome ?? ''}|${p.steps.map((s) => `${s.code}@${s.sessionId ?? ''}`).join('>')}`;
}

/** pathwayKey of the pathway a draft would become. */
function draftKey(goal: Goal, steps: readonly PlannedStep[]): string {
  let key = `${goal.target.vacancyId ?? goal.target.rome ?? ''}|`;
  for (let i = 0; i < steps.length; i++) key += `${i > 0 ? '>' : ''}${steps[i].spec.code}@${steps[i].chosen?.session.id ?? ''}`;
  return key;
}

interface Unlocks {
  count: number;
  newCount: number;
  /** Listed once the pathway is returned (ranking reads only counts). */
  vacancyIds: string[] | undefined;
  gain: PathwayGain;
}

/**
 * A route with everything ranking needs (dates, cost, commute, key, and what decides its unlocks).
 * Every route of a call is drafted; its unlocks are counted only when ranking reaches that key
 * (a tie on date, cost and commute band) or when it is returned; only the `limit` best become
 * Pathway objects with steps, funding and summary.
 */
interface Draft extends RankKeys {
  goal: Goal;
  cert: string | undefined;
  steps: PlannedStep[];
  licence: boolean;
  french: FrenchLevel | undefined;
  /** Set up front for a POEI (its own vacancy), else on first need. */
  unlocks: Unlocks | undefined;
  /** pathwayKey, written when ranking needs it to break a tie (drafts are distinct by construction). */
  key: string | undefined;
  /** The call's unlock answers. */
  state: UnlockState;
}

/** Steps that enter a certification's cursus, where its admission conditions apply. */
const ENTRY_KINDS: ReadonlySet<StepKind> = new Set<StepKind>(['training', 'partial_training', 'apprenticeship', 'professionalisation']);

/**
 * The admission conditions of each cursus a pathway enters (REFERENCE.md §2: a Bac or three years
 * of contributions for the DE infirmier, selection for the DEAS…). The input rarely settles them
 * (no diploma below the sector's is declared), so they are the advisor's to check, never a reason
 * to drop a route.
 */
function admissionChecks(steps: readonly PathwayStep[], ref: Referential): { code: string; message: string }[] {
  const out: { code: string; message: string }[] = [];
  const seen: string[] = [];
  for (const s of steps) {
    const code = s.certification;
    if (code === undefined || !ENTRY_KINDS.has(s.kind) || seen.includes(code)) continue;
    seen.push(code);
    const notes = lookups(ref).certs.get(code)?.access?.notes;
    if (notes !== undefined) out.push({ code: 'admission', message: `Conditions d’accès ${withAu(certificationName(code))} à vérifier : ${notes}.` });
  }
  return out;
}

function buildPathway(ctx: Ctx, d: Draft, unlocks: Unlocks, vacancyIds: string[]): Pathway {
  const target = { ...d.goal.target };
  if (d.cert) target.certification = d.cert;
  const steps: PathwayStep[] = [];
  for (const p of d.steps) steps.push(buildStep(ctx, p));
  let verified = true;
  for (const s of steps) verified &&= s.verified;
  // Schemes still to check, once each, in the order steps meet them.
  const costDependsOn: Pathway['costDependsOn'] = [];
  for (const p of d.steps) {
    for (const x of p.funding.dependsOn) if (!costDependsOn.some((y) => y.code === x.code)) costDependsOn.push({ code: x.code, condition: x.condition });
  }
  const vacancy = d.goal.vacancy;
  return {
    target,
    steps,
    jobReadyDate: d.jobReadyDate,
    cost: d.cost,
    costDependsOn,
    afterVacancyStart: vacancy !== undefined && d.jobReadyDate > vacancy.contract.startDate,
    // Proofs are read as of the first step, when the funding rules first apply.
    toCheck: [...staleCategoryProofs(ctx.c, d.steps[0].startDate, ctx.deps.referential), ...admissionChecks(steps, ctx.deps.referential)],
    unlocks: { count: unlocks.count, vacancyIds, newCount: unlocks.newCount },
    verified,
    // Each pathway owns its objects: a goal's list is shared by all its drafts.
    notLifted: d.goal.notLifted.length === 0 ? [] : d.goal.notLifted.map(copyNotLifted),
    trainingCommuteMinutes: d.trainingCommuteMinutes,
    // The summary is written once the pathway is known to be returned.
    summary: '',
  };
}

/** Ids of `ids` (sorted) not in `before` (sorted): a merge, no set. */
function countNew(ids: readonly string[], before: readonly string[]): number {
  let n = 0;
  let j = 0;
  for (const id of ids) {
    while (j < before.length && before[j] < id) j++;
    if (j >= before.length || before[j] !== id) n++;
  }
  return n;
}

function sortedIds(ids: readonly string[]): string[] {
  const out = ids.slice();
  for (let i = 1; i < out.length; i++) {
    // Engines return their ids already in order: sort only when they are not.
    if (out[i - 1] > out[i]) return out.sort(compareStrings);
  }
  return out;
}

/**
 * What pathways unlock, for one call: counts per gain (a certification, the licence, a French
 * level) from `deps.unlocks`, or ids from `deps.eligibleVacancies` on the modified candidate.
 * Methods, not closures: a call creates one of these, not a handful of functions.
 */
class UnlockState {
  private readonly cache = new Map<string, Unlocks>();
  private nowIds: string[] | undefined;
  private nowCount = -1;
  private readonly counter: PathwayDeps['unlocks'];
  private readonly listed: PathwayDeps['eligibleVacancies'];
  private readonly sorted: boolean;

  constructor(private readonly candidate: Candidate, deps: PathwayDeps) {
    this.counter = deps.unlocks;
    this.listed = deps.eligibleVacancies;
    this.sorted = deps.eligibleVacanciesSorted === true;
  }

  /** Whether vacancies are known at all (else summaries say unlocks were not computed). */
  get known(): boolean {
    return this.counter !== undefined || this.listed !== undefined;
  }

  private inOrder(ids: string[]): string[] {
    return this.sorted ? ids : sortedIds(ids);
  }

  /** Ids of the vacancies the candidate is eligible for today. */
  eligibleNow(): string[] {
    if (this.nowIds === undefined) {
      const counter = this.counter;
      const listed = this.listed;
      this.nowIds = counter ? counter.ids(NO_GAIN) : listed ? this.inOrder(listed(this.candidate)) : [];
    }
    return this.nowIds;
  }

  of(cert: string | undefined, licence: boolean, french: FrenchLevel | undefined): Unlocks {
    const key = `${cert ?? ''}|${licence}|${french ?? ''}`;
    let u = this.cache.get(key);
    if (u === undefined) {
      const gain: PathwayGain = { certification: cert, licence, frenchLevel: french };
      const none = cert === undefined && !licence && french === undefined;
      const counter = this.counter;
      const listed = this.listed;
      if (counter) {
        // Gains only lift blockers: today's eligible vacancies are among those counted.
        if (this.nowCount < 0) this.nowCount = counter.count(NO_GAIN);
        const count = none ? this.nowCount : counter.count(gain);
        u = { count, newCount: count - this.nowCount, vacancyIds: undefined, gain };
      } else {
        const ids = !listed ? [] : none ? this.eligibleNow() : this.inOrder(listed(modified(this.candidate, cert, licence, french)));
        u = { count: ids.length, newCount: countNew(ids, this.eligibleNow()), vacancyIds: ids, gain };
      }
      this.cache.set(key, u);
    }
    return u;
  }

  /** Ids of `u`, listed now if ranking only counted them (a fresh array per pathway). */
  idsOf(u: Unlocks): string[] {
    return (u.vacancyIds ??= this.counter!.ids(u.gain)).slice();
  }
}

function unlocksOfDraft(d: Draft): Unlocks {
  return (d.unlocks ??= d.state.of(d.cert, d.licence, d.french));
}

function keyOf(d: Draft): string {
  return (d.key ??= draftKey(d.goal, d.steps));
}

function compareDrafts(a: Draft, b: Draft): number {
  return compareHead(a, b) || unlocksOfDraft(b).count - unlocksOfDraft(a).count || compareStrings(keyOf(a), keyOf(b));
}

/** A draft of the route `steps` toward `goal` (a POEI gives its own `unlockIds`). */
function finish(ctx: Ctx, state: UnlockState, drafts: Draft[], goal: Goal, cert: string | undefined, steps: PlannedStep[], unlockIds: string[] | undefined): void {
  if (steps.length === 0) return;
  let french: FrenchLevel | undefined;
  let frenchSeen = false;
  let licence = false;
  let cost = 0;
  let commute = -1;
  for (const s of steps) {
    if (!frenchSeen && s.spec.kind === 'french') {
      // The first French step gives the level reached.
      frenchSeen = true;
      french = s.spec.certification?.slice(4) as FrenchLevel | undefined;
    }
    if (s.spec.certification === 'PERMIS_B') licence = true;
    cost += s.funding.cost;
    if (s.chosen !== undefined) commute = Math.max(commute, Math.round(s.chosen.commute.minutes));
  }
  drafts.push({
    goal,
    cert,
    steps,
    jobReadyDate: steps[steps.length - 1].endDate,
    cost: Math.round(cost * 100) / 100,
    trainingCommuteMinutes: commute >= 0 ? commute : ctx.c.mobility.maxMinutes,
    licence,
    french,
    unlocks: unlockIds !== undefined
      ? { count: unlockIds.length, newCount: countNew(unlockIds, state.eligibleNow()), vacancyIds: unlockIds, gain: NO_GAIN }
      : undefined,
    key: undefined,
    state,
  });
}

/**
 * Whether an alternance contract closed on the candidate's first free day stays closed on every
 * later day, so its route need not be planned: its rules read the age (which only grows past the
 * upper limits), the status and the categories (constant unless dated) and the employer. Not for
 * dated categories (one may begin later) nor for someone who may still be under 17 (a lower limit
 * may open later). The route's own start decides in the end.
 */
function closedForGood(ctx: Ctx, route: StepSpec, goal: Goal): boolean {
  if (hasDatedCategories(ctx.c.categories)) return false;
  if (ctx.c.birthYear === undefined || Number(ctx.freeDate.slice(0, 4)) - ctx.c.birthYear <= 17) return false;
  return !fundedBySomeScheme(fund(ctx, route.kind, ctx.freeDate, route.hours, undefined, route.certification ?? route.code, undefined, goal.vacancy));
}

const adultCourseMemo = new WeakMap<Certification, StepSpec | null>();

/**
 * The course of a school diploma for adults (CAP AEPE: 6–9 months via GRETA/CNED, REFERENCE.md §2
 * [U]): the middle of the range at the full-time rhythm, estimated and unverified. Built once.
 */
function adultCourse(cert: Certification): StepSpec | undefined {
  let spec = adultCourseMemo.get(cert);
  if (spec === undefined) {
    const range = cert.adultCourseMonths;
    const months = range === undefined ? undefined : (range.min + range.max) / 2;
    spec = months === undefined ? null : {
      kind: 'training',
      code: routeNames(cert).training.code,
      label: `Formation pour adultes : ${cert.label}`,
      certification: cert.code,
      hours: Math.round((months * FULL_TIME_WEEKLY_HOURS * 52) / 12),
      fallbackMonths: months,
      lengthEstimated: true,
      verified: false,
      notes: () => [`Parcours adulte (GRETA, CNED) de ${range!.min} à ${range!.max} mois : durée estimée au milieu de la fourchette, à confirmer avec l’organisme.`],
    };
    adultCourseMemo.set(cert, spec);
  }
  return spec ?? undefined;
}

/** Whether the goal leads through some certification that is not a school diploma (TP ADVF, DEAES… beside the Bacs pro). */
function hasAdultRoute(l: Lookups, goal: Goal): boolean {
  for (const x of goal.certifications) {
    const cert = l.certs.get(x);
    if (cert !== undefined && cert.initialEducation !== true) return true;
  }
  return false;
}

/**
 * Whether the candidate is surely past the "jeunes" public on `date` (REFERENCE.md §5.1: under 26,
 * under 30 with an RQTH in force), the public of school diplomas' full cursus. Only the birth year is
 * known: the younger of the two possible ages decides; no birth year, no decision.
 */
function surelyAdult(c: Candidate, date: string): boolean {
  if (c.birthYear === undefined) return false;
  const youngest = Number(date.slice(0, 4)) - c.birthYear - 1;
  return youngest >= (categoriesInForce(c.categories, date).includes('RQTH') ? 30 : 26);
}

function hasKind(steps: readonly { kind: StepKind }[], kind: StepKind): boolean {
  for (const s of steps) if (s.kind === kind) return true;
  return false;
}

/** Whether some planned step is more than an immersion. */
function beyondImmersion(steps: readonly PlannedStep[]): boolean {
  for (const s of steps) if (s.spec.kind !== 'immersion') return true;
  return false;
}

/**
 * Recommends training pathways toward a target, best first.
 *
 * @example
 * const pathways = recommendPathways(candidate, { target: 'J1501', today: '2026-11-23', sessions },
 *   { referential: defaultReferential });
 * pathways[0].summary; // "Vers le métier Aide-soignant (J1501) : cursus partiel DEAS (1435 h). …"
 */
export function recommendPathways(candidate: Candidate, options: PathwayOptions, deps: PathwayDeps): Pathway[] {
  const l = lookups(deps.referential);
  const held = heldCertifications(candidate, l);
  const ctx: Ctx = {
    c: candidate,
    deps,
    l,
    held,
    sessions: sessionsByCertification(options.sessions ?? []),
    freeDate: maxDate(options.today, candidate.availableFrom),
    funding: fundingMemoFor(deps.referential, candidate),
    ages: newAgeClasses(),
    commutes,
  };
  commutes.reset(ctx.sessions.size, reachKm(candidate.mobility.maxMinutes, candidate.mobility.modes));
  const goals = resolveGoals(candidate, options.target, deps, l, held);
  const inTraining = new Set<string>();
  for (const t of candidate.inTraining ?? []) inTraining.add(t.code);
  // What a pathway unlocks depends only on what it adds: a certification, the licence, a French level.
  const state = new UnlockState(candidate, deps);
  const drafts: Draft[] = [];

  for (const goal of goals) {
    // Whether the goal has a route for adults besides school diplomas (decided once per goal).
    let adultRoute: boolean | undefined;
    // Whether each alternance contract is surely closed, whatever its start (precheck, once per goal).
    let apprenticeshipClosed: boolean | undefined;
    let professionalisationClosed: boolean | undefined;
    if (goal.certifications.length === 0) {
      // Only a licence or a French level is missing.
      const steps: PlannedStep[] = [];
      for (const spec of preSteps(ctx, goal, undefined, false)) planStep(ctx, steps, spec, goal);
      if (beyondImmersion(steps)) finish(ctx, state, drafts, goal, undefined, steps, undefined);
    }
    for (let ci = 0; ci < goal.certifications.length; ci++) {
      const code = goal.certifications[ci];
      const cert = l.certs.get(code);
      // A certification already under way (inTraining) needs no new pathway; one listed twice, one pass.
      if (!cert || held.has(code) || inTraining.has(code) || goal.certifications.indexOf(code) !== ci) continue;
      // The steps before the main one are the same for every route but VAE: planned once each.
      let before: PlannedStep[] | undefined;
      let beforeVae: PlannedStep[] | undefined;
      for (const route of routeSpecs(ctx, cert)) {
        if (route.kind === 'apprenticeship' || route.kind === 'professionalisation') {
          const appr = route.kind === 'apprenticeship';
          let closed = appr ? apprenticeshipClosed : professionalisationClosed;
          if (closed === undefined) {
            closed = closedForGood(ctx, route, goal);
            if (appr) apprenticeshipClosed = closed;
            else professionalisationClosed = closed;
          }
          if (closed) continue;
        }
        const vae = route.kind === 'vae';
        let prefix = vae ? beforeVae : before;
        if (prefix === undefined) {
          prefix = [];
          for (const spec of preSteps(ctx, goal, cert, !vae)) planStep(ctx, prefix, spec, goal);
          if (vae) beforeVae = prefix;
          else before = prefix;
        }
        let steps = prefix.slice();
        planStep(ctx, steps, route, goal);
        const main = steps[steps.length - 1];
        // A work-study contract exists only when its rules hold on the day it starts (age, status, categories in force).
        if (SCHEME_ONLY.has(route.kind) && !fundedBySomeScheme(main.funding)) continue;
        // A school diploma's full cursus is for young people; an adult takes the adult route to the same job.
        if (cert.initialEducation === true && route.kind !== 'partial_training' && !vae && surelyAdult(ctx.c, main.startDate)) {
          adultRoute ??= hasAdultRoute(l, goal);
          if (adultRoute) continue;
          // No other route to the job: the diploma's own course for adults where the referential gives one (CAP AEPE), else the cursus as it is.
          const adult = route.kind === 'training' ? adultCourse(cert) : undefined;
          if (adult !== undefined) {
            steps = prefix.slice();
            planStep(ctx, steps, adult, goal);
          }
        }
        finish(ctx, state, drafts, goal, code, steps, undefined);
      }
    }
    const poei = poeiSpec(ctx, goal);
    if (poei) {
      const steps: PlannedStep[] = [];
      for (const spec of preSteps(ctx, { ...goal, certifications: [] }, undefined, false)) planStep(ctx, steps, spec, goal);
      planStep(ctx, steps, poei, goal);
      // Open only if France Travail's rules hold on the day it starts (status, categories in force).
      // The hire is the point of a POEI: it opens its own vacancy when nothing else stands in the way.
      if (fundedBySomeScheme(steps[steps.length - 1].funding)) {
        finish(ctx, state, drafts, goal, undefined, steps, goal.notLifted.length === 0 && goal.vacancy ? [goal.vacancy.id] : []);
      }
    }
  }
  drafts.sort(compareDrafts);
  const limit = options.limit ?? DEFAULT_LIMIT;
  const best: Pathway[] = [];
  for (let i = 0; i < drafts.length && i < limit; i++) {
    const u = unlocksOfDraft(drafts[i]);
    const p = buildPathway(ctx, drafts[i], u, state.idsOf(u));
    p.summary = summarize(p, state.known || hasKind(p.steps, 'poei'), deps.referential, drafts[i].goal.vacancy?.contract.startDate);
    best.push(p);
  }
  return best;
}
