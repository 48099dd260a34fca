/**
 * Seeded synthetic territory: candidates, vacancies and training sessions over real French
 * communes. Distributions and the reason for each are in bench/WORKLOAD.md; every record passes
 * the input schemas and uses MODEL.md's canonical codes.
 *
 * Speed matters (600 000 × 120 000 in a few seconds): every distribution is a precomputed
 * cumulative table, dates come from a cache of ISO strings, and nothing is parsed per record.
 */
import type { CandidateInput, VacancyInput, TrainingSessionInput } from '../src/schema/index.js';
import type {
  ContractType, FrenchLevel, FundingCode, Mode, StructureKind, StructurePublic, StructureStatus, TrainingAccess, Category,
  Status,
} from '../src/schema/index.js';
import { type Commune, communesOf, loadCommunes } from './geo/index.js';
import { type Rng, type WeightedTable, chance, int, mulberry32, normal, pick, pickWeighted, sample, table, weighted } from './rng.js';

export type Scope = { departement: string } | 'france';

export interface TerritoryOptions {
  seed: number;
  scope: Scope;
  candidates: number;
  vacancies: number;
  sessions: number;
  /** Reference date for availability, start dates and sessions (default '2026-11-23'). */
  today?: string;
  /**
   * Candidates' mobility: `usual` (the table in WORKLOAD.md) or `car45`, the dense variant where
   * most candidates drive and accept 45 minutes (more pairs in reach, weaker pruning).
   */
  mobility?: Mobility;
}

export type Mobility = 'usual' | 'car45';

export interface Territory {
  candidates: CandidateInput[];
  vacancies: VacancyInput[];
  sessions: TrainingSessionInput[];
  /** The communes the territory was drawn from. */
  communes: Commune[];
}

/** The three named workloads used by benchmarks, tests and the demo. */
export const WORKLOADS = {
  departement: { seed: 61, scope: { departement: '61' }, candidates: 20_000, vacancies: 2_000, sessions: 200 },
  france: { seed: 2026, scope: 'france', candidates: 600_000, vacancies: 120_000, sessions: 3_000 },
  departementCar45: { seed: 61, scope: { departement: '61' }, candidates: 20_000, vacancies: 2_000, sessions: 200, mobility: 'car45' },
  franceCar45: { seed: 2026, scope: 'france', candidates: 600_000, vacancies: 120_000, sessions: 3_000, mobility: 'car45' },
  demo: { seed: 7, scope: { departement: '61' }, candidates: 400, vacancies: 60, sessions: 40 },
} as const satisfies Record<string, TerritoryOptions>;

export const DEFAULT_TODAY = '2026-11-23';

// ---------------------------------------------------------------------------------------------
// Dates: ISO strings by day offset from `today`, built once per offset.

class Days {
  private readonly base: number;
  private readonly cache = new Map<number, string>();
  readonly year: number;
  constructor(today: string) {
    this.base = Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1, Number(today.slice(8, 10)));
    if (Number.isNaN(this.base)) throw new Error(`invalid today: ${today}`);
    this.year = new Date(this.base).getUTCFullYear();
  }
  at(offset: number): string {
    let s = this.cache.get(offset);
    if (s === undefined) {
      s = new Date(this.base + offset * 86_400_000).toISOString().slice(0, 10);
      this.cache.set(offset, s);
    }
    return s;
  }
}

// ---------------------------------------------------------------------------------------------
// Places

const KM_PER_DEG = 111.32;
const JITTER_KM = 2;

interface Geo {
  communes: Commune[];
  cosLat: Float64Array;
  /** All communes by population: homes, particuliers employeurs. */
  homes: WeightedTable<number>;
  /** Communes of ≥ 1 000 inhabitants by population: establishments (towns and large bourgs). */
  towns: WeightedTable<number>;
  /** Communes of ≥ 10 000 inhabitants (or the 3 largest): IFAS and big training centres. */
  cities: WeightedTable<number>;
}

function buildGeo(communes: Commune[]): Geo {
  if (communes.length === 0) throw new Error('no commune in this scope');
  const idx = communes.map((_, i) => i);
  const pop = communes.map((c) => Math.max(1, c.population));
  const cosLat = new Float64Array(communes.length);
  for (let i = 0; i < communes.length; i++) cosLat[i] = Math.cos((communes[i].lat * Math.PI) / 180);
  const above = (min: number, fallback: number) => {
    let kept = idx.filter((i) => communes[i].population >= min);
    if (kept.length < fallback) kept = idx.slice().sort((a, b) => pop[b] - pop[a]).slice(0, fallback);
    return weighted(kept, kept.map((i) => pop[i]));
  };
  return { communes, cosLat, homes: weighted(idx, pop), towns: above(1_000, 10), cities: above(10_000, 3) };
}

/** A point uniformly spread within JITTER_KM of the commune's centroid. */
function place(rng: Rng, geo: Geo, i: number): { lat: number; lon: number; communeCode: string } {
  const c = geo.communes[i];
  const r = JITTER_KM * Math.sqrt(rng());
  const a = 2 * Math.PI * rng();
  return {
    lat: round5(c.lat + (r * Math.cos(a)) / KM_PER_DEG),
    lon: round5(c.lon + (r * Math.sin(a)) / (KM_PER_DEG * geo.cosLat[i])),
    communeCode: c.code,
  };
}

