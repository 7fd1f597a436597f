import { DivergenceWatch, StaleWatch, type CachedCopy } from '../check/divergence.ts';
import type { HistoryRecorder } from '../check/history.ts';
import { holdingsOf as appNodeHoldings, type AppNodeContext } from '../machines/appNodeMachine.ts';
import { holdingsOf as brokerHoldings } from '../machines/brokerMachine.ts';
import { holdingsOf as cacheHoldings } from '../machines/cacheMachine.ts';
import { holdingsOf as clientHoldings, subjectOf } from '../machines/clientMachine.ts';
import { holdingsOf as consumerHoldings } from '../machines/consumerMachine.ts';
import { holdingsOf as databaseHoldings } from '../machines/databaseMachine.ts';
import { holdingsOf as deadLetterHoldings } from '../machines/deadLetterQueueMachine.ts';
import { holdingsOf as balancerHoldings } from '../machines/loadBalancerMachine.ts';
import { holdingsOf as relayHoldings } from '../machines/relayMachine.ts';
import type { KeyspaceEntry } from '../redis/keyspace.ts';
import { viewOf } from './labels.ts';
import type { Message, StepNote } from './messages.ts';
import { CACHE_ID } from './scenario.ts';
import type {
  ActorKind,
  ActorView,
  Anomaly,
  CacheRowView,
  Counters,
  Frame,
  FrameCause,
  Narration,
  PendingRequestView,
  StaleEntry,
} from './trace.ts';
import type { World } from './world.ts';

/** What happened in one step, as the run loop saw it. */
export interface StepFacts {
  cause: FrameCause;
  actor: string | null;
  delivered: Message | null;
  note: StepNote | null;
  /** The request this step belongs to, to keep the code line of a request that is waiting. */
  requestId: number | null;
}

// Each machine says what it holds that a person should see; the context types differ by machine.
const HOLDINGS: Partial<Record<ActorKind, (context: never) => string[]>> = {
  client: clientHoldings,
  loadBalancer: balancerHoldings,
  appNode: appNodeHoldings,
  cache: cacheHoldings,
  database: databaseHoldings,
  relay: relayHoldings,
  broker: brokerHoldings,
  deadLetterQueue: deadLetterHoldings,
  consumer: consumerHoldings,
};

/**
 * Turns the world after each step into a frame: plain data the UI can draw without simulating.
 * Only used with `record: 'frames'`; a metrics run never pays for snapshots.
 */
export class Recorder {
  readonly frames: Frame[] = [];
  /** Divergences found so far, each at the frame that first showed it. */
  readonly divergences: Anomaly[] = [];
  private readonly codeByRequest = new Map<number, string>();
  private readonly staleWatch = new StaleWatch();
  private readonly divergenceWatch = new DivergenceWatch();

  constructor(
    private readonly world: World,
    private readonly history: HistoryRecorder,
  ) {}

  record(step: StepFacts): void {
    const world = this.world;
    let code: string | null = step.note?.code ?? null;
    if (step.requestId !== null && step.requestId !== 0) {
      if (code !== null) this.codeByRequest.set(step.requestId, code);
      else code = this.codeByRequest.get(step.requestId) ?? null;
    }
    // One snapshot of the keyspace serves the table and the consistency check.
    const entries = world.keyspace.entries();
    const localCaches = this.localCaches();
    const stale = this.staleWatch.entries(
      this.copies(entries, localCaches),
      (key) => world.rows.peek(key)?.version ?? null,
      world.now,
    );
    const index = this.frames.length;
    this.divergences.push(
      ...this.divergenceWatch.observe(
        stale,
        world.settled,
        { step: index, time: world.now },
        // Looked up only when a divergence is found, not grouped again on every frame.
        (key, version) => this.history.history.commits.find((c) => c.key === key && c.version === version),
      ),
    );
    this.frames.push({
      index,
      time: world.now,
      cause: step.cause,
      actor: step.actor,
      delivered: step.delivered === null ? null : viewOf(step.delivered),
      actors: this.actorViews(),
      cache: this.cacheRows(entries),
      localCaches,
      db: world.rows.entries(),
      outbox: world.rows.outboxRows(),
      partitions: world.partitions.map((group) => [...group]),
      inFlight: [...world.inFlight.values()].map((entry) => viewOf(entry.message)),
      narration: this.narrationFor(step, stale),
      code: code === null ? null : { marker: code },
      counters: countersOf(world),
      stale,
      anomalies: [],
    });
  }

