/**
 * allocate: who takes which post in a recruitment campaign, over the batch's eligible pairs, with
 * every candidate and every opening accounted for (assigned, or a reason code and a sentence).
 */
import type { Versions } from '../scoring/types.js';
import { PasserelleInputError, issue, type Issue } from '../errors.js';
import { checkCallOptions } from '../engine/call-options.js';
import { formatHours, formatNumber, plural } from '../format/french.js';
import { checkBatch, eligibleGraph, type BatchView, type EligibleGraph } from './graph.js';
import { maxWeightBMatching } from './min-cost-flow.js';
import { multiPostOptimal } from './milp.js';
import { deferredAcceptance } from './stable.js';
import { AllocateOptionsSchema, type AllocateOptions } from './schema.js';

export type { AllocateOptions };

export interface Assignment {
  candidateId: string;
  vacancyId: string;
  score: number;
  /** 1-based place of this vacancy in the candidate's own order (stable: wishes, then score; optimal: score). */
  choice: number;
  /** French, for the advisor (and the employer: it reads nothing but scores and the allocation). */
  explanation: string;
}

export type UnassignedReason = 'no_eligible_vacancy' | 'outcompeted';
export type UnfilledReason = 'no_candidate' | 'not_chosen';

export interface UnassignedCandidate {
  id: string;
  reason: UnassignedReason;
  /** Eligible vacancies of the candidate in the batch. */
  eligible: number;
  explanation: string;
}

export interface UnfilledVacancy {
  id: string;
  /** Openings left unfilled. */
  open: number;
  openings: number;
  reason: UnfilledReason;
  /** Eligible candidates of the vacancy in the batch. */
  eligible: number;
  explanation: string;
}

export interface Allocation {
  method: 'optimal' | 'stable';
  multiPost: boolean;
  /** By candidate id, then by the candidate's order. */
  assignments: Assignment[];
  unassignedCandidates: UnassignedCandidate[];
  /** Vacancies with at least one opening left, in id order. */
  unfilledVacancies: UnfilledVacancy[];
  /** Sum of the assigned pairs' scores. */
  total: number;
  /** optimal: the optimum is proven (always with one post each; multiPost: unless the solver hit its time limit). stable: true. */
  proven: boolean;
  /** The size of the problem solved. */
  size: { candidates: number; vacancies: number; openings: number; pairs: number };
  versions: Versions;
}

const DEFAULT_TIME_LIMIT = 60;

/**
 * Allocates posts to candidates over the batch's eligible pairs (the vacancies' shortlists and the
 * candidates' best vacancies). `optimal`: the largest total score, capacities = openings, exact
 * (ties: the most assignments, then the flow's deterministic order). `stable`: candidate-proposing
 * deferred acceptance, candidates ranking by their `preferences` then score, vacancies by score,
 * ties by id. `multiPost`: a candidate takes one post, or several whose weekly hours sum within
 * weeklyHoursMax.
 *
 * @example
 * const batch = await engine.matchAll(candidates, vacancies, { perVacancy: 20, perCandidate: 5 });
 * const { assignments, unassignedCandidates, unfilledVacancies } = await allocate(batch, { method: 'optimal' });
 */
export async function allocate(batch: BatchView, options: AllocateOptions): Promise<Allocation> {
  const view = checkBatch(batch);
  const o = checkCallOptions(AllocateOptionsSchema, options ?? {});
  const g = eligibleGraph(view);
  const multiPost = o.multiPost ?? false;
  let held: Uint8Array;
  let proven = true;
  let list: Int32Array;
  if (o.method === 'stable') {
    list = preferenceLists(g, o.preferences);
    held = deferredAcceptance(g, list, multiPost);
  } else {
    if (o.preferences !== undefined) {
      throw new PasserelleInputError('options', [issue('contradictory', 'preferences', "les vœux ne s'appliquent qu'à la méthode stable")]);
    }
    list = scoreLists(g);
    const prices = new Float64Array(g.vacancyIds.length);
    const single = maxWeightBMatching(g, new Int32Array(g.candidateIds.length).fill(1), g.openings, prices);
    if (multiPost) {
      const r = await multiPostOptimal(g, single, prices, o.timeLimitSeconds ?? DEFAULT_TIME_LIMIT);
      held = r.held;
      proven = r.proven;
    } else held = single;
  }
  return describe(g, held, list, o.method, multiPost, proven);
}

