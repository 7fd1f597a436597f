import type { LabScenario } from '../../engine/index.ts';
import { avalancheLab } from './avalanche.ts';
import { penetrationLab } from './penetration.ts';
import { stampedeLab } from './stampede.ts';
import { steadyLab } from './steady.ts';

/** The load lab's scenarios, in the order the lab lists them. */
export const labScenarios: readonly LabScenario[] = [avalancheLab, stampedeLab, penetrationLab, steadyLab];

export function getLabScenario(id: string): LabScenario | undefined {
  return labScenarios.find((lab) => lab.id === id);
}