function round5(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}

// ---------------------------------------------------------------------------------------------
// Vacancies

type Rome = 'K1302' | 'J1501' | 'J1301' | 'K1301' | 'K1304' | 'J1506' | 'J1304' | 'K1207' | 'K1305' | 'G1602' | 'K1206';

const JOBS = table<Rome>([
  ['K1302', 35], ['J1501', 25], ['J1301', 12], ['K1301', 10], ['K1304', 5], ['J1506', 5],
  ['J1304', 2], ['K1207', 2], ['K1305', 1.5], ['G1602', 1.5], ['K1206', 1],
]);

const KINDS: Record<Rome, WeightedTable<StructureKind>> = {
  K1302: table([['SAD', 80], ['PARTICULIER', 20]]),
  K1304: table([['SAD', 65], ['PARTICULIER', 35]]),
  J1501: table([['EHPAD', 60], ['SAD', 15], ['USLD', 8], ['MAS', 9], ['FAM', 8]]),
  J1301: table([['EHPAD', 65], ['RESIDENCE_AUTONOMIE', 10], ['MAS', 8], ['FAM', 7], ['USLD', 5], ['FOYER_VIE', 5]]),
  K1301: table([['MAS', 20], ['FAM', 20], ['FOYER_VIE', 15], ['IME', 15], ['EHPAD', 15], ['FOYER_HEBERGEMENT', 5], ['SAVS', 5], ['SAMSAH', 5]]),
  J1506: table([['EHPAD', 50], ['SAD', 20], ['MAS', 10], ['FAM', 10], ['USLD', 10]]),
  J1304: table([['IME', 50], ['MECS', 40], ['AUTRE', 10]]),
  K1207: table([['IME', 30], ['MECS', 25], ['FOYER_HEBERGEMENT', 15], ['ESAT', 10], ['SESSAD', 10], ['SAVS', 10]]),
  K1305: table([['SAD', 70], ['MECS', 30]]),
  G1602: table([['EHPAD', 60], ['MAS', 15], ['IME', 15], ['FOYER_VIE', 10]]),
  K1206: table([['EHPAD', 70], ['RESIDENCE_AUTONOMIE', 20], ['FOYER_VIE', 10]]),
};

const PUBLIC_OF: Record<StructureKind, WeightedTable<StructurePublic>> = (() => {
  const pa = table<StructurePublic>([['personnes_agees', 1]]);
  const h = table<StructurePublic>([['handicap', 1]]);
  return {
    SAD: table([['personnes_agees', 60], ['mixte', 40]]),
    PARTICULIER: table([['personnes_agees', 80], ['handicap', 10], ['mixte', 10]]),
    EHPAD: pa, RESIDENCE_AUTONOMIE: pa, USLD: pa,
    MAS: h, FAM: h, FOYER_VIE: h, FOYER_HEBERGEMENT: h, ESAT: h, IME: h, SESSAD: h, SAVS: h, SAMSAH: h,
    MECS: table([['enfance', 1]]),
    AUTRE: table([['mixte', 1]]),
  };
})();

const STATUS_OF: Record<StructureKind, WeightedTable<StructureStatus>> = (() => {
  const esms = table<StructureStatus>([['prive_non_lucratif', 85], ['public', 15]]);
  return {
    EHPAD: table([['public', 45], ['prive_non_lucratif', 30], ['prive_lucratif', 25]]),
    SAD: table([['prive_non_lucratif', 45], ['prive_lucratif', 40], ['public', 15]]),
    PARTICULIER: table([['particulier_employeur', 1]]),
    USLD: table([['public', 90], ['prive_non_lucratif', 10]]),
    RESIDENCE_AUTONOMIE: table([['public', 65], ['prive_non_lucratif', 25], ['prive_lucratif', 10]]),
    MAS: esms, FAM: esms, FOYER_VIE: esms, FOYER_HEBERGEMENT: esms, ESAT: esms, IME: esms, SESSAD: esms, SAVS: esms,
    SAMSAH: esms, MECS: esms,
    AUTRE: table([['prive_non_lucratif', 50], ['prive_lucratif', 30], ['public', 20]]),
  };
})();

const TITLES: Record<Rome, readonly string[]> = {
  K1302: ['Auxiliaire de vie (H/F)', 'Aide à domicile', 'Assistant(e) de vie', 'Auxiliaire de vie sociale'],
  K1304: ['Aide ménagère', 'Employé(e) familial(e)', 'Agent à domicile'],
  J1501: ['Aide-soignant(e)', 'Aide-soignant(e) de nuit', 'AS en EHPAD'],
  J1301: ['Agent de service hospitalier (ASH)', 'ASH', 'Agent hôtelier'],
  K1301: ['Accompagnant(e) éducatif et social', 'AES', 'AMP / AES'],
  J1506: ['Infirmier(e) diplômé(e) d\'État', 'IDE', 'IDE de nuit'],
  J1304: ['Auxiliaire de puériculture'],
  K1207: ['Moniteur(trice) éducateur(trice)', 'Éducateur(trice) spécialisé(e)'],
  K1305: ['TISF'],
  G1602: ['Cuisinier(ère) en collectivité', 'Commis de cuisine'],
  K1206: ['Animateur(trice) en gérontologie'],
};

