import { LoadArrivals } from '../load/arrivals.ts';
import type { LoadSpec, WarmUp } from '../load/loadSpec.ts';
import type { LoadOperation } from '../machines/clientMachine.ts';
import { note, type StepNote } from './messages.ts';
import { createRandom } from './random.ts';
import type { Scenario } from './scenario.ts';
import type { Entry, World } from './world.ts';

/**
 * Mixed into the seed for the load's own random stream (gaps, keys, reads or writes). Drawing the
 * load takes nothing from the network's, the keyspace's or TTL jitter's streams, and they take
 * nothing from it: a seed gives the same arrivals whatever the topology and latencies.
 */
const LOAD_STREAM = 0x6c6f6164;
/** Mixed into the seed for the warm-up's TTL jitter: its own stream, drawn only when it has jitter. */
const WARM_UP_STREAM = 0x7761726d;
/** The value of a load key's row when the run starts. */
const FIRST_VALUE = 'v1';

type WarmUpEntry = Entry & { kind: 'warm up' };

/**
 * Feeds a scenario's load to the queue one arrival at a time, as the script feeder does: the next
 * arrival is queued when the previous one is taken, so the queue holds one arrival however many
 * requests the load has. Arrivals go to the load's clients in turn and get request ids after the
 * script's (console lines have negative ones), so every id in a run is unique.
 *
 * A bulk warm-up is fed the same way: one queue entry per millisecond that has keys to write.
 */
export class LoadFeeder {
  private readonly arrivals: LoadArrivals;
  private readonly clients: readonly string[];
  private turn = 0;
  private nextRequestId: number;
  private readonly warmUp: WarmUp | null;
  /** How many keys the warm-up writes, and the TTL it gives them. */
  private readonly warmKeys: number;
  private readonly warmTtlSeconds: number;
  /** Draws the extra seconds of each warmed key's TTL, 0 to `jitterSeconds`; null without jitter. */
  private readonly warmJitter: (() => number) | null;
  private readonly warmJitterSeconds: number;
  /** The index (rank − 1) of the next key the warm-up writes. */
  private nextWarmIndex = 0;

  constructor(
    private readonly world: World,
    scenario: Scenario,
    load: LoadSpec,
    seed: number,
  ) {
    this.arrivals = new LoadArrivals(load, createRandom((seed ^ LOAD_STREAM) >>> 0));
    this.clients = load.clients ?? scenario.clients.map((c) => c.id);
    this.nextRequestId = scenario.script.length + 1;
    for (const key of this.arrivals.keyNames) world.rows.seed(key, FIRST_VALUE, 1);
    for (const key of this.arrivals.otherKeys) world.rows.seed(key, FIRST_VALUE, 1);
    this.warmUp = load.warmUp ?? null;
    const { keys } = load.warmUp ?? { keys: 0 };
    this.warmKeys = keys === 'all' ? load.keys.count : keys;
    this.warmTtlSeconds = load.warmUp?.ttlSeconds ?? scenario.strategy.ttlSeconds;
    const jitter = load.warmUp?.jitterSeconds ?? 0;
    const jitterRandom = jitter > 0 ? createRandom((seed ^ WARM_UP_STREAM) >>> 0) : null;
    this.warmJitter = jitterRandom === null ? null : () => jitterRandom.int(0, jitter);
    this.warmJitterSeconds = jitter;
  }

  /** Queues the first arrival and the warm-up's first write. */
  start(): void {
    this.feed();
    this.queueWarmUp();
  }

  /** Queues the next arrival, if the load has one; called when the previous one is taken. */
  feed(): void {
    const arrival = this.arrivals.next();
    if (arrival === null) return;
    const requestId = this.nextRequestId++;
    const client = this.clients[this.turn] as string;
    this.turn = this.turn + 1 === this.clients.length ? 0 : this.turn + 1;
    const { key } = arrival;
    const operation: LoadOperation = arrival.write
      ? { requestId, op: 'write', key, value: `w${requestId}` }
      : { requestId, op: 'read', key };
    const world = this.world;
    world.pendingWork++;
    world.pendingInputs++;
    const { atMs: time, absent } = arrival;
    world.queue.push({ time, origin: requestId, kind: 'arrival', client, operation, absent });
  }

  /**
   * Writes a warm-up entry's keys into the cache, each with the row the database holds now and the
   * warm-up's TTL, and queues the next entry. Returns how many keys it wrote, and says so.
   */
  warm(entry: WarmUpEntry): number {
    const { keyspace, rows } = this.world;
    const names = this.arrivals.keyNames;
    const jitter = this.warmJitter;
    for (let rank = entry.fromRank; rank < entry.toRank; rank++) {
      const key = names[rank - 1] as string;
      const row = rows.peek(key);
      const ttlMs = (this.warmTtlSeconds + (jitter === null ? 0 : jitter())) * 1000;
      if (row !== null) keyspace.set(key, row.value, { ttlMs, version: row.version });
    }
    // As a SET over the limit would: the cache makes room by its eviction policy (if it has a limit).
    keyspace.evictUntilUnderLimit();
    const count = entry.toRank - entry.fromRank;
    this.world.note = warmUpNote(count, this.warmTtlSeconds, this.warmJitterSeconds, names, entry);
    this.queueWarmUp();
    return count;
  }

  /** Queues the warm-up's next write: every key due in the same millisecond, in one entry. */
  private queueWarmUp(): void {
    const warmUp = this.warmUp;
    const total = this.warmKeys;
    const first = this.nextWarmIndex;
    if (warmUp === null || first >= total) return;
    const stagger = warmUp.staggerMs ?? 0;
    const timeOf = (index: number) => warmUp.atMs + Math.floor((index * stagger) / total);
    const time = timeOf(first);
    let end = first + 1;
    while (end < total && timeOf(end) === time) end++;
    this.nextWarmIndex = end;
    const world = this.world;
    world.pendingWork++;
    world.pendingInputs++;
    world.queue.push({ time, origin: 0, kind: 'warm up', fromRank: first + 1, toRank: end + 1 });
  }
}

function warmUpNote(
  count: number,
  ttl: number,
  jitter: number,
  names: readonly string[],
  entry: WarmUpEntry,
): StepNote {
  const from = names[entry.fromRank - 1] as string;
  const to = names[entry.toRank - 2] as string;
  if (jitter > 0) return note('load.warm-up.jitter', { count, ttl, jitter, from, to });
  return note('load.warm-up', { count, ttl, from, to });
}
