import { setup } from 'xstate';
import type { DeliveryEvent } from '../sim/messages.ts';
import type { InvalidationEvent } from '../sim/scenario.ts';
import type { ActorInput } from './actorInput.ts';
import { note } from '../sim/messages.ts';

export type DeadLetterQueueInput = ActorInput;

/** An event the broker gave up on, and after how many deliveries. */
export interface DeadLetter {
  event: InvalidationEvent;
  attempts: number;
}

export interface DeadLetterQueueContext extends DeadLetterQueueInput {
  /** Every dead letter received, in order. Appended in place (see appNodeMachine). */
  letters: DeadLetter[];
}

/**
 * The dead-letter queue: where the broker parks events no consumer could process, so they stop
 * blocking the topic and a person can look at them. It keeps them and answers nothing.
 */
export const deadLetterQueueMachine = setup({
  types: {
    input: {} as DeadLetterQueueInput,
    context: {} as DeadLetterQueueContext,
    events: {} as DeliveryEvent,
  },
  guards: {
    'a dead letter arrived': ({ event }) => event.message.payload.kind === 'dead letter',
  },
  actions: {
    'keep the dead letter': ({ context, event }) => {
      const { payload } = event.message;
      if (payload.kind !== 'dead letter') return;
      context.letters.push({ event: payload.event, attempts: payload.attempts });
      if (context.narrate) {
        context.outbox(
          note('dlq.store', {
            node: context.id,
            from: event.message.from,
            eventId: payload.event.eventId,
            attempts: payload.attempts,
            count: context.letters.length,
          }),
        );
      }
    },
  },
}).createMachine({
  id: 'deadLetterQueue',
  context: ({ input }) => ({ ...input, letters: [] }),
  initial: 'empty',
  states: {
    empty: {
      on: { message: { guard: 'a dead letter arrived', target: 'holding', actions: 'keep the dead letter' } },
    },
    holding: {
      on: { message: { guard: 'a dead letter arrived', actions: 'keep the dead letter' } },
    },
  },
});

/** What the dead-letter queue holds, for the UI. */
export function holdingsOf(context: DeadLetterQueueContext): string[] {
  if (context.letters.length === 0) return [];
  const lines = [`dead letters: ${context.letters.length}`];
  for (const letter of context.letters.slice(-3)) {
    const attempts = `${letter.attempts} ${letter.attempts === 1 ? 'attempt' : 'attempts'}`;
    lines.push(`${letter.event.eventId} (schema ${letter.event.schema}, ${attempts})`);
  }
  return lines;
}