/** Skills an ad may prefer, by job (MODEL.md's vocabulary). */
const JOB_SKILLS: Record<Rome, readonly string[]> = {
  K1302: ['toilette', 'lever_coucher', 'transferts', 'repas', 'aide_medicaments', 'entretien_logement', 'courses', 'alzheimer', 'transmissions'],
  K1304: ['entretien_logement', 'linge', 'courses', 'cuisine', 'repas'],
  J1501: ['toilette', 'transferts', 'alzheimer', 'soins_palliatifs', 'transmissions', 'textures_modifiees'],
  J1301: ['bionettoyage', 'linge', 'repas', 'textures_modifiees', 'entretien_logement'],
  K1301: ['toilette', 'transferts', 'handicap_psychique', 'handicap_moteur', 'autisme', 'polyhandicap', 'animation'],
  J1506: ['soins_palliatifs', 'alzheimer', 'transmissions', 'premiers_secours'],
  J1304: ['petite_enfance', 'premiers_secours'],
  K1207: ['autisme', 'handicap_psychique', 'animation', 'lsf'],
  K1305: ['petite_enfance', 'entretien_logement', 'repas', 'courses'],
  G1602: ['cuisine', 'textures_modifiees'],
  K1206: ['animation', 'alzheimer'],
};

/** Probability that the post works nights, by job (AS de nuit, surveillant de nuit…). */
const NIGHTS: Record<Rome, number> = {
  K1302: 0.05, K1304: 0, J1501: 0.15, J1301: 0.03, K1301: 0.1, J1506: 0.1, J1304: 0.05, K1207: 0.05, K1305: 0,
  G1602: 0, K1206: 0,
};
const WEEKENDS: Record<Rome, number> = {
  K1302: 0.7, K1304: 0.3, J1501: 0.85, J1301: 0.75, K1301: 0.75, J1506: 0.8, J1304: 0.4, K1207: 0.6, K1305: 0.2,
  G1602: 0.7, K1206: 0.3,
};

const CONTRACTS = table<ContractType>([
  ['CDI', 55], ['CDD', 30], ['INTERIM', 5], ['APPRENTISSAGE', 4], ['PROFESSIONNALISATION', 2], ['PEC', 2], ['VACATION', 2],
]);
const OPENINGS = table([[1, 75], [2, 18], [3, 7]]);
const ESTABLISHMENT_HOURS = table([[35, 60], [28, 10], [30, 15], [32, 10], [34, 5]]);

interface Structure {
  employerId: string;
  kind: StructureKind;
  public: StructurePublic;
  status: StructureStatus | undefined;
  site: { lat: number; lon: number; communeCode: string };
  radiusKm: number | undefined;
  liftEquipment: boolean;
}

function isHomeCare(kind: StructureKind): boolean {
  return kind === 'SAD' || kind === 'PARTICULIER';
}

function newStructure(rng: Rng, geo: Geo, kind: StructureKind, n: number): Structure {
  // Particuliers employ at their own home; agencies and establishments sit in towns and bourgs.
  const ci = pickWeighted(rng, kind === 'PARTICULIER' ? geo.homes : geo.towns);
  const pop = geo.communes[ci].population;
  return {
    employerId: `e${n}`,
    kind,
    public: pickWeighted(rng, PUBLIC_OF[kind]),
    status: kind === 'PARTICULIER' || chance(rng, 0.95) ? pickWeighted(rng, STATUS_OF[kind]) : undefined,
    site: place(rng, geo, ci),
    // A rural agency covers a wider area than a town one.
    radiusKm: kind === 'SAD' ? (pop >= 10_000 ? int(rng, 10, 15) : int(rng, 15, 25)) : undefined,
    liftEquipment: !isHomeCare(kind) && chance(rng, 0.4),
  };
}

