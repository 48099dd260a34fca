/**
 * The pure recommender as the package exports it (`recommendPathways(candidate, options, deps)`):
 * every argument read once and checked at the edge, as engine.recommendPathways does for its own.
 * Callbacks in `deps` are the caller's code: what they throw is passed on unchanged.
 */
import { PasserelleInputError, formatPath, issue } from '../errors.js';
import { readOptions } from '../validate/edge.js';
import { parseRecord } from '../validate/index.js';
import { referentialOption } from '../validate/parse.js';
import { RecommendOptionsSchema, checkCallOptions, targetKind } from '../engine/call-options.js';
import { parseSessions } from '../engine/pathways.js';
import { IsoDate } from '../schema/primitives.js';
import type { Candidate } from '../schema/candidate.js';
import type { NearMissTarget, Pathway, PathwayDeps, PathwayGoal, PathwayOptions, UnlockCounter } from './types.js';
import { recommendPathways as recommend } from './recommend.js';

const CALLBACKS = ['eligibleVacancies', 'vacancyById', 'demandByRome'] as const;
const DEPS_KEYS = new Set<string>(['referential', 'eligibleVacanciesSorted', 'unlocks', ...CALLBACKS]);

function depsError(path: string, rule: string): PasserelleInputError {
  return new PasserelleInputError('argument', [issue('invalid_type', path, rule)]);
}

function checkedDeps(value: unknown): PathwayDeps {
  const d = readOptions(value, { referential: 'keep', unlocks: 'keep', eligibleVacancies: 'keep', vacancyById: 'keep', demandByRome: 'keep' }, 'argument', 'deps');
  for (const k of Object.keys(d)) {
    if (!DEPS_KEYS.has(k)) throw new PasserelleInputError('argument', [issue('unrecognized_keys', formatPath(['deps', k]), 'dépendance inconnue')]);
  }
  if (d.referential === undefined) throw new PasserelleInputError('argument', [issue('required', 'deps.referential', 'champ obligatoire manquant')]);
  const deps: PathwayDeps = { referential: referentialOption(d.referential, 'deps.referential', 'argument') };
  for (const k of CALLBACKS) {
    if (d[k] === undefined) continue;
    if (typeof d[k] !== 'function') throw depsError(`deps.${k}`, 'une fonction attendue');
    (deps as unknown as Record<string, unknown>)[k] = d[k];
  }
  if (d.eligibleVacanciesSorted !== undefined) {
    if (typeof d.eligibleVacanciesSorted !== 'boolean') throw depsError('deps.eligibleVacanciesSorted', 'un booléen attendu');
    deps.eligibleVacanciesSorted = d.eligibleVacanciesSorted;
  }
  if (d.unlocks !== undefined) deps.unlocks = unlockCounter(d.unlocks);
  return deps;
}

/** `unlocks.count` and `unlocks.ids`, read once: the recommender calls the functions found here. */
function unlockCounter(value: unknown): UnlockCounter {
  let count: unknown;
  let ids: unknown;
  try {
    // Methods may live on a prototype (a class): read as properties, not own keys.
    ({ count, ids } = value as UnlockCounter);
  } catch {
    throw new PasserelleInputError('argument', [issue('unreadable', 'deps.unlocks', 'propriété illisible : sa lecture lève une exception')]);
  }
  if (typeof count !== 'function' || typeof ids !== 'function') throw depsError('deps.unlocks', 'un objet { count(gain), ids(gain) } attendu');
  return {
    count: (gain) => (count as UnlockCounter['count']).call(value, gain),
    ids: (gain) => (ids as UnlockCounter['ids']).call(value, gain),
  };
}

/**
 * Recommends training pathways toward a target, best first, from a candidate record (validated
 * against `deps.referential`), a reference date and optional sessions (validated as records).
 * @throws PasserelleInputError naming the argument and field: the candidate ('candidate'), a
 * session ('trainingSession'), `options` ('options'), `deps` ('argument').
 * @example
 * const pathways = recommendPathways(candidate, { target: 'J1501', today: '2026-11-23', sessions },
 *   { referential: defaultReferential });
 * pathways[0].summary; // "Vers le métier Aide-soignant (J1501) : cursus partiel DEAS (1435 h). …"
 */
export function recommendPathways(candidate: Candidate, options: PathwayOptions, deps: PathwayDeps): Pathway[] {
  const d = checkedDeps(deps);
  const c = parseRecord('candidate', candidate, d.referential);
  const o = checkCallOptions(RecommendOptionsSchema, options) as Record<string, unknown>;
  if (o.vacancies !== undefined) throw new PasserelleInputError('options', [issue('unrecognized_keys', 'vacancies', 'option de engine.recommendPathways seulement')]);
  if (o.today === undefined || !IsoDate.safeParse(o.today).success) {
    throw new PasserelleInputError('options', [issue('invalid_date', 'today', 'date calendaire AAAA-MM-JJ attendue')]);
  }
  let target: PathwayGoal | undefined;
  switch (targetKind(o.target)) {
    case 'none':
      break;
    case 'rome':
    case 'nearMiss':
      target = o.target as string | NearMissTarget;
      break;
    case 'vacancy':
      target = parseRecord('vacancy', o.target, d.referential);
  }
  const sessions = parseSessions(d.referential, o.sessions as unknown[] | undefined);
  return recommend(c, { target, sessions, today: o.today as string, limit: o.limit as number | undefined }, d);
}
