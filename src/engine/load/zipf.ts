/**
 * Zipf-distributed keys for the load lab: over N keys, the key of rank i (1 = most popular) is
 * requested with probability p_i = i^−α / Σ_j j^−α, independently of every other request (the
 * independent reference model that Che's approximation assumes).
 *
 * Sampling inverts the cumulative distribution with a binary search over a table built once, so
 * a million samples over ten thousand keys cost about fourteen comparisons each.
 */
import { createRandom, type Random } from '../sim/random.ts';

export interface ZipfOptions {
  /** The skew α, > 0: larger means a few keys take more of the requests. */
  alpha: number;
  /** How many distinct keys, ≥ 1. */
  keys: number;
}

export interface ZipfTraceOptions extends ZipfOptions {
  /** How many requests the trace holds. */
  requests: number;
  seed: number;
}

/** A key's name in a Zipf trace: its popularity rank. */
export function zipfKeyName(rank: number): string {
  return `key:${rank}`;
}

/** p_i for ranks 1…N, at index i − 1. */
export function zipfProbabilities({ alpha, keys }: ZipfOptions): Float64Array {
  checkZipf({ alpha, keys });
  const p = new Float64Array(keys);
  let total = 0;
  for (let i = 0; i < keys; i++) {
    p[i] = Math.pow(i + 1, -alpha);
    total += p[i] as number;
  }
  for (let i = 0; i < keys; i++) p[i] = (p[i] as number) / total;
  return p;
}

/** Draws ranks 1…N with Zipf(α) probabilities from the given seeded random. */
export class ZipfSampler {
  /** cumulative[i] = P(rank ≤ i + 1); the last entry is exactly 1. */
  private readonly cumulative: Float64Array;

  constructor(
    options: ZipfOptions,
    private readonly random: Random,
  ) {
    const p = zipfProbabilities(options);
    this.cumulative = new Float64Array(p.length);
    let sum = 0;
    for (let i = 0; i < p.length; i++) {
      sum += p[i] as number;
      this.cumulative[i] = sum;
    }
    // Rounding may leave the sum a hair under 1; a draw just below 1 must still find a rank.
    this.cumulative[p.length - 1] = 1;
  }

  /** The next rank, 1 = most popular. */
  nextRank(): number {
    const u = this.random.next();
    const cumulative = this.cumulative;
    let low = 0;
    let high = cumulative.length - 1;
    // The first index whose cumulative probability exceeds u.
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((cumulative[mid] as number) > u) high = mid;
      else low = mid + 1;
    }
    return low + 1;
  }
}

/** `requests` keys named `key:<rank>`, drawn with a PRNG seeded by `seed`: the same seed, the same trace. */
export function* zipfTrace(options: ZipfTraceOptions): Generator<string, void, undefined> {
  const { requests, seed } = options;
  if (!Number.isInteger(requests) || requests < 0) {
    throw new RangeError(`a Zipf trace needs a whole number of requests ≥ 0, not ${requests}`);
  }
  const sampler = new ZipfSampler(options, createRandom(seed));
  // Names made once, so a million requests do not build a million strings.
  const names = Array.from({ length: options.keys }, (_, i) => zipfKeyName(i + 1));
  for (let i = 0; i < requests; i++) yield names[sampler.nextRank() - 1] as string;
}

function checkZipf({ alpha, keys }: ZipfOptions): void {
  if (!(Number.isFinite(alpha) && alpha > 0)) throw new RangeError(`Zipf's α must be > 0, not ${alpha}`);
  if (!Number.isInteger(keys) || keys < 1) {
    throw new RangeError(`a Zipf distribution needs a whole number of keys ≥ 1, not ${keys}`);
  }
}
