/**
 * One French sentence per blocker, naming the requirement (never a protected trait), and the lift
 * that would remove it where one exists (an adaptation, a pathway step, a licence, +15 minutes…).
 * A blocker is never silent: even when nothing lifts it, the message says so.
 */
import type { Candidate } from '../schema/candidate.js';
import { categoriesInForce } from '../schema/categories.js';
import { hireDate } from './aids.js';
import type { Vacancy } from '../schema/vacancy.js';
import type { FrenchLevel } from '../schema/primitives.js';
import type { Referential, PhysicalDemand } from '../referential/types.js';
import type { BlockerCode, MatchBlockerCode } from '../scoring/model.js';
import { EXPERIENCE, TO_DISCUSS, TO_DISCUSS_BLOCKERS } from '../scoring/model.js';
import type { Audience, Blocker, Lift, PairEvaluation } from '../scoring/types.js';
import {
  andList, certificationName, CONTRACT_LABELS, FRENCH_LEVEL_LABELS, jobName, MODE_LABELS, orList, SCHEDULE_LABELS, withAu, withLe,
} from './labels.js';
import { formatDate, formatMinutes, formatMonths } from '../format/french.js';
import { counterfactualLabel } from './counterfactual.js';
import type { QualificationFacts } from './criteria.js';
import { findJob } from './criteria.js';

/** The extra minutes a commute lift may ask for (the `commute_15` counterfactual). */
export const COMMUTE_LIFT_MINUTES = 15;

/**
 * What the employer view says instead of a blocking restriction or a missing work authorisation:
 * one sentence for both (MODEL.md "Two audiences").
 */
export const TO_DISCUSS_MESSAGE = 'À voir avec la plateforme : un point de cette candidature est à discuter avant d’aller plus loin.';

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A legal text cited in a job's source ("CSP L4391-1"), if any. */
export function legalCitation(source: string): string | undefined {
  const m = /\b(?:CSP|CASF|C\. ?trav\.?|Code du travail)\s+[LRD]\s?\d[\d\-/]*/.exec(source);
  return m?.[0];
}

function certificationLift(
  codes: readonly string[],
  v: Vacancy,
  facts: QualificationFacts,
  ref: Referential,
): Lift | undefined {
  if (codes.length === 0) return undefined;
  const training = facts.inTraining.find((t) => codes.includes(t.code));
  if (training && !v.acceptsInTraining) {
    return {
      code: 'accepts_in_training',
      message: `En formation ${withAu(certificationName(training.code))} (fin prévue le ${formatDate(training.expectedEnd)}) : éligible si l’employeur accepte une personne en cours de formation.`,
    };
  }
  const bridge = facts.bridged.find((b) => codes.includes(b.to));
  if (bridge) {
    return {
      code: `certification:${bridge.to}`,
      message: `Obtenir ${withLe(certificationName(bridge.to))} par un cursus allégé, ouvert par ${withLe(certificationName(bridge.from))}.`,
    };
  }
  const target = codes[0];
  const cert = ref.certifications.find((x) => x.code === target);
  const routes = cert?.vae === true ? 'formation, apprentissage ou VAE' : 'formation ou apprentissage';
  return { code: `certification:${target}`, message: `Obtenir ${withLe(certificationName(target))} (${routes}).` };
}

/** "Le DEAS", "Le DEAS (ou CAFAS, DPAS)". */
function certificationsPhrase(codes: readonly string[]): string {
  const names = codes.map(certificationName);
  const head = cap(withLe(names[0] ?? 'diplôme requis'));
  return names.length > 1 ? `${head} (ou ${names.slice(1).join(', ')})` : head;
}

function demandOf(ref: Referential, code: string): PhysicalDemand | undefined {
  return ref.physicalDemands.find((d) => d.code === code);
}

function restrictionOf(ref: Referential, code: string): string {
  return ref.restrictions.find((r) => r.code === code)?.label ?? code.replace(/_/g, ' ');
}

function adaptationLabel(ref: Referential, code: string): string {
  return ref.adaptations.find((a) => a.code === code)?.label ?? code.replace(/_/g, ' ');
}

