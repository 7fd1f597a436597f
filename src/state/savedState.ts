import { z } from 'zod/mini';

/**
 * How a store's saved text is read back: the envelope zustand's `persist` writes
 * (`{ state, version }`), the explicit migration steps from each older version, and the store's own
 * reader, which keeps what validates and names what it had to leave out. Pure: no storage here
 * (storage.ts does the reading and writing), so every case can be tested with plain strings.
 */

/** What a reader made of a saved state: the part that validates, and the paths of what did not. */
export interface Reading<T> {
  value: T;
  /** Paths of what was there but could not be read, e.g. `lessons['cache-aside']`; empty if all read. */
  unread: string[];
}

/**
 * One function per version step: `steps[n]` turns what version n saved into what version n + 1
 * saves. Version 1 is the first that shipped, so today every store's steps are empty; when a store
 * moves to version 2, its `1:` step goes here and its reader reads version 2.
 */
export type MigrationSteps = Readonly<Partial<Record<number, (state: unknown) => unknown>>>;

/** Every store shipped first as version 1. A lower version (zustand's default 0, from builds before
 * release) is read as version 1, as far as it validates. */
export const FIRST_VERSION = 1;

export interface SavedShape<T> {
  /** The localStorage key. */
  key: string;
  /** What the notice calls this data, e.g. "lesson progress". */
  label: string;
  version: number;
  steps: MigrationSteps;
  /** Reads a state of the current version. Never throws. */
  read: (state: unknown) => Reading<T>;
  /**
   * What to write when another tab saved since this one last read: `mine` with whatever in `stored`
   * is newer (per lesson, per card). Returns `mine` itself when nothing in `stored` is newer.
   * Without it, the last write wins (settings).
   */
  combine?: (mine: T, stored: T) => T;
}

/** Why saved text could not be read in full. */
export type UnreadableReason = 'not-json' | 'wrong-shape' | 'newer-version' | 'partly-unreadable';

export interface OpenedState<T> {
  /** What could be read (after migration), or null when nothing could. */
  value: T | null;
  /** Null when everything was read. */
  problem: { reason: UnreadableReason; version: number | null; unread: string[] } | null;
}

const envelope = z.object({ state: z.unknown(), version: z.int().check(z.nonnegative()) });

/** Reads a store's saved text: parses it, migrates it step by step, validates it. Never throws. */
export function openSaved<T>(raw: string, shape: SavedShape<T>): OpenedState<T> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { value: null, problem: { reason: 'not-json', version: null, unread: [] } };
  }
  const saved = envelope.safeParse(parsed);
  if (!saved.success) return { value: null, problem: { reason: 'wrong-shape', version: null, unread: [] } };
  const { state, version } = saved.data;

  // A newer version than this page knows: keep what still reads as today's version.
  if (version > shape.version) {
    const reading = shape.read(state);
    return { value: reading.value, problem: { reason: 'newer-version', version, unread: reading.unread } };
  }
  let migrated: unknown;
  try {
    migrated = migrate(state, version, shape.version, shape.steps);
  } catch {
    return { value: null, problem: { reason: 'wrong-shape', version, unread: [] } };
  }
  const reading = shape.read(migrated);
  return {
    value: reading.value,
    problem:
      reading.unread.length === 0 ? null : { reason: 'partly-unreadable', version, unread: reading.unread },
  };
}

/** Runs the steps from `from` up to `to`, one version at a time. Throws if a step is missing. */
export function migrate(state: unknown, from: number, to: number, steps: MigrationSteps): unknown {
  let current = state;
  for (let version = Math.max(from, FIRST_VERSION); version < to; version++) {
    const step = steps[version];
    if (step === undefined) throw new Error(`no migration from version ${version} to ${version + 1}`);
    current = step(current);
  }
  return current;
}

/**
 * `mine`, with each record of `stored` that is newer by `timeOf` (or that `mine` lacks) taken over.
 * Returns `mine` itself when nothing was taken, so callers can tell.
 */
export function newerRecords<R>(
  mine: Readonly<Record<string, R>>,
  stored: Readonly<Record<string, R>>,
  timeOf: (record: R) => number,
): Record<string, R> {
  let result: Record<string, R> | null = null;
  for (const [id, theirs] of Object.entries(stored)) {
    const ours = mine[id];
    if (ours !== undefined && timeOf(ours) >= timeOf(theirs)) continue;
    result ??= { ...mine };
    result[id] = theirs;
  }
  return result ?? (mine as Record<string, R>);
}

/** A record key as it reads in a path: `.name` for a plain word, `['a/b']` otherwise. */
export function pathPart(key: string | number): string {
  if (typeof key === 'number') return `[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key).replace(/^"|"$/g, "'")}]`;
}

/** A path such as `review.cards['alpha/x'].due`. */
export function pathText(path: readonly PropertyKey[]): string {
  const text = path.map((key) => pathPart(typeof key === 'symbol' ? String(key) : key)).join('');
  return text.startsWith('.') ? text.slice(1) : text;
}

/**
 * Reads each field of a settings object on its own: a field that is missing gets its default
 * silently (it may have been added later), one that is there but invalid gets its default and is
 * named as unread.
 */
export function readFields<T extends object>(
  persisted: unknown,
  defaults: T,
  fields: { [K in keyof T]: (value: unknown) => T[K] | undefined },
): Reading<T> {
  if (typeof persisted !== 'object' || persisted === null || Array.isArray(persisted)) {
    return { value: { ...defaults }, unread: persisted === undefined ? [] : ['(everything)'] };
  }
  const value = { ...defaults };
  const unread: string[] = [];
  const record = persisted as Record<string, unknown>;
  for (const key of Object.keys(fields) as (keyof T & string)[]) {
    if (!(key in record)) continue;
    const read = fields[key](record[key]);
    if (read === undefined) unread.push(key);
    else value[key] = read;
  }
  return { value, unread };
}
