import type { Scenario } from '../../../engine/index.ts';
import { chatFanout } from './chat-fanout.ts';

/** The pubsub lesson's scenarios, in the order the lesson shows them. */
export const pubsubScenarios: readonly Scenario[] = [chatFanout];
