import type { LatencyRange } from './scenario.ts';
import type { Random } from './random.ts';

interface Link {
  latency: LatencyRange;
  /** Added to every message by a `delay link` fault. */
  extraMs: number;
  /** When the last message on this link, in this direction, arrives. */
  lastArrival: number;
}

/**
 * Latency between actors. Each message draws a whole number of milliseconds from its link's range.
 * A link is FIFO, like the TCP connection it stands for: a message never overtakes an earlier one
 * on the same link in the same direction.
 */
export class Network {
  private readonly overrides = new Map<string, Map<string, LatencyRange>>();
  /** Links by sender, then receiver: two Map lookups per message, no string building. */
  private readonly links = new Map<string, Map<string, Link>>();

  constructor(
    private readonly random: Random,
    private readonly defaultLatency: LatencyRange,
    links: readonly { a: string; b: string; latency: LatencyRange }[] = [],
  ) {
    for (const { a, b, latency } of links) {
      this.override(a, b, latency);
      this.override(b, a, latency);
    }
  }

  /** When a message sent now from `from` to `to` arrives. */
  arrivalTime(from: string, to: string, now: number): number {
    const link = this.link(from, to);
    const drawn = now + this.random.int(link.latency.minMs, link.latency.maxMs) + link.extraMs;
    link.lastArrival = Math.max(drawn, link.lastArrival);
    return link.lastArrival;
  }

  /** Slows a link down, both ways, from now on. */
  addDelay(a: string, b: string, extraMs: number): void {
    this.link(a, b).extraMs += extraMs;
    this.link(b, a).extraMs += extraMs;
  }

  private link(from: string, to: string): Link {
    let outgoing = this.links.get(from);
    if (outgoing === undefined) {
      outgoing = new Map();
      this.links.set(from, outgoing);
    }
    let link = outgoing.get(to);
    if (link === undefined) {
      link = {
        latency: this.overrides.get(from)?.get(to) ?? this.defaultLatency,
        extraMs: 0,
        lastArrival: 0,
      };
      outgoing.set(to, link);
    }
    return link;
  }

  private override(from: string, to: string, latency: LatencyRange): void {
    let outgoing = this.overrides.get(from);
    if (outgoing === undefined) {
      outgoing = new Map();
      this.overrides.set(from, outgoing);
    }
    outgoing.set(to, latency);
  }
}