function vacancy(rng: Rng, geo: Geo, days: Days, i: number, pools: Map<StructureKind, Structure[]>, counter: { n: number }): VacancyInput {
  const rome = pickWeighted(rng, JOBS);
  const kind = pickWeighted(rng, KINDS[rome]);
  let pool = pools.get(kind);
  if (!pool) pools.set(kind, (pool = []));
  // Employers post several ads: 60 % of ads reuse an existing structure of the same kind.
  let s: Structure;
  if (pool.length > 0 && kind !== 'PARTICULIER' && chance(rng, 0.6)) s = pick(rng, pool);
  else {
    s = newStructure(rng, geo, kind, counter.n++);
    pool.push(s);
  }
  const home = isHomeCare(kind);
  const nonMarket = s.status === 'public' || s.status === 'prive_non_lucratif';

  const requires: NonNullable<VacancyInput['requires']> = {};
  const prefers: NonNullable<VacancyInput['prefers']> = {};
  let acceptsInTraining: boolean | undefined;
  let vehicleProvided: boolean | undefined;

  // Legally regulated jobs (REFERENCE.md §1.2, LEGAL): the diploma is a hard requirement.
  if (rome === 'J1501') {
    requires.certifications = ['DEAS'];
    if (chance(rng, 0.2)) acceptsInTraining = true;
  } else if (rome === 'J1506') requires.certifications = ['DEI'];
  else if (rome === 'J1304') {
    requires.certifications = ['DEAP'];
    if (chance(rng, 0.15)) acceptsInTraining = true;
  } else if (rome === 'K1301') {
    // CONV: many employers demand the DEAES, others only prefer it.
    if (chance(rng, 0.35)) {
      requires.certifications = ['DEAES'];
      if (chance(rng, 0.4)) acceptsInTraining = true;
    } else prefers.certifications = ['DEAES'];
  } else if (rome === 'K1207') {
    if (chance(rng, 0.5)) requires.certifications = ['DEME', 'DEES'];
    else prefers.certifications = ['DEME', 'DEES'];
  } else if (rome === 'K1305') {
    if (chance(rng, 0.5)) requires.certifications = ['DETISF'];
    else prefers.certifications = ['DETISF'];
  } else if (rome === 'K1302') {
    if (chance(rng, 0.6)) prefers.certifications = ['DEAES', 'TP_ADVF', 'ASSISTANT_VIE_DEPENDANCE'];
    if (chance(rng, 0.1)) acceptsInTraining = true;
  } else if (rome === 'K1304') {
    if (chance(rng, 0.3)) prefers.certifications = ['EMPLOYE_FAMILIAL', 'TP_ADVF'];
  } else if (rome === 'J1301') {
    if (chance(rng, 0.4)) prefers.certifications = ['TP_ASMS'];
  }

  if (kind === 'SAD') {
    // Home visits by car: own vehicle 50 %, service car 20 %, the licence goes with both (70 %).
    const u = rng();
    if (u < 0.5) {
      requires.drivingLicence = true;
      requires.vehicle = true;
    } else if (u < 0.7) {
      requires.drivingLicence = true;
      vehicleProvided = true;
    }
  } else if (kind === 'PARTICULIER') {
    if (chance(rng, 0.25)) requires.drivingLicence = true;
    if (requires.drivingLicence && chance(rng, 0.4)) requires.vehicle = true;
  }
  if (home && chance(rng, 0.04)) requires.frenchLevel = 'B1';
  if (chance(rng, 0.1)) requires.experienceMonths = pick(rng, [6, 12] as const);
  else if (chance(rng, 0.3)) prefers.experienceMonths = pick(rng, [6, 12, 24] as const);
  if (chance(rng, 0.6)) prefers.skills = sample(rng, JOB_SKILLS[rome], int(rng, 1, 3));

  let type = pickWeighted(rng, CONTRACTS);
  if (type === 'PEC' && !nonMarket) type = 'CDI'; // PEC is for non-market employers only
  if (kind === 'PARTICULIER' && (type === 'APPRENTISSAGE' || type === 'PROFESSIONNALISATION' || type === 'INTERIM')) type = 'CDI';
  const startOffset = int(rng, 0, 90);
  const contract: VacancyInput['contract'] = {
    type,
    weeklyHours:
      type === 'APPRENTISSAGE' || type === 'PROFESSIONNALISATION'
        ? 35
        : home
          ? chance(rng, 0.15) ? 35 : int(rng, 20, 30)
          : pickWeighted(rng, ESTABLISHMENT_HOURS),
    startDate: days.at(startOffset),
  };
  if (type === 'CDD') contract.endDate = days.at(startOffset + int(rng, 30, 180));
  else if (type === 'APPRENTISSAGE') contract.endDate = days.at(startOffset + pick(rng, [365, 548, 730] as const));

  const nights = chance(rng, NIGHTS[rome]);
  const schedule = {
    nights,
    weekends: chance(rng, WEEKENDS[rome]),
    splitShifts: home ? chance(rng, 0.6) : chance(rng, 0.1),
  };

  const demands: string[] = [];
  const care = rome === 'K1302' || rome === 'J1501' || rome === 'K1301';
  if (care && chance(rng, 0.7)) demands.push('transfers');
  if ((care || rome === 'J1301' || rome === 'G1602') && chance(rng, 0.3)) demands.push('heavy_lifting');
  if ((rome === 'J1301' || rome === 'G1602' || rome === 'J1501' || rome === 'J1506') && chance(rng, 0.5)) demands.push('prolonged_standing');
  if ((rome === 'J1301' || rome === 'K1304') && chance(rng, 0.6)) demands.push('chemical_products');
  if (nights) demands.push('night_work');
  if (requires.vehicle || vehicleProvided) demands.push('driving');

  const adaptations: string[] = [];
  if (s.liftEquipment || (home && chance(rng, 0.1))) adaptations.push('lift_equipment');
  if (demands.includes('chemical_products') && chance(rng, 0.6)) adaptations.push('protective_equipment');
  if (!home && chance(rng, 0.05)) adaptations.push('seated_workstation');

  const v: VacancyInput = {
    id: `v${i}`,
    employerId: s.employerId,
    structure: s.status === undefined ? { kind, public: s.public } : { kind, public: s.public, status: s.status },
    job: chance(rng, 0.5) ? { rome, title: pick(rng, TITLES[rome]) } : { rome },
    site: s.site,
    requires,
    prefers,
    contract,
    schedule,
    openings: pickWeighted(rng, OPENINGS),
  };
  if (s.radiusKm !== undefined) v.interventionRadiusKm = s.radiusKm;
  if (vehicleProvided) v.vehicleProvided = true;
  if (acceptsInTraining) v.acceptsInTraining = true;
  if (demands.length > 0) v.physicalDemands = demands;
  if (adaptations.length > 0) v.adaptations = adaptations;
  if (chance(rng, 0.3)) v.accessibleTH = true;
  if (requires.certifications === undefined && chance(rng, 0.35)) v.trainsNewcomers = true;
  return v;
}

