import type { Adaptation, PhysicalDemand, Restriction, Skill, StructureKindInfo } from '../types.js';
export const skills: Skill[] = [];
export const physicalDemands: PhysicalDemand[] = [];
export const restrictions: Restriction[] = [];
export const adaptations: Adaptation[] = [];
export const structureKinds: StructureKindInfo[] = [];
