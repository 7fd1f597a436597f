import { BACKGROUND_REQUEST, eventIdFor } from '../../sim/events.ts';
import type { Payload } from '../../sim/messages.ts';
import { filterOf } from './penetration.ts';
import {
  advance,
  command,
  fillTtlSeconds,
  isCacheReply,
  isRowResult,
  narrate,
  query,
  respond,
  send,
  versionPointer,
  type AppNodeContext,
  type RequestInProgress,
} from './request.ts';

type WriteRequest = Extract<Payload, { kind: 'write request' }>;

/** What a step of a write asks the machine to schedule: the delayed second delete. */
export interface DeleteAgain {
  key: string;
  requestId: number;
  delayMs: number;
}

/** A write, by the strategy's write path: to the database first, or to the cache first. */
export function startWrite(context: AppNodeContext, from: string, payload: WriteRequest): void {
  const { requestId, key, value } = payload;
  const { write, invalidation } = context.strategy;
  const request: RequestInProgress = {
    requestId,
    client: from,
    op: 'write',
    key,
    value,
    phase: 'writing the database',
    row: null,
    version: null,
    lease: null,
    guard: null,
  };
  context.requests.set(requestId, request);
  // The key may be new: the filter must know it before anyone reads it. If the write fails the
  // filter holds one key too many, which a Bloom filter allows (it only errs towards "maybe").
  if (context.bloom !== null) filterOf(context)?.add(key);
  if (write.kind === 'write-behind') {
    context.local?.delete(key);
    advance(request, 'updating the cache');
    command(context, requestId, ['SET', key, value], { writeBehind: true });
    narrate(context, 'app.write.behind.start', { key, value }, 'behind-set');
    return;
  }
  if (write.kind === 'write-around' && write.deleteKey === 'before-commit') {
    advance(request, 'deleting the key');
    command(context, requestId, ['DEL', key]);
    narrate(context, 'app.write.delete-first', { key }, 'early-invalidate');
    return;
  }
  const outbox = invalidation.kind === 'outbox' ? { schema: 1 } : undefined;
  query(context, { kind: 'db query', requestId, query: 'update', key, value, outbox });
  if (outbox !== undefined) narrate(context, 'app.write.start.outbox', { key, value }, 'outbox-write');
  else if (write.kind === 'write-through')
    narrate(context, 'app.write.through.start', { key, value }, 'write-db');
  else narrate(context, 'app.write.start', { key, value }, 'write-db');
}

/** The next step of a write, when the answer it waits for arrives. */
export function continueWrite(
  context: AppNodeContext,
  request: RequestInProgress,
  payload: Payload,
): DeleteAgain | null {
  const { key } = request;
  switch (request.phase) {
    case 'deleting the key':
      if (!isCacheReply(payload)) return null;
      if (request.row === null) {
        // Delete-before-commit: the key is gone; only now does the update go out.
        advance(request, 'writing the database');
        query(context, {
          kind: 'db query',
          requestId: request.requestId,
          query: 'update',
          key,
          value: request.value,
        });
        narrate(context, 'app.write.update-after-delete', { key, value: request.value }, 'late-write-db');
        return null;
      }
      return afterTheCacheIsUpdated(context, request);
    case 'writing the database': {
      if (!isRowResult(payload)) return null;
      if (payload.row === null) {
        respond(context, request, {
          value: payload.error ?? 'write failed',
          version: null,
          source: 'none',
          ok: false,
        });
        narrate(context, 'app.write.failed', { key, client: request.client }, 'write-failed');
        return null;
      }
      request.row = payload.row;
      context.local?.delete(key);
      return afterTheCommit(context, request);
    }
    case 'updating the cache':
      if (!isCacheReply(payload)) return null;
      if (context.strategy.write.kind === 'write-behind') {
        respond(context, request, { value: request.value, version: null, source: 'cache' });
        narrate(context, 'app.write.behind.ack', { key, client: request.client }, 'behind-ack');
        return null;
      }
      return afterTheCacheIsUpdated(context, request);
    case 'publishing the invalidation':
    case 'publishing the event':
      acknowledge(context, request);
      return null;
    default:
      return null;
  }
}

/** The delayed second delete of `delayed-double-delete`. */
export function deleteAgain(context: AppNodeContext, key: string): void {
  command(context, BACKGROUND_REQUEST, ['DEL', key]);
  narrate(context, 'app.write.delete-again', { key }, 'delete-again');
}

