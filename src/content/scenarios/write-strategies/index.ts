import type { Scenario } from '../../../engine/index.ts';
import { writeAround } from './write-around.ts';
import { writeBehindScenario } from './write-behind.ts';
import { writeBehindCrash } from './write-behind-crash.ts';
import { writeThrough } from './write-through.ts';

/** The write-strategies lesson's scenarios, in the order the lesson shows them. */
export const writeStrategyScenarios: readonly Scenario[] = [
  writeAround,
  writeThrough,
  writeBehindScenario,
  writeBehindCrash,
];
