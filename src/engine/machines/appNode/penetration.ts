// The penetration protections of a read: a Bloom filter in front of everything, and null markers
// cached for keys the database does not have.
import { BloomFilter, bloomSize } from '../../protection/bloomFilter.ts';
import { NULL_MARKER, NULL_MARKER_VERSION } from '../../protection/nullMarker.ts';
import type { PenetrationProtection } from '../../strategies/strategy.ts';
import {
  advance,
  command,
  narrate,
  respond,
  type AppNodeContext,
  type RequestInProgress,
} from './request.ts';
import { settleTheRead } from './readSteps.ts';

/** Where the node's filter will come from: null without a Bloom filter or without the keys. */
export function bloomFilterSlot(
  penetration: PenetrationProtection,
  databaseKeys: (() => Iterable<string>) | undefined,
): { filter: BloomFilter | null } | null {
  return penetration.kind === 'bloom-filter' && databaseKeys !== undefined ? { filter: null } : null;
}

/** The node's filter, loaded with the database's keys the first time it is needed. */
export function filterOf(context: AppNodeContext): BloomFilter | null {
  const slot = context.bloom;
  const { penetration, databaseKeys } = context;
  if (slot === null || penetration.kind !== 'bloom-filter' || databaseKeys === undefined) return null;
  if (slot.filter === null) {
    const filter = new BloomFilter(penetration.expectedItems, penetration.falsePositiveRate);
    for (const key of databaseKeys()) filter.add(key);
    slot.filter = filter;
  }
  return slot.filter;
}

/** True when the filter has never seen the key: the read is answered "not found" here and now. */
export function rejectedByTheFilter(context: AppNodeContext, request: RequestInProgress): boolean {
  const filter = filterOf(context);
  if (filter === null || filter.mightContain(request.key)) return false;
  respond(context, request, { value: null, version: null, source: 'none' });
  narrate(context, 'app.read.bloom.absent', { key: request.key, hashes: filter.hashes }, 'bloom-check');
  return true;
}

/** What a read that passed the filter says, in place of the plain start of a read. */
export function narrateTheFilterPass(context: AppNodeContext, key: string): void {
  const hashes = filterOf(context)?.hashes ?? 0;
  narrate(context, 'app.read.bloom.maybe', { key, hashes }, 'bloom-check');
}

/** A hit on a null marker: the key is known not to exist, and the database is not asked. */
export function answerFromTheNullMarker(context: AppNodeContext, request: RequestInProgress): void {
  respond(context, request, { value: null, version: null, source: 'cache' });
  narrate(context, 'app.read.null.hit', { key: request.key }, 'null-hit');
}

/** Whether a value read from Redis is this strategy's null marker. */
export function isNullMarker(context: AppNodeContext, value: string): boolean {
  return context.penetration.kind === 'null-caching' && value === NULL_MARKER;
}

/** The database has no row: cache a null marker (null caching), or answer "not found". */
export function answerNoRow(context: AppNodeContext, request: RequestInProgress, shared: number): void {
  const { penetration } = context;
  const { key } = request;
  if (penetration.kind === 'null-caching') {
    const ttl = String(penetration.ttlSeconds);
    advance(request, 'caching the null marker');
    command(context, request.requestId, ['SET', key, NULL_MARKER, 'EX', ttl], {
      version: NULL_MARKER_VERSION,
    });
    const params = { key, marker: NULL_MARKER, ttl };
    if (shared > 0) narrate(context, 'app.read.null.fill.shared', { ...params, count: shared }, 'null-cache');
    else narrate(context, 'app.read.null.fill', params, 'null-cache');
    return;
  }
  if (settleTheRead(context, request)) return;
  respond(context, request, { value: null, version: null, source: 'none' });
  if (shared > 0) narrate(context, 'app.read.none.shared', { key, count: shared }, 'not-found');
  else narrate(context, 'app.read.none', { key }, 'not-found');
}

/** The null marker is stored: release the lock if held, then answer "not found". */
export function afterTheNullMarker(
  context: AppNodeContext,
  request: RequestInProgress,
  stored: boolean,
): void {
  if (settleTheRead(context, request)) return;
  respond(context, request, { value: null, version: null, source: 'none' });
  const said = stored ? 'app.read.none.cached' : 'app.read.none.not-cached';
  narrate(context, said, { key: request.key, client: request.client }, 'not-found');
}

/** What the node's filter holds, for the frame. */
export function filterLines(context: AppNodeContext): string[] {
  const { penetration } = context;
  if (context.bloom === null || penetration.kind !== 'bloom-filter') return [];
  const filter = context.bloom.filter;
  if (filter === null) {
    const { bits, hashes } = bloomSize(penetration.expectedItems, penetration.falsePositiveRate);
    return [`Bloom filter: m = ${bits} bits, k = ${hashes} hashes, to be loaded with the database's keys`];
  }
  const rate = (filter.expectedFalsePositiveRate() * 100).toFixed(2);
  return [
    `Bloom filter: m = ${filter.bits} bits (${filter.bitsSet()} set), k = ${filter.hashes} hashes, ` +
      `${filter.items} keys, false positives ≈ ${rate}%`,
  ];
}
