import type { KeyspaceEntry } from '../redis/keyspace.ts';
import { viewOf } from './labels.ts';
import type { Message, StepNote } from './messages.ts';
import type { ActorView, Anomaly, CacheRowView, Counters, Frame, FrameCause, Narration } from './trace.ts';
import { CACHE_ID, CONSOLE_ID, DATABASE_ID } from './scenario.ts';
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

/**
 * Turns the world after each step into a frame: plain data the UI can draw without simulating.
 * Only used with `record: 'frames'`; a metrics run never pays for snapshots.
 */
export class Recorder {
  readonly frames: Frame[] = [];
  private readonly codeByRequest = new Map<number, string>();
  private readonly staleSince = new Map<string, number>();

  constructor(private readonly world: World) {}

  record(step: StepFacts): void {
    const world = this.world;
    let code: string | null = step.note?.code ?? null;
    if (step.requestId !== null) {
      if (code !== null) this.codeByRequest.set(step.requestId, code);
      else code = this.codeByRequest.get(step.requestId) ?? null;
    }
    // One snapshot of the keyspace serves the table and the consistency check.
    const entries = world.keyspace.entries();
    const anomalies = this.staleEntries(entries);
    this.frames.push({
      index: this.frames.length,
      time: world.now,
      cause: step.cause,
      actor: step.actor,
      delivered: step.delivered === null ? null : viewOf(step.delivered),
      actors: this.actorViews(),
      cache: this.cacheRows(entries),
      db: world.rows.entries(),
      inFlight: [...world.inFlight.values()].map((entry) => viewOf(entry.message)),
      narration: this.narrationFor(step, anomalies),
      code: code === null ? null : { marker: code },
      counters: countersOf(world),
      anomalies,
    });
  }

  private narrationFor(step: StepFacts, anomalies: readonly Anomaly[]): Narration {
    const { keyspace, rows, now } = this.world;
    switch (step.cause.kind) {
      case 'start':
        return { key: 'run.start', params: { cacheKeys: keyspace.size, dbRows: rows.entries().length } };
      case 'end': {
        const stale = anomalies[0];
        if (stale === undefined) return { key: 'run.end', params: {} };
        const expiresAt = keyspace.peek(stale.key)?.expiresAt ?? null;
        return {
          key: expiresAt === null ? 'run.end.stale.forever' : 'run.end.stale',
          params: {
            key: stale.key,
            cacheVersion: stale.cacheVersion,
            dbVersion: stale.dbVersion,
            seconds: expiresAt === null ? 0 : Math.ceil((expiresAt - now) / 1000),
          },
        };
      }
      default:
        return step.note === null
          ? { key: 'step.silent', params: {} }
          : { key: step.note.key, params: step.note.params };
    }
  }

  private actorViews(): Record<string, ActorView> {
    const views: Record<string, ActorView> = {};
    for (const [id, actor] of this.world.clients) {
      const { value, context } = actor.getSnapshot();
      const pending = [
        ...(context.current === null ? [] : [{ ...context.current, phase: 'waiting for the reply' }]),
        ...context.queued.map((op) => ({ ...op, phase: 'queued' })),
      ].map((op) => ({ requestId: op.requestId, client: id, op: op.op, key: op.key, phase: op.phase }));
      views[id] = { state: stateName(value), pending };
    }
    for (const [id, actor] of this.world.appNodes) {
      const { value, context } = actor.getSnapshot();
      const pending = [...context.requests.values()].map((r) => ({
        requestId: r.requestId,
        client: r.client,
        op: r.op,
        key: r.key,
        phase: r.phase,
      }));
      views[id] = { state: stateName(value), pending };
    }
    views[CACHE_ID] = { state: stateName(this.world.cache.getSnapshot().value), pending: [] };
    views[DATABASE_ID] = {
      state: stateName(this.world.database.getSnapshot().value),
      pending: [],
    };
    if (this.world.console !== null) {
      views[CONSOLE_ID] = { state: stateName(this.world.console.getSnapshot().value), pending: [] };
    }
    return views;
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

  /** Cache entries, still live, that hold an older version than the database has committed. */
  private staleEntries(entries: readonly KeyspaceEntry[]): Anomaly[] {
    const { rows, now } = this.world;
    const anomalies: Anomaly[] = [];
    const stillStale = new Set<string>();
    for (const entry of entries) {
      const live = entry.expiresAt === null || entry.expiresAt > now;
      const dbVersion = rows.peek(entry.key)?.version;
      if (!live || entry.version === null || dbVersion === undefined || entry.version >= dbVersion) continue;
      const since = this.staleSince.get(entry.key) ?? now;
      this.staleSince.set(entry.key, since);
      stillStale.add(entry.key);
      anomalies.push({
        kind: 'stale cache entry',
        key: entry.key,
        cacheVersion: entry.version,
        dbVersion,
        sinceTime: since,
      });
    }
    for (const key of this.staleSince.keys()) if (!stillStale.has(key)) this.staleSince.delete(key);
    return anomalies;
  }
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
