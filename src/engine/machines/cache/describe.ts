// What the cache says about each command, for the narration.
import { NULL_MARKER } from '../../protection/nullMarker.ts';
import type { Keyspace } from '../../redis/keyspace.ts';
import { note, type StepNote } from '../../sim/messages.ts';
import { type CacheCommand, type CacheContext, isMiss, waitingWrites } from './context.ts';
export function describeWithMetadata(
  context: CacheContext,
  payload: CacheCommand,
  miss: boolean,
  from: string,
): StepNote {
  const { argv } = payload;
  const [name = '', key = '', value = ''] = argv;
  const command = argv.join(' ');
  const upper = name.toUpperCase();
  if (miss && payload.loadOnMiss !== undefined) return note('cache.get.miss.load', { key, command });
  if (miss && payload.lease === 'request') {
    return note('cache.get.miss.lease', { key, lease: context.nextLease.value, command });
  }
  if (upper === 'SET') {
    if (typeof payload.lease === 'number')
      return note('cache.set.lease', { key, value, lease: payload.lease, command });
    if (payload.ifNewer === true && payload.version !== undefined) {
      return note('cache.set.newer', { key, value, version: payload.version, command });
    }
    if (payload.writeBehind === true) {
      return note('cache.set.writeBehind', { key, value, count: waitingWrites(context) + 1, command });
    }
  }
  if (upper === 'GET' && payload.withTtl === true && !miss) {
    const held = context.keyspace.peek(key);
    if (held !== null && held.expiresAt !== null && held.value !== NULL_MARKER) {
      const ms = held.expiresAt - context.now();
      return note('cache.get.hit.ttl', { key, value: held.value, ms, command });
    }
  }
  if (upper === 'DEL' && payload.onlyIfValue !== undefined) {
    // A refused one was described before it got here.
    return note('cache.del.lock', { key, token: payload.onlyIfValue, command });
  }
  if (upper === 'DEL' && argv.length === 2) {
    const count = context.leases.get(key)?.length ?? 0;
    if (count > 0) {
      const held = !isMiss(context.keyspace, key);
      return note(held ? 'cache.del.lease' : 'cache.del.absent.lease', { key, count, command });
    }
  }
  return describeCommand(context.keyspace, argv, from);
}

export function keysOf(writes: readonly { key: string }[]): string {
  return writes.map((write) => write.key).join(', ');
}

export function describeCommand(keyspace: Keyspace, argv: readonly string[], from: string): StepNote {
  const [name = '', key = ''] = argv;
  const command = name.toUpperCase();
  const existing = keyspace.peek(key);
  const line = argv.join(' ');
  // Specific sentences for the forms the app nodes send; anything else (typed into the console,
  // say) is described as what it is.
  if (command === 'GET' && argv.length === 2) {
    if (existing === null) return note('cache.get.miss', { key, command: line });
    if (keyspace.hasExpired(existing)) {
      return note('cache.get.expired', { key, command: line });
    }
    if (existing.value === NULL_MARKER) return note('cache.get.hit.null', { key, command: line });
    return note('cache.get.hit', { key, value: existing.value, command: line });
  }
  if (command === 'SET' && argv.length === 3) {
    return note('cache.set', { key, value: argv[2] ?? '', command: line });
  }
  if (command === 'SET' && argv.length === 5 && argv[3]?.toUpperCase() === 'EX') {
    return note('cache.set.ttl', { key, value: argv[2] ?? '', ttl: argv[4] ?? '', command: line });
  }
  if (command === 'SET' && argv.length === 6 && isNxPx(argv)) {
    const held = existing !== null && !keyspace.hasExpired(existing);
    const params = { key, value: argv[2] ?? '', ms: argv[5] ?? '', command: line };
    return held
      ? note('cache.set.nx.held', { ...params, holder: existing.value })
      : note('cache.set.nx.taken', params);
  }
  if (command === 'DEL' && argv.length === 2) {
    return existing === null || keyspace.hasExpired(existing)
      ? note('cache.del.absent', { key, command: line })
      : note('cache.del', { key, command: line });
  }
  // A command without a sentence of its own says who sent it.
  return note('cache.command.from', { command: line, from });
}

/** `SET key value NX PX ms`: how a lock is taken. */
function isNxPx(argv: readonly string[]): boolean {
  return argv[3]?.toUpperCase() === 'NX' && argv[4]?.toUpperCase() === 'PX';
}
