import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { readFields } from './savedState.ts';
import type { MigrationSteps, Reading, SavedShape } from './savedState.ts';
import { keepInStepWithOtherTabs, persistedAs } from './storage.ts';

/**
 * Read-aloud preferences, kept across visits: the speaking rate and the chosen voice. What is being
 * read, and where, belongs to the page.
 */
export interface ReadAloudSettings {
  /** Speaking rate, 0.5× to 2×, in quarter steps. */
  rate: number;
  setRate: (rate: number) => void;
  /** The chosen voice's `voiceURI`, or null for the browser's default voice for the page's language. */
  voiceURI: string | null;
  setVoiceURI: (voiceURI: string | null) => void;
}

export const READ_ALOUD_RATES = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2] as const;
export const DEFAULT_RATE = 1;

/** The nearest offered rate; anything that is not a number becomes 1×. */
export function clampRate(rate: number): number {
  if (!Number.isFinite(rate)) return DEFAULT_RATE;
  return READ_ALOUD_RATES.reduce((best, r) => (Math.abs(r - rate) < Math.abs(best - rate) ? r : best));
}

export const READ_ALOUD_KEY = 'cachescope.read-aloud';
export const READ_ALOUD_VERSION = 1;

export interface SavedReadAloudSettings {
  rate: number;
  voiceURI: string | null;
}

export const DEFAULT_READ_ALOUD: SavedReadAloudSettings = { rate: DEFAULT_RATE, voiceURI: null };

/** Each setting read on its own: anything unreadable (hand-edited, corrupt, from a future version) is the default. */
export function readReadAloudSettings(persisted: unknown): Reading<SavedReadAloudSettings> {
  return readFields(persisted, DEFAULT_READ_ALOUD, {
    rate: (value) => (typeof value === 'number' ? clampRate(value) : undefined),
    voiceURI: (value) => (value === null || (typeof value === 'string' && value !== '') ? value : undefined),
  });
}

/** Version 1 is the only one so far; a version 2 adds its step `1: (v1) => v2` here. */
export const READ_ALOUD_MIGRATIONS: MigrationSteps = {};

export const READ_ALOUD_SHAPE: SavedShape<SavedReadAloudSettings> = {
  key: READ_ALOUD_KEY,
  label: 'read-aloud settings',
  version: READ_ALOUD_VERSION,
  steps: READ_ALOUD_MIGRATIONS,
  read: readReadAloudSettings,
};

export const useReadAloudSettings = create<ReadAloudSettings>()(
  persist(
    (set) => ({
      ...DEFAULT_READ_ALOUD,
      setRate: (rate) => set({ rate: clampRate(rate) }),
      setVoiceURI: (voiceURI) => set({ voiceURI }),
    }),
    persistedAs(READ_ALOUD_SHAPE, (state): SavedReadAloudSettings => ({
      rate: state.rate,
      voiceURI: state.voiceURI,
    })),
  ),
);

keepInStepWithOtherTabs(useReadAloudSettings);
