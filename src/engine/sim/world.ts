import { createActor, type Actor, type AnyActorLogic } from 'xstate';
import { appNodeMachine } from '../machines/appNodeMachine.ts';
import { brokerMachine } from '../machines/brokerMachine.ts';
import { cacheMachine } from '../machines/cacheMachine.ts';
import { clientMachine, type IssuedOperation, type LoadOperation } from '../machines/clientMachine.ts';
import { consoleMachine, type TypedCommand } from '../machines/consoleMachine.ts';
import { consumerMachine } from '../machines/consumerMachine.ts';
import { databaseMachine } from '../machines/databaseMachine.ts';
import { deadLetterQueueMachine } from '../machines/deadLetterQueueMachine.ts';
import { loadBalancerMachine } from '../machines/loadBalancerMachine.ts';
import { relayMachine } from '../machines/relayMachine.ts';
import { Keyspace } from '../redis/keyspace.ts';
import type { Fault } from './intervention.ts';
import { EventQueue, type QueueEntry } from './eventQueue.ts';
import type { Message, Outbox, SendRequest, StepNote } from './messages.ts';
import { Network } from './network.ts';
import { createRandom } from './random.ts';
import { RowStore } from './rowStore.ts';
import {
  BROKER_ID,
  CACHE_ID,
  CONSOLE_ID,
  DATABASE_ID,
  DEAD_LETTER_ID,
  LOAD_BALANCER_ID,
  RELAY_ID,
  type Scenario,
} from './scenario.ts';
import type { ActorInfo, ActorKind, EdgeInfo } from './trace.ts';

export type Entry = QueueEntry & {
  /**
   * The script operation (request id) whose events led to this one, 0 for none: what a message or
   * timer is pushed with is the origin of the event being handled. The race explorer follows it.
   */
  origin: number;
} & (
    | { kind: 'deliver'; message: Message }
    | { kind: 'timer'; actor: string; generation: number; fire: () => void; housekeeping: boolean }
    | { kind: 'issue'; client: string; operation: IssuedOperation }
    /** A request of the scenario's load, sent open loop (see load/loadSpec.ts). */
    | {
        kind: 'arrival';
        client: string;
        operation: LoadOperation;
        /** A read of an id that exists nowhere (`load.absent`), counted as such by a metrics run. */
        absent: boolean;
      }
    /** A load's bulk warm-up writing the keys of popularity ranks `fromRank` up to (not including) `toRank`. */
    | { kind: 'warm up'; fromRank: number; toRank: number }
    | { kind: 'console'; command: TypedCommand }
    | { kind: 'fault'; fault: Fault }
  );

/** Mixed into the seed for the keyspace's random stream (eviction and expiry sampling). */
const KEYSPACE_STREAM = 0x6b657973;
/** Mixed into the seed for TTL jitter, so jitter never shifts latencies or sampling. */
const JITTER_STREAM = 0x6a697474;

type AnyActor = Actor<AnyActorLogic>;

/** One actor of the run: how to start it (again, after a crash), and the running actor, if up. */
export interface Member {
  id: string;
  kind: ActorKind;
  label: string;
  start: () => AnyActor;
  actor: AnyActor | null;
  /** Bumped by every crash and restart: a timer set by an earlier life of the actor never fires. */
  generation: number;
}

export interface WorldOptions {
  narrate: boolean;
  withConsole: boolean;
  /** Whether messages in flight are tracked (for frames and faults; a plain metrics run needs not). */
  trackInFlight: boolean;
}

/**
 * Everything one run is made of: the timeline, the network, the stores and the actors. The actors
 * run on this world's clock, so XState's delayed events land on the same queue as messages.
 */
export class World {
  now = 0;
  /** The index of the frame the current step will be recorded as. */
  step = 0;
  readonly queue = new EventQueue<Entry>();
  readonly keyspace: Keyspace;
  readonly rows: RowStore;
  readonly network: Network;
  readonly inFlight = new Map<number, Entry & { kind: 'deliver' }>();
  readonly members = new Map<string, Member>();
  /** Clients, for the script; clients never crash. */
  readonly clients = new Map<string, Actor<typeof clientMachine>>();
  readonly actorInfo: ActorInfo[] = [];
  readonly edges: EdgeInfo[] = [];
  readonly hasConsole: boolean;
  /** Whether app nodes keep a local (L1) cache, so frames show one table per node. */
  readonly hasLocalCaches: boolean;

