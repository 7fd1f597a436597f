// The steps a read is made of (ask Redis, load the row, fill, finish), shared by the read path and
// the protections that reorder them.
import {
  advance,
  command,
  fillTtlSeconds,
  narrate,
  query,
  versionedKey,
  type AppNodeContext,
  type CommandMeta,
  type ReadGuard,
  type RequestInProgress,
} from './request.ts';

/** The key a read looks up in Redis: the row's key, or with versioned keys the version's key. */
export function cacheKeyOf(request: RequestInProgress): string {
  return request.version === null ? request.key : versionedKey(request.key, request.version);
}

/** The lock a mutex or a stale-while-revalidate refresh takes for a cache key. */
export function lockKeyOf(cacheKey: string): string {
  return `lock:${cacheKey}`;
}

/** The read's protection bookkeeping, made on first use (most reads never need it). */
export function guardOf(context: AppNodeContext, request: RequestInProgress): ReadGuard {
  // Unique per request, as a real lock token must be (usually a random string).
  request.guard ??= {
    lockToken: `${context.id}/${request.requestId}`,
    holdsLock: false,
    waits: 0,
    loadStartedAt: 0,
    servedStale: false,
  };
  return request.guard;
}

export function askTheCache(context: AppNodeContext, request: RequestInProgress, cacheKey: string): void {
  const { strategy, stampede } = context;
  advance(request, 'checking the cache');
  let meta: CommandMeta | undefined;
  if (strategy.raceFix.kind === 'lease') meta = { lease: 'request' };
  if (strategy.read === 'read-through')
    meta = { ...meta, loadOnMiss: { ttlSeconds: fillTtlSeconds(context) } };
  // Both decide on a hit by the time the key has left.
  if (stampede.kind === 'xfetch' || stampede.kind === 'stale-while-revalidate')
    meta = { ...meta, withTtl: true };
  command(context, request.requestId, ['GET', cacheKey], meta);
}

export function loadFromTheDatabase(context: AppNodeContext, request: RequestInProgress): void {
  advance(request, 'loading from the database');
  if (context.stampede.kind === 'xfetch') guardOf(context, request).loadStartedAt = context.now();
  query(context, { kind: 'db query', requestId: request.requestId, query: 'select', key: request.key });
}

/** Stores the loaded row; `shared`: how many other reads of this node got the row with it. */
export function fillTheCache(context: AppNodeContext, request: RequestInProgress, shared: number): void {
  const { strategy, stampede } = context;
  const row = request.row;
  if (row === null) return;
  const ttlSeconds = fillTtlSeconds(context);
  const ttl = String(ttlSeconds);
  const cacheKey =
    strategy.invalidation.kind === 'versioned-keys' ? versionedKey(request.key, row.version) : request.key;
  advance(request, 'filling the cache');
  const ifNewer = strategy.raceFix.kind === 'version-cas';
  const lease = request.lease ?? undefined;
  const meta: CommandMeta = { version: row.version };
  if (ifNewer) meta.ifNewer = true;
  if (lease !== undefined) meta.lease = lease;
  // XFetch keeps Δ, the time this load took, with the value: any reader can then decide on it.
  const delta = stampede.kind === 'xfetch' ? context.now() - (request.guard?.loadStartedAt ?? 0) : undefined;
  if (delta !== undefined) meta.recomputeMs = delta;
  command(context, request.requestId, ['SET', cacheKey, row.value, 'EX', ttl], meta);
  if (!context.narrate) return;
  const params = { key: cacheKey, value: row.value, version: row.version, ttl };
  if (shared > 0) narrate(context, 'app.read.fill.shared', { ...params, count: shared }, 'hydrate');
  else if (ifNewer) narrate(context, 'app.read.fill.if-newer', params, 'hydrate');
  else if (lease !== undefined) narrate(context, 'app.read.fill.lease', { ...params, lease }, 'hydrate');
  else if (delta !== undefined) narrate(context, 'app.read.fill.delta', { ...params, delta }, 'hydrate');
  else if (stampede.kind === 'stale-while-revalidate') {
    const { staleSeconds } = stampede;
    const fresh = ttlSeconds - staleSeconds;
    narrate(context, 'app.read.fill.stale', { ...params, fresh, stale: staleSeconds }, 'hydrate');
  } else narrate(context, 'app.read.fill', params, 'hydrate');
}

/**
 * Before a read answers: a lock it holds is released first (the answer waits for the DEL's reply),
 * and a background refresh, whose client was answered already, just ends. False when neither
 * applies and the caller answers the client now.
 */
export function settleTheRead(context: AppNodeContext, request: RequestInProgress): boolean {
  const guard = request.guard;
  if (guard === null) return false;
  if (guard.holdsLock) {
    guard.holdsLock = false;
    advance(request, 'releasing the lock');
    const lock = lockKeyOf(cacheKeyOf(request));
    command(context, request.requestId, ['DEL', lock], { onlyIfValue: guard.lockToken });
    narrate(context, 'app.read.lock.release', { key: request.key, lock, token: guard.lockToken }, 'unlock');
    return true;
  }
  if (guard.servedStale) {
    context.requests.delete(request.requestId);
    narrate(context, 'app.read.refresh.done', { key: request.key }, 'refresh');
    return true;
  }
  return false;
}
