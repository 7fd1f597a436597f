import { createActor, type Actor, type AnyActorLogic, type InputFrom } from 'xstate';
import { appNodeMachine } from '../machines/appNodeMachine.ts';
import { cacheMachine } from '../machines/cacheMachine.ts';
import { clientMachine } from '../machines/clientMachine.ts';
import { consoleMachine, type TypedCommand } from '../machines/consoleMachine.ts';
import { databaseMachine } from '../machines/databaseMachine.ts';
import { Keyspace } from '../redis/keyspace.ts';
import { EventQueue, type QueueEntry } from './eventQueue.ts';
import type { IssuedOperation } from '../machines/clientMachine.ts';
import type { Message, Outbox, SendRequest, StepNote } from './messages.ts';
import { Network } from './network.ts';
import { createRandom } from './random.ts';
import { RowStore } from './rowStore.ts';
import { CACHE_ID, CONSOLE_ID, DATABASE_ID, type Scenario } from './scenario.ts';
import type { ActorInfo, EdgeInfo } from './trace.ts';

export type Entry = QueueEntry &
  (
    | { kind: 'deliver'; message: Message }
    | { kind: 'timer'; actor: string; fire: () => void; housekeeping: boolean }
    | { kind: 'issue'; client: string; operation: IssuedOperation }
    | { kind: 'console'; command: TypedCommand }
  );

/** Mixed into the seed for the keyspace's random stream (eviction and expiry sampling). */
const KEYSPACE_STREAM = 0x6b657973;

export type ClientActor = Actor<typeof clientMachine>;
export type AppNodeActor = Actor<typeof appNodeMachine>;
export type CacheActor = Actor<typeof cacheMachine>;
export type DatabaseActor = Actor<typeof databaseMachine>;
export type ConsoleActor = Actor<typeof consoleMachine>;
export type AnyWorldActor = ClientActor | AppNodeActor | CacheActor | DatabaseActor | ConsoleActor;

/**
 * Everything one run is made of: the timeline, the network, the stores and the actors. The actors
 * run on this world's clock, so XState's delayed events land on the same queue as messages.
 */
export class World {
  now = 0;
  readonly queue = new EventQueue<Entry>();
  readonly keyspace: Keyspace;
  readonly rows: RowStore;
  readonly network: Network;
  readonly inFlight = new Map<number, Entry & { kind: 'deliver' }>();
  readonly clients = new Map<string, ClientActor>();
  readonly appNodes = new Map<string, AppNodeActor>();
  readonly cache: CacheActor;
  readonly database: DatabaseActor;
  /** The learner's console, present once they have typed a command into it. */
  readonly console: ConsoleActor | null;
  readonly actorInfo: ActorInfo[];
  readonly edges: EdgeInfo[];

  /** What the actors said during the current step, read and reset by the run loop. */
  note: StepNote | null = null;
  sentThisStep: Message[] = [];
  /**
   * Queued entries that are work (messages, script operations, timers other than the cache's
   * background expiry). The run ends when none is left: housekeeping alone keeps nothing alive.
   */
  pendingWork = 0;
  private nextMessageId = 1;

  /** Whether messages in flight are tracked (for frames and faults; a plain metrics run needs not). */
  private readonly trackInFlight: boolean;