// ---------------------------------------------------------------------------------------------
// Candidates

interface Profile {
  /** Main certification held, or '' for none. */
  cert: string;
  /** Jobs such a person usually seeks. */
  jobs: WeightedTable<Rome>;
  /** Year range in which the certification could have been obtained. */
  from: number;
  to: number;
  /** Bloc codes for a partial holding. */
  blocks?: readonly string[];
}

const NOW_YEAR = 2026;
/** Typical exam-session dates (month-day) for an obtainedOn. */
const SESSION_ENDS = ['03-15', '06-30', '07-10', '10-20', '12-15'] as const;
const PROFILES = weighted<Profile>(
  [
    { cert: '', jobs: table([['K1302', 45], ['J1301', 25], ['K1304', 20], ['G1602', 5], ['K1206', 5]]), from: 0, to: 0 },
    { cert: 'DEAES', jobs: table([['K1301', 50], ['K1302', 45], ['K1206', 5]]), from: 2017, to: NOW_YEAR, blocks: ['DEAES_B1', 'DEAES_B2', 'DEAES_B3', 'DEAES_B4', 'DEAES_B5'] },
    { cert: 'TP_ADVF', jobs: table([['K1302', 75], ['K1304', 20], ['J1301', 5]]), from: 2005, to: NOW_YEAR, blocks: ['TP_ADVF_CCP1', 'TP_ADVF_CCP2', 'TP_ADVF_CCP3'] },
    { cert: 'DEAS', jobs: table([['J1501', 90], ['K1302', 10]]), from: 1995, to: NOW_YEAR, blocks: ['DEAS_B1', 'DEAS_B2', 'DEAS_B3', 'DEAS_B4', 'DEAS_B5'] },
    { cert: 'DEAVS', jobs: table([['K1302', 85], ['K1301', 15]]), from: 2002, to: 2016 },
    { cert: 'MCAD', jobs: table([['K1302', 90], ['K1304', 10]]), from: 2000, to: 2024 },
    { cert: 'DEAMP', jobs: table([['K1301', 80], ['K1302', 20]]), from: 1995, to: 2016 },
    { cert: 'TP_ASMS', jobs: table([['J1301', 85], ['K1302', 15]]), from: 2021, to: NOW_YEAR, blocks: ['TP_ASMS_CCP1', 'TP_ASMS_CCP2', 'TP_ASMS_CCP3'] },
    { cert: 'BAC_PRO_ASSP', jobs: table([['K1302', 40], ['J1301', 30], ['K1301', 30]]), from: 2012, to: NOW_YEAR },
    { cert: 'ASSISTANT_VIE_DEPENDANCE', jobs: table([['K1302', 100]]), from: 2010, to: NOW_YEAR },
    { cert: 'EMPLOYE_FAMILIAL', jobs: table([['K1304', 100]]), from: 2010, to: NOW_YEAR },
    { cert: 'CAP_AEPE', jobs: table([['J1304', 40], ['K1305', 30], ['K1302', 30]]), from: 2017, to: NOW_YEAR },
    { cert: 'DEAP', jobs: table([['J1304', 100]]), from: 1995, to: NOW_YEAR },
    { cert: 'DEI', jobs: table([['J1506', 100]]), from: 1990, to: NOW_YEAR },
    { cert: 'DEME', jobs: table([['K1207', 100]]), from: 1995, to: NOW_YEAR },
    { cert: 'DEES', jobs: table([['K1207', 100]]), from: 1995, to: NOW_YEAR },
    { cert: 'DETISF', jobs: table([['K1305', 100]]), from: 1999, to: NOW_YEAR },
  ],
  [30, 12, 10, 14, 5, 3, 4, 5, 5, 2, 1, 2, 2, 2, 1, 0.5, 0.5],
);

/** Certifications people train toward, with a typical remaining time in days. */
const IN_TRAINING = table<readonly [string, number, number]>([
  [['DEAS', 60, 330], 35], [['DEAES', 60, 400], 30], [['TP_ADVF', 30, 240], 25], [['TP_ASMS', 30, 150], 10],
]);

