import type { Scenario } from '../../../engine/index.ts';
import { coherenceDroppedInvalidation } from './coherence-dropped-invalidation.ts';
import { multiLevelRead } from './multi-level-read.ts';
import { coherencePubsub } from './coherence-pubsub.ts';
import { coherenceStaleLocal } from './coherence-stale-local.ts';
import { versionedKeys } from './versioned-keys.ts';

/** The coherence lesson's scenarios, in the order the lesson shows them. */
export const coherenceScenarios: readonly Scenario[] = [
  coherenceStaleLocal,
  coherencePubsub,
  coherenceDroppedInvalidation,
  multiLevelRead,
  versionedKeys,
];
