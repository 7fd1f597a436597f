import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { readFields } from './savedState.ts';
import type { MigrationSteps, Reading, SavedShape } from './savedState.ts';
import { keepInStepWithOtherTabs, persistedAs } from './storage.ts';

/**
 * The learner's player preferences, kept across visits. Only preferences live here: which frame is
 * shown belongs to the URL, and what happens in a run belongs to the trace.
 */
export type DiagramView = 'topology' | 'sequence';

export interface PlayerSettings {
  /** Playback speed on a log2 scale: 0 is 1×, -2 is 0.25×, 2 is 4×. */
  speedLog2: number;
  setSpeedLog2: (speedLog2: number) => void;
  /** How the run is drawn: the system's boxes and links, or a sequence diagram. */
  diagramView: DiagramView;
  setDiagramView: (view: DiagramView) => void;
}

/**
 * Playback speed lives on a log2 scale so the slider spends as much travel slowing down as speeding
 * up: -2 is 0.25×, 0 is 1×, 2 is 4×, in half-octave notches.
 */
export const SPEED_LOG2_MIN = -2;
export const SPEED_LOG2_MAX = 2;
export const SPEED_LOG2_STEP = 0.5;
export const DEFAULT_SPEED_LOG2 = 0;

/** Snaps any number to the nearest notch inside the range; non-numbers become 1×. */
export function clampSpeedLog2(value: number): number {
  if (!Number.isFinite(value)) return DEFAULT_SPEED_LOG2;
  const notched = Math.round(value / SPEED_LOG2_STEP) * SPEED_LOG2_STEP;
  return Math.min(SPEED_LOG2_MAX, Math.max(SPEED_LOG2_MIN, notched));
}

export const PLAYER_SETTINGS_KEY = 'cachescope.player-settings';
export const PLAYER_SETTINGS_VERSION = 1;

export interface SavedPlayerSettings {
  speedLog2: number;
  diagramView: DiagramView;
}

export const DEFAULT_PLAYER_SETTINGS: SavedPlayerSettings = {
  speedLog2: DEFAULT_SPEED_LOG2,
  diagramView: 'topology',
};

/**
 * Each setting read on its own; anything unreadable (hand-edited, from a future version, corrupt)
 * is the default. `diagramView` was added after version 1 shipped: settings saved before it lack
 * it and read as the topology view.
 */
export function readPlayerSettings(persisted: unknown): Reading<SavedPlayerSettings> {
  return readFields(persisted, DEFAULT_PLAYER_SETTINGS, {
    speedLog2: (value) => (typeof value === 'number' ? clampSpeedLog2(value) : undefined),
    diagramView: (value) => (value === 'topology' || value === 'sequence' ? value : undefined),
  });
}

/** Version 1 is the only one so far; a version 2 adds its step `1: (v1) => v2` here. */
export const PLAYER_SETTINGS_MIGRATIONS: MigrationSteps = {};

export const PLAYER_SETTINGS_SHAPE: SavedShape<SavedPlayerSettings> = {
  key: PLAYER_SETTINGS_KEY,
  label: 'player settings',
  version: PLAYER_SETTINGS_VERSION,
  steps: PLAYER_SETTINGS_MIGRATIONS,
  read: readPlayerSettings,
};

export const usePlayerSettings = create<PlayerSettings>()(
  persist(
    (set) => ({
      ...DEFAULT_PLAYER_SETTINGS,
      setSpeedLog2: (speedLog2) => set({ speedLog2: clampSpeedLog2(speedLog2) }),
      setDiagramView: (diagramView) => set({ diagramView }),
    }),
    persistedAs(PLAYER_SETTINGS_SHAPE, (state): SavedPlayerSettings => ({
      speedLog2: state.speedLog2,
      diagramView: state.diagramView,
    })),
  ),
);

keepInStepWithOtherTabs(usePlayerSettings);