const FRENCH = table<FrenchLevel | undefined>([
  ['native', 78], ['C2', 1], ['C1', 3], ['B2', 6], ['B1', 5], ['A2', 3], ['A1', 1], [undefined, 3],
]);
const MAX_MINUTES = table([[15, 10], [20, 15], [25, 10], [30, 30], [40, 10], [45, 15], [60, 10]]);
const STATUS = table<Status | undefined>([['demandeur_emploi', 62], ['salarie', 20], ['etudiant', 5], ['inactif', 8], [undefined, 5]]);
const RESTRICTIONS = table([
  ['no_heavy_lifting', 60], ['no_prolonged_standing', 20], ['no_night_work', 15], ['no_driving', 3], ['no_chemical_products', 2],
]);
const SECTORS = table<readonly ('domicile' | 'etablissement')[]>([[['domicile'], 50], [['etablissement'], 50]]);
const PUBLICS = table<readonly ('personnes_agees' | 'handicap' | 'enfance')[]>([
  [['personnes_agees'], 55], [['handicap'], 30], [['enfance'], 10], [['personnes_agees', 'handicap'], 5],
]);
const ALL_SKILLS = [
  'toilette', 'lever_coucher', 'transferts', 'repas', 'textures_modifiees', 'aide_medicaments', 'entretien_logement', 'linge',
  'courses', 'bionettoyage', 'cuisine', 'animation', 'alzheimer', 'soins_palliatifs', 'handicap_psychique', 'handicap_moteur',
  'autisme', 'polyhandicap', 'petite_enfance', 'lsf', 'premiers_secours', 'transmissions',
] as const;
const HOME_JOBS = new Set<Rome>(['K1302', 'K1304', 'K1305']);

/** The car45 variant's drivers accept 45 minutes; everyone else keeps the drawn limit. */
function maxMinutesOf(drawn: number, driverOfCar45: boolean): number {
  return driverOfCar45 ? 45 : drawn;
}

function candidate(rng: Rng, geo: Geo, days: Days, i: number, mobility: Mobility): CandidateInput {
  const ci = pickWeighted(rng, geo.homes);
  const commune = geo.communes[ci];
  const town = commune.population >= 10_000;
  const rural = commune.population < 2_000;
  const profile = pickWeighted(rng, PROFILES);

  const age = Math.max(18, Math.min(66, Math.round(normal(rng, 40, 12))));
  const birthYear = days.year - age;

  const qualifications: CandidateInput['qualifications'] = [];
  if (profile.cert !== '') {
    const q: CandidateInput['qualifications'][number] = { code: profile.cert };
    const latest = Math.min(profile.to, days.year - 1);
    const earliest = Math.max(profile.from, birthYear + 18);
    if (earliest <= latest && chance(rng, 0.7)) q.obtainedOn = `${int(rng, earliest, latest)}-${pick(rng, SESSION_ENDS)}`;
    // Partial holders: a few blocs validated (VAE, failed final exam…).
    if (profile.blocks && chance(rng, 0.08)) q.blocks = profile.blocks.slice(0, int(rng, 1, profile.blocks.length - 1));
    qualifications.push(q);
    if ((profile.cert === 'DEAS' || profile.cert === 'DEAMP' || profile.cert === 'DEAES') && chance(rng, 0.1)) qualifications.push({ code: 'ASG' });
  }
  if (chance(rng, 0.1)) qualifications.push({ code: 'SST' });
  if ((profile.cert === 'DEAS' || profile.cert === 'DEAES' || profile.cert === 'DEI') && chance(rng, 0.3)) qualifications.push({ code: 'AFGSU2' });

  const jobs: Rome[] = [];
  if (!chance(rng, 0.15)) {
    const n = int(rng, 1, 3);
    for (let k = 0; k < n; k++) {
      const j = pickWeighted(rng, profile.jobs);
      if (!jobs.includes(j)) jobs.push(j);
    }
  }

  const experience: CandidateInput['experience'] = [];
  if (!chance(rng, 0.3)) {
    const n = chance(rng, 0.3) ? 2 : 1;
    for (let k = 0; k < n; k++) {
      const rome = jobs.length > 0 ? pick(rng, jobs) : pickWeighted(rng, profile.jobs);
      // Long tail: most have a few years, some decades.
      const months = Math.min(480, Math.max(1, Math.round(Math.exp(normal(rng, 3.2, 1.1)))));
      const e: CandidateInput['experience'][number] = { rome, months, domicile: HOME_JOBS.has(rome) };
      if (chance(rng, 0.4)) e.lastEndedOn = days.at(-int(rng, 0, 1500));
      experience.push(e);
    }
  }

  // car45 draws the same values in the same order, so only mobility differs from the usual workload.
  const car45 = mobility === 'car45';
  const licence = chance(rng, car45 ? 0.9 : 0.7);
  const vehicle = licence && chance(rng, car45 ? 0.85 / 0.9 : 0.55 / 0.7);
  const modes: Mode[] = [];
  if (vehicle) modes.push('car');
  if (chance(rng, town ? 0.7 : rural ? 0.15 : 0.35)) modes.push('transit');
  if (chance(rng, 0.03)) modes.push('motorbike');
  if (chance(rng, 0.2)) modes.push('bike');
  if (modes.length === 0 || chance(rng, 0.3)) modes.push('walk');

  const fullTime = chance(rng, 0.45);
  const hoursMax = fullTime ? 35 : int(rng, 20, 30);
  const hoursMin = fullTime ? int(rng, 24, 35) : int(rng, 8, Math.min(20, hoursMax));

  const contracts: ContractType[] = [];
  if (chance(rng, 0.9)) contracts.push('CDI');
  if (chance(rng, 0.7)) contracts.push('CDD');
  if (chance(rng, 0.25)) contracts.push('INTERIM');
  if (age < 30 && chance(rng, 0.3)) contracts.push('APPRENTISSAGE');
  if (chance(rng, 0.05)) contracts.push('PROFESSIONNALISATION');
  if (chance(rng, 0.1)) contracts.push('PEC');
  if (chance(rng, 0.1)) contracts.push('VACATION');
  if (contracts.length === 0) contracts.push('CDI');

  const status = pickWeighted(rng, STATUS);
  const restriction = chance(rng, 0.05) ? pickWeighted(rng, RESTRICTIONS) : undefined;

  const categories: Category[] = [];
  if (status === 'demandeur_emploi' && chance(rng, 0.18)) categories.push('RSA');
  if (chance(rng, restriction ? 0.4 : 0.06)) categories.push('RQTH');
  if (status === 'demandeur_emploi' && chance(rng, 0.3)) categories.push('DELD');
  if (age < 26) categories.push('JEUNE');
  if (town && chance(rng, 0.15)) categories.push('QPV');
  if (rural && chance(rng, 0.25)) categories.push('ZRR');
  const french = pickWeighted(rng, FRENCH);
  if (french !== 'native' && french !== undefined && chance(rng, 0.2)) categories.push('BPI');
  if (age >= 50 && chance(rng, 0.5)) categories.push('SENIOR');
  if (profile.cert === '' && age >= 30 && chance(rng, 0.3)) categories.push('RECONVERSION');
  if (status === 'etudiant') categories.push('ETUDIANT');
  if (status === 'demandeur_emploi' && chance(rng, 0.03)) categories.push('ASS');
  if (categories.includes('RQTH') && chance(rng, 0.25)) categories.push('AAH');
  if (chance(rng, 0.06)) categories.push('PARENT_ISOLE');

  const c: CandidateInput = {
    id: `c${i}`,
    home: place(rng, geo, ci),
    mobility: { modes, maxMinutes: maxMinutesOf(pickWeighted(rng, MAX_MINUTES), car45 && vehicle), drivingLicence: licence, vehicle },
    availableFrom: days.at(chance(rng, 0.5) ? 0 : int(rng, 1, 60)),
    desiredJobs: jobs,
    qualifications,
    experience,
    schedule: {
      nights: chance(rng, 0.25),
      weekends: chance(rng, 0.65),
      splitShifts: chance(rng, 0.5),
      weeklyHoursMin: hoursMin,
      weeklyHoursMax: hoursMax,
    },
    contracts,
    birthYear,
  };
  if (chance(rng, 0.07)) {
    const [code, minDays, maxDays] = pickWeighted(rng, IN_TRAINING);
    c.inTraining = [{ code, expectedEnd: days.at(int(rng, minDays, maxDays)) }];
  }
  if (chance(rng, 0.4)) c.desiredSectors = [...pickWeighted(rng, SECTORS)];
  if (chance(rng, 0.25)) c.desiredPublics = [...pickWeighted(rng, PUBLICS)];
  if (chance(rng, 0.6)) {
    const pool = jobs.length > 0 ? JOB_SKILLS[jobs[0]] : ALL_SKILLS;
    c.skills = sample(rng, pool, int(rng, 1, Math.min(5, pool.length)));
  }
  if (french !== undefined) c.frenchLevel = french;
  if (restriction !== undefined) c.restrictions = [restriction];
  if (categories.length > 0) c.categories = categories;
  if (status !== undefined) c.status = status;
  if (chance(rng, 0.02)) c.workAuthorized = false;
  return c;
}

