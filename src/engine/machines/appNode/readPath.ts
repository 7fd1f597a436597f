import type { Payload } from '../../sim/messages.ts';
import {
  advance,
  bulkValue,
  command,
  isCacheReply,
  isRowResult,
  narrate,
  respond,
  versionedKey,
  versionPointer,
  type AppNodeContext,
  type RequestInProgress,
  type Scheduled,
} from './request.ts';
import {
  afterTheNullMarker,
  answerFromTheNullMarker,
  answerNoRow,
  isNullMarker,
  narrateTheFilterPass,
  rejectedByTheFilter,
} from './penetration.ts';
import { askTheCache, fillTheCache, loadFromTheDatabase, settleTheRead } from './readSteps.ts';
import { afterTheLockAnswer, hitWithItsTtl, protectTheMiss, shareTheLoad } from './stampede.ts';

type ReadRequest = Extract<Payload, { kind: 'read request' }>;

/**
 * A read: the Bloom filter first (if any), then the local cache (if any), then Redis (through the
 * version pointer, if versioned).
 */
export function startRead(context: AppNodeContext, from: string, payload: ReadRequest): void {
  const { requestId, key } = payload;
  const request: RequestInProgress = {
    requestId,
    client: from,
    op: 'read',
    key,
    value: '',
    phase: 'checking the cache',
    row: null,
    version: null,
    lease: null,
    guard: null,
  };
  if (context.bloom !== null && rejectedByTheFilter(context, request)) return;
  const expired = context.local?.hasExpired(key) ?? false;
  if (context.local !== null) {
    const hit = context.local.get(key);
    if (hit !== null) {
      respond(context, request, { value: hit.value, version: hit.version, source: 'local cache' });
      narrate(context, 'app.read.local-hit', { key, value: hit.value }, 'local-hit');
      return;
    }
  }
  context.requests.set(requestId, request);
  if (context.strategy.invalidation.kind === 'versioned-keys') {
    advance(request, 'checking the version');
    command(context, requestId, ['GET', versionPointer(key)]);
    narrate(context, 'app.read.version', { key, pointer: versionPointer(key) }, 'read-version');
    return;
  }
  askTheCache(context, request, key);
  // Narration is guarded where it is built on the hot path: a metrics run allocates nothing for it.
  if (!context.narrate) return;
  if (context.bloom !== null) narrateTheFilterPass(context, key);
  else if (expired) narrate(context, 'app.read.local-expired', { key }, 'read-cache');
  else if (context.local !== null) narrate(context, 'app.read.local-miss', { key }, 'read-cache');
  else narrate(context, 'app.read.start', { client: from, key }, 'read-cache');
}

/**
 * The next step of a read, when the answer it waits for arrives. Returns the timer the step asks
 * for (a mutex's wait for the lock holder), if any.
 */
export function continueRead(
  context: AppNodeContext,
  request: RequestInProgress,
  payload: Payload,
): Scheduled | null {
  const { key } = request;
  switch (request.phase) {
    case 'checking the version': {
      if (!isCacheReply(payload)) return null;
      const pointer = bulkValue(payload.reply);
      if (pointer === null) {
        loadFromTheDatabase(context, request);
        narrate(context, 'app.read.version.none', { key }, 'read-db');
        return null;
      }
      request.version = Number(pointer);
      askTheCache(context, request, versionedKey(key, request.version));
      narrate(
        context,
        'app.read.versioned',
        { key: versionedKey(key, request.version), version: request.version },
        'read-cache',
      );
      return null;
    }
    case 'checking the cache': {
      if (!isCacheReply(payload)) return null;
      const value = bulkValue(payload.reply);
      if (value !== null) {
        if (isNullMarker(context, value)) answerFromTheNullMarker(context, request);
        else if (payload.ttlMs === undefined || !hitWithItsTtl(context, request, payload, value))
          answerTheHit(context, request, value, payload.version);
        return null;
      }
      if (context.strategy.read === 'read-through') {
        respond(context, request, { value: null, version: null, source: 'none' });
        narrate(context, 'app.read.none', { key }, 'not-found');
        return null;
      }
      request.lease = payload.lease ?? null;
      if (context.stampede.kind !== 'none' && protectTheMiss(context, request)) return null;
      loadFromTheDatabase(context, request);
      if (!context.narrate) return null;
      if (request.lease === null) narrate(context, 'app.read.miss', { key }, 'read-db');
      else narrate(context, 'app.read.miss.lease', { key, lease: request.lease }, 'read-db');
      return null;
    }
    case 'taking the lock':
      return isCacheReply(payload) ? afterTheLockAnswer(context, request, payload) : null;
    case 'loading from the database': {
      if (!isRowResult(payload)) return null;
      const { row } = payload;
      const shared = context.sharedLoads === null ? 0 : shareTheLoad(context, request, row);
      if (row === null) {
        answerNoRow(context, request, shared);
        return null;
      }
      request.row = row;
      fillTheCache(context, request, shared);
      return null;
    }
    case 'filling the cache':
      afterTheFill(context, request, payload);
      return null;
    case 'caching the null marker':
      if (isCacheReply(payload)) afterTheNullMarker(context, request, payload.reply.type !== 'error');
      return null;
    case 'recording the version': {
      if (request.row === null || settleTheRead(context, request)) return null;
      const { row } = request;
      respond(context, request, { value: row.value, version: row.version, source: 'database' });
      narrate(context, 'app.read.reply', { key, client: request.client }, 'reply');
      return null;
    }
    case 'releasing the lock':
      if (isCacheReply(payload))
        afterTheRelease(context, request, payload.reply.type === 'integer' && payload.reply.value !== '0');
      return null;
    default:
      return null;
  }
}

