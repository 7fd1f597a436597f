import { describe, expect, it } from 'vitest';
import { EventQueue, type QueueEntry } from '../../../src/engine/sim/eventQueue.ts';
import { createRandom } from '../../../src/engine/sim/random.ts';

type Named = QueueEntry & { name: string };

function drain(queue: EventQueue<Named>): string[] {
  const out: string[] = [];
  for (let e = queue.pop(); e !== undefined; e = queue.pop()) out.push(e.name);
  return out;
}

describe('EventQueue', () => {
  it('pops in time order', () => {
    const q = new EventQueue<Named>();
    q.push({ time: 30, name: 'c' });
    q.push({ time: 10, name: 'a' });
    q.push({ time: 20, name: 'b' });
    expect(drain(q)).toEqual(['a', 'b', 'c']);
  });

  it('breaks ties by insertion order', () => {
    const q = new EventQueue<Named>();
    for (const name of ['first', 'second', 'third', 'fourth']) q.push({ time: 5, name });
    q.push({ time: 1, name: 'early' });
    expect(drain(q)).toEqual(['early', 'first', 'second', 'third', 'fourth']);
  });

  it('skips cancelled entries', () => {
    const q = new EventQueue<Named>();
    q.push({ time: 1, name: 'a' });
    const b = q.push({ time: 2, name: 'b' });
    q.push({ time: 3, name: 'c' });
    b.cancelled = true;
    expect(drain(q)).toEqual(['a', 'c']);
  });

  it('agrees with a stable sort on thousands of random entries', () => {
    const r = createRandom(11);
    const q = new EventQueue<Named>();
    const entries = Array.from({ length: 5000 }, (_, i) => ({ time: r.int(0, 50), name: String(i) }));
    for (const e of entries) q.push({ ...e });
    const expected = [...entries].sort((a, b) => a.time - b.time).map((e) => e.name);
    expect(drain(q)).toEqual(expected);
  });
});
