import { enqueueActions, setup } from 'xstate';
import { formatReplyInline } from '../redis/reply.ts';
import type { DeliveryEvent, Outbox } from '../sim/messages.ts';
import { note } from '../sim/messages.ts';

export interface ConsoleInput {
  id: string;
  narrate: boolean;
  /** Where the console's commands and step notes go (see appNodeMachine). */
  outbox: Outbox;
  cache: string;
}

/** A line the learner typed, already split into arguments, with the request id the engine gave it. */
export type TypedCommand = { type: 'type'; requestId: number; argv: string[] };

interface ConsoleContext extends ConsoleInput {
  queued: TypedCommand[];
}

/**
 * The learner's redis-cli, talking to the simulated cache over the same network as everyone else.
 * Like redis-cli it sends one command and waits for the reply; lines typed meanwhile wait their
 * turn. Messages pushed to it (pub/sub) are shown whenever they arrive.
 */
export const consoleMachine = setup({
  types: {
    input: {} as ConsoleInput,
    context: {} as ConsoleContext,
    events: {} as TypedCommand | DeliveryEvent,
  },
  guards: {
    'a reply arrived': ({ event }) =>
      event.type === 'message' && event.message.payload.kind === 'cache reply',
    'a reply arrived and more lines are waiting': ({ context, event }) =>
      event.type === 'message' && event.message.payload.kind === 'cache reply' && context.queued.length > 0,
  },
  actions: {
    'send the command': ({ context, event }) => {
      if (event.type !== 'type') return;
      sendCommand(context, event);
    },
    'queue the command': enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'type') return;
      enqueue.assign({ queued: [...context.queued, event] });
      if (context.narrate) context.outbox(note('console.queue', { command: event.argv.join(' ') }));
    }),
    'show what arrived': ({ context, event }) => {
      if (event.type !== 'message' || !context.narrate) return;
      const payload = event.message.payload;
      if (payload.kind === 'cache reply') {
        context.outbox(
          note('console.reply', { command: payload.command, reply: formatReplyInline(payload.reply) }),
        );
      } else if (payload.kind === 'cache push') {
        context.outbox(note('console.push', { reply: formatReplyInline(payload.reply) }));
      }
    },
    'send the next waiting line': enqueueActions(({ context, enqueue }) => {
      const [next, ...rest] = context.queued;
      if (next === undefined) return;
      enqueue.assign({ queued: rest });
      sendCommand(context, next);
    }),
  },
}).createMachine({
  id: 'console',
  context: ({ input }) => ({ ...input, queued: [] }),
  initial: 'ready',
  on: {
    // Pushed messages can arrive in any state.
    message: { actions: 'show what arrived' },
  },
  states: {
    ready: {
      on: { type: { target: 'waiting', actions: 'send the command' } },
    },
    waiting: {
      on: {
        type: { actions: 'queue the command' },
        message: [
          {
            guard: 'a reply arrived and more lines are waiting',
            actions: ['show what arrived', 'send the next waiting line'],
          },
          { guard: 'a reply arrived', target: 'ready', actions: 'show what arrived' },
          { actions: 'show what arrived' },
        ],
      },
    },
  },
});

function sendCommand(context: ConsoleContext, command: TypedCommand): void {
  context.outbox({
    type: 'send',
    to: context.cache,
    payload: { kind: 'cache command', requestId: command.requestId, argv: command.argv },
  });
  if (context.narrate) context.outbox(note('console.send', { command: command.argv.join(' ') }));
}
