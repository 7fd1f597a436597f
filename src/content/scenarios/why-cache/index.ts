import type { Scenario } from '../../../engine/index.ts';
import { whyCacheFirstRead } from './why-cache-first-read.ts';
import { whyCacheHitRatio } from './why-cache-hit-ratio.ts';

/** The why-cache lesson's scenarios, in the order the lesson shows them. */
export const whyCacheScenarios: readonly Scenario[] = [whyCacheFirstRead, whyCacheHitRatio];
