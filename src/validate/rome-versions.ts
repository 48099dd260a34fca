/**
 * How a record's ROME codes are read (MODEL.md `romeVersion`, `job.appellation`): written once
 * here, used by the zod path (codes.ts, which reports issues) and the fast path (fast.ts, which
 * only needs the answer). A validated record always carries ROME v3 fiches, the codes scoring
 * reads; what it was given in ROME 4.0 is echoed in `job.rome4`.
 *
 * - v4 code → its v3 parent fiche (rome4-fiches).
 * - An appellation (OGR code) fixes both: its own v3 fiche decides, even where the parent of its
 *   ROME 4.0 fiche differs (10856 "Aide médico-psychologique": v3 K1301, ROME 4.0 K1306 whose parent
 *   is K1302); given with `job.rome`, the two must agree in the stated version.
 * - `job.rome4` (the echo a validated vacancy carries) may be sent back: it must agree too.
 */
import { rome4Appellations, rome4Fiches } from '../referential/rome/index.js';
import type { RomeVersion } from '../schema/primitives.js';
export type JobVocabulary = 'rome' | 'rome4' | 'appellation';

/** The v3 fiche a ROME 4.0 code is scored as, or `undefined` for a code that is not ROME 4.0. */
export function rome4Parent(code: string): string | undefined {
  return rome4Fiches().get(code)?.parent;
}

export interface JobCodes {
  /** The v3 fiche. */
  rome: string;
  /** The ROME 4.0 fiche, when the record gives it or its appellation fixes it. */
  rome4: string | undefined;
}

export interface JobRules {
  /** Whether `code` belongs to `vocabulary` ('rome': the v3 fiches of the referential); may report it. */
  known(vocabulary: JobVocabulary, code: string, path: string): boolean;
  /** Reports a rule broken; the message is built only when reported. */
  problem(code: 'contradictory', path: string, message: () => string): void;
}

export interface JobInput {
  rome?: string | undefined;
  romeVersion: RomeVersion;
  appellation?: string | undefined;
  rome4?: string | undefined;
}

/** A vacancy's job codes read in their version, or `undefined` when a rule fails (told to `rules`). */
export function readJobCodes(job: JobInput, rules: JobRules): JobCodes | undefined {
  const { rome, romeVersion, appellation } = job;
  let rome3: string | undefined;
  let rome4: string | undefined;
  let ok = true;
  if (rome !== undefined) {
    if (romeVersion === 'v3') {
      if (rules.known('rome', rome, 'job.rome')) rome3 = rome;
      else ok = false;
    } else if (rules.known('rome4', rome, 'job.rome')) {
      rome3 = rome4Parent(rome);
      rome4 = rome;
    } else ok = false;
  }
  if (appellation !== undefined) {
    if (!rules.known('appellation', appellation, 'job.appellation')) return undefined;
    const a = rome4Appellations().get(appellation)!;
    if (rome !== undefined && ok && (romeVersion === 'v3' ? a.rome3 : a.rome4) !== rome) {
      rules.problem('contradictory', 'job.appellation', () =>
        `l'appellation ${appellation} relève de la fiche ROME v3 ${a.rome3} (ROME 4.0 ${a.rome4}), ` +
        `pas de la fiche ${romeVersion === 'v3' ? 'ROME v3' : 'ROME 4.0'} ${rome} indiquée en job.rome`,
      );
      return undefined;
    }
    rome3 = a.rome3;
    rome4 = a.rome4;
  }
  if (!ok || rome3 === undefined) return undefined;
  const echo = job.rome4;
  if (echo !== undefined) {
    if (!rules.known('rome4', echo, 'job.rome4')) return undefined;
    const agrees = rome4 !== undefined ? echo === rome4 : rome4Parent(echo) === rome3;
    if (!agrees) {
      rules.problem('contradictory', 'job.rome4', () =>
        rome4 !== undefined
          ? `le code ROME 4.0 ${echo} ne correspond pas à ${rome4}, fixé par job.rome ou job.appellation`
          : `le code ROME 4.0 ${echo} ne descend pas de la fiche ROME v3 ${rome3}`,
      );
      return undefined;
    }
    rome4 = echo;
  }
  return { rome: rome3, rome4 };
}

/**
 * The validated job: `rome` the v3 fiche, `romeVersion` 'v3' (it says how to read `rome`), the
 * ROME 4.0 code in `rome4` when known. The input job itself when nothing changes.
 */
export function normalisedJob<J extends JobInput>(job: J, codes: JobCodes): J {
  if (job.romeVersion === 'v3' && job.rome === codes.rome && job.rome4 === codes.rome4) return job;
  const out = { ...job, rome: codes.rome, romeVersion: 'v3' as const };
  if (codes.rome4 !== undefined) out.rome4 = codes.rome4;
  return out;
}