// ---------------------------------------------------------------------------------------------
// Training sessions

interface Course {
  certification: string;
  /** Where it is taught: big towns (IFAS, IFSI) or any town. */
  where: 'cities' | 'towns';
  hours: number;
  days: readonly [number, number];
  seats: readonly [number, number];
  providers: readonly string[];
  access: WeightedTable<readonly TrainingAccess[]>;
  funding: readonly FundingCode[];
}

const DIPLOMA_ACCESS = table<readonly TrainingAccess[]>([
  [['formation_continue', 'apprentissage'], 40], [['formation_continue', 'apprentissage', 'parcours_partiel'], 30],
  [['formation_continue', 'vae'], 15], [['apprentissage'], 15],
]);
const TITLE_ACCESS = table<readonly TrainingAccess[]>([
  [['formation_continue'], 40], [['formation_continue', 'apprentissage'], 25], [['formation_continue', 'professionnalisation'], 20],
  [['formation_continue', 'vae', 'parcours_partiel'], 15],
]);
const SHORT_ACCESS = table<readonly TrainingAccess[]>([[['formation_continue'], 1]]);

const COURSES = weighted<Course>(
  [
    // Diploma hours from REFERENCE.md §2 (DEAS 1 540 h, DEAES 1 407 h); TP ADVF ≈ 700–900 h is [U]; TP ASMS ≈ 455 h.
    { certification: 'DEAS', where: 'cities', hours: 1540, days: [310, 340], seats: [20, 60], providers: ['IFAS', 'IFAS du centre hospitalier', 'Croix-Rouge Compétence'], access: DIPLOMA_ACCESS, funding: ['PRF', 'CPF', 'PTP', 'APPRENTISSAGE', 'PRO_A', 'OPCO', 'AGEFIPH', 'AUTOFINANCEMENT'] },
    { certification: 'DEAES', where: 'towns', hours: 1407, days: [300, 540], seats: [15, 30], providers: ['IRTS', 'Croix-Rouge Compétence', 'GRETA', 'MFR'], access: DIPLOMA_ACCESS, funding: ['PRF', 'CPF', 'PTP', 'APPRENTISSAGE', 'PRO_A', 'OPCO', 'AUTOFINANCEMENT'] },
    { certification: 'TP_ADVF', where: 'towns', hours: 800, days: [180, 270], seats: [10, 16], providers: ['AFPA', 'GRETA', 'IPERIA (réseau labellisé)', 'organisme privé'], access: TITLE_ACCESS, funding: ['PRF', 'CPF', 'AIF', 'POEI', 'POEC', 'APPRENTISSAGE', 'PROFESSIONNALISATION'] },
    { certification: 'TP_ASMS', where: 'towns', hours: 455, days: [90, 150], seats: [10, 16], providers: ['AFPA', 'GRETA', 'organisme privé'], access: TITLE_ACCESS, funding: ['PRF', 'CPF', 'AIF', 'POEI', 'POEC', 'PROFESSIONNALISATION'] },
    { certification: 'PERMIS_B', where: 'towns', hours: 35, days: [30, 90], seats: [1, 12], providers: ['auto-école', 'auto-école associative'], access: SHORT_ACCESS, funding: ['CPF', 'AIF', 'AUTOFINANCEMENT'] },
    { certification: 'FLE_B2', where: 'towns', hours: 200, days: [60, 120], seats: [8, 15], providers: ['GRETA', 'Alliance française', 'centre social'], access: SHORT_ACCESS, funding: ['CPF', 'PRF', 'AIF'] },
    { certification: 'SST', where: 'towns', hours: 14, days: [1, 1], seats: [4, 10], providers: ['organisme habilité INRS', 'Croix-Rouge', 'Protection civile'], access: SHORT_ACCESS, funding: ['OPCO', 'CPF', 'AUTOFINANCEMENT'] },
    { certification: 'AFGSU2', where: 'towns', hours: 21, days: [2, 2], seats: [6, 12], providers: ['CESU', 'IFAS'], access: SHORT_ACCESS, funding: ['OPCO', 'AUTOFINANCEMENT'] },
  ],
  [18, 15, 15, 8, 12, 8, 14, 10],
);

