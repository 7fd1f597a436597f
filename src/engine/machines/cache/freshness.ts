// What the cache keeps and answers for the stampede and penetration protections: a value's Δ and
// remaining TTL (XFetch, stale-while-revalidate), and the compare-and-delete that releases a lock.
import { ZERO } from '../../redis/reply.ts';
import { note } from '../../sim/messages.ts';
import { reply, type CacheCommand, type CacheContext } from './context.ts';

/**
 * After a SET is stored: keep the Δ it brings beside the value, or forget an older Δ the key held
 * (the new value was not timed). Nothing to do until some fill has stored a Δ.
 */
export function keepRecomputeTime(context: CacheContext, key: string, recomputeMs: number | undefined): void {
  const { recomputeTimes } = context;
  if (recomputeMs === undefined && recomputeTimes.byValue === null) return;
  const stored = context.keyspace.find(key);
  if (stored === undefined) return;
  if (recomputeMs === undefined) recomputeTimes.byValue?.delete(stored);
  else (recomputeTimes.byValue ??= new WeakMap()).set(stored, recomputeMs);
}

/** For a GET `withTtl` that hit: the milliseconds the key has left and the Δ stored with it. */
export function freshnessOf(
  context: CacheContext,
  key: string,
): { ttlMs: number | null; recomputeMs: number | null } {
  const stored = context.keyspace.find(key);
  if (stored === undefined) return { ttlMs: null, recomputeMs: null };
  return {
    ttlMs: stored.expiresAt === null ? null : stored.expiresAt - context.now(),
    recomputeMs: context.recomputeTimes.byValue?.get(stored) ?? null,
  };
}

/**
 * A compare-and-delete whose key no longer holds the caller's value (the lock expired, and maybe
 * another reader took it): nothing is deleted and the answer is (integer) 0. True when refused.
 */
export function refuseForeignDelete(context: CacheContext, from: string, payload: CacheCommand): boolean {
  const token = payload.onlyIfValue;
  if (token === undefined) return false;
  const key = payload.argv[1] ?? '';
  const held = context.keyspace.find(key);
  if (held !== undefined && held.type === 'string' && held.value === token) return false;
  if (context.narrate) {
    const command = payload.argv.join(' ');
    context.outbox(
      held === undefined
        ? note('cache.del.lock.gone', { key, token, command })
        : note('cache.del.lock.not-owner', { key, token, holder: held.value, command }),
    );
  }
  const { requestId } = payload;
  reply(context, from, { kind: 'cache reply', requestId, command: 'DEL', reply: ZERO, version: null });
  return true;
}
