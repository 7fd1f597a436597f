import type { Payload } from '../../sim/messages.ts';
import {
  advance,
  bulkValue,
  command,
  isCacheReply,
  isRowResult,
  narrate,
  query,
  respond,
  versionedKey,
  versionPointer,
  fillTtlSeconds,
  type AppNodeContext,
  type CommandMeta,
  type RequestInProgress,
} from './request.ts';

type ReadRequest = Extract<Payload, { kind: 'read request' }>;

/** A read: the local cache first (if any), then Redis (through the version pointer, if versioned). */
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
  };
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
  if (expired) narrate(context, 'app.read.local-expired', { key }, 'read-cache');
  else if (context.local !== null) narrate(context, 'app.read.local-miss', { key }, 'read-cache');
  else narrate(context, 'app.read.start', { client: from, key }, 'read-cache');
}

/** The next step of a read, when the answer it waits for arrives. */
export function continueRead(context: AppNodeContext, request: RequestInProgress, payload: Payload): void {
  const { key } = request;
  switch (request.phase) {
    case 'checking the version': {
      if (!isCacheReply(payload)) return;
      const pointer = bulkValue(payload.reply);
      if (pointer === null) {
        loadFromTheDatabase(context, request);
        narrate(context, 'app.read.version.none', { key }, 'read-db');
        return;
      }
      request.version = Number(pointer);
      askTheCache(context, request, versionedKey(key, request.version));
      narrate(
        context,
        'app.read.versioned',
        { key: versionedKey(key, request.version), version: request.version },
        'read-cache',
      );
      return;
    }
    case 'checking the cache': {
      if (!isCacheReply(payload)) return;
      const value = bulkValue(payload.reply);
      if (value !== null) {
        context.local?.set(key, value, payload.version);
        respond(context, request, { value, version: payload.version, source: 'cache' });
        if (context.narrate) {
          const said = context.local === null ? 'app.read.hit' : 'app.read.hit.keep-local';
          narrate(context, said, { key, value }, 'cache-hit');
        }
        return;
      }
      if (context.strategy.read === 'read-through') {
        respond(context, request, { value: null, version: null, source: 'none' });
        narrate(context, 'app.read.none', { key }, 'not-found');
        return;
      }
      request.lease = payload.lease ?? null;
      loadFromTheDatabase(context, request);
      if (!context.narrate) return;
      if (request.lease === null) narrate(context, 'app.read.miss', { key }, 'read-db');
      else narrate(context, 'app.read.miss.lease', { key, lease: request.lease }, 'read-db');
      return;
    }
    case 'loading from the database': {
      if (!isRowResult(payload)) return;
      const { row } = payload;
      if (row === null) {
        respond(context, request, { value: null, version: null, source: 'none' });
        narrate(context, 'app.read.none', { key }, 'not-found');
        return;
      }
      request.row = row;
      fillTheCache(context, request);
      return;
    }
    case 'filling the cache': {
      if (!isCacheReply(payload) || request.row === null) return;
      const stored = payload.reply.type !== 'bulk';
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
      respond(context, request, { value: row.value, version: row.version, source: 'database' });
      // With a local cache the node also kept a copy just now: say so, or the L1 table changes unexplained.
      if (!context.narrate) return;
      if (stored && context.local !== null)
        narrate(context, 'app.read.reply.keep-local', { key, client: request.client }, 'reply');
      else if (stored) narrate(context, 'app.read.reply', { key, client: request.client }, 'reply');
      else narrate(context, 'app.read.fill-refused', { key, version: row.version }, 'reply');
      return;
    }
    case 'recording the version': {
      if (request.row === null) return;
      const { row } = request;
      respond(context, request, { value: row.value, version: row.version, source: 'database' });
      narrate(context, 'app.read.reply', { key, client: request.client }, 'reply');
      return;
    }
    default:
      return;
  }
}

function askTheCache(context: AppNodeContext, request: RequestInProgress, cacheKey: string): void {
  const { strategy } = context;
  advance(request, 'checking the cache');
  let meta: CommandMeta | undefined;
  if (strategy.raceFix.kind === 'lease') meta = { lease: 'request' };
  if (strategy.read === 'read-through')
    meta = { ...meta, loadOnMiss: { ttlSeconds: fillTtlSeconds(context) } };
  command(context, request.requestId, ['GET', cacheKey], meta);
}

function loadFromTheDatabase(context: AppNodeContext, request: RequestInProgress): void {
  advance(request, 'loading from the database');
  query(context, { kind: 'db query', requestId: request.requestId, query: 'select', key: request.key });
}

function fillTheCache(context: AppNodeContext, request: RequestInProgress): void {
  const { strategy } = context;
  const row = request.row;
  if (row === null) return;
  const ttl = String(fillTtlSeconds(context));
  const cacheKey =
    strategy.invalidation.kind === 'versioned-keys' ? versionedKey(request.key, row.version) : request.key;
  advance(request, 'filling the cache');
  const ifNewer = strategy.raceFix.kind === 'version-cas';
  const lease = request.lease ?? undefined;
  const meta: CommandMeta = { version: row.version };
  if (ifNewer) meta.ifNewer = true;
  if (lease !== undefined) meta.lease = lease;
  command(context, request.requestId, ['SET', cacheKey, row.value, 'EX', ttl], meta);
  if (!context.narrate) return;
  const params = { key: cacheKey, value: row.value, version: row.version, ttl };
  if (ifNewer) narrate(context, 'app.read.fill.if-newer', params, 'hydrate');
  else if (lease !== undefined) narrate(context, 'app.read.fill.lease', { ...params, lease }, 'hydrate');
  else narrate(context, 'app.read.fill', params, 'hydrate');
}
