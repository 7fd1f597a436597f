/**
 * The command executor: what Redis's `processCommand` does before and after a command —
 * lookup, arity, subcommands, eviction and the OOM refusal, the subscriber-mode restriction —
 * then the command itself (commands/*.ts).
 */
import { COMMANDS, BARE_CONTAINERS } from './commands/table.ts';
import type { Call, CommandSpec } from './commands/types.ts';
import {
  arityError,
  notAllowedWhileSubscribed,
  notSimulated,
  OOM,
  unknownCommand,
  unknownSubcommand,
} from './commands/errors.ts';
import { REDIS_COMMAND_NAMES } from './commands/redisCommandNames.ts';
import type { Keyspace } from './keyspace.ts';
import { Connection } from './pubsub.ts';
import type { Reply } from './reply.ts';

export interface CommandResult {
  /** The reply; null when the command's replies were pushed to the connection (SUBSCRIBE …). */
  reply: Reply | null;
  /** Simulation metadata for a GET hit: the version of the value returned. */
  version: number | null;
}

export interface CommandOptions {
  /** Simulation metadata for a SET: the database version the value came from. */
  version?: number | undefined;
  /** The client session; defaults to the keyspace's own connection. */
  connection?: Connection;
}

export function executeCommand(
  keyspace: Keyspace,
  argv: readonly string[],
  options: CommandOptions = {},
): CommandResult {
  // One Call object reused for every command: commands never run inside each other.
  const call = reusableCall;
  call.connection = options.connection ?? keyspace.defaultConnection;
  call.version = options.version ?? null;
  call.readVersion = null;
  const reply = run(keyspace, argv, call);
  return { reply, version: call.readVersion };
}

const reusableCall: Call = { connection: new Connection(), version: null, readVersion: null };

function run(keyspace: Keyspace, argv: readonly string[], call: Call): Reply | null {
  const name = argv[0] ?? '';
  let spec = COMMANDS.get(name) ?? COMMANDS.get(name.toLowerCase());
  if (spec === undefined) {
    return REDIS_COMMAND_NAMES.has(name.toLowerCase()) ? notSimulated(name) : unknownCommand(argv);
  }
  if (!arityFits(spec, argv.length)) return arityError(spec.name);
  if (spec.subcommands !== undefined && !(argv.length === 1 && BARE_CONTAINERS.has(spec.name))) {
    const sub = spec.subcommands[(argv[1] ?? '').toLowerCase()];
    if (sub === undefined) return unknownSubcommand(name, argv[1] ?? '');
    if (!arityFits(sub, argv.length)) return arityError(sub.name);
    spec = sub;
  }
  if (keyspace.config.maxmemory > 0 || keyspace.config.maxkeys > 0) {
    // Redis evicts before every command; a command that may add data is refused if that failed.
    const fits = keyspace.evictUntilUnderLimit();
    if (!fits && spec.denyoom === true) return OOM;
  }
  if (call.connection.subscribed && spec.pubsub !== true) return notAllowedWhileSubscribed(spec.name);
  const reply = spec.run(keyspace, argv, call);
  // Evicting right after any command that grew memory (a write, or a TTL's bookkeeping) keeps it
  // within the limit between commands, so the learner never sees a table over maxmemory; Redis
  // would evict at the start of the next command instead, with the same victims.
  if (keyspace.overMaxmemory) keyspace.evictUntilUnderLimit();
  return reply;
}

function arityFits(spec: CommandSpec, argc: number): boolean {
  return spec.arity > 0 ? argc === spec.arity : argc >= -spec.arity;
}

export type { Call, CommandSpec };
