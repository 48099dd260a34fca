/**
 * ROME v3 open data (France Travail, Licence Ouverte / Etalab 2.0, September 2024): the 532 fiches
 * and their 11 061 official appellations. The data ships as compact strings and is parsed once, on
 * first use, so importing the package costs nothing until a title is resolved.
 */
import { FICHES_TSV } from './fiches.data.js';
import { APPELLATIONS_TSV } from './appellations.data.js';

export const ROME_VERSION = 'v3' as const;
/** Publication the data comes from. */
export const ROME_DATA_EDITION = '2024-09';

export interface RomeAppellation {
  /** France Travail appellation code, e.g. "11456". */
  code: string;
  /** ROME v3 fiche code, e.g. "K1302". */
  rome: string;
  /** Official label, e.g. "Auxiliaire de Vie Sociale -AVS-". */
  label: string;
}

let fiches: ReadonlyMap<string, string> | undefined;
let appellations: readonly RomeAppellation[] | undefined;

/** The 532 ROME v3 fiches: code → label. */
export function romeFiches(): ReadonlyMap<string, string> {
  if (!fiches) {
    const map = new Map<string, string>();
    for (const line of FICHES_TSV.split('\n')) {
      const tab = line.indexOf('\t');
      map.set(line.slice(0, tab), line.slice(tab + 1));
    }
    fiches = map;
  }
  return fiches;
}

/** The 11 061 official ROME v3 appellations, in file order. */
export function romeAppellations(): readonly RomeAppellation[] {
  if (!appellations) {
    const list: RomeAppellation[] = [];
    for (const line of APPELLATIONS_TSV.split('\n')) {
      const [code, rome, label] = line.split('\t');
      list.push(Object.freeze({ code, rome, label }));
    }
    appellations = Object.freeze(list);
  }
  return appellations;
}
