// What the cache does with the database's answers: read-through loads and write-behind batches.
import { executeCommand } from '../../redis/commands.ts';
import { NIL, bulk } from '../../redis/reply.ts';
import { note } from '../../sim/messages.ts';
import { type CacheContext, type DbResult, reply, waitingWrites } from './context.ts';
import { keysOf } from './describe.ts';

export function takeDatabaseResult(context: CacheContext, payload: DbResult): void {
  if (payload.query === 'select') finishLoad(context, payload.requestId, payload.key, payload.row);
  else if (payload.query === 'update batch') finishBatch(context, payload.rows);
  else throw new Error(`cache cannot handle a db result for ${payload.query}`);
}

export function finishLoad(
  context: CacheContext,
  requestId: number,
  key: string,
  row: { value: string; version: number } | null,
): void {
  const index = context.loads.findIndex((load) => load.requestId === requestId && load.key === key);
  const load = context.loads[index];
  if (load === undefined) {
    if (context.narrate) context.outbox(note('cache.db.forgotten', { key }));
    return;
  }
  context.loads.splice(index, 1);
  const to = load.from;
  if (row === null) {
    if (context.narrate) context.outbox(note('cache.load.none', { key, to }));
    reply(context, to, { kind: 'cache reply', requestId, command: 'GET', reply: NIL, version: null });
    return;
  }
  const { value, version } = row;
  const held = load.ifNewer ? context.keyspace.find(key) : undefined;
  const newer = held !== undefined && held.version !== null && held.version >= version;
  if (context.narrate) {
    context.outbox(
      newer
        ? note('cache.load.keep', { key, value, version, cached: held.version ?? 0, to })
        : note('cache.load.fill', { key, value, version, ttl: load.ttlSeconds, to }),
    );
  }
  if (!newer) {
    executeCommand(context.keyspace, ['SET', key, value, 'EX', String(load.ttlSeconds)], { version });
    context.leases.delete(key);
  }
  reply(context, to, { kind: 'cache reply', requestId, command: 'GET', reply: bulk(value), version });
}

/** A batch committed: its writes leave the buffer, and keys still holding them get the versions. */
export function finishBatch(
  context: CacheContext,
  rows: { key: string; value: string; version: number }[],
): void {
  const index = context.batches.findIndex(
    (batch) =>
      batch.length === rows.length &&
      batch.every((write, i) => write.key === rows[i]?.key && write.value === rows[i]?.value),
  );
  if (index < 0) {
    if (context.narrate) context.outbox(note('cache.db.forgotten', { key: keysOf(rows) }));
    return;
  }
  context.batches.splice(index, 1);
  for (const { key, value, version } of rows) {
    const entry = context.keyspace.find(key);
    if (entry !== undefined && entry.type === 'string' && entry.value === value) entry.version = version;
  }
  if (context.narrate) {
    const params = { count: rows.length, keys: keysOf(rows), waiting: waitingWrites(context) };
    context.outbox(
      note(params.waiting === 0 ? 'cache.writeBehind.committed.last' : 'cache.writeBehind.committed', params),
    );
  }
}