function session(rng: Rng, geo: Geo, days: Days, i: number): TrainingSessionInput {
  const course = pickWeighted(rng, COURSES);
  const ci = pickWeighted(rng, course.where === 'cities' ? geo.cities : geo.towns);
  const start = int(rng, 0, 365);
  const funding = course.funding.filter(() => chance(rng, 0.7));
  if (funding.length === 0) funding.push(course.funding[0]);
  return {
    id: `s${i}`,
    provider: `${pick(rng, course.providers)} ${geo.communes[ci].name}`,
    certification: course.certification,
    site: place(rng, geo, ci),
    startDate: days.at(start),
    endDate: days.at(start + int(rng, course.days[0], course.days[1])),
    hours: course.hours,
    seats: int(rng, course.seats[0], course.seats[1]),
    access: [...pickWeighted(rng, course.access)],
    funding,
  };
}

// ---------------------------------------------------------------------------------------------

/**
 * Generates a territory; the same options give the same records (identical JSON).
 *
 * @example
 * const t = generateTerritory({ seed: 1, scope: { departement: '61' }, candidates: 400, vacancies: 60, sessions: 40 });
 * t.candidates[0].home.communeCode; // an Orne commune, e.g. '61001'
 */
export function generateTerritory(options: TerritoryOptions): Territory {
  const communes = options.scope === 'france' ? loadCommunes() : communesOf(options.scope.departement);
  if (communes.length === 0) {
    throw new Error(`unknown département: ${options.scope === 'france' ? 'france' : options.scope.departement}`);
  }
  const geo = buildGeo(communes);
  const days = new Days(options.today ?? DEFAULT_TODAY);
  // Independent streams, so changing one count leaves the other record kinds unchanged.
  const seed = options.seed >>> 0;
  const rc = mulberry32(seed ^ 0x9e3779b9);
  const rv = mulberry32(seed ^ 0x85ebca6b);
  const rs = mulberry32(seed ^ 0xc2b2ae35);

  const candidates = new Array<CandidateInput>(options.candidates);
  for (let i = 0; i < options.candidates; i++) candidates[i] = candidate(rc, geo, days, i, options.mobility ?? 'usual');

  const pools = new Map<StructureKind, Structure[]>();
  const counter = { n: 0 };
  const vacancies = new Array<VacancyInput>(options.vacancies);
  for (let i = 0; i < options.vacancies; i++) vacancies[i] = vacancy(rv, geo, days, i, pools, counter);

  const sessions = new Array<TrainingSessionInput>(options.sessions);
  for (let i = 0; i < options.sessions; i++) sessions[i] = session(rs, geo, days, i);

  return { candidates, vacancies, sessions, communes };
}
