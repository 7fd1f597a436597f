import type { Scenario } from '../../../engine/index.ts';
import { coherenceDroppedInvalidation } from './droppedInvalidation.ts';
import { multiLevelRead } from './multiLevelRead.ts';
import { coherencePubsub } from './pubsubInvalidation.ts';
import { coherenceStaleLocal } from './staleLocal.ts';
import { versionedKeys } from './versionedKeys.ts';

/** The coherence lesson's scenarios, in the order the lesson shows them. */
export const coherenceScenarios: readonly Scenario[] = [
  coherenceStaleLocal,
  coherencePubsub,
  coherenceDroppedInvalidation,
  multiLevelRead,
  versionedKeys,
];
