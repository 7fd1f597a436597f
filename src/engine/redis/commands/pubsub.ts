/** SUBSCRIBE, UNSUBSCRIBE, PSUBSCRIBE, PUNSUBSCRIBE (replies go to the connection), PUBLISH. */
import { integer } from '../reply.ts';
import type { CommandSpec } from './types.ts';

export const pubsubCommands: CommandSpec[] = [
  {
    name: 'subscribe',
    arity: -2,
    pubsub: true,
    run: (ks, argv, { connection }) => {
      for (let i = 1; i < argv.length; i++) ks.pubsub.subscribe(connection, argv[i] as string);
      return null;
    },
  },
  {
    name: 'unsubscribe',
    arity: -1,
    pubsub: true,
    run: (ks, argv, { connection }) => {
      if (argv.length === 1) ks.pubsub.unsubscribe(connection, null);
      for (let i = 1; i < argv.length; i++) ks.pubsub.unsubscribe(connection, argv[i] as string);
      return null;
    },
  },
  {
    name: 'psubscribe',
    arity: -2,
    pubsub: true,
    run: (ks, argv, { connection }) => {
      for (let i = 1; i < argv.length; i++) ks.pubsub.psubscribe(connection, argv[i] as string);
      return null;
    },
  },
  {
    name: 'punsubscribe',
    arity: -1,
    pubsub: true,
    run: (ks, argv, { connection }) => {
      if (argv.length === 1) ks.pubsub.punsubscribe(connection, null);
      for (let i = 1; i < argv.length; i++) ks.pubsub.punsubscribe(connection, argv[i] as string);
      return null;
    },
  },
  {
    name: 'publish',
    arity: 3,
    run: (ks, argv) => integer(ks.pubsub.publish(argv[1] as string, argv[2] as string)),
  },
];
