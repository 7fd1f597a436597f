import type { InvalidationEvent } from './scenario.ts';

/** The database's rows, each with a version that every committed update increases by one. */
export interface Row {
  value: string;
  version: number;
}

/** A committed row version and the client request that wrote it (null for other writers). */
export interface Commit extends Row {
  key: string;
  requestId: number | null;
}

/**
 * The database's tables: the rows, and the outbox of invalidation events (event-driven lessons).
 * Changed in place by the database machine; the engine reads `commits` after each step to build
 * the run's history.
 */
export class RowStore {
  private readonly rows = new Map<string, Row>();
  private readonly outbox = new Map<string, { event: InvalidationEvent; published: boolean }>();
  /** Selects, selects that found no row, and committed updates. */
  readonly stats = { reads: 0, notFound: 0, writes: 0 };
  /** Every commit so far, in order. */
  readonly commits: Commit[] = [];

  constructor(
    initial: readonly ({ key: string } & Row)[] = [],
    initialOutbox: readonly InvalidationEvent[] = [],
  ) {
    for (const { key, value, version } of initial) this.rows.set(key, { value, version });
    for (const event of initialOutbox) this.outbox.set(event.eventId, { event, published: false });
  }

  /** Adds a row the run starts with, unless the key has one (a load's keys); no commit, no count. */
  seed(key: string, value: string, version: number): void {
    if (!this.rows.has(key)) this.rows.set(key, { value, version });
  }

  select(key: string): Row | null {
    this.stats.reads++;
    const row = this.rows.get(key);
    if (row === undefined) {
      this.stats.notFound++;
      return null;
    }
    return row;
  }

  /** Commits a new value; the row's version goes up by one (a new row starts at version 1). */
  update(key: string, value: string, requestId: number | null = null): Row {
    this.stats.writes++;
    const row = { value, version: (this.rows.get(key)?.version ?? 0) + 1 };
    this.rows.set(key, row);
    this.commits.push({ key, ...row, requestId });
    return row;
  }

  /** The committed row, without counting a read (for descriptions and consistency checks). */
  peek(key: string): Row | null {
    return this.rows.get(key) ?? null;
  }

  entries(): ({ key: string } & Row)[] {
    const out: ({ key: string } & Row)[] = [];
    for (const [key, row] of this.rows) out.push({ key, ...row });
    return out;
  }

  /** Adds an outbox row (in the same transaction as an update, by the database machine). */
  addToOutbox(event: InvalidationEvent): void {
    this.outbox.set(event.eventId, { event, published: false });
  }

  /** Outbox rows not yet marked published, oldest first. */
  pendingOutbox(): InvalidationEvent[] {
    const out: InvalidationEvent[] = [];
    for (const { event, published } of this.outbox.values()) if (!published) out.push(event);
    return out;
  }

  markPublished(eventId: string): void {
    const row = this.outbox.get(eventId);
    if (row !== undefined) row.published = true;
  }

  outboxRows(): (InvalidationEvent & { published: boolean })[] {
    return [...this.outbox.values()].map(({ event, published }) => ({ ...event, published }));
  }
}
