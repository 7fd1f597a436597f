// The stampede protections of a cache-aside read: what a miss, a hit with its TTL and the lock's
// answer do under `mutex`, `single-flight`, `xfetch` and `stale-while-revalidate`.
import type { RowResult } from '../../sim/messages.ts';
import {
  advance,
  command,
  narrate,
  respond,
  type AppNodeContext,
  type CacheReply,
  type RequestInProgress,
  type Scheduled,
} from './request.ts';
import { askTheCache, cacheKeyOf, guardOf, loadFromTheDatabase, lockKeyOf } from './readSteps.ts';

/**
 * A miss the protection takes over: a mutex takes the lock; single-flight joins a load this node
 * has under way, or starts one others can join. False when the read loads as usual.
 */
export function protectTheMiss(context: AppNodeContext, request: RequestInProgress): boolean {
  const { stampede } = context;
  const cacheKey = cacheKeyOf(request);
  if (stampede.kind === 'mutex') {
    const guard = guardOf(context, request);
    takeTheLock(context, request, stampede.lockTtlMs);
    const params = {
      key: request.key,
      lock: lockKeyOf(cacheKey),
      token: guard.lockToken,
      ms: stampede.lockTtlMs,
    };
    narrate(context, guard.waits === 0 ? 'app.read.lock.try' : 'app.read.lock.try-again', params, 'lock');
    return true;
  }
  if (stampede.kind === 'single-flight' && context.sharedLoads !== null) {
    const waiting = context.sharedLoads.get(cacheKey);
    if (waiting !== undefined) {
      waiting.push(request);
      advance(request, 'waiting for a load in this node');
      narrate(
        context,
        'app.read.single-flight.join',
        { key: request.key, count: waiting.length },
        'single-flight',
      );
      return true;
    }
    context.sharedLoads.set(cacheKey, []);
    loadFromTheDatabase(context, request);
    narrate(context, 'app.read.single-flight.lead', { key: request.key }, 'single-flight');
    return true;
  }
  return false;
}

/**
 * Single-flight: the row a leading read loaded goes to every read of this node that waited for
 * it. Returns how many there were.
 */
export function shareTheLoad(
  context: AppNodeContext,
  request: RequestInProgress,
  row: RowResult | null,
): number {
  const cacheKey = cacheKeyOf(request);
  const waiting = context.sharedLoads?.get(cacheKey);
  if (waiting === undefined) return 0;
  context.sharedLoads?.delete(cacheKey);
  for (const other of waiting) {
    respond(
      context,
      other,
      row === null
        ? { value: null, version: null, source: 'none' }
        : { value: row.value, version: row.version, source: 'database' },
    );
  }
  return waiting.length;
}

/**
 * A hit that brought the key's TTL (and Δ): XFetch may decide to recompute now; under
 * stale-while-revalidate a key past its fresh time is served stale and refreshed in the
 * background. True when handled here; false for a plain hit.
 */
export function hitWithItsTtl(
  context: AppNodeContext,
  request: RequestInProgress,
  payload: CacheReply,
  value: string,
): boolean {
  const { stampede } = context;
  const ttlMs = payload.ttlMs ?? null;
  if (ttlMs === null) return false;
  const { key } = request;
  if (stampede.kind === 'xfetch') {
    const delta = payload.recomputeMs ?? null;
    if (delta === null) return false;
    // XFetch: recompute when now − Δ·β·ln(rand) ≥ expiry, that is when −Δ·β·ln(rand) ≥ the TTL left.
    const lead = -delta * stampede.beta * Math.log(uniformDraw(context));
    const params = { key, value, ms: ttlMs, delta, beta: stampede.beta, lead: Math.round(lead) };
    if (lead < ttlMs) {
      context.local?.set(key, value, payload.version);
      respond(context, request, { value, version: payload.version, source: 'cache' });
      narrate(context, 'app.read.xfetch.keep', params, 'xfetch');
      return true;
    }
    loadFromTheDatabase(context, request);
    narrate(context, 'app.read.xfetch.early', params, 'xfetch');
    return true;
  }
  if (stampede.kind === 'stale-while-revalidate') {
    const staleMs = stampede.staleSeconds * 1000;
    if (ttlMs > staleMs) return false;
    // Answer with the stale value now; the request lives on as the refresh, if it gets the lock.
    respond(context, request, { value, version: payload.version, source: 'cache' });
    context.requests.set(request.requestId, request);
    const guard = guardOf(context, request);
    guard.servedStale = true;
    takeTheLock(context, request, staleMs);
    const lock = lockKeyOf(cacheKeyOf(request));
    const params = { key, value, client: request.client, ms: staleMs - ttlMs, lock };
    narrate(context, 'app.read.stale.serve', params, 'serve-stale');
    return true;
  }
  return false;
}

/** The answer to `SET lock:<key> <token> NX PX …`: load, wait and retry, or (refresh) give way. */
export function afterTheLockAnswer(
  context: AppNodeContext,
  request: RequestInProgress,
  payload: CacheReply,
): Scheduled | null {
  const guard = guardOf(context, request);
  const won = payload.reply.type === 'status';
  const lock = lockKeyOf(cacheKeyOf(request));
  const { key } = request;
  if (won) {
    guard.holdsLock = true;
    loadFromTheDatabase(context, request);
    const said = guard.servedStale ? 'app.read.refresh.lock-won' : 'app.read.lock.won';
    narrate(context, said, { key, lock }, guard.servedStale ? 'refresh' : 'read-db');
    return null;
  }
  if (guard.servedStale) {
    // Another reader is refreshing the key already: this one has answered its client and is done.
    context.requests.delete(request.requestId);
    narrate(context, 'app.read.refresh.skip', { key, lock }, 'refresh');
    return null;
  }
  const { stampede } = context;
  if (stampede.kind !== 'mutex' || guard.waits >= stampede.maxRetries) {
    loadFromTheDatabase(context, request);
    narrate(context, 'app.read.lock.give-up', { key, lock, count: guard.waits }, 'read-db');
    return null;
  }
  guard.waits++;
  const delayMs = stampede.retryDelayMs * 2 ** (guard.waits - 1);
  advance(request, 'waiting for the lock');
  narrate(context, 'app.read.lock.wait', { key, lock, ms: delayMs, attempt: guard.waits }, 'lock-wait');
  return { event: { type: 'retry the read', requestId: request.requestId }, delayMs };
}

/** The wait is over: ask the cache again (the holder may have filled the key by now). */
export function retryTheRead(context: AppNodeContext, requestId: number): void {
  const request = context.requests.get(requestId);
  if (request === undefined || request.phase !== 'waiting for the lock') return;
  askTheCache(context, request, cacheKeyOf(request));
  const attempt = request.guard?.waits ?? 0;
  narrate(context, 'app.read.lock.retry', { key: request.key, attempt }, 'lock-wait');
}

function takeTheLock(context: AppNodeContext, request: RequestInProgress, lockTtlMs: number): void {
  const guard = guardOf(context, request);
  advance(request, 'taking the lock');
  const lock = lockKeyOf(cacheKeyOf(request));
  command(context, request.requestId, ['SET', lock, guard.lockToken, 'NX', 'PX', String(lockTtlMs)]);
}

/**
 * XFetch's rand, uniform in (0, 1] so its logarithm is finite: a 32-bit draw from the run's seeded
 * random (the `jitter` stream), plus one, over 2³².
 */
export function uniformDraw(context: AppNodeContext): number {
  return (context.jitter(0xffffffff) + 1) / 0x100000000;
}
