/**
 * The requests of a load, in time order: one Poisson stream for the load itself and one for each
 * hot-key burst, merged by time. Pure and lazy: every draw comes from the injected random, one
 * arrival at a time, so a run holds the next arrival of each stream and nothing more, however
 * many requests the load has.
 */
import type { Random } from '../sim/random.ts';
import type { LoadSpec } from './loadSpec.ts';
import { ZipfSampler, zipfKeyName } from './zipf.ts';

export interface Arrival {
  /**
   * When the request arrives, in whole virtual ms: the stream's continuous time rounded down,
   * which keeps the count of arrivals in every whole second (or millisecond) exactly Poisson.
   */
  atMs: number;
  key: string;
  write: boolean;
  /** A read of an id that exists nowhere (`LoadSpec.absent`). */
  absent: boolean;
}

interface Stream {
  /** Arrivals per virtual ms. */
  rate: number;
  /** The stream's next arrival, in continuous virtual ms. */
  next: number;
  /** No arrival at or after this time. */
  end: number;
  /**
   * A burst's key; `absent` for the stream of absent ids; null for the load's own stream, which
   * draws keys by popularity and may write.
   */
  key: string | null | typeof ABSENT;
}

const ABSENT = Symbol('absent ids');

export class LoadArrivals {
  /** The load's keys by popularity rank: `keyNames[0]` is rank 1. Made once, not per request. */
  readonly keyNames: readonly string[];
  /** Keys named by hot-key bursts that are not among the load's keys. */
  readonly otherKeys: readonly string[];
  private readonly streams: Stream[];
  /** How many absent ids the load draws from: `key:<count + 1>` to `key:<count + absentIds>`. */
  private readonly absentIds: number = 0;
  private readonly drawRank: () => number;
  private readonly writeFraction: number;
  /** Arrivals the request cap still allows. */
  private remaining: number;

  constructor(
    spec: LoadSpec,
    private readonly random: Random,
  ) {
    const { count, popularity } = spec.keys;
    this.keyNames = Array.from({ length: count }, (_, i) => zipfKeyName(i + 1));
    this.writeFraction = spec.writeFraction;
    this.remaining = spec.requests ?? Infinity;
    if (popularity.kind === 'zipf') {
      const sampler = new ZipfSampler({ alpha: popularity.alpha, keys: count }, random);
      this.drawRank = () => sampler.nextRank();
    } else {
      this.drawRank = () => 1 + Math.floor(random.next() * count);
    }
    const start = spec.startMs ?? 0;
    const end = spec.durationMs === undefined ? Infinity : start + spec.durationMs;
    this.streams = [this.stream(spec.arrivals.ratePerSecond, start, end, null)];
    const named = new Set(this.keyNames);
    const otherKeys: string[] = [];
    for (const burst of spec.hotKeyBursts ?? []) {
      const key = burst.key ?? (this.keyNames[(burst.rank ?? 1) - 1] as string);
      if (!named.has(key)) {
        named.add(key);
        otherKeys.push(key);
      }
      // A burst ends with the load, too.
      const burstEnd = Math.min(burst.atMs + burst.durationMs, end);
      this.streams.push(this.stream(burst.ratePerSecond, burst.atMs, burstEnd, key));
    }
    this.otherKeys = otherKeys;
    const { absent } = spec;
    if (absent !== undefined) {
      const from = absent.atMs ?? start;
      const until = absent.durationMs === undefined ? end : Math.min(from + absent.durationMs, end);
      this.absentIds = absent.ids;
      this.streams.push(this.stream(absent.ratePerSecond, from, until, ABSENT));
    }
  }

  /** The next request, or null when the load is over. */
  next(): Arrival | null {
    if (this.remaining <= 0) return null;
    let earliest: Stream | null = null;
    // Ties go to the stream listed first (the load, then bursts in order): runs are reproducible.
    for (const stream of this.streams) {
      if (stream.next < stream.end && (earliest === null || stream.next < earliest.next)) earliest = stream;
    }
    if (earliest === null) return null;
    this.remaining--;
    const atMs = Math.floor(earliest.next);
    let arrival: Arrival;
    if (earliest.key === null) {
      const key = this.keyNames[this.drawRank() - 1] as string;
      // Drawn even when no request writes, so a write fraction of 0 and of 0.01 choose the same keys.
      arrival = { atMs, key, write: this.random.next() < this.writeFraction, absent: false };
    } else if (earliest.key === ABSENT) {
      const id = this.keyNames.length + 1 + Math.floor(this.random.next() * this.absentIds);
      arrival = { atMs, key: zipfKeyName(id), write: false, absent: true };
    } else {
      arrival = { atMs, key: earliest.key, write: false, absent: false };
    }
    earliest.next += this.gap(earliest.rate);
    return arrival;
  }

  private stream(ratePerSecond: number, start: number, end: number, key: Stream['key']): Stream {
    const rate = ratePerSecond / 1000;
    return { rate, next: start + this.gap(rate), end, key };
  }

  /** An exponential gap with mean 1/rate: what makes the arrivals a Poisson process. */
  private gap(rate: number): number {
    return -Math.log1p(-this.random.next()) / rate;
  }
}
