import { create } from 'zustand';
import type { UnreadableReason } from './savedState.ts';

/**
 * What went wrong with this browser's storage during this visit, for the notice every page shows.
 * Not persisted: a problem is found again on the next visit if it is still there.
 */
export type StorageProblem =
  | {
      id: string;
      kind: 'unreadable';
      reason: UnreadableReason;
      /** The store's key and what the notice calls it ("lesson progress"). */
      key: string;
      label: string;
      /** The version the saved text carried, when it could be read. */
      savedVersion: number | null;
      /** The version this page reads. */
      version: number;
      /** Paths of what could not be read, when only part of it could not. */
      unread: string[];
      /** Where the saved text was copied, or null when even that failed (storage full). */
      backupKey: string | null;
      /** The saved text itself, so it can be downloaded even without a backup. */
      raw: string;
    }
  | { id: string; kind: 'quota'; key: string; label: string }
  | { id: string; kind: 'unavailable'; key: string; label: string };

export interface StorageProblems {
  problems: StorageProblem[];
  report: (problem: StorageProblem) => void;
  dismiss: (id: string) => void;
}

export const useStorageProblems = create<StorageProblems>()((set) => ({
  problems: [],
  // One notice per problem: a full storage is reported once per key until dismissed, and the same
  // unreadable text (read again when another tab saves) is reported once.
  report: (problem) =>
    set((state) =>
      state.problems.some((p) => p.id === problem.id) ? state : { problems: [...state.problems, problem] },
    ),
  dismiss: (id) => set((state) => ({ problems: state.problems.filter((p) => p.id !== id) })),
}));