  constructor(
    scenario: Scenario,
    seed: number,
    {
      narrate,
      withConsole,
      trackInFlight,
    }: { narrate: boolean; withConsole: boolean; trackInFlight: boolean },
  ) {
    this.trackInFlight = trackInFlight;
    const random = createRandom(seed);
    // Its own stream, so sampling in the keyspace never shifts the network's latencies.
    this.keyspace = new Keyspace(() => this.now, createRandom((seed ^ KEYSPACE_STREAM) >>> 0));
    this.network = new Network(random, scenario.network.defaultLatency, scenario.network.links);
    this.rows = new RowStore(scenario.database.rows);
    for (const entry of scenario.cache.entries) {
      const ttlMs = entry.ttlSeconds === null ? null : entry.ttlSeconds * 1000;
      this.keyspace.set(entry.key, entry.value, { ttlMs, version: entry.version });
    }

    for (const spec of scenario.clients) {
      this.clients.set(
        spec.id,
        this.wire(spec.id, clientMachine, {
          id: spec.id,
          narrate,
          outbox: this.outboxOf(spec.id),
          appNode: spec.appNode,
        }),
      );
    }
    for (const spec of scenario.appNodes) {
      const input = {
        id: spec.id,
        narrate,
        outbox: this.outboxOf(spec.id),
        cache: CACHE_ID,
        database: DATABASE_ID,
        strategy: scenario.strategy,
      };
      this.appNodes.set(spec.id, this.wire(spec.id, appNodeMachine, input));
    }
    this.cache = this.wire(CACHE_ID, cacheMachine, {
      id: CACHE_ID,
      narrate,
      outbox: this.outboxOf(CACHE_ID),
      keyspace: this.keyspace,
    });
    this.database = this.wire(DATABASE_ID, databaseMachine, {
      id: DATABASE_ID,
      narrate,
      outbox: this.outboxOf(DATABASE_ID),
      rows: this.rows,
      readLatencyMs: scenario.database.readLatencyMs,
      writeLatencyMs: scenario.database.writeLatencyMs,
    });

    this.console = withConsole
      ? this.wire(CONSOLE_ID, consoleMachine, {
          id: CONSOLE_ID,
          narrate,
          outbox: this.outboxOf(CONSOLE_ID),
          cache: CACHE_ID,
        })
      : null;

    this.actorInfo = [
      ...scenario.clients.map((c) => ({ id: c.id, kind: 'client' as const, label: c.label })),
      ...scenario.appNodes.map((a) => ({ id: a.id, kind: 'appNode' as const, label: a.label })),
      { id: CACHE_ID, kind: 'cache', label: 'Redis cache' },
      { id: DATABASE_ID, kind: 'database', label: 'Database' },
      ...(withConsole ? [{ id: CONSOLE_ID, kind: 'console' as const, label: 'Your console' }] : []),
    ];
    this.edges = [
      ...scenario.clients.map((c) => ({ a: c.id, b: c.appNode })),
      ...scenario.appNodes.flatMap((a) => [
        { a: a.id, b: CACHE_ID },
        { a: a.id, b: DATABASE_ID },
      ]),
      ...(withConsole ? [{ a: CONSOLE_ID, b: CACHE_ID }] : []),
    ];
  }

  actor(id: string): AnyWorldActor {
    const actor =
      this.clients.get(id) ??
      this.appNodes.get(id) ??
      (id === CACHE_ID
        ? this.cache
        : id === DATABASE_ID
          ? this.database
          : id === CONSOLE_ID
            ? (this.console ?? undefined)
            : undefined);
    if (actor === undefined) throw new Error(`no actor "${id}" in this scenario`);
    return actor;
  }

  client(id: string): ClientActor {
    const client = this.clients.get(id);
    if (client === undefined) throw new Error(`no client "${id}" in this scenario`);
    return client;
  }

  allActors(): [string, AnyWorldActor][] {
    const all: [string, AnyWorldActor][] = [
      ...this.clients,
      ...this.appNodes,
      [CACHE_ID, this.cache],
      [DATABASE_ID, this.database],
    ];
    if (this.console !== null) all.push([CONSOLE_ID, this.console]);
    return all;
  }

  stop(): void {
    for (const [, actor] of this.allActors()) actor.stop();
  }

  private wire<T extends AnyActorLogic>(id: string, logic: T, input: InputFrom<T>): Actor<T> {
    // The cache's only timer is its background expiry sweep: housekeeping, not work.
    const housekeeping = id === CACHE_ID;
    const clock = {
      setTimeout: (fire: () => void, ms: number) => {
        if (!housekeeping) this.pendingWork++;
        return this.queue.push({ time: this.now + ms, kind: 'timer', actor: id, fire, housekeeping });
      },
      clearTimeout: (entry: Entry) => {
        if (!entry.cancelled && !isHousekeeping(entry)) this.pendingWork--;
        entry.cancelled = true;
      },
    };
    const actor: Actor<AnyActorLogic> = createActor(logic as AnyActorLogic, { input, clock });
    actor.start();
    return actor as Actor<T>;
  }

  /** Where an actor's messages and notes go: the network, and the current step's headline. */
  private outboxOf(id: string): Outbox {
    return (event) => {
      if (event.type === 'send') this.send(id, event);
      // The first thing said in a step is its headline (a client that takes a reply and sends its
      // next request is described by the reply).
      else this.note ??= event;
    };
  }

  private send(from: string, { to, payload }: SendRequest): void {
    const recvTime = this.network.arrivalTime(from, to, this.now);
    const message: Message = { id: this.nextMessageId++, from, to, sendTime: this.now, recvTime, payload };
    this.pendingWork++;
    const entry = this.queue.push({ time: recvTime, kind: 'deliver', message });
    if (this.trackInFlight) this.inFlight.set(message.id, entry as Entry & { kind: 'deliver' });
    this.sentThisStep.push(message);
  }
}

export function isHousekeeping(entry: Entry): boolean {
  return entry.kind === 'timer' && entry.housekeeping;
}
