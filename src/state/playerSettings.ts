import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { z } from 'zod';

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
const VERSION = 1;

const storedSettings = z.object({ speedLog2: z.number() });
// Added after version 1 shipped: optional, so settings saved before it still read.
const storedView = z.object({ diagramView: z.enum(['topology', 'sequence']) });

/** Anything unreadable (hand-edited, from a future version, corrupt) falls back to defaults. */
function readStored(persisted: unknown): { speedLog2: number; diagramView: DiagramView } {
  const parsed = storedSettings.safeParse(persisted);
  const view = storedView.safeParse(persisted);
  return {
    speedLog2: parsed.success ? clampSpeedLog2(parsed.data.speedLog2) : DEFAULT_SPEED_LOG2,
    diagramView: view.success ? view.data.diagramView : 'topology',
  };
}

export const usePlayerSettings = create<PlayerSettings>()(
  persist(
    (set) => ({
      speedLog2: DEFAULT_SPEED_LOG2,
      setSpeedLog2: (speedLog2) => set({ speedLog2: clampSpeedLog2(speedLog2) }),
      diagramView: 'topology',
      setDiagramView: (diagramView) => set({ diagramView }),
    }),
    {
      name: PLAYER_SETTINGS_KEY,
      version: VERSION,
      storage: createJSONStorage(() => localStorage),
      partialize: (state) => ({ speedLog2: state.speedLog2, diagramView: state.diagramView }),
      // Version 1 is the first; older or unknown shapes are read as far as they validate.
      migrate: (persisted) => readStored(persisted),
      merge: (persisted, current) => ({ ...current, ...readStored(persisted) }),
    },
  ),
);
