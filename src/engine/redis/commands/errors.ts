/** Redis 7's error texts, word for word (checked against redis-server 7.0 by the conformance suite). */
import { error, type Reply } from '../reply.ts';

export const WRONG_TYPE = error('WRONGTYPE Operation against a key holding the wrong kind of value');
export const NOT_AN_INTEGER = error('ERR value is not an integer or out of range');
export const SYNTAX_ERROR = error('ERR syntax error');
export const OVERFLOW = error('ERR increment or decrement would overflow');
export const NO_SUCH_KEY = error('ERR no such key');
export const HASH_NOT_AN_INTEGER = error('ERR hash value is not an integer');
export const INVALID_CURSOR = error('ERR invalid cursor');
export const OOM = error("OOM command not allowed when used memory > 'maxmemory'.");

export function arityError(fullName: string): Reply {
  return error(`ERR wrong number of arguments for '${fullName}' command`);
}

export function invalidExpireTime(fullName: string): Reply {
  return error(`ERR invalid expire time in '${fullName}' command`);
}

/** `unknown command 'X', with args beginning with: 'a' 'b' ` — args up to 128 characters, as Redis. */
export function unknownCommand(argv: readonly string[]): Reply {
  let args = '';
  for (let i = 1; i < argv.length && args.length < 128; i++) {
    args += `'${(argv[i] as string).slice(0, 128 - args.length)}' `;
  }
  return error(`ERR unknown command '${(argv[0] ?? '').slice(0, 128)}', with args beginning with: ${args}`);
}

export function unknownSubcommand(command: string, subcommand: string): Reply {
  return error(`ERR unknown subcommand '${subcommand.slice(0, 128)}'. Try ${command.toUpperCase()} HELP.`);
}

export function notAllowedWhileSubscribed(fullName: string): Reply {
  return error(
    `ERR Can't execute '${fullName}': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context`,
  );
}

/** A real Redis command outside what CacheScope simulates (see redisCommandNames.ts). */
export function notSimulated(name: string): Reply {
  return error(
    `ERR '${name.toLowerCase()}' is a real Redis command, but CacheScope's keyspace does not simulate it (strings, hashes, keys, TTLs, pub/sub and eviction only)`,
  );
}
