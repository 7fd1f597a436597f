// Commands from clients of the cache: leases, version checks and write-behind around Redis's own executor.
import { executeCommand } from '../../redis/commands.ts';
import { NIL } from '../../redis/reply.ts';
import { note, type StepNote } from '../../sim/messages.ts';
import { connectionOf, isMiss, push, reply, type CacheCommand, type CacheContext } from './context.ts';
import { describeWithMetadata } from './describe.ts';
import { freshnessOf, keepRecomputeTime, refuseForeignDelete } from './freshness.ts';

/** Describe (before the command changes the keyspace), check the metadata, run, reply. */
export function answerCommand(context: CacheContext, from: string, payload: CacheCommand): void {
  const { keyspace } = context;
  const { requestId, argv } = payload;
  const command = (argv[0] ?? '').toUpperCase();
  const key = argv[1] ?? '';
  const refusal = command === 'SET' ? refusalOf(context, payload) : null;
  if (refusal !== null) {
    // Like SET NX that finds the key: nothing stored, (nil) returned.
    if (context.narrate) context.outbox(refusal);
    reply(context, from, { kind: 'cache reply', requestId, command, reply: NIL, version: null });
    return;
  }
  if (payload.onlyIfValue !== undefined && refuseForeignDelete(context, from, payload)) return;
  // Whether a GET misses matters only to describe it, to load on a miss or to hand out a lease:
  // a plain GET under load skips the extra lookup.
  const missMatters = context.narrate || payload.loadOnMiss !== undefined || payload.lease === 'request';
  const miss = missMatters && command === 'GET' && argv.length === 2 && isMiss(keyspace, key);
  // Described before the command changes the keyspace, said after it ran: a command Redis refuses
  // (OOM with noeviction over the limit) is described as refused, not as done.
  const described = context.narrate ? describeWithMetadata(context, payload, miss, from) : null;
  const connection = connectionOf(context, from, payload.connection ?? 'main');
  const result = executeCommand(keyspace, argv, { connection, version: payload.version });
  const { version } = result;
  if (described !== null) {
    const refused = result.reply?.type === 'error' ? result.reply.value : null;
    context.outbox(
      refused === null ? described : note('cache.refused', { command: argv.join(' '), error: refused }),
    );
  }

  if (miss && payload.loadOnMiss !== undefined) {
    const { ttlSeconds } = payload.loadOnMiss;
    context.loads.push({ requestId, from, key, ttlSeconds, ifNewer: payload.ifNewer === true });
    context.outbox({
      type: 'send',
      to: context.database,
      payload: { kind: 'db query', requestId, query: 'select', key },
    });
    return;
  }
  const lease = miss && payload.lease === 'request' ? grantLease(context, key) : undefined;
  if (command === 'SET' && result.reply?.type === 'status') {
    if (typeof payload.lease === 'number') removeLease(context, key, payload.lease);
    else context.leases.delete(key);
    if (payload.writeBehind === true) bufferWrite(context, key, argv[2] ?? '', requestId);
    keepRecomputeTime(context, key, payload.recomputeMs);
  } else if (command === 'DEL' || command === 'UNLINK') {
    for (const deleted of argv.slice(1)) context.leases.delete(deleted);
  } else if (command === 'FLUSHALL' || command === 'FLUSHDB') {
    context.leases.clear();
  }

  // SUBSCRIBE and its kin answer on the connection, one confirmation per channel: the first is
  // the reply, the others follow as pushes.
  const pushed = result.reply === null ? connection.drain() : null;
  const answer = result.reply ?? pushed?.[0] ?? NIL;
  if (payload.withTtl === true && answer.type === 'bulk' && answer.value !== null) {
    const { ttlMs, recomputeMs } = freshnessOf(context, key);
    reply(context, from, {
      kind: 'cache reply',
      requestId,
      command,
      reply: answer,
      version,
      ttlMs,
      recomputeMs,
    });
  } else
    reply(
      context,
      from,
      lease === undefined
        ? { kind: 'cache reply', requestId, command, reply: answer, version }
        : { kind: 'cache reply', requestId, command, reply: answer, version, lease },
    );
  if (pushed !== null) for (const later of pushed.slice(1)) push(context, from, requestId, later);
  if (command === 'PUBLISH') {
    for (const { owner, connection: other } of context.connections.values()) {
      for (const message of other.drain()) push(context, owner, requestId, message);
    }
  }
}

/** Why a SET must not be stored (a spent or cancelled lease; a newer version held), or null. */
export function refusalOf(context: CacheContext, payload: CacheCommand): StepNote | null {
  if (payload.lease === undefined && payload.ifNewer !== true) return null;
  const [, key = '', value = ''] = payload.argv;
  const command = payload.argv.join(' ');
  if (typeof payload.lease === 'number') {
    const valid = context.leases.get(key)?.includes(payload.lease) ?? false;
    if (!valid) return note('cache.set.lease.refused', { key, value, lease: payload.lease, command });
  }
  if (payload.ifNewer === true && payload.version !== undefined) {
    const held = context.keyspace.find(key);
    if (held !== undefined && held.version !== null && held.version >= payload.version) {
      return note('cache.set.older', { key, value, version: payload.version, cached: held.version, command });
    }
  }
  return null;
}

export function grantLease(context: CacheContext, key: string): number {
  const token = context.nextLease.value++;
  const held = context.leases.get(key);
  if (held === undefined) context.leases.set(key, [token]);
  else held.push(token);
  return token;
}

export function removeLease(context: CacheContext, key: string, token: number): void {
  const held = context.leases.get(key)?.filter((t) => t !== token) ?? [];
  if (held.length > 0) context.leases.set(key, held);
  else context.leases.delete(key);
}

export function bufferWrite(context: CacheContext, key: string, value: string, requestId: number): void {
  if (context.writeBehind === null) throw new Error('cache: a write-behind SET, but write-behind is off');
  context.unsent.push({ key, value, requestId });
}
