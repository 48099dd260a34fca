/**
 * What addresses a blocker for a whole group: the lift the explain layer offers for it pair by
 * pair (src/explain/blockers.ts: the licence step, an adaptation, FLE courses, a certification…)
 * and, for a category's group, the aids of the referential that this category opens among those
 * the pathways layer funds that lift with (src/pathways/funding.ts). Read from the referential:
 * nothing here decides a score.
 */
import type { Referential } from '../referential/types.js';
import type { Category } from '../schema/primitives.js';
import { LICENCE_SCHEMES, SCHEMES_BY_KIND } from '../pathways/funding.js';
import { andList, SCHEDULE_LABELS } from '../explain/labels.js';
import type { GroupCode } from './groups.js';

export interface GroupLift {
  code: string;
  message: string;
  /** Aids this group's category opens that fund the lift (empty for `none` and `all`). */
  aids: { code: string; label: string; verified: boolean }[];
}

/** "Permis B exigé" → "permis B exigé"; a leading acronym ("RQTH…") is kept. */
export const lowerFirst = (s: string) => (/^.[a-zà-ÿ’ ]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

const CERTIFICATION_SCHEMES: readonly string[] = [
  ...new Set([...SCHEMES_BY_KIND.training, ...SCHEMES_BY_KIND.vae, ...SCHEMES_BY_KIND.apprenticeship,
    ...SCHEMES_BY_KIND.professionalisation, ...SCHEMES_BY_KIND.poei]),
];

/** The lift of a blocker code and the schemes that may fund it; undefined when nothing lifts it. */
function liftOf(code: string, ref: Referential): { code: string; message: string; schemes: readonly string[] } | undefined {
  switch (code) {
    case 'driving_licence':
      return { code: 'PERMIS_B', message: 'Passer le permis B (étape de parcours)', schemes: LICENCE_SCHEMES };
    case 'vehicle':
      return { code: 'vehicle_provided', message: 'Un véhicule de service fourni par l’employeur', schemes: [] };
    // The candidate's own choices: the pair-level counterfactuals name the same changes.
    case 'commute':
      return { code: 'commute_15', message: 'Accepter un trajet plus long (le détail par candidat dit si 15 min de plus suffisent)', schemes: [] };
    case 'nights':
    case 'weekends':
    case 'split_shifts':
      return { code, message: `Accepter ${SCHEDULE_LABELS[code]}`, schemes: [] };
    case 'legal_certification':
    case 'required_certification':
      return { code: 'certification', message: 'Obtenir le diplôme exigé (formation, apprentissage ou VAE)', schemes: CERTIFICATION_SCHEMES };
    case 'french_level':
      return { code: 'FLE', message: 'Cours de français langue étrangère (FLE) jusqu’au niveau demandé', schemes: SCHEMES_BY_KIND.french };
    case 'restriction': {
      // The adaptations that lift some physical demand, and the aids that fund them; the FIPHFP
      // is the public employers' counterpart, as the pair-level explanation says.
      const adaptations = ref.adaptations.filter((a) => ref.physicalDemands.some((d) => d.liftedBy.includes(a.code)));
      if (adaptations.length === 0) return undefined;
      const aids = [...new Set([...adaptations.map((a) => a.aid), ...ref.physicalDemands.map((d) => d.aid)])]
        .filter((x): x is string => x !== undefined);
      return {
        code: 'adaptation',
        message: `Aménager le poste : ${andList(adaptations.map((a) => lowerFirst(a.label)))}`,
        schemes: aids.length > 0 ? [...aids, 'FIPHFP'] : [],
      };
    }
    default:
      return undefined;
  }
}

/**
 * Whether the referential says `category` opens `scheme`: the scheme's own public (as verified as
 * the scheme), else the category's `opens` list (unverified when the category marks it so).
 */
function opening(ref: Referential, category: Category, scheme: { eligibility: { categories?: Category[]; ageExceptions?: { category: Category }[] }; verified: boolean; code: string }): { verified: boolean } | undefined {
  const e = scheme.eligibility;
  if (e.categories?.includes(category) === true || e.ageExceptions?.some((x) => x.category === category) === true) {
    return { verified: scheme.verified };
  }
  const c = ref.categories.find((x) => x.code === category);
  if (c?.opens.includes(scheme.code) !== true) return undefined;
  return { verified: scheme.verified && c.verified && c.unverifiedFields?.includes('opens') !== true };
}

/** The lift of `blocker` for `group`, with the aids its category opens; undefined when none. */
export function groupLift(blocker: string, group: GroupCode, ref: Referential): GroupLift | undefined {
  const lift = liftOf(blocker, ref);
  if (lift === undefined) return undefined;
  const aids: GroupLift['aids'] = [];
  if (group !== 'none' && group !== 'all') {
    for (const code of lift.schemes) {
      const scheme = ref.funding.find((f) => f.code === code);
      const o = scheme === undefined ? undefined : opening(ref, group, scheme);
      if (scheme !== undefined && o !== undefined && !aids.some((a) => a.code === code)) {
        aids.push({ code, label: scheme.label, verified: o.verified });
      }
    }
  }
  return { code: lift.code, message: lift.message, aids };
}
