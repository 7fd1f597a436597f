/**
 * One priority queue of everything that will happen, ordered by virtual time and, for equal
 * times, by the order things were scheduled. That tie-break is what makes a run reproducible.
 * A binary heap: O(log n) push and pop, no allocation beyond the entries themselves.
 */
export interface QueueEntry {
  time: number;
  seq: number;
  /** Cleared entries stay in the heap and are skipped when popped (cheaper than removal). */
  cancelled: boolean;
}

/** An entry as the scheduler hands it in, before the queue stamps it (distributes over unions). */
export type Unstamped<E> = E extends unknown ? Omit<E, 'seq' | 'cancelled'> : never;

export class EventQueue<E extends QueueEntry> {
  private readonly heap: E[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.heap.length;
  }

  /** Stamps the entry with the next sequence number and queues it (the object itself, not a copy). */
  push(entry: Unstamped<E>): E {
    const full = entry as unknown as E;
    full.seq = this.nextSeq++;
    full.cancelled = false;
    const heap = this.heap;
    heap.push(full);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent] as E;
      if (!before(full, p)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = full;
    return full;
  }

  /** The earliest entry that was not cancelled, or undefined when none is left. */
  pop(): E | undefined {
    for (;;) {
      const top = this.popAny();
      if (top === undefined || !top.cancelled) return top;
    }
  }

  /** The earliest entry that was not cancelled, left in the queue; undefined when none is left. */
  peek(): E | undefined {
    for (;;) {
      const top = this.heap[0];
      if (top === undefined || !top.cancelled) return top;
      this.popAny();
    }
  }

  /**
   * Every entry not cancelled, in no particular order. For a scheduler that picks among them (the
   * race explorer); it takes one by cancelling it, as the run loop does with what it pops.
   */
  live(): E[] {
    return this.heap.filter((entry) => !entry.cancelled);
  }

  private popAny(): E | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    let i = 0;
    const n = heap.length;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      let child = left;
      if (right < n && before(heap[right] as E, heap[left] as E)) child = right;
      const c = heap[child] as E;
      if (!before(c, last)) break;
      heap[i] = c;
      i = child;
    }
    heap[i] = last;
    return top;
  }
}

function before(a: QueueEntry, b: QueueEntry): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}
