import type { PersistOptions, PersistStorage, StorageValue } from 'zustand/middleware';
import { openSaved } from './savedState.ts';
import type { OpenedState, SavedShape } from './savedState.ts';
import { useStorageProblems } from './storageProblems.ts';

/**
 * The one storage every persisted store uses: localStorage behind a guard that never loses data.
 * - Reading: saved text that cannot be read in full (not JSON, a wrong shape, a newer version, a
 *   record that does not validate) is copied under a backup key first, then reported; the store
 *   starts with what could be read.
 * - Writing: if another tab saved since this one last read, its newer records are kept (the
 *   store's `combine`); a full storage is reported instead of thrown.
 * - Other tabs: a `storage` event reloads the store it concerns.
 */

/** The text each key held when this tab last read or wrote it: another tab wrote if it differs. */
const lastSeen = new Map<string, string | null>();
const rehydrators = new Map<string, () => Promise<void>>();

/** Backups are named `<key>.backup-<ISO time>` (`-2`, `-3`… if that name is taken). */
export function backupPrefix(key: string): string {
  return `${key}.backup-`;
}

function area(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Some browsers throw on access when site data is blocked.
    return null;
  }
}

function reportUnavailable(label: string, key: string) {
  useStorageProblems.getState().report({ id: 'unavailable', kind: 'unavailable', key, label });
}

function isQuotaExceeded(error: unknown): boolean {
  return (
    error instanceof DOMException &&
    (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED')
  );
}

/**
 * Copies `raw` under a new backup key and returns it; an existing backup is never overwritten, and
 * text already backed up (on an earlier visit, or by another tab) is not copied twice. Null when
 * the copy could not be written.
 */
export function backUp(storage: Storage, key: string, raw: string): string | null {
  const prefix = backupPrefix(key);
  for (let i = 0; i < storage.length; i++) {
    const existing = storage.key(i);
    if (existing?.startsWith(prefix) && storage.getItem(existing) === raw) return existing;
  }
  const stamp = `${prefix}${new Date().toISOString()}`;
  let backupKey = stamp;
  for (let n = 2; storage.getItem(backupKey) !== null; n++) backupKey = `${stamp}-${n}`;
  try {
    storage.setItem(backupKey, raw);
    return backupKey;
  } catch {
    return null;
  }
}

/** Keeps unreadable text aside and tells the learner. Returns whether the backup was written. */
function keepUnreadable<T>(storage: Storage, shape: SavedShape<T>, raw: string, opened: OpenedState<T>) {
  if (opened.problem === null) return true;
  const backupKey = backUp(storage, shape.key, raw);
  useStorageProblems.getState().report({
    id: `unreadable:${shape.key}:${backupKey ?? raw.length}`,
    kind: 'unreadable',
    reason: opened.problem.reason,
    key: shape.key,
    label: shape.label,
    savedVersion: opened.problem.version,
    version: shape.version,
    unread: opened.problem.unread,
    backupKey,
    raw,
  });
  return backupKey !== null;
}

function write(storage: Storage, shape: SavedShape<unknown>, text: string): boolean {
  try {
    storage.setItem(shape.key, text);
    lastSeen.set(shape.key, text);
    return true;
  } catch (error) {
    const report = useStorageProblems.getState().report;
    if (isQuotaExceeded(error)) report({ id: 'quota', kind: 'quota', key: shape.key, label: shape.label });
    else reportUnavailable(shape.label, shape.key);
    return false;
  }
}

/** The guarded storage for one store. */
export function guardedStorage<T>(shape: SavedShape<T>): PersistStorage<T> {
  const saved = (state: T) => JSON.stringify({ state, version: shape.version });
  return {
    getItem: (name): StorageValue<T> | null => {
      const storage = area();
      if (storage === null) {
        reportUnavailable(shape.label, name);
        return null;
      }
      const raw = storage.getItem(name);
      lastSeen.set(name, raw);
      if (raw === null) return null;
      const opened = openSaved(raw, shape);
      if (opened.problem !== null && keepUnreadable(storage, shape, raw, opened)) {
        // Backed up: the key now holds what could be read, so the next visit starts clean.
        if (opened.value === null) {
          storage.removeItem(name);
          lastSeen.set(name, null);
        } else write(storage, shape as SavedShape<unknown>, saved(opened.value));
      }
      return opened.value === null ? null : { state: opened.value, version: shape.version };
    },
    setItem: (name, value) => {
      const storage = area();
      if (storage === null) {
        reportUnavailable(shape.label, name);
        return;
      }
      let state = value.state;
      const stored = storage.getItem(name);
      if (stored !== null && stored !== lastSeen.get(name)) {
        // Another tab saved since this one read: keep its newer records, and whatever it saved
        // that cannot be read.
        const opened = openSaved(stored, shape);
        keepUnreadable(storage, shape, stored, opened);
        if (opened.value !== null && shape.combine !== undefined) {
          const combined = shape.combine(state, opened.value);
          if (combined !== state) {
            state = combined;
            // This tab's store lacks what was taken: load it (the event for it may still be on its way).
            queueMicrotask(() => void rehydrators.get(name)?.());
          }
        }
      }
      write(storage, shape as SavedShape<unknown>, saved(state));
    },
    removeItem: (name) => {
      area()?.removeItem(name);
      lastSeen.set(name, null);
    },
  };
}

/**
 * A store's persist options: its key and version, the guarded storage, and a merge that takes what
 * the storage read (already migrated to this version and validated, so no `migrate` is needed:
 * zustand calls it only when the versions differ, and the storage hands over the current version).
 */
export function persistedAs<S, T>(shape: SavedShape<T>, partialize: (state: S) => T): PersistOptions<S, T> {
  return {
    name: shape.key,
    version: shape.version,
    storage: guardedStorage(shape),
    partialize,
    merge: (persisted, current) => ({ ...current, ...(persisted as Partial<S> | undefined) }),
  };
}

interface PersistedStore {
  persist: { getOptions: () => { name?: string }; rehydrate: () => Promise<void> };
}

/** Reloads a store when another tab saves it. */
export function keepInStepWithOtherTabs(store: PersistedStore): void {
  const name = store.persist.getOptions().name;
  if (name === undefined) return;
  rehydrators.set(name, () => store.persist.rehydrate());
  if (rehydrators.size === 1 && typeof window !== 'undefined') window.addEventListener('storage', onStorage);
}

function onStorage(event: StorageEvent) {
  if (event.storageArea !== null && event.storageArea !== area()) return;
  // A null key: the other tab cleared the whole storage.
  const stores = event.key === null ? [...rehydrators.values()] : [rehydrators.get(event.key)];
  for (const rehydrate of stores) void rehydrate?.();
}

/** The backups kept in this browser, newest first. */
export function listBackups(storeKeys: readonly string[]): { key: string; storeKey: string; size: number }[] {
  const storage = area();
  if (storage === null) return [];
  const found: { key: string; storeKey: string; size: number }[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    const storeKey = storeKeys.find((k) => key?.startsWith(backupPrefix(k)));
    if (key === null || storeKey === undefined) continue;
    found.push({ key, storeKey, size: storage.getItem(key)?.length ?? 0 });
  }
  const stamp = (key: string) => key.slice(key.lastIndexOf('.backup-'));
  return found.sort((a, b) => stamp(b.key).localeCompare(stamp(a.key)));
}

/** The text kept under a backup key (null if gone), and a way to delete one. */
export function readBackup(key: string): string | null {
  return area()?.getItem(key) ?? null;
}

export function deleteBackup(key: string): void {
  area()?.removeItem(key);
}