const lower = (s: string) => (/^.[a-zà-ÿ]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

function restrictionBlocker(ev: PairEvaluation, c: Candidate, v: Vacancy, ref: Referential): Blocker {
  const sentences: string[] = [];
  const adaptations: string[] = [];
  let allLiftable = ev.unliftedDemands.length > 0;
  for (const code of ev.unliftedDemands) {
    const d = demandOf(ref, code);
    const demand = d ? lower(d.label) : code.replace(/_/g, ' ');
    const restriction = d ? lower(restrictionOf(ref, d.restriction)) : 'une restriction déclarée';
    const lifts = d?.liftedBy ?? [];
    const head = `${cap(demand)} : incompatible avec une restriction déclarée (${restriction})`;
    if (lifts.length > 0) {
      for (const a of lifts) if (!adaptations.includes(a)) adaptations.push(a);
      sentences.push(`${head} ; aménagement qui la lève : ${andList(lifts.map((a) => lower(adaptationLabel(ref, a))))}.`);
    } else {
      allLiftable = false;
      sentences.push(`${head} ; aucun aménagement connu ne la lève.`);
    }
  }
  const blocker: Blocker = { code: 'restriction', message: sentences.join(' ') };
  if (allLiftable && adaptations.length > 0) {
    blocker.lift = {
      code: `adaptation:${adaptations.join('+')}`,
      message: `Équiper le poste : ${andList(adaptations.map((a) => lower(adaptationLabel(ref, a))))}${adaptationFunding(ev, c, v, ref, adaptations)}.`,
    };
  }
  return blocker;
}

/**
 * The workstation-adaptation aid that may fund the adaptations: the Agefiph's for private
 * employers, the FIPHFP's for public ones (REFERENCE.md §4), for a beneficiary of the employment
 * obligation. Empty when no adaptation or demand names an aid.
 */
function adaptationFunding(ev: PairEvaluation, c: Candidate, v: Vacancy, ref: Referential, adaptations: readonly string[]): string {
  const aidCodes = [
    ...adaptations.map((a) => ref.adaptations.find((x) => x.code === a)?.aid),
    ...ev.unliftedDemands.map((d) => demandOf(ref, d)?.aid),
  ].filter((x): x is string => x !== undefined);
  if (aidCodes.length === 0) return '';
  const agefiph = ref.funding.find((f) => f.code === aidCodes[0]);
  const fiphfp = ref.funding.find((f) => f.code === 'FIPHFP');
  const agefiphName = agefiph ? lower(agefiph.label) : 'aide de l’Agefiph à l’adaptation du poste';
  const fiphfpName = fiphfp ? lower(fiphfp.label) : 'aides du FIPHFP';
  const fund = v.structure.status === 'public'
    ? fiphfpName
    : v.structure.status === undefined ? `${agefiphName} (${fiphfpName} si l’employeur est public)` : agefiphName;
  // Read at the hire: an RQTH ended by then opens no aid.
  const boeth = categoriesInForce(c.categories, hireDate(c, v)).some((k) => k === 'RQTH' || k === 'AAH');
  const who = boeth ? '' : ', si la personne est bénéficiaire de l’obligation d’emploi (RQTH…)';
  return ` ; financement possible : ${fund}${who}`;
}

const FLE_LEVELS: readonly FrenchLevel[] = ['A1', 'A2', 'B1', 'B2'];

function oneBlocker(
  code: BlockerCode,
  ev: PairEvaluation,
  c: Candidate,
  v: Vacancy,
  ref: Referential,
  facts: QualificationFacts,
  audience: Audience,
): Blocker {
  const restrictions = c.restrictions ?? [];
  /** A restriction the candidate declared that meets this demand (then "accept it" is no lift). */
  const restricted = (demand: string) => {
    const r = demandOf(ref, demand)?.restriction;
    return r !== undefined && restrictions.includes(r);
  };
  switch (code) {
    case 'legal_certification': {
      const job = findJob(ref, v.job.rome);
      const codes = job?.legalCertifications ?? [];
      const name = jobName(ref, v.job.rome) ?? 'ce métier';
      const cite = job ? legalCitation(job.source) : undefined;
      const unverified = job?.unverifiedFields?.includes('diploma') || job?.unverifiedFields?.includes('legalCertifications');
      const ref_ = cite ? ` (${cite})` : unverified ? ' (règle à confirmer)' : '';
      const message = `${certificationsPhrase(codes)} est obligatoire pour exercer comme ${name}${ref_}.`;
      const lift = certificationLift(codes, v, facts, ref);
      return lift ? { code, message, lift } : { code, message };
    }
    case 'required_certification': {
      const codes = v.requires.certifications ?? [];
      const message = codes.length === 1
        ? `Le poste exige ${withLe(certificationName(codes[0]))}.`
        : `Le poste exige l’un de ces diplômes : ${orList(codes.map(certificationName))}.`;
      const lift = certificationLift(codes, v, facts, ref);
      return lift ? { code, message, lift } : { code, message };
    }
    case 'driving_licence': {
      const message = 'Le permis B est exigé pour ce poste.';
      // Passing the licence does not help someone who declared they cannot drive.
      if (audience === 'advisor' && restricted('driving')) return { code, message };
      let funding = 'financement possible par le CPF (éligibilité à vérifier)';
      if (audience === 'advisor' && categoriesInForce(c.categories, hireDate(c, v)).some((k) => k === 'RQTH' || k === 'AAH')) {
        const permis = ref.funding.find((f) => f.code === 'AGEFIPH_PERMIS');
        funding += ` ; ${permis ? lower(permis.label) : 'aide de l’Agefiph au permis, si le handicap entraîne un surcoût'}`;
      }
      return { code, message, lift: { code: 'PERMIS_B', message: `Passer le permis B (étape de parcours) ; ${funding}.` } };
    }
    case 'vehicle':
      return {
        code,
        message: 'Un véhicule personnel est exigé et le poste n’en fournit pas.',
        lift: { code: 'vehicle_provided', message: 'Un véhicule de service fourni par l’employeur lèverait cette condition.' },
      };
    case 'commute': {
      const { minutes, mode } = ev.commute;
      const limit = c.mobility.maxMinutes;
      const message = `${formatMinutes(minutes)} ${MODE_LABELS[mode]}, au-delà de la limite de ${formatMinutes(limit)}.`;
      if (minutes <= limit + COMMUTE_LIFT_MINUTES) {
        return { code, message, lift: { code: 'commute_15', message: `+${COMMUTE_LIFT_MINUTES} min de trajet accepté suffiraient.` } };
      }
      return { code, message };
    }
    case 'nights':
    case 'weekends':
    case 'split_shifts': {
      const message = `Le poste comporte ${SCHEDULE_LABELS[code]}, non retenu dans les disponibilités déclarées.`;
      // The employer view gives no schedule lift at all, so its absence cannot hint at a restriction.
      if (audience === 'employer' || (code === 'nights' && restricted('night_work'))) return { code, message };
      return { code, message, lift: { code, message: `${cap(counterfactualLabel(code))}.` } };
    }
    case 'contract': {
      const type = v.contract.type;
      const accepted = c.contracts.map((t) => CONTRACT_LABELS[t].short);
      return {
        code,
        message: `Le poste est proposé en ${CONTRACT_LABELS[type].short}, contrat non retenu dans les souhaits (acceptés : ${andList(accepted)}).`,
        lift: { code: `contract:${type}`, message: `${cap(counterfactualLabel(`contract:${type}`))}.` },
      };
    }
    case 'french_level': {
      const need = v.requires.frenchLevel ?? 'B1';
      const has = c.frenchLevel;
      const message = `Le poste demande un niveau de français ${FRENCH_LEVEL_LABELS[need]} ; niveau déclaré : ${has ? FRENCH_LEVEL_LABELS[has] : 'non renseigné'}.`;
      const liftCode = FLE_LEVELS.includes(need) ? `FLE_${need}` : `french:${need}`;
      return { code, message, lift: { code: liftCode, message: `Cours de français langue étrangère (FLE) jusqu’au niveau ${FRENCH_LEVEL_LABELS[need]}.` } };
    }
    case 'experience': {
      const need = v.requires.experienceMonths ?? 0;
      const eff = facts.exactMonths + EXPERIENCE.relatedFactor * facts.relatedMonths;
      const rel = facts.relatedMonths > 0 ? ' (métiers proches comptés à moitié)' : '';
      const kept = eff > 0 ? `${formatMonths(eff)} retenus${rel}` : 'aucune retenue';
      return { code, message: `Le poste exige ${formatMonths(need)} d’expérience ; ${kept}.` };
    }
    case 'work_authorization':
      return { code, message: 'Autorisation de travail en France non établie : elle est requise pour toute embauche.' };
    case 'start_date': {
      const type = v.contract.type;
      const end = v.contract.endDate ?? v.contract.startDate;
      return {
        code,
        message: `${cap(CONTRACT_LABELS[type].withDefinite)} se termine le ${formatDate(end)}, avant la disponibilité du ${formatDate(c.availableFrom)}.`,
      };
    }
    case 'restriction':
      return restrictionBlocker(ev, c, v, ref);
  }
}

/**
 * Blockers in the evaluation's order (BLOCKER_CODES order). The employer view folds a restriction
 * and a missing work authorisation into one `to_discuss` blocker, last, whichever of them holds.
 */
export function explainBlockers(
  ev: PairEvaluation,
  c: Candidate,
  v: Vacancy,
  ref: Referential,
  facts: QualificationFacts,
  audience: Audience,
): Blocker[] {
  return shownBlockerCodes(ev.blockers, audience).map((code) =>
    code === TO_DISCUSS ? { code, message: TO_DISCUSS_MESSAGE } : oneBlocker(code, ev, c, v, ref, facts, audience));
}

/** The blocker codes an audience reads, in the order `explainBlockers` gives them (no text built). */
export function shownBlockerCodes(blockers: readonly BlockerCode[], audience: Audience): MatchBlockerCode[] {
  if (audience === 'advisor') return [...blockers];
  const out: MatchBlockerCode[] = blockers.filter((code) => !TO_DISCUSS_BLOCKERS.includes(code));
  if (blockers.some((code) => TO_DISCUSS_BLOCKERS.includes(code))) out.push(TO_DISCUSS);
  return out;
}