function answerTheHit(
  context: AppNodeContext,
  request: RequestInProgress,
  value: string,
  version: number | null,
): void {
  const { key } = request;
  context.local?.set(key, value, version);
  respond(context, request, { value, version, source: 'cache' });
  if (!context.narrate) return;
  if (request.guard !== null && request.guard.waits > 0)
    narrate(context, 'app.read.hit.after-wait', { key, value }, 'cache-hit');
  else if (context.local === null) narrate(context, 'app.read.hit', { key, value }, 'cache-hit');
  else narrate(context, 'app.read.hit.keep-local', { key, value }, 'cache-hit');
}

function afterTheFill(context: AppNodeContext, request: RequestInProgress, payload: Payload): void {
  if (!isCacheReply(payload) || request.row === null) return;
  const { key } = request;
  // OK: stored. (nil): refused by a version check or a cancelled lease. An error: Redis refused the
  // command itself (OOM under noeviction).
  const stored = payload.reply.type === 'status';
  const failed = payload.reply.type === 'error' ? payload.reply.value : null;
  const { row } = request;
  // A refused fill means Redis holds something newer: the node must not keep the older row either.
  if (stored) context.local?.set(key, row.value, row.version);
  if (stored && context.strategy.invalidation.kind === 'versioned-keys' && request.version === null) {
    // Nobody had recorded a version yet: record the one just loaded, unless a writer got there first.
    advance(request, 'recording the version');
    command(context, request.requestId, ['SET', versionPointer(key), String(row.version), 'NX'], {
      version: row.version,
    });
    narrate(context, 'app.read.version.record', { key, version: row.version }, 'hydrate');
    return;
  }
  if (settleTheRead(context, request)) return;
  respond(context, request, { value: row.value, version: row.version, source: 'database' });
  // With a local cache the node also kept a copy just now: say so, or the L1 table changes unexplained.
  if (!context.narrate) return;
  if (stored && context.local !== null)
    narrate(context, 'app.read.reply.keep-local', { key, client: request.client }, 'reply');
  else if (stored) narrate(context, 'app.read.reply', { key, client: request.client }, 'reply');
  else if (failed !== null)
    narrate(context, 'app.read.fill-failed', { key, client: request.client, error: failed }, 'reply');
  else narrate(context, 'app.read.fill-refused', { key, version: row.version }, 'reply');
}

/** The lock is released (or had expired and was another's): answer the client at last. */
function afterTheRelease(context: AppNodeContext, request: RequestInProgress, released: boolean): void {
  const { key, client, row } = request;
  if (settleTheRead(context, request)) return;
  if (row === null) respond(context, request, { value: null, version: null, source: 'none' });
  else respond(context, request, { value: row.value, version: row.version, source: 'database' });
  if (!released) narrate(context, 'app.read.reply.lock-lost', { key, client }, 'unlock');
  else if (row === null) narrate(context, 'app.read.none.unlocked', { key, client }, 'unlock');
  else narrate(context, 'app.read.reply.unlocked', { key, client }, 'unlock');
}