/** After the commit: bring the cache up to date, by the strategy. */
function afterTheCommit(context: AppNodeContext, request: RequestInProgress): DeleteAgain | null {
  const { strategy } = context;
  const { key, value, requestId } = request;
  const row = request.row!;
  const ttl = String(fillTtlSeconds(context));
  if (strategy.write.kind === 'write-around' && strategy.write.deleteKey === 'before-commit') {
    return afterTheCacheIsUpdated(context, request);
  }
  if (strategy.invalidation.kind === 'outbox' || strategy.invalidation.kind === 'publish-after-commit') {
    // Event-driven: consumers invalidate the cache; this node only makes sure the event goes out.
    return afterTheCacheIsUpdated(context, request);
  }
  advance(request, 'updating the cache');
  if (strategy.write.kind === 'write-through') {
    // With version-cas, the write's SET is compared like a fill: two writers' SETs can arrive in
    // either order, and the older version must not overwrite the newer one.
    const ifNewer = strategy.raceFix.kind === 'version-cas' || undefined;
    command(context, requestId, ['SET', key, value, 'EX', ttl], { version: row.version, ifNewer });
    narrate(context, 'app.write.through.set', { key, value, version: row.version, ttl }, 'through-set');
  } else if (strategy.invalidation.kind === 'versioned-keys') {
    command(context, requestId, ['SET', versionPointer(key), String(row.version)], { version: row.version });
    narrate(context, 'app.write.version-bump', { key, version: row.version }, 'bump-version');
  } else if (strategy.raceFix.kind === 'version-cas') {
    command(context, requestId, ['SET', key, value, 'EX', ttl], { version: row.version, ifNewer: true });
    narrate(context, 'app.write.set-if-newer', { key, value, version: row.version, ttl }, 'cas-set');
  } else {
    advance(request, 'deleting the key');
    command(context, requestId, ['DEL', key]);
    narrate(context, 'app.write.invalidate', { key }, 'invalidate');
  }
  return null;
}

/** After Redis is up to date: schedule a second delete, tell the other nodes, then acknowledge. */
function afterTheCacheIsUpdated(context: AppNodeContext, request: RequestInProgress): DeleteAgain | null {
  const { strategy } = context;
  const { key, requestId } = request;
  const row = request.row!;
  const again: DeleteAgain | null =
    strategy.raceFix.kind === 'delayed-double-delete'
      ? { key, requestId, delayMs: strategy.raceFix.delayMs }
      : null;
  const { invalidation } = strategy;
  if (invalidation.kind === 'pubsub') {
    advance(request, 'publishing the invalidation');
    const message = `${key} ${row.version} ${context.id}`;
    command(context, requestId, ['PUBLISH', invalidation.channel, message]);
    narrate(
      context,
      'app.write.publish',
      { key, version: row.version, channel: invalidation.channel, origin: context.id },
      'publish',
    );
  } else if (invalidation.kind === 'publish-after-commit' && context.broker !== null) {
    advance(request, 'publishing the event');
    const event = { eventId: eventIdFor(key, row.version), key, version: row.version, schema: 1 };
    context.outbox(send(context.broker, { kind: 'event publish', requestId, event }));
    narrate(
      context,
      'app.write.publish-event',
      { key, version: row.version, event: event.eventId },
      'publish-event',
    );
  } else {
    // The first thing said is the step's headline: the scheduled second delete, when there is one.
    if (again !== null)
      narrate(
        context,
        'app.write.reply.delete-again',
        { key, client: request.client, ms: again.delayMs },
        'schedule-delete-again',
      );
    acknowledge(context, request);
  }
  return again;
}

function acknowledge(context: AppNodeContext, request: RequestInProgress): void {
  const row = request.row!;
  const { write, invalidation } = context.strategy;
  respond(context, request, { value: row.value, version: row.version, source: 'database' });
  const lateOrder = write.kind === 'write-around' && write.deleteKey === 'before-commit';
  const params = { key: request.key, client: request.client };
  if (invalidation.kind === 'outbox') narrate(context, 'app.write.reply.outbox', params, 'write-reply');
  else narrate(context, 'app.write.reply', params, lateOrder ? 'late-write-reply' : 'write-reply');
}
