import { LatencyHistogram } from '../load/latencyHistogram.ts';
import type { Message } from './messages.ts';
import type { MetricsBucket, MetricsCounts, MetricsSeries } from './trace.ts';
import type { Entry, World } from './world.ts';

const BUCKET_MS = 1000;

/** Counters the world keeps from the start of the run: a bucket is the difference of two readings. */
interface Reading {
  hits: number;
  misses: number;
  dbReads: number;
  dbWrites: number;
  dbNotFound: number;
  evictions: number;
  expirations: number;
}

/** What a key's commits say about stale reads: its newest version, when, and the newest before that. */
interface CommitMark {
  version: number;
  time: number;
  /** The newest version committed strictly before `time`; 0 for none. */
  versionBefore: number;
}

type Response = Extract<Message['payload'], { kind: 'response' }>;

/**
 * Counts a `record: 'metrics'` run into one bucket per virtual second as it goes, in memory that
 * grows with the run's virtual duration and its requests in flight, never with the requests served:
 * no history, no frames, a fixed-size histogram per second, and per key only its newest commits.
 *
 * Stale reads are the checker's (a read that returns an older version than the newest committed
 * before it was sent), decided when the read is sent from the key's commit mark, and when it is
 * answered from its version, instead of from the whole history afterwards.
 */
export class MetricsRecorder {
  private readonly buckets: MetricsBucket[] = [];
  private bucketStart = 0;
  private reading: Reading;
  private readonly secondLatencies = new LatencyHistogram();
  private readonly runLatencies = new LatencyHistogram();
  // Counted here, for the open bucket.
  private issued = 0;
  private requests = 0;
  private failed = 0;
  private warmedKeys = 0;
  private staleReads = 0;
  private absentReads = 0;
  /** When each unanswered operation was issued, by request id. */
  private readonly issuedAt = new Map<number, number>();
  /** For reads sent after a commit of their key: the version they must not be older than. */
  private readonly mustSee = new Map<number, number>();
  private readonly marks = new Map<string, CommitMark>();

  constructor(private readonly world: World) {
    this.reading = readingOf(world);
  }

  /** Closes every second that is over by `time`; called before the event at `time` is handled. */
  reach(time: number): void {
    while (time >= this.bucketStart + BUCKET_MS) this.close();
  }

  /**
   * Counts what the step just taken did (after `answered`, for a response that reached its
   * client). Cheap when nothing is to be counted: it runs every step.
   */
  stepTaken(entry: Entry): void {
    const world = this.world;
    if (entry.kind === 'issue' || entry.kind === 'arrival') {
      this.issued++;
      this.issuedAt.set(entry.operation.requestId, world.now);
      if (entry.kind === 'arrival' && entry.absent) this.absentReads++;
    }
    if (world.rows.commits.length > 0) this.committed();
    // Before any commit no read can be stale: a read-only run never looks at what it sends.
    if (this.marks.size > 0 && world.sentThisStep.length > 0) this.sent(world.sentThisStep);
  }

  warmed(keys: number): void {
    this.warmedKeys += keys;
  }

  /** The series, with the second the run ended in closed. */
  finish(): MetricsSeries {
    this.reach(this.world.now);
    this.close();
    const totals: MetricsCounts = {
      issued: 0,
      requests: 0,
      failed: 0,
      hits: 0,
      misses: 0,
      dbReads: 0,
      dbWrites: 0,
      evictions: 0,
      expirations: 0,
      warmed: 0,
      staleReads: 0,
      absentReads: 0,
      dbNotFound: 0,
      ...latencyOf(this.runLatencies),
    };
    for (const bucket of this.buckets) {
      for (const name of SUMMED) totals[name] += bucket[name];
    }
    return { bucketMs: BUCKET_MS, buckets: this.buckets, totals };
  }

  /** A response reached its client: the operation is done, and how long it took is known. */
  answered(message: Message): void {
    const response = message.payload as Response;
    const { requestId } = response;
    this.requests++;
    if (!response.ok) this.failed++;
    const issuedAt = this.issuedAt.get(requestId);
    if (issuedAt !== undefined) {
      this.issuedAt.delete(requestId);
      const latency = this.world.now - issuedAt;
      this.secondLatencies.record(latency);
      this.runLatencies.record(latency);
    }
    if (this.mustSee.size === 0) return;
    const mustSee = this.mustSee.get(requestId);
    if (mustSee === undefined) return;
    this.mustSee.delete(requestId);
    if (response.op === 'read' && response.ok && response.version !== null && response.version < mustSee)
      this.staleReads++;
  }

  private committed(): void {
    const { commits } = this.world.rows;
    const time = this.world.now;
    for (const { key, version } of commits) {
      const mark = this.marks.get(key);
      if (mark === undefined) this.marks.set(key, { version, time, versionBefore: 0 });
      else {
        if (mark.time < time) mark.versionBefore = mark.version;
        mark.version = version;
        mark.time = time;
      }
    }
    // A metrics run keeps no history: commits, once counted, are dropped, so memory stays flat.
    commits.length = 0;
  }

  private sent(messages: readonly Message[]): void {
    const now = this.world.now;
    for (const { from, payload } of messages) {
      if (payload.kind !== 'read request' || !this.world.clients.has(from)) continue;
      const mark = this.marks.get(payload.key);
      if (mark === undefined) continue;
      // The checker counts commits strictly before the read began; one in this same millisecond does not.
      const newest = mark.time < now ? mark.version : mark.versionBefore;
      if (newest > 0) this.mustSee.set(payload.requestId, newest);
    }
  }

  private close(): void {
    const reading = readingOf(this.world);
    const last = this.reading;
    this.buckets.push({
      startMs: this.bucketStart,
      issued: this.issued,
      requests: this.requests,
      failed: this.failed,
      hits: reading.hits - last.hits,
      misses: reading.misses - last.misses,
      dbReads: reading.dbReads - last.dbReads,
      dbWrites: reading.dbWrites - last.dbWrites,
      evictions: reading.evictions - last.evictions,
      expirations: reading.expirations - last.expirations,
      warmed: this.warmedKeys,
      staleReads: this.staleReads,
      absentReads: this.absentReads,
      dbNotFound: reading.dbNotFound - last.dbNotFound,
      ...latencyOf(this.secondLatencies),
    });
    this.reading = reading;
    this.issued = this.requests = this.failed = this.warmedKeys = this.staleReads = this.absentReads = 0;
    this.secondLatencies.clear();
    this.bucketStart += BUCKET_MS;
  }
}

/** The counts a series' totals add up from its buckets. */
const SUMMED = [
  'issued',
  'requests',
  'failed',
  'hits',
  'misses',
  'dbReads',
  'dbWrites',
  'evictions',
  'expirations',
  'warmed',
  'staleReads',
  'absentReads',
  'dbNotFound',
] as const;

function readingOf(world: World): Reading {
  const { hits, misses, expiredKeys, evictedKeys } = world.keyspace.stats;
  const { reads, writes, notFound } = world.rows.stats;
  return {
    hits,
    misses,
    dbReads: reads,
    dbWrites: writes,
    dbNotFound: notFound,
    evictions: evictedKeys,
    expirations: expiredKeys,
  };
}

function latencyOf(histogram: LatencyHistogram): Pick<MetricsCounts, 'p50Ms' | 'p95Ms' | 'p99Ms' | 'maxMs'> {
  const latency = histogram.percentiles();
  return latency === null ? { p50Ms: null, p95Ms: null, p99Ms: null, maxMs: null } : latency;
}
