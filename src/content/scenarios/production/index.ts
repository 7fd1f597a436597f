import type { Scenario } from '../../../engine/index.ts';
import { productionCrashAfterCommit } from './production-crash-after-commit.ts';
import { productionPartition } from './production-partition.ts';

/** The production lesson's scenarios, in the order the lesson shows them. */
export const productionScenarios: readonly Scenario[] = [productionPartition, productionCrashAfterCommit];
