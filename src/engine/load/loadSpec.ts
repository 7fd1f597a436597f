/**
 * A scenario's load: requests that arrive by a seeded random process instead of (or besides) the
 * hand-written script. Plain data, like the rest of a scenario; `checkLoad` says what is wrong
 * with one that cannot run.
 *
 * Arrivals are open loop, as real users are: a client sends each request when it arrives, without
 * waiting for its previous one to be answered, so a slow system builds a backlog instead of
 * slowing its own load down.
 */
export interface LoadSpec {
  /**
   * How requests arrive. `poisson`: independently, `ratePerSecond` on average (exponential gaps),
   * so the number arriving in any second is Poisson-distributed with mean and variance `ratePerSecond`.
   */
  arrivals: { kind: 'poisson'; ratePerSecond: number };
  /** When the load begins, in virtual ms (default 0). */
  startMs?: number | undefined;
  /**
   * The load stops `durationMs` after `startMs`, or after `requests` arrivals (hot-key bursts
   * included), whichever comes first. At least one of the two must be given.
   */
  durationMs?: number | undefined;
  requests?: number | undefined;
  keys: LoadKeys;
  /** The share of the load's requests that are writes, from 0 to 1; the rest are reads. */
  writeFraction: number;
  /** The clients that send the load, taking turns (round robin); default: every client of the scenario. */
  clients?: string[] | undefined;
  /** Extra reads of one key for a while: a celebrity's profile, a product on the front page. */
  hotKeyBursts?: HotKeyBurst[] | undefined;
  /** Fills many keys into the cache at once, with one TTL: the set-up of a cache avalanche. */
  warmUp?: WarmUp | undefined;
  /** Reads of ids that exist nowhere, on top of the load: a scraper or an attack walking ids. */
  absent?: AbsentReads | undefined;
}

/**
 * Poisson reads of keys that no row has and no request writes, from `atMs` for `durationMs` (they
 * also stop when the load does). Each asks for `key:<count + n>`, the ids past the last one that
 * exists, with n drawn uniformly from 1 to `ids`: a few ids come back often, many rarely.
 */
export interface AbsentReads {
  ratePerSecond: number;
  ids: number;
  atMs?: number | undefined;
  durationMs?: number | undefined;
}

export interface LoadKeys {
  /**
   * How many distinct keys: `key:1` … `key:<count>`, numbered by popularity rank (1 is requested
   * most). The database gets a row for each (`v1`, version 1) unless the scenario's rows have it.
   */
  count: number;
  /** `uniform`: every key alike. `zipf`: rank i with probability ∝ i^−α (α > 0; larger is more skewed). */
  popularity: { kind: 'uniform' } | { kind: 'zipf'; alpha: number };
}

/**
 * Poisson reads of one key at `ratePerSecond`, on top of the load, from `atMs` for `durationMs`
 * (they also stop when the load does). Reads only: a burst is a crowd looking at one thing.
 * The key is named by popularity rank, or by name (a key outside the load's keys gets a row too).
 */
export type HotKeyBurst = {
  atMs: number;
  durationMs: number;
  ratePerSecond: number;
} & ({ rank: number; key?: never } | { key: string; rank?: never });

/**
 * At `atMs`, a loader job copies rows from the database straight into the cache, each with the
 * same TTL, as a deploy script or `redis-cli --pipe` would. It writes data, not requests: it sends
 * no messages (so it draws no network latency and never shifts the rest of the run) and counts no
 * database reads (it stands for an export, not for queries); the series counts its keys as `warmed`.
 */
export interface WarmUp {
  atMs: number;
  /** Which keys: every key of the load, or the `count` most popular (ranks 1 … count). */
  keys: 'all' | number;
  /** The TTL each warmed key gets, in seconds; default the strategy's `ttlSeconds` (no jitter). */
  ttlSeconds?: number | undefined;
  /**
   * Spread the writes evenly over this many ms (most popular first), so their expiries spread as
   * well; 0 or absent: every key at `atMs`, so all of them expire in the same instant.
   */
  staggerMs?: number | undefined;
  /**
   * Adds a whole number of seconds from 0 to this to each key's TTL, drawn per key from the
   * warm-up's own seeded stream: the loader's share of the TTL-jitter fix. 0 or absent: none.
   */
  jitterSeconds?: number | undefined;
}
