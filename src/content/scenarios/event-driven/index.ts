import type { Scenario } from '../../../engine/index.ts';
import { duplicateDelivery } from './duplicate-delivery.ts';
import { outboxAfterRestart } from './outbox-after-restart.ts';
import { poisonEventDlq } from './poison-event-dlq.ts';
import { publishAfterCommitCrash } from './publish-after-commit-crash.ts';

/** The event-driven lesson's scenarios, in the order the lesson shows them. */
export const eventDrivenScenarios: readonly Scenario[] = [
  publishAfterCommitCrash,
  outboxAfterRestart,
  poisonEventDlq,
  duplicateDelivery,
];
