/**
 * ROME v3 open data (France Travail, Licence Ouverte / Etalab 2.0, September 2024): the 532 fiches
 * and their 11 061 official appellations; and the ROME 4.0 ↔ v3 crosswalk (ROME4.md). The data
 * ships as compact strings and is parsed once, on first use, so importing the package costs
 * nothing until a title is resolved or a ROME 4.0 code read.
 */
import { FICHES_TSV } from './fiches.data.js';
import { APPELLATIONS_TSV } from './appellations.data.js';
import { ROME4_APPELLATIONS_TSV, ROME4_FICHES_TSV, ROME4_SECTOR_LABELS_TSV } from './rome4.data.js';

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

/** ROME 4.0 release the crosswalk comes from (France Travail open-data export tag). */
export const ROME4_DATA_EDITION = 'v460';

export interface Rome4Fiche {
  /** ROME 4.0 fiche code, e.g. "K1311" (the same format as v3 codes, another meaning). */
  code: string;
  /** The ROME v3 fiche it descends from, e.g. "K1302". */
  parent: string;
  /** ROME 4.0 label, e.g. "Assistant / Assistante de vie aux familles". */
  label: string;
}

export interface Rome4Appellation {
  /** OGR appellation code, the same code space as RomeAppellation.code. */
  code: string;
  /** Its ROME 4.0 fiche. */
  rome4: string;
  /** Its own ROME v3 fiche: not always the parent of its ROME 4.0 fiche (the appellation moved). */
  rome3: string;
}

let fiches4: ReadonlyMap<string, Rome4Fiche> | undefined;
let appellations4: ReadonlyMap<string, Rome4Appellation> | undefined;

/** The 1 584 ROME 4.0 fiches (release v460): code → fiche. */
export function rome4Fiches(): ReadonlyMap<string, Rome4Fiche> {
  if (!fiches4) {
    const map = new Map<string, Rome4Fiche>();
    for (const line of ROME4_FICHES_TSV.split('\n')) {
      const [code, parent, label] = line.split('\t');
      map.set(code, Object.freeze({ code, parent, label }));
    }
    fiches4 = map;
  }
  return fiches4;
}

/** The 13 120 appellations of ROME 4.0 (release v460; a superset of the v3 ones): OGR code → codes. */
export function rome4Appellations(): ReadonlyMap<string, Rome4Appellation> {
  if (!appellations4) {
    const fiches = rome4Fiches();
    const map = new Map<string, Rome4Appellation>();
    let ogr = 0;
    for (const line of ROME4_APPELLATIONS_TSV.split('\n')) {
      const [step, rome4, rome3] = line.split('\t');
      ogr += Number(step);
      const code = String(ogr);
      map.set(code, Object.freeze({ code, rome4, rome3: rome3 ?? fiches.get(rome4)!.parent }));
    }
    appellations4 = map;
  }
  return appellations4;
}

/**
 * ROME 4.0 labels of the sector's appellations that are new or relabelled since v3 (OGR code →
 * label), e.g. 11255 "Assistant / Assistante de vie aux familles" (v3: "… de vie").
 */
export function rome4SectorLabels(): ReadonlyMap<string, string> {
  return new Map(ROME4_SECTOR_LABELS_TSV.split('\n').map((line) => line.split('\t') as [string, string]));
}
