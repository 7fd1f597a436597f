import { describe, expect, it } from 'vitest';
import { Network } from '../../../src/engine/sim/network.ts';
import { createRandom } from '../../../src/engine/sim/random.ts';

describe('Network', () => {
  it('draws whole-millisecond latencies from the link range, in both directions', () => {
    const net = new Network(createRandom(1), { minMs: 1, maxMs: 1 }, [
      { a: 'app', b: 'db', latency: { minMs: 5, maxMs: 9 } },
    ]);
    for (let now = 0; now < 2000; now += 100) {
      const there = net.arrivalTime('app', 'db', now) - now;
      const back = net.arrivalTime('db', 'app', now) - now;
      for (const latency of [there, back]) {
        expect(Number.isInteger(latency)).toBe(true);
        expect(latency).toBeGreaterThanOrEqual(5);
        expect(latency).toBeLessThanOrEqual(9);
      }
    }
    expect(net.arrivalTime('app', 'cache', 0)).toBe(1);
  });

  it('keeps a link FIFO: a later message never arrives before an earlier one', () => {
    const net = new Network(createRandom(5), { minMs: 1, maxMs: 50 });
    let last = 0;
    for (let now = 0; now < 100; now++) {
      const arrival = net.arrivalTime('a', 'b', now);
      expect(arrival).toBeGreaterThanOrEqual(last);
      last = arrival;
    }
  });
});