/** Each candidate's pairs in score order (the graph's own order). */
function scoreLists(g: EligibleGraph): Int32Array {
  return Int32Array.from({ length: g.pairVacancy.length }, (_, p) => p);
}

/** Each candidate's pairs: the listed vacancies first, in the given order, then the others by score. */
function preferenceLists(g: EligibleGraph, preferences: Record<string, string[]> | undefined): Int32Array {
  const list = scoreLists(g);
  if (preferences === undefined) return list;
  const cIndex = new Map(g.candidateIds.map((id, i) => [id, i]));
  const vIndex = new Map(g.vacancyIds.map((id, i) => [id, i]));
  const issues: Issue[] = [];
  for (const [candidateId, wishes] of Object.entries(preferences)) {
    const path = `preferences[${JSON.stringify(candidateId)}]`;
    const c = cIndex.get(candidateId);
    if (c === undefined) {
      issues.push(issue('unknown_id', path, 'candidat·e absent·e du lot'));
      continue;
    }
    const rank = new Map<number, number>();
    wishes.forEach((vacancyId, k) => {
      const v = vIndex.get(vacancyId);
      if (v === undefined) issues.push(issue('unknown_id', `${path}[${k}]`, 'offre absente du lot'));
      else if (rank.has(v)) issues.push(issue('invalid', `${path}[${k}]`, 'offre déjà citée plus haut dans ces vœux'));
      else rank.set(v, k);
    });
    // Listed vacancies first (a wish that is not an eligible pair has nothing to rank), then the rest in score order.
    const group = list.subarray(g.cStart[c], g.cStart[c + 1]);
    const key = (p: number) => rank.get(g.pairVacancy[p]) ?? wishes.length;
    group.sort((a, b) => key(a) - key(b) || a - b);
  }
  if (issues.length > 0) throw new PasserelleInputError('options', issues);
  return list;
}

const score100 = (s: number) => `${formatNumber(s, 0)}/100`;
const posts = (n: number) => `${formatNumber(n, 0)} ${plural(n, 'poste', 'postes')}`;
const offers = (n: number) => `${formatNumber(n, 0)} ${plural(n, 'offre éligible', 'offres éligibles')}`;
const people = (n: number) => `${formatNumber(n, 0)} ${plural(n, 'candidat·e éligible', 'candidat·es éligibles')}`;

