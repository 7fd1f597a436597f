import type { CacheRowView, DbRowView, OutboxRowView } from '../../engine/index.ts';

/**
 * What changed in a table between the previous frame and this one, row by row, so the tables can
 * highlight exactly the cells a step touched. A row deleted in this step is kept, marked removed,
 * for the one frame in which it disappeared: a DEL that leaves no trace is hard to see.
 */
export interface RowChange<Row> {
  key: string;
  row: Row;
  status: 'same' | 'added' | 'changed' | 'removed';
  /** Names of the columns whose values differ from the previous frame. */
  changedCells: ReadonlySet<string>;
}

const NONE: ReadonlySet<string> = new Set();

export function diffCacheRows(
  previous: readonly CacheRowView[] | null,
  current: readonly CacheRowView[],
): RowChange<CacheRowView>[] {
  return diffRows(previous, current, (before, after) => {
    const cells = new Set<string>();
    if (before.value !== after.value) cells.add('value');
    if (before.version !== after.version) cells.add('version');
    // TTLs tick down on their own; only a TTL that was set again (went up) or added/removed counts.
    const ttlReset =
      before.ttlRemainingMs === null || after.ttlRemainingMs === null
        ? before.ttlRemainingMs !== after.ttlRemainingMs
        : after.ttlRemainingMs > before.ttlRemainingMs;
    if (ttlReset) cells.add('ttl');
    return cells;
  });
}

export function diffDbRows(
  previous: readonly DbRowView[] | null,
  current: readonly DbRowView[],
): RowChange<DbRowView>[] {
  return diffRows(previous, current, (before, after) => {
    const cells = new Set<string>();
    if (before.value !== after.value) cells.add('value');
    if (before.version !== after.version) cells.add('version');
    return cells;
  });
}

/** Outbox rows, matched by event id (several events may name one key). */
export function diffOutboxRows(
  previous: readonly OutboxRowView[] | null,
  current: readonly OutboxRowView[],
): RowChange<OutboxRowView>[] {
  const byEvent = (rows: readonly OutboxRowView[]) => rows.map((row) => ({ key: row.eventId, row }));
  const changes = diffRows(
    previous === null ? null : byEvent(previous),
    byEvent(current),
    (before, after) => {
      const cells = new Set<string>();
      if (before.row.published !== after.row.published) cells.add('published');
      return cells;
    },
  );
  return changes.map((change) => ({ ...change, row: change.row.row }));
}

function diffRows<Row extends { key: string }>(
  previous: readonly Row[] | null,
  current: readonly Row[],
  changedCellsOf: (before: Row, after: Row) => Set<string>,
): RowChange<Row>[] {
  // The first frame has nothing before it: everything is simply there, nothing "changed".
  if (previous === null)
    return current.map((row) => ({ key: row.key, row, status: 'same', changedCells: NONE }));
  const before = new Map(previous.map((row) => [row.key, row]));
  const currentKeys = new Set(current.map((row) => row.key));
  const changes: RowChange<Row>[] = current.map((row) => {
    const old = before.get(row.key);
    if (old === undefined) return { key: row.key, row, status: 'added', changedCells: NONE };
    const cells = changedCellsOf(old, row);
    return { key: row.key, row, status: cells.size > 0 ? 'changed' : 'same', changedCells: cells };
  });
  for (const row of previous) {
    if (!currentKeys.has(row.key)) changes.push({ key: row.key, row, status: 'removed', changedCells: NONE });
  }
  return changes;
}
