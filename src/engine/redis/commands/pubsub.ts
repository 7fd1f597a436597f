/** SUBSCRIBE, UNSUBSCRIBE, PSUBSCRIBE, PUNSUBSCRIBE (replies go to the connection), PUBLISH. */
import { integer } from '../reply.ts';
import type { CommandSpec } from './types.ts';

/** SUBSCRIBE and PSUBSCRIBE: one confirmation per name, pushed to the connection. */
function subscribing(name: string, method: 'subscribe' | 'psubscribe'): CommandSpec {
  return {
    name,
    arity: -2,
    pubsub: true,
    run: (ks, argv, { connection }) => {
      for (let i = 1; i < argv.length; i++) ks.pubsub[method](connection, argv[i] as string);
      return null;
    },
  };
}

/** UNSUBSCRIBE and PUNSUBSCRIBE: from the names given, or from all of them when none is. */
function unsubscribing(name: string, method: 'unsubscribe' | 'punsubscribe'): CommandSpec {
  return {
    name,
    arity: -1,
    pubsub: true,
    run: (ks, argv, { connection }) => {
      if (argv.length === 1) ks.pubsub[method](connection, null);
      for (let i = 1; i < argv.length; i++) ks.pubsub[method](connection, argv[i] as string);
      return null;
    },
  };
}

export const pubsubCommands: CommandSpec[] = [
  subscribing('subscribe', 'subscribe'),
  unsubscribing('unsubscribe', 'unsubscribe'),
  subscribing('psubscribe', 'psubscribe'),
  unsubscribing('punsubscribe', 'punsubscribe'),
  {
    name: 'publish',
    arity: 3,
    run: (ks, argv) => integer(ks.pubsub.publish(argv[1] as string, argv[2] as string)),
  },
];
