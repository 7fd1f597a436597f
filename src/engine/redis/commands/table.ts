/** Every command the keyspace answers, by name (lowercase and uppercase, for a fast lookup). */
import { array, bulk, integer } from '../reply.ts';
import { configCommand } from './config.ts';
import { expireCommands } from './expire.ts';
import { hashCommands } from './hashes.ts';
import { keyCommands } from './keys.ts';
import { pubsubCommands } from './pubsub.ts';
import { serverCommands } from './server.ts';
import { stringCommands } from './strings.ts';
import type { CommandSpec } from './types.ts';

const commandCommand: CommandSpec = {
  name: 'command',
  arity: -1,
  // Bare COMMAND lists each command as [name, arity] (Redis adds flags, key positions and more).
  run: () => array(ALL.map((c) => array([bulk(c.name), integer(c.arity)]))),
  subcommands: {
    count: { name: 'command|count', arity: 2, run: () => integer(ALL.length) },
  },
};

const ALL: CommandSpec[] = [
  ...stringCommands,
  ...keyCommands,
  ...expireCommands,
  ...hashCommands,
  ...serverCommands,
  ...pubsubCommands,
  configCommand,
  commandCommand,
];

export const COMMANDS = new Map<string, CommandSpec>();
for (const spec of ALL) {
  COMMANDS.set(spec.name, spec);
  COMMANDS.set(spec.name.toUpperCase(), spec);
}

/** Commands whose bare form (no subcommand) is itself valid. */
export const BARE_CONTAINERS = new Set(['command']);
