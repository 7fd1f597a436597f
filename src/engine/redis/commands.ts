import type { Keyspace } from './keyspace.ts';
import { NIL, OK, type Reply } from './reply.ts';

/**
 * The commands the foundation's cache understands: GET, SET key value [EX seconds], DEL key….
 * Errors use Redis's own wording.
 */
export interface CommandResult {
  reply: Reply;
  /** Simulation metadata for a GET hit: the version of the value returned. */
  version: number | null;
}

export function executeCommand(
  keyspace: Keyspace,
  argv: readonly string[],
  meta: { version?: number } = {},
): CommandResult {
  const [name = '', ...args] = argv;
  const command = name.toUpperCase();
  switch (command) {
    case 'GET': {
      if (args.length !== 1) return arityError(name);
      const entry = keyspace.lookup(args[0] as string);
      return entry === null
        ? result(NIL)
        : { reply: { type: 'bulk', value: entry.value }, version: entry.version };
    }
    case 'SET': {
      if (args.length !== 2 && args.length !== 4) {
        return args.length < 2 ? arityError(name) : result(syntaxError);
      }
      const [key, value, option, seconds] = args as [string, string, string?, string?];
      let ttlMs: number | null = null;
      if (option !== undefined) {
        if (option.toUpperCase() !== 'EX') return result(syntaxError);
        const n = Number(seconds);
        if (!/^-?\d+$/.test(seconds ?? '')) return result(notAnInteger);
        if (n <= 0) return result({ type: 'error', value: "ERR invalid expire time in 'set' command" });
        ttlMs = n * 1000;
      }
      keyspace.set(key, value, { ttlMs, version: meta.version ?? null });
      return result(OK);
    }
    case 'DEL': {
      if (args.length < 1) return arityError(name);
      return result({ type: 'integer', value: keyspace.delete(args) });
    }
    default:
      return result({
        type: 'error',
        value: `ERR unknown command '${name}', with args beginning with: ${args.map((a) => `'${a}' `).join('')}`,
      });
  }
}

const syntaxError: Reply = { type: 'error', value: 'ERR syntax error' };
const notAnInteger: Reply = { type: 'error', value: 'ERR value is not an integer or out of range' };

function result(reply: Reply): CommandResult {
  return { reply, version: null };
}

function arityError(name: string): CommandResult {
  return result({
    type: 'error',
    value: `ERR wrong number of arguments for '${name.toLowerCase()}' command`,
  });
}