  /** What the actors said during the current step, read and reset by the run loop. */
  note: StepNote | null = null;
  sentThisStep: Message[] = [];
  /** Messages a `drop next message` fault has doomed to be lost when they arrive. */
  readonly doomed = new Set<number>();
  /** Rules of `drop next message` faults not used yet. */
  private readonly dropNext: Extract<Fault, { kind: 'drop next message' }>[] = [];
  /** Groups cut off from everyone else. */
  partitions: string[][] = [];
  /**
   * Queued entries that are work (messages, script operations, faults, timers other than the
   * cache's background expiry). The run ends when none is left: housekeeping keeps nothing alive.
   */
  pendingWork = 0;
  /** Of `pendingWork`, the entries that are inputs from outside (script, console, faults), not the system's own. */
  pendingInputs = 0;
  /** The origin of the event being handled, given to everything it sends or schedules. */
  origin = 0;
  /** Called with every message handed to the network (the history listens for client requests). */
  onSend: ((message: Message) => void) | null = null;
  private nextMessageId = 1;
  private nextTimerIsHousekeeping = false;
  private readonly trackInFlight: boolean;
  private readonly narrate: boolean;

  constructor(
    scenario: Scenario,
    private readonly seed: number,
    { narrate, withConsole, trackInFlight }: WorldOptions,
  ) {
    this.trackInFlight = trackInFlight;
    this.narrate = narrate;
    this.hasConsole = withConsole;
    this.hasLocalCaches = scenario.strategy.localCache.kind === 'l1';
    const random = createRandom(seed);
    // Its own stream, so sampling in the keyspace never shifts the network's latencies.
    this.keyspace = new Keyspace(() => this.now, createRandom((seed ^ KEYSPACE_STREAM) >>> 0));
    this.network = new Network(random, scenario.network.defaultLatency, scenario.network.links);
    this.rows = new RowStore(scenario.database.rows, scenario.events?.outbox ?? []);
    const { limit } = scenario.cache;
    if (limit !== undefined) this.keyspace.configure({ maxkeys: limit.maxKeys, policy: limit.policy });
    for (const entry of scenario.cache.entries) {
      const ttlMs = entry.ttlSeconds === null ? null : entry.ttlSeconds * 1000;
      this.keyspace.set(entry.key, entry.value, { ttlMs, version: entry.version });
    }
    this.wireAll(scenario);
  }

  private wireAll(scenario: Scenario): void {
    const { strategy, events } = scenario;
    const base = (id: string) => ({
      id,
      narrate: this.narrate,
      outbox: this.outboxOf(id),
      now: () => this.now,
    });
    const broker = events === undefined ? null : BROKER_ID;

    for (const spec of scenario.clients) {
      this.add(spec.id, 'client', spec.label, clientMachine, () => ({
        ...base(spec.id),
        server: spec.server,
      }));
      this.edges.push({ a: spec.id, b: spec.server });
    }
    if (scenario.loadBalancer !== undefined) {
      const { policy } = scenario.loadBalancer;
      const nodes = scenario.appNodes.map((a) => a.id);
      this.add(LOAD_BALANCER_ID, 'loadBalancer', 'Load balancer', loadBalancerMachine, () => ({
        ...base(LOAD_BALANCER_ID),
        nodes,
        policy,
      }));
      for (const node of nodes) this.edges.push({ a: LOAD_BALANCER_ID, b: node });
    }
    const jitterRandom = createRandom((this.seed ^ JITTER_STREAM) >>> 0);
    const jitter = (max: number) => jitterRandom.int(0, max);
    for (const spec of scenario.appNodes) {
      const sockets = scenario.clients.filter((c) => c.server === spec.id).map((c) => c.id);
      this.add(spec.id, 'appNode', spec.label, appNodeMachine, () => ({
        ...base(spec.id),
        cache: CACHE_ID,
        database: DATABASE_ID,
        broker,
        strategy,
        chatRooms: scenario.chatRooms ?? [],
        sockets,
        jitter,
        databaseKeys: () => this.rows.entries().map((row) => row.key),
      }));
      this.edges.push({ a: spec.id, b: CACHE_ID }, { a: spec.id, b: DATABASE_ID });
      if (broker !== null && strategy.invalidation.kind === 'publish-after-commit')
        this.edges.push({ a: spec.id, b: broker });
    }
    const writeBehind =
      strategy.write.kind === 'write-behind'
        ? { flushIntervalMs: strategy.write.flushIntervalMs, batchSize: strategy.write.batchSize }
        : null;
    this.add(CACHE_ID, 'cache', 'Redis cache', cacheMachine, () => ({
      ...base(CACHE_ID),
      keyspace: this.keyspace,
      database: DATABASE_ID,
      writeBehind,
      housekeeping: () => {
        this.nextTimerIsHousekeeping = true;
      },
    }));
    if (strategy.read === 'read-through' || writeBehind !== null)
      this.edges.push({ a: CACHE_ID, b: DATABASE_ID });
    const relay = events !== undefined && strategy.invalidation.kind === 'outbox' ? RELAY_ID : null;
    this.add(DATABASE_ID, 'database', 'Database', databaseMachine, () => ({
      ...base(DATABASE_ID),
      rows: this.rows,
      readLatencyMs: scenario.database.readLatencyMs,
      writeLatencyMs: scenario.database.writeLatencyMs,
      relay,
    }));
    if (events !== undefined) {
      if (relay !== null) {
        this.add(RELAY_ID, 'relay', 'Outbox relay', relayMachine, () => ({
          ...base(RELAY_ID),
          database: DATABASE_ID,
          broker: BROKER_ID,
        }));
        this.edges.push({ a: DATABASE_ID, b: RELAY_ID }, { a: RELAY_ID, b: BROKER_ID });
      }
      const consumers = events.consumers.map((c) => c.id);
      this.add(BROKER_ID, 'broker', `Broker (${events.topic})`, brokerMachine, () => ({
        ...base(BROKER_ID),
        consumers,
        deadLetter: DEAD_LETTER_ID,
        maxAttempts: events.maxAttempts,
        retryDelayMs: events.retryDelayMs,
        ackTimeoutMs: events.ackTimeoutMs,
      }));
      this.add(DEAD_LETTER_ID, 'deadLetterQueue', 'Dead-letter queue', deadLetterQueueMachine, () =>
        base(DEAD_LETTER_ID),
      );
      this.edges.push({ a: BROKER_ID, b: DEAD_LETTER_ID });
      for (const spec of events.consumers) {
        this.add(spec.id, 'consumer', spec.label, consumerMachine, () => ({
          ...base(spec.id),
          broker: BROKER_ID,
          cache: CACHE_ID,
          schemas: spec.schemas,
        }));
        this.edges.push({ a: BROKER_ID, b: spec.id }, { a: spec.id, b: CACHE_ID });
      }
    }
    if (this.hasConsole) {
      this.add(CONSOLE_ID, 'console', 'Your console', consoleMachine, () => ({
        ...base(CONSOLE_ID),
        cache: CACHE_ID,
      }));
      this.edges.push({ a: CONSOLE_ID, b: CACHE_ID });
    }
  }

