import type { RaceStep } from '../check/raceTypes.ts';
import type { Message } from './messages.ts';
import { CACHE_ID, DATABASE_ID } from './scenario.ts';
import { isHousekeeping, type Entry, type World } from './world.ts';

/**
 * Runs two operations of a script step by step in a chosen order instead of by time.
 *
 * The steps that can change how a race ends are those where an operation touches shared state: a
 * command as it reaches the cache, and a query as it takes effect in the database (when its timer
 * fires; its arrival only starts it). Every other step touches only the operation's own client
 * and request, so it runs as soon as it is ready. Whenever both operations wait at a shared step,
 * `order` says which goes first; past its end, or where it names an operation that is not waiting,
 * the operation with the lower request id goes.
 *
 * Around the race, time rules as usual: what is due before the earlier racing operation starts runs
 * first, and everything else (other operations, faults, console lines) waits until both racing
 * operations are done. Cache housekeeping (background expiry) does not run during the race.
 * An event taken out of its time order happens at the current time: the clock never runs back.
 */
export class RaceScheduler {
  /** Which operation took each shared step, by request id. */
  readonly order: number[] = [];
  readonly steps: RaceStep[] = [];
  /** At each shared step, the operations that were waiting at one (in request id order). */
  readonly waiting: number[][] = [];
  /** How many entries of the requested order were followed before the first that could not be. */
  followed = 0;
  private readonly racing: readonly [number, number];
  private phase: 'before' | 'race' | 'after' = 'before';
  private readonly startMs: number;
  private pendingStep: RaceStep | null = null;
  private departed = false;

  constructor(
    racing: readonly [number, number],
    private readonly requested: readonly number[],
    startMs: number,
  ) {
    this.racing = racing[0] < racing[1] ? racing : [racing[1], racing[0]];
    this.startMs = startMs;
  }

  /** The next entry to handle, taken out of the queue (cancelled), or undefined when none is left. */
  next(world: World): Entry | undefined {
    const { queue } = world;
    if (this.phase === 'before') {
      const first = queue.peek();
      if (first !== undefined && first.time < this.startMs) return queue.pop();
      this.phase = 'race';
    }
    if (this.phase === 'race') {
      const entry = this.raceStep(world);
      if (entry !== undefined) return take(entry);
      this.phase = 'after';
    }
    return queue.pop();
  }

  /**
   * After a shared step: its words, from what it answered (a GET's hit or miss, a refused SET, the
   * version a query read or committed).
   */
  stepTaken(sent: readonly Message[]): void {
    const step = this.pendingStep;
    if (step === null) return;
    this.pendingStep = null;
    step.label = labelAfter(step.label, sent);
    this.steps.push(step);
  }

  private raceStep(world: World): Entry | undefined {
    let local: Entry | undefined;
    const shared: (Entry | undefined)[] = [undefined, undefined];
    for (const entry of world.queue.live()) {
      if (isHousekeeping(entry)) continue;
      const index = this.racing.indexOf(entry.origin);
      if (index === -1) continue;
      if (isSharedStep(entry)) {
        if (earlier(entry, shared[index])) shared[index] = entry;
      } else if (earlier(entry, local)) {
        local = entry;
      }
    }
    if (local !== undefined) return local;
    const waiting = this.racing.filter((_, i) => shared[i] !== undefined);
    if (waiting.length === 0) return undefined;
    const wanted = this.requested[this.order.length];
    let chosen = waiting[0]!;
    if (wanted !== undefined && !this.departed) {
      if (waiting.includes(wanted)) {
        chosen = wanted;
        this.followed++;
      } else {
        this.departed = true;
      }
    }
    this.order.push(chosen);
    this.waiting.push(waiting);
    const entry = shared[this.racing.indexOf(chosen)]!;
    this.pendingStep = { requestId: chosen, actor: actorOf(entry), label: labelBefore(entry) };
    return entry;
  }
}

/** A command reaching the cache, or a database query taking effect. */
function isSharedStep(entry: Entry): boolean {
  return (
    (entry.kind === 'deliver' && entry.message.to === CACHE_ID) ||
    (entry.kind === 'timer' && entry.actor === DATABASE_ID)
  );
}

function actorOf(entry: Entry): string {
  return entry.kind === 'deliver' ? entry.message.to : entry.kind === 'timer' ? entry.actor : '';
}

function earlier(entry: Entry, than: Entry | undefined): boolean {
  return than === undefined || entry.time < than.time || (entry.time === than.time && entry.seq < than.seq);
}

/** Taken: the queue skips it from now on, like an entry it popped. */
function take(entry: Entry): Entry {
  entry.cancelled = true;
  return entry;
}

function labelBefore(entry: Entry): string {
  if (entry.kind !== 'deliver') return 'query';
  const { payload } = entry.message;
  if (payload.kind === 'cache command') {
    const command = (payload.argv[0] ?? '').toUpperCase();
    return payload.version === undefined ? command : `${command} v${payload.version}`;
  }
  if (payload.kind === 'db result') return 'LOAD';
  return payload.kind;
}

function labelAfter(label: string, sent: readonly Message[]): string {
  for (const { payload } of sent) {
    if (payload.kind === 'cache reply') {
      // Read-through: the row the cache loaded on a miss, stored and handed to the reader.
      if (label === 'LOAD') return payload.version === null ? label : `LOAD v${payload.version}`;
      if (payload.command === 'GET') {
        if (payload.reply.type === 'bulk' && payload.reply.value === null) return 'GET miss';
        return payload.version === null ? 'GET hit' : `GET v${payload.version}`;
      }
      if (payload.command === 'SET' && payload.reply.type === 'bulk') return `${label} refused`;
      return label;
    }
    if (payload.kind === 'db result' && (payload.query === 'select' || payload.query === 'update')) {
      const verb = payload.query === 'select' ? 'SELECT' : 'COMMIT';
      if (payload.error !== undefined) return `${verb} failed`;
      return payload.row === null ? `${verb} none` : `${verb} v${payload.row.version}`;
    }
    if (payload.kind === 'db query' && payload.query === 'select' && label === 'GET') return 'GET miss';
  }
  return label;
}
