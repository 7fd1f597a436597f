/**
 * Latencies of many requests in bounded memory, for percentiles: a log-linear histogram in the
 * manner of HdrHistogram. Whole milliseconds below 128 ms each have their own bin (exact, which is
 * where the simulation's latencies mostly fall); above, every power of two is split into 64 bins,
 * so a value is known to within 1/64 (1.6%) of itself. 1,664 counters cover up to 2^31 ms (larger
 * values are counted in the last bin); fractions of a millisecond are dropped.
 *
 * Percentiles are by nearest rank (the smallest recorded value with at least p% of the values at
 * or below it), reported as the highest value of that value's bin, capped at the largest value
 * recorded: at least p% of the requests took no longer than the figure given.
 */

/** Values below this have a bin each. */
const EXACT_BELOW = 128;
/** Bins per power of two above EXACT_BELOW (2^SUB_BITS). */
const SUB_BITS = 6;
const SUB_BINS = 1 << SUB_BITS;
/** log2(EXACT_BELOW): the first power of two split into SUB_BINS bins. */
const FIRST_SPLIT_POWER = 7;
const LAST_POWER = 30;
const BINS = EXACT_BELOW + (LAST_POWER - FIRST_SPLIT_POWER + 1) * SUB_BINS;

export interface LatencyPercentiles {
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

export class LatencyHistogram {
  private readonly counts = new Uint32Array(BINS);
  private recorded = 0;
  private max = 0;

  get count(): number {
    return this.recorded;
  }

  record(latencyMs: number): void {
    const value = latencyMs >= 0x7fffffff ? 0x7fffffff : latencyMs > 0 ? Math.floor(latencyMs) : 0;
    (this.counts[binOf(value)] as number)++;
    this.recorded++;
    if (value > this.max) this.max = value;
  }

  /** p50, p95, p99 and the largest value; null when nothing was recorded. */
  percentiles(): LatencyPercentiles | null {
    if (this.recorded === 0) return null;
    const ranks = [rankOf(50, this.recorded), rankOf(95, this.recorded), rankOf(99, this.recorded)];
    const found = [0, 0, 0];
    let next = 0;
    let seen = 0;
    // One pass: the three ranks are in increasing order.
    for (let bin = 0; bin < BINS && next < 3; bin++) {
      seen += this.counts[bin] as number;
      while (next < 3 && seen >= (ranks[next] as number)) found[next++] = Math.min(highestIn(bin), this.max);
    }
    return { p50Ms: found[0]!, p95Ms: found[1]!, p99Ms: found[2]!, maxMs: this.max };
  }

  clear(): void {
    if (this.recorded === 0) return;
    this.counts.fill(0);
    this.recorded = 0;
    this.max = 0;
  }
}

/** The nearest rank of percentile p among n values (1-based). */
function rankOf(p: number, n: number): number {
  return Math.max(1, Math.ceil((p / 100) * n));
}

function binOf(value: number): number {
  if (value < EXACT_BELOW) return value;
  const power = 31 - Math.clz32(value);
  const sub = (value >>> (power - SUB_BITS)) - SUB_BINS;
  return EXACT_BELOW + (power - FIRST_SPLIT_POWER) * SUB_BINS + sub;
}

/** The largest whole value that falls in a bin. */
function highestIn(bin: number): number {
  if (bin < EXACT_BELOW) return bin;
  const power = FIRST_SPLIT_POWER + Math.floor((bin - EXACT_BELOW) / SUB_BINS);
  const sub = (bin - EXACT_BELOW) % SUB_BINS;
  const width = 2 ** (power - SUB_BITS);
  return (SUB_BINS + sub) * width + width - 1;
}
