import type { LatencyRange } from './scenario.ts';
import type { Random } from './random.ts';

/**
 * Latency between actors. Each message draws a whole number of milliseconds from its link's range.
 * A link is FIFO, like the TCP connection it stands for: a message never overtakes an earlier one
 * on the same link in the same direction.
 */
export class Network {
  private readonly ranges = new Map<string, LatencyRange>();
  private readonly lastArrival = new Map<string, number>();

  constructor(
    private readonly random: Random,
    private readonly defaultLatency: LatencyRange,
    links: readonly { a: string; b: string; latency: LatencyRange }[] = [],
  ) {
    for (const link of links) {
      this.ranges.set(linkKey(link.a, link.b), link.latency);
      this.ranges.set(linkKey(link.b, link.a), link.latency);
    }
  }

  /** When a message sent now from `from` to `to` arrives. */
  arrivalTime(from: string, to: string, now: number): number {
    const key = linkKey(from, to);
    const range = this.ranges.get(key) ?? this.defaultLatency;
    const drawn = now + this.random.int(range.minMs, range.maxMs);
    const arrival = Math.max(drawn, this.lastArrival.get(key) ?? 0);
    this.lastArrival.set(key, arrival);
    return arrival;
  }
}

function linkKey(from: string, to: string): string {
  return `${from}\u2192${to}`;
}