  private add<T extends AnyActorLogic>(
    id: string,
    kind: ActorKind,
    label: string,
    logic: T,
    input: () => unknown,
  ): void {
    const member: Member = {
      id,
      kind,
      label,
      start: () => this.wire(member, logic, input()),
      actor: null,
      generation: 0,
    };
    this.members.set(id, member);
    this.actorInfo.push({ id, kind, label });
    member.actor = member.start();
    if (kind === 'client') this.clients.set(id, member.actor as unknown as Actor<typeof clientMachine>);
  }

  member(id: string): Member {
    const member = this.members.get(id);
    if (member === undefined) throw new Error(`no actor "${id}" in this scenario`);
    return member;
  }

  /** The running actor, or null while it is down. */
  actor(id: string): AnyActor | null {
    return this.member(id).actor;
  }

  client(id: string): Actor<typeof clientMachine> {
    const client = this.clients.get(id);
    if (client === undefined) throw new Error(`no client "${id}" in this scenario`);
    return client;
  }

  /** Whether a partition separates two actors. */
  separated(a: string, b: string): boolean {
    return this.partitions.some((group) => group.includes(a) !== group.includes(b));
  }

  /** Lose the next message from `from` to `to` (of a kind, if given) when it arrives. */
  dropNextMessage(rule: Extract<Fault, { kind: 'drop next message' }>): void {
    this.dropNext.push(rule);
  }

  /** Whether nothing the system itself started is still under way: no message, no timer of work. */
  get settled(): boolean {
    return this.pendingWork - this.pendingInputs === 0;
  }

  stop(): void {
    for (const member of this.members.values()) member.actor?.stop();
  }

  private wire(member: Member, logic: AnyActorLogic, input: unknown): AnyActor {
    const generation = member.generation;
    const clock = {
      setTimeout: (fire: () => void, ms: number) => {
        const housekeeping = this.nextTimerIsHousekeeping;
        this.nextTimerIsHousekeeping = false;
        if (!housekeeping) this.pendingWork++;
        return this.queue.push({
          time: this.now + ms,
          origin: this.origin,
          kind: 'timer',
          actor: member.id,
          generation,
          fire,
          housekeeping,
        });
      },
      clearTimeout: (entry: Entry) => {
        if (!entry.cancelled && !isHousekeeping(entry)) this.pendingWork--;
        entry.cancelled = true;
      },
    };
    const actor = createActor(logic, { input, clock });
    actor.start();
    return actor;
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
    const entry = this.queue.push({ time: recvTime, origin: this.origin, kind: 'deliver', message });
    if (this.trackInFlight) this.inFlight.set(message.id, entry as Entry & { kind: 'deliver' });
    this.sentThisStep.push(message);
    if (this.dropNext.length > 0) {
      const rule = this.dropNext.findIndex(
        (r) =>
          r.from === from && r.to === to && (r.messageKind === undefined || r.messageKind === payload.kind),
      );
      if (rule >= 0) {
        this.dropNext.splice(rule, 1);
        this.doomed.add(message.id);
      }
    }
    this.onSend?.(message);
  }
}

export function isHousekeeping(entry: Entry): boolean {
  return entry.kind === 'timer' && entry.housekeeping;
}
