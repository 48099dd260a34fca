/**
 * Counterfactuals for one candidate: for each single change (a licence, accepting weekends,
 * 15 more minutes of commute, a certification…), the vacancies it would make eligible.
 */
import type { Candidate } from '../schema/candidate.js';
import { reachKm } from '../geo/travel.js';
import {
  B_COMMUTE, B_CONTRACT, B_FRENCH, B_LEGAL, B_LICENCE, B_REQUIRED, B_VEHICLE, SCHEDULE_TO_BLOCKER_SHIFT,
} from '../kernel/kernel.js';
import { F_NIGHTS, F_SPLIT, F_WEEKENDS } from '../encode/flags.js';
import { counterfactualLabel } from '../explain/index.js';
import { FRENCH_RANK } from '../scoring/model.js';
import type { Core } from '../core/core.js';
import type { VacancyStore } from '../core/indexes.js';
import { scanVacanciesForCandidate } from '../core/scan.js';
import { COMMUTE_EXTRA_MINUTES } from '../scoring/model.js';

export interface Counterfactual {
  change: { code: string; label: string };
  gained: number;
  vacancyIds: string[];
}

/** Levels a course can lead to (a mother tongue is not one). */
const FRENCH_LEVELS = (Object.keys(FRENCH_RANK) as (keyof typeof FRENCH_RANK)[]).filter((l) => l !== 'native');

/** Each change: the blockers it lifts (a vacancy is gained when these are all its blockers). */
const SIMPLE_CHANGES: { code: string; lifts: number; applies: (c: Candidate) => boolean }[] = [
  { code: 'driving_licence', lifts: B_LICENCE, applies: (c) => !c.mobility.drivingLicence },
  { code: 'vehicle', lifts: B_VEHICLE, applies: (c) => !c.mobility.vehicle },
  { code: 'nights', lifts: F_NIGHTS << SCHEDULE_TO_BLOCKER_SHIFT, applies: (c) => !c.schedule.nights },
  { code: 'weekends', lifts: F_WEEKENDS << SCHEDULE_TO_BLOCKER_SHIFT, applies: (c) => !c.schedule.weekends },
  { code: 'split_shifts', lifts: F_SPLIT << SCHEDULE_TO_BLOCKER_SHIFT, applies: (c) => !c.schedule.splitShifts },
];

export function computeCounterfactuals(core: Core, candidate: Candidate, vacancies: VacancyStore): Counterfactual[] {
  const { scratchCandidate, kernelFor, ctx } = core;
  const cols = scratchCandidate(candidate);
  const kernel = kernelFor(cols, vacancies.cols);
  const extraMax = candidate.mobility.maxMinutes + COMMUTE_EXTRA_MINUTES;
  const gained = new Map<string, string[]>();
  const add = (code: string, vi: number) => {
    const list = gained.get(code);
    if (list) list.push(vacancies.ids[vi]);
    else gained.set(code, [vacancies.ids[vi]]);
  };
  const simple = SIMPLE_CHANGES.filter((ch) => ch.applies(candidate));
  const accepted = new Set<string>(candidate.contracts);
  const own = candidate.frenchLevel === undefined ? 0 : FRENCH_RANK[candidate.frenchLevel];

  const { grid, overflow } = vacancies.grid();
  scanVacanciesForCandidate(kernel, grid, overflow, 0, reachKm(extraMax, candidate.mobility.modes), {
    top: null,
    near: null,
    visit: (vi, mask) => {
      if (mask === 0) return;
      const v = vacancies.records[vi];
      if ((mask & ~B_COMMUTE) === 0 && kernel.minutes <= extraMax) add('commute_15', vi);
      if ((mask & B_COMMUTE) !== 0) return;
      for (const ch of simple) if ((mask & ~ch.lifts) === 0) add(ch.code, vi);
      if (mask === B_CONTRACT && !accepted.has(v.contract.type)) add(`contract:${v.contract.type}`, vi);
      if ((mask & ~(B_LEGAL | B_REQUIRED)) === 0) {
        const legal = ctx.legalCerts[ctx.romeIndex.get(v.job.rome) ?? -1] ?? [];
        const required = v.requires.certifications ?? [];
        const candidates = new Set([...legal, ...required]);
        for (const code of candidates) {
          if ((mask & B_LEGAL) !== 0 && !legal.includes(code)) continue;
          if ((mask & B_REQUIRED) !== 0 && !required.includes(code)) continue;
          add(`certification:${code}`, vi);
        }
      }
      if (mask === B_FRENCH && v.requires.frenchLevel !== undefined) {
        const need = FRENCH_RANK[v.requires.frenchLevel];
        for (const level of FRENCH_LEVELS) if (FRENCH_RANK[level] >= need && FRENCH_RANK[level] > own) add(`french:${level}`, vi);
      }
    },
  });

  const codes = new Set<string>([...simple.map((c) => c.code), 'commute_15', ...gained.keys()]);
  const out: Counterfactual[] = [];
  for (const code of codes) {
    const ids = (gained.get(code) ?? []).sort();
    out.push({ change: { code, label: counterfactualLabel(code) }, gained: ids.length, vacancyIds: ids });
  }
  out.sort((a, b) => b.gained - a.gained || (a.change.code < b.change.code ? -1 : a.change.code > b.change.code ? 1 : 0));
  return out;
}