  private narrationFor(step: StepFacts, stale: readonly StaleEntry[]): Narration {
    const { keyspace, rows, now } = this.world;
    switch (step.cause.kind) {
      case 'start':
        return { key: 'run.start', params: { cacheKeys: keyspace.size, dbRows: rows.entries().length } };
      case 'end': {
        const first = stale[0];
        if (first === undefined) return { key: 'run.end', params: {} };
        const params = {
          key: first.key,
          cacheVersion: first.cacheVersion,
          dbVersion: first.dbVersion,
          seconds: first.expiresAt === null ? 0 : Math.ceil((first.expiresAt - now) / 1000),
          node: first.where,
        };
        if (first.where !== CACHE_ID) return { key: 'run.end.stale.local', params };
        return { key: first.expiresAt === null ? 'run.end.stale.forever' : 'run.end.stale', params };
      }
      default:
        return step.note === null
          ? { key: 'step.silent', params: {} }
          : { key: step.note.key, params: step.note.params };
    }
  }

  private actorViews(): Record<string, ActorView> {
    const views: Record<string, ActorView> = {};
    for (const member of this.world.members.values()) {
      if (member.actor === null) {
        views[member.id] = { state: 'down', pending: [] };
        continue;
      }
      const { value, context } = member.actor.getSnapshot();
      const view: ActorView = {
        state: stateName(value),
        pending: pendingOf(member.kind, member.id, context),
      };
      const holdings = HOLDINGS[member.kind]?.(context as never) ?? [];
      if (holdings.length > 0) view.holds = holdings;
      views[member.id] = view;
    }
    return views;
  }

  private localCaches(): Record<string, CacheRowView[]> {
    const now = this.world.now;
    const out: Record<string, CacheRowView[]> = {};
    if (!this.world.hasLocalCaches) return out;
    for (const member of this.world.members.values()) {
      if (member.kind !== 'appNode') continue;
      // A crashed node's local cache is gone: its table is empty.
      const local =
        member.actor === null ? null : (member.actor.getSnapshot().context as AppNodeContext).local;
      out[member.id] = (local?.live() ?? []).map(([key, entry]) => ({
        key,
        value: entry.value,
        version: entry.version,
        ttlRemainingMs: entry.expiresAt - now,
      }));
    }
    return out;
  }

  private copies(
    entries: readonly KeyspaceEntry[],
    localCaches: Record<string, CacheRowView[]>,
  ): CachedCopy[] {
    const now = this.world.now;
    const copies: CachedCopy[] = entries.map((e) => ({
      where: CACHE_ID,
      key: e.key,
      version: e.version,
      expiresAt: e.expiresAt,
    }));
    for (const [where, rows] of Object.entries(localCaches)) {
      for (const row of rows) {
        copies.push({
          where,
          key: row.key,
          version: row.version,
          expiresAt: now + (row.ttlRemainingMs ?? 0),
        });
      }
    }
    return copies;
  }

  private cacheRows(entries: readonly KeyspaceEntry[]): CacheRowView[] {
    const now = this.world.now;
    return entries.map((e) => {
      const row: CacheRowView = {
        key: e.key,
        value: e.fields === null ? e.value : e.fields.map(([f, v]) => `${f}=${v}`).join(' '),
        version: e.version,
        ttlRemainingMs: e.expiresAt === null ? null : e.expiresAt - now,
      };
      if (e.fields !== null) row.fields = e.fields;
      return row;
    });
  }
}

/** Requests in progress: what a client waits for or has queued; what an app node is working on. */
function pendingOf(kind: ActorKind, id: string, context: unknown): PendingRequestView[] {
  if (kind === 'client') {
    const { current, queued, outstanding } = context as {
      current: Parameters<typeof subjectOf>[0] | null;
      queued: Parameters<typeof subjectOf>[0][];
      outstanding: Map<number, Parameters<typeof subjectOf>[0]>;
    };
    return [
      ...(current === null ? [] : [{ op: current, phase: 'waiting for the reply' }]),
      ...queued.map((op) => ({ op, phase: 'queued' })),
      // A load's requests, sent without waiting for one another.
      ...[...outstanding.values()].map((op) => ({ op, phase: 'waiting for the reply' })),
    ].map(({ op, phase }) => ({ requestId: op.requestId, client: id, op: op.op, key: subjectOf(op), phase }));
  }
  if (kind === 'appNode') {
    return [...(context as AppNodeContext).requests.values()].map((r) => ({
      requestId: r.requestId,
      client: r.client,
      op: r.op,
      key: r.key,
      phase: r.phase,
    }));
  }
  return [];
}

export function countersOf(world: World): Counters {
  const { hits, misses } = world.keyspace.stats;
  const { reads, writes } = world.rows.stats;
  return { hits, misses, dbReads: reads, dbWrites: writes };
}

/** `'idle'` stays `'idle'`; `{ up: 'busy' }` becomes `'up.busy'`. */
function stateName(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object') {
    const [key, inner] = Object.entries(value)[0] ?? ['', ''];
    const rest = stateName(inner);
    return rest === '' ? key : `${key}.${rest}`;
  }
  return '';
}