function describe(g: EligibleGraph, held: Uint8Array, list: Int32Array, method: 'optimal' | 'stable', multiPost: boolean, proven: boolean): Allocation {
  const { candidateIds, vacancyIds, cStart, pairVacancy, pairScore, vStart, openings, vacancyHours, candidateHoursMax } = g;
  const nC = candidateIds.length;
  const nV = vacancyIds.length;
  const assignments: Assignment[] = [];
  const unassignedCandidates: UnassignedCandidate[] = [];
  const filled = new Int32Array(nV);
  let total = 0;
  const stable = method === 'stable';
  for (let c = 0; c < nC; c++) {
    const n = cStart[c + 1] - cStart[c];
    const mine: { p: number; choice: number }[] = [];
    for (let k = cStart[c]; k < cStart[c + 1]; k++) if (held[list[k]] === 1) mine.push({ p: list[k], choice: k - cStart[c] + 1 });
    if (mine.length === 0) {
      const reason: UnassignedReason = n === 0 ? 'no_eligible_vacancy' : 'outcompeted';
      const explanation =
        n === 0
          ? 'Aucune affectation : aucune offre éligible parmi les paires du lot (listes des offres et meilleures offres de la personne).'
          : stable
            ? n === 1
              ? 'Aucune affectation : son offre éligible a retenu des candidat·es qu’elle classe avant (score plus élevé, ou égal et identifiant antérieur).'
              : `Aucune affectation : chacune de ses ${offers(n)} a retenu des candidat·es qu’elle classe avant (score plus élevé, ou égal et identifiant antérieur).`
            : n === 1
              ? 'Aucune affectation : son offre éligible est pourvue par d’autres candidat·es, et l’y affecter ne donnerait pas un score total plus élevé.'
              : `Aucune affectation : ses ${offers(n)} sont pourvues par d’autres candidat·es, et l’y affecter ne donnerait pas un score total plus élevé.`;
      unassignedCandidates.push({ id: candidateIds[c], reason, eligible: n, explanation });
      continue;
    }
    let hours = 0;
    for (const { p } of mine) hours += vacancyHours[pairVacancy[p]];
    const several = mine.length > 1
      ? ` Cumule ${posts(mine.length)} pour ${formatHours(hours)} par semaine (au plus ${formatHours(candidateHoursMax[c])} souhaitées).`
      : '';
    for (const { p, choice } of mine) {
      const v = pairVacancy[p];
      filled[v]++;
      total += pairScore[p];
      const head = choice === 1
        ? `Affecté·e à son premier choix (score ${score100(pairScore[p])})`
        : `Affecté·e à son choix n° ${choice} sur ${formatNumber(n, 0)} (score ${score100(pairScore[p])})`;
      const why = choice === 1
        ? stable ? ' ; classement : ses vœux d’abord, puis le score.' : ' ; c’est sa meilleure offre éligible par le score.'
        : stable
          ? ` : les offres qu’elle ou il classe avant (vœux d’abord, puis score) ont retenu des candidat·es mieux classé·es${multiPost ? ' ou ne tenaient pas dans ses heures' : ''}.`
          : ' : ses offres mieux classées reviennent à d’autres candidat·es, et cette répartition donne le plus grand score total.';
      assignments.push({ candidateId: candidateIds[c], vacancyId: vacancyIds[v], score: pairScore[p], choice, explanation: head + why + several });
    }
  }
  const unfilledVacancies: UnfilledVacancy[] = [];
  for (let v = 0; v < nV; v++) {
    const open = openings[v] - filled[v];
    if (open <= 0) continue;
    const n = vStart[v + 1] - vStart[v];
    const reason: UnfilledReason = n === 0 ? 'no_candidate' : 'not_chosen';
    const left = `${posts(open)} sur ${formatNumber(openings[v], 0)} non ${plural(open, 'pourvu', 'pourvus')}`;
    const who = n === 1 ? 'son unique candidat·e éligible' : `ses ${people(n)}`;
    const explanation =
      n === 0
        ? `${left} : aucun·e candidat·e éligible parmi les paires du lot.`
        : stable
          ? `${left} : ${who} ${n === 1 ? 'a' : 'ont'} obtenu des offres classées avant${multiPost ? ', ou n’a plus d’heures disponibles pour celle-ci' : ''}.`
          : `${left} : ${who} ${n === 1 ? 'est affecté·e' : 'sont affecté·es'} à d’autres offres, où le score total gagne davantage${multiPost ? ' (ou n’a plus d’heures disponibles)' : ''}.`;
    unfilledVacancies.push({ id: vacancyIds[v], open, openings: openings[v], reason, eligible: n, explanation });
  }
  let totalOpenings = 0;
  for (let v = 0; v < nV; v++) totalOpenings += openings[v];
  return {
    method, multiPost, assignments, unassignedCandidates, unfilledVacancies, total, proven,
    size: { candidates: nC, vacancies: nV, openings: totalOpenings, pairs: pairVacancy.length },
    versions: g.versions,
  };
}
